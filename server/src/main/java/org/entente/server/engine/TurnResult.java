package org.entente.server.engine;

/** The next position and the report of the turn that produced it. */
public record TurnResult(GameState state, TurnReport report) {}
