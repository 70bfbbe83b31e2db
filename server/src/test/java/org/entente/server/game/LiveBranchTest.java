package org.entente.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.api.OrderSyntax;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.BranchGame;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.DiffGames;
import org.entente.proto.v1.DiffTurn;
import org.entente.proto.v1.GameDiff;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.GameInfo;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.JournalGameCreated;
import org.entente.proto.v1.ListGames;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.World;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.journal.JournalReader;
import org.entente.server.net.ServerConfig;
import org.entente.server.scenario.ScenarioLoader;
import org.entente.server.sim.Simulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What-if branches that play live, created and compared over the protocol: a lobby journaling to
 * real files, in-memory connections, a hand-moved clock.
 */
class LiveBranchTest {
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

  /** A game's id and instructor token, and the connection that created it. */
  record Made(String id, String token, TestConnection c) {}

  /** A branch of {@code game} from {@code turn}, asked with {@code game}'s own token. */
  static BranchGame.Builder fork(Made game, int turn) {
    return BranchGame.newBuilder().setToken(game.token()).setGameId(game.id()).setTurn(turn);
  }

  static Made created(TestConnection c, ServerMessage reply) {
    assertThat(reply.hasGameCreated()).as(reply.toString()).isTrue();
    return new Made(
        reply.getGameCreated().getGameId(), reply.getGameCreated().getInstructorToken(), c);
  }

  /** A europe-1914 game of bots, every seat played by its scenario strategy. */
  static Made botGame(Lobby lobby, int maxTurns) throws Exception {
    World w = ScenarioLoader.builtin("europe-1914").world();
    Map<String, String> strategies = Simulation.strategies(w, Map.of());
    TestConnection c = TestConnection.hello(lobby);
    return created(
        c,
        c.request(
            ClientMessage.newBuilder()
                .setCreateGame(
                    CreateGame.newBuilder()
                        .setScenario("europe-1914")
                        .setSeed(19)
                        .setMaxTurns(maxTurns)
                        .putAllBots(strategies))));
  }

  static void awaitEnd(Made g) {
    g.c().await(m -> m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.GAME_ENDED);
  }

  static ServerMessage branch(Lobby lobby, BranchGame.Builder req) {
    return TestConnection.hello(lobby).request(ClientMessage.newBuilder().setBranchGame(req));
  }

  static Made branchOk(Lobby lobby, BranchGame.Builder req) {
    TestConnection c = TestConnection.hello(lobby);
    return created(c, c.request(ClientMessage.newBuilder().setBranchGame(req)));
  }

  static ServerMessage diff(Lobby lobby, String token, String a, String b) {
    return TestConnection.hello(lobby)
        .request(
            ClientMessage.newBuilder()
                .setDiffGames(DiffGames.newBuilder().setToken(token).setGameA(a).setGameB(b)));
  }

  List<String> hashes(String game) throws Exception {
    return JournalReader.history(dir.resolve(game + ".journal")).reports().stream()
        .map(TurnReport::stateHash)
        .toList();
  }

  JournalGameCreated creation(String game) throws Exception {
    return JournalReader.read(dir.resolve(game + ".journal")).records().get(0).getGameCreated();
  }

