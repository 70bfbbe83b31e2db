package org.entente.server.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.entente.api.OrderOutcome;
import org.entente.api.OutcomeCode;
import org.entente.server.engine.TurnReport;
import org.entente.server.history.GameHistory;
import org.entente.server.journal.JournalReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The debrief explains: turning points with their reasons, and a discussion guide, in every form.
 */
class TurningPointsTest {
  @TempDir Path dir;

  @Test
  void turningPointsCarryTheirReasonsInMarkdownHtmlAndJson() throws Exception {
    DebriefJournalTest.Run sim =
        DebriefJournalTest.run(
            "simulate",
            "--scenario",
            "europe-1914",
            "--seed",
            "2",
            "--quiet",
            "--journal",
            dir.toString());
    assertThat(sim.code()).as(sim.err()).isZero();
    Path journal;
    try (Stream<Path> files = Files.list(dir)) {
      journal = files.filter(p -> p.toString().endsWith(".journal")).findFirst().orElseThrow();
    }
    GameHistory h = JournalReader.history(journal);
    Debrief d = Debrief.of(h);
    List<Debrief.TurningPoint> points = d.turningPoints();
    assertThat(points).isNotEmpty();

    // every war of the game is a turning point at its turn, with its odds and its draw
    int wars = 0;
    for (TurnReport r : h.reports()) {
      for (TurnReport.War w : r.wars()) {
        wars++;
        assertThat(points)
            .anySatisfy(
                p -> {
                  assertThat(p.turn()).isEqualTo(r.turn());
                  assertThat(p.headline()).startsWith(w.aggressor() + " attacked " + w.target());
                  assertThat(p.why()).anySatisfy(x -> assertThat(x).contains("attackers' odds"));
                  assertThat(p.why()).contains("the draw: " + w.reason());
                });
      }
      // every alliance formed is one, with the outcome codes of the orders that formed it
      for (TurnReport.Event e : r.events()) {
        if (e.kind() == TurnReport.EventKind.ALLIANCE_FORMED) {
          assertThat(points)
              .anySatisfy(
                  p -> {
                    assertThat(p.turn()).isEqualTo(r.turn());
                    assertThat(p.kind()).isEqualTo("alliance formed");
                    assertThat(p.why())
                        .anySatisfy(
                            x -> assertThat(x).contains(OutcomeCode.ALLIANCE_FORMED.name()));
                  });
        }
      }
      for (OrderOutcome o : r.outcomes()) {
        if (o.code() == OutcomeCode.ABANDONED_ALLY) {
          assertThat(points)
              .anySatisfy(
                  p -> assertThat(p.headline()).isEqualTo(o.state() + " abandoned an ally"));
        }
      }
    }
    assertThat(wars).as("europe-1914 seed 2 has wars").isPositive();
    // a principal threat that moved is explained by its four terms
    List<Debrief.TurningPoint> shifts =
        points.stream().filter(p -> p.kind().equals("threat shift")).toList();
    assertThat(shifts).isNotEmpty().hasSizeLessThanOrEqualTo(TurningPoints.THREAT_SHIFTS);
    for (Debrief.TurningPoint p : shifts) {
      assertThat(p.why().get(0))
          .contains("power", "proximity", "offensive capability", "perceived intent", " → ");
    }
    // rounded as the web client rounds: at most 3 decimals anywhere in a turning point
    Pattern tooLong = Pattern.compile("\\d\\.\\d{4,}");
    for (Debrief.TurningPoint p : points) {
      assertThat(tooLong.matcher(p.headline()).find()).as(p.headline()).isFalse();
      for (String w : p.why()) {
        assertThat(tooLong.matcher(w).find()).as(w).isFalse();
      }
    }
    assertThat(d.discussion()).isNotEmpty().hasSizeLessThanOrEqualTo(TurningPoints.QUESTIONS);
    assertThat(d.discussion().get(0)).startsWith("Turn " + points.get(0).turn() + ": ");

    // the three forms, from the journal on the command line
    DebriefJournalTest.Run md =
        DebriefJournalTest.run("debrief", journal.toString(), "--format", "md");
    assertThat(md.code()).as(md.err()).isZero();
    String m = md.out();
    assertThat(m).contains("## Turning points", "## Discussion guide");
    assertThat(m.indexOf("## Turning points")).isLessThan(m.indexOf("## Turn by turn"));
    for (Debrief.TurningPoint p : points) {
      assertThat(m)
          .contains("- **Turn " + p.turn() + ", " + p.kind() + ":** " + Texts.md(p.headline()));
      for (String w : p.why()) {
        assertThat(m).contains("  - " + Texts.md(w));
      }
    }
    Path html = dir.resolve("d.html");
    DebriefJournalTest.Run hr =
        DebriefJournalTest.run(
            "debrief", journal.toString(), "--format", "html", "--out", html.toString());
    assertThat(hr.code()).as(hr.err()).isZero();
    String page = Files.readString(html);
    assertThat(page).contains("<h2 id=\"turning-points\">", "<h2 id=\"discussion\">");
    for (Debrief.TurningPoint p : points) {
      assertThat(page).contains(Texts.html(p.headline()));
      for (String w : p.why()) {
        assertThat(page).contains("<li>" + Texts.html(w) + "</li>");
      }
    }
    DebriefJournalTest.Run js =
        DebriefJournalTest.run("debrief", journal.toString(), "--format", "json");
    assertThat(js.code()).as(js.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(js.out());
    assertThat(doc.get("turningPoints")).hasSize(points.size());
    assertThat(doc.get("turningPoints").get(0).get("why")).isNotNull();
    assertThat(doc.get("discussion")).hasSize(d.discussion().size());
  }
}
