package org.entente.server.chaos;

import java.util.concurrent.ThreadLocalRandom;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;

/**
 * A strategy that takes a random while (up to {@code maxMillis}) before deciding, as a person at a
 * keyboard would, so that games last longer than a round trip. The pause draws on no game dice: the
 * orders are the strategy's own.
 */
record ThinkingBot(Bot strategy, int maxMillis) implements Bot {
  @Override
  public String name() {
    return strategy.name();
  }

  @Override
  public Orders decide(PlayerView view, Dice dice) {
    if (maxMillis > 0) {
      try {
        Thread.sleep(ThreadLocalRandom.current().nextInt(maxMillis + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return strategy.decide(view, dice);
  }
}
