package org.entente.server.game;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every live game's {@link SerialExecutor} runs on: one per core (at least two), shared
 * by all games of the process. Games never block on them for long: journal syncs are waited for off
 * the pool.
 */
final class GamePool {
  private static final ExecutorService SHARED = create();

  private GamePool() {}

  static ExecutorService shared() {
    return SHARED;
  }

  private static ExecutorService create() {
    int n = Math.max(2, Runtime.getRuntime().availableProcessors());
    AtomicInteger seq = new AtomicInteger();
    return Executors.newFixedThreadPool(
        n,
        r -> {
          Thread t = new Thread(r, "entente-games-" + seq.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }
}
