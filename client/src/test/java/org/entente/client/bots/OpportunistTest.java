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

/** The opportunist plays Schweller's balance of interests. */
class OpportunistTest {
  private final Opportunist bot = new Opportunist();

  private Orders decide(PlayerView v) {
    Orders o = bot.decide(v, Dice.of(1, v.turn(), "bot"));
    assertThat(OrderValidity.problems(v, o)).isEmpty();
    return o;
  }

  // Revisionist r (the strongest) next to a small t; u far away; v strong, far from r.
  private static ViewBuilder predator() {
    return new ViewBuilder()
        .nation("r", 300, 500)
        .offense("r", 0.9)
        .revisionist("r")
        .nation("t", 100, 100)
        .nation("u", 100, 100)
        .nation("v", 100, 400)
        .offense("v", 0.1)
        .near("r", "t", 0.9)
        .near("r", "u", 0.1)
        .near("r", "v", 0.05)
        .near("v", "t", 0.9);
  }

  @Test
  void attacksItsBestPreyWhenTheOddsFavourIt() {
    PlayerView v = predator().build("r");
    assertThat(v.coverage()).isGreaterThan(0.7);
    // A = 500 * 0.9 * 0.9 = 405 against D = 1.5 * 100 = 150: p = 0.88
    assertThat(Opportunist.odds(v, "t")).isGreaterThan(0.8);

    Orders o = decide(v);

    assertThat(o.stance()).isEqualTo(new Stance.Balance("t", 0.2, List.of()));
    assertThat(o.actions()).containsExactly(new Action.Attack("t"));
  }

  @Test
  void doesNotAttackWhenThePreysAlliesTurnTheOdds() {
    // t's ally v adds 400 * 0.9 = 360: D = 510, p = 0.39
    PlayerView v = predator().alliance("a1", "t", "v").build("r");
    assertThat(Opportunist.odds(v, "t")).isLessThan(0.6);
    Orders o = decide(v);
    assertThat(o.actions()).noneMatch(a -> a instanceof Action.Attack);
  }

  @Test
  void countsTheStatesThatBalancedItLastTurnAsLikelyDefenders() {
    // v is not t's ally, but it balanced r last turn: its 400 * 0.9 = 360 joins D (510), p = 0.39
    PlayerView v = predator().lastStance("v", new Stance.Balance("r", 0.1, List.of())).build("r");
    assertThat(Opportunist.odds(v, "t")).isLessThan(0.6);
    assertThat(decide(v).actions()).noneMatch(a -> a instanceof Action.Attack);
    // the same state balancing someone else is not counted
    PlayerView other =
        predator().lastStance("v", new Stance.Balance("u", 0.1, List.of())).build("r");
    assertThat(Opportunist.odds(other, "t")).isGreaterThan(0.8);
  }

  @Test
  void doesNotAttackAgainWhileACrisisWithThePreyIsPending() {
    PlayerView v = predator().crisis("t", "r").build("r");
    assertThat(decide(v).actions()).noneMatch(a -> a instanceof Action.Attack);
  }

  @Test
  void aSecureWeakerRevisionistJackalsWithTheStrongest() {
    PlayerView v = predator().nation("j", 50, 60).revisionist("j").offense("j", 0.6).build("j");
    assertThat(v.coverage()).isGreaterThan(0.7);
    assertThat(decide(v).stance()).isEqualTo(new Stance.Bandwagon("r", BandwagonKind.OFFENSIVE));
  }

  @Test
  void anInsecureRevisionistBalancesItsThreat() {
    PlayerView v =
        predator()
            .nation("j", 50, 60)
            .revisionist("j")
            .near("r", "j", 0.9)
            .intent("r", 0.9)
            .build("j");
    assertThat(v.coverage()).isLessThanOrEqualTo(0.7);
    Stance.Balance b = (Stance.Balance) decide(v).stance();
    assertThat(b.against()).isEqualTo("r");
    assertThat(b.internal()).isEqualTo(0.25);
    // it seeks allies against its threat among the states exposed to it, as anyone would
    assertThat(b.partners()).isNotEmpty().isSubsetOf("t", "u", "v");
  }

  @Test
  void aStatusQuoStateBalancesTheStrongestRevisionistWithTheMostExposedStatusQuoStates() {
    Orders o = decide(predator().build("u"));
    assertThat(o.stance()).isEqualTo(new Stance.Balance("r", 0.1, List.of("t", "v")));
  }

  @Test
  void aStatusQuoStateWithNoRevisionistAroundHides() {
    PlayerView v = new ViewBuilder().nation("a").nation("b").nation("c").build("a");
    assertThat(decide(v)).isEqualTo(Orders.hide());
  }

  @Test
  void aStatusQuoStateJoinsTheDefenceAgainstARevisionistAggressorAndAidsTheTarget() {
    PlayerView v = predator().nation("q", 80, 80).revisionist("q").crisis("q", "t").build("u");
    Orders o = decide(v);
    assertThat(((Stance.Balance) o.stance()).against()).isEqualTo("q");
    assertThat(o.actions()).containsExactly(new Action.Aid("t", 0.05 * 100));
  }
}
