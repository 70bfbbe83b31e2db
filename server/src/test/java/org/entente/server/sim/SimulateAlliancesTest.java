package org.entente.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.entente.server.engine.Games;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code simulate} printout and its JSON name each alliance's target and kind. */
class SimulateAlliancesTest {
  @TempDir Path dir;

  @Test
  void thePrintoutNamesTheTargetAndKindWhenAlliancesChange() throws Exception {
    Games.Played played = AllianceGames.play(true, 3);
    Summary summary =
        new Summary(AllianceGames.world(), AllianceGames.strategies(), AllianceGames.SEED);
    StringWriter sw = new StringWriter();
    PrintWriter out = new PrintWriter(sw);
    summary.turns(out, played);
    summary.debrief(out, played.last());
    out.flush();
    String text = sw.toString();
    assertThat(text)
        .contains("LEN BALANCE vs KAD arm 0.10 with OST offensive")
        .containsPattern(
            "  alliances: \\S+ LEN\\+OST vs KAD \\(offensive, cohesion \\d\\.\\d\\d\\)")
        .containsPattern(
            "  alliances standing: \\S+ LEN\\+OST vs KAD \\(offensive, cohesion \\d\\.\\d\\d\\)");
    // printed when they change: after turn 1 only, as the same alliance stands on
    assertThat(text.lines().filter(l -> l.startsWith("  alliances: "))).hasSize(1);

    StringWriter dw = new StringWriter();
    Games.Played defensive = AllianceGames.play(false, 1);
    summary.turns(new PrintWriter(dw, true), defensive);
    assertThat(dw.toString()).containsPattern("LEN\\+OST vs KAD \\(defensive, cohesion");
  }

  @Test
  void theJsonReportHoldsTheAlliancesAfterEachTurn() throws Exception {
    Games.Played played = AllianceGames.play(true, 2);
    Path file = dir.resolve("report.json");
    ReportJson.write(
        file, AllianceGames.world(), AllianceGames.SEED, AllianceGames.strategies(), played);
    JsonNode doc = new ObjectMapper().readTree(file.toFile());
    assertThat(doc.get("alliances")).hasSize(doc.get("turns").size());
    JsonNode first = doc.get("alliances").get(0).get(0);
    assertThat(first.get("target").asText()).isEqualTo("KAD");
    assertThat(first.get("kind").asText()).isEqualTo("OFFENSIVE");
    assertThat(first.get("members").toString()).isEqualTo("[\"LEN\",\"OST\"]");
    assertThat(first.get("targetBloc").toString()).contains("\"KAD\"");
    assertThat(first.get("formedTurn").asInt()).isEqualTo(1);
    // the stances carry the flag too
    JsonNode stance = null;
    for (JsonNode ps : doc.get("turns").get(0).get("stances")) {
      stance = ps.get("state").asText().equals("LEN") ? ps.get("stance") : stance;
    }
    assertThat(stance).isNotNull();
    assertThat(stance.get("type").asText()).isEqualTo("BALANCE");
    assertThat(stance.get("offensive").asBoolean()).isTrue();
  }
}
