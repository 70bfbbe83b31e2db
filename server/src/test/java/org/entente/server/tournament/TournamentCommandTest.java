package org.entente.server.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.server.cli.Entente;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code entente tournament} from the command line: output files, progress and bad input. */
class TournamentCommandTest {
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
  void writesTheTableToStdoutAndEveryFormatToOut(@TempDir Path dir) throws Exception {
    Run r =
        run(
            "tournament",
            "--scenarios",
            "tutorial",
            "--strategies",
            "threat-balancer,random",
            "--games",
            "6",
            "--seed",
            "4",
            "--threads",
            "2",
            "--progress",
            "lines",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Overall").contains("threat-balancer").contains("95% CI");
    assertThat(Files.readString(dir.resolve("standings.txt"))).isEqualTo(r.out());
    assertThat(Files.readString(dir.resolve("standings.csv")))
        .startsWith("scope,scenario,seat,entrant,games,")
        .contains("overall,,,threat-balancer,6,");
    assertThat(Files.readString(dir.resolve("pairwise.csv"))).contains(",threat-balancer,random,");
    assertThat(Files.readString(dir.resolve("standings.json")))
        .contains("\"games\": 6")
        .contains("\"entrant\": \"random\"");
    assertThat(r.err()).contains("tournament: 6/6 games").contains("games/s on 2 threads");
  }

  @Test
  void badInputNamesTheOption() {
    Run games =
        run(
            "tournament",
            "--scenarios",
            "tutorial",
            "--strategies",
            "threat-balancer,random,hider",
            "--games",
            "10",
            "--seed",
            "1");
    assertThat(games.code()).isEqualTo(2);
    assertThat(games.err()).contains("--games 10").contains("use 9 or 12");

    Run strategy =
        run(
            "tournament",
            "--scenarios",
            "tutorial",
            "--strategies",
            "threat-balancer,nope",
            "--games",
            "2",
            "--seed",
            "1");
    assertThat(strategy.code()).isEqualTo(2);
    assertThat(strategy.err()).contains("unknown strategy 'nope'");

    Run scenario =
        run(
            "tournament",
            "--scenarios",
            "atlantis",
            "--strategies",
            "threat-balancer,random",
            "--games",
            "2",
            "--seed",
            "1");
    assertThat(scenario.code()).isEqualTo(2);
    assertThat(scenario.err()).contains("cannot load 'atlantis'");

    Run remote =
        run(
            "tournament",
            "--scenarios",
            "tutorial",
            "--strategies",
            "threat-balancer",
            "--remote",
            "py-bot",
            "--games",
            "2",
            "--seed",
            "1");
    assertThat(remote.code()).isEqualTo(2);
    assertThat(remote.err()).contains("--remote needs --server");
  }

  @Test
  void progressTextShowsGamesRateAndTimeLeft() {
    String bar = Progress.line(50, 200, 2_000_000_000L, true);
    assertThat(bar).startsWith("[#######.......................] 50/200 games  25/s  0:06 left");
    assertThat(Progress.line(50, 200, 2_000_000_000L, false))
        .isEqualTo("tournament: 50/200 games, 25 games/s, about 0:06 left");
    assertThat(Progress.clock(3725)).isEqualTo("1:02:05");
  }
}
