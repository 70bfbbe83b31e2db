package org.entente.server.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.entente.api.Action;
import org.entente.api.AllianceKind;
import org.entente.api.OutcomeCode;
import org.entente.api.Stance;
import org.entente.api.Stance.BandwagonKind;
import org.entente.server.engine.TurnReport.EventKind;

/**
 * Step 1 of a turn: alliance exits, patron-client links, consistency (no state stays allied with
 * what it balances), admission to standing alliances by a majority of their members, alliances
 * founded by mutual proposal against one threat, and the crises that new alignments defuse
 * (RULES.md sections 3 and 3a).
 */
final class Alignments {
  private Alignments() {}

  static void apply(TurnWork w) {
    leaveAlliances(w);
    clientLinks(w);
    consistency(w);
    formAlliances(w);
    defuseCrises(w);
  }

  private static void leaveAlliances(TurnWork w) {
    for (int i = 0; i < w.n; i++) {
      for (Action a : w.actions.get(i)) {
        if (a instanceof Action.Leave leave) {
          String order = "LEAVE " + leave.alliance();
          if (leave(w, i, leave.alliance(), "LEAVE order")) {
            w.outcome(i, order, OutcomeCode.LEFT_ALLIANCE, "left " + leave.alliance());
          } else {
            w.outcome(
                i, order, OutcomeCode.NOT_A_MEMBER, leave.alliance() + " had already dissolved");
          }
        }
      }
    }
  }

  private static boolean leave(TurnWork w, int i, String allianceId, String why) {
    String id = w.id(i);
    for (int a = 0; a < w.alliances.size(); a++) {
      Alliance al = w.alliances.get(a);
      if (al.id().equals(allianceId) && al.has(id)) {
        List<String> rest = al.members().stream().filter(m -> !m.equals(id)).toList();
        w.alliancesEnded++;
        w.event(
            EventKind.ALLIANCE_LEFT,
            id + " left " + al.id(),
            new TurnReport.AllianceChange(
                TurnReport.AllianceChangeKind.LEFT,
                al.id(),
                List.of(id),
                rest.size() < 2 ? List.of() : rest,
                al.target(),
                al.kind(),
                why),
            id);
        if (rest.size() < 2) {
          w.alliances.remove(a);
          w.event(
              EventKind.ALLIANCE_DISSOLVED,
              al.id() + " dissolved: too few members",
              new TurnReport.AllianceChange(
                  TurnReport.AllianceChangeKind.DISSOLVED,
                  al.id(),
                  al.members(),
                  List.of(),
                  al.target(),
                  al.kind(),
                  "too few members"),
              al.members().toArray(String[]::new));
        } else {
          w.alliances.set(a, al.withMembers(rest));
        }
        return true;
      }
    }
    return false;
  }

  // A client link lasts while the client keeps bandwagoning with the same patron.
  private static void clientLinks(TurnWork w) {
    List<ClientLink> next = new ArrayList<>();
    for (ClientLink old : w.clients) {
      int c = w.index(old.client());
      boolean keeps =
          w.stance[c] instanceof Stance.Bandwagon b && b.with().equals(old.patron()) && w.active(c);
      if (!keeps) {
        w.event(
            EventKind.CLIENT_LINK_ENDED,
            old.client() + " is no longer a client of " + old.patron(),
            new TurnReport.LinkChange(
                false, old.client(), old.patron(), old.kind() == BandwagonKind.OFFENSIVE),
            old.client(),
            old.patron());
        if (w.active(c)) {
          w.outcome(
              c,
              "stance",
              OutcomeCode.CLIENT_LINK_ENDED,
              "stopped bandwagoning with " + old.patron());
        }
      }
    }
    for (int i = 0; i < w.n; i++) {
      if (!(w.stance[i] instanceof Stance.Bandwagon b)) {
        continue;
      }
      int p = w.index(b.with());
      if (w.stance[p] instanceof Stance.Bandwagon theirs && theirs.with().equals(w.id(i))) {
        w.outcome(
            i,
            "stance",
            OutcomeCode.INVALID_TARGET,
            "mutual bandwagoning with " + b.with() + " creates no link");
        continue;
      }
      ClientLink old = w.linkOf(i);
      boolean continuing = old != null && old.patron().equals(b.with());
      next.add(
          new ClientLink(w.id(i), b.with(), b.bandwagonKind(), continuing ? old.since() : w.turn));
      if (continuing) {
        w.outcome(i, "stance", OutcomeCode.BANDWAGONED, "remains a client of " + b.with());
      } else {
        w.outcome(i, "stance", OutcomeCode.CLIENT_LINK_FORMED, "became a client of " + b.with());
        w.event(
            EventKind.CLIENT_LINK_FORMED,
            w.id(i) + " bandwagons with " + b.with(),
            new TurnReport.LinkChange(
                true, w.id(i), b.with(), b.bandwagonKind() == BandwagonKind.OFFENSIVE),
            w.id(i),
            b.with());
      }
    }
    w.clients.clear();
    w.clients.addAll(next);
    for (ClientLink l : next) {
      leaveAlliancesAimedAt(w, w.index(l.client()), l.patron());
    }
  }

