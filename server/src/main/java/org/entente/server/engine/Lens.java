package org.entente.server.engine;

import java.util.List;
import org.entente.api.Posture;
import org.entente.api.Stance;
import org.entente.api.Stance.StanceKind;
import org.entente.server.engine.TurnReport.LensEntry;
import org.entente.server.engine.TurnReport.Prediction;

/**
 * The theory lens (RULES.md section 7): for each state and turn, what balance of threat, balance of
 * power and balance of interests predict from the position the state decided in, beside what it
 * did. Predictions are judged on the stance kind and, for alignments, the target.
 */
public final class Lens {
  private Lens() {}

  /** Balance of threat: balance the principal threat, unless weak and alone. */
  public static Prediction threat(World world, List<Nation> nations, ThreatModel m, int j) {
    int leader = m.leader(j);
    if (leader < 0) {
      return new Prediction(StanceKind.HIDE, null);
    }
    if (weak(nations, m, j, world.params()) && !allyInReach(world, nations, m, j)) {
      return new Prediction(StanceKind.BANDWAGON, nations.get(leader).id());
    }
    return new Prediction(StanceKind.BALANCE, nations.get(leader).id());
  }

  /**
   * A state is weak when its power is below weakShare / N, N the states still independent (neither
   * conquered nor a client).
   */
  public static boolean weak(List<Nation> nations, ThreatModel m, int j, Params p) {
    long independent = 0;
    for (int i = 0; i < nations.size(); i++) {
      independent += nations.get(i).active() && !m.isClient(i) ? 1 : 0;
    }
    return m.power(j) < p.weakShare() / Math.max(1, independent);
  }

  /**
   * True when some state outside j's principal threat projects enough power to j (prox above the
   * lens threshold) that allying with it would raise j's coverage.
   */
  public static boolean allyInReach(World world, List<Nation> nations, ThreatModel m, int j) {
    for (int k = 0; k < nations.size(); k++) {
      if (k != j
          && nations.get(k).active()
          && nations.get(k).military() > 0
          && !m.isPrincipal(j, k)
          && world.proximity().get(k, j) > world.params().lensAllyReach()) {
        return true;
      }
    }
    return false;
  }

  /** Balance of power: balance the strongest other state. */
  public static Prediction power(List<Nation> nations, ThreatModel m, int j) {
    int best = strongest(nations, m, j, null);
    return best < 0
        ? new Prediction(StanceKind.HIDE, null)
        : new Prediction(StanceKind.BALANCE, nations.get(best).id());
  }

  /**
   * Balance of interests: a secure revisionist jackals with the strongest revisionist (the
   * strongest one itself arms against the strongest status-quo power); a threatened one balances
   * its threat; a status-quo state balances the strongest revisionist, or stays out if there is
   * none.
   */
  public static Prediction interests(World world, List<Nation> nations, ThreatModel m, int j) {
    Nation me = nations.get(j);
    int rev = strongest(nations, m, j, Posture.REVISIONIST);
    if (me.posture() == Posture.STATUS_QUO) {
      return rev < 0
          ? new Prediction(StanceKind.HIDE, null)
          : new Prediction(StanceKind.BALANCE, nations.get(rev).id());
    }
    if (m.coverage(j) <= world.params().lensSecureCoverage() && m.leader(j) >= 0) {
      return new Prediction(StanceKind.BALANCE, nations.get(m.leader(j)).id());
    }
    if (rev >= 0 && m.power(rev) > m.power(j)) {
      return new Prediction(StanceKind.BANDWAGON, nations.get(rev).id());
    }
    int sq = strongest(nations, m, j, Posture.STATUS_QUO);
    return sq < 0
        ? new Prediction(StanceKind.HIDE, null)
        : new Prediction(StanceKind.BALANCE, nations.get(sq).id());
  }

  private static int strongest(List<Nation> nations, ThreatModel m, int j, Posture posture) {
    int best = -1;
    for (int i = 0; i < nations.size(); i++) {
      if (i != j
          && nations.get(i).active()
          && (posture == null || nations.get(i).posture() == posture)
          && (best < 0 || m.power(i) > m.power(best))) {
        best = i;
      }
    }
    return best;
  }

  /** The lens entry of state j that took {@code stance}. */
  static LensEntry judge(World world, List<Nation> nations, ThreatModel m, int j, Stance stance) {
    Prediction t = threat(world, nations, m, j);
    Prediction p = power(nations, m, j);
    Prediction i = interests(world, nations, m, j);
    String target = targetOf(stance);
    return new LensEntry(
        nations.get(j).id(),
        stance.kind(),
        target,
        t,
        p,
        i,
        agreesThreat(world, m, t, stance, j),
        agrees(p, stance),
        agrees(i, stance));
  }

  static String targetOf(Stance s) {
    if (s instanceof Stance.Balance b) {
      return b.against();
    }
    if (s instanceof Stance.Bandwagon b) {
      return b.with();
    }
    return s instanceof Stance.BuckPass b ? b.threat() : null;
  }

  private static boolean agrees(Prediction p, Stance s) {
    if (p.kind() != s.kind()) {
      return false;
    }
    return p.target() == null || p.target().equals(targetOf(s));
  }

  // Balancing any member of the principal threat bloc agrees with balance of threat.
  private static boolean agreesThreat(World world, ThreatModel m, Prediction p, Stance s, int j) {
    if (p.kind() == StanceKind.BALANCE && s instanceof Stance.Balance b) {
      int against = world.index(b.against());
      return against >= 0 && m.isPrincipal(j, against);
    }
    return agrees(p, s);
  }
}
