package org.entente.server.engine;

import java.util.List;
import org.entente.api.SquareMatrix;
import org.entente.api.Stance;

/**
 * The whole position at the start of turn {@code turn} (1-based; {@code turn > world.turns()} means
 * the game is over). Immutable: adjudication returns a new one.
 *
 * @param intent perceived intent I[j][i], row j is what state j believes
 * @param baseline the reputation B[j][i] that perception drifts back to; it starts as the
 *     scenario's intent (shifted by shared ideology) and learns from behaviour (RULES.md section 6)
 * @param lastStances each state's adjudicated stance last turn (null before the first turn), the
 *     default for a seat that sends nothing
 * @param leanings penetrations that succeeded last turn: target's politics lean toward actor
 * @param system the game-wide tallies of the debrief
 */
public record GameState(
    World world,
    int turn,
    List<Nation> nations,
    SquareMatrix intent,
    SquareMatrix baseline,
    List<Alliance> alliances,
    List<ClientLink> clients,
    List<Crisis> crises,
    List<Stance> lastStances,
    List<Leaning> leanings,
    List<Tally> tallies,
    SystemTally system,
    int nextAlliance,
    int nextCrisis) {

  public GameState {
    nations = List.copyOf(nations);
    alliances = List.copyOf(alliances);
    clients = List.copyOf(clients);
    crises = List.copyOf(crises);
    lastStances = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(lastStances));
    leanings = List.copyOf(leanings);
    tallies = List.copyOf(tallies);
  }

  /** True once every turn has been adjudicated. */
  public boolean finished() {
    if (turn > world.turns()) {
      return true;
    }
    int active = 0;
    for (Nation n : nations) {
      active += n.active() ? 1 : 0;
    }
    return active < 2;
  }

  /** State {@code id}; throws if unknown. */
  public Nation nation(String id) {
    int i = world.index(id);
    if (i < 0) {
      throw new IllegalArgumentException("unknown state " + id);
    }
    return nations.get(i);
  }

  /** The patron link of {@code client}, or null. */
  public ClientLink patronOf(String client) {
    for (ClientLink l : clients) {
      if (l.client().equals(client)) {
        return l;
      }
    }
    return null;
  }

  /** True when {@code a} and {@code b} share an alliance. */
  public boolean allied(String a, String b) {
    for (Alliance al : alliances) {
      if (al.has(a) && al.has(b)) {
        return true;
      }
    }
    return false;
  }

  /** A successful penetration: {@code target}'s politics lean toward {@code actor}. */
  public record Leaning(String target, String actor) {}

  /**
   * Game-wide counts for the debrief.
   *
   * @param alliancesFormed alliances formed (including states joining one)
   * @param alliancesEnded alliances dissolved plus members who left
   */
  public record SystemTally(
      int wars, int conquests, int alliancesFormed, int alliancesEnded, int crises) {
    public static final SystemTally EMPTY = new SystemTally(0, 0, 0, 0, 0);
  }
}
