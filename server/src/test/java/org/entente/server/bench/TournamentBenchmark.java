package org.entente.server.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.entente.client.bots.Strategies;
import org.entente.server.engine.World;
import org.entente.server.scenario.ScenarioLoader;
import org.entente.server.sim.Simulation;
import org.entente.server.tournament.Arena;
import org.entente.server.tournament.Entrant;
import org.entente.server.tournament.GameResult;
import org.entente.server.tournament.Schedule;
import org.entente.server.tournament.Tournament;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole tournaments in-process ({@link Tournament#run}): every registered strategy is an entrant,
 * and each invocation plays one tournament with 2 blocks of seat rotations per scenario (2 x k
 * games per scenario for k strategies). The {@code games} counter is the figure to read: games a
 * second, on 1 or 2 worker threads.
 *
 * <ul>
 *   <li>{@code set=all}: every built-in scenario (3 to 31 states, 8 to 25 turns).
 *   <li>{@code set=synthetic8x30}: the 8-state, 30-turn world of {@link GameBenchmark}, whose
 *       {@code synthetic8x30} measures the same games without the tournament around them.
 * </ul>
 */
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class TournamentBenchmark {

  /** The tournament to play. */
  @State(Scope.Benchmark)
  public static class Setting {
    @Param({"all", "synthetic8x30"})
    public String set;

    @Param({"1", "2"})
    public int threads;

    Schedule schedule;
    long seed;

    @Setup(Level.Trial)
    public void setUp() {
      List<Arena> arenas = new ArrayList<>();
      if (set.equals("all")) {
        ScenarioLoader.builtinIds().forEach(id -> arenas.add(Arena.load(id, false)));
      } else {
        arenas.add(
            Arena.of("synthetic8x30", BenchWorlds.synthetic(8, 30, TurnBenchmark.WORLD_SEED)));
      }
      List<Entrant> entrants = Entrant.parse(Strategies.names(), List.of());
      schedule = new Schedule(arenas, entrants, 2 * entrants.size(), 1);
      System.out.println();
      System.out.println(
          "# "
              + set
              + ": "
              + entrants.size()
              + " strategies, "
              + schedule.games()
              + " games a tournament, "
              + threads
              + " threads");
    }

    /** The next tournament's schedule: the same seatings, a fresh seed. */
    Schedule next() {
      return new Schedule(
          schedule.arenas(), schedule.entrants(), schedule.gamesPerScenario(), ++seed);
    }
  }

  /** Games played, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long games;
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public List<GameResult> tournament(Setting s, Counters c) throws InterruptedException {
    Schedule schedule = s.next();
    List<GameResult> results = new Tournament(schedule, s.threads, null, null).run();
    c.games += results.size();
    return results;
  }

  /**
   * The same games as {@link #tournament}, one after the other on the calling thread through {@link
   * Simulation#run} (what {@code entente simulate} does): the baseline that shows what the
   * tournament adds. Run it with {@code -p threads=1}; the parameter does not apply.
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public int simulateLoop(Setting s, Counters c) {
    Schedule schedule = s.next();
    int hashes = 0;
    for (int g = 0; g < schedule.games(); g++) {
      Arena arena = schedule.arenas().get(schedule.arena(g));
      Map<String, String> seats = new LinkedHashMap<>();
      for (int seat = 0; seat < arena.size(); seat++) {
        seats.put(
            arena.seats().get(seat),
            schedule.entrants().get(schedule.entrantAt(g, seat)).strategy());
      }
      World w = arena.world();
      hashes += Simulation.run(w, schedule.seed(g), seats, w.turns()).reports().size();
    }
    c.games += schedule.games();
    return hashes;
  }
}
