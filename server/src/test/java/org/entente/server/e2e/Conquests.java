package org.entente.server.e2e;

import java.util.Map;
import java.util.function.Predicate;
import org.entente.server.engine.Games;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.World;
import org.entente.server.sim.Simulation;

/**
 * Seeds for the end-to-end tests about conquered seats: the first seed whose uninterrupted game,
 * with the given strategies, conquers a seat the test plays remotely before the last turn. Chosen
 * by playing, so that the tests keep testing a conquest whatever the bots' decisions become.
 */
final class Conquests {
  static final int MAX_SEED = 60;

  private Conquests() {}

  /** The first conquest of a game: its report and its war. */
  record Conquest(long seed, Games.Played played, TurnReport report, TurnReport.War war) {
    String fallen() {
      return war.target();
    }

    int turn() {
      return report.turn();
    }
  }

  /** The first conquest in {@code played} of a state {@code seat} accepts, or null. */
  static Conquest first(long seed, Games.Played played, Predicate<String> seat) {
    for (TurnReport r : played.reports()) {
      for (TurnReport.War w : r.wars()) {
        if (w.conquered() && seat.test(w.target())) {
          return new Conquest(seed, played, r, w);
        }
      }
    }
    return null;
  }

  /**
   * The lowest seed in [1, {@value #MAX_SEED}] whose game conquers a state {@code seat} accepts
   * before the last turn; fails if none does.
   */
  static Conquest seed(World world, Map<String, String> strategies, Predicate<String> seat) {
    return seed(world, strategies, seat, world.turns());
  }

  /**
   * The lowest seed in [1, {@value #MAX_SEED}] whose game conquers a state {@code seat} accepts in
   * a turn before {@code beforeTurn}; fails if none does.
   */
  static Conquest seed(
      World world, Map<String, String> strategies, Predicate<String> seat, int beforeTurn) {
    for (long s = 1; s <= MAX_SEED; s++) {
      Games.Played played = Simulation.run(world, s, strategies, world.turns());
      Conquest c = first(s, played, seat);
      if (c != null && c.turn() < beforeTurn) {
        return c;
      }
    }
    throw new AssertionError(
        "no seed in 1.."
            + MAX_SEED
            + " of "
            + world.id()
            + " conquers such a seat before turn "
            + beforeTurn);
  }
}
