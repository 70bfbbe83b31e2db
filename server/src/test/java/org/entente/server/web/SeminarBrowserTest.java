package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.net.ClasspathStaticFiles;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seminar web client in a real headless Chromium against the real server on a loopback port:
 * runs {@code src/test/e2e/seminar.mjs} (playwright-core, installed with {@code npm ci} when
 * missing) and checks that every step of the seminar held. The screenshots go to {@code
 * server/target/screenshots}, or to the folder named by {@code -Dentente.screenshots} (the
 * committed ones in {@code docs/screenshots} are made with {@code
 * -Dentente.screenshots=docs/screenshots}, relative to the repository). Node.js, npm and Chromium
 * must be installed ({@code .ci/run} installs them on Debian); when one is missing the test fails
 * and says which.
 */
class SeminarBrowserTest {
  private static final Path REPO = NodeE2e.REPO;
  private static final Path E2E = NodeE2e.E2E;

  @TempDir Path data;
  Lobby lobby;
  NetServer server;

  static final String KEY = "seminar-instructor-key-2026";
  ServerConfig config;

  @BeforeEach
  void start() {
    config = Loopback.config(data, ServerConfig.defaults().maxMessagesPerSecond());
    serve();
  }

  // The server on the data folder (recovering its games), on the same port after a restart.
  void serve() {
    lobby = new Lobby(config, GameClock.system(), new DirectoryJournalStore(data));
    lobby.instructorKey(KEY);
    lobby.recover();
    server =
        new NetServer(
            config,
            lobby,
            new ClasspathStaticFiles(SeminarBrowserTest.class.getClassLoader(), "web/"),
            Map.of(
                "/debrief/",
                lobby.debriefRoute(),
                "/handout/",
                lobby.handoutRoute(),
                "/transcript/",
                lobby.transcriptRoute()));
    server.start();
    config = config.withPort(server.port());
  }

  // What seminar.mjs asks for: a server restart, mid-game and after the end.
  String restart(String line) {
    if (!line.equals("RESTART-SERVER")) {
      return null;
    }
    server.close();
    lobby.shutdown();
    serve();
    return "restarted";
  }

  @AfterEach
  void stop() {
    server.close();
    lobby.shutdown();
  }

  @Test
  void aSeminarRunsInTheBrowserAndNoSeatSeesAnotherSeatsSecrets() throws Exception {
    NodeE2e.requireChromium();
    NodeE2e.installPlaywright();
    Path shots =
        REPO.resolve(System.getProperty("entente.screenshots", "server/target/screenshots"));
    NodeE2e.Result r =
        NodeE2e.runInteractive(
            List.of(
                "node",
                E2E.resolve("seminar.mjs").toString(),
                "http://127.0.0.1:" + server.port(),
                shots.toString(),
                KEY),
            300,
            this::restart);
    assertThat(r.exit()).as("seminar.mjs failed:%n%s", r.output()).isZero();
    assertThat(r.output())
        .contains("ok - the order form was filled and sent with the keyboard alone")
        .contains("ok - a double click on \"Create the game\" made one game (1)")
        .contains("ok - the handout has a QR code for each seat card and the observers")
        .contains("ok - a student with another seat's secret is refused the seat")
        .contains("ok - messages go to everyone unless the student picks a recipient")
        .contains("ok - the instructor wrote to LEN privately")
        .contains("ok - OST never receives the instructor's private note to another seat")
        .contains("ok - LEN never receives the join secrets or the roster")
        .contains(
            "ok - an observer from the watch link sees the game without an order or message form")
        .contains("ok - the lobby says in a line what each seat's bot does")
        .contains("ok - the seat page (desktop) shows no raw float or exponent")
        .contains("ok - the seat page (phone) shows no raw float or exponent")
        .contains("ok - the instructor console shows no raw float or exponent")
        .contains("ok - the replay shows no raw float or exponent")
        .contains("ok - the comparison shows no raw float or exponent")
        .contains("ok - LEN never receives a private message not meant for it")
        .contains("ok - OST never receives the other seat's private briefing")
        .contains("ok - the seat page fits a phone's width")
        .contains("ok - the offensive flag is explained beside its box")
        .contains("ok - the seat lists the alliance with its target and kind")
        .contains("ok - at the start of turn 2 the replay lists the alliance against Kador")
        .contains("ok - the console lists the alliance with its target")
        .contains("requests went to the server itself (elsewhere: none)")
        .contains("ok - the Content-Security-Policy blocked nothing")
        .contains("ok - the debrief has its download links, with no token in them")
        .contains("ok - what-if branch: What-if game")
        .contains("ok - compare two games: ")
        .contains("ok - class day: the printed handout has a card with a QR code per seat")
        .contains("ok - class day: a seat's link without its secret, with another seat's code, is")
        .contains("ok - class day: three students joined by code, two of them on Lennmark")
        .contains("ok - class day: Ben sees Anna's draft before anything is sent")
        .contains(
            "ok - class day: Anna's orders reach Ben's form live, with who sent them and when")
        .contains("ok - class day: after a restart mid-game the seats are back")
        .contains("ok - class day: Olga sees the final standings and their own score by component")
        .contains("ok - class day: after a restart the finished game is still on the dashboard")
        .contains("ok - class day: without the key another browser does not list the finished game")
        .contains("ok - class day: a wrong key is refused with a clear message and lists nothing")
        .contains("ok - class day: the right key lists every game and the refusal is gone")
        .contains("ok - class day: the key opens the finished game's console on the phone, with a")
        .contains("ok - class day: the console opened by the key shows the game (its students)")
        .contains("ok - class day: the phone keeps the token the key gave it")
        .contains("ok - class day: the finished game replays after the restart")
        .contains("ok - class day: the finished game has its debrief after the restart")
        .contains("ok - class day: after the restart the students still see their final scores")
        .contains("E2E OK");
    for (String png :
        List.of(
            "web-seat.png",
            "web-seat-phone.png",
            "web-instructor.png",
            "web-replay.png",
            "web-compare.png",
            "web-dashboard.png",
            "web-dashboard-phone.png",
            "web-team.png",
            "web-team-phone.png",
            "web-closure.png",
            "web-closure-phone.png")) {
      assertThat(shots.resolve(png)).exists();
      assertThat(Files.size(shots.resolve(png))).as(png).isGreaterThan(10_000);
    }
  }
}
