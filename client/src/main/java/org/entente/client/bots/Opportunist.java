package org.entente.client.bots;

import java.util.List;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.CrisisView;
import org.entente.api.PlayerView.NationView;
import org.entente.api.Posture;
import org.entente.api.Stance;
import org.entente.api.Stance.BandwagonKind;

/**
 * Plays Schweller's balance of interests. A secure revisionist jackals with a stronger revisionist
 * or, if it is the strongest, arms against its best prey and attacks it when the odds favour it; an
 * insecure revisionist balances its threat, with the partners a threat-balancer would name. A
 * status-quo state balances the strongest revisionist with the status-quo states most exposed to
 * it, and joins the defence against revisionist aggressors.
 */
public final class Opportunist implements Bot {
  /** The strategy's name. */
  public static final String NAME = "opportunist";

  /** Coverage above which a revisionist feels secure enough to prey. */
  static final double SECURE_COVERAGE = 0.7;

  /** The least estimated win chance for which the strongest revisionist attacks. */
  static final double ATTACK_ODDS = 0.6;

  /** Internal effort of the strongest revisionist arming against its prey. */
  static final double PREDATOR_EFFORT = 0.2;

  /** Internal effort of an insecure revisionist balancing its threat. */
  static final double INSECURE_EFFORT = 0.25;

  /** Internal effort of a status-quo state balancing the strongest revisionist. */
  static final double STATUS_QUO_EFFORT = 0.1;

  /** How many status-quo partners a status-quo state proposes to. */
  static final int MAX_PARTNERS = 3;

  /** Share of own economy sent to the target of a revisionist attack. */
  static final double AID_SHARE = 0.05;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Orders decide(PlayerView view, Dice dice) {
    if (!view.me().active()) {
      return Orders.hide();
    }
    return view.me().posture() == Posture.REVISIONIST ? revisionist(view, dice) : statusQuo(view);
  }

  private static Orders revisionist(PlayerView v, Dice dice) {
    String leader = Estimates.leader(v);
    if (v.coverage() <= SECURE_COVERAGE && leader != null) {
      // Insecure, it balances like anyone else, allies included (as the threat-balancer names them)
      List<String> partners = ThreatBalancer.partners(v, leader, null, dice);
      Stance s = new Stance.Balance(leader, Estimates.effort(v, INSECURE_EFFORT), partners);
      return Orders.of(s);
    }
    String rival = Estimates.strongest(v, n -> n.posture() == Posture.REVISIONIST);
    if (rival != null
        && v.nation(rival).power() > v.me().power()
        && Estimates.canBandwagonWith(v, rival)) {
      return Orders.of(new Stance.Bandwagon(rival, BandwagonKind.OFFENSIVE));
    }
    String prey = prey(v);
    if (prey == null) {
      return Orders.hide();
    }
    Stance s = new Stance.Balance(prey, Estimates.effort(v, PREDATOR_EFFORT), List.of());
    ActionPlan plan = new ActionPlan(v, s);
    // Balancing the prey already joins any attack on it resolving this turn.
    if (odds(v, prey) >= ATTACK_ODDS
        && !Estimates.crisisBetween(v, v.self(), prey)
        && !Estimates.underAttack(v, prey)) {
      plan.attack(prey);
    }
    return plan.orders();
  }

  /**
   * The state this seat would most likely beat: among active states that are neither allies nor its
   * clients, the one with the highest {@link #odds}, first in scenario order on a tie.
   */
  static String prey(PlayerView v) {
    String best = null;
    double bestOdds = -1;
    for (NationView t : Estimates.activeOthers(v)) {
      if (v.allied(v.self(), t.id()) || Estimates.isClientOf(v, t.id(), v.self())) {
        continue;
      }
      double p = odds(v, t.id());
      if (p > bestOdds) {
        best = t.id();
        bestOdds = p;
      }
    }
    return best;
  }

  /**
   * This seat's estimated chance of winning an attack on {@code target}: A^2/(A^2+D^2), with A what
   * it (and its jackals) project onto the target and D the target's defence: its own, its allies'
   * (bound to defend it), and that of every state that balanced this seat last turn or stands in an
   * alliance aimed at it, or aimed at by one of its alliances (under RULES.md 2.0 a BALANCE against
   * the aggressor joins the defence, and those states are the likeliest to balance this seat; the
   * alliances also speak in turn 1, before anyone has balanced).
   */
  static double odds(PlayerView v, String target) {
    return Estimates.winChance(Estimates.attack(v, v.self(), target), likelyDefence(v, target));
  }

  static double likelyDefence(PlayerView v, String target) {
    double d = Estimates.defence(v, target);
    int t = v.index(target);
    List<String> allies = v.alliesOf(target);
    for (NationView k : Estimates.activeOthers(v)) {
      if (!k.id().equals(target)
          && !allies.contains(k.id())
          && (v.self().equals(Estimates.balancedLastTurn(v, k.id()))
              || v.alliedAgainst(k.id(), v.self()))) {
        d += k.military() * v.proximity().get(v.index(k.id()), t);
      }
    }
    return d;
  }

  private static Orders statusQuo(PlayerView v) {
    CrisisView join = revisionistCrisis(v);
    if (join != null) {
      Stance s =
          new Stance.Balance(
              join.aggressor(),
              Estimates.effort(v, STATUS_QUO_EFFORT),
              partners(v, join.aggressor()));
      ActionPlan plan = new ActionPlan(v, s);
      plan.aidShare(join.target(), AID_SHARE);
      return plan.orders();
    }
    String rival = Estimates.strongest(v, n -> n.posture() == Posture.REVISIONIST);
    if (rival == null) {
      return Orders.hide();
    }
    return Orders.of(
        new Stance.Balance(rival, Estimates.effort(v, STATUS_QUO_EFFORT), partners(v, rival)));
  }

  // The first crisis resolving this turn whose aggressor is a revisionist this seat may balance
  // (this seat may be the target).
  private static CrisisView revisionistCrisis(PlayerView v) {
    for (CrisisView c : Estimates.dueCrises(v)) {
      String a = c.aggressor();
      if (Estimates.isActiveOther(v, a)
          && v.nation(a).posture() == Posture.REVISIONIST
          && !v.allied(v.self(), a)
          && !Estimates.isClientOf(v, a, v.self())
          && v.nation(c.target()).active()) {
        return c;
      }
    }
    return null;
  }

  // The status-quo states most exposed to the revisionist, outside its bloc, never one this seat is
  // allied against.
  private static List<String> partners(PlayerView v, String revisionist) {
    List<String> bloc = Estimates.bloc(v, revisionist);
    List<String> ranked =
        Estimates.mostExposedTo(
            v,
            revisionist,
            n ->
                n.posture() == Posture.STATUS_QUO
                    && !bloc.contains(n.id())
                    && !v.allied(v.self(), n.id())
                    && !Estimates.alliedAgainst(v, v.self(), n.id()));
    return ranked.size() <= MAX_PARTNERS ? ranked : ranked.subList(0, MAX_PARTNERS);
  }
}
