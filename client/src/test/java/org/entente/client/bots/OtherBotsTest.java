package org.entente.client.bots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.api.Action;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.Stance;
import org.entente.api.Stance.BandwagonKind;
import org.junit.jupiter.api.Test;

/** Behaviour of the hider, buck-passer, bandwagoner and power-balancer. */
class OtherBotsTest {

  private static Orders decide(Bot bot, PlayerView v) {
    Orders o = bot.decide(v, Dice.of(1, v.turn(), "bot"));
    assertThat(OrderValidity.problems(v, o)).isEmpty();
    return o;
  }

  // l threatens a, b and c; b is the most exposed to it; c the strongest after l.
  private static ViewBuilder world() {
    return new ViewBuilder()
        .nation("l")
        .capabilities("l", 400, 400, 500, 400)
        .offense("l", 0.8)
        .nation("a", 200, 100)
        .nation("b", 150, 90)
        .nation("c", 250, 200)
        .offense("c", 0.2)
        .nation("d", 100, 50)
        .prox("l", "a", 0.6)
        .prox("l", "b", 0.8)
        .prox("l", "c", 0.4);
  }

  @Test
  void theHiderNeverAttacksNorAids() {
    Bot hider = new Hider();
    for (long seed = 0; seed < 2000; seed++) {
      PlayerView v = RandomViews.view(seed);
      Orders o = hider.decide(v, Dice.of(seed, v.turn(), "bot"));
      assertThat(o.stance()).isEqualTo(Stance.HIDE);
      assertThat(o.actions()).noneMatch(a -> a instanceof Action.Attack || a instanceof Action.Aid);
    }
  }

  @Test
  void theHiderLeavesAnAllianceAndPenetratesItsThreat() {
    PlayerView v = world().alliance("a1", "a", "c").alliance("a2", "a", "d").build("a");
    assertThat(decide(new Hider(), v).actions())
        .containsExactly(new Action.Leave("a1"), new Action.Penetrate("l"));
  }

  @Test
  void theBuckPasserPassesToTheMostExposedStateAndAidsIt() {
    PlayerView v = world().build("a");
    Orders o = decide(new BuckPasser(), v);
    assertThat(o.stance()).isEqualTo(new Stance.BuckPass("l", "b"));
    assertThat(o.actions()).containsExactly(new Action.Aid("b", 0.05 * 200));
  }

  @Test
  void theBuckPasserAidsUpToTheCapWhenItsCatcherIsAttacked() {
    PlayerView v = world().crisis("l", "b").build("a");
    Orders o = decide(new BuckPasser(), v);
    assertThat(o.actions()).containsExactly(new Action.Aid("b", 0.1 * 200));
  }

  @Test
  void theBuckPasserHidesWithNoOneToCatch() {
    PlayerView v = new ViewBuilder().nation("l").offense("l", 0.9).nation("a").build("a");
    assertThat(decide(new BuckPasser(), v)).isEqualTo(Orders.hide());
  }

  @Test
  void theBandwagonerJoinsItsPrincipalLeader() {
    Orders o = decide(new Bandwagoner(), world().build("a"));
    assertThat(o.stance()).isEqualTo(new Stance.Bandwagon("l", BandwagonKind.DEFENSIVE));
    assertThat(o.actions()).isEmpty();
  }

  @Test
  void theBandwagonerIsAJackalOfARevisionistAndAidsItInACrisis() {
    PlayerView v = world().revisionist("l").crisis("l", "b").build("a");
    Orders o = decide(new Bandwagoner(), v);
    assertThat(o.stance()).isEqualTo(new Stance.Bandwagon("l", BandwagonKind.OFFENSIVE));
    assertThat(o.actions()).containsExactly(new Action.Aid("l", 0.02 * 200));
  }

  @Test
  void theBandwagonerNeverBandwagonsWithItsOwnClient() {
    PlayerView v =
        new ViewBuilder()
            .nation("a")
            .nation("k", 500, 500)
            .client("k", "a", BandwagonKind.DEFENSIVE)
            .nation("m", 300, 300)
            .offense("m", 0)
            .build("a");
    Stance.Bandwagon b = (Stance.Bandwagon) decide(new Bandwagoner(), v).stance();
    assertThat(b.with()).isEqualTo("m");
  }

  @Test
  void theBandwagonerPrefersAStrongerStateToAWeakerLeaderAndTheStrongestHides() {
    PlayerView weakLeader =
        new ViewBuilder()
            .nation("a", 200, 200)
            .nation("l", 100, 100)
            .offense("l", 0.9)
            .near("l", "a", 0.9)
            .nation("g", 400, 400)
            .offense("g", 0.1)
            .build("a");
    assertThat(weakLeader.principalLeader()).isEqualTo("l");
    assertThat(decide(new Bandwagoner(), weakLeader).stance())
        .isEqualTo(new Stance.Bandwagon("g", BandwagonKind.DEFENSIVE));
    assertThat(decide(new Bandwagoner(), world().build("l"))).isEqualTo(Orders.hide());
  }

  @Test
  void bandwagonersNeverNameEachOther() {
    Bot bot = new Bandwagoner();
    for (long seed = 0; seed < 1000; seed++) {
      Map<String, String> with = new TreeMap<>();
      for (PlayerView v : RandomViews.views(seed)) {
        if (bot.decide(v, Dice.of(seed, v.turn(), "bot")).stance() instanceof Stance.Bandwagon b) {
          with.put(v.self(), b.with());
        }
      }
      for (var e : with.entrySet()) {
        assertThat(with.get(e.getValue())).as("world %d", seed).isNotEqualTo(e.getKey());
      }
    }
  }

  @Test
  void thePowerBalancerBalancesTheStrongestWithTheNextTwo() {
    Orders o = decide(new PowerBalancer(), world().build("d"));
    assertThat(o.stance()).isEqualTo(new Stance.Balance("l", 0.15, List.of("c", "a")));
  }

  @Test
  void thePowerBalancerAidsItsWeakestPartnerUnderAttack() {
    PlayerView v = world().crisis("l", "a").crisis("b", "c").build("d");
    Orders o = decide(new PowerBalancer(), v);
    assertThat(o.actions()).containsExactly(new Action.Aid("a", 0.05 * 100));
  }
}
