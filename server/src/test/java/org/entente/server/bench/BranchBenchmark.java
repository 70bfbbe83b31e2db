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
import org.entente.api.OrderSyntax;
import org.entente.proto.v1.CreateGame;
import org.entente.server.engine.World;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.journal.JournalReader;
import org.entente.server.journal.JournalingSimulation;
import org.entente.server.journal.Replay;
import org.entente.server.journal.ScenarioBytes;
import org.entente.server.replay.Diff;
import org.entente.server.replay.Lineage;
import org.entente.server.replay.LiveBranch;
import org.entente.server.scenario.ScenarioLoader;
import org.entente.server.sim.Simulation;
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
 * The server's work behind the what-if requests, on a whole europe-1936 game (20 turns, every seat
 * a bot) read from its journal: {@code branch_game} building a live branch's opening from turn 10
 * (the parent replayed, hashes checked, turn 10 re-adjudicated with one seat's orders replaced) and
 * replaying that opening as the branch starts; {@code diff_games} replaying both games from their
 * journals and comparing them. File reads and writes are left out.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BranchBenchmark {
  static final int FORK = 10;

  /** The parent's journal and a finished branch's, read into memory. */
  @State(Scope.Benchmark)
  public static class Games {
    Path dir;
    JournalReader.Contents parent;
    JournalReader.Contents branch;
    CreateGame settings;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      dir = Files.createTempDirectory("branch-bench");
      DirectoryJournalStore store = new DirectoryJournalStore(dir);
      World world = ScenarioLoader.builtin("europe-1936").world();
      Map<String, String> strategies = Simulation.strategies(world, Map.of());
      JournalingSimulation.run(
          store,
          "parent",
          ScenarioBytes.builtin("europe-1936"),
          world,
          42,
          strategies,
          world.turns());
      parent = store.read("parent");
      settings = Replay.created(parent).getSettings();
      branch = contents(opening(this));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  static LiveBranch opening(Games g) throws IOException {
    String seat = Replay.world(g.parent.path(), Replay.created(g.parent)).start().get(0).id();
    return LiveBranch.of(
        g.parent,
        FORK,
        Map.of(seat, OrderSyntax.parse("HIDE")),
        false,
        "branch",
        "token",
        g.settings,
        0);
  }

  /** A journal's contents held in memory (offsets are the records' positions, for messages). */
  static JournalReader.Contents contents(LiveBranch b) {
    List<Long> offsets = new ArrayList<>();
    for (int i = 0; i < b.records().size(); i++) {
      offsets.add((long) i);
    }
    return new JournalReader.Contents(Path.of("branch"), b.records(), offsets, 0, 0, null);
  }

  /** What {@code branch_game} computes: the opening of a branch, and its replay. */
  @Benchmark
  public void branchFromTurn10(Games g, Blackhole bh) throws IOException {
    LiveBranch b = opening(g);
    bh.consume(Replay.replay(contents(b)));
  }

  /** What {@code diff_games} computes: both games replayed from their journals, then compared. */
  @Benchmark
  public void diffParentAndBranch(Games g, Blackhole bh) throws IOException {
    Replay.Replayed a = Replay.replay(g.parent);
    Replay.Replayed b = Replay.replay(g.branch);
    bh.consume(Diff.of(a.history(), Lineage.of(a.created()), b.history(), Lineage.of(b.created())));
  }
}
