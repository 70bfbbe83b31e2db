package org.entente.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.GameInfo;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.ListGames;
import org.entente.proto.v1.Replay;
import org.entente.proto.v1.ReplayedTurn;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.engine.TurnReport;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.net.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finished games give back what they held: no thread stays behind per game, and a journaled game's
 * past positions and reports leave memory; the game stays listed, and replays of it (read back from
 * its journal) show exactly the turns that were played live.
 */
class FinishedGamesTest {
  static final int GAMES = 24;

  @TempDir Path data;
  Lobby lobby;

  @AfterEach
  void stop() {
    if (lobby != null) {
      lobby.shutdown();
    }
  }

  @Test
  void finishedGamesHoldNoThreadAndNoHistoryYetStayListedAndReplayable() {
    lobby = new Lobby(ServerConfig.defaults(), GameClock.system(), new DirectoryJournalStore(data));
    play(1); // the shared threads (games, journal syncs, deadlines) exist from here on
    int threadsBefore = Thread.activeCount();

    List<TestConnection> instructors = play(GAMES);

    int grown = Thread.activeCount() - threadsBefore;
    assertThat(grown)
        .as("threads added by %d finished games (a thread per game would add %d)", GAMES, GAMES)
        .isLessThan(GAMES / 2);

    ServerMessage list =
        TestConnection.hello(lobby)
            .request(ClientMessage.newBuilder().setListGames(ListGames.getDefaultInstance()));
    assertThat(list.getGames().getGamesList())
        .hasSize(GAMES + 1)
        .extracting(GameInfo::getPhase)
        .containsOnly(GamePhase.FINISHED);

    for (TestConnection instructor : instructors) {
      LiveGame g = lobby.game(LiveGameTest.gameId(instructor));
      TestConnection.settle(g);
      assertThat(g.released()).as(g.id + " released its history").isTrue();
      assertThat(g.states).as(g.id + " past positions in memory").isEmpty();
      assertThat(g.reports).as(g.id + " reports in memory").isEmpty();

      List<String> live =
          instructor.received().stream()
              .filter(ServerMessage::hasTurnResolved)
              .map(m -> m.getTurnResolved().getStateHash())
              .toList();
      assertThat(live).hasSize(8);
      assertThat(g.pastReports()).extracting(TurnReport::stateHash).isEqualTo(live);

      String token = LiveGameTest.instructorToken(instructor);
      instructor.request(ClientMessage.newBuilder().setReplay(Replay.newBuilder().setToken(token)));
      instructor.await(m -> m.hasAck() && m.getAck().getDetail().equals("replayed turns 1 to 8"));
      List<ReplayedTurn> replayed =
          instructor.received().stream()
              .filter(ServerMessage::hasReplayed)
              .map(ServerMessage::getReplayed)
              .toList();
      assertThat(replayed).extracting(r -> r.getResolved().getStateHash()).isEqualTo(live);
      assertThat(replayed)
          .extracting(r -> r.getView().getTurn())
          .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }
  }

  @Test
  void withoutAJournalAFinishedGameKeepsItsHistoryInMemory() {
    lobby = new Lobby(ServerConfig.defaults(), GameClock.system());
    TestConnection instructor = play(1).get(0);
    LiveGame g = lobby.game(LiveGameTest.gameId(instructor));
    TestConnection.settle(g);
    assertThat(g.released()).isFalse();
    assertThat(g.pastReports()).hasSize(8);
  }

  // Plays n tutorial games of bots to the end, all at once; returns their instructors.
  private List<TestConnection> play(int n) {
    List<TestConnection> instructors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TestConnection c = TestConnection.hello(lobby);
      ServerMessage created =
          c.request(
              ClientMessage.newBuilder()
                  .setCreateGame(
                      CreateGame.newBuilder()
                          .setScenario("tutorial")
                          .setSeed(100 + i)
                          .putAllBots(
                              Map.of(
                                  "KAD", "opportunist",
                                  "OST", "threat-balancer",
                                  "LEN", "opportunist"))));
      assertThat(created.hasGameCreated()).as(created.toString()).isTrue();
      instructors.add(c);
    }
    for (TestConnection c : instructors) {
      c.await(m -> m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.GAME_ENDED);
    }
    return instructors;
  }
}
