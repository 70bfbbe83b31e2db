package org.entente.server.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.entente.proto.v1.JournalRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the journals of finished games last written more than {@code --retain-days} ago. A
 * journal is deleted only when its records say the game is over (a {@code finished} record) and the
 * server does not serve it as a running game; a running, unfinished or unreadable journal is always
 * kept (an unreadable one is left for inspection). Every deletion is logged with the game, the file
 * and its age.
 */
public final class JournalPruner {
  private static final Logger LOG = LoggerFactory.getLogger(JournalPruner.class);

  /** One journal deleted. */
  public record Pruned(String gameId, Path file, Instant lastWritten, String finishedReason) {}

  private final DirectoryJournalStore store;
  private final Duration retain;

  /**
   * @param retain how long after its last write a finished game's journal is kept (positive)
   */
  public JournalPruner(DirectoryJournalStore store, Duration retain) {
    if (retain.isNegative() || retain.isZero()) {
      throw new IllegalArgumentException(
          "--retain-days must be at least 1, got " + retain.toDays());
    }
    this.store = store;
    this.retain = retain;
  }

  /**
   * Deletes what is due at {@code now}.
   *
   * @param running true for a game the server serves and that is not over: never deleted
   * @return the journals deleted
   */
  public List<Pruned> prune(Instant now, Predicate<String> running) throws IOException {
    List<Pruned> out = new ArrayList<>();
    Instant cutoff = now.minus(retain);
    for (String id : store.list()) {
      Path file = store.path(id);
      Instant written;
      try {
        written = Files.getLastModifiedTime(file).toInstant();
      } catch (IOException e) {
        continue; // gone meanwhile
      }
      if (!written.isBefore(cutoff) || running.test(id)) {
        continue;
      }
      String reason;
      try {
        reason = finishedReason(store.read(id).records());
      } catch (IOException | RuntimeException e) {
        LOG.warn("prune: keeping {}: cannot read it ({})", file, e.getMessage());
        continue;
      }
      if (reason == null) {
        continue; // not over: it resumes at the next start
      }
      // Checked again just before deleting: the game may have been read back meanwhile.
      if (running.test(id)) {
        continue;
      }
      Files.deleteIfExists(file);
      long days = Duration.between(written, now).toDays();
      LOG.info(
          "prune: deleted the journal of finished game {} ({}), last written {} ({} days ago,"
              + " --retain-days {})",
          id,
          file,
          written,
          days,
          retain.toDays());
      out.add(new Pruned(id, file, written, reason));
    }
    return out;
  }

  /** Why the game of these records ended, or null while it is not over. */
  static String finishedReason(List<JournalRecord> records) {
    for (int i = records.size() - 1; i >= 0; i--) {
      if (records.get(i).hasFinished()) {
        String reason = records.get(i).getFinished().getReason();
        return reason.isEmpty() ? "finished" : reason;
      }
    }
    return null;
  }
}
