package org.entente.server.engine;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.Action;
import org.entente.api.OrderOutcome;
import org.entente.api.OutcomeCode;
import org.entente.api.Stance;
import org.entente.api.Stance.StanceKind;
import org.entente.server.engine.GameState.Leaning;
import org.entente.server.engine.GameState.SystemTally;
import org.entente.server.engine.TurnReport.Event;
import org.entente.server.engine.TurnReport.EventKind;
import org.entente.server.engine.TurnReport.War;

/**
 * The scratch pad of one adjudication: mutable copies of the position that the steps update in
 * RULES.md order. Created and discarded inside {@link Adjudicator#adjudicate}; never shared, so the
 * adjudicator stays a pure function.
 */
final class TurnWork {
  final World world;
  final Params params;
  final GameState before;
  final ThreatModel start;
  final long seed;
  final int turn;
  final int n;

  // capabilities and status, updated in place
  final double[] pop;
  final double[] eco;
  final double[] mil;
  final double[] tech;
  final boolean[] conquered;
  final double[] intent;
  final double[] baseline;

  // alignments
  final List<Alliance> alliances;
  final List<ClientLink> clients;
  final List<Crisis> crises;
  final List<String> abandonedAlliances = new ArrayList<>(0);

  // orders as sanitised: one stance per active state, accepted actions
  final Stance[] stance;
  final List<List<Action>> actions;

  // what the turn produced
  final List<OrderOutcome> outcomes = new ArrayList<>();
  final List<Event> events = new ArrayList<>();
  final List<War> wars = new ArrayList<>();
  final List<Leaning> leanings = new ArrayList<>();
  final boolean[] attackedNow;
  final boolean[] warredNow;
  int nextAlliance;
  int nextCrisis;
  int warsFought;
  int conquests;
  int alliancesFormed;
  int alliancesEnded;
  int crisesDeclared;

  TurnWork(GameState before, long seed) {
    this.world = before.world();
    this.params = world.params();
    this.before = before;
    this.seed = seed;
    this.turn = before.turn();
    this.n = world.size();
    this.start = ThreatModel.of(before);
    pop = new double[n];
    eco = new double[n];
    mil = new double[n];
    tech = new double[n];
    conquered = new boolean[n];
    for (int i = 0; i < n; i++) {
      Nation s = before.nations().get(i);
      pop[i] = s.population();
      eco[i] = s.economy();
      mil[i] = s.military();
      tech[i] = s.technology();
      conquered[i] = s.conquered();
    }
    intent = before.intent().toArray();
    baseline = before.baseline().toArray();
    alliances = new ArrayList<>(before.alliances());
    clients = new ArrayList<>(before.clients());
    crises = new ArrayList<>(before.crises());
    stance = new Stance[n];
    actions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      actions.add(new ArrayList<>(2));
    }
    attackedNow = new boolean[n];
    warredNow = new boolean[n];
    nextAlliance = before.nextAlliance();
    nextCrisis = before.nextCrisis();
  }

  String id(int i) {
    return world.start().get(i).id();
  }

  int index(String id) {
    return world.index(id);
  }

  Nation nation(int i) {
    return before.nations().get(i);
  }

  boolean active(int i) {
    return !conquered[i];
  }

  StanceKind kind(int i) {
    return stance[i] == null ? null : stance[i].kind();
  }

  boolean hides(int i) {
    return kind(i) == StanceKind.HIDE;
  }

  boolean staysOut(int i) {
    return kind(i) == StanceKind.HIDE || kind(i) == StanceKind.BUCK_PASS;
  }

  /** The state that {@code i} balances against this turn, or -1. */
  int balancesAgainst(int i) {
    return stance[i] instanceof Stance.Balance b ? index(b.against()) : -1;
  }

  /** The bloc that state {@code i} belonged to at the start of the turn (a representative). */
  int blocAtStart(int i) {
    return start.bloc(i);
  }

  /** i's patron link, or null. */
  ClientLink linkOf(int i) {
    String id = id(i);
    for (ClientLink l : clients) {
      if (l.client().equals(id)) {
        return l;
      }
    }
    return null;
  }

  boolean allied(int a, int b) {
    String x = id(a);
    String y = id(b);
    for (Alliance al : alliances) {
      if (al.has(x) && al.has(y)) {
        return true;
      }
    }
    return false;
  }

  /** States allied with {@code i} right now, in scenario order. */
  List<Integer> alliesOf(int i) {
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      if (k != i && allied(i, k)) {
        out.add(k);
      }
    }
    return out;
  }

  void outcome(int i, String order, OutcomeCode code, String reason) {
    outcomes.add(new OrderOutcome(id(i), order, code, reason));
  }

  void event(EventKind kind, String text, TurnReport.Detail detail, String... states) {
    events.add(new Event(kind, text, List.of(states), detail));
  }

  double intent(int observer, int actor) {
    return intent[observer * n + actor];
  }

  void addIntent(int observer, int actor, double delta) {
    if (observer != actor) {
      intent[observer * n + actor] += delta;
    }
  }

  /** Removes {@code i} from every alliance, dissolving those left with fewer than two members. */
  void dropFromAlliances(int i, String why) {
    String id = id(i);
    for (int a = alliances.size() - 1; a >= 0; a--) {
      Alliance al = alliances.get(a);
      if (al.has(id)) {
        List<String> rest = al.members().stream().filter(m -> !m.equals(id)).toList();
        alliances.set(a, al.withMembers(rest));
        alliancesEnded++;
        if (rest.size() < 2) {
          alliances.remove(a);
          event(
              EventKind.ALLIANCE_DISSOLVED,
              al.id() + " dissolved: " + why,
              new TurnReport.AllianceChange(
                  TurnReport.AllianceChangeKind.DISSOLVED,
                  al.id(),
                  al.members(),
                  List.of(),
                  al.target(),
                  al.kind(),
                  why),
              al.members().toArray(String[]::new));
        }
      }
    }
  }

  SystemTally systemTally() {
    SystemTally s = before.system();
    return new SystemTally(
        s.wars() + warsFought,
        s.conquests() + conquests,
        s.alliancesFormed() + alliancesFormed,
        s.alliancesEnded() + alliancesEnded,
        s.crises() + crisesDeclared);
  }
}
