/**
 * The asynchronous Netty client of the Entente protocol ({@code entente.v1}): {@link
 * org.entente.client.net.EntenteClient} speaks varint-framed protobuf over TCP (or WebSocket binary
 * frames at {@code /ws}), correlates replies with requests by {@code request_id}, turns {@code
 * Error} replies into {@link org.entente.client.net.EntenteException}s carrying the server's code,
 * and hands pushes (views, results, press, game events) to listeners.
 *
 * <p>Logging goes through {@link java.lang.System.Logger} (the JDK's platform logging), so the
 * client needs no logging library; a launcher that has SLF4J can route it there.
 */
package org.entente.client.net;
