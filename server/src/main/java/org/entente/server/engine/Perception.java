package org.entente.server.engine;

import org.entente.api.Action;
import org.entente.api.Dice;
import org.entente.api.OutcomeCode;
import org.entente.api.SquareMatrix;
import org.entente.api.Stance;
import org.entente.server.engine.GameState.Leaning;

/**
 * Step 5 of a turn: what each state believes of each other's intent moves with what it saw
 * (RULES.md section 6): attacks, arming (the security dilemma), aid, penetration, divisive
 * ideology, then drift back toward the reputation with a little misperception, and the reputation
 * learns from what was believed.
 */
final class Perception {
  private Perception() {}

  static void apply(TurnWork w, java.util.List<int[]> attacks, double[] powerAfter) {
    Params p = w.params;
    for (int[] atk : attacks) {
      attack(w, atk[0], atk[1]);
    }
    for (int i = 0; i < w.n; i++) {
      if (!w.active(i)) {
        continue;
      }
      if (w.stance[i] instanceof Stance.Balance b && b.internal() > 0) {
        double base = p.securityDilemma() * b.internal() * w.nation(i).offense();
        for (int j = 0; j < w.n; j++) {
          w.addIntent(j, i, base * w.world.proximity().get(i, j));
        }
      }
      for (Action a : w.actions.get(i)) {
        if (a instanceof Action.Aid aid) {
          w.addIntent(w.index(aid.to()), i, -p.aidPerceptionDrop());
        } else if (a instanceof Action.Penetrate pen) {
          penetrate(w, i, w.index(pen.target()));
        }
      }
    }
    divisive(w, powerAfter);
    drift(w);
  }

  /**
   * The intent matrix a game starts from, which is also its first baseline: the scenario's, lowered
   * by {@code ideologyAffinity} between two states that share a non-divisive ideology and raised by
   * it between two that share a divisive one (RULES.md section 6).
   */
  public static SquareMatrix startIntent(World world) {
    int n = world.size();
    double[] m = world.baseline().toArray();
    double shift = world.params().ideologyAffinity();
    for (int j = 0; j < n; j++) {
      Nation a = world.start().get(j);
      for (int i = 0; i < n; i++) {
        Nation b = world.start().get(i);
        if (i != j && a.ideology().equals(b.ideology())) {
          boolean divisive = a.divisive() && b.divisive();
          m[j * n + i] = clamp(m[j * n + i] + (divisive ? shift : -shift));
        }
      }
    }
    return SquareMatrix.wrap(n, m);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static void attack(TurnWork w, int i, int k) {
    Params p = w.params;
    for (int j = 0; j < w.n; j++) {
      if (j == i || !w.active(j)) {
        continue;
      }
      boolean close =
          k == j || w.allied(j, k) || w.nation(j).ideology().equals(w.nation(k).ideology());
      double rise = p.attackIntentRise() * w.world.proximity().get(i, j);
      w.addIntent(j, i, close ? rise * p.attackIntentMultiplier() : rise);
    }
  }

  private static void penetrate(TurnWork w, int actor, int target) {
    if (!w.active(target)) {
      w.outcome(
          actor,
          "PENETRATE " + w.id(target),
          OutcomeCode.NOT_ACTIVE,
          w.id(target) + " was conquered this turn");
      return;
    }
    Params p = w.params;
    Dice dice = Dice.of(w.seed, w.turn, "penetrate");
    long slot = (long) actor * w.n + target;
    String order = "PENETRATE " + w.id(target);
    if (dice.at(slot) < w.nation(target).openness() * p.penetrationChance()) {
      w.addIntent(target, actor, -p.penetrationIntentDrop());
      w.leanings.add(new Leaning(w.id(target), w.id(actor)));
      w.outcome(
          actor,
          order,
          OutcomeCode.PENETRATION_SUCCEEDED,
          w.id(target) + "'s politics now lean toward " + w.id(actor));
    } else if (dice.at(slot + (long) w.n * w.n) < p.penetrationDiscovery()) {
      w.addIntent(target, actor, p.penetrationIntentRise());
      w.outcome(
          actor,
          order,
          OutcomeCode.PENETRATION_DISCOVERED,
          "failed and was discovered: " + w.id(target) + " trusts " + w.id(actor) + " less");
    } else {
      w.outcome(actor, order, OutcomeCode.PENETRATION_FAILED, "failed unnoticed");
    }
  }

  // Two states sharing a divisive ideology (one that claims one leader) fear each other's rise.
  private static void divisive(TurnWork w, double[] powerAfter) {
    for (int i = 0; i < w.n; i++) {
      Nation ni = w.nation(i);
      double before = w.start.power(i);
      if (!ni.divisive() || !w.active(i) || before <= 0 || powerAfter[i] <= before) {
        continue;
      }
      double growth = (powerAfter[i] - before) / before;
      for (int j = 0; j < w.n; j++) {
        Nation nj = w.nation(j);
        if (j != i && w.active(j) && nj.divisive() && nj.ideology().equals(ni.ideology())) {
          w.addIntent(j, i, w.params.divisiveFactor() * growth);
        }
      }
    }
  }

  // Drift back toward the reputation, misperception noise from the seeded stream (purpose
  // "perception", index observer * n + actor), then the reputation learns from the new belief.
  private static void drift(TurnWork w) {
    Params p = w.params;
    Dice noise = p.misperceptionSigma() > 0 ? Dice.of(w.seed, w.turn, "perception") : null;
    for (int j = 0; j < w.n; j++) {
      for (int i = 0; i < w.n; i++) {
        int at = j * w.n + i;
        if (i == j) {
          w.intent[at] = 0;
          continue;
        }
        double rate = p.intentDrift() * (w.hides(i) ? p.hideDriftMultiplier() : 1);
        double v = w.intent[at];
        v += rate * (w.baseline[at] - v);
        if (noise != null && w.active(i) && w.active(j)) {
          v += p.misperceptionSigma() * noise.normalAt(at);
        }
        v = clamp(v);
        w.intent[at] = v;
        w.baseline[at] = clamp(w.baseline[at] + p.reputationRate() * (v - w.baseline[at]));
      }
    }
  }
}
