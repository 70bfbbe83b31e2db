package org.entente.server.tournament;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Plackett-Luce rating of entrants from multi-player games, fitted by a damped Newton iteration.
 * Each entrant has a strength {@code gamma > 0}; a game's seats are ranked by score, and the
 * ranking is read as a sequence of choices: first the top seat is chosen from all seats with
 * probability proportional to its entrant's strength, then the next from the seats left, and so on.
 * Seats tied on score form one stage and are chosen together from the same remaining set (Breslow's
 * treatment of ties); the last stage (the seats left at the end) is certain and carries no
 * information, so a game where every seat ties counts for nothing. An entrant holding several seats
 * of a game appears once per seat.
 *
 * <p>The maximum satisfies the MM fixed point {@code gamma_i = (a - 1 + w_i) / (b + D_i)}, where
 * {@code w_i} counts the choices of i's seats and {@code D_i} sums, over every stage where one of
 * i's seats was still unranked, the stage's size divided by the total strength of the seats still
 * unranked. With {@code a = 1, b = 0} this is the maximum-likelihood fit; the default adds a weak
 * Gamma(2, 1) prior on each strength (mode 1), so the estimate exists even for an entrant that
 * always loses, and is unique. Ratings are reported as log-strengths centred on their mean.
 */
public final class PlackettLuce {
  /** One game: the entrant of each seat and each seat's score (higher is better). */
  public record Ranking(int[] entrants, double[] scores) {}

  private final int items;
  private final double shape;
  private final double rate;
  private final List<int[]> orders = new ArrayList<>(); // entrants, best seat first
  private final List<int[]> stageStarts = new ArrayList<>(); // start position of each stage
  private final double[] wins;

  private PlackettLuce(int items, List<Ranking> games, double shape, double rate) {
    this.items = items;
    this.shape = shape;
    this.rate = rate;
    this.wins = new double[items];
    for (Ranking r : games) {
      prepare(r);
    }
  }

  private void prepare(Ranking r) {
    int n = r.entrants().length;
    Integer[] seats = new Integer[n];
    for (int i = 0; i < n; i++) {
      seats[i] = i;
    }
    Arrays.sort(seats, (x, y) -> Double.compare(r.scores()[y], r.scores()[x]));
    int[] order = new int[n];
    for (int p = 0; p < n; p++) {
      order[p] = r.entrants()[seats[p]];
    }
    List<Integer> bounds = new ArrayList<>();
    int p = 0;
    while (p < n) {
      bounds.add(p);
      int q = p;
      while (q < n && r.scores()[seats[q]] == r.scores()[seats[p]]) {
        q++;
      }
      p = q;
    }
    // bounds holds each stage's start; the last stage (whoever is left) is certain: drop it
    if (bounds.size() < 2) {
      return;
    }
    int[] starts = new int[bounds.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = bounds.get(i);
    }
    for (int k = 0; k < starts[starts.length - 1]; k++) {
      wins[order[k]] += 1;
    }
    orders.add(order);
    stageStarts.add(starts);
  }

  /** The maximum-a-posteriori strengths with the default Gamma(2, 1) prior. */
  public static double[] fit(int items, List<Ranking> games) {
    return fit(items, games, 2, 1);
  }

  /**
   * The strengths maximizing the likelihood times a Gamma({@code shape}, {@code rate}) prior on
   * each ({@code shape = 1, rate = 0}: plain maximum likelihood, which needs every entrant to have
   * both won and lost a stage against the others).
   */
  public static double[] fit(int items, List<Ranking> games, double shape, double rate) {
    return new PlackettLuce(items, games, shape, rate).iterate();
  }

