package org.entente.server.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.entente.server.engine.Games;
import org.entente.server.engine.Scoring;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.TurnReport.EventKind;
import org.entente.server.engine.World;
import org.entente.server.history.GameHistory;
import org.entente.server.history.GameHistory.Annotation;
import org.entente.server.scenario.ScenarioLoader;
import org.entente.server.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

/** The debrief of real simulated games, in all three forms. */
class DebriefTest {
  static final String HOSTILE = "<script>alert(1)</script>";

  static GameHistory game(String scenario, long seed) throws Exception {
    World world = ScenarioLoader.resolve(scenario).world();
    Map<String, String> strategies = Simulation.strategies(world, Map.of());
    Games.Played played = Simulation.run(world, seed, strategies, world.turns());
    GameHistory h = GameHistory.of(scenario + "-" + seed, world, seed, played, strategies);
    List<Annotation> notes =
        List.of(
            new Annotation(2, "instructor", HOSTILE, 0L),
            new Annotation(1, "instructor", "Watch who balances & why", 0L),
            new Annotation(0, "instructor", "Before the game: read the briefing", 0L));
    return new GameHistory(
        h.gameId(),
        h.world(),
        h.seed(),
        h.states(),
        h.reports(),
        h.prologue(),
        notes,
        h.strategies());
  }

  /** A share as the web client shows it. */
  static String pct(double v) {
    return org.entente.server.replay.Numbers.pct(v);
  }

  /** A score component as the web client shows it (at most two decimals). */
  static String f2(double v) {
    return org.entente.server.replay.Numbers.num(v, 2);
  }

  @ParameterizedTest
  @CsvSource({"tutorial, 1", "europe-1914, 3"})
  void markdownHasTheScoresNarrativeAndLens(String scenario, long seed) throws Exception {
    GameHistory h = game(scenario, seed);
    String md = Debriefs.render(h, Format.MD);

    // the scores table: every number is Scoring.scores of the last position
    List<Scoring.Score> scores = Scoring.scores(h.last());
    assertThat(scores).hasSize(h.world().size());
    for (Scoring.Score s : scores) {
      String row =
          md.substring(md.indexOf("## Scores"))
              .lines()
              .filter(l -> l.startsWith("| " + s.state() + " | "))
              .findFirst()
              .orElseThrow();
      assertThat(row)
          .contains(
              " | "
                  + f2(s.survival())
                  + " | "
                  + f2(s.security())
                  + " | "
                  + f2(s.autonomy())
                  + " | "
                  + f2(s.power())
                  + " | "
                  + f2(s.objectives())
                  + " | **"
                  + org.entente.server.replay.Numbers.num(s.total(), 1)
                  + "** |");
    }

    // a narrative line for every alliance formed or joined and every war
    int alliances = 0;
    int wars = 0;
    for (TurnReport r : h.reports()) {
      for (TurnReport.Event e : r.events()) {
        if (e.kind() == EventKind.ALLIANCE_FORMED || e.kind() == EventKind.ALLIANCE_JOINED) {
          assertThat(md).contains("- Alliance: " + Debrief.capitalise(e.text()));
          alliances++;
        }
      }
      for (TurnReport.War w : r.wars()) {
        assertThat(md)
            .contains(
                "- War over crisis "
                    + w.crisis()
                    + " ("
                    + w.aggressor()
                    + " attacked "
                    + w.target()
                    + "): "
                    + String.join(", ", w.attackers()),
                w.reason(),
                String.format(Locale.ROOT, "attackers' odds %.0f%%", 100 * w.attackersWinChance()));
        wars++;
      }
    }
    if (scenario.equals("europe-1914")) {
      assertThat(alliances).isPositive();
      assertThat(wars).isPositive();
    }
    assertThat(md).contains("### Turn 1 (", "### Turn " + h.reports().size() + " (");

    // the lens agreement rates are those of Scoring.system
    Scoring.SystemView sys = Scoring.system(h.last());
    assertThat(md)
        .contains(
            "- balance of threat: " + pct(sys.agreeThreat()),
            "- balance of power: " + pct(sys.agreePower()),
            "- balance of interests: " + pct(sys.agreeInterests()),
            "| Balancing share of alignment decisions | " + pct(sys.balancingShare()) + " |",
            "| Wars | " + sys.wars() + " |",
            "Walt",
            "1955");

    // the lens is one table for the game (per turn span), not one per turn, and every state's
    // decisions stand beside the predictions, each turn's stance in its state's table
    assertThat(md.split("\\| Turns \\| Stances judged", -1)).hasSize(2);
    assertThat(md).doesNotContain("\n| State | Actual |");
    for (TurnReport r : h.reports()) {
      for (TurnReport.LensEntry e : r.lens()) {
        String section = md.substring(md.indexOf("## Decisions beside the theories"));
        section = section.substring(section.indexOf("### " + e.state() + "\n"));
        assertThat(section)
            .contains(" | " + Debrief.stanceWords(e.actual(), e.actualTarget()) + " | ");
      }
    }

    // notes are placed and escaped
    assertThat(md).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(md.indexOf("&lt;script&gt;")).isGreaterThan(md.indexOf("### Turn 2 ("));
    assertThat(md.indexOf("&lt;script&gt;")).isLessThan(md.indexOf("### Turn 3 ("));
    assertThat(md).contains("## Other notes", "Before the game: read the briefing");
  }

