/**
 * The network layer: one port that serves raw TCP protobuf frames (bots in any language), WebSocket
 * with binary protobuf or JSON text frames (the browser) and plain HTTP (health, static files and
 * routes other modules mount).
 *
 * <p>{@link org.entente.server.net.NetServer} binds the port; {@code NetInitializer} builds each
 * channel's pipeline; {@code PortUnification} reads the first bytes of a connection and installs
 * the TCP or the HTTP handlers; a WebSocket upgrade on {@code /ws} swaps the HTTP handlers for
 * WebSocket ones. Both message faces end in {@code ConnectionHandler}, which enforces the limits
 * (frame size, message rate, idle time, slow readers) and hands each request to the game service's
 * {@link org.entente.server.net.MessageHandler} through a {@link
 * org.entente.server.net.Connection}. Every refusal reaches the client as an {@code Error} with a
 * stable code.
 */
package org.entente.server.net;
