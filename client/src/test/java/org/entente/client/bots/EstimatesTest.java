package org.entente.client.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.entente.api.PlayerView;
import org.entente.api.Stance.BandwagonKind;
import org.junit.jupiter.api.Test;

class EstimatesTest {

  private static PlayerView world() {
    return new ViewBuilder()
        .nation("l", 300, 300)
        .offense("l", 0.5)
        .nation("a", 100, 100)
        .nation("b", 100, 100)
        .nation("c", 100, 0)
        .nation("d")
        .conquered("d")
        .prox("l", "a", 0.4)
        .prox("l", "b", 0.8)
        .prox("b", "a", 0.6)
        .alliance("a1", "a", "b")
        .client("c", "l", BandwagonKind.OFFENSIVE)
        .build("a");
  }

  @Test
  void publicThreatIsPowerTimesProximityTimesOffensiveCapability() {
    PlayerView v = world();
    double o = 0.5 * 300 / 500.0;
    assertThat(Estimates.offenseShare(v, "l")).isCloseTo(o, offset(1e-12));
    assertThat(Estimates.publicThreat(v, "l", "b"))
        .isCloseTo(v.nation("l").power() * 0.8 * o, offset(1e-12));
    assertThat(Estimates.publicThreat(v, "l", "b"))
        .isGreaterThan(Estimates.publicThreat(v, "l", "a"));
  }

  @Test
  void canHoldAloneCountsTheDefenseAdvantage() {
    PlayerView v = world();
    // l projects 300 * 0.5 * 0.8 = 120 on b; b holds with 1.5 * 100 = 150
    assertThat(Estimates.canHoldAlone(v, "b", "l")).isTrue();
    assertThat(Estimates.canHoldAlone(v, "c", "l")).isFalse();
  }

  @Test
  void defenceCountsAlliesByProximityAndWinChanceIsSquared() {
    PlayerView v = world();
    assertThat(Estimates.defence(v, "a")).isCloseTo(1.5 * 100 + 100 * 0.6, offset(1e-12));
    assertThat(Estimates.winChance(3, 1)).isCloseTo(0.9, offset(1e-12));
    assertThat(Estimates.winChance(0, 0)).isZero();
  }

  @Test
  void blocsFollowAlliancesAndClientLinksAndSkipTheConquered() {
    PlayerView v = world();
    assertThat(Estimates.bloc(v, "a")).containsExactly("a", "b");
    assertThat(Estimates.bloc(v, "c")).containsExactly("l", "c");
    assertThat(Estimates.activeCount(v)).isEqualTo(4);
  }

  @Test
  void attacksAreJudgedAgainstAlliesClientsAndPendingCrises() {
    PlayerView v = world();
    assertThat(Estimates.canAttack(v, "b")).isFalse(); // ally
    assertThat(Estimates.canAttack(v, "d")).isFalse(); // conquered
    assertThat(Estimates.canAttack(v, "a")).isFalse(); // itself
    assertThat(Estimates.canAttack(v, "l")).isTrue();
  }

  @Test
  void weakIsBelowTheWeakShareOfTheActiveStates() {
    PlayerView v = new ViewBuilder().nation("big", 1000, 1000).nation("tiny", 1, 1).build("tiny");
    assertThat(Estimates.weak(v)).isTrue();
    assertThat(Estimates.weak(v, "big")).isFalse();
  }
}
