package org.entente.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code entente branch} refuses replacement orders the protocol's branch request refuses. */
class BranchOrdersCheckTest {
  @TempDir Path dir;
  Path game;
  Path out;

  @BeforeEach
  void journal() throws Exception {
    game = Journals.simulate(dir, "europe-1914");
    out = dir.resolve("branches");
  }

  private Journals.Run branch(String orders) {
    return Journals.run(
        "branch", game.toString(), "--turn", "3", "--orders", orders, "--journal", out.toString());
  }

  @Test
  void effortOutOfRangeIsRefusedNamingSeatAndOrder() {
    Journals.Run r = branch("FRN=BALANCE GMY 0.9");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("FRN=\"BALANCE GMY 0.9\"")
        .contains("at turn 3")
        .contains("effort")
        .contains("nothing written");
    assertThat(r.out()).doesNotContain("branch ");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void unknownTargetAndMalformedOrdersAreRefused() {
    Journals.Run unknown = branch("FRN=BALANCE ATL 0.2");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("FRN=\"BALANCE ATL 0.2\"").contains("ATL");
    Journals.Run malformed = branch("FRN=BALANCE");
    assertThat(malformed.code()).isEqualTo(2);
    assertThat(malformed.err()).contains("FRN=\"BALANCE\"").contains("BALANCE against");
    Journals.Run noState = branch("ATL=HIDE");
    assertThat(noState.code()).isEqualTo(2);
    assertThat(noState.err()).contains("no state 'ATL' in europe-1914");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void aValidReplacementStillBranches() throws Exception {
    Journals.Run r = branch("FRN=BALANCE GMY 0.2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("journal written to");
    try (var files = Files.list(out)) {
      assertThat(files.count()).isEqualTo(1);
    }
  }
}
