package org.entente.server.tournament;

import java.util.List;
import org.entente.server.engine.Scoring;

/**
 * What the standings need from one finished game, seat by seat in scenario order.
 *
 * @param game the game's index in the schedule
 * @param arena the scenario's index in the schedule
 * @param entrants the entrant index of each seat
 * @param scores each seat's final score, 0 to 100
 * @param survived whether each seat ended independent (the survival component of its score)
 */
public record GameResult(int game, int arena, int[] entrants, double[] scores, boolean[] survived) {

  /** The result of a game from its final scores (as {@link Scoring#scores} gives them). */
  public static GameResult of(int game, int arena, int[] entrants, List<Scoring.Score> scores) {
    double[] total = new double[scores.size()];
    boolean[] survived = new boolean[scores.size()];
    for (int i = 0; i < total.length; i++) {
      total[i] = scores.get(i).total();
      survived[i] = scores.get(i).survival() >= 1;
    }
    return new GameResult(game, arena, entrants.clone(), total, survived);
  }

  /** Number of seats. */
  public int seats() {
    return scores.length;
  }

  /**
   * Each seat's share of the win: the seats with the game's top score share one win equally (1 for
   * a sole winner, 1/2 each for two tied at the top, 0 for the others).
   */
  public double[] winShares() {
    double top = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      top = Math.max(top, s);
    }
    int tied = 0;
    for (double s : scores) {
      tied += s == top ? 1 : 0;
    }
    double[] out = new double[scores.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = scores[i] == top ? 1.0 / tied : 0;
    }
    return out;
  }
}
