package org.entente.api;

/** One of at most two actions a state orders each turn (RULES.md section 3). */
public sealed interface Action {

  /** The action's kind, as used in reports. */
  ActionKind kind();

  /** Open a crisis against {@code target}, resolved at the end of the next turn. */
  record Attack(String target) implements Action {
    @Override
    public ActionKind kind() {
      return ActionKind.ATTACK;
    }
  }

  /** Move {@code amount} points of the giver's economy into the receiver's military. */
  record Aid(String to, double amount) implements Action {
    @Override
    public ActionKind kind() {
      return ActionKind.AID;
    }
  }

  /** Try to sway {@code target}'s politics toward the actor. */
  record Penetrate(String target) implements Action {
    @Override
    public ActionKind kind() {
      return ActionKind.PENETRATE;
    }
  }

  /** Leave the alliance with id {@code alliance}. */
  record Leave(String alliance) implements Action {
    @Override
    public ActionKind kind() {
      return ActionKind.LEAVE;
    }
  }

  /** The four action kinds. */
  enum ActionKind {
    ATTACK,
    AID,
    PENETRATE,
    LEAVE
  }
}
