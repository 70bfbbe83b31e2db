package org.entente.client.bots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entente.api.Action;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.Stance;
import org.entente.api.Stance.BandwagonKind;
import org.junit.jupiter.api.Test;

/** The reference threat-driven bot behaves as RULES.md section 9 describes. */
class ThreatBalancerTest {
  private final ThreatBalancer bot = new ThreatBalancer();

  private Orders decide(PlayerView v) {
    assertThat(OrderValidity.problems(v, bot.decide(v, Dice.of(1, v.turn(), "bot")))).isEmpty();
    return bot.decide(v, Dice.of(1, v.turn(), "bot"));
  }

  // An aggressive great power l next to mid-size a, b, c; d is far away.
  private static ViewBuilder proximateAggressor() {
    return new ViewBuilder()
        .nation("l")
        .capabilities("l", 400, 400, 500, 400)
        .offense("l", 0.8)
        .intent("l", 0.8)
        .nation("a", 150, 100)
        .nation("b", 150, 100)
        .nation("c", 150, 100)
        .nation("d", 150, 100)
        .prox("l", "a", 0.6)
        .prox("l", "b", 0.7)
        .prox("l", "c", 0.5)
        .prox("l", "d", 0.05);
  }

  @Test
  void balancesItsPrincipalLeaderWithTheStatesMostThreatenedByIt() {
    PlayerView v = proximateAggressor().build("a");
    assertThat(v.principalLeader()).isEqualTo("l");
    assertThat(v.coverage()).isLessThan(0.5);

    Orders o = decide(v);

    Stance.Balance b = (Stance.Balance) o.stance();
    assertThat(b.against()).isEqualTo("l");
    assertThat(b.partners()).containsExactlyInAnyOrder("b", "c", "d");
    // weighed by exposure alone (no judgement), the most exposed come first
    assertThat(((Stance.Balance) ThreatBalancer.stance(v)).partners())
        .containsExactly("b", "c", "d");
    double expected = 0.3 * (1.2 - v.coverage());
    assertThat(b.internal()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(o.actions()).noneMatch(a -> a instanceof Action.Attack);
  }

  @Test
  void prefersPartnersThatBalancedTheThreatLastTurnAndSkipsCurrentAllies() {
    PlayerView v =
        proximateAggressor()
            .lastStance("d", new Stance.Balance("l", 0.2, List.of("b")))
            .alliance("a1", "a", "c")
            .build("a");
    Stance.Balance b = (Stance.Balance) decide(v).stance();
    assertThat(b.partners()).containsExactly("d", "b");
  }

  @Test
  void armsAtLeastSomewhatEvenWhenWellCovered() {
    PlayerView v = proximateAggressor().coverage(1.0).build("a");
    Stance.Balance b = (Stance.Balance) decide(v).stance();
    assertThat(b.internal()).isCloseTo(0.3 * 0.2, org.assertj.core.data.Offset.offset(1e-9));
  }

  // A tiny f next to l; x and y are strong but far from f.
  private static ViewBuilder weakAndAlone() {
    return new ViewBuilder()
        .nation("l")
        .capabilities("l", 400, 400, 400, 400)
        .offense("l", 0.7)
        .nation("f")
        .capabilities("f", 10, 10, 10, 10)
        .nation("x", 200, 200)
        .nation("y", 200, 200)
        .near("l", "f", 0.8);
  }

  @Test
  void bandwagonsWhenWeakWithNoAllyInReach() {
    PlayerView v = weakAndAlone().build("f");
    assertThat(Estimates.weak(v)).isTrue();
    assertThat(decide(v).stance()).isEqualTo(new Stance.Bandwagon("l", BandwagonKind.DEFENSIVE));
  }

  @Test
  void balancesWhenWeakButAnAllyIsInReach() {
    PlayerView v = weakAndAlone().near("x", "f", 0.5).build("f");
    Stance s = decide(v).stance();
    assertThat(s).isInstanceOf(Stance.Balance.class);
    assertThat(((Stance.Balance) s).against()).isEqualTo("l");
    assertThat(((Stance.Balance) s).partners()).contains("x");
  }

  @Test
  void weakAndAloneUnderAttackBandwagonsWithTheAggressorToDefuseTheCrisis() {
    PlayerView v = weakAndAlone().crisis("l", "f").build("f");
    assertThat(decide(v).stance()).isEqualTo(new Stance.Bandwagon("l", BandwagonKind.DEFENSIVE));
  }

  // a is comfortably covered; b is more exposed to l and strong enough to hold it alone.
  private static ViewBuilder strongNeighbour(double bMilitary) {
    return new ViewBuilder()
        .nation("l", 300, 300)
        .offense("l", 0.5)
        .nation("a", 200, 300)
        .nation("b", 200, bMilitary)
        .offense("b", 0.1)
        .intent("b", 0.05)
        .nation("c", 100, 100)
        .offense("c", 0.1)
        .intent("c", 0.05)
        .prox("l", "a", 0.3)
        .prox("l", "b", 0.8);
  }

  @Test
  void passesTheBuckWhenAMoreExposedStateCouldHoldAlone() {
    PlayerView v = strongNeighbour(400).build("a");
    assertThat(v.principalLeader()).isEqualTo("l");
    assertThat(v.coverage()).isGreaterThanOrEqualTo(0.5);
    assertThat(decide(v).stance()).isEqualTo(new Stance.BuckPass("l", "b"));
  }

  @Test
  void balancesWhenTheMoreExposedStateCouldNotHold() {
    // l projects 300 * 0.5 * 0.8 = 120 on b; b holds with 1.5 * 50 = 75: no
    Stance s = decide(strongNeighbour(50).build("a")).stance();
    assertThat(s).isInstanceOf(Stance.Balance.class);
    assertThat(((Stance.Balance) s).against()).isEqualTo("l");
  }

  @Test
  void theDefenseAdvantageDecidesWhetherTheCatcherCouldHold() {
    // b's military 100: 1.5 * 100 = 150 >= 120 holds; 1.0 * 100 = 100 < 120 does not.
    assertThat(decide(strongNeighbour(100).build("a")).stance())
        .isInstanceOf(Stance.BuckPass.class);
    assertThat(decide(strongNeighbour(100).defenseAdvantage(1.0).build("a")).stance())
        .isInstanceOf(Stance.Balance.class);
  }

  @Test
  void doesNotPassTheBuckWhileACrisisInvolvesItsAlly() {
    PlayerView v = strongNeighbour(400).alliance("a1", "a", "c").crisis("c", "b").build("a");
    Stance s = decide(v).stance();
    assertThat(s).isInstanceOf(Stance.Balance.class);
    assertThat(((Stance.Balance) s).against()).isEqualTo("l");
  }

  @Test
  void balancesTheAggressorWithFullEffortWhenAttacked() {
    PlayerView v = proximateAggressor().crisis("c", "a").build("a");
    Stance.Balance b = (Stance.Balance) decide(v).stance();
    assertThat(b.against()).isEqualTo("c");
    assertThat(b.internal()).isEqualTo(0.3);
  }

  @Test
  void joinsTheDefenceOfAnAttackedAllyAndAidsIt() {
    PlayerView v = proximateAggressor().alliance("a1", "a", "b").crisis("d", "b").build("a");
    Orders o = decide(v);
    Stance.Balance b = (Stance.Balance) o.stance();
    assertThat(b.against()).isEqualTo("d");
    assertThat(b.internal()).isEqualTo(0.15);
    assertThat(o.actions()).containsExactly(new Action.Aid("b", 0.05 * 150));
  }

  @Test
  void joinsTheDefenceAgainstItsPrincipalLeaderWithTheTargetFirst() {
    PlayerView v = proximateAggressor().crisis("l", "d").build("a");
    Stance.Balance b = (Stance.Balance) decide(v).stance();
    assertThat(b.against()).isEqualTo("l");
    assertThat(b.partners()).startsWith("d");
  }

  @Test
  void hidesWhenNothingThreatensIt() {
    PlayerView v =
        new ViewBuilder()
            .nation("a")
            .nation("b")
            .offense("b", 0)
            .nation("c")
            .offense("c", 0)
            .build("a");
    assertThat(v.principalLeader()).isNull();
    assertThat(decide(v)).isEqualTo(Orders.hide());
  }

  @Test
  void leavesAnAllianceWhoseOtherMembersAllBandwagonWithItsThreat() {
    PlayerView v =
        proximateAggressor()
            .client("b", "l", BandwagonKind.DEFENSIVE)
            .alliance("a1", "a", "b")
            .build("a");
    assertThat(decide(v).actions()).contains(new Action.Leave("a1"));
  }

  // Rules 2.0 (RULES.md 3a): partners balance the same threat, and admission needs names.

  @Test
  void neverNamesAStateThatBalancedADifferentThreatLastTurn() {
    PlayerView v =
        proximateAggressor()
            .lastStance("b", new Stance.Balance("d", 0.2, List.of()))
            .lastStance("d", new Stance.Balance("l", 0.2, List.of()))
            .build("a");
    Stance.Balance b = (Stance.Balance) decide(v).stance();
    assertThat(b.partners()).startsWith("d").doesNotContain("b");
  }

  @Test
  void neverNamesAStateItIsAlliedAgainst() {
    PlayerView v = proximateAggressor().allianceAgainst("a1", "c", "a", "d").build("a");
    Stance.Balance b = (Stance.Balance) decide(v).stance();
    assertThat(b.against()).isEqualTo("l");
    assertThat(b.partners()).doesNotContain("c");
  }

  @Test
  void namesAtLeastHalfTheMembersOfTheAllianceAgainstItsThreatThatAPartnerSitsIn() {
    PlayerView v =
        proximateAggressor()
            .nation("e", 150, 100)
            .nation("g", 150, 100)
            .allianceAgainst("a1", "l", "b", "d", "e", "g")
            .build("a");
    Stance.Balance b = (Stance.Balance) decide(v).stance();
    long members = b.partners().stream().filter(List.of("b", "d", "e", "g")::contains).count();
    assertThat(members).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aMemberNamesTheStatesBalancingItsThreatOutsideItsAllianceBeyondTheUsualCap() {
    PlayerView v =
        proximateAggressor()
            .nation("e", 150, 100)
            .nation("g", 150, 100)
            .allianceAgainst("a1", "l", "a", "c")
            .lastStance("b", new Stance.Balance("l", 0.2, List.of()))
            .lastStance("d", new Stance.Balance("l", 0.2, List.of()))
            .lastStance("e", new Stance.Balance("l", 0.2, List.of()))
            .lastStance("g", new Stance.Balance("l", 0.2, List.of()))
            .build("a");
    Stance.Balance b = (Stance.Balance) decide(v).stance();
    assertThat(b.partners()).contains("b", "d", "e", "g").doesNotContain("c");
  }

  @Test
  void prefersALikeMindedPartnerWhenTwoAreEquallyExposed() {
    // weighed without judgement, so that the tie-break alone decides
    ViewBuilder world = proximateAggressor().prox("l", "c", 0.7).ideology("a", "liberal", false);
    assertThat(((Stance.Balance) ThreatBalancer.stance(world.build("a"))).partners())
        .startsWith("b", "c");
    world.ideology("c", "liberal", false);
    assertThat(((Stance.Balance) ThreatBalancer.stance(world.build("a"))).partners())
        .startsWith("c", "b");
    world.ideology("a", "pan-movement", true).ideology("c", "pan-movement", true);
    assertThat(((Stance.Balance) ThreatBalancer.stance(world.build("a"))).partners())
        .startsWith("b", "c");
  }

  @Test
  void judgementRanksNearlyEqualPartnersDifferentlyFromSeedToSeedButNeverAFarLessExposedOne() {
    // b and c are nearly equally exposed to l; e is five times less exposed than d, the third
    PlayerView v =
        proximateAggressor()
            .prox("l", "c", 0.7)
            .nation("e", 100, 100)
            .prox("l", "e", 0.01)
            .build("a");
    java.util.Set<String> firsts = new java.util.TreeSet<>();
    for (long seed = 1; seed <= 40; seed++) {
      Orders o = bot.decide(v, Dice.of(seed, v.turn(), "bot"));
      List<String> partners = ((Stance.Balance) o.stance()).partners();
      firsts.add(partners.get(0));
      assertThat(partners).doesNotContain("e");
    }
    assertThat(firsts).containsExactlyInAnyOrder("b", "c");
  }

  // a's ally b (military bMilitary, close to a) attacks c; a's principal threat is l.
  private static ViewBuilder allyAttacks(double bMilitary, double defenseAdvantage) {
    return new ViewBuilder()
        .nation("l")
        .capabilities("l", 400, 400, 500, 400)
        .offense("l", 0.8)
        .intent("l", 0.8)
        .nation("a", 150, 100)
        .nation("b", 150, bMilitary)
        .nation("c", 150, 100)
        .prox("l", "a", 0.6)
        .near("a", "b", 0.8)
        .alliance("a1", "a", "b")
        .crisis("b", "c")
        .defenseAdvantage(defenseAdvantage);
  }

  @Test
  void joinsAnAllysAttackWhenLosingItWouldCostMuchCoverageUnderOffenceDominance() {
    PlayerView v = allyAttacks(300, 1.0).build("a");
    assertThat(v.coverage() - Estimates.coverageWithout(v, "b")).isGreaterThan(0.1);
    Stance.Balance b = (Stance.Balance) decide(v).stance();
    assertThat(b.against()).isEqualTo("c");
  }

  @Test
  void staysOutOfAnAllysAttackUnderDefenceDominanceOrWhenTheAllyMattersLittle() {
    Stance defenceDominant = decide(allyAttacks(300, 2.0).build("a")).stance();
    assertThat(((Stance.Balance) defenceDominant).against()).isEqualTo("l");
    PlayerView small = allyAttacks(20, 1.0).build("a");
    assertThat(small.coverage() - Estimates.coverageWithout(small, "b")).isLessThan(0.1);
    assertThat(((Stance.Balance) decide(small).stance()).against()).isEqualTo("l");
  }

  @Test
  void abandonsAnAttackedAllyOnlyWhenWeakAndTheDefenceIsHopeless() {
    // l projects 400 * 0.8 * 0.9 = 288 on b; b's defence 1.5 * 50 + 10 * 0.1 = 76: p(defence)
    // = 76^2 / (288^2 + 76^2), about 0.065
    ViewBuilder world =
        new ViewBuilder()
            .nation("l")
            .capabilities("l", 400, 400, 400, 400)
            .offense("l", 0.8)
            .nation("f")
            .capabilities("f", 10, 10, 10, 10)
            .nation("b", 100, 50)
            .nation("x", 200, 200)
            .nation("y", 200, 200)
            .prox("l", "b", 0.9)
            .near("f", "x", 0.5)
            .alliance("a1", "f", "b")
            .crisis("l", "b");
    PlayerView weak = world.build("f");
    assertThat(Estimates.weak(weak)).isTrue();
    assertThat(decide(weak).stance()).isEqualTo(Stance.HIDE);
    world.capabilities("f", 100, 100, 100, 100);
    PlayerView strong = world.build("f");
    assertThat(Estimates.weak(strong)).isFalse();
    assertThat(((Stance.Balance) decide(strong).stance()).against()).isEqualTo("l");
  }

  @Test
  void aMemberDoesNotNameOutsideStatesThatWouldAllyEnemiesInOneTurn() {
    // b and d both balanced l, but b's alliance is aimed at d: admitting both would ally them
    PlayerView v =
        proximateAggressor()
            .nation("e", 150, 100)
            .allianceAgainst("a1", "l", "a", "c")
            .allianceAgainst("a2", "d", "b", "e")
            .lastStance("b", new Stance.Balance("l", 0.2, List.of()))
            .lastStance("d", new Stance.Balance("l", 0.2, List.of()))
            .build("a");
    Stance.Balance b = (Stance.Balance) decide(v).stance();
    assertThat(b.partners()).contains("b").doesNotContain("d");
  }
}
