package org.entente.client.bots;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.Action;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.Stance;

/**
 * Collects a bot's actions for one turn while keeping them valid: at most two, no action twice, no
 * ATTACK or AID under HIDE, aid within the per-turn cap of the giver's economy, LEAVE only of an
 * alliance the seat is in. An action that would break a rule is silently dropped.
 */
final class ActionPlan {
  /** The most actions a state may order in a turn. */
  static final int MAX_ACTIONS = 2;

  private final PlayerView view;
  private final Stance stance;
  private final List<Action> actions = new ArrayList<>(MAX_ACTIONS);
  private double aidLeft;

  ActionPlan(PlayerView view, Stance stance) {
    this.view = view;
    this.stance = stance;
    this.aidLeft = Estimates.aidCap(view);
  }

  /** True when no further action fits. */
  boolean full() {
    return actions.size() >= MAX_ACTIONS;
  }

  /** The number of actions collected so far. */
  int size() {
    return actions.size();
  }

  /** The aid that may still be sent this turn. */
  double aidLeft() {
    return aidLeft;
  }

  /** Adds an ATTACK on {@code target} if the engine would accept it; true if added. */
  boolean attack(String target) {
    if (hiding() || !Estimates.canAttack(view, target) || namedPartner(target)) {
      return false;
    }
    return add(new Action.Attack(target));
  }

  /**
   * Adds an AID to {@code to} of {@code share} of own economy, cut to what the cap leaves; true if
   * added.
   */
  boolean aidShare(String to, double share) {
    return aid(to, share * view.me().economy());
  }

  /** Adds an AID of {@code amount} points to {@code to}, cut to what the cap leaves. */
  boolean aid(String to, double amount) {
    double a = Math.min(amount, aidLeft);
    if (hiding() || !Estimates.isActiveOther(view, to) || !(a > 0) || hasAidTo(to)) {
      return false;
    }
    if (add(new Action.Aid(to, a))) {
      aidLeft -= a;
      return true;
    }
    return false;
  }

  /** Adds a PENETRATE of {@code target}; true if added. */
  boolean penetrate(String target) {
    return Estimates.isActiveOther(view, target) && add(new Action.Penetrate(target));
  }

  /** Adds a LEAVE of alliance {@code id} if this seat is a member; true if added. */
  boolean leave(String id) {
    for (PlayerView.AllianceView al : view.alliances()) {
      if (al.id().equals(id) && al.members().contains(view.self())) {
        return add(new Action.Leave(id));
      }
    }
    return false;
  }

  /** The orders: the stance and the actions collected. */
  Orders orders() {
    return new Orders(stance, actions);
  }

  private boolean add(Action a) {
    if (full() || actions.contains(a)) {
      return false;
    }
    actions.add(a);
    return true;
  }

  private boolean hasAidTo(String to) {
    for (Action a : actions) {
      if (a instanceof Action.Aid aid && aid.to().equals(to)) {
        return true;
      }
    }
    return false;
  }

  private boolean hiding() {
    return stance instanceof Stance.Hide;
  }

  // A partner named this turn may become an ally before attacks are checked: never attack it.
  private boolean namedPartner(String target) {
    return stance instanceof Stance.Balance b && b.partners().contains(target);
  }
}
