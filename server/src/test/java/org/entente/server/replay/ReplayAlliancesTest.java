package org.entente.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.api.AllianceKind;
import org.entente.api.PlayerView;
import org.entente.server.history.GameHistory;
import org.entente.server.sim.AllianceGames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays and diffs carry an alliance's target and kind (rules 2.0). */
class ReplayAlliancesTest {
  @TempDir Path dir;

  @Test
  void everyRolesViewHasTheTargetAndKind() throws Exception {
    Replayer r = Replayer.of(AllianceGames.history("g-pact", true, 3));
    ReplayView.ObserverView observer = (ReplayView.ObserverView) r.view(2, Role.OBSERVER);
    assertThat(observer.alliances()).hasSize(1);
    PlayerView.AllianceView a = observer.alliances().get(0);
    assertThat(a.members()).containsExactly("LEN", "OST");
    assertThat(a.target()).isEqualTo("KAD");
    assertThat(a.kind()).isEqualTo(AllianceKind.OFFENSIVE);
    assertThat(r.view(2, "KAD").alliances()).containsExactly(a);
    ReplayView.InstructorView all = (ReplayView.InstructorView) r.view(2, Role.INSTRUCTOR);
    assertThat(all.seats().get("LEN").alliances()).containsExactly(a);
    assertThat(all.state().alliances().get(0).target()).isEqualTo("KAD");
  }

  @Test
  void theReplayPrintoutListsTheAlliancesWithTargetAndKind() throws Exception {
    Replayer r = Replayer.of(AllianceGames.history("g-pact", true, 3));
    StringWriter sw = new StringWriter();
    PrintWriter out = new PrintWriter(sw);
    ReplayCommand.printTurn(out, r, 1);
    ReplayCommand.printView(out, r.view(2, "OST"));
    out.flush();
    String id = r.state(2).alliances().get(0).id();
    assertThat(sw.toString())
        .contains("alliances after the turn:\n  " + id + " offensive against KAD: LEN, OST")
        .contains("  alliances:\n    " + id + " offensive against KAD: LEN, OST (cohesion ")
        .contains("since turn 1)");
  }

  @Test
  void replayingAVersionTwoJournalIsRefusedNamingBothVersions() throws Exception {
    Path file = Journals.simulate(dir, "tutorial");
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer.wrap(bytes).putInt(4, 2);
    Files.write(file, bytes);
    Journals.Run run = Journals.run("replay", file.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("journal format version 2").contains("reads version 3");
  }

  @Test
  void theDiffTellsAlliancesApartByKindAndTarget() throws Exception {
    GameHistory offensive = AllianceGames.history("g-pact", true, 2);
    GameHistory defensive = AllianceGames.history("g-pact", false, 2);
    Diff d = Diff.of(offensive, null, defensive, null);
    assertThat(d.alliancesOnlyA()).containsExactly("LEN+OST against KAD (offensive)");
    assertThat(d.alliancesOnlyB()).containsExactly("LEN+OST against KAD");
    assertThat(d.toWire(2, 2).getAlliancesOnlyAList())
        .containsExactly("LEN+OST against KAD (offensive)");
    assertThat(Diff.of(offensive, null, offensive, null).alliancesOnlyA()).isEmpty();
  }
}
