package org.entente.server.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.entente.api.Orders;
import org.entente.api.Stance;
import org.entente.server.history.GameHistory;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.journal.JournalReader;
import org.entente.server.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BranchTest {
  @TempDir Path dir;

  String scenario() {
    return ScenarioLoader.builtinIds().get(0);
  }

  @Test
  void aBranchWithUnchangedOrdersReproducesItsParentExactly() throws Exception {
    Path file = Journals.simulate(dir, scenario());
    Replayer parent = Replayer.open(file);
    for (int t : new int[] {1, parent.turns() / 2, parent.turns()}) {
      Branch b = Branch.from(parent, t, Map.of());
      GameHistory h = b.history();
      assertThat(h.reports()).hasSize(parent.turns());
      for (int u = 1; u <= parent.turns(); u++) {
        assertThat(h.reports().get(u - 1).stateHash())
            .as("fork %d turn %d", t, u)
            .isEqualTo(parent.hash(u));
        assertThat(b.orders().get(u - 1)).isEqualTo(parent.orders(u));
      }
      assertThat(b.lineage().parentId()).isEqualTo(parent.gameId());
      assertThat(b.lineage().forkTurn()).isEqualTo(t);
      assertThat(Diff.of(parent.history(), h).same()).isTrue();
    }
  }

  @Test
  void aBranchFromAHistoryReplaysTheBots() throws Exception {
    Path file = Journals.simulate(dir, scenario());
    GameHistory parent = JournalReader.history(file);
    int t = parent.reports().size() / 2;
    Branch b = Branch.from(parent, t, Map.of());
    for (int u = 1; u <= parent.reports().size(); u++) {
      assertThat(b.history().reports().get(u - 1).stateHash())
          .isEqualTo(parent.reports().get(u - 1).stateHash());
    }
  }

  @Test
  void changedOrdersDivergeFromTheForkAndTheDiffSaysHow() throws Exception {
    Path file = Journals.simulate(dir, scenario());
    Replayer parent = Replayer.open(file);
    int t = Math.max(1, parent.turns() / 3);
    String seat = null;
    for (var e : parent.orders(t).entrySet()) {
      if (!(e.getValue().stance() instanceof Stance.Hide)) {
        seat = e.getKey();
        break;
      }
    }
    assertThat(seat).as("a seat that does not hide on turn %d", t).isNotNull();
    Branch b = Branch.from(parent, t, Map.of(seat, Orders.hide()));
    GameHistory h = b.history();
    for (int u = 1; u < t; u++) {
      assertThat(h.reports().get(u - 1).stateHash()).isEqualTo(parent.hash(u));
    }
    assertThat(h.reports().get(t - 1).stateHash()).isNotEqualTo(parent.hash(t));
    Diff d = Diff.of(parent.history(), h);
    assertThat(d.same()).isFalse();
    assertThat(d.forkTurn()).isEqualTo(t);
    assertThat(d.turns().get(0).stances()).containsKey(seat);
    assertThat(d.turns().get(0).stances().get(seat)[1]).isEqualTo("HIDE");

    // its journal replays on its own, keeps the lineage, and diffs against the parent
    DirectoryJournalStore store = new DirectoryJournalStore(dir.resolve("branches"));
    b.writeJournal(store);
    Replayer again = Replayer.open(store.path(b.gameId()));
    assertThat(again.lineage()).isEqualTo(b.lineage());
    for (int u = 1; u <= again.turns(); u++) {
      assertThat(again.hash(u)).isEqualTo(h.reports().get(u - 1).stateHash());
    }
    Journals.Run diff = Journals.run("diff", file.toString(), store.path(b.gameId()).toString());
    assertThat(diff.code()).as(diff.err()).isZero();
    assertThat(diff.out()).contains("first divergent turn: " + t).contains(seat + " stance:  A ");

    // a branch of the branch shares the lineage with the root
    Branch bb = Branch.from(again, t + 1 <= again.turns() ? t + 1 : t, Map.of());
    assertThat(bb.lineage().ancestors()).containsExactly(parent.gameId(), b.gameId());
    assertThat(Diff.of(parent.history(), bb.history()).forkTurn()).isEqualTo(t);
  }

  @Test
  void gamesOfDifferentWorldsOrLineagesDoNotDiff() throws Exception {
    var ids = ScenarioLoader.builtinIds();
    Path a = Journals.simulate(dir, ids.get(0));
    Path b = Journals.simulate(dir, ids.get(1));
    assertThatThrownBy(() -> Diff.of(JournalReader.history(a), JournalReader.history(b)))
        .isInstanceOf(Diff.Unrelated.class);
    Journals.Run r = Journals.run("diff", a.toString(), b.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not games of one world");
    // two independent games of one world share no lineage
    Path a2 = Journals.simulate(dir.resolve("again"), ids.get(0));
    Journals.Run r2 = Journals.run("diff", a.toString(), a2.toString());
    assertThat(r2.code()).isEqualTo(2);
    assertThat(r2.err()).contains("share no lineage");
  }
}