  // Newton's method on the log-strengths theta = log gamma, where the log-posterior is concave,
  // damped Levenberg-Marquardt style: each step solves (-H + lambda I) step = gradient and is kept
  // only if the objective rises. It reaches the maximum (the fixed point of the MM update above)
  // to machine precision in a few dozen steps, where the MM iteration itself can need hundreds of
  // thousands when strengths differ widely.
  private double[] iterate() {
    double[] theta = new double[items];
    double f = objective(theta);
    double lambda = 1e-6;
    for (int iter = 0; iter < 500; iter++) {
      double[] gamma = exp(theta);
      double[] grad = new double[items];
      double[][] curvature = new double[items][items]; // minus the Hessian
      derivatives(gamma, grad, curvature);
      double gradNorm = 0;
      for (double g : grad) {
        gradNorm = Math.max(gradNorm, Math.abs(g));
      }
      if (gradNorm < 1e-12 * (1 + orders.size())) {
        break;
      }
      boolean moved = false;
      double largest = 0;
      while (!moved && lambda < 1e12) {
        double[] step = solve(curvature, lambda, grad);
        double[] candidate = new double[items];
        largest = 0;
        for (int i = 0; i < items; i++) {
          candidate[i] = theta[i] + step[i];
          largest = Math.max(largest, Math.abs(step[i]));
        }
        double fc = objective(candidate);
        if (fc >= f) {
          theta = candidate;
          f = fc;
          moved = true;
          lambda = Math.max(lambda / 10, 1e-12);
        } else {
          lambda *= 10;
        }
      }
      if (!moved || largest < 1e-13) {
        break;
      }
    }
    return exp(theta);
  }

  private static double[] exp(double[] theta) {
    double[] out = new double[theta.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.exp(theta[i]);
    }
    return out;
  }

  // The log-posterior at log-strengths theta: each stage's chosen seats' log-strengths minus the
  // stage's size times the log of the total strength still unranked, plus the prior in gamma.
  private double objective(double[] theta) {
    double[] gamma = exp(theta);
    double f = 0;
    for (int g = 0; g < orders.size(); g++) {
      int[] order = orders.get(g);
      int[] starts = stageStarts.get(g);
      double[] suffix = suffix(order, gamma);
      for (int k = 0; k < starts.length - 1; k++) {
        for (int p = starts[k]; p < starts[k + 1]; p++) {
          f += theta[order[p]];
        }
        f -= (starts[k + 1] - starts[k]) * Math.log(suffix[starts[k]]);
      }
    }
    for (int i = 0; i < items; i++) {
      f += (shape - 1) * theta[i] - rate * gamma[i];
    }
    return f;
  }

  // Sums of the strengths of each position's seat and the seats after it.
  private static double[] suffix(int[] order, double[] gamma) {
    double[] suffix = new double[order.length + 1];
    for (int p = order.length - 1; p >= 0; p--) {
      suffix[p] = suffix[p + 1] + gamma[order[p]];
    }
    return suffix;
  }

  // The gradient of the objective in theta, and minus its Hessian: for each stage of size s with
  // unranked total S, q_i = (strength of i's unranked seats) / S adds s (diag(q) - q q^T).
  private void derivatives(double[] gamma, double[] grad, double[][] curvature) {
    double[] share = new double[items];
    int[] touched = new int[items];
    for (int g = 0; g < orders.size(); g++) {
      int[] order = orders.get(g);
      int[] starts = stageStarts.get(g);
      for (int k = 0; k < starts.length - 1; k++) {
        int size = starts[k + 1] - starts[k];
        for (int p = starts[k]; p < starts[k + 1]; p++) {
          grad[order[p]] += 1;
        }
        int count = 0;
        double total = 0;
        for (int p = starts[k]; p < order.length; p++) {
          int e = order[p];
          if (share[e] == 0) {
            touched[count++] = e;
          }
          share[e] += gamma[e];
          total += gamma[e];
        }
        for (int a = 0; a < count; a++) {
          int e = touched[a];
          double q = share[e] / total;
          grad[e] -= size * q;
          curvature[e][e] += size * q;
          for (int b = 0; b < count; b++) {
            curvature[e][touched[b]] -= size * q * (share[touched[b]] / total);
          }
        }
        for (int a = 0; a < count; a++) {
          share[touched[a]] = 0;
        }
      }
    }
    for (int i = 0; i < items; i++) {
      grad[i] += shape - 1 - rate * gamma[i];
      curvature[i][i] += rate * gamma[i];
    }
  }

