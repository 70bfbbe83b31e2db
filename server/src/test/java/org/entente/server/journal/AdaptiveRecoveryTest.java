package org.entente.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entente.api.Orders;
import org.entente.client.bots.Strategies;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.JoinSeat;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.SubmitOrders;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.net.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live game whose bots play adaptive strategies (they remember earlier turns), shut down in the
 * middle and recovered from its journal, ends with the hashes of the same game played without
 * interruption: the recovered bots are shown the turns already played before they decide. (When
 * europe-1914 held ten states, bots that forgot the first eight turns reached other hashes with
 * this seed; StrategyLibraryTest checks that the adaptive bots' decisions depend on what they
 * remember.)
 */
class AdaptiveRecoveryTest {
  static final String PERSON = "USA"; // the one seat people play: it hides every turn
  static final int TURNS = 24;
  static final int RECOVER_AFTER = 8;

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

  record Game(String id, String token) {}

  static Game create(Lobby lobby) {
    // every adaptive strategy, among strategies that hide, pass the buck or prey on others
    List<String> names = Strategies.names();
    CreateGame.Builder create =
        CreateGame.newBuilder().setScenario("europe-1914").setSeed(5).setMaxTurns(TURNS);
    // every seat but the person's, in the scenario's order
    List<String> seats = new ArrayList<>();
    builtinWorld().start().forEach(n -> seats.add(n.id()));
    seats.remove(PERSON);
    for (int i = 0; i < seats.size(); i++) {
      create.putBots(seats.get(i), names.get((i + 2) % names.size()));
    }
    ServerMessage r = new Conn(lobby).request(ClientMessage.newBuilder().setCreateGame(create));
    assertThat(r.hasGameCreated()).as(r.toString()).isTrue();
    String id = r.getGameCreated().getGameId();
    ServerMessage joined =
        new Conn(lobby)
            .request(
                ClientMessage.newBuilder()
                    .setJoinSeat(
                        JoinSeat.newBuilder()
                            .setGameId(id)
                            .setState(PERSON)
                            .setSecret(
                                org.entente.server.game.JoinSecretsOf.of(lobby, id, PERSON))));
    assertThat(joined.hasJoined()).as(joined.toString()).isTrue();
    return new Game(id, joined.getJoined().getToken());
  }

  static org.entente.server.engine.World builtinWorld() {
    try {
      return org.entente.server.scenario.ScenarioLoader.builtin("europe-1914").world();
    } catch (org.entente.server.scenario.ScenarioException e) {
      throw new IllegalStateException(e);
    }
  }

  static void play(Lobby lobby, Game g, int from, int to) throws Exception {
    for (int t = from; t <= to; t++) {
      ServerMessage r =
          new Conn(lobby)
              .request(
                  ClientMessage.newBuilder()
                      .setSubmitOrders(
                          SubmitOrders.newBuilder()
                              .setToken(g.token())
                              .setTurn(t)
                              .setState(PERSON)
                              .setOrders(Wire.orders(Orders.hide()))));
      assertThat(r.hasOrdersAccepted()).as("turn %d: %s", t, r).isTrue();
      Conn.settle(lobby.game(g.id()));
    }
  }

  @Test
  void aRecoveredGameOfAdaptiveBotsReachesTheHashesOfTheUninterruptedGame() throws Exception {
    Lobby whole = lobby(other);
    Game reference = create(whole);
    play(whole, reference, 1, TURNS);
    assertThat(whole.game(reference.id()).info().getPhase()).isEqualTo(GamePhase.FINISHED);
    List<String> expected = RecoveryTest.hashes(other.resolve(reference.id() + ".journal"));

    Lobby first = lobby(dir);
    Game g = create(first);
    play(first, g, 1, RECOVER_AFTER);
    first.shutdown();
    Lobby second = lobby(dir);
    List<Lobby.Recovered> rec = second.recover();
    assertThat(rec).hasSize(1);
    assertThat(rec.get(0).outcome()).as(rec.toString()).isEqualTo(Lobby.Recovered.Outcome.RESUMED);
    Conn.settle(second.game(g.id()));
    play(second, g, RECOVER_AFTER + 1, TURNS);

    assertThat(second.game(g.id()).info().getPhase()).isEqualTo(GamePhase.FINISHED);
    assertThat(RecoveryTest.hashes(dir.resolve(g.id() + ".journal")))
        .hasSize(TURNS)
        .isEqualTo(expected);
  }
}
