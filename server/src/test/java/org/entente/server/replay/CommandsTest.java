package org.entente.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.entente.server.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
  @TempDir Path dir;

  @Test
  void replayPrintsATurnAndASeatsView() throws Exception {
    Path file = Journals.simulate(dir, ScenarioLoader.builtinIds().get(0));
    Replayer r = Replayer.open(file);
    String seat = r.world().start().get(0).id();
    Journals.Run run = Journals.run("replay", file.toString(), "--turn", "2", "--as", seat);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("turn 2/" + r.turns())
        .contains("stances:")
        .contains("events:")
        .contains("wars:")
        .contains("standings after adjudication (at the end of turn 2):")
        .contains("hash " + r.hash(2))
        .contains("view of " + seat + " at the start of turn 2")
        .contains("threat row")
        .contains("coverage")
        .contains("outcomes of last turn (after its adjudication):");
    // by game id in --data, last turn by default
    String id = file.getFileName().toString().replace(".journal", "");
    Journals.Run byId = Journals.run("replay", id, "--data", file.getParent().toString());
    assertThat(byId.code()).as(byId.err()).isZero();
    assertThat(byId.out()).contains("turn " + r.turns() + "/" + r.turns());
  }

  @Test
  void badGameTurnOrSeatExitTwo() throws Exception {
    Path file = Journals.simulate(dir, ScenarioLoader.builtinIds().get(0));
    Journals.Run noGame = Journals.run("replay", "no-such-game", "--data", dir.toString());
    assertThat(noGame.code()).isEqualTo(2);
    assertThat(noGame.err()).contains("no such game");
    Journals.Run noTurn = Journals.run("replay", file.toString(), "--turn", "9999");
    assertThat(noTurn.code()).isEqualTo(2);
    assertThat(noTurn.err()).contains("no turn 9999");
    Journals.Run zero = Journals.run("replay", file.toString(), "--turn", "0");
    assertThat(zero.code()).isEqualTo(2);
    Journals.Run noSeat = Journals.run("replay", file.toString(), "--as", "ATLANTIS");
    assertThat(noSeat.code()).isEqualTo(2);
    assertThat(noSeat.err()).contains("no seat ATLANTIS");
    Path junk = dir.resolve("junk.journal");
    Files.writeString(junk, "not a journal at all");
    assertThat(Journals.run("replay", junk.toString()).code()).isEqualTo(2);
  }

  @Test
  void branchPlaysOnAndWritesItsJournal() throws Exception {
    Path file = Journals.simulate(dir, ScenarioLoader.builtinIds().get(0));
    Replayer r = Replayer.open(file);
    String seat = r.orders(3).keySet().iterator().next();
    Path out = dir.resolve("branches");
    Journals.Run run =
        Journals.run(
            "branch",
            file.toString(),
            "--turn",
            "3",
            "--orders",
            seat + "=HIDE",
            "--journal",
            out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("branch ").contains("journal written to");
    try (Stream<Path> files = Files.list(out)) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      assertThat(Replayer.open(all.get(0)).lineage().parentId()).isEqualTo(r.gameId());
      var created =
          org.entente.server.journal.JournalReader.read(all.get(0))
              .records()
              .get(0)
              .getGameCreated();
      assertThat(created.getParentGameId()).isEqualTo(r.gameId());
      assertThat(created.getForkTurn()).isEqualTo(3);
      assertThat(created.getAncestorsList()).containsExactly(r.gameId());
    }
    assertThat(Journals.run("branch", file.toString(), "--turn", "0").code()).isEqualTo(2);
    assertThat(
            Journals.run("branch", file.toString(), "--turn", "2", "--orders", "ATLANTIS=HIDE")
                .code())
        .isEqualTo(2);
    assertThat(
            Journals.run("branch", file.toString(), "--turn", "2", "--orders", seat + "=DANCE")
                .code())
        .isEqualTo(2);
  }
}
