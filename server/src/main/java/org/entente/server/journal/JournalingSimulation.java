package org.entente.server.journal;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.client.bots.Strategies;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.Role;
import org.entente.server.engine.Games;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.Views;
import org.entente.server.engine.World;

/**
 * A headless game ({@code entente simulate}) played exactly as {@code Simulation.run} plays it,
 * with every turn's orders and hash written to a journal as a live game writes them.
 */
public final class JournalingSimulation {
  private JournalingSimulation() {}

  /** Plays the game, journaling it as {@code gameId} in {@code store}; returns what was played. */
  public static Games.Played run(
      JournalStore store,
      String gameId,
      ScenarioBytes scenario,
      World world,
      long seed,
      Map<String, String> strategies,
      int maxTurns)
      throws IOException {
    Map<String, Bot> bots = new TreeMap<>();
    strategies.forEach((seat, name) -> bots.put(seat, Strategies.create(name)));
    CreateGame settings =
        CreateGame.newBuilder()
            .setScenario(scenario.id())
            .setSeed(seed)
            .putAllBots(strategies)
            .setMaxTurns(maxTurns)
            .build();
    long now = System.currentTimeMillis();
    try (Journal j = store.create(gameId)) {
      j.append(Records.created(now, gameId, scenario, settings, seed, "", true));
      j.append(Records.member(now, "", Role.INSTRUCTOR, "", "simulate"));
      IOException[] failed = {null};
      AtomicReference<Map<String, Orders>> lastOrders = new AtomicReference<>(Map.of());
      Games.Played played =
          Games.play(
              world,
              seed,
              maxTurns,
              turn -> {
                if (turn.lastReport() != null) {
                  write(j, turn.lastReport(), lastOrders.get(), failed);
                }
                Views.Public pub = Views.publicPart(turn.state(), turn.lastReport());
                Map<String, Orders> orders = new TreeMap<>();
                for (var e : bots.entrySet()) {
                  if (turn.state().nation(e.getKey()).active()) {
                    Dice dice = Dice.of(seed, turn.state().turn(), "bot:" + e.getKey());
                    orders.put(e.getKey(), e.getValue().decide(Views.of(pub, e.getKey()), dice));
                  }
                }
                lastOrders.set(orders);
                return orders;
              });
      if (!played.reports().isEmpty()) {
        write(j, played.reports().get(played.reports().size() - 1), lastOrders.get(), failed);
      }
      if (failed[0] != null) {
        throw failed[0];
      }
      j.append(Records.finished(System.currentTimeMillis(), "the last turn has been played"));
      j.force();
      return played;
    }
  }

  private static void write(
      Journal j, TurnReport report, Map<String, Orders> orders, IOException[] failed) {
    if (failed[0] != null) {
      return;
    }
    try {
      j.append(
          Records.turn(
              System.currentTimeMillis(), report.turn(), orders, report.stateHash(), "headless"));
    } catch (IOException e) {
      failed[0] = e;
    }
  }
}
