package org.entente.server.tournament;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Plackett-Luce rating of entrants from multi-player games, fitted by the minorize-maximize (MM)
 * iteration. Each entrant has a strength {@code gamma > 0}; a game's seats are ranked by score, and
 * the ranking is read as a sequence of choices: first the top seat is chosen from all seats with
 * probability proportional to its entrant's strength, then the next from the seats left, and so on.
 * Seats tied on score form one stage and are chosen together from the same remaining set (Breslow's
 * treatment of ties); the last stage (the seats left at the end) is certain and carries no
 * information, so a game where every seat ties counts for nothing. An entrant holding several seats
 * of a game appears once per seat.
 *
 * <p>The MM update is {@code gamma_i = (a - 1 + w_i) / (b + D_i)}, where {@code w_i} counts the
 * choices of i's seats and {@code D_i} sums, over every stage where one of i's seats was still
 * unranked, the stage's size divided by the total strength of the seats still unranked. With {@code
 * a = 1, b = 0} this is the maximum-likelihood fit; the default adds a weak Gamma(2, 1) prior on
 * each strength (mode 1), so the estimate exists even for an entrant that always loses, and is
 * unique. Ratings are reported as log-strengths centred on their mean.
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

  private double[] iterate() {
    double[] gamma = new double[items];
    Arrays.fill(gamma, 1);
    for (int iter = 0; iter < 100_000; iter++) {
      double[] next = new double[items];
      double[] d = denominators(gamma);
      double change = 0;
      for (int i = 0; i < items; i++) {
        next[i] = d[i] + rate == 0 ? gamma[i] : (shape - 1 + wins[i]) / (rate + d[i]);
        change = Math.max(change, Math.abs(next[i] - gamma[i]) / Math.max(gamma[i], 1e-300));
      }
      gamma = next;
      if (change < 1e-12) {
        break;
      }
    }
    return gamma;
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
      double[] suffix = new double[order.length + 1];
      for (int p = order.length - 1; p >= 0; p--) {
        suffix[p] = suffix[p + 1] + gamma[order[p]];
      }
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

  /** Builds a model for tests that check the fit's stationarity. */
  static PlackettLuce of(int items, List<Ranking> games) {
    return new PlackettLuce(items, games, 1, 0);
  }
}
