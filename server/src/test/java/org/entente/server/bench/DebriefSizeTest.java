package org.entente.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.entente.server.debrief.Debrief;
import org.entente.server.debrief.Debriefs;
import org.entente.server.debrief.Format;
import org.entente.server.history.GameHistory;
import org.entente.server.replay.Room;
import org.junit.jupiter.api.Test;

/**
 * The HTML debrief of a 500-turn, 16-state game stays under 3 MB: quiet turns are folded, the lens
 * is one table, the per-state decisions fold identical turns, the charts thin their lines. (Its
 * time is measured by {@link DebriefBenchmark}, not asserted here.)
 */
class DebriefSizeTest {
  @Test
  void aLongGamesDebriefStaysUnderThreeMegabytes() {
    GameHistory h = DebriefBenchmark.longGame();
    assertThat(h.reports()).hasSize(DebriefBenchmark.TURNS);
    Debrief d = Debrief.of(h, Room.of(h), Debrief.Options.instructor());
    String html = Debriefs.render(d, Format.HTML);
    int bytes = html.getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).as("HTML bytes").isLessThan(3_000_000);
    // the quiet turns are folded into summaries, the others keep their story
    assertThat(
            d.quietTurnsFolded()
                + d.turns().stream().filter(t -> !t.label().startsWith("turn")).count())
        .isGreaterThan(0);
    assertThat(html).contains("id=\"turn-" + DebriefBenchmark.TURNS, "Turning points");
    System.out.println("debrief of a 500-turn 16-state game: " + bytes + " bytes of HTML");

    // in Korean too, the folded quiet turns included
    Debrief ko =
        Debrief.of(
            h, Room.of(h), Debrief.Options.instructor(), org.entente.server.debrief.Words.KO);
    String koHtml = Debriefs.render(ko, Format.HTML, org.entente.server.debrief.Words.KO);
    assertThat(ko.quietTurnsFolded()).isEqualTo(d.quietTurnsFolded());
    assertThat(
            org.entente.server.debrief.KoreanDebriefTest.english(
                org.entente.server.debrief.KoreanDebriefTest.visible(koHtml),
                org.entente.server.debrief.KoreanDebriefTest.names(h),
                org.entente.server.debrief.KoreanDebriefTest.ids(h)))
        .as("English left in the Korean debrief of a long game")
        .isEmpty();
  }
}
