package org.entente.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.client.bots.Strategies;
import org.junit.jupiter.api.Test;

/** RULES.md section 8: the engine is a pure function of state, orders and seed. */
class DeterminismTest {

  static World world(long seed) {
    WorldBuilder b = new WorldBuilder().vary(seed);
    b.state("R1").size(200).offense(0.8).reach(1500).at(0, 0).feared(0.5).revisionist();
    b.state("R2").size(160).offense(0.8).reach(1500).at(1600, 0).feared(0.5).revisionist();
    b.state("S1").size(110).at(600, 500).openness(0.9);
    b.state("S2").size(110).at(600, -500);
    b.state("S3").size(110).at(-600, 300);
    b.state("S4").size(110).at(2200, 400);
    b.state("S5").size(110).at(1000, 1000);
    b.alliance("x1", "R1", "S1", "S2");
    return b.build();
  }

  static final List<String> STRATEGIES =
      List.of(
          "opportunist",
          "random",
          "threat-balancer",
          "power-balancer",
          "buck-passer",
          "hider",
          "bandwagoner");

  /**
   * Plays a game, handing each turn's orders to the adjudicator in an order chosen by {@code
   * shuffle}.
   */
  static List<String> hashes(long seed, Random shuffle) {
    World w = world(seed);
    Map<String, Bot> bots = new LinkedHashMap<>();
    for (int i = 0; i < w.size(); i++) {
      bots.put(w.start().get(i).id(), Strategies.create(STRATEGIES.get(i)));
    }
    List<String> out = new ArrayList<>();
    GameState s = Games.start(w).state();
    TurnReport last = null;
    while (!s.finished()) {
      Views.Public pub = Views.publicPart(s, last);
      List<String> seats = new ArrayList<>(bots.keySet());
      if (shuffle != null) {
        Collections.shuffle(seats, shuffle);
      }
      Map<String, Orders> orders = new LinkedHashMap<>();
      for (String seat : seats) {
        if (s.nation(seat).active()) {
          orders.put(
              seat,
              bots.get(seat).decide(Views.of(pub, seat), Dice.of(seed, s.turn(), "bot:" + seat)));
        }
      }
      TurnResult r = Adjudicator.adjudicate(s, orders, seed);
      s = r.state();
      last = r.report();
      out.add(last.stateHash());
    }
    return out;
  }

  @Test
  void theSameSeedGivesTheSameHashesEveryRun() {
    for (long seed = 1; seed <= 20; seed++) {
      assertThat(hashes(seed, null)).isEqualTo(hashes(seed, null)).hasSize(30);
    }
  }

  @Test
  void differentSeedsGiveDifferentGames() {
    assertThat(hashes(1, null)).isNotEqualTo(hashes(2, null));
  }

  @Test
  void theOrderInWhichOrdersArriveChangesNothing() {
    for (long seed = 1; seed <= 20; seed++) {
      List<String> reference = hashes(seed, null);
      for (int k = 0; k < 3; k++) {
        assertThat(hashes(seed, new Random(seed * 31 + k)))
            .as("seed %d shuffle %d", seed, k)
            .isEqualTo(reference);
      }
    }
  }

  @Test
  void threadCountChangesNothing() throws Exception {
    int games = 24;
    List<List<String>> reference = new ArrayList<>();
    for (long seed = 1; seed <= games; seed++) {
      reference.add(hashes(seed, null));
    }
    for (int threads : new int[] {1, 2, 4}) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<List<String>>> futures = new ArrayList<>();
        for (long seed = 1; seed <= games; seed++) {
          long s = seed;
          futures.add(pool.submit(() -> hashes(s, null)));
        }
        for (int i = 0; i < games; i++) {
          assertThat(futures.get(i).get())
              .as("%d threads, seed %d", threads, i + 1)
              .isEqualTo(reference.get(i));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void adjudicationDoesNotChangeItsInputs() {
    World w = world(3);
    GameState s = Games.start(w).state();
    String before = StateHasher.hash(s);
    Map<String, Orders> orders = new LinkedHashMap<>();
    orders.put("R1", org.entente.api.OrderSyntax.parse("BALANCE S1 0.3; ATTACK S1"));
    TurnResult a = Adjudicator.adjudicate(s, orders, 9);
    TurnResult b = Adjudicator.adjudicate(s, orders, 9);
    assertThat(StateHasher.hash(s)).isEqualTo(before);
    assertThat(a.report()).isEqualTo(b.report());
    assertThat(StateHasher.hash(a.state())).isEqualTo(StateHasher.hash(b.state()));
  }
}
