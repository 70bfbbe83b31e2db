package org.entente.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.entente.api.Bot;
import org.entente.api.Orders;
import org.entente.server.engine.Games;
import org.entente.server.engine.World;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.journal.Journal;
import org.entente.server.journal.Records;
import org.entente.server.replay.Replayer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Replay of a 1,000-turn game (a synthetic 8-state world, see {@link BenchWorlds}, played by the
 * built-in bots): opening turn 500 with an empty snapshot cache (rebuilt from the nearest anchor,
 * at most {@link Replayer#DEFAULT_ANCHOR_EVERY} turns re-run) and from the cache; and journal
 * appends with a forced write per turn record, to a {@link DirectoryJournalStore} in a temporary
 * directory. Targets: under 50 ms cold, under 1 ms cached.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReplayBenchmark {
  static final int TURNS = 1000;
  static final int TURN = 500;
  static final long SEED = 42;

  /** The replayed game. */
  @State(Scope.Benchmark)
  public static class Game {
    Replayer replayer;
    Map<String, Orders> someOrders;

    @Setup(Level.Trial)
    public void setUp() {
      World world = BenchWorlds.synthetic(8, TURNS, 7);
      Map<String, String> strategies = BenchWorlds.mixedStrategies(world);
      Map<String, Bot> bots = BenchWorlds.bots(strategies);
      List<Map<String, Orders>> orders = new ArrayList<>();
      Games.play(
          world,
          SEED,
          TURNS,
          turn -> {
            Map<String, Orders> o = BenchWorlds.orders(turn, bots, SEED);
            orders.add(o);
            return o;
          });
      if (orders.size() <= TURN) {
        throw new IllegalStateException("the game ended after " + orders.size() + " turns");
      }
      replayer =
          Replayer.of(
              "bench", world, SEED, strategies, orders, Replayer.DEFAULT_ANCHOR_EVERY, 64L << 20);
      someOrders = orders.get(TURN - 1);
    }
  }

  /** The same game, its cache emptied before every call. */
  @State(Scope.Benchmark)
  public static class Cold extends Game {
    @Setup(Level.Invocation)
    public void empty() {
      replayer.clearCache();
    }
  }

  /** An open journal in a temporary directory. */
  @State(Scope.Benchmark)
  public static class JournalFile {
    Path dir;
    Journal journal;
    Map<String, Orders> orders;
    int turn;

    @Setup(Level.Trial)
    public void setUp(Game game) throws IOException {
      dir = Files.createTempDirectory("replay-bench");
      journal = new DirectoryJournalStore(dir).create("bench");
      orders = game.someOrders;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      journal.close();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Turn 500's position and report with an empty cache. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void openTurnCold(Cold g, Blackhole bh) {
    bh.consume(g.replayer.state(TURN));
    bh.consume(g.replayer.report(TURN));
  }

  /** Turn 500's position and report once cached. */
  @Benchmark
  public void openTurnCached(Game g, Blackhole bh) {
    bh.consume(g.replayer.state(TURN));
    bh.consume(g.replayer.report(TURN));
  }

  /** One turn record appended and forced to the disk. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void journalAppendForced(JournalFile j) throws IOException {
    j.journal.append(
        Records.turn(0, ++j.turn, j.orders, "0123456789abcdef0123456789abcdef", "bench"));
    j.journal.force();
  }
}
