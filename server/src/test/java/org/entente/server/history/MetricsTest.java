package org.entente.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.server.scenario.ScenarioFile;
import org.junit.jupiter.api.Test;

/** The history check's arithmetic on cases small enough to work out by hand. */
class MetricsTest {
  @Test
  void precisionRecallAndKappaOfATextbookTable() {
    // 50 pairs: both allied 20, game only 5, data only 10, neither 15.
    // observed agreement 35/50 = 0.7; chance (25*30 + 25*20) / 2500 = 0.5; kappa 0.2 / 0.5 = 0.4
    Confusion c = new Confusion(20, 5, 10, 15);
    assertThat(c.precision()).isCloseTo(0.8, within(1e-12));
    assertThat(c.recall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(c.kappa()).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void kappaIsOneForPerfectAgreementAndBelowZeroForSystematicDisagreement() {
    assertThat(new Confusion(3, 0, 0, 7).kappa()).isCloseTo(1, within(1e-12));
    // the game allies exactly the pairs the data do not: observed 0, chance 0.5
    assertThat(new Confusion(0, 5, 5, 0).kappa()).isCloseTo(-1, within(1e-12));
  }

  @Test
  void emptyCodingsGiveZeroNotNaN() {
    Confusion noGamePairs = new Confusion(0, 0, 4, 6);
    assertThat(noGamePairs.precision()).isZero();
    assertThat(noGamePairs.recall()).isZero();
    assertThat(noGamePairs.kappa()).isZero();
    // both codings say "no pair is allied": chance agreement is already total
    assertThat(new Confusion(0, 0, 0, 10).kappa()).isZero();
    assertThat(Confusion.EMPTY.kappa()).isZero();
  }

  @Test
  void compareCountsEachCellOverTheWholeUniverse() {
    Set<Dyad> game = Set.of(Dyad.of(2, 200), Dyad.of(200, 220), Dyad.of(255, 300));
    Set<Dyad> data = Set.of(Dyad.of(200, 220), Dyad.of(220, 365));
    Confusion c = HistoryCheck.compare(game, data, 10);
    assertThat(c).isEqualTo(new Confusion(1, 2, 1, 6));
    assertThat(c.plus(c)).isEqualTo(new Confusion(2, 4, 2, 12));
  }

  @Test
  void aClientJoinsItsPatronsAllianceAsOneBloc() {
    Map<String, Integer> codes = Map.of("A", 1, "B", 2, "C", 3, "D", 4, "E", 5);
    // alliance A-B; C is B's client; D and E stand alone
    Set<Dyad> pairs =
        Blocs.pairs(
            List.of("A", "B", "C", "D", "E"), List.of(List.of("A", "B"), List.of("C", "B")), codes);
    assertThat(pairs).containsExactly(Dyad.of(1, 2), Dyad.of(1, 3), Dyad.of(2, 3));
  }

  @Test
  void aConqueredStateBridgesNothing() {
    Map<String, Integer> codes = Map.of("A", 1, "B", 2, "C", 3);
    // B is conquered (not active): A-B and B-C no longer join A and C
    Set<Dyad> pairs =
        Blocs.pairs(List.of("A", "C"), List.of(List.of("A", "B"), List.of("B", "C")), codes);
    assertThat(pairs).isEmpty();
    // a state without a country code is left out of the pairs but still links its bloc
    Set<Dyad> viaUncoded =
        Blocs.pairs(List.of("A", "X", "C"), List.of(List.of("A", "X"), List.of("X", "C")), codes);
    assertThat(viaUncoded).containsExactly(Dyad.of(1, 3));
  }

  @Test
  void eachYearIsComparedAfterItsLastTurn() {
    // quarterly turns from March 1936: 1936 has turns 1-4, 1937 turns 5-8, ...
    TurnYears quarters = TurnYears.of(new ScenarioFile.Calendar("month", "1936-03", 3, null), 20);
    assertThat(quarters.year(1)).isEqualTo(1936);
    assertThat(quarters.year(4)).isEqualTo(1936);
    assertThat(quarters.year(5)).isEqualTo(1937);
    assertThat(quarters.lastTurnOfYear())
        .containsExactly(
            Map.entry(1936, 4),
            Map.entry(1937, 8),
            Map.entry(1938, 12),
            Map.entry(1939, 16),
            Map.entry(1940, 20));
    TurnYears months = TurnYears.of(new ScenarioFile.Calendar("month", "1914-07", null, null), 24);
    assertThat(months.lastTurnOfYear())
        .containsExactly(Map.entry(1914, 6), Map.entry(1915, 18), Map.entry(1916, 24));
    TurnYears years = TurnYears.of(new ScenarioFile.Calendar("year", 1955, null, null), 3);
    assertThat(years.lastTurnOfYear())
        .containsExactly(Map.entry(1955, 1), Map.entry(1956, 2), Map.entry(1957, 3));
    TurnYears seasons = TurnYears.of(new ScenarioFile.Calendar("season", "1914", null, null), 4);
    assertThat(seasons.lastTurnOfYear()).containsExactly(Map.entry(1914, 2), Map.entry(1915, 4));
    TurnYears labels =
        TurnYears.of(
            new ScenarioFile.Calendar(null, null, null, List.of("spring 431 BC", "430 BC")), 2);
    assertThat(labels.year(1)).isEqualTo(-431);
    assertThat(labels.year(2)).isEqualTo(-430);
  }

  @Test
  void yearsPrintAsRuns() {
    assertThat(HistoryReport.years(List.of(1955, 1958, 1959, 1960, 1968)))
        .isEqualTo("1955 1958-1960 1968");
  }
}
