package org.entente.server.engine;

/**
 * An inject applied at the start of {@code turn}, before orders, so players see it: a capability
 * shock (multipliers), a change of perceived intent, or a forced crisis resolved at the end of that
 * turn.
 */
public sealed interface ScheduledEvent {
  int turn();

  String text();

  /** Multiplies a state's capabilities. */
  record CapabilityShock(
      int turn,
      String text,
      String state,
      double population,
      double economy,
      double military,
      double technology)
      implements ScheduledEvent {}

  /** Shifts perceived intent of {@code actor}; {@code observer} null means every other state. */
  record IntentShift(int turn, String text, String observer, String actor, double delta)
      implements ScheduledEvent {}

  /** Forces a crisis: {@code aggressor} attacks {@code target}, resolved at the end of the turn. */
  record ForcedCrisis(int turn, String text, String aggressor, String target)
      implements ScheduledEvent {}
}
