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
 * @param components each seat's score components in the order of {@link #COMPONENTS}
 */
public record GameResult(
    int game,
    int arena,
    int[] entrants,
    double[] scores,
    boolean[] survived,
    double[][] components) {
  /** The score components, in the order of {@link #components}. */
  public static final List<String> COMPONENTS =
      List.of("survival", "security", "autonomy", "power", "objectives");

  /** A result whose components are not known (all NaN). */
  public GameResult(int game, int arena, int[] entrants, double[] scores, boolean[] survived) {
    this(game, arena, entrants, scores, survived, unknownComponents(scores.length));
  }

  private static double[][] unknownComponents(int seats) {
    double[][] c = new double[seats][COMPONENTS.size()];
    for (double[] row : c) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    return c;
  }

  /** The result of a game from its final scores (as {@link Scoring#scores} gives them). */
  public static GameResult of(int game, int arena, int[] entrants, List<Scoring.Score> scores) {
    double[] total = new double[scores.size()];
    boolean[] survived = new boolean[scores.size()];
    double[][] components = new double[scores.size()][];
    for (int i = 0; i < total.length; i++) {
      Scoring.Score sc = scores.get(i);
      total[i] = sc.total();
      survived[i] = sc.survival() >= 1;
      components[i] =
          new double[] {sc.survival(), sc.security(), sc.autonomy(), sc.power(), sc.objectives()};
    }
    return new GameResult(game, arena, entrants.clone(), total, survived, components);
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
