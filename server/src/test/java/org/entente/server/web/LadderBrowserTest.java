package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.ladder.Ladder;
import org.entente.server.net.ClasspathStaticFiles;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ladder page in a real headless Chromium ({@code src/test/e2e/ladder.mjs}), on a server whose
 * ladder has rated a few games of built-in strategies.
 */
class LadderBrowserTest {
  @Test
  void theLadderPageShowsTheRatingsAndTheGames(@TempDir Path data) throws Exception {
    NodeE2e.requireChromium();
    NodeE2e.installPlaywright();
    List<String> field = List.of("threat-balancer", "hider", "random");
    ServerConfig config = Loopback.config(data, 10_000);
    Lobby lobby = new Lobby(config, GameClock.system(), new DirectoryJournalStore(data));
    Ladder ladder =
        Ladder.open(lobby, data, new Ladder.Config(1.0, List.of("tutorial"), field, 5, 5));
    NetServer server =
        new NetServer(
            config,
            lobby,
            new ClasspathStaticFiles(LadderBrowserTest.class.getClassLoader(), "web/"),
            Map.of("/ladder/game/", ladder.gameRoute()));
    try {
      server.start();
      ladder.start();
      long end = System.nanoTime() + 30_000_000_000L;
      while (ladder.gamesRated() < 3 && System.nanoTime() < end) {
        Thread.sleep(100);
      }
      assertThat(ladder.gamesRated()).isGreaterThanOrEqualTo(3);
      Path shot =
          NodeE2e.REPO.resolve(
              System.getProperty("entente.screenshots", "server/target/screenshots")
                  + "/ladder.png");
      Files.createDirectories(shot.getParent());
      List<String> command =
          new ArrayList<>(
              List.of("node", "ladder.mjs", "http://127.0.0.1:" + server.port(), shot.toString()));
      command.addAll(field);
      NodeE2e.Result r = NodeE2e.run(command, 120);
      assertThat(r.exit()).as("ladder.mjs failed:%n%s", r.output()).isZero();
      assertThat(r.output())
          .contains("ok - the standings have a row per entrant (3)")
          .contains("ok - the Korean toggle translates the page")
          .contains("LADDER OK");
    } finally {
      ladder.close();
      server.close();
      lobby.shutdown();
    }
  }
}
