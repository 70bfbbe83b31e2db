package org.entente.server.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.server.cli.Entente;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code entente debrief} as a user runs it. */
class DebriefCommandTest {
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
  void printsMarkdownToStdout() {
    Run r = run("debrief", "--scenario", "tutorial", "--seed", "1", "--format", "md");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("# Debrief:", "## Scores", "## The theory lens", "### Turn 1 (");
  }

  @Test
  void writesHtmlAndJsonFiles() throws Exception {
    Path html = dir.resolve("out/debrief.html");
    Run r =
        run(
            "debrief",
            "--scenario",
            "europe-1914",
            "--seed",
            "3",
            "--turns",
            "6",
            "--format",
            "html",
            "--charts-at",
            "0,6",
            "--out",
            html.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("debrief written to");
    String text = Files.readString(html);
    assertThat(text).startsWith("<!DOCTYPE html>").contains("<svg", "Turn 6 (");
    assertThat(text.split("<svg", -1).length - 1).isEqualTo(3 + 2 * 2);

    Path json = dir.resolve("debrief.json");
    Run j =
        run(
            "debrief",
            "--scenario",
            "tutorial",
            "--seed",
            "1",
            "--format",
            "JSON",
            "--out",
            json.toString());
    assertThat(j.code()).as(j.err()).isZero();
    assertThat(new ObjectMapper().readTree(json.toFile()).get("states")).isNotEmpty();
  }

  @Test
  void refusesAnUnknownFormatAndAnUnreadableScenario() {
    Run f = run("debrief", "--scenario", "tutorial", "--seed", "1", "--format", "pdf");
    assertThat(f.code()).isEqualTo(2);
    assertThat(f.err()).contains("unknown format 'pdf'", "md, html, json");
    assertThat(f.out()).isEmpty();

    Run s =
        run(
            "debrief",
            "--scenario",
            dir.resolve("missing.json").toString(),
            "--seed",
            "1",
            "--format",
            "md");
    assertThat(s.code()).isEqualTo(2);
    assertThat(s.err()).contains("cannot load scenario");

    Run b = run("debrief", "--scenario", "tutorial", "--bots", "ZZZ=hider", "--format", "md");
    assertThat(b.code()).isEqualTo(2);
  }
}
