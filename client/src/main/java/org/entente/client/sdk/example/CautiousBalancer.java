package org.entente.client.sdk.example;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.entente.api.Action;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.CrisisView;
import org.entente.api.PlayerView.NationView;
import org.entente.api.PlayerView.ThreatEntry;
import org.entente.api.Stance;

/**
 * An example strategy that shows how to read a {@link PlayerView}: it balances its principal threat
 * and hides when nothing threatens it. It never attacks and never rolls dice, so it plays the same
 * whatever the seed.
 *
 * <ol>
 *   <li>Conquered ({@code view.me().active()} is false): HIDE; the server ignores it anyway.
 *   <li>No principal threat ({@code view.principalThreat()} empty), or the leader's entry in the
 *       seat's threat row ({@code view.threatFrom(leader)}) is zero: HIDE.
 *   <li>Otherwise BALANCE against the principal leader, arming harder the less covered the seat is
 *       ({@code view.coverage()} in [0, 1]; effort = max effort * (1 - coverage), within {@code
 *       view.rules().maxInternalEffort()}), and propose alliances to the two states the leader's
 *       power reaches most ({@code view.prox(leader, k)}), leaving out the threat's own members,
 *       current allies and the leader's clients.
 *   <li>If an ally is the target of a crisis that resolves this turn ({@code crisis.resolvesTurn()
 *       == view.turn()}), send it AID: 5% of own economy, within the cap {@code
 *       view.rules().aidMaxShare() * economy}.
 * </ol>
 */
public final class CautiousBalancer implements Bot {
  /** The strategy's name. */
  public static final String NAME = "cautious-balancer";

  /** How many alliance proposals a turn. */
  static final int MAX_PARTNERS = 2;

  /** Share of own economy sent to an ally under attack. */
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
    String leader = view.principalLeader();
    ThreatEntry threat = leader == null ? null : view.threatFrom(leader);
    if (view.principalThreat().isEmpty() || threat == null || !(threat.threat() > 0)) {
      return Orders.hide(); // nothing threatens this seat
    }
    double max = view.rules().maxInternalEffort();
    double effort = Math.max(0, Math.min(max, max * (1 - view.coverage())));
    Stance stance = new Stance.Balance(leader, effort, partners(view, leader));
    List<Action> actions = new ArrayList<>();
    for (CrisisView c : view.crises()) {
      if (c.resolvesTurn() == view.turn()
          && view.allied(view.self(), c.target())
          && !view.allied(view.self(), c.aggressor())
          && actions.isEmpty()) {
        double cap = view.rules().aidMaxShare() * view.me().economy();
        double amount = Math.min(AID_SHARE * view.me().economy(), cap);
        if (amount > 0) {
          actions.add(new Action.Aid(c.target(), amount));
        }
      }
    }
    return new Orders(stance, actions);
  }

  // The states the leader reaches most, outside its threat and this seat's alliances.
  private static List<String> partners(PlayerView view, String leader) {
    return view.nations().stream()
        .filter(NationView::active)
        .map(NationView::id)
        .filter(k -> !k.equals(view.self()))
        .filter(k -> !view.principalThreat().contains(k))
        .filter(k -> !view.allied(view.self(), k))
        .filter(k -> !leader.equals(view.nation(k).patron()))
        .sorted(Comparator.comparingDouble((String k) -> -view.prox(leader, k)))
        .limit(MAX_PARTNERS)
        .toList();
  }
}
