package org.entente.server.net;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The server's configuration, parsed and checked once at start and passed by constructor.
 *
 * @param port the one port for TCP, WebSocket and HTTP (0 picks a free one, for tests)
 * @param data where journals live
 * @param maxFrameBytes the largest frame accepted, in bytes
 * @param maxMessagesPerSecond per connection; a burst of the same size is allowed
 * @param idleTimeout a connection silent this long is closed
 * @param maxGames games that may exist at once
 * @param maxConnections connections that may be open at once
 * @param maxObserversPerGame observers one game admits
 * @param allowedOrigins the browser origins, besides the server's own, whose pages may open the
 *     WebSocket (exact {@code scheme://host[:port]} strings; empty: the server's own only)
 * @param httpRequestTimeout an HTTP request must arrive whole (headers and body) this soon after
 *     its first byte, else it is answered 408 and the connection closed (slow-header attacks)
 */
public record ServerConfig(
    String host,
    int port,
    Path data,
    int maxFrameBytes,
    int maxMessagesPerSecond,
    Duration idleTimeout,
    int maxGames,
    int maxConnections,
    int maxObserversPerGame,
    java.util.List<String> allowedOrigins,
    Duration httpRequestTimeout) {

  public static final int DEFAULT_PORT = 7470;

  /** Observers one game admits, by default. */
  public static final int DEFAULT_MAX_OBSERVERS = 64;

  /** The embedded defaults. */
  public static ServerConfig defaults() {
    return new ServerConfig(
        "0.0.0.0", DEFAULT_PORT, Path.of("data"), 1 << 20, 200, Duration.ofMinutes(5), 1000, 20000);
  }

  /** A configuration with the default observer limit and no other allowed origin. */
  public ServerConfig(
      String host,
      int port,
      Path data,
      int maxFrameBytes,
      int maxMessagesPerSecond,
      Duration idleTimeout,
      int maxGames,
      int maxConnections) {
    this(
        host,
        port,
        data,
        maxFrameBytes,
        maxMessagesPerSecond,
        idleTimeout,
        maxGames,
        maxConnections,
        DEFAULT_MAX_OBSERVERS,
        java.util.List.of(),
        DEFAULT_HTTP_REQUEST_TIMEOUT);
  }

  /** How long an HTTP request may take to arrive whole, by default. */
  public static final Duration DEFAULT_HTTP_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  public ServerConfig {
    allowedOrigins = java.util.List.copyOf(allowedOrigins);
    if (httpRequestTimeout.isNegative() || httpRequestTimeout.isZero()) {
      throw new IllegalArgumentException("httpRequestTimeout must be positive");
    }
    if (maxObserversPerGame < 0) {
      throw new IllegalArgumentException(
          "maxObserversPerGame must not be negative, got " + maxObserversPerGame);
    }
    for (String o : allowedOrigins) {
      if (!o.matches("https?://[A-Za-z0-9.\\[\\]:-]+")) {
        throw new IllegalArgumentException(
            "allowed origin '"
                + o
                + "' is not scheme://host[:port] (for example http://class.example:8080)");
      }
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
    if (maxFrameBytes < 1024) {
      throw new IllegalArgumentException(
          "maxFrameBytes must be at least 1024, got " + maxFrameBytes);
    }
    if (maxMessagesPerSecond < 1) {
      throw new IllegalArgumentException("maxMessagesPerSecond must be positive");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive");
    }
    if (maxGames < 1 || maxConnections < 1) {
      throw new IllegalArgumentException("maxGames and maxConnections must be positive");
    }
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(
        host,
        p,
        data,
        maxFrameBytes,
        maxMessagesPerSecond,
        idleTimeout,
        maxGames,
        maxConnections,
        maxObserversPerGame,
        allowedOrigins,
        httpRequestTimeout);
  }

  public ServerConfig withLimits(int frameBytes, int perSecond, Duration idle) {
    return new ServerConfig(
        host,
        port,
        data,
        frameBytes,
        perSecond,
        idle,
        maxGames,
        maxConnections,
        maxObserversPerGame,
        allowedOrigins,
        httpRequestTimeout);
  }

  /** This configuration with {@code connections} as the connection limit. */
  public ServerConfig withMaxConnections(int connections) {
    return new ServerConfig(
        host,
        port,
        data,
        maxFrameBytes,
        maxMessagesPerSecond,
        idleTimeout,
        maxGames,
        connections,
        maxObserversPerGame,
        allowedOrigins,
        httpRequestTimeout);
  }

  /** This configuration with another observer limit per game. */
  public ServerConfig withMaxObservers(int observers) {
    return new ServerConfig(
        host,
        port,
        data,
        maxFrameBytes,
        maxMessagesPerSecond,
        idleTimeout,
        maxGames,
        maxConnections,
        observers,
        allowedOrigins,
        httpRequestTimeout);
  }

  /** This configuration with another time for an HTTP request to arrive whole. */
  public ServerConfig withHttpRequestTimeout(Duration timeout) {
    return new ServerConfig(
        host,
        port,
        data,
        maxFrameBytes,
        maxMessagesPerSecond,
        idleTimeout,
        maxGames,
        maxConnections,
        maxObserversPerGame,
        allowedOrigins,
        timeout);
  }

  /** This configuration with these other origins allowed to open the WebSocket. */
  public ServerConfig withAllowedOrigins(java.util.List<String> origins) {
    return new ServerConfig(
        host,
        port,
        data,
        maxFrameBytes,
        maxMessagesPerSecond,
        idleTimeout,
        maxGames,
        maxConnections,
        maxObserversPerGame,
        origins,
        httpRequestTimeout);
  }
}
