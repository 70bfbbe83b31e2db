package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.server.net.NetTesting.assertError;
import static org.entente.server.net.NetTesting.frame;
import static org.entente.server.net.NetTesting.ping;

import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.PressMessage;
import org.entente.proto.v1.ServerMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server on a loopback port: each face end to end, and the limits with real sockets. */
@Timeout(30)
class NetServerTest {
  private final StubHandler handler = new StubHandler();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private NetServer server;

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private NetServer start(ServerConfig config) {
    return start(config, handler, WriteLimits.defaults(config));
  }

  private NetServer start(ServerConfig config, MessageHandler h, WriteLimits limits) {
    server = new NetServer(config, h, StaticFiles.none(), Map.of(), limits);
    server.start();
    return server;
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(10_000);
    toClose.add(socket);
    return socket;
  }

  private static ServerMessage call(Socket socket, ClientMessage message) throws IOException {
    socket.getOutputStream().write(frame(message));
    return ServerMessage.parseDelimitedFrom(socket.getInputStream());
  }

  /** True once the server has closed its side (EOF, or a reset). */
  private static boolean closedByServer(Socket socket) throws IOException {
    try {
      return socket.getInputStream().read() == -1;
    } catch (SocketException reset) {
      return true;
    }
  }

  @Test
  void aTcpClientGetsAReply() throws Exception {
    start(NetTesting.config());
    Socket socket = connect();

    ServerMessage reply = call(socket, ping("tcp-1"));

    assertThat(reply.hasPong()).isTrue();
    assertThat(reply.getRequestId()).isEqualTo("tcp-1");
    assertThat(handler.opened.get(0).id()).startsWith("tcp-").contains("127.0.0.1:");
  }

  @Test
  void healthAnswersOverHttp() throws Exception {
    start(NetTesting.config());
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(handler.opened).isEmpty();
  }