  // Solves (m + lambda I) x = y for the symmetric positive semi-definite m by Cholesky.
  private static double[] solve(double[][] m, double lambda, double[] y) {
    int n = y.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = m[i][j] + (i == j ? lambda : 0);
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-300)) : sum / l[j][j];
      }
    }
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = y[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * z[k];
      }
      z[i] = sum / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = z[i];
      for (int k = i + 1; k < n; k++) {
        sum -= l[k][i] * x[k];
      }
      x[i] = sum / l[i][i];
    }
    return x;
  }

  /**
   * {@code D_i} of the MM update at strengths {@code gamma} (also the likelihood's gradient term).
   */
  double[] denominators(double[] gamma) {
    double[] d = new double[items];
    for (int g = 0; g < orders.size(); g++) {
      int[] order = orders.get(g);
      int[] starts = stageStarts.get(g);
      int stages = starts.length - 1;
      double[] suffix = suffix(order, gamma);
      double running = 0;
      int stage = 0;
      for (int p = 0; p < order.length; p++) {
        while (stage < stages && starts[stage] <= p) {
          int size = starts[stage + 1] - starts[stage];
          running += size / suffix[starts[stage]];
          stage++;
        }
        d[order[p]] += running;
      }
    }
    return d;
  }

  /** Counts of stage choices per entrant ({@code w_i}). */
  double[] wins() {
    return wins.clone();
  }

  /** Log-strengths centred on their mean: the ratings shown in the standings. */
  public static double[] centredLog(double[] gamma) {
    double[] out = new double[gamma.length];
    double mean = 0;
    for (int i = 0; i < gamma.length; i++) {
      out[i] = Math.log(gamma[i]);
      mean += out[i];
    }
    mean /= gamma.length;
    for (int i = 0; i < out.length; i++) {
      out[i] -= mean;
    }
    return out;
  }

  /**
   * The maximum-a-posteriori fit with the default prior, as centred log-strengths with their
   * standard errors. The errors come from the Laplace approximation: the posterior of the
   * log-strengths is taken as normal around the fit, with covariance the inverse of minus the
   * Hessian of the log-posterior there (which the prior keeps positive definite); a centred rating
   * {@code theta_i - mean(theta)} has variance {@code c^T C c} with {@code c = e_i - 1/n}.
   */
  public static Fit fitCentred(int items, List<Ranking> games) {
    PlackettLuce model = new PlackettLuce(items, games, 2, 1);
    double[] gamma = model.iterate();
    double[] grad = new double[items];
    double[][] curvature = new double[items][items];
    model.derivatives(gamma, grad, curvature);
    double[][] cov = new double[items][];
    for (int j = 0; j < items; j++) {
      double[] unit = new double[items];
      unit[j] = 1;
      cov[j] = solve(curvature, 0, unit);
    }
    double[] error = new double[items];
    for (int i = 0; i < items; i++) {
      double var = 0;
      for (int a = 0; a < items; a++) {
        double ca = (a == i ? 1 : 0) - 1.0 / items;
        for (int b = 0; b < items; b++) {
          var += ca * cov[a][b] * ((b == i ? 1 : 0) - 1.0 / items);
        }
      }
      error[i] = Math.sqrt(Math.max(var, 0));
    }
    return new Fit(centredLog(gamma), error);
  }

  /** Centred log-strengths and their standard errors, entrant by entrant. */
  public record Fit(double[] rating, double[] error) {}

  /**
   * The log-likelihood of {@code games} at log-strengths {@code theta} (no prior), with its
   * gradient and minus its Hessian: what an online Gaussian update (the ladder's) needs to add one
   * game's evidence to a prior of its own.
   */
  public static Derivatives logLikelihood(int items, List<Ranking> games, double[] theta) {
    PlackettLuce model = new PlackettLuce(items, games, 1, 0);
    double[] gamma = exp(theta);
    double[] grad = new double[items];
    double[][] curvature = new double[items][items];
    model.derivatives(gamma, grad, curvature);
    return new Derivatives(model.objective(theta), grad, curvature);
  }

  /** A log-likelihood's value, gradient and minus Hessian in the log-strengths. */
  public record Derivatives(double value, double[] gradient, double[][] curvature) {}

  /** Builds a model for tests that check the fit's stationarity. */
  static PlackettLuce of(int items, List<Ranking> games) {
    return new PlackettLuce(items, games, 1, 0);
  }
}
