package org.entente.api;

/**
 * A strategy: from what its seat sees, the orders for this turn. Implementations must be
 * deterministic given the view and the {@link Dice} they are handed (no clock, no shared mutable
 * state, no {@code Math.random}).
 */
public interface Bot {

  /** The strategy's name, as used on the command line ({@code threat-balancer}...). */
  String name();

  /** This turn's orders for {@code view.self()}. */
  Orders decide(PlayerView view, Dice dice);
}
