package org.entente.server.engine;

import java.util.List;
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
      boolean waning = waning(w, al);
      double c = al.cohesion();
      if (abandoned) {
        c -= p.abandonmentPenalty();
      }
      c -= freeRiders * p.buckPassCohesionPenalty();
      if (waning) {
        c -= p.allianceWane();
      } else if (freeRiders == 0 && !abandoned) {
        c = Math.min(1.0, c + p.cohesionRecovery() + ideology(w, al));
      }
      if (c < p.dissolutionThreshold()) {
        w.alliances.remove(a);
        w.alliancesEnded++;
        String why =
            abandoned
                ? "an ally was abandoned in a crisis"
                : freeRiders > 0
                    ? "free-riding"
                    : "its target " + al.target() + " no longer threatens its members";
        w.event(
            EventKind.ALLIANCE_DISSOLVED,
            al.id()
                + " dissolved: cohesion fell below "
                + p.dissolutionThreshold()
                + " ("
                + why
                + ")",
            new TurnReport.AllianceChange(
                TurnReport.AllianceChangeKind.DISSOLVED,
                al.id(),
                al.members(),
                List.of(),
                al.target(),
                al.kind(),
                "cohesion fell below " + p.dissolutionThreshold() + " (" + why + ")"),
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

  // An alliance wanes when its target is conquered or is no member's principal threat any more
  // (as the turn began): alliances outlive their threat only briefly.
  private static boolean waning(TurnWork w, Alliance al) {
    int t = w.index(al.target());
    if (t < 0 || w.conquered[t]) {
      return true;
    }
    for (String m : al.members()) {
      int i = w.index(m);
      if (w.active(i) && w.start.isPrincipal(i, t)) {
        return false;
      }
    }
    return true;
  }

  // Shared ideology speeds recovery; a divisive ideology shared by two members slows it.
  private static double ideology(TurnWork w, Alliance al) {
    String first = w.nation(w.index(al.members().get(0))).ideology();
    boolean shared = true;
    int divisive = 0;
    for (String m : al.members()) {
      Nation s = w.nation(w.index(m));
      shared &= s.ideology().equals(first) && !s.divisive();
      divisive += s.divisive() ? 1 : 0;
    }
    double bonus = shared ? w.params.ideologyCohesion() : 0;
    if (divisive >= 2 && sharesDivisive(w, al)) {
      bonus -= w.params.ideologyCohesion();
    }
    return bonus;
  }

  private static boolean sharesDivisive(TurnWork w, Alliance al) {
    List<String> m = al.members();
    for (int a = 0; a < m.size(); a++) {
      Nation x = w.nation(w.index(m.get(a)));
      for (int b = a + 1; b < m.size() && x.divisive(); b++) {
        Nation y = w.nation(w.index(m.get(b)));
        if (y.divisive() && y.ideology().equals(x.ideology())) {
          return true;
        }
      }
    }
    return false;
  }
}
