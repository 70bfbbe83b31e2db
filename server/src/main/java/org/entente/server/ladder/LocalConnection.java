package org.entente.server.ladder;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.Hello;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.game.Lobby;
import org.entente.server.net.Connection;

/**
 * The ladder's own connection to the lobby, in-process: it creates the ladder's games as any client
 * would (so they are live games, journaled and replayable like the others) and receives their
 * pushes, without a socket.
 */
final class LocalConnection implements Connection {
  private final Lobby lobby;
  private final Map<String, CompletableFuture<ServerMessage>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Consumer<ServerMessage> pushes;
  private volatile boolean open = true;

  LocalConnection(Lobby lobby, Consumer<ServerMessage> pushes) {
    this.lobby = lobby;
    this.pushes = pushes;
  }

  /** Opens the session (its Hello); throws if the lobby refuses it. */
  void open() throws Exception {
    lobby.onOpen(this);
    ServerMessage w =
        request(
                ClientMessage.newBuilder()
                    .setHello(
                        Hello.newBuilder()
                            .setMajor(Lobby.PROTOCOL_MAJOR)
                            .setMinor(Lobby.PROTOCOL_MINOR)
                            .setClient("entente-ladder")))
            .get(10, java.util.concurrent.TimeUnit.SECONDS);
    if (!w.hasWelcome()) {
      throw new IllegalStateException("the lobby answered the ladder's Hello with " + w);
    }
  }

  /** Sends a request; completes with the reply that carries its id (an Error included). */
  CompletableFuture<ServerMessage> request(ClientMessage.Builder m) {
    String id = "ladder-" + ids.incrementAndGet();
    CompletableFuture<ServerMessage> reply = new CompletableFuture<>();
    pending.put(id, reply);
    lobby.onMessage(this, m.setRequestId(id).build());
    return reply;
  }

  @Override
  public String id() {
    return "ladder";
  }

  @Override
  public void send(ServerMessage message) {
    if (!open) {
      return;
    }
    if (!message.getRequestId().isEmpty()) {
      CompletableFuture<ServerMessage> f = pending.remove(message.getRequestId());
      if (f != null) {
        f.complete(message);
        return;
      }
    }
    pushes.accept(message);
  }

  @Override
  public void close(ErrorCode code, String message) {
    close();
  }

  void close() {
    if (open) {
      open = false;
      lobby.onClose(this);
    }
  }

  @Override
  public boolean isOpen() {
    return open;
  }
}
