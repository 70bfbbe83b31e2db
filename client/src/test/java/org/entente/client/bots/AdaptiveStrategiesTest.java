package org.entente.client.bots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entente.api.Action;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.OutcomeCode;
import org.entente.api.PlayerView;
import org.entente.api.Stance;
import org.junit.jupiter.api.Test;

/**
 * The adaptive strategies behave as their theory says in constructed situations, each set beside
 * what the reference threat balancer does in the same position.
 */
class AdaptiveStrategiesTest {

  private static Orders decide(Bot bot, PlayerView v) {
    Orders o = bot.decide(v, Dice.of(1, v.turn(), "bot:" + v.self()));
    assertThat(OrderValidity.problems(v, o)).as("%s: %s", bot.name(), o).isEmpty();
    return o;
  }

  private static Orders threatBalancer(PlayerView v) {
    return decide(new ThreatBalancer(), v);
  }

  // An aggressive great power l; a (the seat) allied with b; c and d further off.
  private static ViewBuilder aggressorNextToAlliance(int turn) {
    return new ViewBuilder()
        .turn(turn)
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
        .prox("l", "d", 0.4)
        .alliance("a1", "a", "b");
  }

  // --- reciprocator

  // Turn 3: l's attack on a resolves; turn 4: b's stance on turn 3 is public, and l attacks b.
  private static Orders reciprocatorAfter(Stance allysStanceWhileAWasAttacked) {
    Reciprocator bot = new Reciprocator();
    decide(bot, aggressorNextToAlliance(3).crisis("l", "a").build("a"));
    return decide(bot, afterCrisis(allysStanceWhileAWasAttacked));
  }

  private static PlayerView afterCrisis(Stance allysStance) {
    return aggressorNextToAlliance(4)
        .lastStance("a", new Stance.Balance("l", 0.3, List.of("c")))
        .lastStance("b", allysStance)
        .crisis("l", "b")
        .build("a");
  }

  @Test
  void reciprocatorStaysOutOfTheCrisisOfAnAllyThatAbandonedItAndLeavesTheAlliance() {
    Orders o = reciprocatorAfter(Stance.HIDE);

    assertThat(o.stance()).isEqualTo(new Stance.BuckPass("l", "b"));
    assertThat(o.actions()).contains(new Action.Leave("a1"));
    assertThat(o.actions()).noneMatch(x -> x instanceof Action.Aid);
    // The reference bot, without memory, rushes to the same ally's defence.
    Orders reference = threatBalancer(afterCrisis(Stance.HIDE));
    assertThat(((Stance.Balance) reference.stance()).against()).isEqualTo("l");
    assertThat(reference.actions()).contains(new Action.Aid("b", 0.05 * 150));
  }

  @Test
  void reciprocatorCountsPassingTheBuckAsAbandonment() {
    assertThat(reciprocatorAfter(new Stance.BuckPass("l", "c")).stance())
        .isEqualTo(new Stance.BuckPass("l", "b"));
  }

  @Test
  void reciprocatorDefendsAndAidsAnAllyThatStoodByIt() {
    Orders o = reciprocatorAfter(new Stance.Balance("l", 0.1, List.of()));

    assertThat(((Stance.Balance) o.stance()).against()).isEqualTo("l");
    assertThat(o.actions()).contains(new Action.Aid("b", 0.05 * 150));
    assertThat(o.actions()).noneMatch(x -> x instanceof Action.Leave);
  }

  @Test
  void reciprocatorWithoutThatMemoryDefendsTheAllyLikeTheReferenceBot() {
    Orders fresh = decide(new Reciprocator(), afterCrisis(Stance.HIDE));
    assertThat(((Stance.Balance) fresh.stance()).against()).isEqualTo("l");
  }

  @Test
  void reciprocatorProposesFirstToAStateThatBalancedItsAggressorWhenItWasAttacked() {
    Reciprocator bot = new Reciprocator();
    decide(bot, aggressorNextToAlliance(3).crisis("l", "a").build("a"));
    decide(
        bot,
        aggressorNextToAlliance(4)
            .lastStance("b", new Stance.Balance("l", 0.1, List.of()))
            .lastStance("d", new Stance.Balance("l", 0.1, List.of()))
            .build("a"));
    PlayerView later = aggressorNextToAlliance(5).lastStance("d", Stance.HIDE).build("a");

    List<String> partners = ((Stance.Balance) decide(bot, later).stance()).partners();

    assertThat(bot.loyal("d")).isTrue();
    assertThat(partners).containsExactly("d", "c");
    assertThat(((Stance.Balance) threatBalancer(later).stance()).partners())
        .containsExactly("c", "d");
  }

  @Test
  void reciprocatorForgetsWhenShownAnotherSeatOrAnEarlierTurnButNotTheSameTurnAgain() {
    Reciprocator bot = new Reciprocator();
    decide(bot, aggressorNextToAlliance(3).crisis("l", "a").build("a"));
    decide(bot, afterCrisis(Stance.HIDE));
    assertThat(bot.defector("b")).isTrue();
    decide(bot, afterCrisis(Stance.HIDE)); // asked again in the same turn: it keeps its memory
    assertThat(bot.defector("b")).isTrue();
    decide(bot, aggressorNextToAlliance(4).build("b"));
    assertThat(bot.defector("b")).isFalse();
    decide(bot, aggressorNextToAlliance(3).crisis("l", "a").build("a"));
    decide(bot, afterCrisis(Stance.HIDE));
    assertThat(bot.defector("b")).isTrue();
    decide(bot, aggressorNextToAlliance(2).build("a"));
    assertThat(bot.defector("b")).isFalse();
  }

