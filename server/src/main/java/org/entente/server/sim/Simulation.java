package org.entente.server.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.client.bots.Strategies;
import org.entente.server.engine.Games;
import org.entente.server.engine.Views;
import org.entente.server.engine.World;

/**
 * A whole game played headless by bots: each seat's bot sees only the view its seat would get, and
 * draws from its own seeded stream, so a game is a pure function of (world, seed, strategies).
 */
public final class Simulation {
  /** The strategy a seat falls back to when neither the command line nor the scenario names one. */
  public static final String FALLBACK_STRATEGY = "threat-balancer";

  private Simulation() {}

  /**
   * The strategy of every seat, in scenario order: {@code overrides} first, then the scenario's
   * default, then {@link #FALLBACK_STRATEGY}. Throws on an override for an unknown seat or an
   * unknown strategy.
   */
  public static Map<String, String> strategies(World world, Map<String, String> overrides) {
    for (var e : overrides.entrySet()) {
      if (world.index(e.getKey()) < 0) {
        throw new IllegalArgumentException(
            "--bots: no seat '" + e.getKey() + "' in " + world.id() + "; seats: " + seats(world));
      }
      if (!Strategies.names().contains(e.getValue())) {
        throw new IllegalArgumentException(
            "--bots: unknown strategy '"
                + e.getValue()
                + "' for "
                + e.getKey()
                + "; known: "
                + Strategies.names());
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < world.size(); i++) {
      String seat = world.start().get(i).id();
      String scenarioDefault = world.strategies().get(i);
      out.put(
          seat,
          overrides.getOrDefault(
              seat, scenarioDefault == null ? FALLBACK_STRATEGY : scenarioDefault));
    }
    return out;
  }

  private static List<String> seats(World world) {
    return world.start().stream().map(n -> n.id()).toList();
  }

  /** A headless game ready to play: its world, every seat's strategy, and how many turns. */
  public record Setup(World world, Map<String, String> strategies, int maxTurns) {
    /** Plays it. */
    public Games.Played play(long seed) {
      return run(world, seed, strategies, maxTurns);
    }
  }

  /**
   * Checks a command line's scenario (a built-in id or a file), bots and turn limit; throws {@link
   * IllegalArgumentException} with a message for the user naming what is wrong.
   */
  public static Setup prepare(String scenario, Map<String, String> bots, Integer turns) {
    World world;
    try {
      world = org.entente.server.scenario.ScenarioLoader.resolve(scenario).world();
    } catch (org.entente.server.scenario.ScenarioException e) {
      throw new IllegalArgumentException(
          "cannot load scenario " + scenario + ": " + e.getMessage(), e);
    }
    if (turns != null && turns < 1) {
      throw new IllegalArgumentException("--turns must be at least 1, got " + turns);
    }
    return new Setup(world, strategies(world, bots), turns == null ? world.turns() : turns);
  }

  /** Plays {@code world} with the given strategy per seat, for at most {@code maxTurns} turns. */
  public static Games.Played run(
      World world, long seed, Map<String, String> strategies, int maxTurns) {
    Map<String, Bot> bots = new TreeMap<>();
    strategies.forEach((seat, name) -> bots.put(seat, Strategies.create(name)));
    return play(world, seed, bots, maxTurns);
  }

  /** Plays {@code world} with the given bot per seat (seats without a bot send no orders). */
  public static Games.Played play(World world, long seed, Map<String, Bot> bots, int maxTurns) {
    return Games.play(
        world,
        seed,
        maxTurns,
        turn -> {
          Views.Public pub = Views.publicPart(turn.state(), turn.lastReport());
          Map<String, Orders> orders = new TreeMap<>();
          for (var e : bots.entrySet()) {
            if (turn.state().nation(e.getKey()).active()) {
              Dice dice = Dice.of(seed, turn.state().turn(), "bot:" + e.getKey());
              orders.put(e.getKey(), e.getValue().decide(Views.of(pub, e.getKey()), dice));
            }
          }
          return orders;
        });
  }

  /** The turn hashes of a played game, in order. */
  public static List<String> hashes(Games.Played played) {
    List<String> out = new ArrayList<>();
    played.reports().forEach(r -> out.add(r.stateHash()));
    return Collections.unmodifiableList(out);
  }
}
