package org.entente.server.tournament;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The standings of a finished tournament, overall, per scenario and per seat.
 *
 * <p><b>Observations.</b> Mean scores, their 95% confidence intervals and the pairwise tests use
 * one observation per game and entrant: the mean score of the entrant's seats in that game (games
 * are independent, seats of one game are not). Survival and win rates count seat-plays: the share
 * of an entrant's seats that ended independent, and its mean share of wins, where a game's win goes
 * to the seat with the top score and is split equally among seats tied at the top.
 *
 * <p><b>Significance.</b> Every pair of entrants is compared with Welch's t-test on those per-game
 * observations, and the p-values of one scope (overall, or one scenario) are adjusted together with
 * Holm's correction; a difference is significant when the adjusted p is below 0.05.
 *
 * @param rows every row: overall, then per scenario, then per scenario and seat
 * @param pairs every pairwise comparison, overall first, then per scenario
 * @param results every game's result, in game order
 */
public record Standings(
    Schedule schedule, List<Row> rows, List<Pair> pairs, List<GameResult> results) {
  /** The family-wise significance level of the pairwise comparisons. */
  public static final double ALPHA = 0.05;

  /** The normal quantile of a two-sided 95% interval. */
  static final double Z95 = 1.959963984540054;

  /**
   * Head to head: entrant {@code a}'s mean per-game observation (the mean of its seats' scores in a
   * game) over the games in which entrant {@code b} also held a seat.
   *
   * @param games how many such games (0 when they never met; the mean is then NaN)
   */
  public record HeadToHead(String a, String b, int games, double mean) {}

  /** Every ordered pair of different entrants, in entrant order, over every game. */
  public List<HeadToHead> headToHead() {
    int k = schedule.entrants().size();
    double[][] sum = new double[k][k];
    int[][] count = new int[k][k];
    for (GameResult r : results) {
      double[] total = new double[k];
      int[] seats = new int[k];
      for (int s = 0; s < r.seats(); s++) {
        total[r.entrants()[s]] += r.scores()[s];
        seats[r.entrants()[s]]++;
      }
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          if (a != b && seats[a] > 0 && seats[b] > 0) {
            sum[a][b] += total[a] / seats[a];
            count[a][b]++;
          }
        }
      }
    }
    List<HeadToHead> out = new ArrayList<>();
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        if (a != b) {
          out.add(
              new HeadToHead(
                  schedule.entrants().get(a).name(),
                  schedule.entrants().get(b).name(),
                  count[a][b],
                  count[a][b] == 0 ? Double.NaN : sum[a][b] / count[a][b]));
        }
      }
    }
    return out;
  }

  /** The scope of a row: every game, one scenario's games, or one seat of one scenario. */
  public enum Scope {
    OVERALL,
    SCENARIO,
    SEAT
  }

  /**
   * One entrant's line in one scope.
   *
   * @param scenario the scenario's id ("" overall)
   * @param seat the seat ("" unless the scope is SEAT)
   * @param games the number of observations (games the entrant played in the scope)
   * @param seatPlays the number of seats the entrant held in those games
   * @param rating the Plackett-Luce log-strength (NaN for seat rows)
   * @param ratingLow the lower end of the rating's 95% interval (Laplace approximation)
   * @param ratingHigh its upper end
   */
  public record Row(
      Scope scope,
      String scenario,
      String seat,
      String entrant,
      int games,
      int seatPlays,
      double mean,
      double ciLow,
      double ciHigh,
      double survival,
      double winRate,
      double rating,
      double ratingLow,
      double ratingHigh) {}

  /**
   * One pairwise comparison in a scope.
   *
   * @param diff mean of {@code a} minus mean of {@code b}
   * @param pHolm the Holm-adjusted p-value within the scope
   */
  public record Pair(
      String scenario,
      String a,
      String b,
      double diff,
      double t,
      double df,
      double p,
      double pHolm) {
    /** True when the difference is significant at {@link #ALPHA} after Holm's correction. */
    public boolean significant() {
      return pHolm < ALPHA;
    }
  }

  /** Computes the standings of {@code results} (in game order) of {@code schedule}. */
  public static Standings of(Schedule schedule, List<GameResult> results) {
    List<Row> rows = new ArrayList<>();
    List<Pair> pairs = new ArrayList<>();
    Cells overall = new Cells(schedule.entrants().size());
    overall.addAll(results);
    rows.addAll(overall.rows(Scope.OVERALL, "", "", schedule));
    pairs.addAll(overall.pairs("", schedule));
    for (int a = 0; a < schedule.arenas().size(); a++) {
      Cells c = new Cells(schedule.entrants().size());
      int arena = a;
      c.addAll(results.stream().filter(r -> r.arena() == arena).toList());
      String id = schedule.arenas().get(a).id();
      rows.addAll(c.rows(Scope.SCENARIO, id, "", schedule));
      pairs.addAll(c.pairs(id, schedule));
    }
    for (int a = 0; a < schedule.arenas().size(); a++) {
      Arena arena = schedule.arenas().get(a);
      for (int s = 0; s < arena.size(); s++) {
        Cells c = new Cells(schedule.entrants().size());
        for (GameResult r : results) {
          if (r.arena() == a) {
            c.addSeat(r, s);
          }
        }
        rows.addAll(c.rows(Scope.SEAT, arena.id(), arena.seats().get(s), schedule));
      }
    }
    return new Standings(schedule, List.copyOf(rows), List.copyOf(pairs), List.copyOf(results));
  }

  /** The rows of one scope and scenario, best mean first. */
  public List<Row> rows(Scope scope, String scenario) {
    return rows.stream().filter(r -> r.scope() == scope && r.scenario().equals(scenario)).toList();
  }

  /** The pairwise comparisons of one scenario ("" for overall). */
  public List<Pair> pairs(String scenario) {
    return pairs.stream().filter(p -> p.scenario().equals(scenario)).toList();
  }

  /** The comparison of entrants {@code a} and {@code b} overall (in either order), or null. */
  public Pair pair(String a, String b) {
    for (Pair p : pairs("")) {
      if ((p.a().equals(a) && p.b().equals(b)) || (p.a().equals(b) && p.b().equals(a))) {
        return p;
      }
    }
    return null;
  }

  /** What one scope has gathered per entrant, in game order. */
  private static final class Cells {
    final int k;
    final List<List<Double>> observations = new ArrayList<>();
    final int[] seatPlays;
    final int[] survived;
    final double[] winShares;
    final List<PlackettLuce.Ranking> rankings = new ArrayList<>();
    boolean rated = true;

    Cells(int k) {
      this.k = k;
      for (int i = 0; i < k; i++) {
        observations.add(new ArrayList<>());
      }
      seatPlays = new int[k];
      survived = new int[k];
      winShares = new double[k];
    }

    void addAll(List<GameResult> results) {
      for (GameResult r : results) {
        add(r);
      }
    }

    /** A whole game: one observation per entrant present, every seat counted. */
    void add(GameResult r) {
      double[] wins = r.winShares();
      double[] sum = new double[k];
      int[] seats = new int[k];
      for (int s = 0; s < r.seats(); s++) {
        int e = r.entrants()[s];
        sum[e] += r.scores()[s];
        seats[e]++;
        seatPlays[e]++;
        survived[e] += r.survived()[s] ? 1 : 0;
        winShares[e] += wins[s];
      }
      for (int e = 0; e < k; e++) {
        if (seats[e] > 0) {
          observations.get(e).add(sum[e] / seats[e]);
        }
      }
      rankings.add(new PlackettLuce.Ranking(r.entrants(), r.scores()));
    }

    /** One seat of a game. */
    void addSeat(GameResult r, int s) {
      rated = false;
      int e = r.entrants()[s];
      observations.get(e).add(r.scores()[s]);
      seatPlays[e]++;
      survived[e] += r.survived()[s] ? 1 : 0;
      winShares[e] += r.winShares()[s];
    }

    double[] values(int e) {
      List<Double> l = observations.get(e);
      double[] out = new double[l.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = l.get(i);
      }
      return out;
    }

    List<Row> rows(Scope scope, String scenario, String seat, Schedule schedule) {
      double[] rating = new double[k];
      double[] error = new double[k];
      Arrays.fill(rating, Double.NaN);
      Arrays.fill(error, Double.NaN);
      if (rated && !rankings.isEmpty()) {
        PlackettLuce.Fit fit = PlackettLuce.fitCentred(k, rankings);
        rating = fit.rating();
        error = fit.error();
      }
      List<Row> out = new ArrayList<>();
      for (int e = 0; e < k; e++) {
        if (seatPlays[e] == 0) {
          continue;
        }
        double[] xs = values(e);
        double m = Stats.mean(xs);
        double h = Stats.halfWidth95(xs);
        out.add(
            new Row(
                scope,
                scenario,
                seat,
                schedule.entrants().get(e).name(),
                xs.length,
                seatPlays[e],
                m,
                m - h,
                m + h,
                (double) survived[e] / seatPlays[e],
                winShares[e] / seatPlays[e],
                rating[e],
                rating[e] - Z95 * error[e],
                rating[e] + Z95 * error[e]));
      }
      out.sort(Comparator.comparingDouble(Row::mean).reversed());
      return out;
    }

    List<Pair> pairs(String scenario, Schedule schedule) {
      List<int[]> which = new ArrayList<>();
      List<Stats.Welch> tests = new ArrayList<>();
      for (int a = 0; a < k; a++) {
        for (int b = a + 1; b < k; b++) {
          if (seatPlays[a] > 0 && seatPlays[b] > 0) {
            which.add(new int[] {a, b});
            tests.add(Stats.welch(values(a), values(b)));
          }
        }
      }
      double[] p = new double[tests.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = tests.get(i).p();
      }
      double[] adjusted = Stats.holm(p);
      List<Pair> out = new ArrayList<>();
      for (int i = 0; i < p.length; i++) {
        int a = which.get(i)[0];
        int b = which.get(i)[1];
        Stats.Welch w = tests.get(i);
        out.add(
            new Pair(
                scenario,
                schedule.entrants().get(a).name(),
                schedule.entrants().get(b).name(),
                Stats.mean(values(a)) - Stats.mean(values(b)),
                w.t(),
                w.df(),
                w.p(),
                adjusted[i]));
      }
      return out;
    }
  }
}
