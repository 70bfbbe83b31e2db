package org.entente.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.entente.server.net.StaticFiles;
import org.entente.server.net.WireClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Games created per connection and per address, over real sockets: past either limit {@code
 * create_game} is answered {@code TOO_MANY_GAMES} naming the limit, other clients and requests go
 * on, and the window slides.
 */
class CreationLimitsTest {
  ManualClock clock = new ManualClock();
  Lobby lobby;
  NetServer server;

  void start(CreationLimits limits) {
    ServerConfig config = Loopback.config();
    lobby = new Lobby(config, clock);
    lobby.creationLimits(limits);
    server = new NetServer(config, lobby, StaticFiles.none(), Map.of());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    lobby.shutdown();
  }

  static ServerMessage create(WireClient c) throws Exception {
    return c.request(
        ClientMessage.newBuilder()
            .setCreateGame(CreateGame.newBuilder().setScenario("tutorial").setName("g")));
  }

  @Test
  void eachConnectionAndEachAddressMayCreateOnlySoManyGamesAWindow() throws Exception {
    start(new CreationLimits(2, 3, Duration.ofMinutes(10), true));
    try (WireClient a = new WireClient(server.port(), "a");
        WireClient b = new WireClient(server.port(), "b")) {
      assertThat(create(a).hasGameCreated()).isTrue();
      assertThat(create(a).hasGameCreated()).isTrue();
      ServerMessage third = create(a);
      assertThat(third.getError().getCode()).isEqualTo(ErrorCode.TOO_MANY_GAMES);
      assertThat(third.getError().getMessage())
          .contains("this connection created 2 games in the last 10 min")
          .contains("--max-games-per-connection 2")
          .contains("the next one is allowed in 600 s");

      assertThat(create(b).hasGameCreated()).as("the address has one left").isTrue();
      ServerMessage fromAddress = create(b);
      assertThat(fromAddress.getError().getCode()).isEqualTo(ErrorCode.TOO_MANY_GAMES);
      assertThat(fromAddress.getError().getMessage())
          .contains("address 127.0.0.1 created 3 games")
          .contains("--max-games-per-address 3");
      assertThat(
              a.request(
                      ClientMessage.newBuilder()
                          .setListGames(org.entente.proto.v1.ListGames.getDefaultInstance()))
                  .getGames()
                  .getGamesCount())
          .as("refused creations made no game, and the connection still serves")
          .isEqualTo(3);

      clock.advance(Duration.ofMinutes(10).toMillis() + 1);
      assertThat(create(a).hasGameCreated()).as("the window slid").isTrue();
    }
    try (WireClient c = new WireClient(server.port(), "c")) {
      assertThat(create(c).hasGameCreated())
          .as("a new connection, the address has two left")
          .isTrue();
      assertThat(create(c).hasGameCreated()).isTrue();
    }
    try (WireClient d = new WireClient(server.port(), "d")) {
      assertThat(create(d).getError().getMessage())
          .as("the address is at its limit again, whatever the connection")
          .contains("--max-games-per-address 3");
    }
  }

  @Test
  void clientsOnTheServersOwnMachineAreNotCountedUnlessAsked() throws Exception {
    start(new CreationLimits(1, 1, Duration.ofMinutes(10), false));
    try (WireClient a = new WireClient(server.port(), "a")) {
      for (int i = 0; i < 4; i++) {
        assertThat(create(a).hasGameCreated()).isTrue();
      }
    }
  }
}
