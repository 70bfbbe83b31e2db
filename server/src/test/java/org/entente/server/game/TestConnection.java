package org.entente.server.game;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.Hello;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.net.Connection;

/**
 * An in-memory connection for socketless tests of the game service: records what the server sends
 * and lets a test wait for a message matching a condition.
 */
final class TestConnection implements Connection {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private final String id = "test-" + SEQ.incrementAndGet();
  private final List<ServerMessage> received = new ArrayList<>();
  private volatile boolean open = true;
  private volatile ErrorCode closedWith;
  private final Lobby lobby;
  private int requests;

  TestConnection(Lobby lobby) {
    this.lobby = lobby;
    lobby.onOpen(this);
  }

  /** A connection that has said Hello. */
  static TestConnection hello(Lobby lobby) {
    TestConnection c = new TestConnection(lobby);
    c.request(ClientMessage.newBuilder().setHello(Hello.newBuilder().setMajor(1)));
    return c;
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
    closedWith = code;
    open = false;
    notifyAll();
    lobby.onClose(this);
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  ErrorCode closedWith() {
    return closedWith;
  }

  /** Sends a request; returns its reply (the message carrying its request id). */
  ServerMessage request(ClientMessage.Builder b) {
    String rid = id + "-r" + (++requests);
    lobby.onMessage(this, b.setRequestId(rid).build());
    return await(m -> m.getRequestId().equals(rid));
  }

  /** Waits (up to 10 s) for a message matching {@code p} and returns it. */
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

  synchronized List<ServerMessage> received() {
    return List.copyOf(received);
  }

  /** Waits until the game's executor has run everything queued so far. */
  static void settle(LiveGame g) {
    java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
    g.execute(latch::countDown);
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("game executor did not settle");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
