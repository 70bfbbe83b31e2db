package org.entente.server.game;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Time for live games, injected so tests control it: the current time and a way to run a task at a
 * time. Deadlines are the only thing in a game that depends on time.
 */
public interface GameClock {

  /** Milliseconds since the epoch. */
  long millis();

  /** Runs {@code task} at or after {@code epochMillis}; the handle cancels it. */
  Cancellable at(long epochMillis, Runnable task);

  /** A scheduled task's handle. */
  interface Cancellable {
    void cancel();
  }

  /** The wall clock with one shared timer thread (tasks must hand their work to a game). */
  static GameClock system() {
    return SystemClock.INSTANCE;
  }

  /** The wall-clock implementation. */
  final class SystemClock implements GameClock {
    static final SystemClock INSTANCE = new SystemClock();
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "entente-deadlines");
              t.setDaemon(true);
              return t;
            });

    private SystemClock() {}

    @Override
    public long millis() {
      return System.currentTimeMillis();
    }

    @Override
    public Cancellable at(long epochMillis, Runnable task) {
      long delay = Math.max(0, epochMillis - millis());
      ScheduledFuture<?> f = timer.schedule(task, delay, TimeUnit.MILLISECONDS);
      return () -> f.cancel(false);
    }
  }
}
