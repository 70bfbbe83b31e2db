package org.entente.server.tournament;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.entente.server.engine.World;
import org.entente.server.journal.ScenarioBytes;
import org.entente.server.scenario.ScenarioException;
import org.entente.server.scenario.ScenarioLoader;

/**
 * A scenario compiled once for a whole tournament: its world (shared read-only by every thread),
 * its seat ids in scenario order, and the file's bytes when games are journaled.
 *
 * @param id the built-in id or file the scenario came from
 * @param bytes the scenario file, or null when no journal is written
 */
public record Arena(String id, World world, List<String> seats, ScenarioBytes bytes) {

  public Arena {
    seats = List.copyOf(seats);
  }

  /** An arena for {@code world}, without the file's bytes. */
  public static Arena of(String id, World world) {
    List<String> seats = new ArrayList<>();
    world.start().forEach(n -> seats.add(n.id()));
    return new Arena(id, world, seats, null);
  }

  /**
   * Loads a built-in scenario or a scenario file once; keeps its bytes when {@code withBytes}.
   * Throws {@link IllegalArgumentException} naming the scenario and the problem.
   */
  public static Arena load(String idOrFile, boolean withBytes) {
    World world;
    try {
      world = ScenarioLoader.resolve(idOrFile).world();
    } catch (ScenarioException e) {
      throw new IllegalArgumentException(
          "--scenarios: cannot load '" + idOrFile + "': " + e.getMessage(), e);
    }
    Arena a = of(idOrFile, world);
    if (!withBytes) {
      return a;
    }
    try {
      return new Arena(a.id, world, a.seats, ScenarioBytes.resolve(idOrFile));
    } catch (IOException e) {
      throw new IllegalArgumentException("--scenarios: cannot read '" + idOrFile + "': " + e, e);
    }
  }

  /** Number of seats. */
  public int size() {
    return seats.size();
  }
}
