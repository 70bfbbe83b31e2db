package org.entente.api;

/**
 * What became of one order (or what a turn did to a state): the state, which order ({@code
 * "stance"}, {@code "action[0]"}, {@code "crisis:c3"}...), a stable code and a reason in words.
 */
public record OrderOutcome(String state, String order, OutcomeCode code, String reason) {}
