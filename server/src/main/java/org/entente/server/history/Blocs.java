package org.entente.server.history;

import java.util.ArrayList;
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

  /** The pairs of active states of {@code s} that share a bloc, by country code. */
  static Set<Dyad> pairs(GameState s, Map<String, Integer> ccodes) {
    List<String> active = s.nations().stream().filter(Nation::active).map(Nation::id).toList();
    List<List<String>> links = new ArrayList<>();
    for (Alliance a : s.alliances()) {
      links.add(a.members());
    }
    for (ClientLink l : s.clients()) {
      links.add(List.of(l.client(), l.patron()));
    }
    return pairs(active, links, ccodes);
  }

  /**
   * The pairs of {@code active} states joined, directly or through others, by {@code links} (each
   * an alliance's members or a client and its patron), by country code; states without a code are
   * left out.
   */
  static Set<Dyad> pairs(
      List<String> active, List<List<String>> links, Map<String, Integer> ccodes) {
    Map<String, String> parent = new HashMap<>();
    active.forEach(id -> parent.put(id, id));
    for (List<String> link : links) {
      List<String> members = link.stream().filter(parent::containsKey).toList();
      for (int i = 1; i < members.size(); i++) {
        union(parent, members.get(0), members.get(i));
      }
    }
    Set<Dyad> out = new TreeSet<>();
    for (int i = 0; i < active.size(); i++) {
      for (int j = i + 1; j < active.size(); j++) {
        String a = active.get(i);
        String b = active.get(j);
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
