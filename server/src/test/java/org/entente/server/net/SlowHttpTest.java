package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow HTTP clients over real sockets: a request dribbled one header line at a time is answered 408
 * and cut once it has taken longer than the request timeout, so such clients cannot hold the
 * connection limit; a quick request on a kept-alive connection after a long pause, and a WebSocket
 * left quiet, are not affected.
 */
class SlowHttpTest {
  static final Duration TIMEOUT = Duration.ofMillis(800);
  final List<Socket> sockets = new ArrayList<>();
  Lobby lobby;
  NetServer server;

  void start(int maxConnections) {
    ServerConfig config =
        Loopback.config().withHttpRequestTimeout(TIMEOUT).withMaxConnections(maxConnections);
    lobby = new Lobby(config, GameClock.system());
    server = new NetServer(config, lobby, StaticFiles.none(), Map.of());
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    server.close();
    lobby.shutdown();
  }

  Socket connect() throws IOException {
    Socket s = new Socket("127.0.0.1", server.port());
    s.setSoTimeout(200);
    sockets.add(s);
    return s;
  }

  static void send(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** What arrives within {@code millis} (stopping early at the end of the stream). */
  static String read(Socket s, long millis) throws IOException {
    InputStream in = s.getInputStream();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    long end = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < end) {
      try {
        int n = in.read(buf);
        if (n < 0) {
          got.write("<EOF>".getBytes(StandardCharsets.US_ASCII));
          break;
        }
        got.write(buf, 0, n);
      } catch (SocketTimeoutException e) {
        // nothing yet
      }
    }
    return got.toString(StandardCharsets.UTF_8);
  }

  /** Sends a header line every 200 ms until the server answers; returns what it said. */
  static String dribble(Socket s, long millis) throws IOException {
    send(s, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    StringBuilder got = new StringBuilder();
    long end = System.nanoTime() + millis * 1_000_000;
    int i = 0;
    while (System.nanoTime() < end && !got.toString().contains("<EOF>")) {
      try {
        send(s, "X-Slow-" + (i++) + ": yes\r\n");
      } catch (IOException e) {
        got.append("<write failed>");
      }
      got.append(read(s, 200));
    }
    return got.toString();
  }

  @Test
  void aRequestDribbledLineByLineIsAnswered408AndCut() throws IOException {
    start(100);
    long t0 = System.nanoTime();
    String got = dribble(connect(), 8000);
    long took = (System.nanoTime() - t0) / 1_000_000;
    assertThat(got).startsWith("HTTP/1.1 408").contains("request timeout").contains("<EOF>");
    assertThat(took).isBetween(TIMEOUT.toMillis(), TIMEOUT.toMillis() + 4000);
  }

  @Test
  void slowClientsCannotHoldTheConnectionLimit() throws Exception {
    start(4);
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Socket s = connect();
      send(s, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      slow.add(s);
    }
    // the four must be open on the server before a fifth arrives, or the fifth may take a place
    long until = System.nanoTime() + 3_000_000_000L;
    while (server.openConnections() < 4 && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(server.openConnections()).as("slow connections open on the server").isEqualTo(4);
    Socket early = connect();
    send(early, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    assertThat(read(early, 3000)).startsWith("HTTP/1.1 503").contains("server full");
    Thread.sleep(TIMEOUT.toMillis() + 500);
    for (Socket s : slow) {
      assertThat(read(s, 300)).startsWith("HTTP/1.1 408");
    }
    Socket later = connect();
    send(later, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    assertThat(read(later, 500)).startsWith("HTTP/1.1 200").contains("\"status\":\"ok\"");
  }

  @Test
  void aKeptAliveConnectionMayPauseBetweenQuickRequests() throws Exception {
    start(100);
    Socket s = connect();
    send(s, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    assertThat(read(s, 400)).startsWith("HTTP/1.1 200");
    Thread.sleep(TIMEOUT.toMillis() * 2);
    send(s, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    assertThat(read(s, 400)).startsWith("HTTP/1.1 200").doesNotContain("408");
  }

  @Test
  void aQuietWebSocketIsNotCut() throws Exception {
    start(100);
    Socket s = connect();
    send(
        s,
        "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:"
            + server.port()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    assertThat(read(s, 400)).startsWith("HTTP/1.1 101");
    // a Hello in a masked binary frame, then quiet for twice the request timeout
    byte[] hello = NetTesting.hello("h", "slow-test").toByteArray();
    byte[] frame = new byte[6 + hello.length];
    frame[0] = (byte) 0x82;
    frame[1] = (byte) (0x80 | hello.length);
    byte[] mask = {1, 2, 3, 4};
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < hello.length; i++) {
      frame[6 + i] = (byte) (hello[i] ^ mask[i % 4]);
    }
    s.getOutputStream().write(frame);
    s.getOutputStream().flush();
    String after = read(s, TIMEOUT.toMillis() * 2);
    assertThat(after).contains("entente").doesNotContain("408").doesNotContain("<EOF>");
  }
}
