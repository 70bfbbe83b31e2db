package org.entente.server.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.entente.server.history.GameHistory;
import org.entente.server.sim.AllianceGames;
import org.junit.jupiter.api.Test;

/** Every form of the debrief names each alliance's target and kind (rules 2.0). */
class DebriefAlliancesTest {
  @Test
  void htmlMarkdownAndJsonNameTheTargetAndKind() throws Exception {
    GameHistory h = AllianceGames.history("g-pact", true, 3);
    Debrief d = Debrief.of(h);
    Debrief.Snapshot end = d.snapshots().get(d.snapshots().size() - 1);
    assertThat(end.alliances()).hasSize(1);
    Debrief.Group g = end.alliances().get(0);
    assertThat(g.target()).isEqualTo("KAD");
    assertThat(g.words()).isEqualTo(g.id() + " (offensive, against KAD): LEN, OST");

    String html = Debriefs.render(h, Format.HTML);
    assertThat(html)
        .contains(g.id() + " (offensive, against KAD): LEN, OST (cohesion ")
        .contains("dotted for an offensive one")
        .contains("stroke-dasharray=\"1 5\"");

    String md = Debriefs.render(h, Format.MD);
    assertThat(md)
        .contains("## Alliances")
        .contains("- **Start (before turn 1, ")
        .contains(g.id() + " (offensive, against KAD): LEN, OST (cohesion ");
    assertThat(md.lines().filter(l -> l.startsWith("- **Start")).findFirst().orElseThrow())
        .endsWith("no alliances");

    JsonNode json = new ObjectMapper().readTree(Debriefs.render(h, Format.JSON));
    JsonNode last = json.get("snapshots").get(json.get("snapshots").size() - 1);
    JsonNode alliance = last.get("alliances").get(0);
    assertThat(alliance.get("target").asText()).isEqualTo("KAD");
    assertThat(alliance.get("kind").asText()).isEqualTo("OFFENSIVE");
  }

  @Test
  void aDefensiveAllianceIsDrawnSolidAndCalledDefensive() throws Exception {
    GameHistory h = AllianceGames.history("g-pact", false, 2);
    String html = Debriefs.render(h, Format.HTML);
    assertThat(html)
        .contains("(defensive, against KAD): LEN, OST")
        .doesNotContain("stroke-dasharray=\"1 5\"");
    assertThat(Debriefs.render(h, Format.MD)).contains("(defensive, against KAD): LEN, OST");
  }
}
