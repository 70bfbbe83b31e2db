package org.entente.client.bots;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.AllianceView;
import org.entente.api.PlayerView.CrisisView;
import org.entente.api.PlayerView.NationView;
import org.entente.api.PlayerView.PublicStance;
import org.entente.api.Stance;
import org.entente.api.Stance.BandwagonKind;

/**
 * Plays Walt's balance of threat, the reference threat-driven bot of RULES.md section 9: it
 * balances its principal threat and proposes alliances to the states most threatened by the same
 * threat, bandwagons when weak with no ally in reach, passes the buck when a more exposed state
 * could hold alone (counting the defense advantage), and joins the defence in crises that concern
 * it. It never attacks.
 *
 * <p>Order of decisions: a crisis against this seat; a crisis against an ally or started by its
 * principal leader; no threat (HIDE); weak and alone (BANDWAGON DEFENSIVE); buck-passing; else
 * BALANCE against the principal leader with effort scaled by how uncovered the seat is.
 */
public final class ThreatBalancer implements Bot {
  /** The strategy's name. */
  public static final String NAME = "threat-balancer";

  /** How many alliance proposals a turn. */
  static final int MAX_PARTNERS = 3;

  /** Share of the maximum internal effort when joining another state's defence. */
  static final double JOIN_EFFORT = 0.5;

  /** Share of own economy sent to an ally under attack. */
  static final double AID_SHARE = 0.05;

  /** Coverage at or above which this seat is comfortable enough to pass the buck. */
  static final double BUCK_PASS_COVERAGE = 0.75;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Orders decide(PlayerView view, Dice dice) {
    if (!view.me().active()) {
      return Orders.hide();
    }
    ActionPlan plan = new ActionPlan(view, stance(view));
    addActions(view, plan);
    return plan.orders();
  }

  /** Adds this strategy's actions: aid to allies under attack, leaving alliances of clients. */
  static void addActions(PlayerView view, ActionPlan plan) {
    aidAlliesUnderAttack(view, plan);
    leaveAlliancesOfClients(view, plan);
  }

  /** This turn's stance (see the class comment for the order of decisions). */
  static Stance stance(PlayerView v) {
    double max = v.rules().maxInternalEffort();
    String leader = Estimates.leader(v);
    boolean weakAlone = leader != null && Estimates.weak(v) && !Estimates.allyInReach(v, leader);

    CrisisView against = crisisAgainstMe(v);
    if (against != null) {
      String aggressor = against.aggressor();
      if (weakAlone && aggressor.equals(leader) && Estimates.canBandwagonWith(v, aggressor)) {
        // Finland: too weak to resist and no one to help; becoming a client defuses the crisis.
        return new Stance.Bandwagon(aggressor, BandwagonKind.DEFENSIVE);
      }
      return new Stance.Balance(aggressor, max, partners(v, aggressor, null));
    }
    if (!weakAlone) {
      CrisisView join = crisisToJoin(v, leader);
      if (join != null) {
        return new Stance.Balance(
            join.aggressor(), max * JOIN_EFFORT, partners(v, join.aggressor(), join.target()));
      }
    }
    if (leader == null) {
      return Stance.HIDE;
    }
    if (weakAlone && Estimates.canBandwagonWith(v, leader)) {
      return new Stance.Bandwagon(leader, BandwagonKind.DEFENSIVE);
    }
    String catcher = catcher(v, leader);
    if (catcher != null) {
      return new Stance.BuckPass(leader, catcher);
    }
    double e = max * clamp(1.2 - v.coverage(), 0.2, 1);
    return new Stance.Balance(leader, Estimates.effort(v, e), partners(v, leader, null));
  }

  // The first crisis resolving this turn that targets this seat, by an active aggressor.
  private static CrisisView crisisAgainstMe(PlayerView v) {
    for (CrisisView c : Estimates.dueCrises(v)) {
      if (c.target().equals(v.self()) && Estimates.isActiveOther(v, c.aggressor())) {
        return c;
      }
    }
    return null;
  }

  // A crisis resolving this turn whose defence this seat joins: its target is an ally, or its
  // aggressor is the principal leader. Crises against allies come first. An aggressor allied with
  // this seat is never balanced (its alliance would drag the seat in on both sides).
  private static CrisisView crisisToJoin(PlayerView v, String leader) {
    String self = v.self();
    CrisisView byLeader = null;
    for (CrisisView c : Estimates.dueCrises(v)) {
      String a = c.aggressor();
      String t = c.target();
      if (!Estimates.isActiveOther(v, a)
          || !Estimates.isActiveOther(v, t)
          || v.allied(self, a)
          || Estimates.isClientOf(v, a, self)) {
        continue;
      }
      if (v.allied(self, t)) {
        return c;
      }
      if (byLeader == null && a.equals(leader)) {
        byLeader = c;
      }
    }
    return byLeader;
  }

