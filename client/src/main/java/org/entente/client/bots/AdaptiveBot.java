package org.entente.client.bots;

import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;

/**
 * A strategy that remembers earlier turns of its game. Before deciding, it compares the view of
 * this turn with the one it saw last turn and updates its memory; the memory is thus a pure
 * function of the views it was shown, in order. A view for another seat, or for a turn earlier than
 * the last one seen, starts a new memory (a new game); the same turn shown again (orders asked for
 * twice, after an inject or an autopilot hand-over) teaches it nothing new. One instance must serve
 * one seat of one game.
 */
abstract class AdaptiveBot implements Bot {
  private PlayerView previous;

  @Override
  public final Orders decide(PlayerView view, Dice dice) {
    if (previous != null
        && (!previous.self().equals(view.self()) || view.turn() < previous.turn())) {
      previous = null;
      forget();
    }
    if (previous != null && view.turn() == previous.turn() + 1) {
      remember(previous, view);
    }
    previous = view;
    if (!view.me().active()) {
      return Orders.hide();
    }
    return choose(view, dice);
  }

  /** Clears the memory (a new game or seat). */
  abstract void forget();

  /** Learns from what happened between the view of last turn and this one. */
  abstract void remember(PlayerView before, PlayerView now);

  /** This turn's orders for an active seat, given the memory. */
  abstract Orders choose(PlayerView view, Dice dice);
}
