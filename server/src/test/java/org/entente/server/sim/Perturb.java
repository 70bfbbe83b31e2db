package org.entente.server.sim;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.RulesView;
import org.entente.api.SquareMatrix;
import org.entente.client.bots.ViewPart;

/** A copy of a view with one part changed, to check what a strategy reads. */
final class Perturb {
  private Perturb() {}

  static PlayerView part(PlayerView v, ViewPart part) {
    return new PlayerView(
        part == ViewPart.SCENARIO ? v.scenario() + "-other" : v.scenario(),
        part == ViewPart.TURN ? v.turn() + 100 : v.turn(),
        part == ViewPart.TURNS ? v.turns() + 7 : v.turns(),
        part == ViewPart.TURN_LABEL ? "another label" : v.turnLabel(),
        v.self(),
        v.nations(),
        part == ViewPart.PROXIMITY ? halved(v.proximity()) : v.proximity(),
        part == ViewPart.ALLIANCES ? List.of() : v.alliances(),
        part == ViewPart.CRISES ? List.of() : v.crises(),
        part == ViewPart.THREATS ? List.of() : v.threats(),
        part == ViewPart.PRINCIPAL_THREAT ? List.of() : v.principalThreat(),
        part == ViewPart.PRINCIPAL_LEADER ? null : v.principalLeader(),
        part == ViewPart.COVERAGE ? 1 - v.coverage() : v.coverage(),
        part == ViewPart.LEANINGS ? leanings(v) : v.leanings(),
        part == ViewPart.OUTCOMES ? List.of() : v.outcomes(),
        part == ViewPart.LAST_STANCES ? List.of() : v.lastStances(),
        part == ViewPart.RULES ? rules(v.rules()) : v.rules(),
        part == ViewPart.BRIEFING ? "another briefing" : v.briefing(),
        part == ViewPart.PRIVATE_BRIEFING ? "another private briefing" : v.privateBriefing());
  }

  private static SquareMatrix halved(SquareMatrix m) {
    int n = m.size();
    double[] cells = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        cells[i * n + j] = i == j ? 1 : m.get(i, j) / 2;
      }
    }
    return SquareMatrix.of(n, cells);
  }

  private static List<String> leanings(PlayerView v) {
    List<String> out = new ArrayList<>(v.leanings());
    v.nations().stream()
        .map(PlayerView.NationView::id)
        .filter(id -> !id.equals(v.self()))
        .findFirst()
        .ifPresent(out::add);
    return out;
  }

  private static RulesView rules(RulesView r) {
    return new RulesView(
        r.defenseAdvantage() * 1.5,
        r.maxInternalEffort() / 2,
        r.aidMaxShare() / 2,
        r.tributeRate() * 2,
        r.weakShare() * 2);
  }
}
