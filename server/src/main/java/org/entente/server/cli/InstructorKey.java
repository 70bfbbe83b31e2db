package org.entente.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The server's instructor key (it lists every game on the games dashboard and opens any game's
 * console, see {@code OpenConsole} in protocol.proto): the one given with {@code serve
 * --instructor-key}, else the one kept in {@code DATA/instructor-key}, else a new one written
 * there, readable by the server's user only (mode 0600), so it stays the same across restarts.
 */
final class InstructorKey {
  static final String FILE = "instructor-key";

  /** The key and where it came from, for the start-up line. */
  record Chosen(String key, String why) {}

  private InstructorKey() {}

  /** A key given on the command line must be 16 to 128 printable characters without spaces. */
  static String problem(String key) {
    if (key.length() < 16 || key.length() > 128) {
      return "the key must be 16 to 128 characters, got " + key.length();
    }
    if (!key.chars().allMatch(ch -> ch > 32 && ch < 127)) {
      return "the key must be printable ASCII without spaces";
    }
    return null;
  }

  static Chosen choose(String given, Path data) throws IOException {
    if (given != null) {
      return new Chosen(given, "from --instructor-key");
    }
    Path file = data.resolve(FILE);
    if (Files.exists(file)) {
      String key = Files.readString(file, StandardCharsets.UTF_8).trim();
      String problem = problem(key);
      if (problem != null) {
        throw new IOException(file + ": " + problem + "; delete the file to get a new key");
      }
      return new Chosen(key, "kept in " + file);
    }
    byte[] b = new byte[16];
    new java.security.SecureRandom().nextBytes(b);
    String key = java.util.HexFormat.of().formatHex(b);
    Files.createDirectories(data);
    Path tmp = data.resolve(FILE + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp); // a file system without POSIX modes
    }
    Files.writeString(tmp, key + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return new Chosen(key, "new, kept in " + file + " (mode 0600)");
  }
}
