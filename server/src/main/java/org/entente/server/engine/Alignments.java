package org.entente.server.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.entente.api.Action;
import org.entente.api.OutcomeCode;
import org.entente.api.Stance;
import org.entente.server.engine.TurnReport.EventKind;

/**
 * Step 1 of a turn: alliance exits, patron-client links, alliance formation by mutual proposal, and
 * the crises that new alignments defuse (RULES.md section 3).
 */
final class Alignments {
  private Alignments() {}

  static void apply(TurnWork w) {
    leaveAlliances(w);
    clientLinks(w);
    formAlliances(w);
    defuseCrises(w);
  }

  private static void leaveAlliances(TurnWork w) {
    for (int i = 0; i < w.n; i++) {
      for (Action a : w.actions.get(i)) {
        if (a instanceof Action.Leave leave) {
          String order = "LEAVE " + leave.alliance();
          if (leave(w, i, leave.alliance())) {
            w.outcome(i, order, OutcomeCode.LEFT_ALLIANCE, "left " + leave.alliance());
          } else {
            w.outcome(
                i, order, OutcomeCode.NOT_A_MEMBER, leave.alliance() + " had already dissolved");
          }
        }
      }
    }
  }

  private static boolean leave(TurnWork w, int i, String allianceId) {
    String id = w.id(i);
    for (int a = 0; a < w.alliances.size(); a++) {
      Alliance al = w.alliances.get(a);
      if (al.id().equals(allianceId) && al.has(id)) {
        List<String> rest = al.members().stream().filter(m -> !m.equals(id)).toList();
        w.alliancesEnded++;
        w.event(EventKind.ALLIANCE_LEFT, id + " left " + al.id(), id);
        if (rest.size() < 2) {
          w.alliances.remove(a);
          w.event(
              EventKind.ALLIANCE_DISSOLVED,
              al.id() + " dissolved: too few members",
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

  // A client leaves any alliance aimed at its patron: one in which another member balances it.
  private static void leaveAlliancesAimedAt(TurnWork w, int client, String patron) {
    for (Alliance al : List.copyOf(w.alliances)) {
      if (!al.has(w.id(client)) || al.has(patron)) {
        continue;
      }
      boolean aimed =
          al.members().stream()
              .anyMatch(
                  m ->
                      w.stance[w.index(m)] instanceof Stance.Balance b
                          && b.against().equals(patron));
      if (aimed) {
        leave(w, client, al.id());
        w.outcome(
            client,
            "stance",
            OutcomeCode.LEFT_ALLIANCE_FOR_PATRON,
            "left " + al.id() + ", which is aimed at its patron " + patron);
      }
    }
  }

  private static boolean names(TurnWork w, int i, int j) {
    return w.stance[i] instanceof Stance.Balance b && b.partners().contains(w.id(j));
  }

  // An alliance forms when two states name each other; naming a member of an existing alliance
  // that names you back admits you to it.
  private static void formAlliances(TurnWork w) {
    TreeMap<String, TreeSet<Integer>> joins = null; // allocated when a state joins
    List<int[]> pairs = new ArrayList<>(0);
    for (int i = 0; i < w.n; i++) {
      if (!(w.stance[i] instanceof Stance.Balance b)) {
        continue;
      }
      for (String partner : b.partners()) {
        int j = w.index(partner);
        String order = "stance partner " + partner;
        if (w.allied(i, j)) {
          w.outcome(i, order, OutcomeCode.ALREADY_ALLIED, "already allied with " + partner);
        } else if (names(w, j, i)) {
          if (i < j) {
            pairs.add(new int[] {i, j});
          }
        } else {
          Alliance via = allianceNamingBack(w, i, j);
          if (via != null) {
            joins = joins == null ? new TreeMap<>() : joins;
            joins.computeIfAbsent(via.id(), k -> new TreeSet<>()).add(i);
          } else {
            w.outcome(
                i,
                order,
                OutcomeCode.NO_MUTUAL_PROPOSAL,
                partner + " did not name " + w.id(i) + " back");
          }
        }
      }
    }
    if (joins != null) {
      joins.forEach((allianceId, states) -> states.forEach(i -> admit(w, allianceId, i)));
    }
    if (!pairs.isEmpty()) {
      formFromPairs(w, pairs);
    }
  }

  // An alliance containing j (not i) one of whose members names i.
  private static Alliance allianceNamingBack(TurnWork w, int i, int j) {
    for (Alliance al : w.alliances) {
      if (al.has(w.id(j)) && !al.has(w.id(i))) {
        for (String m : al.members()) {
          if (names(w, w.index(m), i)) {
            return al;
          }
        }
      }
    }
    return null;
  }

  private static void admit(TurnWork w, String allianceId, int i) {
    for (int a = 0; a < w.alliances.size(); a++) {
      Alliance al = w.alliances.get(a);
      if (al.id().equals(allianceId) && !al.has(w.id(i))) {
        w.alliances.set(a, al.withMembers(inScenarioOrder(w, al.members(), w.id(i))));
        w.alliancesFormed++;
        w.outcome(i, "stance", OutcomeCode.ALLIANCE_JOINED, "joined " + allianceId);
        w.event(EventKind.ALLIANCE_JOINED, w.id(i) + " joined " + allianceId, w.id(i));
      }
    }
  }

  // Mutual pairs not yet allied: each connected group joins the first alliance one of its members
  // is in, or forms a new alliance.
  private static void formFromPairs(TurnWork w, List<int[]> pairs) {
    int[] group = new int[w.n];
    for (int i = 0; i < w.n; i++) {
      group[i] = i;
    }
    List<int[]> open = new ArrayList<>();
    for (int[] p : pairs) {
      if (!w.allied(p[0], p[1])) {
        open.add(p);
        group[root(group, p[1])] = root(group, p[0]);
      }
    }
    TreeMap<Integer, TreeSet<Integer>> components = new TreeMap<>();
    for (int[] p : open) {
      components.computeIfAbsent(root(group, p[0]), k -> new TreeSet<>()).add(p[0]);
      components.computeIfAbsent(root(group, p[0]), k -> new TreeSet<>()).add(p[1]);
    }
    for (TreeSet<Integer> members : components.values()) {
      Alliance host = null;
      for (Alliance al : w.alliances) {
        if (members.stream().anyMatch(m -> al.has(w.id(m)))) {
          host = al;
          break;
        }
      }
      if (host != null) {
        for (int m : members) {
          admit(w, host.id(), m);
        }
      } else {
        createAlliance(w, members);
      }
    }
  }

  private static void createAlliance(TurnWork w, TreeSet<Integer> members) {
    String id = "a" + (++w.nextAlliance);
    List<String> ids = members.stream().map(w::id).toList();
    w.alliances.add(new Alliance(id, ids, w.turn, 1.0));
    w.alliancesFormed++;
    for (int m : members) {
      w.outcome(
          m,
          "stance",
          OutcomeCode.ALLIANCE_FORMED,
          "formed " + id + " with " + String.join(", ", ids));
    }
    w.event(
        EventKind.ALLIANCE_FORMED,
        "alliance " + id + " formed: " + String.join(", ", ids),
        ids.toArray(String[]::new));
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
            c.aggressor(),
            c.target());
        w.outcome(t, "crisis " + c.id(), OutcomeCode.CRISIS_DEFUSED, why);
      }
    }
  }
}