  static GameInfo info(Lobby lobby, String game) {
    return TestConnection.hello(lobby)
        .request(ClientMessage.newBuilder().setListGames(ListGames.getDefaultInstance()))
        .getGames()
        .getGamesList()
        .stream()
        .filter(i -> i.getGameId().equals(game))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aLiveBranchWithUnchangedOrdersReachesTheParentsHashesAtEveryLaterTurn() throws Exception {
    Lobby lobby = lobby();
    Made parent = botGame(lobby, 12);
    awaitEnd(parent);
    List<String> parentHashes = hashes(parent.id());
    assertThat(parentHashes).hasSize(12);
    for (int t : new int[] {1, 5, 12}) {
      Made b = branchOk(lobby, fork(parent, t));
      awaitEnd(b);
      assertThat(b.token()).isNotEqualTo(parent.token());
      assertThat(hashes(b.id())).as("branch at turn %d", t).isEqualTo(parentHashes);
      assertThat(info(lobby, b.id()).getPhase()).isEqualTo(GamePhase.FINISHED);
      GameDiff d = diff(lobby, b.token(), parent.id(), b.id()).getGameDiff();
      assertThat(d.getSame()).as(d.toString()).isTrue();
      assertThat(d.getFirstDivergentTurn()).isZero();
      assertThat(d.getTurnsA()).isEqualTo(12);
      assertThat(d.getTurnsB()).isEqualTo(12);
    }
  }

  @Test
  void aFinishedGameKeptOnlyInTheDataDirectoryCanBeBranchedAfterARestart() throws Exception {
    Lobby first = lobby();
    Made parent = botGame(first, 8);
    awaitEnd(parent);
    first.shutdown();
    Lobby second = lobby();
    assertThat(second.recover()).allMatch(r -> r.outcome() == Lobby.Recovered.Outcome.FINISHED);
    assertThat(second.game(parent.id())).isNull();
    // the token alone does not find a game the server no longer serves
    assertThat(
            branch(second, BranchGame.newBuilder().setToken(parent.token()).setTurn(3))
                .getError()
                .getCode()
                .name())
        .isEqualTo("BAD_TOKEN");
    Made b = branchOk(second, fork(parent, 3));
    awaitEnd(b);
    assertThat(hashes(b.id())).isEqualTo(hashes(parent.id()));
  }

  @Test
  void replacedOrdersMakeTheBranchDifferAndTheDiffOverTheProtocolSaysWhere() throws Exception {
    Lobby lobby = lobby();
    Made parent = botGame(lobby, 10);
    awaitEnd(parent);
    Made b =
        branchOk(
            lobby,
            fork(parent, 4)
                .putOrders("FRN", Wire.orders(OrderSyntax.parse("BANDWAGON GMY")))
                .putOrders("RUS", Wire.orders(OrderSyntax.parse("HIDE"))));
    awaitEnd(b);
    List<String> ph = hashes(parent.id());
    List<String> bh = hashes(b.id());
    assertThat(bh.subList(0, 3)).isEqualTo(ph.subList(0, 3));
    assertThat(bh.get(3)).isNotEqualTo(ph.get(3));

    ServerMessage reply = diff(lobby, parent.token(), parent.id(), b.id());
    assertThat(reply.hasGameDiff()).as(reply.toString()).isTrue();
    GameDiff d = reply.getGameDiff();
    assertThat(d.getGameA()).isEqualTo(parent.id());
    assertThat(d.getGameB()).isEqualTo(b.id());
    assertThat(d.getSame()).isFalse();
    assertThat(d.getFirstDivergentTurn()).isEqualTo(4);
    DiffTurn fork = d.getTurns(0);
    assertThat(fork.getTurn()).isEqualTo(4);
    assertThat(fork.getHashA()).isEqualTo(ph.get(3));
    assertThat(fork.getHashB()).isEqualTo(bh.get(3));
    assertThat(fork.getStancesList())
        .anySatisfy(
            s -> {
              assertThat(s.getState()).isEqualTo("FRN");
              assertThat(s.getB()).startsWith("BANDWAGON GMY");
              assertThat(s.getA()).isNotEqualTo(s.getB());
            })
        .anySatisfy(s -> assertThat(s.getState()).isEqualTo("RUS"));
    assertThat(d.getScoresList()).hasSize(ScenarioLoader.builtin("europe-1914").world().size());
    assertThat(d.getScoresList())
        .allSatisfy(s -> assertThat(s.getDelta()).isEqualTo(s.getB() - s.getA()));
    assertThat(d.getScoresList()).anySatisfy(s -> assertThat(s.getDelta()).isNotZero());
    // protocol 1.3: what a person reads, over the wire too
    assertThat(fork.getReadable()).isTrue();
    assertThat(d.getScoresList())
        .allSatisfy(
            s -> {
              assertThat(s.getPowerA()).isNotNegative(); // 0 once conquered (Serbia here)
              assertThat(s.getPowerDelta()).isEqualTo(s.getPowerB() - s.getPowerA());
            });
    assertThat(d.getScoresList()).anySatisfy(s -> assertThat(s.getPowerA()).isGreaterThan(0.1));
    assertThat(d.getScoresList()).anySatisfy(s -> assertThat(s.getPowerDelta()).isNotZero());
    assertThat(d.getTurnsList())
        .as("some turn after the fork has events or alliances in one game only")
        .anySatisfy(
            t ->
                assertThat(
                        t.getEventsOnlyACount()
                            + t.getEventsOnlyBCount()
                            + t.getAlliancesOnlyACount()
                            + t.getAlliancesOnlyBCount())
                    .isPositive());
    assertThat(d.getReport())
        .startsWith("diff " + parent.id() + " (A, 10 turns) vs " + b.id() + " (B, 10 turns)")
        .contains("first divergent turn: 4")
        .contains("turn 4:")
        .contains("FRN stance:  A ")
        .contains("at the end:")
        .doesNotContainPattern("[0-9]\\.[0-9]{4,}");
    // the same diff the terminal's `entente diff` prints
    var cli =
        org.entente.server.replay.Diff.of(
            JournalReader.history(dir.resolve(parent.id() + ".journal")),
            JournalReader.history(dir.resolve(b.id() + ".journal")));
    assertThat(cli.toWire(10, 10)).isEqualTo(d);
  }

  @Test
  void theLineageIsRecordedInTheJournalAndInGameInfo() throws Exception {
    Lobby lobby = lobby();
    Made parent = botGame(lobby, 6);
    awaitEnd(parent);
    Made b = branchOk(lobby, fork(parent, 2));
    awaitEnd(b);
    Made grandchild = branchOk(lobby, fork(b, 4));
    awaitEnd(grandchild);

    JournalGameCreated pc = creation(parent.id());
    assertThat(pc.getParentGameId()).isEmpty();
    assertThat(info(lobby, parent.id()).getParentGameId()).isEmpty();

    JournalGameCreated bc = creation(b.id());
    assertThat(bc.getParentGameId()).isEqualTo(parent.id());
    assertThat(bc.getForkTurn()).isEqualTo(2);
    assertThat(bc.getAncestorsList()).containsExactly(parent.id());
    assertThat(bc.getInstructorToken())
        .as("the journal keeps a hash of the token, not the token")
        .isEqualTo(org.entente.server.journal.TokenHash.of(b.token()))
        .doesNotContain(b.token());
    assertThat(bc.getSeed()).isEqualTo(pc.getSeed());
    assertThat(bc.getSettings().getBotsMap()).isEqualTo(pc.getSettings().getBotsMap());
    GameInfo bi = info(lobby, b.id());
    assertThat(bi.getParentGameId()).isEqualTo(parent.id());
    assertThat(bi.getForkTurn()).isEqualTo(2);
    assertThat(bi.getName()).contains("branch of " + parent.id() + " at turn 2");

    JournalGameCreated gc = creation(grandchild.id());
    assertThat(gc.getParentGameId()).isEqualTo(b.id());
    assertThat(gc.getForkTurn()).isEqualTo(4);
    assertThat(gc.getAncestorsList()).containsExactly(parent.id(), b.id());
    assertThat(info(lobby, grandchild.id()).getForkTurn()).isEqualTo(4);
    // the grandchild and the root are of one lineage
    assertThat(diff(lobby, grandchild.token(), parent.id(), grandchild.id()).hasGameDiff())
        .isTrue();
  }

  /** A tutorial game with people in LEN and OST, KAD a bot, a 60 s deadline. */
  Made peopleGame(Lobby lobby) {
    TestConnection c = TestConnection.hello(lobby);
    return created(
        c,
        c.request(
            ClientMessage.newBuilder()
                .setCreateGame(
                    CreateGame.newBuilder()
                        .setScenario("tutorial")
                        .setSeed(3)
                        .setDeadlineSeconds(60)
                        .putBots("KAD", ""))));
  }

  static LiveGameTest.Player join(Lobby lobby, String game, String state) {
    return DeadlineRecoveryTest.join(lobby, game, state);
  }

  /** {@link #peopleGame} with turn 1 played by its people: LEN and OST balance against KAD. */
  Made peopleGameAtTurn2(Lobby lobby) {
    Made parent = peopleGame(lobby);
    var len = join(lobby, parent.id(), "LEN");
    var ost = join(lobby, parent.id(), "OST");
    LiveGameTest.submit(len, 1, "BALANCE KAD 0.2 OST");
    LiveGameTest.submit(ost, 1, "BALANCE KAD 0.1 LEN");
    LiveGameTest.view(len.c(), 2);
    return parent;
  }

  @Test
  void aBranchOfALiveGamePlaysLiveWithItsOwnSeatsAndDeadlines() throws Exception {
    Lobby lobby = lobby();
    Made parent = peopleGame(lobby);
    var len = join(lobby, parent.id(), "LEN");
    var ost = join(lobby, parent.id(), "OST");
    for (int t = 1; t <= 3; t++) {
      LiveGameTest.submit(len, t, "BALANCE KAD 0.2 OST");
      LiveGameTest.submit(ost, t, t == 2 ? "HIDE" : "BALANCE KAD 0.1 LEN");
      LiveGameTest.view(len.c(), t + 1);
    }
    // branch at turn 2 (adjudicated at once, OST's HIDE replaced); the parent goes on
    Made b =
        branchOk(
            lobby,
            BranchGame.newBuilder()
                .setToken(parent.token())
                .setTurn(2)
                .putOrders("OST", Wire.orders(OrderSyntax.parse("BALANCE KAD 0.1 LEN"))));
    TestConnection.settle(lobby.game(b.id()));
    assertThat(info(lobby, b.id()).getTurn()).isEqualTo(3);
    assertThat(info(lobby, b.id()).getPhase()).isEqualTo(GamePhase.ORDERS);
    assertThat(info(lobby, parent.id()).getTurn()).isEqualTo(4);
    // the branch's seats are its own: the parent's tokens do not order in it
    var bLen = join(lobby, b.id(), "LEN");
    assertThat(bLen.token()).isNotEqualTo(len.token());
    assertThat(info(lobby, b.id()).getSeatsList())
        .anySatisfy(
            s -> {
              assertThat(s.getState()).isEqualTo("KAD");
              assertThat(s.getBot()).isTrue();
            });
    var view = LiveGameTest.view(bLen.c(), 3);
    assertThat(view.getDeadlineEpochMs()).isEqualTo(clock.millis() + 60_000);
    LiveGameTest.submit(bLen, 3, "HIDE");
    clock.advance(59_999);
    TestConnection.settle(lobby.game(b.id()));
    assertThat(info(lobby, b.id()).getTurn()).isEqualTo(3);
    clock.advance(1);
    LiveGameTest.view(bLen.c(), 4);
    TestConnection.settle(lobby.game(b.id()));
    assertThat(info(lobby, b.id()).getTurn()).isEqualTo(4);
    assertThat(hashes(b.id()).get(0)).isEqualTo(hashes(parent.id()).get(0));
    assertThat(hashes(b.id()).get(1)).isNotEqualTo(hashes(parent.id()).get(1));

    // after a restart the branch is recovered like any game, lineage and seats included
    lobby.shutdown();
    Lobby second = lobby();
    assertThat(second.recover())
        .filteredOn(r -> r.gameId().equals(b.id()))
        .singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(Lobby.Recovered.Outcome.RESUMED));
    TestConnection.settle(second.game(b.id()));
    GameInfo recovered = info(second, b.id());
    assertThat(recovered.getParentGameId()).isEqualTo(parent.id());
    assertThat(recovered.getForkTurn()).isEqualTo(2);
    assertThat(recovered.getTurn()).isEqualTo(4);
    assertThat(
            LiveGameTest.submit(
                    new LiveGameTest.Player(TestConnection.hello(second), bLen.token(), "LEN"),
                    4,
                    "HIDE")
                .hasOrdersAccepted())
        .isTrue();
  }

