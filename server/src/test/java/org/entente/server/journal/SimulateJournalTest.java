package org.entente.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.entente.server.cli.Entente;
import org.entente.server.engine.StateHasher;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.World;
import org.entente.server.history.GameHistory;
import org.entente.server.scenario.ScenarioLoader;
import org.entente.server.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code entente simulate --journal} writes a journal that replays to the printed game. */
class SimulateJournalTest {
  @TempDir Path dir;

  @Test
  void simulateWritesAJournalThatReplaysToThePrintedGame() throws Exception {
    StringWriter out = new StringWriter();
    var cl = Entente.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    int rc =
        cl.execute(
            "simulate", "--scenario", "europe-1914", "--seed", "11", "--journal", dir.toString());
    assertThat(rc).as(out.toString()).isZero();
    Path journal;
    try (Stream<Path> files = Files.list(dir)) {
      journal = files.filter(p -> p.toString().endsWith(".journal")).findFirst().orElseThrow();
    }
    assertThat(out.toString()).contains("journal written to " + journal);
    GameHistory h = JournalReader.history(journal);
    World w = ScenarioLoader.builtin("europe-1914").world();
    var strategies = Simulation.strategies(w, Map.of());
    List<String> expected = Simulation.hashes(Simulation.run(w, 11, strategies, w.turns()));
    assertThat(h.reports().stream().map(TurnReport::stateHash).toList()).isEqualTo(expected);
    assertThat(out.toString()).contains("final state hash " + StateHasher.hash(h.last()));
    assertThat(h.seed()).isEqualTo(11);
    assertThat(h.strategies()).isEqualTo(strategies);
  }
}
