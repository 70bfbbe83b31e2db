package org.entente.server.net;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.proto.v1.Ack;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.Pong;
import org.entente.proto.v1.ServerMessage;

/**
 * A stand-in for the game service: answers Ping with Pong and anything else with an Ack naming the
 * body, echoing request ids; a Hello from client "boom" makes it throw.
 */
class StubHandler implements MessageHandler {
  final List<Connection> opened = new CopyOnWriteArrayList<>();
  final BlockingQueue<Connection> closed = new LinkedBlockingQueue<>();
  final AtomicInteger closes = new AtomicInteger();
  final List<ClientMessage> received = new CopyOnWriteArrayList<>();

  @Override
  public void onOpen(Connection connection) {
    opened.add(connection);
  }

  @Override
  public void onMessage(Connection connection, ClientMessage message) {
    received.add(message);
    if (message.hasHello() && message.getHello().getClient().equals("boom")) {
      throw new IllegalStateException("boom");
    }
    ServerMessage.Builder reply = ServerMessage.newBuilder().setRequestId(message.getRequestId());
    if (message.hasPing()) {
      reply.setPong(Pong.getDefaultInstance());
    } else {
      reply.setAck(Ack.newBuilder().setDetail(message.getBodyCase().name()));
    }
    connection.send(reply.build());
  }

  @Override
  public void onClose(Connection connection) {
    closes.incrementAndGet();
    closed.add(connection);
  }
}
