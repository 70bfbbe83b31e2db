package org.entente.server.journal;

import java.io.IOException;
import java.util.List;

/**
 * Where games' journals live: one append-only journal per game id. {@link #none()} keeps nothing
 * (tests, and servers run without a data directory).
 */
public interface JournalStore {
  /** Creates the journal of a new game (fails if one exists) and writes its header. */
  Journal create(String gameId) throws IOException;

  /**
   * Opens an existing journal for appending after cutting it to {@code validLength} bytes (the end
   * of its last good record, see {@link JournalReader.Contents#validLength()}).
   */
  Journal reopen(String gameId, long validLength) throws IOException;

  /** Deletes {@code gameId}'s journal (a game whose creation could not be journaled whole). */
  default void delete(String gameId) {}

  /** The length in bytes of {@code gameId}'s journal file. */
  default long length(String gameId) throws IOException {
    throw new java.nio.file.NoSuchFileException(gameId + " (no journal store)");
  }

  /** Reads a journal record by record, checking every frame. */
  JournalReader.Contents read(String gameId) throws IOException;

  /** The ids of the games with a journal, sorted. */
  List<String> list() throws IOException;

  /** A store that keeps nothing and lists no games. */
  static JournalStore none() {
    return NoJournalStore.INSTANCE;
  }
}
