package org.entente.server.game;

import java.util.ArrayList;
import java.util.List;

/** A clock tests move by hand: tasks run when {@link #advance} passes their time. */
final class ManualClock implements GameClock {
  private long now = 1_700_000_000_000L;
  private final List<long[]> times = new ArrayList<>();
  private final List<Runnable> tasks = new ArrayList<>();

  @Override
  public synchronized long millis() {
    return now;
  }

  @Override
  public synchronized Cancellable at(long epochMillis, Runnable task) {
    long[] slot = {epochMillis};
    times.add(slot);
    tasks.add(task);
    return () -> {
      synchronized (this) {
        int i = times.indexOf(slot);
        if (i >= 0) {
          times.remove(i);
          tasks.remove(i);
        }
      }
    };
  }

  void advance(long millis) {
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      now += millis;
      for (int i = times.size() - 1; i >= 0; i--) {
        if (times.get(i)[0] <= now) {
          due.add(0, tasks.get(i));
          times.remove(i);
          tasks.remove(i);
        }
      }
    }
    due.forEach(Runnable::run);
  }
}