  @Test
  void aBranchMaySetNewSeatsAndDeadlinesButNotAnotherWorldOrSeed() throws Exception {
    Lobby lobby = lobby();
    Made parent = peopleGameAtTurn2(lobby);
    Made b =
        branchOk(
            lobby,
            fork(parent, 1)
                .setSettings(
                    CreateGame.newBuilder()
                        .setDeadlineSeconds(30)
                        .setName("what if")
                        .putBots("KAD", "")
                        .putBots("LEN", "hider")));
    TestConnection.settle(lobby.game(b.id()));
    GameInfo bi = info(lobby, b.id());
    assertThat(bi.getName()).isEqualTo("what if");
    assertThat(bi.getSeatsList())
        .anySatisfy(
            s -> {
              assertThat(s.getState()).isEqualTo("LEN");
              assertThat(s.getStrategy()).isEqualTo("hider");
              assertThat(s.getSubmitted()).isTrue();
            });
    var bOst = join(lobby, b.id(), "OST");
    assertThat(LiveGameTest.view(bOst.c(), 2).getDeadlineEpochMs())
        .isEqualTo(clock.millis() + 30_000);
    assertThat(creation(b.id()).getSettings().getBotsMap()).containsEntry("LEN", "hider");
    assertThat(creation(b.id()).getSeed()).isEqualTo(3);
    ServerMessage otherSeed =
        branch(lobby, fork(parent, 1).setSettings(CreateGame.newBuilder().setSeed(4)));
    assertThat(otherSeed.getError().getCode().name()).isEqualTo("INVALID_SETTINGS");
    assertThat(otherSeed.getError().getMessage()).contains("settings.seed");
  }

