package org.entente.server.ladder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.server.tournament.PlackettLuce;

/**
 * The ladder's online Bayesian rating. Each entrant's Plackett-Luce log-strength {@code theta} is
 * believed to be normal, {@code N(mean, variance)}, independently of the others. One game updates
 * the beliefs of the entrants that played it and no one else's:
 *
 * <ol>
 *   <li>each player's variance grows by {@code tau^2} (strengths may drift, as in TrueSkill);
 *   <li>the posterior of the players' log-strengths is the product of those normal priors and the
 *       game's Plackett-Luce likelihood (its seats ranked by score, ties chosen together, see
 *       {@link PlackettLuce}); its mode is found by Newton's method (the log-posterior is concave);
 *   <li>the posterior is approximated by a normal around that mode whose covariance is the inverse
 *       of minus the Hessian there (Laplace), and each player keeps its marginal: the mode as its
 *       new mean and the diagonal of that covariance as its new variance (assumed-density
 *       filtering: the correlations between players are dropped after each game).
 * </ol>
 *
 * A game therefore costs a Newton solve over at most its seat count of entrants, however large the
 * field, and a newcomer's rating moves towards its strength with each game it plays, against
 * opponents whose ratings are already known, without refitting anyone's history.
 */
final class Rating {
  /** A new entrant's belief: log-strength 0 (the field's starting level), sd 1.5. */
  static final Belief PRIOR = new Belief(0, 1.5 * 1.5);

  /** The drift added to each player's variance before a game (sd per game). */
  static final double TAU = 0.02;

  private Rating() {}

  /** A normal belief about one entrant's log-strength. */
  record Belief(double mean, double variance) {
    Belief {
      if (!(variance > 0) || !Double.isFinite(mean) || !Double.isFinite(variance)) {
        throw new IllegalArgumentException(
            "a belief needs a finite mean and a positive variance, got " + mean + ", " + variance);
      }
    }

    double sd() {
      return Math.sqrt(variance);
    }

    double low() {
      return mean - 1.96 * sd();
    }

    double high() {
      return mean + 1.96 * sd();
    }
  }

  /**
   * The players' beliefs after one game.
   *
   * @param seats the entrant of each seat (an entrant may hold several seats)
   * @param scores each seat's final score (higher is better)
   * @param before every player's belief before the game
   * @return the new belief of each player, in order of first seat
   */
  static Map<String, Belief> update(
      List<String> seats, double[] scores, Map<String, Belief> before) {
    if (seats.size() != scores.length) {
      throw new IllegalArgumentException(seats.size() + " seats but " + scores.length + " scores");
    }
    List<String> players = new ArrayList<>();
    int[] index = new int[seats.size()];
    for (int s = 0; s < seats.size(); s++) {
      int at = players.indexOf(seats.get(s));
      if (at < 0) {
        at = players.size();
        players.add(seats.get(s));
      }
      index[s] = at;
    }
    int k = players.size();
    double[] mean = new double[k];
    double[] variance = new double[k];
    for (int i = 0; i < k; i++) {
      Belief b = before.get(players.get(i));
      if (b == null) {
        throw new IllegalArgumentException("no belief for " + players.get(i));
      }
      mean[i] = b.mean();
      variance[i] = b.variance() + TAU * TAU;
    }
    List<PlackettLuce.Ranking> game = List.of(new PlackettLuce.Ranking(index, scores.clone()));
    double[] theta = mean.clone();
    double f = posterior(k, game, theta, mean, variance);
    for (int iter = 0; iter < 100; iter++) {
      PlackettLuce.Derivatives d = PlackettLuce.logLikelihood(k, game, theta);
      double[] grad = new double[k];
      double[][] h = new double[k][];
      for (int i = 0; i < k; i++) {
        grad[i] = d.gradient()[i] - (theta[i] - mean[i]) / variance[i];
        h[i] = d.curvature()[i].clone();
        h[i][i] += 1 / variance[i];
      }
      double[] step = solve(h, grad);
      double largest = 0;
      for (double x : step) {
        largest = Math.max(largest, Math.abs(x));
      }
      if (largest < 1e-12) {
        break;
      }
      // halve the step until the log-posterior does not fall (Newton's step is almost always
      // taken whole: the function is concave and smooth)
      double scale = 1;
      boolean moved = false;
      for (int tries = 0; tries < 40 && !moved; tries++) {
        double[] next = new double[k];
        for (int i = 0; i < k; i++) {
          next[i] = theta[i] + scale * step[i];
        }
        double fn = posterior(k, game, next, mean, variance);
        if (fn >= f) {
          theta = next;
          f = fn;
          moved = true;
        } else {
          scale /= 2;
        }
      }
      if (!moved) {
        break;
      }
    }
    PlackettLuce.Derivatives d = PlackettLuce.logLikelihood(k, game, theta);
    double[][] h = new double[k][];
    for (int i = 0; i < k; i++) {
      h[i] = d.curvature()[i].clone();
      h[i][i] += 1 / variance[i];
    }
    Map<String, Belief> out = new LinkedHashMap<>();
    for (int i = 0; i < k; i++) {
      double[] unit = new double[k];
      unit[i] = 1;
      double var = solve(h, unit)[i];
      out.put(players.get(i), new Belief(theta[i], var));
    }
    return out;
  }

  private static double posterior(
      int k, List<PlackettLuce.Ranking> game, double[] theta, double[] mean, double[] variance) {
    double f = PlackettLuce.logLikelihood(k, game, theta).value();
    for (int i = 0; i < k; i++) {
      double z = theta[i] - mean[i];
      f -= z * z / (2 * variance[i]);
    }
    return f;
  }

  // Solves m x = y for a symmetric positive definite m (Cholesky).
  static double[] solve(double[][] m, double[] y) {
    int n = y.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = m[i][j];
        for (int q = 0; q < j; q++) {
          sum -= l[i][q] * l[j][q];
        }
        if (i == j) {
          if (!(sum > 0)) {
            throw new ArithmeticException("the posterior's precision is not positive definite");
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = y[i];
      for (int q = 0; q < i; q++) {
        sum -= l[i][q] * z[q];
      }
      z[i] = sum / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = z[i];
      for (int q = i + 1; q < n; q++) {
        sum -= l[q][i] * x[q];
      }
      x[i] = sum / l[i][i];
    }
    return x;
  }
}
