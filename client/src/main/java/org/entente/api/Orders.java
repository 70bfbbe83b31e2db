package org.entente.api;

import java.util.List;

/** One state's orders for one turn: exactly one stance and any number of actions (two count). */
public record Orders(Stance stance, List<Action> actions) {
  public Orders {
    if (stance == null) {
      throw new IllegalArgumentException("orders need a stance");
    }
    actions = List.copyOf(actions);
  }

  /** Orders with a stance and no action. */
  public static Orders of(Stance stance, Action... actions) {
    return new Orders(stance, List.of(actions));
  }

  /** The orders of a state that hides and does nothing else. */
  public static Orders hide() {
    return new Orders(Stance.HIDE, List.of());
  }
}
