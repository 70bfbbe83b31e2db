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
  void writesEveryGamesSeatsWithTheirComponentsHeadToHeadAndRatingIntervals(@TempDir Path dir)
      throws Exception {
    Path journals = dir.resolve("journals");
    Run r =
        run(
            "tournament",
            "--scenarios",
            "tutorial",
            "--strategies",
            "threat-balancer,hider",
            "--games",
            "8",
            "--seed",
            "5",
            "--threads",
            "1",
            "--progress",
            "none",
            "--journal",
            journals.toString(),
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();

    java.util.List<String> games = Files.readAllLines(dir.resolve("games.csv"));
    assertThat(games.get(0))
        .isEqualTo(
            "game,scenario,seed,seat,entrant,score,survival,security,autonomy,power,objectives,"
                + "survived,journal");
    int seats = ScenarioSeats.of("tutorial");
    assertThat(games).hasSize(1 + 8 * seats);
    for (String line : games.subList(1, games.size())) {
      String[] f = line.split(",", -1);
      assertThat(f).hasSize(13);
      assertThat(f[1]).isEqualTo("tutorial");
      assertThat(f[4]).isIn("threat-balancer", "hider");
      double score = Double.parseDouble(f[5]);
      assertThat(score).isBetween(0.0, 100.0);
      for (int c = 6; c <= 10; c++) {
        assertThat(Double.parseDouble(f[c])).as(line).isBetween(0.0, 1.0);
      }
      // the journal named in the row is the file the tournament wrote
      assertThat(journals.resolve(f[12])).exists();
    }
    // each game's seed is the schedule's, the same on every seat of that game
    assertThat(games.stream().skip(1).filter(l -> l.startsWith("0,")).map(l -> l.split(",")[2]))
        .hasSize(seats)
        .allMatch(seed -> seed.equals(games.get(1).split(",")[2]));

    java.util.List<String> h2h = Files.readAllLines(dir.resolve("head_to_head.csv"));
    assertThat(h2h).hasSize(3).first().isEqualTo("entrant,opponent,games,mean");
    // with two entrants and seats rotated, they meet in every game
    assertThat(h2h.get(1)).startsWith("threat-balancer,hider,8,");
    assertThat(h2h.get(2)).startsWith("hider,threat-balancer,8,");
    assertThat(r.out()).contains("head to head").contains("95% interval");

    String csv = Files.readString(dir.resolve("standings.csv"));
    assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",rating,rating_low,rating_high");
    for (String line : csv.lines().filter(l -> l.startsWith("overall,")).toList()) {
      String[] f = line.split(",", -1);
      double rating = Double.parseDouble(f[11]);
      assertThat(Double.parseDouble(f[12])).isLessThan(rating);
      assertThat(Double.parseDouble(f[13])).isGreaterThan(rating);
    }
  }

  /** The number of seats of a built-in scenario. */
  static final class ScenarioSeats {
    static int of(String id) throws Exception {
      return org.entente.server.scenario.ScenarioLoader.builtin(id).world().size();
    }
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
