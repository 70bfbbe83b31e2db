package org.entente.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.server.journal.Replay;
import org.entente.server.replay.Diff;
import org.entente.server.replay.Lineage;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link BranchBenchmark} honest: the branch it measures is real and differs from turn 10.
 */
class BranchBenchmarkSetupTest {
  @Test
  void theMeasuredBranchForksAtTurn10AndTheDiffSeesIt() throws Exception {
    BranchBenchmark.Games g = new BranchBenchmark.Games();
    g.setUp();
    try {
      Replay.Replayed parent = Replay.replay(g.parent);
      Replay.Replayed branch = Replay.replay(g.branch);
      assertThat(parent.reports()).hasSize(20);
      assertThat(branch.reports()).hasSize(BranchBenchmark.FORK);
      assertThat(Lineage.of(branch.created()).parentId()).isEqualTo("parent");
      Diff d =
          Diff.of(
              parent.history(),
              Lineage.of(parent.created()),
              branch.history(),
              Lineage.of(branch.created()));
      assertThat(d.forkTurn()).isEqualTo(BranchBenchmark.FORK);
      assertThat(d.turns().get(0).stances()).isNotEmpty();
    } finally {
      g.tearDown();
    }
  }
}
