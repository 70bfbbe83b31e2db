package org.entente.server.journal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces journals to disk off the games' threads, in groups: each sync thread takes every request
 * waiting, forces each journal among them once, and completes all their futures. A game waits for
 * its future before it sends the results of a turn, so a turn's record is on disk before anyone
 * learns the turn's outcome, while the game threads stay free for other games during the wait.
 *
 * <p>A journal that fails to force is logged and its futures complete exceptionally with the error:
 * the game must not tell anyone the outcome of a record that may not be on disk.
 */
public final class JournalSyncer {
  private static final Logger LOG = LoggerFactory.getLogger(JournalSyncer.class);

  /**
   * Sync threads: many, because the file system commits concurrent fsyncs of different files
   * together, so syncs in parallel cost about one; the threads only wait on the disk.
   */
  static final int SYNC_THREADS = 32;

  private static final JournalSyncer SHARED = new JournalSyncer(SYNC_THREADS);

  private record Request(Journal journal, CompletableFuture<Void> done) {}

  private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();

  /** A syncer with {@code threads} daemon sync threads. */
  public JournalSyncer(int threads) {
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(this::run, "entente-journal-sync-" + i);
      t.setDaemon(true);
      t.start();
    }
  }

  /** The process-wide syncer the live games share. */
  public static JournalSyncer shared() {
    return SHARED;
  }

  /** Forces everything appended to {@code journal} so far; the future completes once it is done. */
  public CompletableFuture<Void> force(Journal journal) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.add(new Request(journal, done));
    return done;
  }

  private void run() {
    List<Request> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, 256);
      Map<Journal, Optional<Throwable>> forced = new IdentityHashMap<>();
      for (Request r : batch) {
        forced.computeIfAbsent(r.journal(), JournalSyncer::forceLogged);
      }
      for (Request r : batch) {
        Optional<Throwable> failure = forced.get(r.journal());
        if (failure.isPresent()) {
          r.done().completeExceptionally(failure.get());
        } else {
          r.done().complete(null);
        }
      }
      batch.clear();
    }
  }

  private static Optional<Throwable> forceLogged(Journal journal) {
    try {
      journal.force();
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.error("cannot force a journal to disk: {}", e.toString());
      return Optional.of(e);
    }
  }
}
