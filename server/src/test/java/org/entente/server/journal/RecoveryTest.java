package org.entente.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entente.api.OrderSyntax;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.GetView;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.JoinSeat;
import org.entente.proto.v1.JournalRecord;
import org.entente.proto.v1.Pause;
import org.entente.proto.v1.Resume;
import org.entente.proto.v1.SendPress;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.SubmitOrders;
import org.entente.proto.v1.TurnView;
import org.entente.server.engine.TurnReport;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.net.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live games journaled to real files, their lobby shut down, and a new lobby recovering them. */
class RecoveryTest {
  @TempDir Path dir;
  @TempDir Path other;
  final List<Lobby> lobbies = new ArrayList<>();

  @AfterEach
  void stop() {
    lobbies.forEach(Lobby::shutdown);
  }

  Lobby lobby(Path data) {
    Lobby l =
        new Lobby(ServerConfig.defaults(), GameClock.system(), new DirectoryJournalStore(data));
    lobbies.add(l);
    return l;
  }

  /** A game of the tutorial: KAD a bot, LEN and OST people. */
  record Game(String id, String instructor, Conn ic, String len, String ost) {}

  static Game create(Lobby lobby) {
    Conn ic = new Conn(lobby);
    ServerMessage r =
        ic.request(
            ClientMessage.newBuilder()
                .setCreateGame(
                    CreateGame.newBuilder()
                        .setScenario("tutorial")
                        .setSeed(42)
                        .setMaxTurns(5)
                        .putBots("KAD", "")));
    assertThat(r.hasGameCreated()).as(r.toString()).isTrue();
    String id = r.getGameCreated().getGameId();
    return new Game(
        id,
        r.getGameCreated().getInstructorToken(),
        ic,
        join(lobby, id, "LEN", "alice"),
        join(lobby, id, "OST", "bob"));
  }

  static String join(Lobby lobby, String game, String state, String name) {
    ServerMessage r =
        new Conn(lobby)
            .request(
                ClientMessage.newBuilder()
                    .setJoinSeat(
                        JoinSeat.newBuilder()
                            .setGameId(game)
                            .setState(state)
                            .setMember(name)
                            .setSecret(
                                org.entente.server.game.JoinSecretsOf.of(lobby, game, state))));
    assertThat(r.hasJoined()).as(r.toString()).isTrue();
    return r.getJoined().getToken();
  }

  static String orders(String state, int turn) {
    if (turn % 2 == 1) {
      return state.equals("LEN") ? "BALANCE KAD 0.2 OST" : "BALANCE KAD 0.1 LEN";
    }
    return "HIDE";
  }

  static void submit(Lobby lobby, String token, String state, int turn) {
    ServerMessage r =
        new Conn(lobby)
            .request(
                ClientMessage.newBuilder()
                    .setSubmitOrders(
                        SubmitOrders.newBuilder()
                            .setToken(token)
                            .setTurn(turn)
                            .setState(state)
                            .setOrders(Wire.orders(OrderSyntax.parse(orders(state, turn))))));
    assertThat(r.hasOrdersAccepted()).as(r.toString()).isTrue();
  }

  static void playTurns(Lobby lobby, Game g, int from, int to) throws Exception {
    for (int t = from; t <= to; t++) {
      submit(lobby, g.len(), "LEN", t);
      submit(lobby, g.ost(), "OST", t);
      Conn.settle(lobby.game(g.id()));
    }
  }

  static TurnView view(Lobby lobby, String token) {
    ServerMessage r =
        new Conn(lobby)
            .request(ClientMessage.newBuilder().setGetView(GetView.newBuilder().setToken(token)));
    assertThat(r.hasView()).as(r.toString()).isTrue();
    return r.getView();
  }

  static List<String> hashes(Path journal) throws Exception {
    return JournalReader.history(journal).reports().stream().map(TurnReport::stateHash).toList();
  }

  /** The uninterrupted game, in its own directory. */
  List<String> reference() throws Exception {
    Lobby l = lobby(other);
    Game g = create(l);
    playTurns(l, g, 1, 5);
    Conn.settle(l.game(g.id()));
    return hashes(other.resolve(g.id() + ".journal"));
  }