  // A client leaves every alliance aimed at its patron (RULES.md 3a, consistency).
  private static void leaveAlliancesAimedAt(TurnWork w, int client, String patron) {
    for (Alliance al : List.copyOf(w.alliances)) {
      if (al.has(w.id(client)) && !al.has(patron) && al.aimedAt(patron)) {
        leave(w, client, al.id(), "aimed at its patron " + patron);
        w.outcome(
            client,
            "stance",
            OutcomeCode.LEFT_ALLIANCE_FOR_PATRON,
            "left " + al.id() + ", which is aimed at its patron " + patron);
      }
    }
  }

  // A state that balances against one of its own allies leaves the alliances it shares with it.
  private static void consistency(TurnWork w) {
    for (int i = 0; i < w.n; i++) {
      if (!(w.stance[i] instanceof Stance.Balance b) || w.alliances.isEmpty()) {
        continue;
      }
      for (Alliance al : List.copyOf(w.alliances)) {
        if (al.has(w.id(i)) && al.has(b.against())) {
          leave(w, i, al.id(), "balances against its ally " + b.against());
          w.outcome(
              i,
              "stance",
              OutcomeCode.LEFT_INCONSISTENT_ALLIANCE,
              "balances against its ally " + b.against() + ": left " + al.id());
        }
      }
    }
  }

  private static boolean names(TurnWork w, int i, int j) {
    return w.stance[i] instanceof Stance.Balance b && b.partners().contains(w.id(j));
  }

  /** True when alliance {@code al} balances the threat that {@code i} balances this turn. */
  private static boolean balancesSameThreat(TurnWork w, Alliance al, int i) {
    return w.stance[i] instanceof Stance.Balance b && al.aimedAt(b.against());
  }

  /** The bloc (at the start of the turn) of the state {@code i} balances, or -1. */
  private static int threatKey(TurnWork w, int i) {
    int t = w.balancesAgainst(i);
    return t < 0 ? -1 : w.blocAtStart(t);
  }

  /**
   * Why {@code i} and {@code j} cannot stand in one alliance, or null: one is the target of an
   * alliance the other is in, one of them balances the other this turn, or one balances the bloc
   * the other belonged to at the start of the turn.
   */
  private static String conflict(TurnWork w, int i, int j) {
    String c = memberConflict(w, i, j);
    if (c == null) {
      c = stanceConflict(w, i, j);
    }
    if (c == null && (threatKey(w, i) == w.blocAtStart(j) || threatKey(w, j) == w.blocAtStart(i))) {
      c = "one of " + w.id(i) + " and " + w.id(j) + " balances the other's bloc";
    }
    return c;
  }

  /**
   * Why {@code i} and {@code j} cannot be allies by this turn's stances (one balances the other).
   */
  private static String stanceConflict(TurnWork w, int i, int j) {
    if (w.balancesAgainst(i) == j) {
      return w.id(i) + " balances " + w.id(j) + " this turn";
    }
    return w.balancesAgainst(j) == i ? w.id(j) + " balances " + w.id(i) + " this turn" : null;
  }

  /** Why {@code i} cannot join {@code al} as its members stand now, or null. */
  private static String joinConflict(TurnWork w, int i, Alliance al) {
    int target = w.index(al.target());
    if (w.allied(i, target)) {
      return w.id(i) + " is allied with " + al.target() + ", the target of " + al.id();
    }
    for (String m : al.members()) {
      int k = w.index(m);
      String c = memberConflict(w, i, k);
      if (c == null) {
        c = stanceConflict(w, i, k);
      }
      if (c != null) {
        return c;
      }
    }
    return null;
  }

  /** A refused admission: {@code state} could not join {@code alliance}. */
  private record Refusal(int state, Alliance alliance, OutcomeCode code, String reason) {}

