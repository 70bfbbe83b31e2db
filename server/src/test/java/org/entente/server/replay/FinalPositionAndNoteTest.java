package org.entente.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay --final} shows the position after the last turn; {@code note} adds a note. */
class FinalPositionAndNoteTest {
  @TempDir Path dir;

  @Test
  void theFinalPositionIsShownWithLabelsThatSayWhen() throws Exception {
    Path file = Journals.simulate(dir, "europe-1914");
    Replayer r = Replayer.open(file);
    int n = r.turns();
    Journals.Run fin = Journals.run("replay", file.toString(), "--final", "--as", "FRN");
    assertThat(fin.code()).as(fin.err()).isZero();
    assertThat(fin.out())
        .contains("the final position: after turn " + n + "/" + n)
        .contains("standings after adjudication of the last turn (" + n + "):")
        .contains("alliances at the end:")
        .contains("view of FRN at the start of turn " + (n + 1) + ":")
        .contains("  at the start of the turn: coverage ")
        .contains("threat row at the start of the turn")
        .contains("hash " + r.hash(n));
    // coverage as a whole percentage, as the web client shows it
    assertThat(fin.out()).containsPattern("coverage \\d+%, principal threat");
    Journals.Run onePast =
        Journals.run("replay", file.toString(), "--turn", String.valueOf(n + 1), "--as", "FRN");
    assertThat(onePast.code()).as(onePast.err()).isZero();
    assertThat(onePast.out()).isEqualTo(fin.out());
    Journals.Run tooFar = Journals.run("replay", file.toString(), "--turn", String.valueOf(n + 2));
    assertThat(tooFar.code()).isEqualTo(2);
    assertThat(tooFar.err()).contains("no turn " + (n + 2)).contains("--final");
    Journals.Run turn = Journals.run("replay", file.toString(), "--turn", "2");
    assertThat(turn.out()).contains("standings after adjudication (at the end of turn 2):");
  }

  @Test
  void aNoteIsJournaledAndShownByReplay() throws Exception {
    Path file = Journals.simulate(dir, "europe-1914");
    int n = Replayer.open(file).turns();
    long before = Files.size(file);
    Journals.Run tooFar =
        Journals.run("note", file.toString(), "--turn", String.valueOf(n + 1), "late");
    assertThat(tooFar.code()).isEqualTo(2);
    assertThat(tooFar.err()).contains("no turn " + (n + 1)).contains("1.." + n);
    assertThat(Journals.run("note", file.toString(), "--turn", "0", "early").code()).isEqualTo(2);
    assertThat(Journals.run("note", file.toString(), "--turn", "2", " ").code()).isEqualTo(2);
    assertThat(Files.size(file)).isEqualTo(before);

    String id = file.getFileName().toString().replace(".journal", "");
    Journals.Run ok =
        Journals.run(
            "note",
            id,
            "--data",
            file.getParent().toString(),
            "--turn",
            "2",
            "--author",
            "Ms Kim",
            "Why",
            "does France hide?");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("note added to turn 2 of " + id);
    Replayer again = Replayer.open(file);
    assertThat(again.annotations())
        .anySatisfy(
            a -> {
              assertThat(a.turn()).isEqualTo(2);
              assertThat(a.author()).isEqualTo("Ms Kim");
              assertThat(a.text()).isEqualTo("Why does France hide?");
            });
    assertThat(again.turns()).isEqualTo(n);
    assertThat(again.hash(n)).isEqualTo(Replayer.open(file).hash(n));
    Journals.Run shown = Journals.run("replay", file.toString(), "--turn", "2");
    assertThat(shown.out()).contains("notes on turn 2:\n  Ms Kim: Why does France hide?");
  }

  @Test
  void aGameStillRunningIsNotNotedFromTheCommandLine() throws Exception {
    Path file = Journals.simulate(dir, "europe-1914");
    // the same journal cut before its last turn: a server may still be writing it
    var records = org.entente.server.journal.JournalReader.read(file).records();
    int cut = records.size() - 1;
    while (!records.get(cut).hasTurn()) {
      cut--;
    }
    Path running = dir.resolve("running");
    var store = new org.entente.server.journal.DirectoryJournalStore(running);
    String id = records.get(0).getGameCreated().getGameId();
    try (var j = store.create(id)) {
      for (int i = 0; i < cut; i++) {
        j.append(records.get(i));
      }
      j.force();
    }
    long before = Files.size(store.path(id));
    Journals.Run r =
        Journals.run("note", id, "--data", running.toString(), "--turn", "2", "a note");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(id + " is not finished");
    assertThat(Files.size(store.path(id))).isEqualTo(before);
  }
}
