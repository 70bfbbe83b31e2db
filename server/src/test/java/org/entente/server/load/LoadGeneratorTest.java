package org.entente.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.entente.proto.v1.GamePhase;
import org.entente.server.game.GameClock;
import org.entente.server.game.LiveGame;
import org.entente.server.game.Lobby;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.entente.server.net.StaticFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator against an in-process server: a few small games, a coherent report. */
class LoadGeneratorTest {
  Lobby lobby;
  NetServer server;

  @BeforeEach
  void start() {
    ServerConfig config = Loopback.config();
    lobby = new Lobby(config, GameClock.system());
    MetricsRoute metrics = new MetricsRoute(lobby);
    server = new NetServer(config, lobby, StaticFiles.none(), Map.of("/metrics", metrics));
    metrics.connections(server::openConnections);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    lobby.shutdown();
  }

  @Test
  void everyRemoteOrderIsCountedAndEveryGameTurnTimed() throws Exception {
    int games = 3;
    int seats = 8;
    int turns = 3;
    LoadReport r =
        LoadGenerator.run(
            LoadConfig.of("127.0.0.1", server.port(), games, seats, turns)
                .withScenario("east-asia-2016")
                .withOrders(LoadConfig.OrdersMode.BALANCE)
                .withRounds(1, 1));

    assertThat(r.problems()).isEmpty();
    assertThat(r.ordersAccepted()).isEqualTo((long) games * seats * turns);
    assertThat(r.ordersRejected()).isZero();
    assertThat(r.turnLatency().getTotalCount()).isEqualTo((long) games * turns);
    assertThat(r.latencyExpected()).isEqualTo((long) games * turns);
    assertThat(r.turnLatency().getMinValue()).isPositive();
    // the server timed the same turns itself, each within what its bots saw
    assertThat(r.serverTurnTime().getTotalCount()).isEqualTo((long) games * turns);
    assertThat(r.serverTurnTime().getMaxValue())
        .isPositive()
        .isLessThanOrEqualTo(r.turnLatency().getMaxValue());
    ServerMetrics metrics =
        ServerMetrics.fetch(java.net.http.HttpClient.newHttpClient(), "127.0.0.1", server.port());
    assertThat(metrics.turnServed().getTotalCount()).isEqualTo(2L * games * turns);
    assertThat(r.gamesFinished()).isEqualTo(games);
    assertThat(r.ordersPerSecond()).isPositive();
    assertThat(r.serverCpuMillisPer1000Orders()).isPositive();
    assertThat(r.connections()).isEqualTo(games * seats);
    // the warm-up round's games and the measured round's, all finished on the server
    assertThat(lobby.games()).hasSize(2 * games);
    assertThat(lobby.games())
        .allSatisfy(g -> assertThat(g.info().getPhase()).isEqualTo(GamePhase.FINISHED));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    r.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    assertThat(table)
        .contains("orders a second")
        .contains("p99")
        .contains("9 of 9 expected")
        .contains("the server's own time for those turns");
    assertThat(r.json()).contains("\"ordersAccepted\":72");
  }

  @Test
  void seatsBeyondTheRemoteOnesArePlayedInsideTheServerWithThinkTime() throws Exception {
    LoadReport r =
        LoadGenerator.run(
            LoadConfig.of("127.0.0.1", server.port(), 2, 3, 2)
                .withScenario("europe-1914")
                .withThinkMs(5));

    assertThat(r.problems()).isEmpty();
    assertThat(r.ordersAccepted()).isEqualTo(2L * 3 * 2);
    assertThat(r.turnLatency().getTotalCount()).isEqualTo(2L * 2);
    assertThat(r.gamesFinished()).isEqualTo(2);
    assertThat(lobby.games()).hasSize(2);
    for (LiveGame g : lobby.games()) {
      // europe-1914 has 20 seats: the 3 remote ones and 17 played by the server's bots
      assertThat(g.info().getSeatsList().stream().filter(s -> s.getBot()).count()).isEqualTo(17);
    }
  }

  @Test
  void theSdkDriverPlaysWithEntenteClientAndRemoteBot() throws Exception {
    LoadReport r =
        LoadGenerator.run(
            LoadConfig.of("127.0.0.1", server.port(), 1, 3, 2)
                .withScenario("tutorial")
                .withDriver(LoadConfig.Driver.SDK)
                .withOrders(LoadConfig.OrdersMode.STRATEGY));

    assertThat(r.problems()).isEmpty();
    assertThat(r.ordersAccepted()).isEqualTo(3L * 2);
    assertThat(r.turnLatency().getTotalCount()).isEqualTo(2L);
    assertThat(r.gamesFinished()).isEqualTo(1);
  }

  @Test
  void connectionsOnlyHoldsEveryConnectionAndEndsTheGamesAfterwards() throws Exception {
    LoadReport r =
        LoadGenerator.run(
            LoadConfig.of("127.0.0.1", server.port(), 4, 8, 0)
                .withConnectionsOnly(Duration.ofMillis(600)));

    assertThat(r.problems()).isEmpty();
    assertThat(r.connections()).isEqualTo(32);
    // the seats' connections, plus the load generator's HTTP connection to /metrics
    assertThat(r.serverConnectionsHeld()).isBetween(32, 33);
    assertThat(r.connectionsDropped()).isZero();
    assertThat(r.pingRtt().getTotalCount()).isEqualTo(32);
    assertThat(lobby.games())
        .hasSize(4)
        .allSatisfy(g -> assertThat(g.info().getPhase()).isEqualTo(GamePhase.FINISHED));
  }

  @Test
  void theMetricsRouteAnswersJson() throws Exception {
    ServerMetrics m =
        ServerMetrics.fetch(java.net.http.HttpClient.newHttpClient(), "127.0.0.1", server.port());
    assertThat(m.liveGames()).isZero();
    assertThat(m.connections()).isPositive();
    assertThat(m.heapUsedBytes()).isPositive();
    assertThat(m.processCpuNanos()).isPositive();
    assertThat(m.uptimeMillis()).isPositive();
  }
}