  // RULES.md 3a. Joining: a state balancing an alliance's target joins it when it names one of its
  // members and at least half of the members (rounded up) name it. Admissions are decided one state
  // at a time in scenario order, each against the members as they stand after the admissions
  // before it, so two states that stand against each other are never let in together. Forming:
  // mutual pairs that balance the same threat (one state, or states of one bloc at the start of the
  // turn), grouped per threat, found one alliance each; pairs with different threats form nothing.
  private static void formAlliances(TurnWork w) {
    List<Refusal> refusals = new ArrayList<>(0);
    List<String> joined = new ArrayList<>(0); // "alliance state" admitted this turn
    for (int i = 0; i < w.n && !w.alliances.isEmpty(); i++) {
      if (w.stance[i] instanceof Stance.Balance && w.active(i)) {
        admission(w, i, refusals, joined);
      }
    }
    List<int[]> pairs = new ArrayList<>(0);
    for (int i = 0; i < w.n; i++) {
      if (w.stance[i] instanceof Stance.Balance b) {
        for (String partner : b.partners()) {
          int j = w.index(partner);
          int[] pair = partnerOutcome(w, i, j, refusals);
          if (pair != null) {
            pairs.add(pair);
          }
        }
      }
    }
    if (!pairs.isEmpty()) {
      formFromPairs(w, pairs);
    }
  }

  // Admits i to the first alliance balancing i's threat that it qualifies for; the alliances it
  // named a member of but does not qualify for go to {@code refusals}. The quorum counts the
  // members of the start of the turn, not those admitted in it.
  private static void admission(TurnWork w, int i, List<Refusal> refusals, List<String> joined) {
    String id = w.id(i);
    for (Alliance al : List.copyOf(w.alliances)) {
      if (al.has(id) || !balancesSameThreat(w, al, i) || !namesMemberOf(w, i, al)) {
        continue;
      }
      int named = 0;
      int voters = 0;
      for (String m : al.members()) {
        if (!joined.contains(al.id() + " " + m)) {
          voters++;
          named += names(w, w.index(m), i) ? 1 : 0;
        }
      }
      int need = (int) Math.ceil(w.params.joinQuorum() * voters - 1e-9);
      String conflict = joinConflict(w, i, al);
      if (conflict != null) {
        refusals.add(new Refusal(i, al, OutcomeCode.ALLY_IS_TARGET, conflict));
      } else if (named < need) {
        refusals.add(
            new Refusal(
                i,
                al,
                OutcomeCode.NOT_ENOUGH_MEMBERS,
                named
                    + " of "
                    + voters
                    + " members of "
                    + al.id()
                    + " named "
                    + id
                    + "; "
                    + need
                    + " needed to join"));
      } else {
        admit(w, al.id(), i, named + " of " + voters + " members named it");
        joined.add(al.id() + " " + id);
        return;
      }
    }
  }

  private static String memberConflict(TurnWork w, int i, int k) {
    String a = w.id(i);
    String b = w.id(k);
    for (Alliance al : w.alliances) {
      if ((al.has(a) && al.target().equals(b)) || (al.has(b) && al.target().equals(a))) {
        return (al.has(a) ? b : a) + " is the target of alliance " + al.id();
      }
    }
    return null;
  }

  private static boolean namesMemberOf(TurnWork w, int i, Alliance al) {
    Stance.Balance b = (Stance.Balance) w.stance[i];
    for (String p : b.partners()) {
      if (al.has(p)) {
        return true;
      }
    }
    return false;
  }

