package org.entente.client.bots;

import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.Stance;

/**
 * Passes the buck: it stays out against its principal threat's leader, hoping the state most
 * exposed to that leader catches it, and subsidises the catcher with aid (more when the catcher is
 * under attack), as Britain did. With no threat, or no one to catch it, it hides.
 */
public final class BuckPasser implements Bot {
  /** The strategy's name. */
  public static final String NAME = "buck-passer";

  /** Share of own economy sent to the catcher each turn. */
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
    String leader = Estimates.leader(view);
    String catcher = leader == null ? null : catcher(view, leader);
    if (catcher == null) {
      return Orders.hide();
    }
    ActionPlan plan = new ActionPlan(view, new Stance.BuckPass(leader, catcher));
    if (Estimates.underAttack(view, catcher)) {
      plan.aid(catcher, plan.aidLeft());
    } else {
      plan.aidShare(catcher, AID_SHARE);
    }
    return plan.orders();
  }

  /** The state most exposed to {@code leader}, outside the principal threat and its clients. */
  static String catcher(PlayerView v, String leader) {
    return Estimates.mostExposedTo(
            v,
            leader,
            n -> !v.principalThreat().contains(n.id()) && !Estimates.isClientOf(v, n.id(), leader))
        .stream()
        .findFirst()
        .orElse(null);
  }
}
