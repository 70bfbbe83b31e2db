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
 * Every page of the seminar web client in Korean, in a real headless Chromium whose language is
 * Korean, against the real server on a loopback port: runs {@code src/test/e2e/korean.mjs}, which
 * fails on any English word left in the lobby, the join page, the seat cards, the seat page, the
 * console (before and after a turn, and its CSV export), the replay, the debrief page, the games
 * dashboard, the ladder page and a student's closing panel once the game is over, then the lobby
 * and a seat page of a second scenario (middle-east-1955: its briefings and news in Korean), and
 * checks that no resource fails to load and that the language switch gives English back.
 * Screenshots ending in {@code -ko.png} go to {@code server/target/screenshots}, or to {@code
 * -Dentente.screenshots}.
 */
class KoreanPagesBrowserTest {
  @TempDir Path data;
  Lobby lobby;
  NetServer server;

  @BeforeEach
  void start() {
    ServerConfig config = Loopback.config(data, ServerConfig.defaults().maxMessagesPerSecond());
    lobby = new Lobby(config, GameClock.system(), new DirectoryJournalStore(data));
    server =
        new NetServer(
            config,
            lobby,
            new ClasspathStaticFiles(KoreanPagesBrowserTest.class.getClassLoader(), "web/"),
            Map.of(
                "/debrief/",
                lobby.debriefRoute(),
                "/handout/",
                lobby.handoutRoute(),
                "/transcript/",
                lobby.transcriptRoute()));
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    lobby.shutdown();
  }

  @Test
  void everyPageIsInKoreanAndTheSwitchGivesEnglishBack() throws Exception {
    NodeE2e.requireChromium();
    NodeE2e.installPlaywright();
    Path shots =
        NodeE2e.REPO.resolve(
            System.getProperty("entente.screenshots", "server/target/screenshots"));
    NodeE2e.Result r =
        NodeE2e.run(
            List.of(
                "node",
                NodeE2e.E2E.resolve("korean.mjs").toString(),
                "http://127.0.0.1:" + server.port(),
                shots.toString()),
            180);
    assertThat(r.exit()).as("korean.mjs failed:%n%s", r.output()).isZero();
    assertThat(r.output())
        .contains("ok - en.js and ko.js have the same")
        .contains("ok - the lobby has no English word (0 found)")
        .contains("ok - the observer page has no English word (0 found)")
        .contains("ok - the seat cards has no English word (0 found)")
        .contains("ok - the seat page after turn 1 has no English word (0 found)")
        .contains("ok - the instructor console after turn 1 has no English word (0 found)")
        .contains("ok - the replay has no English word (0 found)")
        .contains("ok - the debrief page has no English word (0 found)")
        .contains("ok - the games dashboard has no English word (0 found)")
        .contains("ok - the ladder page has no English word (0 found)")
        .contains("ok - the instructor console after the export has no English word (0 found)")
        .contains("ok - the seat page after the game has no English word (0 found)")
        .contains("ok - the games dashboard after the game has no English word (0 found)")
        .contains("ok - the lobby of middle-east-1955 has no English word (0 found)")
        .contains("ok - Egypt's private briefing is in Korean")
        .contains("ok - the seat page of middle-east-1955 has no English word (0 found)")
        .contains("ok - no page failed to load a resource")
        .contains("ok - France's private briefing is in Korean")
        .contains("ok - after the switch the lobby is in English")
        .contains("E2E OK");
    for (String png :
        List.of(
            "web-lobby-ko.png",
            "web-lobby-phone-ko.png",
            "web-seat-ko.png",
            "web-seat-phone-ko.png",
            "web-instructor-ko.png",
            "web-instructor-phone-ko.png")) {
      assertThat(shots.resolve(png)).exists();
      assertThat(Files.size(shots.resolve(png))).as(png).isGreaterThan(10_000);
    }
  }
}
