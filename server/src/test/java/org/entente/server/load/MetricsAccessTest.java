package org.entente.server.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Map;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.entente.server.net.StaticFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} over real sockets: a client on the server's machine reads it; one reaching the
 * server through a network address is refused unless it sends the metrics token.
 */
class MetricsAccessTest {
  final HttpClient http = HttpClient.newHttpClient();
  Lobby lobby;
  NetServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (lobby != null) {
      lobby.shutdown();
    }
  }

  int start(String token) {
    ServerConfig config = ServerConfig.defaults().withPort(0);
    lobby = new Lobby(config, GameClock.system());
    MetricsRoute metrics = new MetricsRoute(lobby, token);
    server = new NetServer(config, lobby, StaticFiles.none(), Map.of("/metrics", metrics));
    metrics.connections(server::openConnections);
    server.start();
    return server.port();
  }

  HttpResponse<String> get(String host, int port, String auth) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/metrics"));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An IPv4 address of this machine that is not loopback, or null. */
  static String networkAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return a.getHostAddress();
        }
      }
    }
    return null;
  }

  @Test
  void onlyThisMachineReadsTheMetricsWithoutTheToken() throws Exception {
    String lan = networkAddress();
    assumeTrue(lan != null, "this machine has no network address besides loopback");
    int port = start(null);
    assertThat(get("127.0.0.1", port, null).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = get(lan, port, null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("--metrics-token");
    assertThat(get(lan, port, "Bearer guess").statusCode()).isEqualTo(403);
  }

  @Test
  void theTokenLetsAnotherMachineReadThem() throws Exception {
    String lan = networkAddress();
    assumeTrue(lan != null, "this machine has no network address besides loopback");
    int port = start("s3cret-metrics");
    assertThat(get(lan, port, "Bearer s3cret-metrics").statusCode()).isEqualTo(200);
    assertThat(get(lan, port, "Bearer s3cret-metric").statusCode()).isEqualTo(403);
    assertThat(get(lan, port, null).statusCode()).isEqualTo(403);
    assertThat(get("127.0.0.1", port, null).body()).contains("entente_games{phase=\"live\"}");
  }

  @Test
  void prometheusTextByDefaultJsonWhenAsked() throws Exception {
    int port = start(null);
    System.gc(); // the connection gauge must survive a collection (gauges are held weakly)
    HttpResponse<String> text = get("127.0.0.1", port, null);
    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
    assertThat(text.body())
        .contains("# TYPE entente_games gauge")
        .contains("entente_games{phase=\"live\"} 0.0")
        .containsPattern("(?m)^entente_connections [1-9][0-9]*\\.0$")
        .contains("# TYPE entente_turns_served_total counter")
        .contains("entente_turn_served_seconds{quantile=\"0.99\"}")
        .contains("jvm_memory_used_bytes")
        .contains("process_uptime_seconds");
    new org.entente.server.net.WireClient(port, "creator")
        .request(
            org.entente.proto.v1.ClientMessage.newBuilder()
                .setCreateGame(
                    org.entente.proto.v1.CreateGame.newBuilder().setScenario("tutorial")));
    assertThat(get("127.0.0.1", port, null).body()).contains("entente_games{phase=\"live\"} 1.0");
    HttpResponse<String> json =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(json.body()).startsWith("{\"games\":{\"live\":1,");
    assertThat(
            http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/metrics?format=json"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body())
        .startsWith("{\"games\"");
  }
}
