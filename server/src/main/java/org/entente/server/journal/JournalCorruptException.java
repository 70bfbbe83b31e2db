package org.entente.server.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A journal that cannot be trusted: a bad header, a corrupt record followed by more records, or a
 * replay whose hash differs from the one stored. The message names the file and where.
 */
public final class JournalCorruptException extends IOException {
  private final transient Path file;

  public JournalCorruptException(Path file, String message) {
    super(file + ": " + message);
    this.file = file;
  }

  /** The journal file. */
  public Path file() {
    return file;
  }
}
