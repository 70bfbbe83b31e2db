package org.entente.server.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entente.client.bots.Strategies;
import org.entente.server.scenario.ScenarioLoader;
import org.entente.server.tournament.Arena;
import org.entente.server.tournament.Entrant;
import org.entente.server.tournament.GameResult;
import org.entente.server.tournament.Schedule;
import org.entente.server.tournament.Tournament;

/**
 * The tournaments of {@link TournamentBenchmark} played in a plain loop, for a profiler to attach
 * to (JFR) and for checking that two builds play the same games.
 *
 * <pre>
 * java -cp CP org.entente.server.bench.TournamentLoop THREADS SECONDS
 *     plays for SECONDS, then prints games a second and process CPU a game after the first 5 s
 * java -cp CP org.entente.server.bench.TournamentLoop THREADS 0 TOURNAMENTS
 *     plays tournaments 1..TOURNAMENTS and prints one hash of every game's scores, components,
 *     survivals and seats: two builds that play the same games print the same hash
 * </pre>
 *
 * The world is the synthetic 8-state, 30-turn one; {@code -Dall} plays every built-in scenario.
 */
public final class TournamentLoop {
  private static final long WARM_UP_NANOS = 5_000_000_000L;

  private TournamentLoop() {}

  public static void main(String[] args) throws InterruptedException {
    int threads = Integer.parseInt(args[0]);
    long seconds = Long.parseLong(args[1]);
    List<Arena> arenas = new ArrayList<>();
    if (System.getProperty("all") != null) {
      ScenarioLoader.builtinIds().forEach(id -> arenas.add(Arena.load(id, false)));
    } else {
      arenas.add(Arena.of("synthetic8x30", BenchWorlds.synthetic(8, 30, TurnBenchmark.WORLD_SEED)));
    }
    List<Entrant> entrants = Entrant.parse(Strategies.names(), List.of());
    if (args.length > 2) {
      long hash = 0;
      for (int seed = 1; seed <= Integer.parseInt(args[2]); seed++) {
        for (GameResult r : play(arenas, entrants, seed, threads)) {
          hash = 31 * hash + hash(r);
        }
      }
      System.out.println("hash of the results: " + hash);
      return;
    }
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long warm = System.nanoTime() + WARM_UP_NANOS;
    long games = 0;
    long games0 = -1;
    long wall0 = 0;
    long cpu0 = 0;
    for (long seed = 1; System.nanoTime() < end; seed++) {
      games += play(arenas, entrants, seed, threads).size();
      if (games0 < 0 && System.nanoTime() > warm) {
        games0 = games;
        wall0 = System.nanoTime();
        cpu0 = processCpu();
      }
    }
    long played = games - games0;
    System.out.printf(
        "games/s after warm-up: %.1f, process CPU a game: %.0f us%n",
        played / ((System.nanoTime() - wall0) / 1e9), (processCpu() - cpu0) / 1e3 / played);
  }

  private static List<GameResult> play(
      List<Arena> arenas, List<Entrant> entrants, long seed, int threads)
      throws InterruptedException {
    Schedule s = new Schedule(arenas, entrants, 2 * entrants.size(), seed);
    return new Tournament(s, threads, null, null).run();
  }

  private static long hash(GameResult r) {
    return Arrays.hashCode(r.scores())
        + 7L * Arrays.deepHashCode(r.components())
        + 13L * Arrays.hashCode(r.survived())
        + 17L * Arrays.hashCode(r.entrants());
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
