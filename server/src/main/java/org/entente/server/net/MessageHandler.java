package org.entente.server.net;

import org.entente.proto.v1.ClientMessage;

/**
 * What the network layer hands decoded requests to. Called on the connection's event loop: an
 * implementation must not block (game logic runs on each game's own executor).
 */
public interface MessageHandler {

  /** A connection was accepted and its transport chosen. */
  void onOpen(Connection connection);

  /** A well-formed request arrived (framing, size, rate and idle limits already enforced). */
  void onMessage(Connection connection, ClientMessage message);

  /** The connection closed, for whatever reason. */
  void onClose(Connection connection);
}
