package org.entente.client.bots;

import java.util.List;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.Stance;

/**
 * Plays the balance of power: it balances the strongest other state whatever its intent, proposes
 * alliances to the next two strongest (never one that balanced another state's bloc last turn or
 * that it is allied against, and with the names that admission to an alliance against the strongest
 * needs, as the reference bot does), arms moderately, and aids the weakest of its partners when
 * that partner is under attack. Since it always balances the strongest state, it joins the defence
 * whenever that state is the aggressor of a crisis.
 */
public final class PowerBalancer implements Bot {
  /** The strategy's name. */
  public static final String NAME = "power-balancer";

  /** Internal effort every turn (cut to the scenario's maximum). */
  static final double EFFORT = 0.15;

  /** How many alliance proposals a turn. */
  static final int MAX_PARTNERS = 2;

  /** Share of own economy sent to a partner under attack. */
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
    String strongest = Estimates.strongest(view, n -> true);
    if (strongest == null) {
      return Orders.hide();
    }
    List<String> bloc = Estimates.bloc(view, strongest);
    String self = view.self();
    List<String> ranked =
        Estimates.byPower(
            view,
            n ->
                !bloc.contains(n.id())
                    && !view.allied(self, n.id())
                    && !Estimates.alliedAgainst(view, self, n.id())
                    && !Estimates.balancesOtherThreat(view, n.id(), bloc));
    List<String> partners = ThreatBalancer.proposals(view, strongest, null, ranked, MAX_PARTNERS);
    Stance stance = new Stance.Balance(strongest, Estimates.effort(view, EFFORT), partners);
    ActionPlan plan = new ActionPlan(view, stance);
    String weakest = null;
    for (String p : partners) {
      if (Estimates.underAttack(view, p)
          && (weakest == null || view.nation(p).power() < view.nation(weakest).power())) {
        weakest = p;
      }
    }
    if (weakest != null) {
      plan.aidShare(weakest, AID_SHARE);
    }
    return plan.orders();
  }
}