  // The outcome of i naming j; a mutual pair with the same threat that may found an alliance is
  // returned instead (once, from the lower index).
  private static int[] partnerOutcome(TurnWork w, int i, int j, List<Refusal> refusals) {
    if (w.allied(i, j)) {
      if (w.before.allied(w.id(i), w.id(j))) {
        w.outcome(
            i, partnerOrder(w, j), OutcomeCode.ALREADY_ALLIED, "already allied with " + w.id(j));
      }
      return null;
    }
    for (Refusal r : refusals) {
      boolean mine = r.state() == i && r.alliance().has(w.id(j));
      boolean sponsored = r.state() == j && r.alliance().has(w.id(i));
      if (mine || sponsored) {
        w.outcome(i, partnerOrder(w, j), r.code(), r.reason());
        return null;
      }
    }
    if (!names(w, j, i)) {
      w.outcome(
          i,
          partnerOrder(w, j),
          OutcomeCode.NO_MUTUAL_PROPOSAL,
          w.id(j) + " did not name " + w.id(i));
      return null;
    }
    if (threatKey(w, i) != threatKey(w, j)) {
      w.outcome(
          i,
          partnerOrder(w, j),
          OutcomeCode.THREATS_DIFFER,
          w.id(i)
              + " balances "
              + ((Stance.Balance) w.stance[i]).against()
              + ", "
              + w.id(j)
              + " balances "
              + ((Stance.Balance) w.stance[j]).against()
              + ": different threats form no alliance");
      return null;
    }
    if (inAllianceAgainst(w, i) || inAllianceAgainst(w, j)) {
      // one of them already has an alliance against this threat: the other joins it or not
      w.outcome(
          i,
          partnerOrder(w, j),
          OutcomeCode.NOT_ENOUGH_MEMBERS,
          "an alliance against this threat already stands: "
              + w.id(j)
              + " must be admitted to it by its members");
      return null;
    }
    String conflict = conflict(w, i, j);
    if (conflict != null) {
      w.outcome(i, partnerOrder(w, j), OutcomeCode.ALLY_IS_TARGET, conflict);
      return null;
    }
    return i < j ? new int[] {i, j} : null;
  }

  // The order an outcome of naming j as a partner answers.
  private static String partnerOrder(TurnWork w, int j) {
    return "stance partner " + w.id(j);
  }

  private static boolean inAllianceAgainst(TurnWork w, int i) {
    for (Alliance al : w.alliances) {
      if (al.has(w.id(i)) && balancesSameThreat(w, al, i)) {
        return true;
      }
    }
    return false;
  }

  private static void admit(TurnWork w, String allianceId, int i, String why) {
    for (int a = 0; a < w.alliances.size(); a++) {
      Alliance al = w.alliances.get(a);
      if (al.id().equals(allianceId) && !al.has(w.id(i))) {
        Alliance joined = al.withMembers(inScenarioOrder(w, al.members(), w.id(i)));
        if (joined.aimedAt(w.id(i))) {
          List<String> bloc = new ArrayList<>(joined.targetBloc());
          bloc.remove(w.id(i));
          joined = joined.withTargetBloc(bloc);
        }
        w.alliances.set(a, joined);
        w.alliancesFormed++;
        w.outcome(i, "stance", OutcomeCode.ALLIANCE_JOINED, "joined " + allianceId + ": " + why);
        w.event(
            EventKind.ALLIANCE_JOINED,
            w.id(i) + " joined " + allianceId + " against " + al.target(),
            new TurnReport.AllianceChange(
                TurnReport.AllianceChangeKind.JOINED,
                allianceId,
                List.of(w.id(i)),
                joined.members(),
                al.target(),
                al.kind(),
                why),
            w.id(i));
      }
    }
  }

  // Mutual pairs that share a threat: each connected group founds one alliance against it. Pairs
  // join groups in order (scenario order of the proposer, then of its partners); a pair that would
  // put into one group two states that stand against each other (see conflict) is left out, and
  // both states are told why. Groups found their alliances in the order of their roots.
  private static void formFromPairs(TurnWork w, List<int[]> pairs) {
    int[] group = new int[w.n];
    for (int i = 0; i < w.n; i++) {
      group[i] = i;
    }
    boolean[][] members = new boolean[w.n][]; // by root: the group's members, once it has two
    for (int[] p : pairs) {
      int ra = root(group, p[0]);
      int rb = root(group, p[1]);
      if (ra == rb) {
        continue;
      }
      boolean[] a = members[ra] != null ? members[ra] : alone(w.n, p[0]);
      boolean[] b = members[rb] != null ? members[rb] : alone(w.n, p[1]);
      String why = groupConflict(w, a, b);
      if (why != null) {
        String text = "would found one alliance with states it stands against: " + why;
        w.outcome(p[0], "stance partner " + w.id(p[1]), OutcomeCode.ALLY_IS_TARGET, text);
        w.outcome(p[1], "stance partner " + w.id(p[0]), OutcomeCode.ALLY_IS_TARGET, text);
        continue;
      }
      group[rb] = ra;
      for (int x = 0; x < w.n; x++) {
        a[x] |= b[x];
      }
      members[rb] = null;
      members[ra] = a;
    }
    for (boolean[] m : members) {
      if (m != null) {
        createAlliance(w, m);
      }
    }
  }

  private static boolean[] alone(int n, int i) {
    boolean[] m = new boolean[n];
    m[i] = true;
    return m;
  }

