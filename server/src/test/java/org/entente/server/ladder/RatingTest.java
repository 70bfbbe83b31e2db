package org.entente.server.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.entente.server.tournament.PlackettLuce;
import org.junit.jupiter.api.Test;

/**
 * The ladder's online rating against games drawn from a known Plackett-Luce model: each game is one
 * update of the players' beliefs, and the beliefs must find the true strengths, with intervals that
 * shrink and cover them, and a newcomer must be rated against a settled field without refitting
 * anyone.
 */
class RatingTest {

  // One game of 8 seats: each seat's score is its entrant's log-strength plus Gumbel noise, so the
  // order of scores is a Plackett-Luce draw with those strengths.
  static double[] play(List<String> seats, Map<String, Double> truth, Random r) {
    double[] scores = new double[seats.size()];
    for (int s = 0; s < scores.length; s++) {
      scores[s] = truth.get(seats.get(s)) - Math.log(-Math.log(r.nextDouble()));
    }
    return scores;
  }

  static void rate(Map<String, Rating.Belief> beliefs, List<String> seats, double[] scores) {
    Map<String, Rating.Belief> before = new LinkedHashMap<>();
    seats.forEach(s -> before.put(s, beliefs.get(s)));
    beliefs.putAll(Rating.update(seats, scores, before));
  }

  static List<String> seating(List<String> field, Random r) {
    List<String> pool = new ArrayList<>(field);
    java.util.Collections.shuffle(pool, r);
    return List.copyOf(pool.subList(0, 8));
  }

  @Test
  void aWinOverAnEqualRaisesTheWinnerAsMuchAsItLowersTheLoser() {
    Map<String, Rating.Belief> before = Map.of("a", Rating.PRIOR, "b", Rating.PRIOR);
    Map<String, Rating.Belief> after =
        Rating.update(List.of("a", "b"), new double[] {60, 40}, before);
    assertThat(after.get("a").mean()).isPositive();
    assertThat(after.get("a").mean()).isCloseTo(-after.get("b").mean(), within(1e-9));
    assertThat(after.get("a").variance()).isLessThan(Rating.PRIOR.variance());
    // a tie carries no information: only the drift is added
    Map<String, Rating.Belief> tie =
        Rating.update(List.of("a", "b"), new double[] {50, 50}, before);
    assertThat(tie.get("a").mean()).isZero();
    assertThat(tie.get("a").variance())
        .isCloseTo(Rating.PRIOR.variance() + Rating.TAU * Rating.TAU, within(1e-12));
  }

  @Test
  void theMeanIsTheModeOfThePosterior() {
    // at the new mean, the log-likelihood's gradient balances the prior's pull
    Map<String, Rating.Belief> before =
        Map.of(
            "a", new Rating.Belief(0.3, 0.5), "b", new Rating.Belief(-0.2, 1.0), "c", Rating.PRIOR);
    List<String> seats = List.of("a", "b", "c", "b");
    double[] scores = {70, 80, 20, 75};
    Map<String, Rating.Belief> after = Rating.update(seats, scores, before);
    double[] theta = {after.get("a").mean(), after.get("b").mean(), after.get("c").mean()};
    var d =
        PlackettLuce.logLikelihood(
            3, List.of(new PlackettLuce.Ranking(new int[] {0, 1, 2, 1}, scores)), theta);
    String[] names = {"a", "b", "c"};
    for (int i = 0; i < 3; i++) {
      Rating.Belief b = before.get(names[i]);
      double v = b.variance() + Rating.TAU * Rating.TAU;
      assertThat(d.gradient()[i] - (theta[i] - b.mean()) / v).isCloseTo(0, within(1e-8));
    }
  }

  @Test
  void ratingsFindTheTrueStrengthsAndANewcomerConvergesWithoutRefitting() {
    Random r = new Random(11);
    Map<String, Double> truth = new HashMap<>();
    List<String> field = new ArrayList<>();
    double[] strengths = {1.2, 0.8, 0.4, 0.0, 0.0, -0.4, -0.8, -1.2, 0.6, -0.6};
    for (int i = 0; i < strengths.length; i++) {
      truth.put("s" + i, strengths[i]);
      field.add("s" + i);
    }
    Map<String, Rating.Belief> beliefs = new HashMap<>();
    field.forEach(f -> beliefs.put(f, Rating.PRIOR));
    List<PlackettLuce.Ranking> all = new ArrayList<>();
    for (int g = 0; g < 600; g++) {
      List<String> seats = seating(field, r);
      double[] scores = play(seats, truth, r);
      rate(beliefs, seats, scores);
    }
    for (String f : field) {
      Rating.Belief b = beliefs.get(f);
      assertThat(b.mean()).as(f).isCloseTo(truth.get(f), within(3.5 * b.sd()));
      assertThat(b.sd()).as(f).isLessThan(0.2);
    }
    Map<String, Double> settled = new HashMap<>();
    field.forEach(f -> settled.put(f, beliefs.get(f).mean()));

    // a newcomer, far stronger than its prior mean says, joins the settled field
    truth.put("new", 1.0);
    beliefs.put("new", Rating.PRIOR);
    double previousSd = Rating.PRIOR.sd();
    List<Double> sds = new ArrayList<>();
    for (int g = 0; g < 200; g++) {
      List<String> others = new ArrayList<>(field);
      java.util.Collections.shuffle(others, r);
      List<String> seats = new ArrayList<>(others.subList(0, 7));
      seats.add(r.nextInt(8), "new");
      rate(beliefs, seats, play(seats, truth, r));
      if (g % 50 == 49) {
        sds.add(beliefs.get("new").sd());
      }
    }
    Rating.Belief b = beliefs.get("new");
    // found within its interval, 200 games in, with nobody's history refitted
    assertThat(b.mean()).isCloseTo(1.0, within(2.5 * b.sd()));
    assertThat(b.low()).isGreaterThan(0.4);
    // its interval narrows with its games
    for (double sd : sds) {
      assertThat(sd).isLessThan(previousSd);
      previousSd = sd;
    }
    // the field barely moved while the newcomer was rated
    for (String f : field) {
      assertThat(beliefs.get(f).mean()).as(f).isCloseTo(settled.get(f), within(0.25));
    }
  }
}
