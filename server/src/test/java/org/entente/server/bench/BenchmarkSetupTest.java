package org.entente.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.server.engine.Adjudicator;
import org.entente.server.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * Keeps the benchmarks honest without running them (they are not tests; see BENCHMARKS.md): the
 * scenario parameter lists every built-in scenario, the measured turn is the realistic position the
 * benchmark promises, and the replayed games are the played ones.
 */
class BenchmarkSetupTest {
  @Test
  void theScenarioBenchmarkCoversEveryBuiltInScenario() throws Exception {
    Param p = GameBenchmark.Scenario.class.getField("id").getAnnotation(Param.class);
    assertThat(p.value()).containsExactlyElementsOf(ScenarioLoader.builtinIds());
  }

  @Test
  void theMeasuredTurnHasAlliancesAPendingCrisisAndEverySeatsOrders() {
    for (int n : new int[] {8, 32}) {
      TurnBenchmark.Position p = TurnBenchmark.position(n);
      assertThat(p.state().turn()).isGreaterThan(TurnBenchmark.MIN_TURNS_PLAYED);
      assertThat(p.state().alliances()).isNotEmpty();
      assertThat(p.state().crises()).isNotEmpty();
      assertThat(p.orders())
          .hasSize((int) p.state().nations().stream().filter(x -> x.active()).count());
    }
  }

  @Test
  void theScenarioTurnIsAWholeEuropeanPositionWithEverySeatsOrders() throws Exception {
    ScenarioTurnBenchmark b = new ScenarioTurnBenchmark();
    b.scenario = "europe-1936";
    b.setUp();
    assertThat(b.state.nations()).hasSize(31);
    assertThat(b.state.alliances()).isNotEmpty();
    assertThat(b.orders).hasSize((int) b.state.nations().stream().filter(x -> x.active()).count());
    var result = Adjudicator.adjudicate(b.state, b.orders, ScenarioTurnBenchmark.GAME_SEED);
    assertThat(result.state().turn()).isEqualTo(b.state.turn() + 1);
  }

  @Test
  void everySetUpRuns() throws Exception {
    TurnBenchmark turn = new TurnBenchmark();
    turn.states = 8;
    turn.setUp();
    var result = Adjudicator.adjudicate(turn.state, turn.orders, TurnBenchmark.GAME_SEED);
    assertThat(result.state().turn()).isEqualTo(turn.state.turn() + 1);
    assertThat(turn.twin).isNotSameAs(turn.state).isEqualTo(turn.state);
    assertThat(
            Adjudicator.adjudicate(turn.twin, turn.orders, TurnBenchmark.GAME_SEED)
                .report()
                .stateHash())
        .isEqualTo(result.report().stateHash());
    GameBenchmark.Scenario scenario = new GameBenchmark.Scenario();
    scenario.id = "tutorial";
    scenario.setUp();
    assertThat(new GameBenchmark().scenario(scenario).reports()).isNotEmpty();
    GameBenchmark.Synthetic synthetic = new GameBenchmark.Synthetic();
    synthetic.setUp(); // checks that the replayed games are the played ones
    assertThat(new GameBenchmark().synthetic8x30(synthetic).reports()).hasSize(30);
    assertThat(new GameBenchmark().synthetic8x30EngineOnly(synthetic).reports()).hasSize(30);
  }
}
