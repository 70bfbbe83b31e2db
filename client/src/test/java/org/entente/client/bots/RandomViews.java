package org.entente.client.bots;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.CrisisView;
import org.entente.api.PlayerView.RulesView;
import org.entente.api.Stance;
import org.entente.api.Stance.BandwagonKind;

/**
 * Generates varied, engine-consistent views from a seed: 1 to 7 states, some conquered, random
 * capabilities, geography, alliances, client links, crises, last stances and rule constants.
 */
final class RandomViews {
  private RandomViews() {}

  /** The view number {@code seed}, seen by its first state (always active). */
  static PlayerView view(long seed) {
    return world(seed).build("s0");
  }

  /** The views of world number {@code seed}, one per active state. */
  static List<PlayerView> views(long seed) {
    ViewBuilder b = world(seed);
    PlayerView first = b.build("s0");
    return first.nations().stream().filter(n -> n.active()).map(n -> b.build(n.id())).toList();
  }

  /** World number {@code seed}, to be seen by any of its states. */
  static ViewBuilder world(long seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(7);
    ViewBuilder b = new ViewBuilder();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "s" + i;
      ids.add(id);
      b.nation(id);
      b.capabilities(
          id,
          10 + r.nextDouble() * 300,
          r.nextInt(20) == 0 ? 0 : 10 + r.nextDouble() * 300,
          r.nextInt(20) == 0 ? 0 : 5 + r.nextDouble() * 300,
          10 + r.nextDouble() * 300);
      b.offense(id, r.nextDouble());
      b.intent(id, r.nextDouble());
      if (r.nextInt(3) == 0) {
        b.revisionist(id);
      }
    }
    double[][] xy = new double[n][2];
    for (int i = 0; i < n; i++) {
      xy[i][0] = r.nextDouble() * 3000;
      xy[i][1] = r.nextDouble() * 3000;
    }
    for (int i = 0; i < n; i++) {
      double reach = 200 + r.nextDouble() * 2000;
      for (int j = 0; j < n; j++) {
        if (i != j) {
          double d = Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
          b.prox(ids.get(i), ids.get(j), Math.exp(-d / reach));
        }
      }
    }
    List<String> active = new ArrayList<>(ids);
    for (int i = 1; i < n; i++) {
      if (r.nextInt(6) == 0) {
        b.conquered(ids.get(i));
        active.remove(ids.get(i));
      }
    }
    // alliances: random groups of active states, sometimes overlapping
    int alliances = active.size() < 2 ? 0 : r.nextInt(3);
    for (int a = 0; a < alliances; a++) {
      List<String> pool = new ArrayList<>(active);
      int size = 2 + r.nextInt(Math.max(1, pool.size() - 1));
      List<String> members = new ArrayList<>();
      for (int k = 0; k < size && !pool.isEmpty(); k++) {
        members.add(pool.remove(r.nextInt(pool.size())));
      }
      if (members.size() >= 2) {
        members.sort(String::compareTo);
        b.alliance("a" + (a + 1), members.toArray(String[]::new));
      }
    }
    // client links: a client has one patron, is no patron of its patron
    for (String c : active) {
      if (r.nextInt(5) == 0 && active.size() >= 2) {
        String p = active.get(r.nextInt(active.size()));
        if (!p.equals(c) && !c.equals(b.spec(p).patron)) {
          b.client(c, p, r.nextBoolean() ? BandwagonKind.DEFENSIVE : BandwagonKind.OFFENSIVE);
        }
      }
    }
    int turn = 1 + r.nextInt(30);
    b.turn(turn);
    // crises among active states, mostly resolving this turn
    int crises = active.size() < 2 ? 0 : r.nextInt(4);
    for (int c = 0; c < crises; c++) {
      String a = active.get(r.nextInt(active.size()));
      String t = active.get(r.nextInt(active.size()));
      if (!a.equals(t)) {
        int resolves = r.nextInt(5) == 0 ? turn + 1 : turn;
        b.crisis(new CrisisView("c" + (c + 1), a, t, resolves - 1, resolves));
      }
    }
    for (String s : ids) {
      if (turn > 1 && r.nextBoolean() && active.size() >= 2) {
        String other = active.get(r.nextInt(active.size()));
        if (!other.equals(s)) {
          b.lastStance(
              s,
              switch (r.nextInt(4)) {
                case 0 -> new Stance.Balance(other, 0.1, List.of());
                case 1 -> new Stance.Bandwagon(other, BandwagonKind.DEFENSIVE);
                case 2 -> new Stance.BuckPass(other, s);
                default -> Stance.HIDE;
              });
        }
      }
    }
    b.rules(
        new RulesView(
            0.8 + r.nextDouble() * 2,
            0.1 + r.nextDouble() * 0.4,
            0.02 + r.nextDouble() * 0.15,
            0.03,
            0.3 + r.nextDouble() * 0.4));
    if (r.nextInt(4) == 0) {
      b.coverage(r.nextDouble());
    }
    return b;
  }
}
