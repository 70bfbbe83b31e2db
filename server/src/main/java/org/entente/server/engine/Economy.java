package org.entente.server.engine;

import org.entente.api.Action;
import org.entente.api.OutcomeCode;
import org.entente.api.Stance;
import org.entente.api.Stance.StanceKind;

/**
 * Step 4 of a turn: growth, internal balancing, tribute, aid and upkeep (RULES.md section 4). All
 * transfers are computed from the economies at the start of the step, so the order of states does
 * not matter.
 */
final class Economy {
  private Economy() {}

  static void apply(TurnWork w) {
    Params p = w.params;
    double[] eco0 = w.eco.clone();
    double[] ecoDelta = new double[w.n];
    double[] milAdd = new double[w.n];
    double[] share = new double[w.n]; // share of own economy given away (tribute, aid)
    tribute(w, eco0, ecoDelta, share);
    aid(w, eco0, milAdd, share);
    for (int i = 0; i < w.n; i++) {
      if (!w.active(i)) {
        continue;
      }
      double effort = w.stance[i] instanceof Stance.Balance b ? b.internal() : 0;
      double growth = w.nation(i).growth() + bonus(w, i) - p.internalGrowthPenalty() * effort;
      double converted = effort * eco0[i] * p.internalConversion();
      w.eco[i] = eco0[i] * (1 + growth - share[i]) + ecoDelta[i];
      w.mil[i] = Math.max(0, w.mil[i]) * (1 - p.upkeep()) + converted + milAdd[i];
      w.pop[i] *= 1 + p.populationGrowth();
      double realised = eco0[i] > 0 ? w.eco[i] / eco0[i] - 1 : 0;
      w.tech[i] *= 1 + Math.max(0, realised) / 2;
      stanceOutcome(w, i, effort, converted);
    }
  }

  private static double bonus(TurnWork w, int i) {
    StanceKind k = w.kind(i);
    if (k == StanceKind.HIDE) {
      return w.params.hideGrowthBonus();
    }
    return k == StanceKind.BUCK_PASS ? w.params.buckPassGrowthBonus() : 0;
  }

  private static void tribute(TurnWork w, double[] eco0, double[] ecoDelta, double[] share) {
    for (ClientLink l : w.clients) {
      int c = w.index(l.client());
      int p = w.index(l.patron());
      if (w.active(c) && w.active(p)) {
        share[c] += w.params.tributeRate();
        ecoDelta[p] += w.params.tributeRate() * eco0[c];
      }
    }
  }

  private static void aid(TurnWork w, double[] eco0, double[] milAdd, double[] share) {
    for (int i = 0; i < w.n; i++) {
      for (Action a : w.actions.get(i)) {
        if (a instanceof Action.Aid aid && w.active(i)) {
          int to = w.index(aid.to());
          if (!w.active(to)) {
            w.outcome(
                i,
                "AID " + aid.to(),
                OutcomeCode.INVALID_TARGET,
                aid.to() + " was conquered this turn");
            continue;
          }
          share[i] += eco0[i] > 0 ? aid.amount() / eco0[i] : 0;
          milAdd[to] += aid.amount();
          w.outcome(
              i,
              "AID " + aid.to(),
              OutcomeCode.AID_SENT,
              Fmt.one(aid.amount()) + " points to " + aid.to() + "'s military");
        }
      }
    }
  }

  private static void stanceOutcome(TurnWork w, int i, double effort, double converted) {
    Stance s = w.stance[i];
    if (s instanceof Stance.Balance b) {
      String text =
          effort > 0
              ? "balances " + b.against() + ": " + Fmt.one(converted) + " points of economy armed"
              : "balances " + b.against();
      w.outcome(i, "stance", effort > 0 ? OutcomeCode.ARMED : OutcomeCode.BALANCED, text);
    } else if (s instanceof Stance.Hide) {
      w.outcome(
          i, "stance", OutcomeCode.HID, "neutral this turn: growth +" + w.params.hideGrowthBonus());
    } else if (s instanceof Stance.BuckPass b) {
      w.outcome(
          i,
          "stance",
          OutcomeCode.PASSED_BUCK,
          "stays out against " + b.threat() + ", hoping " + b.catcher() + " balances it");
    }
  }
}
