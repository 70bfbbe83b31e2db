package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cross-origin WebSocket handshakes over a real socket: a page of another origin (or of the opaque
 * {@code null} origin) is refused with 403; the server's own origin, origins named with {@code
 * --allow-origin}, and programs that send no Origin get the upgrade. Every HTTP response carries
 * the security headers.
 */
class OriginAndHeadersTest {
  Lobby lobby;
  NetServer server;

  void start(List<String> origins) {
    ServerConfig config = Loopback.config().withAllowedOrigins(origins);
    lobby = new Lobby(config, GameClock.system());
    server =
        new NetServer(
            config,
            lobby,
            new ClasspathStaticFiles(OriginAndHeadersTest.class.getClassLoader(), "web/"),
            Map.of());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    lobby.shutdown();
  }

  /**
   * The head of the server's answer to a WebSocket handshake sent with {@code origin} (or none).
   */
  String handshake(String origin) throws IOException {
    return http(
        "GET /ws HTTP/1.1\r\n"
            + "Host: 127.0.0.1:"
            + server.port()
            + "\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + (origin == null ? "" : "Origin: " + origin + "\r\n")
            + "\r\n");
  }

  /** Sends {@code request} and reads the answer until the head ends (and the body if closed). */
  String http(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      while (true) {
        int n;
        try {
          n = in.read(buf);
        } catch (java.net.SocketTimeoutException e) {
          break;
        }
        if (n < 0) {
          break;
        }
        got.write(buf, 0, n);
        String text = got.toString(StandardCharsets.UTF_8);
        if (text.startsWith("HTTP/1.1 101") && text.contains("\r\n\r\n")) {
          break; // the upgrade: the connection stays open for frames
        }
        if (text.contains("\r\n\r\n") && request.startsWith("GET /health")) {
          break;
        }
      }
      return got.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void pagesOfOtherOriginsCannotOpenTheWebSocket() throws IOException {
    start(List.of());
    String evil = handshake("http://evil.example");
    assertThat(evil).startsWith("HTTP/1.1 403").contains("origin http://evil.example may not open");
    assertThat(handshake("null")).startsWith("HTTP/1.1 403");
    assertThat(handshake("http://127.0.0.1:" + (server.port() + 1))).startsWith("HTTP/1.1 403");
    assertThat(handshake("https://127.0.0.1.evil.example")).startsWith("HTTP/1.1 403");

    assertThat(handshake("http://127.0.0.1:" + server.port())).startsWith("HTTP/1.1 101");
    assertThat(handshake(null)).as("a program sends no Origin").startsWith("HTTP/1.1 101");
  }

  @Test
  void originsNamedWithAllowOriginMayOpenIt() throws IOException {
    start(List.of("http://class.example:8080"));
    assertThat(handshake("http://class.example:8080")).startsWith("HTTP/1.1 101");
    assertThat(handshake("http://class.example")).startsWith("HTTP/1.1 403");
    assertThat(handshake("http://evil.example")).startsWith("HTTP/1.1 403");
  }

  @Test
  void everyHttpResponseCarriesTheSecurityHeaders() throws IOException {
    start(List.of());
    for (String path : List.of("/health", "/", "/js/app.js", "/no-such-file")) {
      String head =
          http("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .toLowerCase(java.util.Locale.ROOT);
      assertThat(head).as(path).contains("x-content-type-options: nosniff");
      assertThat(head).as(path).contains("x-frame-options: deny");
      assertThat(head).as(path).contains("referrer-policy: no-referrer");
      assertThat(head)
          .as(path)
          .contains("content-security-policy: default-src 'self'; script-src 'self';")
          .contains("frame-ancestors 'none'");
    }
  }
}
