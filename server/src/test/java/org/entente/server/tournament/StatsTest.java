package org.entente.server.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The statistics against values worked out by hand or read from printed tables. */
class StatsTest {

  @Test
  void studentTQuantilesMatchPrintedTables() {
    assertThat(Stats.tQuantile(0.975, 1)).isCloseTo(12.7062, within(1e-4));
    assertThat(Stats.tQuantile(0.975, 2)).isCloseTo(4.3027, within(1e-4));
    assertThat(Stats.tQuantile(0.975, 10)).isCloseTo(2.2281, within(1e-4));
    assertThat(Stats.tQuantile(0.975, 30)).isCloseTo(2.0423, within(1e-4));
    assertThat(Stats.tQuantile(0.95, 5)).isCloseTo(2.0150, within(1e-4));
    assertThat(Stats.tQuantile(0.975, 1e7)).isCloseTo(1.95996, within(1e-4));
    assertThat(Stats.tQuantile(0.025, 10)).isCloseTo(-2.2281, within(1e-4));
  }

  @Test
  void incompleteBetaHasItsClosedForms() {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 - (1 - x)^b
    assertThat(Stats.regularizedBeta(0.3, 1, 1)).isCloseTo(0.3, within(1e-12));
    assertThat(Stats.regularizedBeta(0.6, 3, 1)).isCloseTo(0.216, within(1e-12));
    assertThat(Stats.regularizedBeta(0.2, 1, 4)).isCloseTo(1 - Math.pow(0.8, 4), within(1e-12));
    // t with 1 df is Cauchy: P(|T| > 1) = 1/2
    assertThat(Stats.twoSidedP(1, 1)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void meanVarianceAndConfidenceIntervalByHand() {
    double[] xs = {2, 4, 4, 4, 5, 5, 7, 9};
    assertThat(Stats.mean(xs)).isEqualTo(5.0);
    assertThat(Stats.variance(xs)).isCloseTo(32.0 / 7, within(1e-12));
    // t(0.975, 7) = 2.36462
    assertThat(Stats.halfWidth95(xs)).isCloseTo(2.36462 * Math.sqrt(32.0 / 7 / 8), within(1e-4));
  }

  @Test
  void welchTestByHand() {
    // a: mean 2, var 1 (n 3); b: mean 5, var 4 (n 3): se^2 = 1/3 + 4/3 = 5/3
    double[] a = {1, 2, 3};
    double[] b = {3, 5, 7};
    Stats.Welch w = Stats.welch(a, b);
    assertThat(w.t()).isCloseTo(-3 / Math.sqrt(5.0 / 3), within(1e-12));
    // df = (5/3)^2 / ((1/3)^2 / 2 + (4/3)^2 / 2) = (25/9) / (17/18) = 50/17
    assertThat(w.df()).isCloseTo(50.0 / 17, within(1e-12));
    assertThat(w.p()).isBetween(0.05, 0.15);
    assertThat(Stats.welch(new double[] {1, 1}, new double[] {1, 1}).p()).isEqualTo(1.0);
    assertThat(Stats.welch(new double[] {1, 1}, new double[] {2, 2}).p()).isEqualTo(0.0);
  }

  @Test
  void holmAdjustsStepDownAndStaysMonotone() {
    double[] adjusted = Stats.holm(new double[] {0.01, 0.04, 0.03, 0.005});
    // sorted: 0.005 x4 = 0.02; 0.01 x3 = 0.03; 0.03 x2 = 0.06; 0.04 x1 = 0.04 -> 0.06 (monotone)
    assertThat(adjusted[3]).isCloseTo(0.02, within(1e-12));
    assertThat(adjusted[0]).isCloseTo(0.03, within(1e-12));
    assertThat(adjusted[2]).isCloseTo(0.06, within(1e-12));
    assertThat(adjusted[1]).isCloseTo(0.06, within(1e-12));
    assertThat(Stats.holm(new double[] {0.6, 0.9})).containsExactly(1.0, 1.0);
  }
}
