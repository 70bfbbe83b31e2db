package org.entente.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.GetView;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.JoinSeat;
import org.entente.proto.v1.Pause;
import org.entente.proto.v1.ResumeGame;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.TurnView;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.net.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A game with a deadline journaled to real files, its server stopped mid-turn and a new one
 * recovering it on the same hand-moved clock: the turn's clock goes on with the deadline as it was
 * journaled, not with a fresh full turn.
 */
class DeadlineRecoveryTest {
  @TempDir Path dir;
  final ManualClock clock = new ManualClock();
  final List<Lobby> lobbies = new ArrayList<>();

  @AfterEach
  void stop() {
    lobbies.forEach(Lobby::shutdown);
  }

  Lobby lobby() {
    Lobby l = new Lobby(ServerConfig.defaults(), clock, new DirectoryJournalStore(dir));
    lobbies.add(l);
    return l;
  }

  record Game(String id, String instructor, String len, String ost) {}

  /** A tutorial game with a 60 s deadline: KAD a bot, LEN and OST people; LEN has sent orders. */
  Game start(Lobby lobby) {
    TestConnection c = TestConnection.hello(lobby);
    ServerMessage r =
        c.request(
            ClientMessage.newBuilder()
                .setCreateGame(
                    CreateGame.newBuilder()
                        .setScenario("tutorial")
                        .setSeed(8)
                        .setDeadlineSeconds(60)
                        .putBots("KAD", "")));
    String id = r.getGameCreated().getGameId();
    LiveGameTest.Player len = join(lobby, id, "LEN");
    LiveGameTest.Player ost = join(lobby, id, "OST");
    assertThat(LiveGameTest.submit(len, 1, "BALANCE KAD 0.2 OST").hasOrdersAccepted()).isTrue();
    return new Game(id, r.getGameCreated().getInstructorToken(), len.token(), ost.token());
  }

  static LiveGameTest.Player join(Lobby lobby, String game, String state) {
    TestConnection c = TestConnection.hello(lobby);
    ServerMessage r =
        c.request(
            ClientMessage.newBuilder()
                .setJoinSeat(
                    JoinSeat.newBuilder()
                        .setGameId(game)
                        .setState(state)
                        .setSecret(JoinSecretsOf.of(lobby, game, state))));
    assertThat(r.hasJoined()).as(r.toString()).isTrue();
    return new LiveGameTest.Player(c, r.getJoined().getToken(), state);
  }

  static TurnView view(Lobby lobby, String token) {
    ServerMessage r =
        TestConnection.hello(lobby)
            .request(ClientMessage.newBuilder().setGetView(GetView.newBuilder().setToken(token)));
    assertThat(r.hasView()).as(r.toString()).isTrue();
    return r.getView();
  }

  /** Stops {@code first} (as a crash would, mid-turn) and recovers its games in a new lobby. */
  Lobby crashAndRecover(Lobby first, long downMillis) {
    first.shutdown();
    clock.advance(downMillis);
    Lobby second = lobby();
    assertThat(second.recover())
        .singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(Lobby.Recovered.Outcome.RESUMED));
    second.games().forEach(TestConnection::settle); // each recovered turn has set its clock
    return second;
  }

  int turn(Lobby lobby, Game g) {
    TestConnection.settle(lobby.game(g.id()));
    return lobby.game(g.id()).info().getTurn();
  }

  @Test
  void aRecoveredTurnKeepsItsJournaledDeadline() {
    Lobby first = lobby();
    long created = clock.millis();
    Game g = start(first);
    assertThat(view(first, g.len()).getDeadlineEpochMs()).isEqualTo(created + 60_000);
    clock.advance(20_000);
    Lobby second = crashAndRecover(first, 5_000);
    assertThat(view(second, g.len()).getDeadlineEpochMs()).isEqualTo(created + 60_000);
    assertThat(view(second, g.len()).getMyOrders().hasStance()).isTrue();
    clock.advance(34_999);
    assertThat(turn(second, g)).isEqualTo(1);
    clock.advance(1);
    assertThat(turn(second, g)).isEqualTo(2);
    // the next turn gets a full deadline again
    assertThat(view(second, g.len()).getDeadlineEpochMs()).isEqualTo(clock.millis() + 60_000);
  }

  @Test
  void aDeadlineThatPassedWhileTheServerWasDownAdjudicatesTheTurnOnRecovery() {
    Lobby first = lobby();
    Game g = start(first);
    clock.advance(50_000);
    Lobby second = crashAndRecover(first, 30_000);
    clock.advance(0); // the hand-moved clock runs what is due when it is moved
    assertThat(turn(second, g)).isEqualTo(2);
  }

  @Test
  void aPausedTurnComesBackPausedWithTheTimeThatWasLeft() {
    Lobby first = lobby();
    Game g = start(first);
    clock.advance(10_000);
    ServerMessage paused =
        TestConnection.hello(first)
            .request(
                ClientMessage.newBuilder()
                    .setInstructor(
                        InstructorCommand.newBuilder()
                            .setToken(g.instructor())
                            .setPause(Pause.getDefaultInstance())));
    assertThat(paused.hasAck()).as(paused.toString()).isTrue();
    clock.advance(5_000);
    Lobby second = crashAndRecover(first, 100_000);
    assertThat(second.game(g.id()).info().getPhase()).isEqualTo(GamePhase.PAUSED);
    clock.advance(600_000);
    assertThat(turn(second, g)).isEqualTo(1);
    ServerMessage resumed =
        TestConnection.hello(second)
            .request(
                ClientMessage.newBuilder()
                    .setInstructor(
                        InstructorCommand.newBuilder()
                            .setToken(g.instructor())
                            .setResume(ResumeGame.getDefaultInstance())));
    assertThat(resumed.hasAck()).as(resumed.toString()).isTrue();
    assertThat(view(second, g.ost()).getDeadlineEpochMs()).isEqualTo(clock.millis() + 50_000);
    clock.advance(49_999);
    assertThat(turn(second, g)).isEqualTo(1);
    clock.advance(1);
    assertThat(turn(second, g)).isEqualTo(2);
  }
}
