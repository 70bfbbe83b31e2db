package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.entente.server.net.StaticFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JSON over a real WebSocket is read strictly and the connection survives every mistake: a type
 * mistake or an unknown enum value gets an Error naming the field, an unknown body an error naming
 * the unknown names. JSON written to the port as raw bytes, and HTTP methods other than the usual
 * ones, get a clear answer instead of a silent wait.
 */
class StrictJsonOverSocketTest {
  Lobby lobby;
  NetServer server;

  @BeforeEach
  void start() {
    ServerConfig config = Loopback.config(ServerConfig.defaults().data(), 10_000);
    lobby = new Lobby(config, GameClock.system());
    server = new NetServer(config, lobby, StaticFiles.none());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    lobby.shutdown();
  }

  /** A WebSocket text client: sends JSON, reads ServerMessages. */
  static final class JsonSocket implements WebSocket.Listener {
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final StringBuilder partial = new StringBuilder();
    volatile Integer closedWith;
    WebSocket ws;

    JsonSocket open(int port) throws Exception {
      ws =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), this)
              .get(10, TimeUnit.SECONDS);
      return this;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        texts.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closedWith = statusCode;
      return null;
    }

    /** Sends {@code json} and returns the reply with {@code requestId} (skipping pushes). */
    ServerMessage ask(String json, String requestId) throws Exception {
      ws.sendText(json, true).get(10, TimeUnit.SECONDS);
      while (true) {
        String text = texts.poll(10, TimeUnit.SECONDS);
        assertThat(text).as("a reply to " + json + " (closed with " + closedWith + ")").isNotNull();
        ServerMessage.Builder b = ServerMessage.newBuilder();
        JsonFormat.parser().merge(text, b);
        if (b.getRequestId().equals(requestId)) {
          return b.build();
        }
      }
    }

    ServerMessage error(String json, String requestId, ErrorCode code) throws Exception {
      ServerMessage m = ask(json, requestId);
      assertThat(m.hasError()).as(json + " -> " + m).isTrue();
      assertThat(m.getError().getCode()).as(m.getError().getMessage()).isEqualTo(code);
      assertThat(m.getError().getRequestId()).isEqualTo(requestId);
      return m;
    }
  }

  @Test
  void jsonMistakesGetAnErrorNamingTheFieldAndTheConnectionGoesOn() throws Exception {
    JsonSocket s = new JsonSocket().open(server.port());
    ServerMessage welcome = s.ask("{\"requestId\":\"h\",\"hello\":{\"major\":1}}", "h");
    assertThat(welcome.getWelcome().getMinor()).isEqualTo(Lobby.PROTOCOL_MINOR);

    assertThat(
            s.error(
                    "{\"requestId\":\"e1\",\"createGame\":{\"scenario\":\"tutorial\","
                        + "\"defaultPolicy\":\"SOMETIMES\"}}",
                    "e1",
                    ErrorCode.BAD_REQUEST)
                .getError()
                .getMessage())
        .contains("createGame.defaultPolicy")
        .contains("\"SOMETIMES\" is not a DefaultOrderPolicy")
        .contains("REPEAT_OR_HIDE, HIDE, AUTOPILOT");
    assertThat(
            s.error(
                    "{\"requestId\":\"e2\",\"createGame\":{\"scenario\":\"tutorial\",\"seed\":\"abc\"}}",
                    "e2",
                    ErrorCode.BAD_REQUEST)
                .getError()
                .getMessage())
        .startsWith("createGame.seed: expected a whole number");
    assertThat(
            s.error(
                    "{\"requestId\":\"e3\",\"createGame\":{\"scenario\":\"tutorial\","
                        + "\"deadlineSeconds\":-5}}",
                    "e3",
                    ErrorCode.BAD_REQUEST)
                .getError()
                .getMessage())
        .startsWith("createGame.deadlineSeconds: -5 is out of range for uint32");
    // a literal beyond a double's range, and an exponent that would expand to millions of digits
    assertThat(
            s.error(
                    "{\"requestId\":\"e3a\",\"createGame\":{\"scenario\":\"tutorial\","
                        + "\"seed\":1e400}}",
                    "e3a",
                    ErrorCode.BAD_REQUEST)
                .getError()
                .getMessage())
        .startsWith("createGame.seed: ")
        .contains("is out of range for int64");
    assertThat(
            s.error(
                    "{\"requestId\":\"e3b\",\"createGame\":{\"scenario\":\"tutorial\","
                        + "\"deadlineSeconds\":\"1e99999999\"}}",
                    "e3b",
                    ErrorCode.BAD_REQUEST)
                .getError()
                .getMessage())
        .startsWith("createGame.deadlineSeconds: \"1e99999999\" is out of range for uint32");
    // a body given as null (found by the JSON fuzz test: it was taken as a message with no body)
    assertThat(
            s.error("{\"requestId\":\"e3c\",\"diffGames\":null}", "e3c", ErrorCode.BAD_REQUEST)
                .getError()
                .getMessage())
        .startsWith("diffGames: a message body cannot be null");
    assertThat(
            s.error(
                    "{\"requestId\":\"e4\",\"submitOrders\":{\"token\":\"t\",\"turn\":1,"
                        + "\"orders\":{\"stance\":{\"balance\":{\"against\":\"KAD\","
                        + "\"internal\":\"lots\",\"partners\":\"OST\"}}}}}",
                    "e4",
                    ErrorCode.BAD_REQUEST)
                .getError()
                .getMessage())
        .startsWith("submitOrders.orders.stance.balance.internal: expected a number, got a string");
    assertThat(
            s.error(
                    "{\"requestId\":\"e5\",\"submitOrders\":{\"token\":\"t\",\"turn\":1,"
                        + "\"orders\":{\"stance\":{\"balance\":{\"against\":\"KAD\","
                        + "\"partners\":\"OST\"}}}}}",
                    "e5",
                    ErrorCode.BAD_REQUEST)
                .getError()
                .getMessage())
        .startsWith("submitOrders.orders.stance.balance.partners: expected a list");
    assertThat(
            s.error("{\"requestId\":\"e6\",\"createGame\":[]}", "e6", ErrorCode.BAD_REQUEST)
                .getError()
                .getMessage())
        .startsWith("createGame: expected an object (CreateGame)");
    assertThat(
            s.error(
                    "{\"requestId\":\"e7\",\"joinSeat\":{\"gameId\":7}}",
                    "e7",
                    ErrorCode.BAD_REQUEST)
                .getError()
                .getMessage())
        .startsWith("joinSeat.gameId: expected a string, got a number 7");
    assertThat(
            s.error(
                    "{\"requestId\":\"e8\",\"createGame\":{\"scenario\":\"tutorial\","
                        + "\"bots\":{\"KAD\":true}}}",
                    "e8",
                    ErrorCode.BAD_REQUEST)
                .getError()
                .getMessage())
        .startsWith("createGame.bots.KAD: expected a string, got true");
    // an unknown body: named, with the bodies there are
    assertThat(
            s.error(
                    "{\"requestId\":\"u\",\"teleport\":{},\"warp\":1}",
                    "u",
                    ErrorCode.UNKNOWN_MESSAGE)
                .getError()
                .getMessage())
        .contains("unknown field(s): teleport, warp")
        .contains("createGame");

    // the same requests, written right, are served on the same connection
    ServerMessage created =
        s.ask(
            "{\"requestId\":\"ok\",\"createGame\":{\"scenario\":\"tutorial\",\"seed\":\"5\","
                + "\"defaultPolicy\":2}}",
            "ok");
    assertThat(created.getGameCreated().getGameId()).isNotEmpty();
    assertThat(s.ask("{\"requestId\":\"p\",\"ping\":{}}", "p").hasPong()).isTrue();
    assertThat(s.closedWith).isNull();
    s.ws.abort();
  }

  @Test
  void jsonWrittenToThePortAsRawBytesGetsAJsonErrorAndAClose() throws Exception {
    try (Socket raw = new Socket("127.0.0.1", server.port())) {
      raw.setSoTimeout(10_000);
      OutputStream out = raw.getOutputStream();
      out.write("{\"requestId\":\"1\",\"hello\":{\"major\":1}}\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(raw.getInputStream(), StandardCharsets.UTF_8));
      String line = in.readLine();
      ServerMessage.Builder b = ServerMessage.newBuilder();
      JsonFormat.parser().merge(line, b);
      assertThat(b.getError().getCode()).isEqualTo(ErrorCode.MALFORMED_FRAME);
      assertThat(b.getError().getMessage()).contains("GET /ws").contains("text frame");
      assertThat(in.readLine()).as("closed after the error").isNull();
    }
  }

  @Test
  void anObjectFollowedByMoreTextIsAMalformedFrame() throws Exception {
    // found by the JSON fuzz test: '{"diffGames":null}N' was read as a message and the N ignored
    JsonSocket s = new JsonSocket().open(server.port());
    s.ws.sendText("{\"requestId\":\"t\",\"ping\":{}}N", true).get(10, TimeUnit.SECONDS);
    String text = s.texts.poll(10, TimeUnit.SECONDS);
    assertThat(text).as("an error before the close").isNotNull();
    ServerMessage.Builder b = ServerMessage.newBuilder();
    JsonFormat.parser().merge(text, b);
    assertThat(b.getError().getCode()).isEqualTo(ErrorCode.MALFORMED_FRAME);
    assertThat(b.getError().getMessage()).contains("not a ClientMessage in JSON");
    for (int i = 0; i < 100 && s.closedWith == null; i++) {
      Thread.sleep(50);
    }
    assertThat(s.closedWith)
        .as("the connection is closed, as for any text that is not JSON")
        .isNotNull();
  }

  @Test
  void anUnusualHttpMethodIsAnsweredOverHttp() throws Exception {
    try (Socket raw = new Socket("127.0.0.1", server.port())) {
      raw.setSoTimeout(10_000);
      OutputStream out = raw.getOutputStream();
      out.write("TRACE /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(raw.getInputStream(), StandardCharsets.UTF_8));
      assertThat(in.readLine()).startsWith("HTTP/1.1 4");
    }
  }
}
