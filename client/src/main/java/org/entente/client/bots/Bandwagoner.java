package org.entente.client.bots;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.Posture;
import org.entente.api.Stance;
import org.entente.api.Stance.BandwagonKind;

/**
 * Bandwagons with its principal threat's leader (or, when nothing threatens it, the strongest other
 * state): a jackal (OFFENSIVE) when that patron is revisionist or has an attack pending, otherwise
 * DEFENSIVE. It keeps the same patron while that patron stays its leading threat, and sends the
 * patron a little aid when the patron is in a crisis.
 */
public final class Bandwagoner implements Bot {
  /** The strategy's name. */
  public static final String NAME = "bandwagoner";

  /** Share of own economy sent to the patron in a crisis. */
  static final double AID_SHARE = 0.02;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Orders decide(PlayerView view, Dice dice) {
    if (!view.me().active()) {
      return Orders.hide();
    }
    String patron = patron(view);
    if (patron == null) {
      return Orders.hide();
    }
    boolean attacking = view.crises().stream().anyMatch(c -> c.aggressor().equals(patron));
    BandwagonKind kind =
        view.nation(patron).posture() == Posture.REVISIONIST || attacking
            ? BandwagonKind.OFFENSIVE
            : BandwagonKind.DEFENSIVE;
    ActionPlan plan = new ActionPlan(view, new Stance.Bandwagon(patron, kind));
    if (Estimates.inCrisis(view, patron)) {
      plan.aidShare(patron, AID_SHARE);
    }
    return plan.orders();
  }

  /**
   * The principal leader, else the strongest states in turn: the first that is stronger than this
   * seat and not its own client, or null. Only a stronger patron is chosen, so two bandwagoners
   * never name each other (mutual bandwagoning creates no link).
   */
  static String patron(PlayerView v) {
    List<String> candidates = new ArrayList<>();
    String leader = Estimates.leader(v);
    if (leader != null) {
      candidates.add(leader);
    }
    candidates.addAll(Estimates.byPower(v, n -> true));
    double mine = v.me().power();
    for (String c : candidates) {
      if (Estimates.canBandwagonWith(v, c) && v.nation(c).power() > mine) {
        return c;
      }
    }
    return null;
  }
}