  @Test
  void aWebSocketClientGetsJsonForTextAndProtobufForBinary() throws Exception {
    start(NetTesting.config());
    FrameCollector frames = new FrameCollector();
    WebSocket ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), frames)
            .get(10, TimeUnit.SECONDS);

    ws.sendText("{\"requestId\":\"j1\",\"ping\":{}}", true).get(10, TimeUnit.SECONDS);
    Object text = frames.next();
    assertThat(text).isInstanceOf(String.class);
    ServerMessage.Builder fromJson = ServerMessage.newBuilder();
    JsonFormat.parser().merge((String) text, fromJson);
    assertThat(fromJson.getRequestId()).isEqualTo("j1");
    assertThat(fromJson.hasPong()).isTrue();

    ws.sendBinary(ByteBuffer.wrap(ping("b2").toByteArray()), true).get(10, TimeUnit.SECONDS);
    Object binary = frames.next();
    assertThat(binary).isInstanceOf(ByteBuffer.class);
    ServerMessage fromBytes = ServerMessage.parseFrom((ByteBuffer) binary);
    assertThat(fromBytes.getRequestId()).isEqualTo("b2");
    assertThat(fromBytes.hasPong()).isTrue();

    assertThat(handler.opened.get(0).id()).startsWith("ws-");
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    assertThat(handler.closed.poll(10, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void anOversizeWebSocketFrameIsRefusedAndClosed() throws Exception {
    start(NetTesting.config());
    FrameCollector frames = new FrameCollector();
    WebSocket ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), frames)
            .get(10, TimeUnit.SECONDS);
    ws.sendText("{\"requestId\":\"j1\",\"ping\":{}}", true).get(10, TimeUnit.SECONDS);
    frames.next();

    ws.sendText("{\"requestId\":\"" + "x".repeat(2000) + "\",\"ping\":{}}", true);

    ServerMessage.Builder error = ServerMessage.newBuilder();
    JsonFormat.parser().merge((String) frames.next(), error);
    assertThat(error.getError().getCode()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
    assertThat(handler.closed.poll(10, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    start(NetTesting.config(100, Duration.ofMillis(300)));
    Socket socket = connect();
    assertThat(call(socket, ping("p")).hasPong()).isTrue();

    ServerMessage error = ServerMessage.parseDelimitedFrom(socket.getInputStream());

    assertError(error, ErrorCode.IDLE_TIMEOUT, "");
    assertThat(error.getError().getMessage()).contains("300 ms");
    assertThat(closedByServer(socket)).isTrue();
    assertThat(handler.closed.poll(10, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void aConnectionThatNeverSpeaksIsClosedAfterTheIdleTimeoutToo() throws Exception {
    start(NetTesting.config(100, Duration.ofMillis(300)));
    Socket socket = connect();

    assertError(
        ServerMessage.parseDelimitedFrom(socket.getInputStream()), ErrorCode.IDLE_TIMEOUT, "");
    assertThat(closedByServer(socket)).isTrue();
  }

  @Test
  void garbageOnOneConnectionLeavesTheOthersServed() throws Exception {
    start(NetTesting.config());
    Socket good = connect();
    assertThat(call(good, ping("1")).hasPong()).isTrue();
    Socket bad = connect();

    bad.getOutputStream().write(new byte[] {4, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});

    assertError(
        ServerMessage.parseDelimitedFrom(bad.getInputStream()), ErrorCode.MALFORMED_FRAME, "");
    assertThat(closedByServer(bad)).isTrue();
    assertThat(call(good, ping("2")).hasPong()).isTrue();
    assertThat(call(connect(), ping("3")).hasPong()).isTrue();
  }

  @Test
  void overTheConnectionLimitClientsAreToldTheServerIsFull() throws Exception {
    start(
        new ServerConfig("127.0.0.1", 0, Path.of("data"), 1024, 100, Duration.ofSeconds(30), 1, 1));
    Socket first = connect();
    assertThat(call(first, ping("1")).hasPong()).isTrue();

    Socket second = connect();
    ServerMessage refusal = call(second, ping("2"));
    assertError(refusal, ErrorCode.SERVER_FULL, "");
    assertThat(refusal.getError().getMessage()).startsWith("server full: 1 connections");
    assertThat(closedByServer(second)).isTrue();

    HttpResponse<String> http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(http.statusCode()).isEqualTo(503);
    assertThat(call(first, ping("3")).hasPong()).isTrue();
  }

  @Test
  void aClientThatDoesNotReadIsClosedOnceItStaysUnwritable() throws Exception {
    String text = "x".repeat(60_000);
    StubHandler flooder =
        new StubHandler() {
          @Override
          public void onMessage(Connection connection, ClientMessage message) {
            for (int i = 0; i < 400; i++) {
              connection.send(
                  ServerMessage.newBuilder()
                      .setPress(PressMessage.newBuilder().setText(text))
                      .build());
            }
          }
        };
    ServerConfig config = NetTesting.config();
    start(config, flooder, new WriteLimits(16 << 10, 64 << 10, Duration.ofMillis(200), 1L << 40));
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
    toClose.add(socket);

    socket.getOutputStream().write(frame(ping("flood")));

    assertThat(flooder.closed.poll(10, TimeUnit.SECONDS)).isNotNull();
    assertThat(server.openConnections()).isLessThanOrEqualTo(1);
  }

  @Test
  void aClientThatFallsTooFarBehindIsClosedAtOnce() throws Exception {
    String text = "x".repeat(60_000);
    StubHandler flooder =
        new StubHandler() {
          @Override
          public void onMessage(Connection connection, ClientMessage message) {
            for (int i = 0; i < 400 && connection.isOpen(); i++) {
              connection.send(
                  ServerMessage.newBuilder()
                      .setPress(PressMessage.newBuilder().setText(text))
                      .build());
            }
          }
        };
    start(
        NetTesting.config(),
        flooder,
        new WriteLimits(16 << 10, 64 << 10, Duration.ofMinutes(1), 1 << 20));
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
    toClose.add(socket);

    socket.getOutputStream().write(frame(ping("flood")));

    assertThat(flooder.closed.poll(10, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void closingTheServerClosesConnectionsAndTheirSessions() throws Exception {
    start(NetTesting.config());
    Socket socket = connect();
    assertThat(call(socket, ping("1")).hasPong()).isTrue();

    server.close();

    assertThat(closedByServer(socket)).isTrue();
    assertThat(handler.closes).hasValue(1);
  }

  /** Collects whole WebSocket messages: text as String, binary as ByteBuffer. */
  private static final class FrameCollector implements WebSocket.Listener {
    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    Object next() throws InterruptedException {
      Object message = messages.poll(10, TimeUnit.SECONDS);
      assertThat(message).as("a WebSocket message").isNotNull();
      return message;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        messages.add(text.toString());
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      binary.writeBytes(bytes);
      if (last) {
        messages.add(ByteBuffer.wrap(binary.toByteArray()));
        binary.reset();
      }
      ws.request(1);
      return null;
    }
  }
}
