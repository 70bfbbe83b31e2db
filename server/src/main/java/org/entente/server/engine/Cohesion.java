package org.entente.server.engine;

import org.entente.api.OutcomeCode;
import org.entente.api.Stance.StanceKind;
import org.entente.server.engine.TurnReport.EventKind;

/**
 * Step 3 of a turn: free-riders and abandonment wear alliances down, loyal turns restore them, and
 * an alliance below the threshold dissolves (RULES.md sections 3 and 5).
 */
final class Cohesion {
  private Cohesion() {}

  static void apply(TurnWork w) {
    Params p = w.params;
    for (int a = w.alliances.size() - 1; a >= 0; a--) {
      Alliance al = w.alliances.get(a);
      int freeRiders = 0;
      for (String m : al.members()) {
        if (w.kind(w.index(m)) == StanceKind.BUCK_PASS) {
          freeRiders++;
        }
      }
      boolean abandoned = w.abandonedAlliances.contains(al.id());
      double c = al.cohesion();
      if (abandoned) {
        c -= p.abandonmentPenalty();
      }
      c -= freeRiders * p.buckPassCohesionPenalty();
      if (freeRiders == 0 && !abandoned) {
        c = Math.min(1.0, c + p.cohesionRecovery());
      }
      if (c < p.dissolutionThreshold()) {
        w.alliances.remove(a);
        w.alliancesEnded++;
        String why = abandoned ? "an ally was abandoned in a crisis" : "free-riding";
        w.event(
            EventKind.ALLIANCE_DISSOLVED,
            al.id()
                + " dissolved: cohesion fell below "
                + p.dissolutionThreshold()
                + " ("
                + why
                + ")",
            al.members().toArray(String[]::new));
        for (String m : al.members()) {
          w.outcome(
              w.index(m),
              "alliance " + al.id(),
              OutcomeCode.ALLIANCE_DISSOLVED,
              al.id() + " dissolved (" + why + ")");
        }
      } else {
        w.alliances.set(a, al.withCohesion(Math.max(0, c)));
      }
    }
  }
}
