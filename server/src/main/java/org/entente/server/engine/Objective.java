package org.entente.server.engine;

/** A scored predicate on the end of the game (RULES.md section 7). */
public record Objective(Kind kind, String state, double value, String text) {

  /** What an objective asks for. */
  public enum Kind {
    INDEPENDENT,
    ALLIED_WITH,
    NEVER_ATTACKED,
    NO_HEGEMON,
    CONQUER,
    PATRON_OF,
    POWER_AT_LEAST,
    NO_WAR
  }
}
