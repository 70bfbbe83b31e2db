package org.entente.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.client.bots.Strategies;
import org.entente.client.bots.StrategyInfo;
import org.entente.client.bots.ViewPart;
import org.entente.server.engine.Adjudicator;
import org.entente.server.engine.Games;
import org.entente.server.engine.Views;
import org.entente.server.engine.World;
import org.entente.server.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in strategy over whole games of every scenario: each order it gives is one the server
 * would accept, the same seed gives the same orders and hashes, it reads only the view parts it
 * declares (every other part is perturbed and its orders must not move), and a bot that takes a
 * seat late decides as one that had played it from the start.
 */
class StrategyLibraryTest {
  static final long SEED = 11;

  /** One seat's decision in a game: what it saw and what it ordered. */
  record Decision(String seat, int turn, PlayerView view, Orders orders) {}

  /** A played game: the hashes and every decision, in turn then seat order. */
  record Game(List<String> hashes, List<Decision> decisions, Games.Played played) {}

  static Stream<Arguments> lineups() {
    List<Arguments> out = new ArrayList<>();
    List<String> names = Strategies.names();
    for (String scenario : ScenarioLoader.builtinIds()) {
      for (String name : names) {
        out.add(Arguments.of(scenario, "all " + name, name, 0));
      }
      for (int shift = 0; shift < names.size(); shift += 3) {
        out.add(Arguments.of(scenario, "mixed+" + shift, null, shift));
      }
    }
    return out.stream();
  }

