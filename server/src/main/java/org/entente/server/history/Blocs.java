package org.entente.server.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.entente.server.engine.Alliance;
import org.entente.server.engine.ClientLink;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Nation;

/**
 * The alliance pairs of a position: two active states in one alliance, or in one bloc (a connected
 * group of the graph whose edges are alliance memberships and patron-client links, RULES.md section
 * 1). Conquered states take no part, and links through them join nothing.
 */
final class Blocs {
  private Blocs() {}

  /**
   * The pairs of active states that share a bloc, by country code; states without one are left out.
   */
  static Set<Dyad> pairs(GameState s, Map<String, Integer> ccodes) {
    Map<String, String> parent = new HashMap<>();
    for (Nation n : s.nations()) {
      if (n.active()) {
        parent.put(n.id(), n.id());
      }
    }
    for (Alliance a : s.alliances()) {
      List<String> members = a.members().stream().filter(parent::containsKey).toList();
      for (int i = 1; i < members.size(); i++) {
        union(parent, members.get(0), members.get(i));
      }
    }
    for (ClientLink l : s.clients()) {
      if (parent.containsKey(l.client()) && parent.containsKey(l.patron())) {
        union(parent, l.client(), l.patron());
      }
    }
    Set<Dyad> out = new TreeSet<>();
    List<Nation> active = s.nations().stream().filter(Nation::active).toList();
    for (int i = 0; i < active.size(); i++) {
      for (int j = i + 1; j < active.size(); j++) {
        String a = active.get(i).id();
        String b = active.get(j).id();
        Integer ca = ccodes.get(a);
        Integer cb = ccodes.get(b);
        if (ca != null && cb != null && root(parent, a).equals(root(parent, b))) {
          out.add(Dyad.of(ca, cb));
        }
      }
    }
    return out;
  }

  private static String root(Map<String, String> parent, String x) {
    String r = x;
    while (!parent.get(r).equals(r)) {
      r = parent.get(r);
    }
    parent.put(x, r);
    return r;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = root(parent, a);
    String rb = root(parent, b);
    if (!ra.equals(rb)) {
      // the smaller id becomes the root, so the structure never depends on iteration order
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }
}
