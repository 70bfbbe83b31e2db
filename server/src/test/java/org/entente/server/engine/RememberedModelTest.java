package org.entente.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.Stance;
import org.entente.client.bots.Strategies;
import org.junit.jupiter.api.Test;

/**
 * Adjudication hands its end-of-turn threat model to the next turn as that turn's start model
 * (ThreatModel.of), and counts buck-passers' catchers in coverage only for the turn's tallies. The
 * handed-over model must be exactly the one computed afresh from the next position, and the tallies
 * must count the catchers.
 */
class RememberedModelTest {

  @Test
  void theNextTurnsStartModelIsTheOneComputedFromItsPosition() {
    int buckPasses = 0;
    for (long seed = 1; seed <= 12; seed++) {
      World w = DeterminismTest.world(seed);
      Map<String, Bot> bots = new LinkedHashMap<>();
      for (int i = 0; i < w.size(); i++) {
        bots.put(w.start().get(i).id(), Strategies.create(DeterminismTest.STRATEGIES.get(i)));
      }
      GameState s = Games.start(w).state();
      TurnReport last = null;
      while (!s.finished()) {
        Views.Public pub = Views.publicPart(s, last);
        Map<String, Orders> orders = new LinkedHashMap<>();
        for (Map.Entry<String, Bot> e : bots.entrySet()) {
          if (s.nation(e.getKey()).active()) {
            Orders o = e.getValue().decide(Views.of(pub, e.getKey()), Dice.of(seed, s.turn(), "b"));
            buckPasses += o.stance() instanceof Stance.BuckPass ? 1 : 0;
            orders.put(e.getKey(), o);
          }
        }
        TurnResult r = Adjudicator.adjudicate(s, orders, seed);
        s = r.state();
        last = r.report();
        ThreatModel remembered = ThreatModel.of(s);
        ThreatModel fresh =
            ThreatModel.compute(w, s.nations(), s.intent(), s.alliances(), s.clients(), null);
        assertSame(remembered, fresh, "seed " + seed + " turn " + s.turn());
      }
    }
    assertThat(buckPasses).as("buck-passing stances played").isGreaterThan(20);
  }

  private static void assertSame(ThreatModel a, ThreatModel b, String where) {
    int n = b.size();
    assertThat(a.size()).as(where).isEqualTo(n);
    for (int j = 0; j < n; j++) {
      assertThat(a.power(j)).as(where).isEqualTo(b.power(j));
      assertThat(a.offensive(j)).as(where).isEqualTo(b.offensive(j));
      assertThat(a.coverage(j)).as(where + " coverage of " + j).isEqualTo(b.coverage(j));
      assertThat(a.principal(j)).as(where).isEqualTo(b.principal(j));
      assertThat(a.leader(j)).as(where).isEqualTo(b.leader(j));
      assertThat(a.bloc(j)).as(where).isEqualTo(b.bloc(j));
      for (int i = 0; i < n; i++) {
        assertThat(a.threat(j, i)).as(where).isEqualTo(b.threat(j, i));
        assertThat(a.allied(j, i)).as(where).isEqualTo(b.allied(j, i));
      }
    }
  }
}
