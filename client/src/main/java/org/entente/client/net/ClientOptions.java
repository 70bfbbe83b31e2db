package org.entente.client.net;

import java.time.Duration;

/**
 * How an {@link EntenteClient} connects: the transport, how long to wait for a connection and for
 * each reply, and the name it gives the server in its {@code Hello}.
 *
 * @param transport raw TCP frames (the default) or WebSocket binary frames at {@code /ws}
 * @param connectTimeout how long to wait for the TCP connection
 * @param requestTimeout how long a request waits for its reply before failing with a {@link
 *     java.util.concurrent.TimeoutException}
 * @param clientName free text sent in the {@code Hello}
 */
public record ClientOptions(
    Transport transport, Duration connectTimeout, Duration requestTimeout, String clientName) {

  /** The client's name and version as sent by default. */
  public static final String DEFAULT_CLIENT_NAME = "entente-java/0.1";

  /** The two ways to reach the server on its one port. */
  public enum Transport {
    /** varint32 length + protobuf bytes, both ways. */
    TCP,
    /** WebSocket at path {@code /ws}, one binary frame per message. */
    WEBSOCKET
  }

  public ClientOptions {
    if (transport == null) {
      throw new IllegalArgumentException("transport is missing");
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
    clientName = clientName == null ? DEFAULT_CLIENT_NAME : clientName;
  }

  /** TCP, 5 s to connect, 30 s per reply. */
  public static ClientOptions defaults() {
    return new ClientOptions(
        Transport.TCP, Duration.ofSeconds(5), Duration.ofSeconds(30), DEFAULT_CLIENT_NAME);
  }

  /** These options with another transport. */
  public ClientOptions withTransport(Transport t) {
    return new ClientOptions(t, connectTimeout, requestTimeout, clientName);
  }

  /** These options with another reply timeout. */
  public ClientOptions withRequestTimeout(Duration d) {
    return new ClientOptions(transport, connectTimeout, d, clientName);
  }
}