  // --- chain-gang-averse

  @Test
  void chainGangAverseHidesFromAnAllysWarUnderOffenceDominanceWhereTheReferenceBotBalances() {
    PlayerView v = aggressorNextToAlliance(3).defenseAdvantage(1.0).crisis("l", "b").build("a");

    assertThat(((Stance.Balance) threatBalancer(v).stance()).against()).isEqualTo("l");
    assertThat(decide(new ChainGangAverse(), v).stance()).isEqualTo(Stance.HIDE);
  }

  @Test
  void chainGangAverseArmsAloneUnderOffenceDominance() {
    PlayerView v = aggressorNextToAlliance(3).defenseAdvantage(1.0).build("a");

    Stance.Balance mine = (Stance.Balance) decide(new ChainGangAverse(), v).stance();
    Stance.Balance reference = (Stance.Balance) threatBalancer(v).stance();

    assertThat(reference.partners()).isNotEmpty();
    assertThat(mine.partners()).isEmpty();
    assertThat(mine.against()).isEqualTo(reference.against());
    assertThat(mine.internal()).isEqualTo(reference.internal());
  }

  @Test
  void chainGangAverseJoinsItsAllysDefenceInTheMiddleOfTheBalanceLikeTheReferenceBot() {
    PlayerView v = aggressorNextToAlliance(3).defenseAdvantage(1.5).crisis("l", "b").build("a");
    assertThat(decide(new ChainGangAverse(), v)).isEqualTo(threatBalancer(v));
  }

  // a is allied with c and far from l; b is more exposed to l and could hold alone.
  private static PlayerView defenceDominant(double defenseAdvantage) {
    return new ViewBuilder()
        .nation("l")
        .capabilities("l", 400, 400, 500, 400)
        .offense("l", 0.8)
        .intent("l", 0.8)
        .nation("a", 150, 100)
        .nation("b", 150, 150)
        .nation("c", 150, 100)
        .prox("l", "a", 0.3)
        .prox("l", "b", 0.7)
        .prox("l", "c", 0.2)
        .alliance("a1", "a", "c")
        .defenseAdvantage(defenseAdvantage)
        .build("a");
  }

  @Test
  void chainGangAversePassesTheBuckUnderDefenceDominanceWhereTheReferenceBotBalances() {
    PlayerView v = defenceDominant(2.0);

    assertThat(threatBalancer(v).stance()).isInstanceOf(Stance.Balance.class);
    assertThat(decide(new ChainGangAverse(), v).stance()).isEqualTo(new Stance.BuckPass("l", "b"));
  }

  @Test
  void chainGangAverseLeavesAnAllianceThatDraggedItIntoAWar() {
    ChainGangAverse bot = new ChainGangAverse();
    // Turn 3: its ally b's attack on d resolves; turn 4: it learns it was dragged in.
    Orders first = decide(bot, aggressorNextToAlliance(3).crisis("b", "d").build("a"));
    assertThat(first.actions()).contains(new Action.Leave("a1")); // b is an aggressor
    PlayerView after =
        aggressorNextToAlliance(4).outcome("crisis c1", OutcomeCode.CHAIN_GANGED).build("a");

    assertThat(decide(bot, after).actions()).contains(new Action.Leave("a1"));
    assertThat(bot.draggedInBy("b")).isEqualTo(1);
    assertThat(decide(new ChainGangAverse(), after).actions())
        .doesNotContain(new Action.Leave("a1"));
    assertThat(threatBalancer(after).actions()).doesNotContain(new Action.Leave("a1"));
  }

  // --- coalition-builder

  // a is comfortably covered and alone; b, c and d are all more exposed to l than a.
  private static ViewBuilder comfortable(int turn) {
    return new ViewBuilder()
        .turn(turn)
        .nation("l")
        .capabilities("l", 400, 400, 500, 400)
        .offense("l", 0.8)
        .intent("l", 0.8)
        .nation("a", 150, 300)
        .nation("b", 150, 300)
        .nation("c", 150, 300)
        .nation("d", 150, 300)
        .nation("e", 150, 100)
        .prox("l", "a", 0.1)
        .prox("l", "b", 0.7)
        .prox("l", "c", 0.6)
        .prox("l", "d", 0.5)
        .prox("l", "e", 0.05);
  }

  @Test
  void coalitionBuilderCourtsTheStatesMostThreatenedByItsThreatWhereTheReferenceBotPasses() {
    PlayerView v = comfortable(3).build("a");
    assertThat(threatBalancer(v).stance()).isInstanceOf(Stance.BuckPass.class);

    Orders o = decide(new CoalitionBuilder(), v);

    Stance.Balance b = (Stance.Balance) o.stance();
    assertThat(b.against()).isEqualTo("l");
    assertThat(b.partners()).containsExactly("b", "c", "d");
    assertThat(o.actions()).containsExactly(new Action.Aid("b", 0.03 * 150));
  }

  @Test
  void coalitionBuilderTurnsToOthersWhenItsProposalsGoUnanswered() {
    CoalitionBuilder bot = new CoalitionBuilder();
    decide(bot, comfortable(3).build("a"));
    PlayerView ignored =
        comfortable(4).lastStance("a", new Stance.Balance("l", 0.1, List.of("b", "c"))).build("a");

    Stance.Balance b = (Stance.Balance) decide(bot, ignored).stance();

    assertThat(bot.refusalsBy("b")).isEqualTo(1);
    assertThat(bot.refusalsBy("d")).isZero();
    assertThat(b.partners()).containsExactly("d", "b", "c");
  }
}
