package org.entente.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entente.api.Action;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.Stance;
import org.entente.client.net.TestViews;
import org.entente.client.sdk.example.CautiousBalancer;
import org.junit.jupiter.api.Test;

class CautiousBalancerTest {
  private final CautiousBalancer bot = new CautiousBalancer();
  private final Dice dice = Dice.of(0, 3, "bot:EGY");

  @Test
  void balancesItsPrincipalThreatAndAidsAnAllyUnderAttack() {
    Orders o = bot.decide(TestViews.egypt(3), dice);
    // coverage 0.62 -> effort 0.3 * 0.38; partners: the states ISR reaches most (JOR 0.95, then
    // UKG 0.2), leaving out SYR, already an ally.
    assertThat(o.stance()).isInstanceOf(Stance.Balance.class);
    Stance.Balance b = (Stance.Balance) o.stance();
    assertThat(b.against()).isEqualTo("ISR");
    assertThat(b.internal()).isCloseTo(0.3 * 0.38, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(b.partners()).containsExactly("JOR", "UKG");
    // SYR (ally) is attacked by ISR in a crisis resolving this turn: 5% of 150.
    assertThat(o.actions()).containsExactly(new Action.Aid("SYR", 7.5));
  }

  @Test
  void hidesWhenNothingThreatensIt() {
    PlayerView v = TestViews.egypt(3);
    PlayerView safe =
        new PlayerView(
            v.scenario(),
            v.turn(),
            v.turns(),
            v.turnLabel(),
            v.self(),
            v.nations(),
            v.proximity(),
            v.alliances(),
            v.crises(),
            v.threats(),
            List.of(),
            null,
            1.0,
            v.leanings(),
            v.outcomes(),
            v.lastStances(),
            v.rules(),
            v.briefing(),
            v.privateBriefing());
    assertThat(bot.decide(safe, dice)).isEqualTo(Orders.hide());
  }
}