  // The first conflict between a member of a and a member of b, both taken in scenario order.
  private static String groupConflict(TurnWork w, boolean[] a, boolean[] b) {
    for (int x = 0; x < w.n; x++) {
      for (int y = 0; a[x] && y < w.n; y++) {
        String c = b[y] ? conflict(w, x, y) : null;
        if (c != null) {
          return c;
        }
      }
    }
    return null;
  }

  // The group's target: the state its founders name most often (then the most powerful, then the
  // first in scenario order).
  private static int target(TurnWork w, boolean[] members) {
    int[] votes = new int[w.n];
    int best = -1;
    for (int m = 0; m < w.n; m++) {
      if (!members[m]) {
        continue;
      }
      int t = w.balancesAgainst(m);
      votes[t]++;
      if (best < 0
          || votes[t] > votes[best]
          || (votes[t] == votes[best] && w.start.power(t) > w.start.power(best))
          || (votes[t] == votes[best] && w.start.power(t) == w.start.power(best) && t < best)) {
        best = t;
      }
    }
    return best;
  }

  private static void createAlliance(TurnWork w, boolean[] members) {
    String id = "a" + (++w.nextAlliance);
    List<String> ids = new ArrayList<>();
    boolean offensive = true;
    for (int m = 0; m < w.n; m++) {
      if (members[m]) {
        ids.add(w.id(m));
        offensive &= ((Stance.Balance) w.stance[m]).offensive();
      }
    }
    ids = List.copyOf(ids);
    int target = target(w, members);
    AllianceKind kind = offensive ? AllianceKind.OFFENSIVE : AllianceKind.DEFENSIVE;
    w.alliances.add(
        new Alliance(id, ids, w.turn, 1.0, w.id(target), targetBloc(w, target, ids), kind));
    w.alliancesFormed++;
    String what =
        (offensive ? "offensive " : "")
            + "alliance "
            + id
            + " against "
            + w.id(target)
            + ": "
            + String.join(", ", ids);
    for (int m = 0; m < w.n; m++) {
      if (members[m]) {
        w.outcome(m, "stance", OutcomeCode.ALLIANCE_FORMED, "formed " + what);
      }
    }
    w.event(
        EventKind.ALLIANCE_FORMED,
        what + " formed",
        new TurnReport.AllianceChange(
            TurnReport.AllianceChangeKind.FORMED, id, ids, ids, w.id(target), kind, ""),
        ids.toArray(String[]::new));
  }

  // The target's bloc at the start of the turn, reached without passing through the founders.
  private static List<String> targetBloc(TurnWork w, int target, List<String> founders) {
    List<List<String>> standing = w.before.alliances().stream().map(Alliance::members).toList();
    List<String[]> links =
        w.before.clients().stream().map(l -> new String[] {l.client(), l.patron()}).toList();
    List<String> bloc = new ArrayList<>(TargetBloc.of(w.id(target), standing, links, founders));
    bloc.removeIf(s -> !w.id(target).equals(s) && !w.active(w.index(s)));
    return bloc;
  }

  private static int root(int[] g, int i) {
    while (g[i] != i) {
      i = g[i];
    }
    return i;
  }

  private static List<String> inScenarioOrder(TurnWork w, List<String> members, String extra) {
    TreeSet<Integer> idx = new TreeSet<>();
    members.forEach(m -> idx.add(w.index(m)));
    idx.add(w.index(extra));
    return idx.stream().map(w::id).toList();
  }

  // A crisis is defused when, before resolution, its target became the aggressor's client or ally.
  private static void defuseCrises(TurnWork w) {
    for (Iterator<Crisis> it = w.crises.iterator(); it.hasNext(); ) {
      Crisis c = it.next();
      int a = w.index(c.aggressor());
      int t = w.index(c.target());
      ClientLink link = w.linkOf(t);
      boolean client = link != null && link.patron().equals(c.aggressor());
      if (client || w.allied(a, t)) {
        it.remove();
        String why =
            c.target() + (client ? " became a client of " : " allied with ") + c.aggressor();
        w.event(
            EventKind.CRISIS_DEFUSED,
            "crisis " + c.id() + " defused: " + why,
            new TurnReport.CrisisChange(
                TurnReport.CrisisChangeKind.DEFUSED,
                c.id(),
                c.aggressor(),
                c.target(),
                c.resolvesTurn(),
                false,
                why),
            c.aggressor(),
            c.target());
        w.outcome(t, "crisis " + c.id(), OutcomeCode.CRISIS_DEFUSED, why);
      }
    }
  }
}
