package org.entente.server.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.entente.server.cli.Entente;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code entente debrief GAME}: the debrief of a game read back from its journal. */
class DebriefJournalTest {
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

  /** Simulates europe-1914 seed 3 with {@code --journal}; returns the journal file. */
  Path simulate() throws Exception {
    Run sim =
        run(
            "simulate",
            "--scenario",
            "europe-1914",
            "--seed",
            "3",
            "--quiet",
            "--journal",
            dir.toString());
    assertThat(sim.code()).as(sim.err()).isZero();
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> journals = files.filter(p -> p.toString().endsWith(".journal")).toList();
      assertThat(journals).hasSize(1);
      return journals.get(0);
    }
  }

  static String id(Path journal) {
    String name = journal.getFileName().toString();
    return name.substring(0, name.length() - ".journal".length());
  }

  @Test
  void theDebriefOfTheJournalIsTheDebriefOfTheSameGamePlayedAgain() throws Exception {
    Path journal = simulate();
    String id = id(journal);
    Run fromJournal = run("debrief", journal.toString(), "--format", "md");
    assertThat(fromJournal.code()).as(fromJournal.err()).isZero();
    Run played = run("debrief", "--scenario", "europe-1914", "--seed", "3", "--format", "md");
    assertThat(played.code()).as(played.err()).isZero();
    assertThat(fromJournal.out()).contains("# Debrief:", "## Scores", "### Turn 24 (", id);
    // the same game: only its id differs
    assertThat(fromJournal.out().replace(id, "GAME"))
        .isEqualTo(played.out().replace("europe-1914-seed-3", "GAME"));
  }

  @Test
  void aGameIdIsLookedUpInDataAndEveryFormatRenders() throws Exception {
    String id = id(simulate());
    Path html = dir.resolve("out/d.html");
    Run h =
        run("debrief", id, "--data", dir.toString(), "--format", "html", "--out", html.toString());
    assertThat(h.code()).as(h.err()).isZero();
    assertThat(h.out()).contains("debrief written to " + html);
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg", id);

    Run json = run("debrief", id, "--data", dir.toString(), "--format", "json");
    assertThat(json.code()).as(json.err()).isZero();
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).isObject())
        .isTrue();
  }

  @Test
  void clearErrorsExitWith2() throws Exception {
    Run missing = run("debrief", "no-such-game", "--data", dir.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no journal no-such-game", dir.toString());

    Path journal = simulate();
    Run both = run("debrief", journal.toString(), "--scenario", "tutorial");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("not both");

    Run turns = run("debrief", journal.toString(), "--turns", "3");
    assertThat(turns.code()).isEqualTo(2);
    assertThat(turns.err()).contains("--turns");

    Path bad = dir.resolve("bad.journal");
    Files.writeString(bad, "not a journal at all");
    Run corrupt = run("debrief", bad.toString());
    assertThat(corrupt.code()).isEqualTo(2);
    assertThat(corrupt.err()).contains("cannot debrief", "not a journal");

    Run neither = run("debrief");
    assertThat(neither.code()).isEqualTo(2);
    assertThat(neither.err()).contains("GAME", "--scenario");
  }
}
