package org.entente.server.engine;

/**
 * A declared attack awaiting resolution: declared in {@code declaredTurn}, resolved in step 2 of
 * {@code resolvesTurn} (the next turn for an ATTACK order; the same turn for a scheduled inject).
 */
public record Crisis(
    String id, String aggressor, String target, int declaredTurn, int resolvesTurn) {}
