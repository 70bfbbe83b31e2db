package org.entente.client.bots;

import java.util.List;
import java.util.function.Supplier;
import org.entente.api.Bot;

/**
 * Names and creates the built-in bot strategies: {@code threat-balancer} (the reference
 * threat-driven bot), {@code power-balancer}, {@code bandwagoner}, {@code hider}, {@code
 * buck-passer}, {@code opportunist} and {@code random}.
 */
public final class Strategies {
  private record Entry(String name, Supplier<Bot> factory) {}

  private static final List<Entry> ENTRIES =
      List.of(
          new Entry(ThreatBalancer.NAME, ThreatBalancer::new),
          new Entry(PowerBalancer.NAME, PowerBalancer::new),
          new Entry(Bandwagoner.NAME, Bandwagoner::new),
          new Entry(Hider.NAME, Hider::new),
          new Entry(BuckPasser.NAME, BuckPasser::new),
          new Entry(Opportunist.NAME, Opportunist::new),
          new Entry(RandomBot.NAME, RandomBot::new));

  private Strategies() {}

  /** The names of the built-in strategies, the reference bot first. */
  public static List<String> names() {
    return ENTRIES.stream().map(Entry::name).toList();
  }

  /**
   * A bot playing the strategy {@code name}. Bots are stateless, so one instance may serve many
   * seats and games.
   *
   * @throws IllegalArgumentException if no built-in strategy has that name
   */
  public static Bot create(String name) {
    for (Entry e : ENTRIES) {
      if (e.name().equals(name)) {
        return e.factory().get();
      }
    }
    throw new IllegalArgumentException(
        "unknown strategy '" + name + "'; known strategies: " + String.join(", ", names()));
  }
}
