package org.entente.server.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.entente.api.Bot;
import org.entente.server.debrief.Debrief;
import org.entente.server.debrief.Debriefs;
import org.entente.server.debrief.Format;
import org.entente.server.engine.Games;
import org.entente.server.engine.World;
import org.entente.server.history.GameHistory;
import org.entente.server.replay.Room;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The HTML debrief of a 500-turn game of 16 states (a synthetic world, see {@link BenchWorlds},
 * played by the built-in bots): building the debrief from the history (turning points, lens,
 * charts' series) and rendering it. Target: under 3 s, and under 3 MB of HTML (see {@link
 * DebriefSizeTest}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 7)
@Fork(1)
public class DebriefBenchmark {
  static final int STATES = 16;
  static final int TURNS = 500;
  static final long SEED = 42;

  /** A 500-turn, 16-state game, played once. */
  static GameHistory longGame() {
    World world = BenchWorlds.synthetic(STATES, TURNS, 7);
    Map<String, String> strategies = BenchWorlds.mixedStrategies(world);
    Map<String, Bot> bots = BenchWorlds.bots(strategies);
    Games.Played played =
        Games.play(world, SEED, TURNS, turn -> BenchWorlds.orders(turn, bots, SEED));
    return GameHistory.of("bench-debrief", world, SEED, played, strategies);
  }

  /** The played game. */
  @State(Scope.Benchmark)
  public static class Game {
    GameHistory history;

    @Setup(Level.Trial)
    public void setUp() {
      history = longGame();
      if (history.reports().size() < TURNS) {
        throw new IllegalStateException("the game ended after " + history.reports().size());
      }
    }
  }

  @Benchmark
  public String htmlDebrief(Game g) {
    return Debriefs.render(
        Debrief.of(g.history, Room.of(g.history), Debrief.Options.instructor()), Format.HTML);
  }
}