  @Test
  void aForkTurnPlayedLiveKeepsTheGivenOrdersAndWaitsForTheOthers() throws Exception {
    Lobby lobby = lobby();
    Made parent = peopleGameAtTurn2(lobby);
    // the parent's current turn 2, played live in the branch with LEN's orders given
    Made b =
        branchOk(
            lobby,
            fork(parent, 2)
                .setPlayForkTurn(true)
                .putOrders("LEN", Wire.orders(OrderSyntax.parse("HIDE"))));
    TestConnection.settle(lobby.game(b.id()));
    GameInfo bi = info(lobby, b.id());
    assertThat(bi.getTurn()).isEqualTo(2);
    assertThat(bi.getForkTurn()).isEqualTo(2);
    assertThat(bi.getSeatsList())
        .anySatisfy(
            s -> {
              assertThat(s.getState()).isEqualTo("LEN");
              assertThat(s.getSubmitted()).isTrue();
            })
        .anySatisfy(
            s -> {
              assertThat(s.getState()).isEqualTo("OST");
              assertThat(s.getSubmitted()).isFalse();
            });
    var bOst = join(lobby, b.id(), "OST");
    LiveGameTest.submit(bOst, 2, "HIDE");
    LiveGameTest.view(bOst.c(), 3);
    assertThat(hashes(b.id())).hasSize(2);
    assertThat(hashes(b.id()).get(0)).isEqualTo(hashes(parent.id()).get(0));
  }

