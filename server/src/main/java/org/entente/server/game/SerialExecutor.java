package org.entente.server.game;

import java.util.ArrayDeque;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One game's queue of tasks, run one at a time and in order on a shared pool of threads. A game
 * therefore never runs two tasks at once and sees them in submission order, as with a thread of its
 * own, but a thousand games need only the pool's few threads, and a finished game holds no thread.
 *
 * <p>A task may {@linkplain #suspendUntil suspend} the queue until something completes (the game's
 * turn record reaching the disk): the given continuation then runs before any other queued task.
 * After {@value #BATCH} tasks in a row the queue yields its thread to other games.
 */
final class SerialExecutor implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
  static final int BATCH = 64;

  private final String name;
  private final Executor pool;
  private final Runnable whenIdle;
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();
  private final java.util.concurrent.atomic.AtomicLong cpuNanos =
      new java.util.concurrent.atomic.AtomicLong();
  private boolean scheduled; // a drain is queued on the pool or running
  private boolean suspended;
  private boolean shutdown;

  /**
   * @param whenIdle runs (serially with the tasks) each time the queue runs dry: work a game defers
   *     to the end of a burst of tasks
   */
  SerialExecutor(String name, Executor pool, Runnable whenIdle) {
    this.name = name;
    this.pool = pool;
    this.whenIdle = whenIdle;
  }

  /**
   * Queues {@code task}.
   *
   * @throws RejectedExecutionException once the executor is shut down
   */
  @Override
  public void execute(Runnable task) {
    boolean start;
    synchronized (this) {
      if (shutdown) {
        throw new RejectedExecutionException(name + " is shut down");
      }
      queue.addLast(task);
      start = !scheduled && !suspended;
      scheduled |= start;
    }
    if (start) {
      pool.execute(this::drain);
    }
  }

  /**
   * From inside a running task: runs nothing more until {@code stage} completes, then {@code
   * continuation} first, then the rest of the queue.
   */
  void suspendUntil(CompletionStage<?> stage, Runnable continuation) {
    synchronized (this) {
      queue.addFirst(continuation);
      suspended = true;
    }
    stage.whenComplete((v, e) -> resume());
  }

  private void resume() {
    boolean start;
    synchronized (this) {
      suspended = false;
      start = !scheduled && !queue.isEmpty();
      scheduled |= start;
    }
    if (start) {
      pool.execute(this::drain);
    }
  }

  private void drain() {
    for (int i = 0; i < BATCH; i++) {
      Runnable task;
      synchronized (this) {
        task = suspended ? null : queue.pollFirst();
      }
      if (task == null) {
        run(whenIdle);
        synchronized (this) {
          if (suspended || queue.isEmpty()) {
            scheduled = false;
            notifyAll();
            return;
          }
        }
      } else {
        run(task);
      }
    }
    pool.execute(this::drain); // let other games run; this one stays scheduled
  }

  private void run(Runnable task) {
    long cpu = CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0;
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      LOG.error("{}: task failed", name, e);
    } finally {
      if (CPU_TIME) {
        cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
      }
    }
  }

  /**
   * The CPU time this queue's tasks have used so far, in nanoseconds (0 where the JVM cannot
   * measure a thread's CPU time).
   */
  long cpuNanos() {
    return cpuNanos.get();
  }

  /** Refuses new tasks; those queued still run. */
  synchronized void shutdown() {
    shutdown = true;
  }

  /** True once {@link #shutdown()} was called. */
  synchronized boolean isShutdown() {
    return shutdown;
  }

  /**
   * Waits until the queue is empty and nothing runs, at most {@code timeout}.
   *
   * @return false if work remained when the time was up
   */
  synchronized boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
    long end = System.nanoTime() + unit.toNanos(timeout);
    while (scheduled || (!queue.isEmpty() && !suspended) || suspended) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** Drops the tasks not yet started (after a bounded wait that timed out). */
  synchronized int discardQueued() {
    int n = queue.size();
    queue.clear();
    return n;
  }
}
