package org.entente.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.entente.api.OrderSyntax;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.JoinSeat;
import org.entente.proto.v1.ListGames;
import org.entente.proto.v1.Pause;
import org.entente.proto.v1.Resume;
import org.entente.proto.v1.SendPress;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.SubmitOrders;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.StaticFiles;
import org.entente.server.net.WireClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server over a real socket whose journals sit on a disk that fills up, fails its syncs or
 * turns read-only: nothing the disk refused is acknowledged, the game pauses with the reason and
 * goes on by itself once the disk accepts writes, and the journal stays recoverable throughout.
 */
class FullDiskTest {
  @TempDir Path dir;
  @TempDir Path other;
  final FailingDisk disk = new FailingDisk();
  final List<AutoCloseable> open = new ArrayList<>();
  Lobby lobby;
  NetServer server;

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
    if (server != null) {
      server.close();
    }
    if (lobby != null) {
      lobby.shutdown();
    }
  }

  int start() {
    lobby =
        new Lobby(
            Loopback.config(dir, 1000), GameClock.system(), new DirectoryJournalStore(dir, disk));
    server = new NetServer(Loopback.config(dir, 1000), lobby, StaticFiles.none(), Map.of());
    server.start();
    return server.port();
  }

  WireClient client(int port, String name) throws IOException {
    WireClient c = new WireClient(port, name);
    open.add(c);
    return c;
  }

  record Game(
      String id,
      String instructor,
      WireClient ic,
      String len,
      WireClient lc,
      String ost,
      WireClient oc) {}

  Game create(int port) throws IOException {
    WireClient ic = client(port, "instructor");
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
    WireClient lc = client(port, "alice");
    WireClient oc = client(port, "bob");
    return new Game(
        id,
        r.getGameCreated().getInstructorToken(),
        ic,
        join(lc, id, "LEN", "alice", secret(r, "LEN")),
        lc,
        join(oc, id, "OST", "bob", secret(r, "OST")),
        oc);
  }

  static String secret(ServerMessage created, String state) {
    return org.entente.client.net.EntenteClient.secret(created.getGameCreated(), state);
  }

  static String join(WireClient c, String game, String state, String name, String secret)
      throws IOException {
    ServerMessage r =
        c.request(
            ClientMessage.newBuilder()
                .setJoinSeat(
                    JoinSeat.newBuilder()
                        .setGameId(game)
                        .setState(state)
                        .setMember(name)
                        .setSecret(secret)));
    assertThat(r.hasJoined()).as(r.toString()).isTrue();
    return r.getJoined().getToken();
  }

  static ServerMessage submit(WireClient c, String token, String state, int turn)
      throws IOException {
    return c.request(
        ClientMessage.newBuilder()
            .setSubmitOrders(
                SubmitOrders.newBuilder()
                    .setToken(token)
                    .setTurn(turn)
                    .setState(state)
                    .setOrders(Wire.orders(OrderSyntax.parse(RecoveryTest.orders(state, turn))))));
  }

  static ServerMessage resolved(WireClient c, int turn, long seconds) {
    return c.await(m -> m.hasTurnResolved() && m.getTurnResolved().getTurn() == turn, seconds);
  }

  static void play(Game g, int turn) throws IOException {
    assertThat(submit(g.lc(), g.len(), "LEN", turn).hasOrdersAccepted()).isTrue();
    assertThat(submit(g.oc(), g.ost(), "OST", turn).hasOrdersAccepted()).isTrue();
    resolved(g.ic(), turn, 10);
  }

  static ServerMessage instructor(Game g, InstructorCommand.Builder cmd) throws IOException {
    return g.ic().request(ClientMessage.newBuilder().setInstructor(cmd.setToken(g.instructor())));
  }

  /** The turn hashes of the same game played on a healthy disk. */
  List<String> reference() throws Exception {
    Lobby l =
        new Lobby(
            Loopback.config(other, 1000), GameClock.system(), new DirectoryJournalStore(other));
    try {
      RecoveryTest.Game g = RecoveryTest.create(l);
      RecoveryTest.playTurns(l, g, 1, 5);
      Conn.settle(l.game(g.id()));
      return RecoveryTest.hashes(other.resolve(g.id() + ".journal"));
    } finally {
      l.shutdown();
    }
  }

  List<String> journals() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".journal"))
          .sorted()
          .toList();
    }
  }

  // The journal's record count once the bot seat's orders for the new turn are in it (they are
  // journaled on the game's executor after the turn, so reading earlier races with them).
  static int afterBotOrders(Path journal) throws Exception {
    long until = System.nanoTime() + 10_000_000_000L;
    while (true) {
      var records = JournalReader.read(journal).records();
      int lastTurn = -1;
      for (int i = 0; i < records.size(); i++) {
        if (records.get(i).hasTurn()) {
          lastTurn = i;
        }
      }
      for (int i = lastTurn + 1; i < records.size(); i++) {
        if (records.get(i).hasOrdersAccepted()) {
          return records.size();
        }
      }
      assertThat(System.nanoTime()).as("the bot's orders reach the journal").isLessThan(until);
      Thread.sleep(20);
    }
  }

  @Test
  void aFullDiskRefusesOrdersPausesTheGameAndItGoesOnOnceSpaceIsFreed() throws Exception {
    int port = start();
    Game g = create(port);
    play(g, 1);
    Path journal = dir.resolve(g.id() + ".journal");
    int before = afterBotOrders(journal);

    disk.fill(11); // a short write: 11 bytes of alice's record fit, then the disk is full
    ServerMessage refused = submit(g.lc(), g.len(), "LEN", 2);
    assertThat(refused.hasError()).as(refused.toString()).isTrue();
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.JOURNAL_UNAVAILABLE);
    assertThat(refused.getError().getMessage())
        .contains("No space left on device")
        .contains("paused");

    // everyone in the game, the instructor first, is told why the game stopped
    ServerMessage paused =
        g.ic()
            .await(
                m -> m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.PAUSED_EVENT,
                5);
    assertThat(paused.getGameEvent().getText())
        .contains("No space left on device")
        .contains(g.id());
    ServerMessage listed =
        g.ic().request(ClientMessage.newBuilder().setListGames(ListGames.getDefaultInstance()));
    assertThat(listed.getGames().getGames(0).getPhase()).isEqualTo(GamePhase.PAUSED);
    assertThat(listed.getGames().getGames(0).getPausedReason()).contains("No space left on device");

    // nothing else that would need the journal is acknowledged meanwhile
    assertThat(submit(g.oc(), g.ost(), "OST", 2).getError().getCode())
        .isEqualTo(ErrorCode.JOURNAL_UNAVAILABLE);
    ServerMessage press =
        g.lc()
            .request(
                ClientMessage.newBuilder()
                    .setSendPress(
                        SendPress.newBuilder().setToken(g.len()).addTo("OST").setText("hi")));
    assertThat(press.getError().getCode()).isEqualTo(ErrorCode.JOURNAL_UNAVAILABLE);
    assertThat(
            instructor(g, InstructorCommand.newBuilder().setPause(Pause.getDefaultInstance()))
                .getError()
                .getCode())
        .isEqualTo(ErrorCode.JOURNAL_UNAVAILABLE);
    ServerMessage late =
        client(port, "carol")
            .request(
                ClientMessage.newBuilder()
                    .setJoinSeat(
                        JoinSeat.newBuilder()
                            .setGameId(g.id())
                            .setState("LEN")
                            .setMember("carol")
                            .setSecret(
                                org.entente.server.game.JoinSecretsOf.of(lobby, g.id(), "LEN"))));
    assertThat(late.getError().getCode()).isEqualTo(ErrorCode.JOURNAL_UNAVAILABLE);

    // a game created meanwhile is refused and leaves no journal behind
    ServerMessage created =
        client(port, "other")
            .request(
                ClientMessage.newBuilder()
                    .setCreateGame(CreateGame.newBuilder().setScenario("tutorial").setSeed(1)));
    assertThat(created.getError().getCode())
        .as(created.toString())
        .isEqualTo(ErrorCode.JOURNAL_UNAVAILABLE);
    assertThat(created.getError().getMessage()).contains("No space left on device");
    assertThat(journals()).containsExactly(g.id() + ".journal");

    // the short write was cut: the journal reads whole, with nothing refused in it
    JournalReader.Contents now = JournalReader.read(journal);
    assertThat(now.tailProblem()).isNull();
    assertThat(now.records()).hasSize(before);

    disk.heal();
    ServerMessage resumed =
        g.ic()
            .await(
                m -> m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.RESUMED_EVENT,
                10);
    assertThat(resumed.getGameEvent().getText()).contains("journal again");
    assertThat(
            g.ic()
                .request(ClientMessage.newBuilder().setListGames(ListGames.getDefaultInstance()))
                .getGames()
                .getGames(0)
                .getPhase())
        .isEqualTo(GamePhase.ORDERS);
    for (int t = 2; t <= 5; t++) {
      play(g, t);
    }
    g.ic()
        .await(m -> m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.GAME_ENDED, 10);
    assertThat(RecoveryTest.hashes(journal)).isEqualTo(reference());
  }

  @Test
  void aTurnWhoseRecordCannotBeSyncedIsNotAnnouncedAndIsAdjudicatedAgainOnceItCan()
      throws Exception {
    int port = start();
    Game g = create(port);
    play(g, 1);
    Path journal = dir.resolve(g.id() + ".journal");

    disk.failSyncs();
    assertThat(submit(g.lc(), g.len(), "LEN", 2).hasOrdersAccepted()).isTrue();
    assertThat(submit(g.oc(), g.ost(), "OST", 2).hasOrdersAccepted()).isTrue();
    ServerMessage paused =
        g.ic()
            .await(
                m -> m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.PAUSED_EVENT,
                10);
    assertThat(paused.getGameEvent().getText()).contains("Input/output error");
    // the turn's record was taken back and its outcome told to no one
    assertThat(JournalReader.read(journal).records())
        .noneMatch(r -> r.hasTurn() && r.getTurn().getTurn() == 2);
    assertThat(g.lc().received())
        .noneMatch(m -> m.hasTurnResolved() && m.getTurnResolved().getTurn() == 2);

    disk.heal();
    resolved(g.ic(), 2, 10);
    for (int t = 3; t <= 5; t++) {
      play(g, t);
    }
    assertThat(RecoveryTest.hashes(journal)).isEqualTo(reference());
  }

  @Test
  void aGameJournaledThroughAFullDiskIsRecoveredWithItsTokens() throws Exception {
    int port = start();
    Game g = create(port);
    play(g, 1);
    disk.fill(3);
    assertThat(submit(g.lc(), g.len(), "LEN", 2).getError().getCode())
        .isEqualTo(ErrorCode.JOURNAL_UNAVAILABLE);
    disk.heal();
    g.ic()
        .await(
            m -> m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.RESUMED_EVENT, 10);
    play(g, 2);
    server.close();
    server = null;
    lobby.shutdown();

    lobby =
        new Lobby(Loopback.config(dir, 1000), GameClock.system(), new DirectoryJournalStore(dir));
    List<Lobby.Recovered> rec = lobby.recover();
    assertThat(rec)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.outcome()).as(r.message()).isEqualTo(Lobby.Recovered.Outcome.RESUMED));
    server = new NetServer(Loopback.config(dir, 1000), lobby, StaticFiles.none(), Map.of());
    server.start();
    WireClient alice = client(server.port(), "alice2");
    assertThat(
            alice
                .request(
                    ClientMessage.newBuilder().setResume(Resume.newBuilder().setToken(g.len())))
                .hasAck())
        .isTrue();
    WireClient bob = client(server.port(), "bob2");
    assertThat(
            bob.request(ClientMessage.newBuilder().setResume(Resume.newBuilder().setToken(g.ost())))
                .hasAck())
        .isTrue();
    for (int t = 3; t <= 5; t++) {
      assertThat(submit(alice, g.len(), "LEN", t).hasOrdersAccepted()).isTrue();
      assertThat(submit(bob, g.ost(), "OST", t).hasOrdersAccepted()).isTrue();
      resolved(alice, t, 10);
    }
    assertThat(RecoveryTest.hashes(dir.resolve(g.id() + ".journal"))).isEqualTo(reference());
  }

  @Test
  void aReadOnlyDiskRefusesNewGamesAndTheStartCheckSaysSo() throws Exception {
    disk.readOnly();
    DirectoryJournalStore store = new DirectoryJournalStore(dir, disk);
    assertThatThrownBy(store::checkWritable)
        .hasMessageContaining(dir.toAbsolutePath().toString())
        .hasMessageContaining("not writable")
        .hasMessageContaining("Read-only file system");
    int port = start();
    ServerMessage created =
        client(port, "instructor")
            .request(
                ClientMessage.newBuilder()
                    .setCreateGame(CreateGame.newBuilder().setScenario("tutorial").setSeed(1)));
    assertThat(created.getError().getCode()).isEqualTo(ErrorCode.JOURNAL_UNAVAILABLE);
    assertThat(created.getError().getMessage())
        .contains("Read-only file system")
        .contains("no game was created");
    assertThat(journals()).isEmpty();
    disk.heal();
    store.checkWritable();
    assertThat(
            client(port, "again")
                .request(
                    ClientMessage.newBuilder()
                        .setCreateGame(CreateGame.newBuilder().setScenario("tutorial").setSeed(1)))
                .hasGameCreated())
        .isTrue();
  }
}
