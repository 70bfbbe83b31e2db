package org.entente.server.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntSupplier;
import org.entente.proto.v1.GameInfo;
import org.entente.proto.v1.GamePhase;
import org.entente.server.game.LiveGame;
import org.entente.server.game.Lobby;
import org.entente.server.net.HttpRoute;

/**
 * {@code GET /metrics}: the Prometheus text format (see {@link PrometheusMetrics}) for monitoring,
 * or, asked with {@code Accept: application/json} or {@code ?format=json}, a small JSON document
 * for the load generator. It runs on an event loop, so it only reads counters: the games (live and
 * finished), the open connections, the heap in use (without forcing a collection, so it includes
 * garbage not yet collected), the process's CPU time, the live threads, the uptime, and how long
 * turns closed by a seat's order took to serve ({@link org.entente.server.game.TurnTimes}: a
 * cumulative HdrHistogram of nanoseconds, compressed and in base64).
 *
 * <pre>{@code
 * {"games":{"live":100,"finished":3},"connections":801,"heapUsedBytes":73400320,
 *  "processCpuNanos":8123000000,"threads":130,"uptimeMillis":61234,"turnServedNanos":"HISTFAAA..."}
 * }</pre>
 */
public final class MetricsRoute implements HttpRoute {
  private static final String JSON = "application/json";

  private final Lobby lobby;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
  private final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private volatile IntSupplier connections = () -> -1;
  private final PrometheusMetrics prometheus;
  private final byte[] token; // null: this machine only

  /** Metrics of {@code lobby}'s games, for clients on this machine only. */
  public MetricsRoute(Lobby lobby) {
    this(lobby, null);
  }

  /**
   * Metrics of {@code lobby}'s games, for clients on this machine and, when {@code token} is not
   * null or empty, for those that send {@code Authorization: Bearer <token>}; call {@link
   * #connections} once the server exists.
   */
  public MetricsRoute(Lobby lobby, String token) {
    this.lobby = lobby;
    this.prometheus = new PrometheusMetrics(lobby, () -> connections.getAsInt());
    this.token =
        token == null || token.isEmpty()
            ? null
            : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  // A client on this machine, or one with the metrics token (compared in constant time).
  private boolean allowed(Request request) {
    if (request.fromLoopback()) {
      return true;
    }
    String auth = request.headers().get("authorization");
    return token != null
        && auth != null
        && java.security.MessageDigest.isEqual(token, auth.getBytes(StandardCharsets.UTF_8));
  }

  /** Where the open-connection count comes from (typically {@code server::openConnections}). */
  public MetricsRoute connections(IntSupplier source) {
    this.connections = source;
    return this;
  }

  @Override
  public CompletionStage<Response> handle(Request request) {
    if (!allowed(request)) {
      return CompletableFuture.completedFuture(
          Response.text(
              403,
              "/metrics is served to clients on the server's machine"
                  + (token == null
                      ? " only (start the server with --metrics-token to allow others)"
                      : ", or with Authorization: Bearer and the server's --metrics-token")));
    }
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return CompletableFuture.completedFuture(
          new Response(
              405,
              "text/plain; charset=utf-8",
              "GET only".getBytes(StandardCharsets.UTF_8),
              Map.of("Allow", "GET, HEAD")));
    }
    if (wantsJson(request)) {
      return CompletableFuture.completedFuture(
          Response.ok(JSON, json().getBytes(StandardCharsets.UTF_8)));
    }
    return CompletableFuture.completedFuture(
        Response.ok(
            PrometheusMetrics.CONTENT_TYPE, prometheus.scrape().getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean wantsJson(Request request) {
    String accept = request.headers().get("accept");
    return request.query().getOrDefault("format", java.util.List.of()).contains("json")
        || (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(JSON));
  }

  /** The metrics document. */
  String json() {
    int live = 0;
    int finished = 0;
    for (LiveGame g : lobby.games()) {
      GameInfo info = g.info();
      if (info != null && info.getPhase() == GamePhase.FINISHED) {
        finished++;
      } else {
        live++;
      }
    }
    return "{\"games\":{\"live\":"
        + live
        + ",\"finished\":"
        + finished
        + "},\"connections\":"
        + connections.getAsInt()
        + ",\"heapUsedBytes\":"
        + memory.getHeapMemoryUsage().getUsed()
        + ",\"processCpuNanos\":"
        + processCpuNanos()
        + ",\"threads\":"
        + threads.getThreadCount()
        + ",\"uptimeMillis\":"
        + runtime.getUptime()
        + ",\"turnServedNanos\":\""
        + lobby.turnTimes().encoded()
        + "\"}";
  }

  private long processCpuNanos() {
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : -1;
  }
}