  @Test
  void aRecoveredGameGoesOnWithTheSameTokensAndReachesTheSameHashes() throws Exception {
    Lobby first = lobby(dir);
    Game g = create(first);
    playTurns(first, g, 1, 2);
    new Conn(first)
        .request(
            ClientMessage.newBuilder()
                .setSendPress(SendPress.newBuilder().setToken(g.len()).addTo("OST").setText("hi")));
    submit(first, g.len(), "LEN", 3); // alice's turn-3 orders stand; bob has not sent his
    Conn.settle(first.game(g.id()));
    first.shutdown();

    Lobby second = lobby(dir);
    List<Lobby.Recovered> rec = second.recover();
    assertThat(rec).hasSize(1);
    assertThat(rec.get(0).outcome()).as(rec.toString()).isEqualTo(Lobby.Recovered.Outcome.RESUMED);
    Conn.settle(second.game(g.id()));

    ServerMessage resumed =
        new Conn(second)
            .request(ClientMessage.newBuilder().setResume(Resume.newBuilder().setToken(g.len())));
    assertThat(resumed.hasAck()).as(resumed.toString()).isTrue();
    TurnView alice = view(second, g.len());
    assertThat(alice.getTurn()).isEqualTo(3);
    assertThat(alice.hasMyOrders()).isTrue();
    assertThat(alice.getMessagesList()).extracting(m -> m.getText()).containsExactly("hi");
    assertThat(view(second, g.instructor()).getTurn()).isEqualTo(3);

    submit(second, g.ost(), "OST", 3);
    Conn.settle(second.game(g.id()));
    playTurns(second, g, 4, 5);
    Conn.settle(second.game(g.id()));
    assertThat(second.game(g.id()).info().getPhase()).isEqualTo(GamePhase.FINISHED);

    List<String> got = hashes(dir.resolve(g.id() + ".journal"));
    assertThat(got).hasSize(5).isEqualTo(reference());
  }

  @Test
  void aPausedGameComesBackPausedAndATornTailIsCut() throws Exception {
    Lobby first = lobby(dir);
    Game g = create(first);
    playTurns(first, g, 1, 1);
    ServerMessage ack =
        g.ic()
            .request(
                ClientMessage.newBuilder()
                    .setInstructor(
                        InstructorCommand.newBuilder()
                            .setToken(g.instructor())
                            .setPause(Pause.getDefaultInstance())));
    assertThat(ack.hasAck()).as(ack.toString()).isTrue();
    Conn.settle(first.game(g.id()));
    first.shutdown();
    Path p = dir.resolve(g.id() + ".journal");
    long good = Files.size(p);
    Files.write(p, new byte[] {0, 0, 1, 0, 1, 2, 3, 4, 5}, java.nio.file.StandardOpenOption.APPEND);

    Lobby second = lobby(dir);
    List<Lobby.Recovered> rec = second.recover();
    assertThat(rec.get(0).outcome()).as(rec.toString()).isEqualTo(Lobby.Recovered.Outcome.RESUMED);
    assertThat(rec.get(0).message())
        .contains("torn record at byte offset " + good)
        .contains(p.toString())
        .contains("paused");
    Conn.settle(second.game(g.id()));
    assertThat(Files.size(p)).isGreaterThanOrEqualTo(good);
    assertThat(JournalReader.read(p).tailProblem()).isNull();
    assertThat(second.game(g.id()).info().getPhase()).isEqualTo(GamePhase.PAUSED);
  }

  @Test
  void aDivergentHashStopsThatGameOnlyAndAMiddleCorruptionToo() throws Exception {
    Lobby first = lobby(dir);
    Game bad = create(first);
    Game good = create(first);
    Game broken = create(first);
    playTurns(first, bad, 1, 3);
    playTurns(first, good, 1, 2);
    playTurns(first, broken, 1, 2);
    Conn.settle(first.game(bad.id()));
    first.shutdown();

    // rewrite the bad game's journal with turn 2's hash edited (the frames stay valid)
    Path p = dir.resolve(bad.id() + ".journal");
    List<JournalRecord> records = JournalReader.read(p).records();
    Files.delete(p);
    DirectoryJournalStore store = new DirectoryJournalStore(dir);
    try (Journal j = store.create(bad.id())) {
      for (JournalRecord r : records) {
        if (r.hasTurn() && r.getTurn().getTurn() == 2) {
          r = r.toBuilder().setTurn(r.getTurn().toBuilder().setStateHash("0badc0de")).build();
        }
        j.append(r);
      }
    }
    // flip a byte in the middle of the broken game's journal
    Path q = dir.resolve(broken.id() + ".journal");
    long at = JournalReader.read(q).offsets().get(2);
    byte[] bytes = Files.readAllBytes(q);
    bytes[(int) at + 10] ^= 0x40;
    Files.write(q, bytes);

    Lobby second = lobby(dir);
    List<Lobby.Recovered> rec = second.recover();
    assertThat(rec).hasSize(3);
    for (Lobby.Recovered r : rec) {
      if (r.gameId().equals(bad.id())) {
        assertThat(r.outcome()).isEqualTo(Lobby.Recovered.Outcome.FAILED);
        assertThat(r.message())
            .contains("turn 2 diverges")
            .contains("0badc0de")
            .contains(p.toString());
      } else if (r.gameId().equals(broken.id())) {
        assertThat(r.outcome()).isEqualTo(Lobby.Recovered.Outcome.FAILED);
        assertThat(r.message()).contains("byte offset " + at).contains("CRC32C");
      } else {
        assertThat(r.outcome()).as(r.message()).isEqualTo(Lobby.Recovered.Outcome.RESUMED);
      }
    }
    assertThat(second.game(bad.id())).isNull();
    assertThat(second.game(broken.id())).isNull();
    assertThat(second.game(good.id())).isNotNull();
    playTurns(second, good, 3, 5);
    Conn.settle(second.game(good.id()));
    assertThat(hashes(dir.resolve(good.id() + ".journal"))).isEqualTo(reference());
  }
}
