package org.entente.server.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.entente.api.Bot;
import org.entente.api.Orders;
import org.entente.server.engine.Adjudicator;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Games;
import org.entente.server.engine.World;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One adjudicated turn of a built-in scenario, {@link Adjudicator#adjudicate}, at a position its
 * default bots reach: europe-1914 (10 states) and europe-1936 (31 states, the whole European state
 * system). The position is the first after {@link TurnBenchmark#MIN_TURNS_PLAYED} turns with
 * alliances standing and a crisis pending, else the last looked at; the bots' orders for it are
 * computed in the set-up and not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class ScenarioTurnBenchmark {
  static final long GAME_SEED = 42;

  @Param({"europe-1914", "europe-1936"})
  public String scenario;

  GameState state;
  Map<String, Orders> orders;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    World world = ScenarioLoader.builtin(scenario).world();
    Map<String, Bot> bots = BenchWorlds.bots(Simulation.strategies(world, Map.of()));
    int turns = Math.min(world.turns(), TurnBenchmark.MAX_TURNS_PLAYED);
    Games.Played played =
        Games.play(world, GAME_SEED, turns, t -> BenchWorlds.orders(t, bots, GAME_SEED));
    List<GameState> positions = played.states();
    int k = Math.min(TurnBenchmark.MIN_TURNS_PLAYED, positions.size() - 2);
    while (k + 1 < positions.size() - 1
        && (positions.get(k).crises().isEmpty() || positions.get(k).alliances().isEmpty())) {
      k++;
    }
    state = positions.get(k);
    orders =
        BenchWorlds.orders(new Games.Turn(state, played.reports().get(k - 1)), bots, GAME_SEED);
    TurnBenchmark.Position p =
        new TurnBenchmark.Position(state, played.reports().get(k - 1), orders);
    System.out.println();
    System.out.println("# position: " + scenario + ", " + p.describe());
  }

  @Benchmark
  public void adjudicate(Blackhole bh) {
    bh.consume(Adjudicator.adjudicate(state, orders, GAME_SEED));
  }
}