  /**
   * Up to {@link #MAX_PARTNERS} alliance proposals against {@code threat}: {@code first} if given
   * and eligible, then the states most threatened by {@code threat} by public estimate, those that
   * balanced it last turn first. Never this seat, the threat's bloc, its clients or current allies.
   */
  static List<String> partners(PlayerView v, String threat, String first) {
    List<String> bloc = Estimates.bloc(v, threat);
    List<String> principal = v.principalThreat();
    boolean principalIsThreat = principal.contains(threat);
    List<String> balancedLast = balancedLastTurn(v, bloc);
    List<String> ranked =
        Estimates.mostExposedTo(
            v,
            threat,
            k ->
                !bloc.contains(k.id())
                    && !(principalIsThreat && principal.contains(k.id()))
                    && !Estimates.isClientOf(v, k.id(), threat)
                    && !v.allied(v.self(), k.id())
                    && (Estimates.publicThreat(v, threat, k.id()) > 0
                        || balancedLast.contains(k.id())));
    List<String> out = new ArrayList<>();
    if (first != null && ranked.contains(first)) {
      out.add(first);
    }
    for (String k : ranked) {
      if (balancedLast.contains(k) && !out.contains(k) && out.size() < MAX_PARTNERS) {
        out.add(k);
      }
    }
    for (String k : ranked) {
      if (!out.contains(k) && out.size() < MAX_PARTNERS) {
        out.add(k);
      }
    }
    return out;
  }

  // The states whose stance last turn was BALANCE against a member of the threat's bloc.
  private static List<String> balancedLastTurn(PlayerView v, List<String> bloc) {
    List<String> out = new ArrayList<>();
    for (PublicStance ps : v.lastStances()) {
      if (ps.stance() instanceof Stance.Balance b && bloc.contains(b.against())) {
        out.add(ps.state());
      }
    }
    return out;
  }

  /**
   * The state to pass the buck to, or null: the most exposed state that is more exposed to the
   * leader than this seat and could hold alone, provided this seat is comfortably covered, has no
   * ally (passing inside an alliance is free-riding that wears it down) and no crisis involves it.
   */
  static String catcher(PlayerView v, String leader) {
    if (v.coverage() < BUCK_PASS_COVERAGE || crisisNearMe(v) || !v.alliesOf(v.self()).isEmpty()) {
      return null;
    }
    return holdingCatcher(v, leader);
  }

  /**
   * The most exposed state to {@code leader} that is more exposed than this seat and could hold
   * alone, outside the principal threat and the leader's clients; null if there is none.
   */
  static String holdingCatcher(PlayerView v, String leader) {
    double mine = Estimates.publicThreat(v, leader, v.self());
    for (String k :
        Estimates.mostExposedTo(
            v,
            leader,
            n ->
                !v.principalThreat().contains(n.id())
                    && !Estimates.isClientOf(v, n.id(), leader))) {
      if (Estimates.publicThreat(v, leader, k) <= mine) {
        return null; // the rest are no more exposed than this seat
      }
      if (Estimates.canHoldAlone(v, k, leader)) {
        return k;
      }
    }
    return null;
  }

  // True when a crisis in view has this seat or one of its allies as a party.
  private static boolean crisisNearMe(PlayerView v) {
    String self = v.self();
    for (CrisisView c : v.crises()) {
      String a = c.aggressor();
      String t = c.target();
      if (a.equals(self) || t.equals(self) || v.allied(self, a) || v.allied(self, t)) {
        return true;
      }
    }
    return false;
  }

  // AID each ally that is the target of a crisis resolving this turn.
  private static void aidAlliesUnderAttack(PlayerView v, ActionPlan plan) {
    for (CrisisView c : Estimates.dueCrises(v)) {
      String t = c.target();
      if (Estimates.isActiveOther(v, t)
          && v.allied(v.self(), t)
          && !v.allied(v.self(), c.aggressor())) {
        plan.aidShare(t, AID_SHARE);
      }
    }
  }

  // LEAVE an alliance whose other members all bandwagon with this seat's threat: it now binds the
  // seat to the threat's bloc.
  private static void leaveAlliancesOfClients(PlayerView v, ActionPlan plan) {
    List<String> threats = new ArrayList<>();
    if (Estimates.leader(v) != null) {
      threats.add(Estimates.leader(v));
    }
    String top = Estimates.topThreat(v);
    if (top != null && !threats.contains(top)) {
      threats.add(top);
    }
    for (AllianceView al : v.alliances()) {
      if (!al.members().contains(v.self())) {
        continue;
      }
      boolean allClients = true;
      for (String m : al.members()) {
        if (!m.equals(v.self())) {
          NationView n = v.nation(m);
          allClients &= n.patron() != null && threats.contains(n.patron());
        }
      }
      if (allClients && !threats.isEmpty()) {
        plan.leave(al.id());
      }
    }
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
