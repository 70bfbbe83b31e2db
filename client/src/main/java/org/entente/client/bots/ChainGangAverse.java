package org.entente.client.bots;

import java.util.Map;
import java.util.TreeMap;
import org.entente.api.Dice;
import org.entente.api.OrderOutcome;
import org.entente.api.Orders;
import org.entente.api.OutcomeCode;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.AllianceView;
import org.entente.api.PlayerView.CrisisView;
import org.entente.api.Stance;

/**
 * A threat balancer that fears entrapment more than abandonment, reading the offence-defence
 * balance from the rules. Under offence dominance (a low defence advantage), where alliances drag
 * their members into each other's wars, it arms alone rather than proposing alliances and hides
 * whenever a crisis it is not a party to would pull it in. Under defence dominance it passes the
 * buck to any state more exposed than itself that could hold alone. In between it plays the
 * reference threat balancer. Whatever the balance, it leaves an alliance whose partner has dragged
 * it into a war or is the aggressor of a pending crisis (leaving comes before crises are resolved,
 * so it stays out).
 */
public final class ChainGangAverse extends AdaptiveBot {
  /** The strategy's name. */
  public static final String NAME = "chain-gang-averse";

  /** Defence advantage at or below which offence dominates. */
  static final double OFFENCE_DOMINANT = 1.3;

  /** Defence advantage at or above which defence dominates. */
  static final double DEFENCE_DOMINANT = 1.8;

  // per ally: how many wars its alliance dragged this seat into (rules 2.0: bound to defend it, or
  // to join its attack through an offensive alliance)
  private final Map<String, Integer> draggedBy = new TreeMap<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  void forget() {
    draggedBy.clear();
  }

  @Override
  void remember(PlayerView before, PlayerView now) {
    for (OrderOutcome o : now.outcomes()) {
      if (o.code() != OutcomeCode.CHAIN_GANGED && o.code() != OutcomeCode.BOUND_TO_DEFEND) {
        continue;
      }
      for (CrisisView c : before.crises()) {
        if (o.order().equals("crisis " + c.id())) {
          String party = before.allied(before.self(), c.target()) ? c.target() : c.aggressor();
          draggedBy.merge(party, 1, Integer::sum);
        }
      }
    }
  }

  /** How many wars the alliance with {@code ally} has dragged this seat into. */
  int draggedInBy(String ally) {
    return draggedBy.getOrDefault(ally, 0);
  }

  @Override
  Orders choose(PlayerView v, Dice dice) {
    double da = v.rules().defenseAdvantage();
    if (da <= OFFENCE_DOMINANT) {
      return offenceDominant(v);
    }
    Stance s = ThreatBalancer.stance(v, dice);
    if (da >= DEFENCE_DOMINANT && !Estimates.underAttack(v, v.self())) {
      String leader = Estimates.leader(v);
      String catcher = leader == null ? null : ThreatBalancer.holdingCatcher(v, leader);
      if (catcher != null) {
        s = new Stance.BuckPass(leader, catcher);
      }
    }
    return leaveEntrapping(v, s);
  }

  private Orders offenceDominant(PlayerView v) {
    // partners only when attacked: otherwise it names none
    boolean attacked = Estimates.underAttack(v, v.self());
    Stance s = attacked ? ThreatBalancer.stance(v) : ThreatBalancer.stanceWithoutPartners(v);
    if (!attacked && entangled(v, s)) {
      s = Stance.HIDE;
    }
    return leaveEntrapping(v, s);
  }

  // The stance, a LEAVE of each alliance that entraps this seat, then the reference bot's actions.
  private Orders leaveEntrapping(PlayerView v, Stance s) {
    ActionPlan plan = new ActionPlan(v, s);
    for (AllianceView al : v.alliances()) {
      if (al.members().contains(v.self()) && entrapping(v, al)) {
        plan.leave(al.id());
      }
    }
    ThreatBalancer.addActions(v, plan);
    return plan.orders();
  }

  // True when stance s would put this seat into a crisis resolving this turn that it is not a
  // party to: by balancing one of its parties, or through an alliance with one side only.
  private static boolean entangled(PlayerView v, Stance s) {
    String self = v.self();
    for (CrisisView c : Estimates.dueCrises(v)) {
      if (c.aggressor().equals(self)) {
        continue;
      }
      boolean balancesParty =
          s instanceof Stance.Balance b
              && (b.against().equals(c.aggressor()) || b.against().equals(c.target()));
      boolean dragged = v.allied(self, c.aggressor()) != v.allied(self, c.target());
      if (balancesParty || dragged) {
        return true;
      }
    }
    return false;
  }

  // An alliance with a member that dragged this seat into a war, or that is the aggressor of a
  // pending crisis.
  private boolean entrapping(PlayerView v, AllianceView al) {
    for (String m : al.members()) {
      if (m.equals(v.self())) {
        continue;
      }
      boolean aggressor = v.crises().stream().anyMatch(c -> c.aggressor().equals(m));
      if (aggressor || draggedInBy(m) > 0) {
        return true;
      }
    }
    return false;
  }
}
