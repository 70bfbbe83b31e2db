package org.entente.server.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.Dice;
import org.junit.jupiter.api.Test;

/** The Plackett-Luce fit against hand-computed cases and its own optimality conditions. */
class PlackettLuceTest {

  static PlackettLuce.Ranking game(int[] entrants, double... scores) {
    return new PlackettLuce.Ranking(entrants, scores);
  }

  static List<PlackettLuce.Ranking> aBeatsB(int aWins, int bWins) {
    List<PlackettLuce.Ranking> games = new ArrayList<>();
    for (int i = 0; i < aWins; i++) {
      games.add(game(new int[] {0, 1}, 60, 40));
    }
    for (int i = 0; i < bWins; i++) {
      games.add(game(new int[] {0, 1}, 30, 70));
    }
    return games;
  }

  @Test
  void twoPlayersMaximumLikelihoodIsTheWinRatio() {
    // Bradley-Terry: P(A beats B) = gA / (gA + gB) = 3/4 at the maximum for 3 wins out of 4
    double[] g = PlackettLuce.fit(2, aBeatsB(3, 1), 1, 0);
    assertThat(g[0] / g[1]).isCloseTo(3.0, within(1e-9));
  }

  @Test
  void ratingErrorsMatchBradleyTerrysAndShrinkWithGames() {
    // Bradley-Terry: Var(thetaA - thetaB) = 1 / (n p (1 - p)); each centred rating is half the
    // difference, so its standard error is half that root: n = 400, p = 3/4 gives 0.0577
    PlackettLuce.Fit many = PlackettLuce.fitCentred(2, aBeatsB(300, 100));
    double expected = 0.5 * Math.sqrt(1 / (400 * 0.75 * 0.25));
    assertThat(many.error()[0]).isCloseTo(expected, within(0.05 * expected));
    assertThat(many.error()[1]).isCloseTo(many.error()[0], within(1e-12));
    assertThat(many.rating()[0]).isCloseTo(-many.rating()[1], within(1e-12)).isPositive();
    // four times fewer games, about twice the error
    PlackettLuce.Fit few = PlackettLuce.fitCentred(2, aBeatsB(75, 25));
    assertThat(few.error()[0] / many.error()[0]).isCloseTo(2.0, within(0.1));
  }

  @Test
  void twoPlayersWithTheGammaPriorByHand() {
    // gA = (1 + 3) / (1 + 4 / s), gB = (1 + 1) / (1 + 4 / s), s = gA + gB => s = 2: 4/3 and 2/3
    double[] g = PlackettLuce.fit(2, aBeatsB(3, 1));
    assertThat(g[0]).isCloseTo(4.0 / 3, within(1e-9));
    assertThat(g[1]).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void everyOrderOnceGivesEqualRatings() {
    int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    List<PlackettLuce.Ranking> games = new ArrayList<>();
    for (int[] p : perms) {
      games.add(game(p, 3, 2, 1));
    }
    double[] r = PlackettLuce.centredLog(PlackettLuce.fit(3, games, 1, 0));
    assertThat(r).containsExactly(new double[] {0, 0, 0}, within(1e-9));
  }

  @Test
  void aGameWhereEverySeatTiesCountsForNothing() {
    List<PlackettLuce.Ranking> games = aBeatsB(3, 1);
    double[] before = PlackettLuce.fit(2, games);
    games.add(game(new int[] {0, 1}, 50, 50));
    assertThat(PlackettLuce.fit(2, games)).containsExactly(before, within(1e-12));
  }

  @Test
  void theMaximumLikelihoodFitZeroesTheGradient() {
    // random 4-seat games among 4 entrants (one may hold two seats), with ties
    Dice dice = Dice.of(11, 1, "pl-test");
    List<PlackettLuce.Ranking> games = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int[] entrants = new int[4];
      double[] scores = new double[4];
      for (int s = 0; s < 4; s++) {
        entrants[s] = dice.nextInt(4);
        // entrant e's scores lean upward with e; rounding makes ties
        scores[s] = Math.round(10 * (dice.nextDouble() + 0.15 * entrants[s]));
      }
      games.add(game(entrants, scores));
    }
    double[] g = PlackettLuce.fit(4, games, 1, 0);
    PlackettLuce model = PlackettLuce.of(4, games);
    double[] d = model.denominators(g);
    double[] w = model.wins();
    for (int i = 0; i < 4; i++) {
      // d log L / d gamma_i = w_i / gamma_i - D_i = 0 at the maximum
      assertThat(w[i] / g[i] - d[i]).as("gradient %d", i).isCloseTo(0, within(1e-7 * d[i]));
    }
    double[] r = PlackettLuce.centredLog(g);
    assertThat(r[3]).isGreaterThan(r[2]);
    assertThat(r[2]).isGreaterThan(r[1]);
    assertThat(r[1]).isGreaterThan(r[0]);
  }

  @Test
  void withThePriorTheFitIsTheFixedPointOfTheMmUpdateEvenForLopsidedStrengths() {
    // 10 entrants whose true strengths span a factor of e^6, 2,000 eight-seat games with ties: the
    // maximum satisfies gamma_i = (1 + w_i) / (1 + D_i) for the Gamma(2, 1) prior
    Dice dice = Dice.of(5, 1, "pl-lopsided");
    List<PlackettLuce.Ranking> games = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      int[] entrants = new int[8];
      double[] scores = new double[8];
      for (int s = 0; s < 8; s++) {
        entrants[s] = dice.nextInt(10);
        scores[s] = Math.round(4 * (dice.nextDouble() + 0.6 * entrants[s]));
      }
      games.add(game(entrants, scores));
    }
    double[] g = PlackettLuce.fit(10, games);
    PlackettLuce model = PlackettLuce.of(10, games);
    double[] d = model.denominators(g);
    double[] w = model.wins();
    for (int i = 0; i < 10; i++) {
      assertThat(g[i]).as("strength %d", i).isCloseTo((1 + w[i]) / (1 + d[i]), within(1e-9 * g[i]));
    }
    double[] r = PlackettLuce.centredLog(g);
    for (int i = 1; i < 10; i++) {
      assertThat(r[i]).as("rating %d above %d", i, i - 1).isGreaterThan(r[i - 1]);
    }
  }
}
