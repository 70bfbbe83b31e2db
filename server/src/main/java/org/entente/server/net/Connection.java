package org.entente.server.net;

import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.ServerMessage;

/**
 * One client connection as the game service sees it, whatever the transport (TCP frames, WebSocket
 * binary or JSON). Every method is safe to call from any thread.
 */
public interface Connection {

  /** A short id for logs (e.g. "tcp-12 127.0.0.1:53412"). */
  String id();

  /** Queues a message to the client; dropped silently once the connection is closed. */
  void send(ServerMessage message);

  /**
   * Queues a message whose body is partly shared with other connections' messages (see {@link
   * SplicedMessage}); the client receives {@link SplicedMessage#whole()}. A connection that writes
   * bytes sends the shared part's encoding as it is; this default sends the whole message.
   */
  default void send(SplicedMessage message) {
    send(message.whole());
  }

  /** Sends an {@code Error} with this code and message (no request id), then closes. */
  void close(ErrorCode code, String message);

  /**
   * The remote host's address as text ("192.168.1.23", "0:0:0:0:0:0:0:1"), or null when unknown
   * (connections made inside the process).
   */
  default String remoteHost() {
    return null;
  }

  /** True when {@code host} (a numeric address) is this machine's loopback address. */
  static boolean isLoopback(String host) {
    try {
      return java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** True until the connection is closed by either side. */
  boolean isOpen();
}
