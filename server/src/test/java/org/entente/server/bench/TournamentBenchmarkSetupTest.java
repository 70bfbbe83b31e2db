package org.entente.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.client.bots.Strategies;
import org.junit.jupiter.api.Test;

/**
 * The tournament benchmark measures what it says (without timing anything): every registered
 * strategy enters, and the tournament and its baseline count the same games.
 */
class TournamentBenchmarkSetupTest {
  @Test
  void bothBenchmarksPlayEveryGameOfATournamentOfEveryStrategy() throws Exception {
    TournamentBenchmark.Setting s = new TournamentBenchmark.Setting();
    s.set = "synthetic8x30";
    s.threads = 2;
    s.setUp();
    int k = Strategies.names().size();
    assertThat(s.schedule.entrants()).hasSize(k);
    assertThat(s.schedule.games()).isEqualTo(2 * k);
    TournamentBenchmark b = new TournamentBenchmark();
    TournamentBenchmark.Counters tournament = new TournamentBenchmark.Counters();
    assertThat(b.tournament(s, tournament)).hasSize(2 * k).doesNotContainNull();
    TournamentBenchmark.Counters loop = new TournamentBenchmark.Counters();
    assertThat(b.simulateLoop(s, loop)).isEqualTo(2 * k * 30);
    assertThat(loop.games).isEqualTo(tournament.games).isEqualTo(2 * k);
  }
}
