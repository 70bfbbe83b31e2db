package org.entente.server.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.entente.api.Bot;
import org.entente.api.Orders;
import org.entente.server.engine.Adjudicator;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Games;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.World;
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
 * One adjudicated turn, {@link Adjudicator#adjudicate}, and nothing else, for 8, 32 and 128 states.
 * The position is realistic: a synthetic world (see {@link BenchWorlds}) played by the built-in
 * bots for at least {@link #MIN_TURNS_PLAYED} turns, until alliances stand and a crisis is pending,
 * so the measured turn resolves a war, moves alignments and perception. The bots' orders for that
 * turn are computed once, in the set-up, and are not measured.
 *
 * <p>Run: see BENCHMARKS.md. Target (the issue): 8 states at most 10 us a turn, cost growing no
 * worse than the square of the number of states.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class TurnBenchmark {
  /** Turns played by the bots before the measured one, at the least. */
  static final int MIN_TURNS_PLAYED = 4;

  /** Turns played at most while looking for a position with a crisis pending. */
  static final int MAX_TURNS_PLAYED = 25;

  static final long WORLD_SEED = 7;
  static final long GAME_SEED = 42;

  @Param({"8", "32", "128"})
  public int states;

  GameState state;
  GameState twin;
  boolean flip;
  Map<String, Orders> orders;

  @Setup(Level.Trial)
  public void setUp() {
    Position p = position(states);
    state = p.state();
    twin = copy(state);
    orders = p.orders();
    System.out.println();
    System.out.println("# position: " + p.describe());
  }

  /**
   * The turn, adjudicated again and again from the same position object. The engine remembers the
   * last start-of-turn threat model on each thread ({@code ThreatModel.of}), so from the second
   * call on this measures adjudication without it, as in a headless game, where the views computed
   * it just before.
   */
  @Benchmark
  public void adjudicate(Blackhole bh) {
    bh.consume(Adjudicator.adjudicate(state, orders, GAME_SEED));
  }

  /**
   * The same turn from two equal copies of the position in turn, so that the remembered threat
   * model never matches and every call computes it: adjudication on a thread that did something
   * else since the views were built (a server thread serving several games).
   */
  @Benchmark
  public void adjudicateUncached(Blackhole bh) {
    flip = !flip;
    bh.consume(Adjudicator.adjudicate(flip ? twin : state, orders, GAME_SEED));
  }

  /** An equal position that is a different object. */
  static GameState copy(GameState s) {
    return new GameState(
        s.world(),
        s.turn(),
        s.nations(),
        s.intent(),
        s.baseline(),
        s.alliances(),
        s.clients(),
        s.crises(),
        s.lastStances(),
        s.leanings(),
        s.tallies(),
        s.system(),
        s.nextAlliance(),
        s.nextCrisis());
  }

  /** A position to adjudicate and the bots' orders for it. */
  record Position(GameState state, TurnReport last, Map<String, Orders> orders) {
    String describe() {
      long active = state.nations().stream().filter(n -> n.active()).count();
      long members = state.alliances().stream().mapToLong(a -> a.members().size()).sum();
      return String.format(
          "%d states (%d active), turn %d of %d, %d alliances (%d members), %d client links,"
              + " %d crises pending, %d orders",
          state.nations().size(),
          active,
          state.turn(),
          state.world().turns(),
          state.alliances().size(),
          members,
          state.clients().size(),
          state.crises().size(),
          orders.size());
    }
  }

  /**
   * The synthetic world of {@code n} states after the mixed bots have played it for at least {@link
   * #MIN_TURNS_PLAYED} turns, at the first position with alliances and a pending crisis (or the
   * last one looked at), with the bots' orders for its turn.
   */
  static Position position(int n) {
    World world = BenchWorlds.synthetic(n, 30, WORLD_SEED);
    Map<String, Bot> bots = BenchWorlds.bots(BenchWorlds.mixedStrategies(world));
    Games.Played played =
        Games.play(
            world, GAME_SEED, MAX_TURNS_PLAYED, turn -> BenchWorlds.orders(turn, bots, GAME_SEED));
    List<GameState> positions = played.states();
    int k = Math.min(MIN_TURNS_PLAYED, positions.size() - 1);
    while (k + 1 < positions.size() - 1
        && (positions.get(k).crises().isEmpty() || positions.get(k).alliances().isEmpty())) {
      k++;
    }
    GameState s = positions.get(k);
    if (s.finished()) {
      throw new IllegalStateException("the benchmark world finished before turn " + s.turn());
    }
    TurnReport last = played.reports().get(k - 1);
    return new Position(s, last, BenchWorlds.orders(new Games.Turn(s, last), bots, GAME_SEED));
  }
}
