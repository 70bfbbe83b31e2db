package org.entente.server.history;

import java.util.List;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Games;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.World;

/**
 * Everything known about one game, live or headless, as replay and the debrief read it: the world,
 * the seed, every position ({@code states.get(0)} is the start of turn 1, {@code states.get(t)} the
 * start of turn t+1), every turn's report, the injects before turn 1, the instructor's annotations,
 * and the strategies that played each seat (null for people).
 */
public record GameHistory(
    String gameId,
    World world,
    long seed,
    List<GameState> states,
    List<TurnReport> reports,
    List<TurnReport.Event> prologue,
    List<Annotation> annotations,
    java.util.Map<String, String> strategies) {

  public GameHistory {
    states = List.copyOf(states);
    reports = List.copyOf(reports);
    prologue = List.copyOf(prologue);
    annotations = List.copyOf(annotations);
    strategies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(strategies));
  }

  /** The history of a headless game. */
  public static GameHistory of(
      String gameId,
      World world,
      long seed,
      Games.Played played,
      java.util.Map<String, String> strategies) {
    return new GameHistory(
        gameId,
        world,
        seed,
        played.states(),
        played.reports(),
        played.prologue(),
        List.of(),
        strategies);
  }

  /** The last position. */
  public GameState last() {
    return states.get(states.size() - 1);
  }

  /** An instructor's note on a turn. */
  public record Annotation(int turn, String author, String text, long atEpochMillis) {}
}
