package org.entente.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.server.cli.Entente;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code entente history} end to end on one scenario with two seeds. */
class HistoryCommandTest {
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
  void writesTheSameFiguresAsTextJsonAndCsvAndTheSameBytesTwice() throws Exception {
    Path json = dir.resolve("h.json");
    Path csv = dir.resolve("h.csv");
    String[] args = {
      "history",
      "--scenario",
      "east-asia-2016",
      "--seeds",
      "2",
      "--json",
      json.toString(),
      "--csv",
      csv.toString()
    };
    Run r = run(args);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("east-asia-2016: data window east_asia_2010_2016, years 2016")
        .contains("default", "power-balancer", "random")
        .contains("default bots beat both baselines by mean kappa: ");

    JsonNode doc = new ObjectMapper().readTree(json.toFile());
    assertThat(doc.get("seeds")).hasSize(2);
    JsonNode scenario = doc.get("scenarios").get(0);
    assertThat(scenario.get("id").asText()).isEqualTo("east-asia-2016");
    assertThat(scenario.get("ccodes").get("USA").asInt()).isEqualTo(2);
    JsonNode rows = scenario.get("rows");
    assertThat(rows).hasSize(2); // 2016, then all years
    JsonNode all = rows.get(1);
    assertThat(all.get("year").asText()).isEqualTo("all");
    for (String lineup : HistoryCheck.LINEUPS) {
      double kappa = all.get("lineups").get(lineup).get("kappa").get("mean").asDouble();
      assertThat(kappa).isBetween(-1.0, 1.0);
    }
    assertThat(scenario.get("defaultBeatsBaselines").isBoolean()).isTrue();

    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(1 + 2 * HistoryCheck.LINEUPS.size());
    int columns = lines.get(0).split(",", -1).length;
    assertThat(lines).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(columns));
    String kappaInCsv = lines.get(lines.size() - 3).split(",", -1)[12];
    assertThat(kappaInCsv)
        .isEqualTo(
            all.get("lineups")
                .get("default")
                .get("kappa")
                .get("mean")
                .decimalValue()
                .toPlainString());

    byte[] firstJson = Files.readAllBytes(json);
    byte[] firstCsv = Files.readAllBytes(csv);
    Run again = run(args);
    assertThat(again.out()).isEqualTo(r.out());
    assertThat(Files.readAllBytes(json)).isEqualTo(firstJson);
    assertThat(Files.readAllBytes(csv)).isEqualTo(firstCsv);
  }

  @Test
  void refusesAScenarioWithoutCountryCodes() {
    Run r = run("history", "--scenario", "tutorial", "--seeds", "1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not a historical scenario");
  }
}
