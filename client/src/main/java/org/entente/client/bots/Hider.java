package org.entente.client.bots;

import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.AllianceView;
import org.entente.api.Stance;

/**
 * Hides every turn (Melos): it leaves its alliances, one a turn, and tries to penetrate its
 * principal threat's leader to soften how aggressive that leader thinks it is. It never attacks nor
 * aids (a hiding state may do neither).
 */
public final class Hider implements Bot {
  /** The strategy's name. */
  public static final String NAME = "hider";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Orders decide(PlayerView view, Dice dice) {
    if (!view.me().active()) {
      return Orders.hide();
    }
    ActionPlan plan = new ActionPlan(view, Stance.HIDE);
    String leader = Estimates.leader(view);
    int leaves = leader == null ? ActionPlan.MAX_ACTIONS : 1;
    for (AllianceView al : view.alliances()) {
      if (leaves > 0 && al.members().contains(view.self()) && plan.leave(al.id())) {
        leaves--;
      }
    }
    if (leader != null) {
      plan.penetrate(leader);
    }
    return plan.orders();
  }
}