  /** Seat i plays {@code only}, or when null the strategy (i + shift) in the library's order. */
  static Map<String, String> lineup(World w, String only, int shift) {
    List<String> names = Strategies.names();
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < w.size(); i++) {
      out.put(w.start().get(i).id(), only != null ? only : names.get((i + shift) % names.size()));
    }
    return out;
  }

  static Game play(World w, long seed, Map<String, String> lineup) {
    Map<String, Bot> bots = new TreeMap<>();
    lineup.forEach((seat, name) -> bots.put(seat, Strategies.create(name)));
    List<Decision> decisions = new ArrayList<>();
    Games.Played played =
        Games.play(
            w,
            seed,
            w.turns(),
            turn -> {
              Views.Public pub = Views.publicPart(turn.state(), turn.lastReport());
              Map<String, Orders> orders = new TreeMap<>();
              for (var e : bots.entrySet()) {
                String seat = e.getKey();
                if (!turn.state().nation(seat).active()) {
                  continue;
                }
                int t = turn.state().turn();
                PlayerView view = Views.of(pub, seat);
                Orders o = e.getValue().decide(view, Dice.of(seed, t, "bot:" + seat));
                assertThat(Adjudicator.check(turn.state(), seat, o))
                    .as("%s (%s) turn %d: %s", seat, lineup.get(seat), t, o)
                    .isEmpty();
                orders.put(seat, o);
                decisions.add(new Decision(seat, t, view, o));
              }
              return orders;
            });
    return new Game(Simulation.hashes(played), decisions, played);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("lineups")
  void wholeGamesGiveOnlyAcceptedOrdersAndTheSameSeedTheSameGame(
      String scenario, String label, String only, int shift) throws Exception {
    World w = ScenarioLoader.builtin(scenario).world();
    Map<String, String> lineup = lineup(w, only, shift);

    Game first = play(w, SEED, lineup);
    Game again = play(w, SEED, lineup);

    assertThat(first.hashes()).hasSize(w.turns());
    assertThat(again.hashes()).isEqualTo(first.hashes());
    assertThat(again.decisions().stream().map(Decision::orders).toList())
        .isEqualTo(first.decisions().stream().map(Decision::orders).toList());
    // the headless simulation plays exactly this game
    assertThat(Simulation.hashes(Simulation.run(w, SEED, lineup, w.turns())))
        .isEqualTo(first.hashes());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("lineups")
  void eachStrategyReadsOnlyTheViewPartsItDeclares(
      String scenario, String label, String only, int shift) throws Exception {
    World w = ScenarioLoader.builtin(scenario).world();
    Map<String, String> lineup = lineup(w, only, shift);
    Game game = play(w, SEED, lineup);
    for (var e : lineup.entrySet()) {
      String seat = e.getKey();
      StrategyInfo info = Strategies.info(e.getValue());
      List<Decision> mine = game.decisions().stream().filter(d -> d.seat().equals(seat)).toList();
      for (ViewPart part : ViewPart.values()) {
        if (info.reads().contains(part)) {
          continue;
        }
        Bot fresh = info.create();
        for (Decision d : mine) {
          PlayerView perturbed = Perturb.part(d.view(), part);
          Orders o = fresh.decide(perturbed, Dice.of(SEED, d.turn(), "bot:" + seat));
          assertThat(o)
              .as(
                  "%s as %s turn %d: orders moved when %s (not declared) changed",
                  info.name(), seat, d.turn(), part)
              .isEqualTo(d.orders());
        }
      }
    }
  }

  @Test
  void theDeclarationsAreNotEmptyClaims() {
    // The perturbation check must be able to fail: a threat balancer shown no crises, no
    // principal leader or another coverage decides differently somewhere in a game.
    World w = world("europe-1914");
    Game game = play(w, SEED, lineup(w, "threat-balancer", 0));
    for (ViewPart part : List.of(ViewPart.CRISES, ViewPart.PRINCIPAL_LEADER, ViewPart.COVERAGE)) {
      boolean moved = false;
      for (Decision d : game.decisions()) {
        Orders o =
            Strategies.create("threat-balancer")
                .decide(Perturb.part(d.view(), part), Dice.of(SEED, d.turn(), "bot:" + d.seat()));
        moved |= !o.equals(d.orders());
      }
      assertThat(moved).as(part.name()).isTrue();
    }
  }

  /** A game and the seats in it that {@code strategy} plays. */
  record Seated(Game game, List<String> seats) {}

  /** Games of {@code w} where {@code strategy} plays every seat, then the mixed line-ups. */
  static List<Seated> gamesWith(String strategy, World w) {
    List<Seated> out = new ArrayList<>();
    out.add(
        new Seated(
            play(w, SEED, lineup(w, strategy, 0)),
            new ArrayList<>(lineup(w, strategy, 0).keySet())));
    for (int shift = 0; shift < Strategies.names().size(); shift++) {
      Map<String, String> mixed = lineup(w, null, shift);
      List<String> seats =
          mixed.entrySet().stream()
              .filter(e -> e.getValue().equals(strategy))
              .map(Map.Entry::getKey)
              .toList();
      if (!seats.isEmpty()) {
        out.add(new Seated(play(w, SEED, mixed), seats));
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("adaptive")
  void aBotTakingASeatLateDecidesAsOneThatPlayedFromTheStart(String strategy) {
    for (String scenario : ScenarioLoader.builtinIds()) {
      for (Seated g : gamesWith(strategy, world(scenario))) {
        var states = g.game().played().states();
        var reports = g.game().played().reports();
        for (Decision d : g.game().decisions()) {
          if (d.turn() % 4 != 0 || !g.seats().contains(d.seat())) {
            continue;
          }
          Bot late =
              SeatBots.joining(
                  strategy,
                  d.seat(),
                  SEED,
                  states.subList(0, d.turn() - 1),
                  reports.subList(0, d.turn() - 1));
          assertThat(late.decide(d.view(), Dice.of(SEED, d.turn(), "bot:" + d.seat())))
              .as("%s %s %s turn %d", strategy, scenario, d.seat(), d.turn())
              .isEqualTo(d.orders());
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("adaptive")
  void adaptiveStrategiesDoUseTheirMemoryInRealGames(String strategy) {
    // A bot without memory (fresh every turn) decides differently somewhere, alone or among
    // other strategies: otherwise the late joining test above would prove nothing.
    boolean differs = false;
    for (String scenario : ScenarioLoader.builtinIds()) {
      for (Seated g : gamesWith(strategy, world(scenario))) {
        for (Decision d : g.game().decisions()) {
          if (g.seats().contains(d.seat())) {
            Orders forgetful =
                Strategies.create(strategy)
                    .decide(d.view(), Dice.of(SEED, d.turn(), "bot:" + d.seat()));
            differs |= !forgetful.equals(d.orders());
          }
        }
      }
    }
    assertThat(differs).isTrue();
  }

  static List<String> adaptive() {
    return Strategies.all().stream()
        .filter(StrategyInfo::adaptive)
        .map(StrategyInfo::name)
        .toList();
  }

  private static World world(String id) {
    try {
      return ScenarioLoader.builtin(id).world();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
