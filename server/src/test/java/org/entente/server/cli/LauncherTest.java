package org.entente.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The launcher as a user runs it: exit codes, what it prints, the files it writes. */
class LauncherTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = Entente.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void scenariosListShowsTheLibrary() {
    Run r = run("scenarios", "list");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "tutorial",
            "europe-1914",
            "europe-1936",
            "middle-east-1955",
            "east-asia-2016",
            "peloponnesian-431bc");
  }

  @Test
  void validateAcceptsAGoodFileAndRejectsABrokenOneWithPaths() throws Exception {
    Path good = dir.resolve("good.json");
    try (var in = getClass().getClassLoader().getResourceAsStream("scenarios/tutorial.json")) {
      Files.write(good, in.readAllBytes());
    }
    String text =
        Files.readString(good)
            .replace("\"offense\": 0.6", "\"offense\": 7")
            .replace("\"turns\": 8", "\"turns\": 8, \"colour\": 1");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, text);
    Run ok = run("scenarios", "validate", good.toString());
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).contains("good.json: ok");
    Run broken = run("scenarios", "validate", good.toString(), bad.toString());
    assertThat(broken.code()).isEqualTo(1);
    assertThat(broken.err()).contains("bad.json: 2 problem(s)", "$.states[0].offense", "colour");
  }

  @Test
  void simulatePrintsTurnsAndDebriefAndWritesEveryTurnReport() throws Exception {
    Path json = dir.resolve("game.json");
    Run r = run("simulate", "--scenario", "tutorial", "--seed", "7", "--json", json.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "Turn 1 (",
            "Turn 8 (",
            "stances:",
            "Debrief after turn 8",
            "SURVIVAL",
            "theory lens:",
            "system:");
    JsonNode doc = new ObjectMapper().readTree(json.toFile());
    assertThat(doc.get("turns")).hasSize(8);
    assertThat(doc.get("turns").get(0).get("stances").get(0).get("stance").get("type").asText())
        .isIn("BALANCE", "BANDWAGON", "HIDE", "BUCK_PASS");
    assertThat(doc.get("turns").get(7).get("stateHash").asText()).hasSize(32);
    assertThat(doc.get("scores")).hasSize(3);
  }

  @Test
  void simulateHonoursBotsAndTurns() {
    Run r =
        run(
            "simulate",
            "--scenario",
            "tutorial",
            "--seed",
            "1",
            "--bots",
            "KAD=hider,LEN=random",
            "--turns",
            "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("KAD=hider", "LEN=random", "Turn 3 (").doesNotContain("Turn 4 (");
  }

  @Test
  void simulateRefusesBadInputClearly() {
    Run seat = run("simulate", "--scenario", "tutorial", "--seed", "1", "--bots", "XXX=hider");
    assertThat(seat.code()).isEqualTo(2);
    assertThat(seat.err()).contains("no seat 'XXX'", "KAD");
    Run strategy = run("simulate", "--scenario", "tutorial", "--seed", "1", "--bots", "KAD=genius");
    assertThat(strategy.code()).isEqualTo(2);
    assertThat(strategy.err()).contains("unknown strategy 'genius'", "threat-balancer");
    Run scenario = run("simulate", "--scenario", "nowhere.json", "--seed", "1");
    assertThat(scenario.code()).isEqualTo(2);
    assertThat(scenario.err()).contains("nowhere.json", "cannot read");
  }

  @Test
  void theSameSeedPrintsTheSameGame() {
    assertThat(run("simulate", "--scenario", "europe-1914", "--seed", "3").out())
        .isEqualTo(run("simulate", "--scenario", "europe-1914", "--seed", "3").out());
  }
}
