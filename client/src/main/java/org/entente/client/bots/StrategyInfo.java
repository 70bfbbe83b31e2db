package org.entente.client.bots;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.entente.api.Bot;

/**
 * A built-in strategy as {@link Strategies} lists it: its name, a one-line description, the parts
 * of the {@link org.entente.api.PlayerView} it reads, and whether it keeps memory across turns.
 *
 * @param name the name used on the command line
 * @param summary what it does, in one line
 * @param reads the view parts its orders depend on (checked by a test)
 * @param adaptive true when it remembers earlier turns of the game (one instance per seat per game)
 */
public record StrategyInfo(
    String name, String summary, Set<ViewPart> reads, boolean adaptive, Supplier<Bot> factory) {
  public StrategyInfo {
    EnumSet<ViewPart> sorted = EnumSet.noneOf(ViewPart.class);
    sorted.addAll(reads);
    reads = Collections.unmodifiableSet(sorted);
  }

  /** A fresh bot playing this strategy. */
  public Bot create() {
    return factory.get();
  }
}