  @Test
  void badBranchAndDiffRequestsAreRefusedWithReasons() throws Exception {
    Lobby lobby = lobby();
    Made parent = botGame(lobby, 5);
    awaitEnd(parent);
    Made other = botGame(lobby, 5);
    awaitEnd(other);
    Made b = branchOk(lobby, fork(parent, 2));
    awaitEnd(b);
    var seat = join(lobby, peopleGame(lobby).id(), "LEN");

    Map<String, BranchGame.Builder> branchRefusals = new java.util.LinkedHashMap<>();
    branchRefusals.put("NO_SUCH_TURN", fork(parent, 0));
    branchRefusals.put("NO_SUCH_TURN ", fork(parent, 6));
    branchRefusals.put(
        "UNKNOWN_GAME",
        BranchGame.newBuilder().setToken(parent.token()).setGameId("g999-nope").setTurn(1));
    branchRefusals.put(
        "BAD_TOKEN",
        BranchGame.newBuilder()
            .setToken("0123456789abcdef0123456789abcdef")
            .setGameId(parent.id())
            .setTurn(1));
    branchRefusals.put(
        "FORBIDDEN",
        BranchGame.newBuilder().setToken(other.token()).setGameId(parent.id()).setTurn(1));
    branchRefusals.put(
        "FORBIDDEN ",
        BranchGame.newBuilder().setToken(seat.token()).setGameId(parent.id()).setTurn(1));
    branchRefusals.put(
        "INVALID_ORDERS",
        fork(parent, 1).putOrders("ATLANTIS", Wire.orders(OrderSyntax.parse("HIDE"))));
    branchRefusals.put(
        "INVALID_SETTINGS",
        fork(parent, 1).setSettings(CreateGame.newBuilder().setScenario("tutorial")));
    branchRefusals.forEach(
        (code, req) -> {
          ServerMessage r = branch(lobby, req);
          assertThat(r.hasError()).as(code + ": " + r).isTrue();
          assertThat(r.getError().getCode().name()).as(r.toString()).isEqualTo(code.trim());
          assertThat(r.getError().getMessage()).startsWith("branch_game");
        });
    assertThat(branch(lobby, fork(parent, 6)).getError().getMessage()).contains("turns 1..5");

    ServerMessage unrelated = diff(lobby, parent.token(), parent.id(), other.id());
    assertThat(unrelated.getError().getCode().name()).isEqualTo("UNRELATED_GAMES");
    assertThat(unrelated.getError().getMessage()).contains("share no lineage");
    assertThat(diff(lobby, other.token(), parent.id(), b.id()).getError().getCode().name())
        .isEqualTo("FORBIDDEN");
    assertThat(diff(lobby, seat.token(), parent.id(), b.id()).getError().getCode().name())
        .isEqualTo("FORBIDDEN");
    assertThat(
            diff(lobby, "0123456789abcdef0123456789abcdef", parent.id(), b.id())
                .getError()
                .getCode()
                .name())
        .isEqualTo("BAD_TOKEN");
    assertThat(diff(lobby, parent.token(), parent.id(), "g999-nope").getError().getCode().name())
        .isEqualTo("UNKNOWN_GAME");
    // either game's instructor may ask
    assertThat(diff(lobby, parent.token(), parent.id(), b.id()).hasGameDiff()).isTrue();
    assertThat(diff(lobby, b.token(), b.id(), parent.id()).hasGameDiff()).isTrue();
    // the server still serves
    assertThat(info(lobby, b.id()).getPhase()).isEqualTo(GamePhase.FINISHED);
  }

