package org.entente.server.sim;

import java.util.List;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.client.bots.Strategies;
import org.entente.server.engine.GameState;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.Views;

/**
 * Creates the bot for a seat of a game already under way. An adaptive strategy remembers earlier
 * turns, so a bot that takes a seat late (a recovered game, a branch, an autopilot) is first shown
 * the seat's view of every turn already played, with the dice it would have drawn: it then decides
 * as a bot that had played the seat from turn 1 would. Stateless strategies need no such replay.
 */
public final class SeatBots {
  private SeatBots() {}

  /**
   * A bot for {@code seat} playing {@code strategy}, having seen turns 1 to {@code past.size()}.
   *
   * @param past the position at the start of each turn already played, turn 1 first
   * @param reports the report of each of those turns, same order (at least {@code past.size() - 1})
   */
  public static Bot joining(
      String strategy, String seat, long seed, List<GameState> past, List<TurnReport> reports) {
    Bot bot = Strategies.create(strategy);
    if (!Strategies.info(strategy).adaptive()) {
      return bot;
    }
    for (int k = 0; k < past.size(); k++) {
      GameState s = past.get(k);
      if (s.world().index(seat) < 0) {
        throw new IllegalArgumentException("no seat " + seat + " in " + s.world().id());
      }
      TurnReport last = k == 0 ? null : reports.get(k - 1);
      bot.decide(Views.of(s, last, seat), Dice.of(seed, s.turn(), "bot:" + seat));
    }
    return bot;
  }
}
