package org.entente.server.bench;

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
import org.entente.server.engine.WorldBuilder;
import org.entente.server.sim.Simulation;

/**
 * The synthetic worlds and bot line-ups the benchmarks play: {@code n} states scattered on a plane
 * at constant density (about one state per 1,000 km square, so a bigger world is a bigger map, not
 * a more crowded one), one revisionist in eight, one starting alliance per eight states, and the
 * built-in strategies dealt round-robin so every strategy plays.
 */
public final class BenchWorlds {
  /** The strategies, dealt to the seats in turn: every built-in bot is in every 7-seat window. */
  public static final List<String> MIX =
      List.of(
          "threat-balancer",
          "opportunist",
          "power-balancer",
          "bandwagoner",
          "buck-passer",
          "hider",
          "random");

  private BenchWorlds() {}

  /**
   * A world of {@code n} states (ids S0..S{n-1}) and {@code turns} turns, jittered by {@code seed}.
   */
  public static World synthetic(int n, int turns, long seed) {
    Dice d = Dice.of(seed, 0, "bench-world");
    double side = 1000 * Math.sqrt(n);
    WorldBuilder b = new WorldBuilder().turns(turns).vary(seed);
    for (int i = 0; i < n; i++) {
      double size = 60 + 140 * d.nextDouble();
      WorldBuilder.Spec s =
          b.state(id(i))
              .size(size)
              .at(side * d.nextDouble(), side * d.nextDouble())
              .reach(800 + 900 * d.nextDouble())
              .offense(0.3 + 0.5 * d.nextDouble())
              .openness(d.nextDouble())
              .feared(0.1 + 0.2 * d.nextDouble());
      if (i % 8 == 1) {
        s.size(size * 1.5).offense(0.8).feared(0.5).revisionist();
      }
    }
    for (int a = 0; a + 1 < n; a += 8) {
      // two status-quo states of each block of eight (index 1 of every block is the revisionist)
      b.alliance("x" + a / 8, id(a + 1), id(a + 2 < n ? a + 2 : a), id(a + 3 < n ? a + 3 : a + 1));
    }
    return b.build();
  }

  public static String id(int i) {
    return "S" + i;
  }

  /** Seat to strategy name, {@link #MIX} dealt round-robin in scenario order. */
  public static Map<String, String> mixedStrategies(World world) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < world.size(); i++) {
      out.put(world.start().get(i).id(), MIX.get(i % MIX.size()));
    }
    return out;
  }

  /** One bot per seat for {@code strategies}. */
  public static Map<String, Bot> bots(Map<String, String> strategies) {
    Map<String, Bot> bots = new TreeMap<>();
    strategies.forEach((seat, name) -> bots.put(seat, Strategies.create(name)));
    return bots;
  }

  /**
   * The orders the bots send for {@code turn.state()}, exactly as {@link Simulation#play} computes
   * them.
   */
  public static Map<String, Orders> orders(Games.Turn turn, Map<String, Bot> bots, long seed) {
    Views.Public pub = Views.publicPart(turn.state(), turn.lastReport());
    Map<String, Orders> orders = new TreeMap<>();
    for (var e : bots.entrySet()) {
      if (turn.state().nation(e.getKey()).active()) {
        Dice dice = Dice.of(seed, turn.state().turn(), "bot:" + e.getKey());
        orders.put(e.getKey(), e.getValue().decide(Views.of(pub, e.getKey()), dice));
      }
    }
    return orders;
  }
}
