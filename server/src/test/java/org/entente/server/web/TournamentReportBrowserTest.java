package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entente.client.bots.Strategies;
import org.entente.server.cli.Entente;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tournament of every strategy writes {@code report.html}; a real headless Chromium opens it and
 * finds its charts ({@code src/test/e2e/report.mjs}).
 */
class TournamentReportBrowserTest {
  @Test
  void theReportOfATournamentOfEveryStrategyShowsItsCharts(@TempDir Path dir) throws Exception {
    NodeE2e.requireChromium();
    NodeE2e.installPlaywright();
    int n = Strategies.names().size();
    picocli.CommandLine cli = Entente.commandLine();
    java.io.StringWriter out = new java.io.StringWriter();
    cli.setOut(new java.io.PrintWriter(out));
    cli.setErr(new java.io.PrintWriter(out));
    int code =
        cli.execute(
            "tournament",
            "--scenarios",
            "tutorial",
            "--strategies",
            "all",
            "--games",
            String.valueOf(2 * n),
            "--seed",
            "11",
            "--threads",
            "2",
            "--progress",
            "none",
            "--out",
            dir.toString());
    assertThat(code).as(out.toString()).isZero();
    Path report = dir.resolve("report.html");
    assertThat(report).exists();
    Path shot =
        NodeE2e.REPO.resolve(
            System.getProperty("entente.screenshots", "server/target/screenshots")
                + "/tournament-report.png");
    Files.createDirectories(shot.getParent());
    List<String> command = new ArrayList<>(List.of("node", "report.mjs", report.toString()));
    command.add(shot.toString());
    command.addAll(Strategies.names());
    NodeE2e.Result r = NodeE2e.run(command, 120);
    assertThat(r.exit()).as("report.mjs failed:%n%s", r.output()).isZero();
    assertThat(r.output())
        .contains("ok - the ratings chart is drawn")
        .contains("ok - the head-to-head map has " + n * n + " cells")
        .contains("ok - the page fetched nothing else")
        .contains("REPORT OK");
    assertThat(Files.size(shot)).isGreaterThan(10_000);
  }
}
