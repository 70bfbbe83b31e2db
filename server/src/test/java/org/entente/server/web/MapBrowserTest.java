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
 * The seat page's map for every built-in scenario, in a real headless Chromium against the real
 * server on a loopback port: runs {@code src/test/e2e/map.mjs}, which checks the Natural Earth base
 * map under the states, the inset of far-away states (the USA in europe-1914), that the theatre
 * fills the frame, that no two labels overlap, that the legend's swatches match the lines, and that
 * crises are arrows from aggressor to target. Screenshots {@code web-map-*.png} go to {@code
 * server/target/screenshots}, or to {@code -Dentente.screenshots}.
 */
class MapBrowserTest {
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
            new ClasspathStaticFiles(MapBrowserTest.class.getClassLoader(), "web/"),
            Map.of());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    lobby.shutdown();
  }

  @Test
  void theMapHasLandAnInsetForFarStatesLabelsApartAndALegendLikeItsLines() throws Exception {
    NodeE2e.requireChromium();
    NodeE2e.installPlaywright();
    Path shots =
        NodeE2e.REPO.resolve(
            System.getProperty("entente.screenshots", "server/target/screenshots"));
    NodeE2e.Result r =
        NodeE2e.run(
            List.of(
                "node",
                NodeE2e.E2E.resolve("map.mjs").toString(),
                "http://127.0.0.1:" + server.port(),
                shots.toString()),
            240);
    assertThat(r.exit()).as("map.mjs failed:%n%s", r.output()).isZero();
    assertThat(r.output())
        .contains("ok - europe-1914: the map draws the land")
        .contains("ok - europe-1914: the inset holds USA")
        .contains("ok - europe-1914: the European states fill the main frame")
        .contains("ok - europe-1914: no two of the 20 labels overlap")
        .contains("ok - europe-1936: no two of the 31 labels overlap")
        .contains("ok - europe-1936: the inset holds JPN, USA")
        .contains("ok - europe-1914: the crisis arrow runs from AUH to SRB, its head at SRB")
        .contains("ok - europe-1914: the alliance swatch has the alliance lines' classes")
        .contains("ok - europe-1914: the crisis swatch has the crisis lines' classes")
        .contains("ok - europe-1936: the client swatch has the client lines' classes")
        .contains("ok - peloponnesian-431bc: the inset holds no state")
        .contains("ok - tutorial: the invented map has no base map")
        .contains("ok - europe-1914 at 390 px: the map scales to the screen")
        .contains("ok - no page error or console error")
        .contains("E2E OK");
    for (String png :
        List.of(
            "web-map-europe-1914.png",
            "web-map-east-asia-2016.png",
            "web-map-peloponnesian-431bc.png",
            "web-map-phone.png")) {
      assertThat(shots.resolve(png)).exists();
      assertThat(Files.size(shots.resolve(png))).as(png).isGreaterThan(10_000);
    }
  }
}
