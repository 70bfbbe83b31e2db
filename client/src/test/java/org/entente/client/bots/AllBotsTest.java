package org.entente.client.bots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.entente.api.Action;
import org.entente.api.Action.ActionKind;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.Stance;
import org.entente.api.Stance.StanceKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every built-in strategy must have, over many generated views. */
class AllBotsTest {
  private static final int VIEWS = 3000;

  static java.util.List<String> names() {
    return Strategies.names();
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyOrderIsValidUnderTheEngineChecks(String name) {
    Bot bot = Strategies.create(name);
    for (long seed = 0; seed < VIEWS; seed++) {
      PlayerView v = RandomViews.view(seed);
      Orders o = bot.decide(v, Dice.of(seed, v.turn(), "bot:" + v.self()));
      assertThat(OrderValidity.problems(v, o)).as("%s on view %d: %s", name, seed, o).isEmpty();
    }
  }

  static java.util.List<String> statelessNames() {
    return Strategies.all().stream().filter(i -> !i.adaptive()).map(StrategyInfo::name).toList();
  }

  @ParameterizedTest
  @MethodSource("names")
  void twoFreshBotsShownTheSameViewsInOrderGiveEqualOrders(String name) {
    Bot first = Strategies.create(name);
    Bot second = Strategies.create(name);
    for (long seed = 0; seed < 500; seed++) {
      PlayerView v = RandomViews.view(seed);
      Dice d1 = Dice.of(seed, v.turn(), "bot");
      Dice d2 = Dice.of(seed, v.turn(), "bot");
      assertThat(second.decide(RandomViews.view(seed), d2))
          .as("view %d", seed)
          .isEqualTo(first.decide(v, d1));
    }
  }

  @ParameterizedTest
  @MethodSource("statelessNames")
  void sameViewAndDiceGiveEqualOrders(String name) {
    Bot shared = Strategies.create(name);
    for (long seed = 0; seed < 500; seed++) {
      PlayerView v = RandomViews.view(seed);
      PlayerView other = RandomViews.view(seed + 1);
      Orders first = shared.decide(v, Dice.of(7, v.turn(), "bot"));
      shared.decide(other, Dice.of(8, other.turn(), "bot")); // a shared instance keeps no state
      Orders again = shared.decide(RandomViews.view(seed), Dice.of(7, v.turn(), "bot"));
      Orders fresh = Strategies.create(name).decide(v, Dice.of(7, v.turn(), "bot"));
      assertThat(again).as("view %d", seed).isEqualTo(first);
      assertThat(fresh).as("view %d", seed).isEqualTo(first);
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void aConqueredSeatJustHides(String name) {
    PlayerView v = new ViewBuilder().nation("a").nation("b").nation("c").conquered("c").build("c");
    assertThat(Strategies.create(name).decide(v, Dice.of(1, 1, "bot"))).isEqualTo(Orders.hide());
  }

  @ParameterizedTest
  @MethodSource("names")
  void aLoneSurvivorHides(String name) {
    PlayerView v = new ViewBuilder().nation("a").nation("b").conquered("b").build("a");
    Orders o = Strategies.create(name).decide(v, Dice.of(1, 1, "bot"));
    assertThat(o.stance()).isEqualTo(Stance.HIDE);
    assertThat(OrderValidity.problems(v, o)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyStrategyUsesActionsSomewhere(String name) {
    Bot bot = Strategies.create(name);
    boolean acted = false;
    for (long seed = 0; seed < VIEWS && !acted; seed++) {
      PlayerView v = RandomViews.view(seed);
      acted = !bot.decide(v, Dice.of(seed, v.turn(), "bot")).actions().isEmpty();
    }
    assertThat(acted).isTrue();
  }

  @org.junit.jupiter.api.Test
  void randomUsesEveryStanceAndActionKind() {
    Bot bot = Strategies.create("random");
    PlayerView v =
        new ViewBuilder()
            .nation("a")
            .nation("b")
            .nation("c")
            .nation("d")
            .alliance("a1", "a", "b")
            .build("a");
    Set<StanceKind> kinds = EnumSet.noneOf(StanceKind.class);
    Set<ActionKind> actions = EnumSet.noneOf(ActionKind.class);
    for (long seed = 0; seed < 200; seed++) {
      Orders o = bot.decide(v, Dice.of(seed, v.turn(), "bot"));
      assertThat(OrderValidity.problems(v, o)).isEmpty();
      kinds.add(o.stance().kind());
      actions.addAll(o.actions().stream().map(Action::kind).toList());
    }
    assertThat(kinds).containsExactlyInAnyOrder(StanceKind.values());
    assertThat(actions).containsExactlyInAnyOrder(ActionKind.values());
  }
}
