package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.server.cli.Entente;
import org.entente.server.debrief.Debrief;
import org.entente.server.history.GameHistory;
import org.entente.server.journal.JournalReader;
import org.entente.server.replay.Room;
import org.entente.server.replay.RoomGame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML debrief of a classroom game played through a real server ({@link RoomGame}) opened in a
 * real headless Chromium ({@code src/test/e2e/debrief.mjs}): its turning points, each with its
 * reasons, the summary, who played and the charts; then the Korean debrief of the same game, whose
 * turning points must give their reasons in Korean.
 */
class DebriefBrowserTest {
  @Test
  void theDebriefShowsItsTurningPointsAndTheirReasons(@TempDir Path dir) throws Exception {
    NodeE2e.requireChromium();
    NodeE2e.installPlaywright();
    Path journal = RoomGame.play(dir.resolve("data"));
    Path html = dir.resolve("debrief.html");
    picocli.CommandLine cli = Entente.commandLine();
    java.io.StringWriter out = new java.io.StringWriter();
    cli.setOut(new java.io.PrintWriter(out));
    cli.setErr(new java.io.PrintWriter(out));
    int code =
        cli.execute("debrief", journal.toString(), "--format", "html", "--out", html.toString());
    assertThat(code).as(out.toString()).isZero();
    JournalReader.Contents contents = JournalReader.read(journal);
    GameHistory h = JournalReader.history(journal);
    int points =
        Debrief.of(h, Room.of(contents), Debrief.Options.instructor()).turningPoints().size();
    assertThat(points).isPositive();
    Path shot =
        NodeE2e.REPO.resolve(
            System.getProperty("entente.screenshots", "server/target/screenshots")
                + "/debrief-room-game.png");
    Files.createDirectories(shot.getParent());
    NodeE2e.Result r =
        NodeE2e.run(
            List.of(
                "node",
                "debrief.mjs",
                html.toString(),
                shot.toString(),
                String.valueOf(points),
                RoomGame.STUDENT),
            120);
    assertThat(r.exit()).as("debrief.mjs failed:%n%s", r.output()).isZero();
    assertThat(r.output())
        .contains("ok - the turning points are listed (" + points + ")")
        .contains("gives its reasons")
        .contains("ok - \"who played\" names " + RoomGame.STUDENT)
        .contains("DEBRIEF OK");
    assertThat(Files.size(shot)).isGreaterThan(10_000);

    // the Korean debrief of the same game: its turning points give their reasons in Korean
    Path ko = dir.resolve("debrief-ko.html");
    code =
        cli.execute(
            "debrief",
            journal.toString(),
            "--format",
            "html",
            "--lang",
            "ko",
            "--out",
            ko.toString());
    assertThat(code).as(out.toString()).isZero();
    Path shotKo = shot.resolveSibling("debrief-room-game-ko.png");
    NodeE2e.Result k =
        NodeE2e.run(
            List.of(
                "node",
                "debrief.mjs",
                ko.toString(),
                shotKo.toString(),
                String.valueOf(points),
                RoomGame.STUDENT,
                "ko"),
            120);
    assertThat(k.exit()).as("debrief.mjs ko failed:%n%s", k.output()).isZero();
    assertThat(k.output())
        .contains("ok - the page says <html lang=\"ko\">")
        .contains("gives its reasons in Korean")
        .contains("DEBRIEF OK");
  }
}
