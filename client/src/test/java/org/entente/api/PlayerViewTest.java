package org.entente.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.PlayerView.AllianceView;
import org.entente.api.PlayerView.NationView;
import org.entente.api.PlayerView.RulesView;
import org.entente.api.PlayerView.ThreatEntry;
import org.junit.jupiter.api.Test;

/** The view's lookups (ids, alliances, total military) and views shared between seats. */
class PlayerViewTest {

  static NationView nation(String id, double military, boolean active) {
    return new NationView(
        id,
        id,
        10,
        10,
        military,
        10,
        0.2,
        0.5,
        1000,
        "none",
        false,
        Posture.STATUS_QUO,
        active,
        null,
        null);
  }

  static PlayerView view(String self, List<NationView> nations, List<AllianceView> alliances) {
    int n = nations.size();
    double[] cells = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        cells[i * n + j] = i == j ? 1 : 0.1 * (i + 1) + 0.01 * j;
      }
    }
    return new PlayerView(
        "test",
        3,
        10,
        "year 3",
        self,
        nations,
        SquareMatrix.of(n, cells),
        alliances,
        List.of(),
        List.of(new ThreatEntry("B", 0.2, 0.5, 0.1, 0.5, 0.05)),
        List.of("B"),
        "B",
        0.6,
        List.of(),
        List.of(),
        List.of(),
        new RulesView(1.5, 0.3, 0.2, 0.1, 0.5),
        "brief",
        "secret");
  }

  static final List<NationView> FIVE =
      List.of(
          nation("A", 10, true),
          nation("B", 20, true),
          nation("C", 30, true),
          nation("D", 40, false),
          nation("E", 50, true));

  @Test
  void lookupsFindStatesByReferenceOrByEqualStrings() {
    PlayerView v = view("A", FIVE, List.of());
    assertThat(v.index("C")).isEqualTo(2);
    assertThat(v.index(new String("C".toCharArray()))).isEqualTo(2);
    assertThat(v.index("Z")).isEqualTo(-1);
    assertThat(v.index(null)).isEqualTo(-1);
    assertThat(v.me().id()).isEqualTo("A");
    assertThat(v.prox("C", "B")).isCloseTo(0.31, org.assertj.core.api.Assertions.within(1e-12));
    assertThatThrownBy(() -> v.nation("Z")).hasMessageContaining("no state Z");
    assertThat(v.totalMilitary()).as("the conquered D's military is not counted").isEqualTo(110);
  }

  @Test
  void alliancesAreFoundWhicheverStringsNameTheMembers() {
    PlayerView v =
        view(
            "A",
            FIVE,
            List.of(
                new AllianceView("a1", List.of("A", new String("C".toCharArray())), 1, 1),
                new AllianceView("a2", List.of("C", "E"), 1, 2)));
    assertThat(v.allied("A", "C")).isTrue();
    assertThat(v.allied("C", "E")).isTrue();
    assertThat(v.allied("A", "E")).as("allies of allies are not allies").isFalse();
    assertThat(v.allied("A", "B")).isFalse();
    assertThat(v.alliesOf("C")).containsExactly("A", "E");
    assertThat(v.alliesOf("B")).isEmpty();
    assertThat(v.allied("A", "Z")).isFalse();
  }

  @Test
  void moreThanSixtyFourAlliancesAreStillFound() {
    List<NationView> nations = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      nations.add(nation("S" + i, 1, true));
    }
    List<AllianceView> alliances = new ArrayList<>();
    for (int i = 0; i < 69; i++) {
      alliances.add(new AllianceView("a" + i, List.of("S" + i, "S" + (i + 1)), 1, 1));
    }
    PlayerView v = view("S0", nations, alliances);
    assertThat(v.allied("S67", "S68")).isTrue();
    assertThat(v.allied("S67", "S69")).isFalse();
    assertThat(v.alliesOf("S68")).containsExactly("S67", "S69");
  }

  @Test
  void aViewForAnotherSeatSharesThePublicPartsAndEqualsOneBuiltWhole() {
    List<AllianceView> alliances = List.of(new AllianceView("a1", List.of("B", "C"), 1, 1));
    PlayerView a = view("A", FIVE, alliances);
    List<ThreatEntry> threats = List.of(new ThreatEntry("A", 0.1, 0.3, 0.2, 0.4, 0.01));
    PlayerView c = a.forSeat("C", threats, List.of("A"), "A", 0.9, List.of("E"), List.of(), "c's");
    PlayerView whole =
        new PlayerView(
            a.scenario(),
            a.turn(),
            a.turns(),
            a.turnLabel(),
            "C",
            a.nations(),
            a.proximity(),
            a.alliances(),
            a.crises(),
            threats,
            List.of("A"),
            "A",
            0.9,
            List.of("E"),
            List.of(),
            a.lastStances(),
            a.rules(),
            a.briefing(),
            "c's");
    assertThat(c).isEqualTo(whole).hasSameHashCodeAs(whole);
    assertThat(c.toString()).isEqualTo(whole.toString());
    assertThat(c.me().id()).isEqualTo("C");
    assertThat(c.alliesOf("C")).containsExactly("B");
    assertThat(c.privateBriefing()).isEqualTo("c's");
    assertThat(a.privateBriefing()).isEqualTo("secret");
    assertThat(c).isNotEqualTo(a);
  }
}
