package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.server.net.NetTesting.outboundBytes;
import static org.entente.server.net.NetTesting.writeBytes;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The plain HTTP face, socketless: health, static files, routes and refusals. */
class HttpFaceTest {
  private static final StaticFiles FILES =
      path ->
          path.equals("/")
              ? Optional.of(
                  new StaticFiles.Resource(
                      "<h1>Entente</h1>".getBytes(StandardCharsets.UTF_8),
                      "text/html; charset=utf-8"))
              : Optional.empty();

  private final Map<String, HttpRoute> routes =
      Map.of(
          "/journal/",
          request ->
              CompletableFuture.completedFuture(
                  HttpRoute.Response.text(
                      200, "journal " + request.path() + " " + request.query())),
          "/journal/special",
          request -> CompletableFuture.completedFuture(HttpRoute.Response.text(200, "special")),
          "/broken",
          request -> {
            throw new IllegalStateException("broken route");
          });

  private String get(String requestLine) {
    EmbeddedChannel channel =
        NetTesting.channel(NetTesting.config(), new StubHandler(), FILES, routes, System::nanoTime);
    writeBytes(
        channel,
        (requestLine + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    return new String(outboundBytes(channel), StandardCharsets.UTF_8);
  }

  @Test
  void healthIsOkJson() {
    String response = get("GET /health");
    assertThat(response)
        .startsWith("HTTP/1.1 200 OK")
        .containsIgnoringCase("content-type: application/json")
        .endsWith("{\"status\":\"ok\"}");
  }

  @Test
  void staticFilesAreServed() {
    assertThat(get("GET /"))
        .startsWith("HTTP/1.1 200 OK")
        .containsIgnoringCase("content-type: text/html")
        .endsWith("<h1>Entente</h1>");
  }

  @Test
  void aMissingFileIsNotFound() {
    assertThat(get("GET /nothing.js")).startsWith("HTTP/1.1 404 Not Found");
  }

  @Test
  void otherMethodsAreNotAllowed() {
    assertThat(get("POST /")).startsWith("HTTP/1.1 405").containsIgnoringCase("allow: GET");
    assertThat(get("DELETE /health")).startsWith("HTTP/1.1 405");
  }

  @Test
  void routesMatchExactlyOrByTheLongestPrefix() {
    assertThat(get("GET /journal/g-1?turn=3")).endsWith("journal /journal/g-1 {turn=[3]}");
    assertThat(get("GET /journal/special")).endsWith("special");
  }

  @Test
  void aRouteThatThrowsIsAServerError() {
    assertThat(get("GET /broken")).startsWith("HTTP/1.1 500");
  }

  @Test
  void theConnectionIsKeptAliveBetweenRequests() {
    EmbeddedChannel channel =
        NetTesting.channel(NetTesting.config(), new StubHandler(), FILES, routes, System::nanoTime);
    byte[] request = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    writeBytes(channel, request);
    writeBytes(channel, request);

    String responses = new String(outboundBytes(channel), StandardCharsets.UTF_8);
    assertThat(responses.split("HTTP/1.1 200 OK", -1)).hasSize(3);
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void findRoutePrefersExactThenLongestPrefix() {
    HttpRoute a = r -> null;
    HttpRoute b = r -> null;
    HttpRoute c = r -> null;
    Map<String, HttpRoute> map = Map.of("/x/", a, "/x/y/", b, "/x/y/z", c);
    assertThat(HttpHandler.findRoute(map, "/x/q")).isSameAs(a);
    assertThat(HttpHandler.findRoute(map, "/x/y/q")).isSameAs(b);
    assertThat(HttpHandler.findRoute(map, "/x/y/z")).isSameAs(c);
    assertThat(HttpHandler.findRoute(map, "/x")).isNull();
  }
}
