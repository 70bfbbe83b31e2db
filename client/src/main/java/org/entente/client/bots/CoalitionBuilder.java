package org.entente.client.bots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.PublicStance;
import org.entente.api.Stance;

/**
 * Builds a coalition against its principal threat: it never passes the buck, proposes alliances
 * every turn to the states most threatened by its own principal threat (by public estimate), and
 * courts the first of them with aid, which softens how aggressive that state thinks it is. It
 * remembers which states left its proposals unanswered and courts the others first, so it works
 * down the list instead of asking the same unwilling state forever. Crises and weakness it handles
 * as the reference threat balancer does, and it aids allies under attack.
 */
public final class CoalitionBuilder extends AdaptiveBot {
  /** The strategy's name. */
  public static final String NAME = "coalition-builder";

  /** How many alliance proposals a turn. */
  static final int MAX_PARTNERS = 3;

  /** Share of own economy sent to the state being courted. */
  static final double COURTING_AID = 0.03;

  /** Share of own economy sent to an ally under attack. */
  static final double ALLY_AID = 0.05;

  // per state: how many of this seat's proposals it left unanswered
  private final Map<String, Integer> refusals = new TreeMap<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  void forget() {
    refusals.clear();
  }

  @Override
  void remember(PlayerView before, PlayerView now) {
    for (PublicStance ps : now.lastStances()) {
      if (ps.state().equals(now.self()) && ps.stance() instanceof Stance.Balance b) {
        for (String p : b.partners()) {
          if (!now.allied(now.self(), p)) {
            refusals.merge(p, 1, Integer::sum);
          }
        }
      }
    }
  }

  /** How many of this seat's proposals {@code state} has left unanswered. */
  int refusalsBy(String state) {
    return refusals.getOrDefault(state, 0);
  }

  @Override
  Orders choose(PlayerView v, Dice dice) {
    // its own partners replace the reference bot's, which are therefore not searched for
    Stance s = ThreatBalancer.stanceWithoutPartners(v);
    if (s instanceof Stance.BuckPass pass) {
      String leader = pass.threat();
      double e = v.rules().maxInternalEffort() * Math.max(0.2, 1 - v.coverage());
      s = new Stance.Balance(leader, Estimates.effort(v, e), List.of());
    }
    List<String> courted = List.of();
    if (s instanceof Stance.Balance b) {
      courted = courted(v, b.against());
      s = new Stance.Balance(b.against(), b.internal(), courted);
    }
    ActionPlan plan = new ActionPlan(v, s);
    for (String ally : v.alliesOf(v.self())) {
      if (Estimates.underAttack(v, ally)) {
        plan.aidShare(ally, ALLY_AID);
      }
    }
    if (!courted.isEmpty()) {
      plan.aidShare(courted.get(0), COURTING_AID);
    }
    return plan.orders();
  }

  /**
   * The states to propose to against {@code threat}: up to {@link #MAX_PARTNERS} of those most
   * exposed to it by public estimate, each estimate divided by one plus the proposals that state
   * left unanswered, with the names admission to an alliance against the threat needs (as the
   * reference bot gives them); never the threat's bloc, its clients, a current ally, a state this
   * seat is allied against, or one that balanced a different threat last turn.
   */
  List<String> courted(PlayerView v, String threat) {
    List<String> bloc = Estimates.bloc(v, threat);
    List<String> ranked =
        new ArrayList<>(
            Estimates.mostExposedTo(
                v,
                threat,
                k ->
                    !bloc.contains(k.id())
                        && !Estimates.isClientOf(v, k.id(), threat)
                        && !v.allied(v.self(), k.id())
                        && !Estimates.alliedAgainst(v, v.self(), k.id())
                        && !Estimates.balancesOtherThreat(v, k.id(), bloc)
                        && Estimates.publicThreat(v, threat, k.id()) > 0));
    ranked.sort(
        Comparator.comparingDouble(
            (String k) -> -Estimates.publicThreat(v, threat, k) / (1 + refusalsBy(k))));
    return ThreatBalancer.proposals(v, threat, null, ranked, MAX_PARTNERS);
  }
}
