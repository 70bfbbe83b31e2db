package org.entente.server.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.entente.api.Orders;
import org.entente.api.Stance;
import org.entente.server.engine.TurnReport.Event;

/** Starting a game from a world, and playing one headless. */
public final class Games {
  private Games() {}

  /** The position at the start of turn 1, with turn 1's scheduled injects applied. */
  public static Injects.Applied start(World world) {
    int n = world.size();
    List<Stance> none = new ArrayList<>(Collections.nCopies(n, (Stance) null));
    GameState s =
        new GameState(
            world,
            1,
            world.start(),
            Perception.startIntent(world),
            Perception.startIntent(world),
            world.startAlliances(),
            world.startClients(),
            List.of(),
            none,
            List.of(),
            Collections.nCopies(n, Tally.EMPTY),
            GameState.SystemTally.EMPTY,
            0,
            0);
    return Injects.scheduled(s);
  }

  /** A finished headless game: every position, every report, and the injects before turn 1. */
  public record Played(List<GameState> states, List<TurnReport> reports, List<Event> prologue) {
    public GameState last() {
      return states.get(states.size() - 1);
    }
  }

  /**
   * Plays {@code world} to the end (or {@code maxTurns}), asking {@code decide} for every turn's
   * orders given the position and the previous report (null before turn 1).
   */
  public static Played play(
      World world, long seed, int maxTurns, Function<Turn, Map<String, Orders>> decide) {
    Injects.Applied start = start(world);
    List<GameState> states = new ArrayList<>();
    List<TurnReport> reports = new ArrayList<>();
    GameState s = start.state();
    states.add(s);
    TurnReport last = null;
    while (!s.finished() && s.turn() <= maxTurns) {
      TurnResult r = Adjudicator.adjudicate(s, decide.apply(new Turn(s, last)), seed);
      s = r.state();
      last = r.report();
      states.add(s);
      reports.add(last);
    }
    return new Played(states, reports, start.events());
  }

  /** The position to decide on and the report of the turn before it (null on turn 1). */
  public record Turn(GameState state, TurnReport lastReport) {}
}
