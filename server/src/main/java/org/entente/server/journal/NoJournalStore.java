package org.entente.server.journal;

import java.io.IOException;
import java.util.List;

/** The store of a server without journals. */
enum NoJournalStore implements JournalStore {
  INSTANCE;

  @Override
  public Journal create(String gameId) {
    return Journal.NONE;
  }

  @Override
  public Journal reopen(String gameId, long validLength) {
    return Journal.NONE;
  }

  @Override
  public JournalReader.Contents read(String gameId) throws IOException {
    throw new java.nio.file.NoSuchFileException(gameId + " (no journal store)");
  }

  @Override
  public List<String> list() {
    return List.of();
  }
}