  @Test
  void aParentWhoseJournalIsDamagedIsNotBranchedAndTheServerSaysWhy() throws Exception {
    Lobby lobby = lobby();
    Made parent = botGame(lobby, 6);
    awaitEnd(parent);
    Path file = dir.resolve(parent.id() + ".journal");
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5a;
    java.nio.file.Files.write(file, bytes);
    ServerMessage r = branch(lobby, fork(parent, 2));
    assertThat(r.getError().getCode().name()).isEqualTo("INTERNAL");
    assertThat(r.getError().getMessage())
        .startsWith("branch_game: a game's journal cannot be used")
        .contains(parent.id());
    assertThat(lobby.games()).hasSize(1);
  }

  @Test
  void aServerWithoutJournalsSaysWhyItCannotBranch() {
    Lobby lobby = new Lobby(ServerConfig.defaults(), clock);
    lobbies.add(lobby);
    TestConnection c = TestConnection.hello(lobby);
    Made g =
        created(
            c,
            c.request(
                ClientMessage.newBuilder()
                    .setCreateGame(CreateGame.newBuilder().setScenario("tutorial"))));
    ServerMessage r = branch(lobby, fork(g, 1));
    assertThat(r.getError().getCode().name()).isEqualTo("BAD_REQUEST");
    assertThat(r.getError().getMessage()).contains("keeps no journals");
  }
}
