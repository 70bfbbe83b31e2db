package org.entente.server.tournament;

import java.util.Arrays;

/**
 * The few statistics the standings need, written out so they are exact and reproducible: means and
 * variances summed in index order, Student's t distribution (through the regularized incomplete
 * beta function), Welch's unequal-variance t-test and Holm's step-down correction.
 */
public final class Stats {
  private Stats() {}

  /** The mean of {@code xs}, summed in index order (NaN when empty). */
  public static double mean(double[] xs) {
    if (xs.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double x : xs) {
      sum += x;
    }
    return sum / xs.length;
  }

  /** The sample variance (n - 1 in the denominator) of {@code xs}; 0 for fewer than two values. */
  public static double variance(double[] xs) {
    if (xs.length < 2) {
      return 0;
    }
    double m = mean(xs);
    double ss = 0;
    for (double x : xs) {
      ss += (x - m) * (x - m);
    }
    return ss / (xs.length - 1);
  }

  /**
   * The half-width of the 95% confidence interval of the mean of {@code xs}: {@code t(0.975, n-1) *
   * s / sqrt(n)}; NaN for fewer than two values.
   */
  public static double halfWidth95(double[] xs) {
    if (xs.length < 2) {
      return Double.NaN;
    }
    return tQuantile(0.975, xs.length - 1) * Math.sqrt(variance(xs) / xs.length);
  }

  /** The result of a Welch test: the statistic, its degrees of freedom and the two-sided p. */
  public record Welch(double t, double df, double p) {}

  /**
   * Welch's t-test of equal means for two independent samples (each of at least two values). When
   * both samples have no spread, p is 1 if the means are equal and 0 otherwise.
   */
  public static Welch welch(double[] a, double[] b) {
    if (a.length < 2 || b.length < 2) {
      return new Welch(Double.NaN, Double.NaN, 1);
    }
    double va = variance(a) / a.length;
    double vb = variance(b) / b.length;
    double diff = mean(a) - mean(b);
    if (va + vb == 0) {
      return new Welch(Double.NaN, Double.NaN, diff == 0 ? 1 : 0);
    }
    double t = diff / Math.sqrt(va + vb);
    double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
    return new Welch(t, df, twoSidedP(t, df));
  }

  /** The two-sided p-value of {@code t} under Student's t with {@code df} degrees of freedom. */
  public static double twoSidedP(double t, double df) {
    return regularizedBeta(df / (df + t * t), df / 2, 0.5);
  }

  /** Student's t cumulative distribution function. */
  public static double tCdf(double t, double df) {
    double tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
    return t >= 0 ? 1 - tail : tail;
  }

  /** The {@code p}-quantile of Student's t with {@code df} degrees of freedom (0 < p < 1). */
  public static double tQuantile(double p, double df) {
    if (!(p > 0 && p < 1) || !(df > 0)) {
      throw new IllegalArgumentException("tQuantile needs 0 < p < 1 and df > 0");
    }
    if (p < 0.5) {
      return -tQuantile(1 - p, df);
    }
    double lo = 0;
    double hi = 1;
    while (tCdf(hi, df) < p) {
      hi *= 2;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
      double mid = 0.5 * (lo + hi);
      if (tCdf(mid, df) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /**
   * Holm's step-down adjustment of {@code p}: sorted ascending, the i-th smallest (from 0) is
   * multiplied by {@code m - i}, capped at 1, and made monotone. Comparing the adjusted values with
   * alpha keeps the family-wise error rate at alpha.
   */
  public static double[] holm(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(p[x], p[y]));
    double[] out = new double[m];
    double running = 0;
    for (int r = 0; r < m; r++) {
      double adj = Math.min(1, (m - r) * p[order[r]]);
      running = Math.max(running, adj);
      out[order[r]] = running;
    }
    return out;
  }

  /** The regularized incomplete beta function I_x(a, b) for 0 <= x <= 1 and a, b > 0. */
  public static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(logFront) * betaFraction(x, a, b) / a;
    }
    // the same front factor serves I_{1-x}(b, a), since B(a, b) = B(b, a)
    return 1 - Math.exp(logFront) * betaFraction(1 - x, b, a) / b;
  }

  // The continued fraction of I_x(a, b), evaluated by the modified Lentz method.
  private static double betaFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = Math.abs(d) < tiny ? tiny : d;
    d = 1 / d;
    double f = d;
    for (int m = 1; m <= 10_000; m++) {
      int m2 = 2 * m;
      double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + even * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + even / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      f *= d * c;
      double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + odd * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + odd / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double step = d * c;
      f *= step;
      if (Math.abs(step - 1) < 1e-15) {
        break;
      }
    }
    return f;
  }

  /** ln B(a, b). */
  static double logBeta(double a, double b) {
    return logGamma(a) + logGamma(b) - logGamma(a + b);
  }

  // Lanczos' approximation (g = 7, nine terms), with the reflection formula below 1/2.
  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };

  /** ln Gamma(x) for x > 0. */
  static double logGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
