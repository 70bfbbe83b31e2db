package org.entente.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.entente.api.Orders;
import org.entente.api.Stance;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GameEvent;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.GameInfo;
import org.entente.proto.v1.GameList;
import org.entente.proto.v1.Limits;
import org.entente.proto.v1.ScenarioInfo;
import org.entente.proto.v1.ScenarioList;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.TurnView;
import org.entente.proto.v1.Welcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EntenteClientTest {
  private FakeServer server;
  private EntenteClient client;

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private EntenteClient connect() {
    client = EntenteClient.connect("127.0.0.1", server.port()).join();
    return client;
  }

  @Test
  void sendsHelloFirstAndCompletesOnWelcome() throws Exception {
    server = FakeServer.tcp();
    EntenteClient c = connect();
    ClientMessage hello = server.next(ClientMessage.BodyCase.HELLO);
    assertThat(hello.getHello().getMajor()).isEqualTo(1);
    assertThat(hello.getRequestId()).isNotEmpty();
    assertThat(server.received().get(0)).isEqualTo(hello);
    assertThat(c.welcome().getServer()).isEqualTo("fake");
    assertThat(c.isOpen()).isTrue();
  }

  @Test
  void refusedConnectionNamesHostAndPort() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CompletableFuture<EntenteClient> f = EntenteClient.connect("127.0.0.1", port);
    assertThatThrownBy(f::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(EntenteException.class)
        .hasMessageContaining("cannot connect to 127.0.0.1:" + port);
  }

  @Test
  void helloRefusedByTheServerFailsWithItsCode() throws Exception {
    server = FakeServer.tcp();
    server.on(
        ClientMessage.BodyCase.HELLO,
        (m, p) -> p.error(m, ErrorCode.UNSUPPORTED_VERSION, "this server speaks major 2"));
    CompletableFuture<EntenteClient> f = EntenteClient.connect("127.0.0.1", server.port());
    Throwable e = EntenteClient.cause(catchThrowable(f));
    assertThat(e).isInstanceOf(EntenteException.class);
    assertThat(((EntenteException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
    assertThat(e.getMessage())
        .contains("127.0.0.1:" + server.port())
        .contains("this server speaks major 2");
  }

  @Test
  void outOfOrderRepliesCompleteTheRightFutures() throws Exception {
    server = FakeServer.tcp();
    // Hold both requests, then answer the second first.
    server.on(ClientMessage.BodyCase.LIST_SCENARIOS, (m, p) -> {});
    server.on(ClientMessage.BodyCase.LIST_GAMES, (m, p) -> {});
    EntenteClient c = connect();
    CompletableFuture<ScenarioList> scenarios = c.listScenarios();
    CompletableFuture<GameList> games = c.listGames();
    ClientMessage first = server.next(ClientMessage.BodyCase.LIST_SCENARIOS);
    ClientMessage second = server.next(ClientMessage.BodyCase.LIST_GAMES);
    assertThat(first.getRequestId()).isNotEqualTo(second.getRequestId());
    FakeServer.Peer peer = server.nextPeer();
    peer.reply(
        second,
        ServerMessage.newBuilder()
            .setGames(GameList.newBuilder().addGames(GameInfo.newBuilder().setGameId("g7"))));
    assertThat(games.get(5, TimeUnit.SECONDS).getGames(0).getGameId()).isEqualTo("g7");
    assertThat(scenarios).isNotDone();
    peer.reply(
        first,
        ServerMessage.newBuilder()
            .setScenarios(
                ScenarioList.newBuilder().addScenarios(ScenarioInfo.newBuilder().setId("suez"))));
    assertThat(scenarios.get(5, TimeUnit.SECONDS).getScenarios(0).getId()).isEqualTo("suez");
  }

  @Test
  void errorReplyCompletesExceptionallyWithTheCode() throws Exception {
    server = FakeServer.tcp();
    server.on(
        ClientMessage.BodyCase.RESUME, (m, p) -> p.error(m, ErrorCode.BAD_TOKEN, "no such token"));
    EntenteClient c = connect();
    Throwable e = EntenteClient.cause(catchThrowable(c.resume("nope")));
    assertThat(e).isInstanceOf(EntenteException.class).hasMessage("BAD_TOKEN: no such token");
    assertThat(((EntenteException) e).code()).isEqualTo(ErrorCode.BAD_TOKEN);
    assertThat(((EntenteException) e).fromServer()).isTrue();
    // The connection is still usable.
    assertThat(c.join("g1", "EGY", "Nasser", "ABCDEFGH").get(5, TimeUnit.SECONDS).getToken())
        .isEqualTo("tok-EGY");
  }

  @Test
  void pushesReachListenersInOrderAndDoNotCompleteRequests() throws Exception {
    server = FakeServer.tcp();
    server.on(ClientMessage.BodyCase.LIST_GAMES, (m, p) -> {});
    EntenteClient c = connect();
    LinkedBlockingQueue<ServerMessage> pushes = new LinkedBlockingQueue<>();
    c.onPush(pushes::add);
    CompletableFuture<GameList> pendingGames = c.listGames();
    server.next(ClientMessage.BodyCase.LIST_GAMES);
    TurnView view = TestViews.egyptTurnView(3);
    server.push(ServerMessage.newBuilder().setView(view));
    server.push(
        ServerMessage.newBuilder()
            .setGameEvent(GameEvent.newBuilder().setKind(GameEventKind.GAME_ENDED)));
    assertThat(pushes.poll(5, TimeUnit.SECONDS).getView()).isEqualTo(view);
    assertThat(pushes.poll(5, TimeUnit.SECONDS).getGameEvent().getKind())
        .isEqualTo(GameEventKind.GAME_ENDED);
    assertThat(pendingGames).isNotDone();
  }

  @Test
  void aFailingListenerDoesNotStopTheOthers() throws Exception {
    server = FakeServer.tcp();
    EntenteClient c = connect();
    LinkedBlockingQueue<ServerMessage> pushes = new LinkedBlockingQueue<>();
    c.onPush(
        m -> {
          throw new IllegalStateException("boom");
        });
    EntenteClient.Registration r = c.onPush(pushes::add);
    server.push(ServerMessage.newBuilder().setView(TestViews.egyptTurnView(3)));
    assertThat(pushes.poll(5, TimeUnit.SECONDS)).isNotNull();
    r.remove();
    server.push(ServerMessage.newBuilder().setView(TestViews.egyptTurnView(4)));
    c.ping().get(5, TimeUnit.SECONDS); // replies come in wire order: the push was handled
    assertThat(pushes.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void submitSendsTheWireFormOfTheOrders() throws Exception {
    server = FakeServer.tcp();
    EntenteClient c = connect();
    Orders orders = Orders.of(new Stance.Balance("ISR", 0.2, List.of("SYR")));
    assertThat(c.submit("tok", 3, "EGY", orders).get(5, TimeUnit.SECONDS).getTurn()).isEqualTo(3);
    ClientMessage m = server.next(ClientMessage.BodyCase.SUBMIT_ORDERS);
    assertThat(m.getSubmitOrders().getToken()).isEqualTo("tok");
    assertThat(m.getSubmitOrders().getState()).isEqualTo("EGY");
    assertThat(Wire.orders(m.getSubmitOrders().getOrders())).isEqualTo(orders);
  }

  @Test
  void requestsTimeOut() throws Exception {
    server = FakeServer.tcp();
    server.on(ClientMessage.BodyCase.LIST_GAMES, (m, p) -> {});
    client =
        EntenteClient.connect(
                "127.0.0.1",
                server.port(),
                ClientOptions.defaults().withRequestTimeout(Duration.ofMillis(200)))
            .join();
    Throwable e = EntenteClient.cause(catchThrowable(client.listGames()));
    assertThat(e).isInstanceOf(TimeoutException.class).hasMessageContaining("list_games");
  }

  @Test
  void closeByTheServerFailsPendingRequestsAndCompletesCloseFuture() throws Exception {
    server = FakeServer.tcp();
    server.on(ClientMessage.BodyCase.LIST_GAMES, (m, p) -> p.close());
    EntenteClient c = connect();
    Throwable e = EntenteClient.cause(catchThrowable(c.listGames()));
    assertThat(e).isInstanceOf(EntenteException.class).hasMessageContaining("closed");
    c.closeFuture().get(5, TimeUnit.SECONDS);
    assertThat(c.isOpen()).isFalse();
    Throwable after = EntenteClient.cause(catchThrowable(c.listGames()));
    assertThat(after).isInstanceOf(EntenteException.class).hasMessageContaining("is closed");
  }

  @Test
  void anErrorPushedBeforeCloseIsTheCloseReason() throws Exception {
    server = FakeServer.tcp();
    EntenteClient c = connect();
    FakeServer.Peer peer = server.nextPeer();
    peer.send(
        ServerMessage.newBuilder()
            .setError(
                org.entente.proto.v1.Error.newBuilder()
                    .setCode(ErrorCode.SESSION_REPLACED)
                    .setMessage("another connection resumed this token"))
            .build());
    peer.close();
    c.closeFuture().get(5, TimeUnit.SECONDS);
    assertThat(c.closeReason().getCode()).isEqualTo(ErrorCode.SESSION_REPLACED);
  }

  @Test
  void closeByTheClientCompletesCloseFuture() throws Exception {
    server = FakeServer.tcp();
    EntenteClient c = connect();
    c.close();
    c.closeFuture().get(5, TimeUnit.SECONDS);
    assertThat(c.isOpen()).isFalse();
  }

  @Test
  void webSocketTransportSpeaksTheSameProtocol() throws Exception {
    server = FakeServer.webSocket();
    client =
        EntenteClient.connect(
                "127.0.0.1",
                server.port(),
                ClientOptions.defaults().withTransport(ClientOptions.Transport.WEBSOCKET))
            .get(5, TimeUnit.SECONDS);
    assertThat(client.welcome().getMajor()).isEqualTo(1);
    LinkedBlockingQueue<ServerMessage> pushes = new LinkedBlockingQueue<>();
    client.onPush(pushes::add);
    assertThat(client.join("g1", "SYR", "Quwatli", "ABCDEFGH").get(5, TimeUnit.SECONDS).getToken())
        .isEqualTo("tok-SYR");
    server.push(ServerMessage.newBuilder().setView(TestViews.egyptTurnView(3)));
    assertThat(pushes.poll(5, TimeUnit.SECONDS).getView().getTurn()).isEqualTo(3);
  }

  @Test
  void pingsAtHalfTheServersIdleTimeout() throws Exception {
    server = FakeServer.tcp();
    server.on(
        ClientMessage.BodyCase.HELLO,
        (m, p) ->
            p.reply(
                m,
                ServerMessage.newBuilder()
                    .setWelcome(
                        Welcome.newBuilder()
                            .setMajor(1)
                            .setLimits(Limits.newBuilder().setIdleTimeoutSeconds(1)))));
    connect();
    long start = System.nanoTime();
    server.next(ClientMessage.BodyCase.PING);
    server.next(ClientMessage.BodyCase.PING);
    assertThat((System.nanoTime() - start) / 1_000_000).isBetween(700L, 3000L);
  }

  @Test
  void hostPortParsesAndExplains() {
    assertThat(HostPort.parse("example.org:7470")).isEqualTo(new HostPort("example.org", 7470));
    assertThat(HostPort.parse("localhost")).isEqualTo(new HostPort("localhost", 7470));
    assertThat(HostPort.parse("[::1]:9000")).isEqualTo(new HostPort("::1", 9000));
    assertThatThrownBy(() -> HostPort.parse("localhost:http"))
        .hasMessageContaining("'http' is not a port number");
    assertThatThrownBy(() -> HostPort.parse("localhost:70000")).hasMessageContaining("70000");
    assertThatThrownBy(() -> HostPort.parse(":7470")).hasMessageContaining("no host");
  }

  private static Throwable catchThrowable(CompletableFuture<?> f) {
    try {
      f.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("expected the future to fail");
  }
}
