package org.entente.server.chaos;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fills the file system of a directory (meant to be a small one holding the server's data folder,
 * such as a tmpfs) with one file until the disk refuses a write, and frees it again.
 */
final class DiskFiller {
  static final String FILE_NAME = "entente-chaos-filler";
  private final Path file;

  DiskFiller(Path dir) {
    this.file = dir.resolve(FILE_NAME);
  }

  /**
   * Writes until the disk is full, in ever smaller pieces down to a byte so that no room is left;
   * returns the bytes written.
   */
  long fill() throws IOException {
    long written = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int size : new int[] {1 << 20, 1 << 12, 1}) {
        written += writeUntilFull(out, new byte[size]);
      }
    }
    if (Files.getFileStore(file.getParent()).getUsableSpace() >= 1 << 12) {
      throw new IOException("the disk of " + file.getParent() + " refused a write but is not full");
    }
    return written;
  }

  private static long writeUntilFull(OutputStream out, byte[] block) {
    long written = 0;
    try {
      while (true) {
        out.write(block);
        written += block.length;
      }
    } catch (IOException full) {
      return written;
    }
  }

  /** Deletes the filler file. */
  void free() throws IOException {
    Files.deleteIfExists(file);
  }
}
