package org.entente.server.game;

import java.util.Map;
import java.util.TreeMap;
import org.entente.client.bots.Strategies;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.DefaultOrderPolicy;
import org.entente.server.engine.World;

/**
 * A live game's settings, checked once against its world.
 *
 * @param deadlineMillis per turn; 0 means no deadline (the turn waits for every seat)
 * @param bots seats played by built-in bots: state id to strategy
 * @param maxTurns the number of turns to play (at most the scenario's)
 */
public record GameSettings(
    String name,
    long seed,
    long deadlineMillis,
    DefaultOrderPolicy policy,
    Map<String, String> bots,
    int maxTurns) {

  public GameSettings {
    bots = Map.copyOf(bots);
  }

  /** Settings from a request; throws {@link IllegalArgumentException} naming the bad field. */
  public static GameSettings from(CreateGame req, World world) {
    Map<String, String> bots = new TreeMap<>();
    for (var e : req.getBotsMap().entrySet()) {
      if (world.index(e.getKey()) < 0) {
        throw new IllegalArgumentException(
            "bots: no state '" + Fields.quote(e.getKey()) + "' in " + world.id());
      }
      String strategy = e.getValue().isEmpty() ? defaultStrategy(world, e.getKey()) : e.getValue();
      if (!Strategies.names().contains(strategy)) {
        throw new IllegalArgumentException(
            "bots."
                + Fields.quote(e.getKey())
                + ": unknown strategy '"
                + Fields.quote(strategy)
                + "'; known: "
                + Strategies.names());
      }
      bots.put(e.getKey(), strategy);
    }
    long maxTurns = Integer.toUnsignedLong(req.getMaxTurns());
    if (maxTurns > world.turns()) {
      throw new IllegalArgumentException(
          "max_turns: " + maxTurns + " is more than the scenario's " + world.turns());
    }
    long deadline = Integer.toUnsignedLong(req.getDeadlineSeconds());
    if (deadline > 7 * 24 * 3600) {
      throw new IllegalArgumentException(
          "deadline_seconds: at most a week (604800), got " + deadline);
    }
    DefaultOrderPolicy policy =
        req.getDefaultPolicy() == DefaultOrderPolicy.DEFAULT_ORDER_POLICY_UNSPECIFIED
                || req.getDefaultPolicy() == DefaultOrderPolicy.UNRECOGNIZED
            ? DefaultOrderPolicy.REPEAT_OR_HIDE
            : req.getDefaultPolicy();
    return new GameSettings(
        req.getName().isEmpty() ? world.name() : req.getName(),
        req.getSeed(),
        req.getDeadlineSeconds() * 1000L,
        policy,
        bots,
        req.getMaxTurns() == 0 ? world.turns() : req.getMaxTurns());
  }

  /** The scenario's default strategy for a seat, else the threat-balancer. */
  static String defaultStrategy(World world, String state) {
    String s = world.strategies().get(world.index(state));
    return s == null ? "threat-balancer" : s;
  }
}
