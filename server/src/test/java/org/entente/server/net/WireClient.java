package org.entente.server.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.Hello;
import org.entente.proto.v1.ServerMessage;

/** A raw TCP client of a running server: length-delimited protobuf frames over a real socket. */
public final class WireClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final List<ServerMessage> received = new ArrayList<>();
  private final String name;
  private int requests;
  private boolean closed;

  public WireClient(int port, String name) throws IOException {
    this.name = name;
    socket = new Socket("127.0.0.1", port);
    out = socket.getOutputStream();
    Thread reader = new Thread(this::read, "wire-client-" + name);
    reader.setDaemon(true);
    reader.start();
    ServerMessage welcome =
        request(ClientMessage.newBuilder().setHello(Hello.newBuilder().setMajor(1)));
    if (!welcome.hasWelcome()) {
      throw new AssertionError("no welcome: " + welcome);
    }
  }

  private void read() {
    try {
      InputStream in = socket.getInputStream();
      while (true) {
        ServerMessage m = ServerMessage.parseDelimitedFrom(in);
        if (m == null) {
          break;
        }
        synchronized (this) {
          received.add(m);
          notifyAll();
        }
      }
    } catch (IOException e) {
      // the socket was closed
    }
    synchronized (this) {
      closed = true;
      notifyAll();
    }
  }

  /** Sends a request and waits for the message answering it. */
  public ServerMessage request(ClientMessage.Builder b) throws IOException {
    String rid;
    synchronized (this) {
      rid = name + "-r" + (++requests);
    }
    synchronized (out) {
      b.setRequestId(rid).build().writeDelimitedTo(out);
      out.flush();
    }
    return await(m -> m.getRequestId().equals(rid), 10);
  }

  /** The first message received (from the start) that matches, waiting up to {@code seconds}. */
  public synchronized ServerMessage await(Predicate<ServerMessage> p, long seconds) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    int seen = 0;
    while (true) {
      for (; seen < received.size(); seen++) {
        if (p.test(received.get(seen))) {
          return received.get(seen);
        }
      }
      long left = end - System.nanoTime();
      if (left <= 0 || closed) {
        throw new AssertionError(
            name + ": no matching message within " + seconds + " s; received: " + received);
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Everything received so far. */
  public synchronized List<ServerMessage> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
