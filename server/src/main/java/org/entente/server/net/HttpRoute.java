package org.entente.server.net;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * An HTTP endpoint another module mounts on the server's port (journal and debrief downloads, for
 * instance), keyed in {@link NetServer}'s route map by an exact path ("/debrief") or by a prefix
 * ending in "/" ("/journal/"); the longest matching key wins. {@code /health} and {@code /ws} are
 * built in; paths no route claims go to the static files.
 *
 * <p>{@link #handle} is called on an event loop: it must not block, so slow work (reading a
 * journal) belongs on another executor, completing the stage from there.
 */
@FunctionalInterface
public interface HttpRoute {

  /** Answers one request; any method reaches the route, which refuses those it does not serve. */
  CompletionStage<Response> handle(Request request);

  /**
   * One HTTP request as a route sees it.
   *
   * @param method "GET", "POST"...
   * @param path the decoded path, without the query ("/journal/g-12")
   * @param query the decoded query parameters
   * @param headers the headers, names in lower case (a repeated header keeps its last value)
   * @param body the request body, empty for a GET
   * @param remote the client's address (null when not over a socket)
   */
  record Request(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, String> headers,
      byte[] body,
      java.net.SocketAddress remote) {

    /** A request not made over a socket. */
    public Request(
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, String> headers,
        byte[] body) {
      this(method, path, query, headers, body, null);
    }

    /** True when the client is on this machine (a loopback address). */
    public boolean fromLoopback() {
      return remote instanceof java.net.InetSocketAddress a
          && a.getAddress() != null
          && a.getAddress().isLoopbackAddress();
    }
  }

  /**
   * One HTTP response.
   *
   * @param status the status code
   * @param contentType the body's media type
   * @param body the body
   * @param headers extra headers (e.g. Content-Disposition)
   */
  record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    /** A 200 with this body. */
    public static Response ok(String contentType, byte[] body) {
      return new Response(200, contentType, body, Map.of());
    }

    /** A status with a short plain-text explanation. */
    public static Response text(int status, String text) {
      return new Response(
          status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }
  }
}