  @ParameterizedTest
  @CsvSource({"tutorial, 1", "europe-1914, 3"})
  void htmlIsSelfContainedWellFormedAndHasTheThreeCharts(String scenario, long seed)
      throws Exception {
    GameHistory h = game(scenario, seed);
    String html = Debriefs.render(h, Format.HTML);

    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html.toLowerCase(Locale.ROOT))
        .doesNotContain("http", "<script", "<link", "src=", "url(", "@import");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE);

    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    int snapshots = Debrief.of(h).snapshots().size();
    assertThat(snapshots).isBetween(2, 6);
    // power, threat and coverage over time, then a heat map and a network per snapshot
    assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(3 + 2 * snapshots);
    assertThat(html.split("<svg", -1).length - 1).isEqualTo(html.split("</svg>", -1).length - 1);

    // (a) one line per state and a legend entry per state
    assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(3 * h.world().size());
    assertThat(html).contains("power P (share of the system)", "turns played");
    // (b) heat maps: an explicit scale and labelled rows and columns
    assertThat(html).contains("colour scale: threat T[j][i]", "feels the threat (row j)");
    // (c) the network: a node per state per snapshot
    assertThat(doc.getElementsByTagName("circle").getLength())
        .isEqualTo(snapshots * h.world().size());
    for (String id : h.world().start().stream().map(n -> n.id()).toList()) {
      assertThat(html).contains(">" + id + "</text>");
    }
    Scoring.SystemView sys = Scoring.system(h.last());
    assertThat(html).contains("Balance of threat <b>" + pct(sys.agreeThreat()) + "</b>");
  }

  @Test
  void jsonHasComponentsPerStateAndLensPerTurn() throws Exception {
    GameHistory h = game("europe-1914", 3);
    JsonNode doc = new ObjectMapper().readTree(Debriefs.render(h, Format.JSON));
    List<Scoring.Score> scores = Scoring.scores(h.last());
    assertThat(doc.get("states")).hasSize(scores.size());
    for (int i = 0; i < scores.size(); i++) {
      JsonNode s = doc.get("states").get(i);
      Scoring.Score want = scores.get(i);
      assertThat(s.get("id").asText()).isEqualTo(want.state());
      JsonNode score = s.get("score");
      assertThat(score.get("survival").asDouble()).isEqualTo(want.survival());
      assertThat(score.get("security").asDouble()).isEqualTo(want.security());
      assertThat(score.get("autonomy").asDouble()).isEqualTo(want.autonomy());
      assertThat(score.get("power").asDouble()).isEqualTo(want.power());
      assertThat(score.get("objectives").asDouble()).isEqualTo(want.objectives());
      assertThat(score.get("total").asDouble()).isEqualTo(want.total());
    }
    Scoring.SystemView sys = Scoring.system(h.last());
    assertThat(doc.get("system").get("agreeThreat").asDouble()).isEqualTo(sys.agreeThreat());
    assertThat(doc.get("system").get("balancingShare").asDouble()).isEqualTo(sys.balancingShare());
    assertThat(doc.get("turns")).hasSize(h.reports().size());
    for (int t = 0; t < h.reports().size(); t++) {
      JsonNode lens = doc.get("turns").get(t).get("lens");
      assertThat(lens).hasSize(h.reports().get(t).lens().size());
      assertThat(lens.get(0).has("actual")).isTrue();
      assertThat(lens.get(0).get("threat").has("kind")).isTrue();
      assertThat(lens.get(0).has("agreesInterests")).isTrue();
    }
    // stances are tagged by type, as in the turn reports
    assertThat(doc.get("turns").get(0).get("stances").get(0).get("stance").get("type").asText())
        .isIn("BALANCE", "BANDWAGON", "HIDE", "BUCK_PASS");
    assertThat(doc.get("power")).hasSize(h.states().size());
    assertThat(doc.get("snapshots")).hasSize(Debrief.of(h).snapshots().size());
    assertThat(doc.get("turns").get(1).get("annotations").get(0).get("text").asText())
        .isEqualTo(HOSTILE);
  }

  @Test
  void chartPositionsDefaultToFirstMiddleLastAndAreClamped() {
    assertThat(Debrief.chartPositions(25, null)).containsExactly(0, 12, 24);
    assertThat(Debrief.chartPositions(2, List.of())).containsExactly(0, 1);
    assertThat(Debrief.chartPositions(9, List.of(3, 99, -1, 3))).containsExactly(3, 8, 0);
  }

  @Test
  void balancingSentenceComparesWithWalt() {
    assertThat(Debrief.comparison(0.8, 8, 2)).contains("80%", "Walt", "1955", "mostly balancing");
    assertThat(Debrief.comparison(0.3, 3, 7)).contains("30%", "departs");
    assertThat(Debrief.comparison(0, 0, 0)).contains("No state balanced");
  }

  @Test
  void everyAllianceEventAndWarHasANarrativeLine() throws Exception {
    GameHistory h = game("europe-1914", 3);
    Debrief d = Debrief.of(h);
    List<String> lines = new ArrayList<>();
    d.turns().forEach(t -> t.lines().forEach(l -> lines.add(l.text())));
    long wars = h.reports().stream().mapToLong(r -> r.wars().size()).sum();
    assertThat(lines.stream().filter(l -> l.startsWith("War over crisis"))).hasSize((int) wars);
  }
}
