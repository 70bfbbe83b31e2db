package org.entente.server.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The few file operations a journal needs. {@link DirectoryJournalStore} opens these through a
 * {@link Opener}, so a disk that fills up, fails or turns read-only can be put in front of real
 * files.
 */
public interface JournalFile extends Closeable {
  /** Writes some bytes of {@code src} at {@code position}; returns how many. */
  int write(ByteBuffer src, long position) throws IOException;

  /** Forces written data to the device ({@code fdatasync}, or a full sync with metadata). */
  void force(boolean metadata) throws IOException;

  long size() throws IOException;

  void truncate(long size) throws IOException;

  boolean isOpen();

  /** Opens journal files. */
  @FunctionalInterface
  interface Opener {
    /** Opens {@code path}: a new file when {@code create}, else an existing one, for writing. */
    JournalFile open(Path path, boolean create) throws IOException;

    /**
     * Real files through a {@link FileChannel}. New files are readable and writable by their owner
     * only where the file system has POSIX permissions: journals hold the games' tokens.
     */
    Opener FILES =
        (path, create) -> {
          if (!create) {
            return of(FileChannel.open(path, StandardOpenOption.WRITE));
          }
          java.util.Set<OpenOption> options =
              java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          boolean posix =
              path.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
          return of(
              posix
                  ? FileChannel.open(
                      path,
                      options,
                      java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")))
                  : FileChannel.open(path, options));
        };
  }

  /** {@code ch} as a journal file. */
  static JournalFile of(FileChannel ch) {
    return new JournalFile() {
      @Override
      public int write(ByteBuffer src, long position) throws IOException {
        return ch.write(src, position);
      }

      @Override
      public void force(boolean metadata) throws IOException {
        ch.force(metadata);
      }

      @Override
      public long size() throws IOException {
        return ch.size();
      }

      @Override
      public void truncate(long size) throws IOException {
        ch.truncate(size);
      }

      @Override
      public boolean isOpen() {
        return ch.isOpen();
      }

      @Override
      public void close() throws IOException {
        ch.close();
      }
    };
  }
}
