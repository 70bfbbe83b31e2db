package org.entente.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.entente.api.Bot;
import org.entente.api.Orders;
import org.entente.server.engine.Games;
import org.entente.server.engine.World;
import org.entente.server.scenario.ScenarioException;
import org.entente.server.scenario.ScenarioLoader;
import org.entente.server.sim.Simulation;
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
 * Whole headless games, the bots' decisions included (views, decisions, adjudication, hashing:
 * everything {@link Simulation#play} does). Each invocation plays one game; the game seed cycles
 * over {@link #SEEDS} seeds so the figure is an average over that many different games rather than
 * one path. Worlds are loaded and built once, in the set-up.
 *
 * <ul>
 *   <li>{@link #scenario}: each built-in scenario with its default strategies, average ms a game.
 *   <li>{@link #synthetic8x30}: an 8-state, 30-turn synthetic world with mixed bots, games per
 *       second on one thread (so per core). Target (the issue): at least 1,000.
 *   <li>{@link #synthetic8x30EngineOnly}: the same games with the orders replayed, so the bots'
 *       share is the difference.
 * </ul>
 */
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class GameBenchmark {
  /** How many game seeds each benchmark cycles over. */
  static final int SEEDS = 16;

  /** A built-in scenario played with its default strategies. */
  @State(Scope.Thread)
  public static class Scenario {
    // keep in step with ScenarioLoader.builtinIds(); setUp fails on an unknown id
    @Param({
      "tutorial",
      "peloponnesian-431bc",
      "europe-1914",
      "europe-1936",
      "middle-east-1955",
      "east-asia-2016"
    })
    public String id;

    World world;
    Map<String, String> strategies;
    long game;

    @Setup(Level.Trial)
    public void setUp() throws ScenarioException {
      world = ScenarioLoader.builtin(id).world();
      strategies = Simulation.strategies(world, Map.of());
      System.out.println();
      System.out.println(
          "# " + id + ": " + world.size() + " states, " + world.turns() + " turns, " + strategies);
    }

    long nextSeed() {
      return game++ % SEEDS;
    }
  }

  /**
   * The 8-state, 30-turn synthetic world with the built-in strategies mixed, and every game's
   * orders recorded once so that {@link #synthetic8x30EngineOnly} can replay them.
   */
  @State(Scope.Thread)
  public static class Synthetic {
    World world;
    Map<String, Bot> bots;
    List<List<Map<String, Orders>>> recorded = new ArrayList<>();
    long game;

    @Setup(Level.Trial)
    public void setUp() {
      world = BenchWorlds.synthetic(8, 30, TurnBenchmark.WORLD_SEED);
      Map<String, String> strategies = BenchWorlds.mixedStrategies(world);
      bots = BenchWorlds.bots(strategies);
      int turns = 0;
      for (long seed = 0; seed < SEEDS; seed++) {
        List<Map<String, Orders>> orders = new ArrayList<>();
        long gameSeed = seed;
        Games.play(
            world,
            seed,
            30,
            turn -> {
              Map<String, Orders> o = BenchWorlds.orders(turn, bots, gameSeed);
              orders.add(o);
              return o;
            });
        recorded.add(orders);
        turns += orders.size();
        // the recording must be the game Simulation.play plays, or the two benchmarks differ
        String played = Simulation.hashes(Simulation.play(world, seed, bots, 30)).toString();
        String replayed =
            Simulation.hashes(Games.play(world, seed, 30, t -> orders.get(t.state().turn() - 1)))
                .toString();
        if (!played.equals(replayed)) {
          throw new IllegalStateException("replayed game " + seed + " differs from the played one");
        }
      }
      System.out.println();
      System.out.println(
          "# synthetic: 8 states, 30 turns, "
              + strategies
              + "; "
              + turns
              + " turns in "
              + SEEDS
              + " games");
    }

    long nextSeed() {
      return game++ % SEEDS;
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Games.Played scenario(Scenario s) {
    return Simulation.run(s.world, s.nextSeed(), s.strategies, s.world.turns());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Games.Played synthetic8x30(Synthetic s) {
    return Simulation.play(s.world, s.nextSeed(), s.bots, 30);
  }

  /**
   * The same games as {@link #synthetic8x30} with the bots' orders replayed from a recording: the
   * engine's share of a game (adjudication, starting position, hashing) without views or bots.
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Games.Played synthetic8x30EngineOnly(Synthetic s) {
    long seed = s.nextSeed();
    List<Map<String, Orders>> orders = s.recorded.get((int) seed);
    return Games.play(s.world, seed, 30, turn -> orders.get(turn.state().turn() - 1));
  }
}
