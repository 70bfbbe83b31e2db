package org.entente.server.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.entente.api.Bot;
import org.entente.server.engine.Games;
import org.entente.server.engine.World;
import org.entente.server.scenario.ScenarioException;
import org.entente.server.scenario.ScenarioLoader;
import org.entente.server.sim.SeatBots;
import org.entente.server.sim.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of each strategy: a whole {@code europe-1914} game (10 states, 24 turns) with every seat
 * played by one strategy, and the cost of a bot joining a seat at the last turn (an adaptive bot
 * first replays the 23 turns already played).
 */
public class StrategyBenchmark {
  /** One strategy in every seat of europe-1914. */
  @State(Scope.Thread)
  public static class Lineup {
    @Param({
      "threat-balancer",
      "power-balancer",
      "bandwagoner",
      "hider",
      "buck-passer",
      "opportunist",
      "random",
      "reciprocator",
      "chain-gang-averse",
      "coalition-builder"
    })
    public String strategy;

    World world;
    Map<String, String> strategies;
    Games.Played played;
    long game;

    @Setup(Level.Trial)
    public void setUp() throws ScenarioException {
      world = ScenarioLoader.builtin("europe-1914").world();
      strategies = new LinkedHashMap<>();
      world.start().forEach(n -> strategies.put(n.id(), strategy));
      played = Simulation.run(world, 1, strategies, world.turns());
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Games.Played wholeGame(Lineup l) {
    return Simulation.run(l.world, l.game++ % 16, l.strategies, l.world.turns());
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Bot joinAtLastTurn(Lineup l) {
    int last = l.played.states().size() - 1;
    return SeatBots.joining(
        l.strategy,
        "FRN",
        1,
        l.played.states().subList(0, last - 1),
        l.played.reports().subList(0, last - 1));
  }
}
