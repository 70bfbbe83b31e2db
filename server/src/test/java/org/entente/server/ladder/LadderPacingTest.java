package org.entente.server.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.net.Loopback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ladder keeps to its CPU share. A field of built-in strategies alone would play back to back
 * (here at several percent of a core, most of a game's time being the journal's syncs); with a
 * share of 1% the ladder must spend most of its time pausing, and both its own account and the CPU
 * clocks of the game threads, read separately, stay within the share.
 */
class LadderPacingTest {
  @TempDir Path data;

  // A few unpaced games first, so that the paced run's games are not the JVM's first (a cold
  // game's CPU time, class loading and compilation included, would earn a pause of many seconds).
  void warmUp() throws Exception {
    Path other = data.resolve("warm-up");
    Lobby lobby =
        new Lobby(
            Loopback.config(other, 10_000), GameClock.system(), new DirectoryJournalStore(other));
    Ladder ladder =
        Ladder.open(
            lobby,
            other,
            new Ladder.Config(
                1.0, List.of("tutorial"), List.of("threat-balancer", "hider", "random"), 5, 3));
    try {
      ladder.start();
      Thread.sleep(2500);
      assertThat(ladder.gamesRated()).isPositive();
    } finally {
      ladder.close();
      lobby.shutdown();
    }
  }

  // CPU time of the threads that run games' tasks (only the ladder's games run here).
  static long gameThreadsCpu(ThreadMXBean threads) {
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      var info = threads.getThreadInfo(id);
      if (info != null && info.getThreadName().startsWith("entente-games")) {
        sum += Math.max(0, threads.getThreadCpuTime(id));
      }
    }
    return sum;
  }

  @Test
  void theLadderPlaysWithinItsShareOfACore() throws Exception {
    warmUp();
    double share = 0.01;
    Lobby lobby =
        new Lobby(
            Loopback.config(data, 10_000), GameClock.system(), new DirectoryJournalStore(data));
    Ladder ladder =
        Ladder.open(
            lobby,
            data,
            new Ladder.Config(
                share, List.of("tutorial"), List.of("threat-balancer", "hider", "random"), 5, 3));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try {
      long cpu0 = gameThreadsCpu(threads);
      long t0 = System.nanoTime();
      ladder.start();
      Thread.sleep(8000);
      long window = System.nanoTime() - t0;
      long games = ladder.gamesRated();
      double measured = ladder.cpuMeasured();
      double threadShare = (double) (gameThreadsCpu(threads) - cpu0) / window;
      double pausing = (double) ladder.pacedNanos() / window;
      System.out.printf(
          "ladder pacing at %.2f: %d games, measured %.4f, game threads %.4f, pausing %.2f%n",
          share, games, measured, threadShare, pausing);
      assertThat(games).isPositive();
      // at most one game's CPU above the share (the last game's pause may not have begun), and
      // that game, warm, takes a few milliseconds
      assertThat(measured).isLessThan(share + 0.01);
      assertThat(threadShare).isLessThan(share + 0.01);
      assertThat(pausing).isGreaterThan(0.5);
    } finally {
      ladder.close();
      lobby.shutdown();
    }
  }
}
