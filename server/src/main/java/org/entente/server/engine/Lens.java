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

  /**
   * What every state's predictions share in one position, computed once a turn: how many states are
   * independent (for "weak"), and the two strongest states overall, among revisionists and among
   * status-quo powers (the strongest other than j is the first unless j is the first).
   */
  static final class Position {
    final World world;
    final List<Nation> nations;
    final ThreatModel m;
    final long independent;
    private final int[][] top = new int[3][]; // by posture: any, revisionist, status quo

    Position(World world, List<Nation> nations, ThreatModel m) {
      this.world = world;
      this.nations = nations;
      this.m = m;
      long count = 0;
      for (int i = 0; i < nations.size(); i++) {
        count += nations.get(i).active() && !m.isClient(i) ? 1 : 0;
      }
      independent = count;
      top[0] = topTwo(null);
      top[1] = topTwo(Posture.REVISIONIST);
      top[2] = topTwo(Posture.STATUS_QUO);
    }

    // The first index of the highest power among active states of the posture, then the first
    // index of the highest among the others (ties go to the lower index, as in a single scan).
    private int[] topTwo(Posture posture) {
      int first = -1;
      int second = -1;
      for (int i = 0; i < nations.size(); i++) {
        if (!nations.get(i).active() || (posture != null && nations.get(i).posture() != posture)) {
          continue;
        }
        if (first < 0 || m.power(i) > m.power(first)) {
          second = first;
          first = i;
        } else if (second < 0 || m.power(i) > m.power(second)) {
          second = i;
        }
      }
      return new int[] {first, second};
    }

    /** The strongest active state other than j of {@code posture} (null: any), or -1. */
    int strongest(int j, Posture posture) {
      int[] t = top[posture == null ? 0 : posture == Posture.REVISIONIST ? 1 : 2];
      return t[0] != j ? t[0] : t[1];
    }

    boolean weak(int j) {
      return m.power(j) < world.params().weakShare() / Math.max(1, independent);
    }
  }

  /** Balance of threat: balance the principal threat, unless weak and alone. */
  public static Prediction threat(World world, List<Nation> nations, ThreatModel m, int j) {
    return threat(new Position(world, nations, m), j);
  }

  private static Prediction threat(Position pos, int j) {
    World world = pos.world;
    List<Nation> nations = pos.nations;
    ThreatModel m = pos.m;
    int leader = m.leader(j);
    if (leader < 0) {
      return new Prediction(StanceKind.HIDE, null);
    }
    if (pos.weak(j) && !allyInReach(world, nations, m, j)) {
      return new Prediction(StanceKind.BANDWAGON, nations.get(leader).id());
    }
    return new Prediction(StanceKind.BALANCE, nations.get(leader).id());
  }

  /**
   * A state is weak when its power is below weakShare / N, N the states still independent (neither
   * conquered nor a client).
   */
  public static boolean weak(World world, List<Nation> nations, ThreatModel m, int j) {
    return new Position(world, nations, m).weak(j);
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
  public static Prediction power(World world, List<Nation> nations, ThreatModel m, int j) {
    return power(new Position(world, nations, m), j);
  }

  private static Prediction power(Position pos, int j) {
    List<Nation> nations = pos.nations;
    int best = pos.strongest(j, null);
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
    return interests(new Position(world, nations, m), j);
  }

  private static Prediction interests(Position pos, int j) {
    World world = pos.world;
    List<Nation> nations = pos.nations;
    ThreatModel m = pos.m;
    Nation me = nations.get(j);
    int rev = pos.strongest(j, Posture.REVISIONIST);
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
    int sq = pos.strongest(j, Posture.STATUS_QUO);
    return sq < 0
        ? new Prediction(StanceKind.HIDE, null)
        : new Prediction(StanceKind.BALANCE, nations.get(sq).id());
  }

  /** The lens entry of state j that took {@code stance}, in the position {@code pos}. */
  static LensEntry judge(Position pos, int j, Stance stance) {
    World world = pos.world;
    List<Nation> nations = pos.nations;
    ThreatModel m = pos.m;
    Prediction t = threat(pos, j);
    Prediction p = power(pos, j);
    Prediction i = interests(pos, j);
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
