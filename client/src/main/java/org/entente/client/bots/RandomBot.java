package org.entente.client.bots;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.AllianceView;
import org.entente.api.PlayerView.NationView;
import org.entente.api.Stance;
import org.entente.api.Stance.BandwagonKind;

/**
 * Orders at random, as a baseline: a uniformly random stance among the four with random valid
 * parameters, then zero to two random valid actions. Every draw comes from the {@link Dice} it is
 * handed, so the same view and dice give the same orders.
 */
public final class RandomBot implements Bot {
  /** The strategy's name. */
  public static final String NAME = "random";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Orders decide(PlayerView view, Dice dice) {
    if (!view.me().active()) {
      return Orders.hide();
    }
    List<String> others = new ArrayList<>();
    for (NationView n : Estimates.activeOthers(view)) {
      others.add(n.id());
    }
    ActionPlan plan = new ActionPlan(view, stance(view, dice, others));
    int wanted = dice.nextInt(ActionPlan.MAX_ACTIONS + 1);
    // A few tries per wanted action: a drawn action may be impossible (no alliance to leave...).
    for (int tries = 0; tries < 4 * wanted && countBelow(plan, wanted); tries++) {
      action(view, dice, others, plan);
    }
    return plan.orders();
  }

  private static boolean countBelow(ActionPlan plan, int wanted) {
    return plan.size() < wanted;
  }

  private static Stance stance(PlayerView v, Dice dice, List<String> others) {
    int kind = dice.nextInt(4);
    if (others.isEmpty()) {
      return Stance.HIDE;
    }
    switch (kind) {
      case 0 -> {
        String against = pick(dice, others);
        double e = dice.nextDouble() * v.rules().maxInternalEffort();
        List<String> pool = new ArrayList<>(others);
        List<String> partners = new ArrayList<>();
        int n = dice.nextInt(3);
        for (int i = 0; i < n && !pool.isEmpty(); i++) {
          partners.add(pool.remove(dice.nextInt(pool.size())));
        }
        return new Stance.Balance(against, Estimates.effort(v, e), partners);
      }
      case 1 -> {
        List<String> patrons = new ArrayList<>();
        for (String p : others) {
          if (Estimates.canBandwagonWith(v, p)) {
            patrons.add(p);
          }
        }
        BandwagonKind k = dice.chance(0.5) ? BandwagonKind.DEFENSIVE : BandwagonKind.OFFENSIVE;
        return patrons.isEmpty() ? Stance.HIDE : new Stance.Bandwagon(pick(dice, patrons), k);
      }
      case 3 -> {
        if (others.size() < 2) {
          return Stance.HIDE;
        }
        String threat = pick(dice, others);
        List<String> catchers = new ArrayList<>(others);
        catchers.remove(threat);
        return new Stance.BuckPass(threat, pick(dice, catchers));
      }
      default -> {
        return Stance.HIDE;
      }
    }
  }

  private static void action(PlayerView v, Dice dice, List<String> others, ActionPlan plan) {
    int kind = dice.nextInt(4);
    if (kind == 3) {
      List<String> mine =
          v.alliances().stream()
              .filter(al -> al.members().contains(v.self()))
              .map(AllianceView::id)
              .toList();
      if (!mine.isEmpty()) {
        plan.leave(pick(dice, mine));
      }
      return;
    }
    if (others.isEmpty()) {
      return;
    }
    String target = pick(dice, others);
    if (kind == 0) {
      plan.attack(target);
    } else if (kind == 1) {
      plan.aid(target, plan.aidLeft() * (0.1 + 0.9 * dice.nextDouble()));
    } else {
      plan.penetrate(target);
    }
  }

  private static String pick(Dice dice, List<String> from) {
    return from.get(dice.nextInt(from.size()));
  }
}
