package org.entente.server.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.Hello;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.game.LiveGame;
import org.entente.server.game.Lobby;
import org.entente.server.net.Connection;

/** An in-memory connection to a lobby (like the game tests' TestConnection). */
final class Conn implements Connection {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private final String id = "jconn-" + SEQ.incrementAndGet();
  private final List<ServerMessage> received = new ArrayList<>();
  private final Lobby lobby;
  private volatile boolean open = true;
  private int requests;

  Conn(Lobby lobby) {
    this.lobby = lobby;
    lobby.onOpen(this);
    request(ClientMessage.newBuilder().setHello(Hello.newBuilder().setMajor(1)));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public synchronized void send(ServerMessage message) {
    if (open) {
      received.add(message);
      notifyAll();
    }
  }

  @Override
  public synchronized void close(ErrorCode code, String message) {
    open = false;
    notifyAll();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  ServerMessage request(ClientMessage.Builder b) {
    String rid = id + "-r" + (++requests);
    lobby.onMessage(this, b.setRequestId(rid).build());
    return await(m -> m.getRequestId().equals(rid));
  }

  synchronized ServerMessage await(Predicate<ServerMessage> p) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    int seen = 0;
    while (true) {
      for (; seen < received.size(); seen++) {
        if (p.test(received.get(seen))) {
          return received.get(seen);
        }
      }
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no matching message within 10 s; received: " + received);
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static void settle(LiveGame g) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(1);
    g.execute(latch::countDown);
    if (!latch.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("game executor did not settle");
    }
  }
}
