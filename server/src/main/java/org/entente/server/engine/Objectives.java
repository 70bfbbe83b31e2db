package org.entente.server.engine;

import java.util.List;

/** Evaluates the scenario's per-state objectives on a position (RULES.md section 7). */
final class Objectives {
  private Objectives() {}

  /** The share of state i's objectives met in {@code s}; 0 when it has none. */
  static double met(GameState s, ThreatModel m, int i) {
    List<Objective> list = s.world().objectives().get(i);
    if (list.isEmpty()) {
      return 0;
    }
    int met = 0;
    for (Objective o : list) {
      if (holds(s, m, i, o)) {
        met++;
      }
    }
    return (double) met / list.size();
  }

  static boolean holds(GameState s, ThreatModel m, int i, Objective o) {
    Nation me = s.nations().get(i);
    Tally t = s.tallies().get(i);
    return switch (o.kind()) {
      case INDEPENDENT -> !me.conquered() && !t.dependentLast() && !t.dependentBefore();
      case ALLIED_WITH -> !me.conquered() && s.allied(me.id(), o.state());
      case NEVER_ATTACKED -> !t.attacked();
      case NO_WAR -> !t.warred();
      case NO_HEGEMON -> noHegemon(s, m);
      case CONQUER -> s.nation(o.state()).conquered();
      case PATRON_OF -> {
        ClientLink l = s.patronOf(o.state());
        yield l != null && l.patron().equals(me.id());
      }
      case POWER_AT_LEAST -> m.power(i) >= o.value();
    };
  }

  private static boolean noHegemon(GameState s, ThreatModel m) {
    for (int k = 0; k < s.nations().size(); k++) {
      if (m.power(k) > s.world().params().hegemonShare()) {
        return false;
      }
    }
    return true;
  }
}
