package org.entente.server.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.ServerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Connection} over one Netty channel; the channel's pipeline turns each {@link
 * ServerMessage} into TCP or WebSocket bytes. Safe to use from any thread.
 *
 * <p>Messages are queued and written by one task on the channel's event loop, which writes every
 * message waiting and then flushes once: a game that sends a seat its turn results, its new view
 * and an event costs one hand-off to the event loop and one socket write, not three. Order is kept:
 * messages go out in the order they were sent, and a closing Error after them.
 */
final class ChannelConnection implements Connection {
  private static final Logger log = LoggerFactory.getLogger(ChannelConnection.class);

  /** How long a closing connection waits for its last Error to be written before it just closes. */
  static final long CLOSE_GRACE_MILLIS = 5_000;

  /** The transports a connection can use, with their id prefixes. */
  enum Transport {
    TCP("tcp"),
    WEBSOCKET("ws");

    private final String prefix;

    Transport(String prefix) {
      this.prefix = prefix;
    }
  }

  private final Channel channel;
  private final Transport transport;
  private final String id;
  private final long maxPendingBytes;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final ChannelFutureListener onWriteFailure;
  // ServerMessages and SplicedMessages, which the pipeline's encoders write
  private final Queue<Object> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final AtomicLong queuedBytes = new AtomicLong(); // in pending, not yet on the channel

  ChannelConnection(Channel channel, Transport transport, long number, long maxPendingBytes) {
    this.channel = channel;
    this.transport = transport;
    this.id = transport.prefix + "-" + number + " " + describe(channel.remoteAddress());
    this.maxPendingBytes = maxPendingBytes;
    this.onWriteFailure =
        future -> {
          if (!future.isSuccess()
              && channel.isActive()
              && !(future.cause() instanceof ClosedChannelException)) {
            log.warn("write failed id=\"{}\"", id, future.cause());
          }
        };
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String remoteHost() {
    return channel.remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
        ? a.getAddress().getHostAddress()
        : null;
  }

  @Override
  public void send(ServerMessage message) {
    enqueue(message);
  }

  @Override
  public void send(SplicedMessage message) {
    enqueue(message);
  }

  // message: a ServerMessage or a SplicedMessage, which the pipeline's encoders write
  private void enqueue(Object message) {
    if (!isOpen()) {
      return;
    }
    long unwritten = channel.isWritable() ? 0 : channel.bytesBeforeWritable();
    long backlog = unwritten + queuedBytes.get();
    if (backlog > maxPendingBytes) {
      closeSlowConsumer("pendingBytes=" + backlog);
      return;
    }
    if (channel.eventLoop().inEventLoop()) {
      // a reply on the event loop: after anything queued, at once
      drain();
      channel.writeAndFlush(message).addListener(onWriteFailure);
      return;
    }
    queuedBytes.addAndGet(ServerMessageEncoder.sizeOf(message));
    pending.add(message);
    if (drainScheduled.compareAndSet(false, true)) {
      onEventLoop(this::drain);
    }
  }

  // The event loop refuses tasks once the server is stopping; the channel is closing then anyway.
  private void onEventLoop(Runnable task) {
    try {
      channel.eventLoop().execute(task);
    } catch (RejectedExecutionException e) {
      log.debug("event loop stopped; dropped output of id=\"{}\"", id);
    }
  }

  // On the event loop: writes every queued message, then flushes once.
  private void drain() {
    drainScheduled.set(false);
    boolean wrote = false;
    for (Object m = pending.poll(); m != null; m = pending.poll()) {
      queuedBytes.addAndGet(-ServerMessageEncoder.sizeOf(m));
      channel.write(m).addListener(onWriteFailure);
      wrote = true;
    }
    if (wrote) {
      channel.flush();
    }
  }

  @Override
  public void close(ErrorCode code, String message) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    log.info("closing id=\"{}\" code={} reason=\"{}\"", id, code, message);
    if (!channel.isActive()) {
      channel.close();
      return;
    }
    // after whatever was sent before: on the event loop, behind any queued drain
    if (channel.eventLoop().inEventLoop()) {
      farewell(code, message);
    } else {
      onEventLoop(() -> farewell(code, message));
    }
  }

  private void farewell(ErrorCode code, String message) {
    drain();
    ChannelFuture written = channel.writeAndFlush(Errors.error(code, message, ""));
    if (transport == Transport.WEBSOCKET) {
      written = channel.writeAndFlush(new CloseWebSocketFrame(closeStatus(code), code.name()));
    }
    written.addListener(ChannelFutureListener.CLOSE);
    // A client that does not read would keep the Error unwritten forever.
    var deadline =
        channel
            .eventLoop()
            .schedule(() -> channel.close(), CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    channel.closeFuture().addListener(future -> deadline.cancel(false));
  }

  @Override
  public boolean isOpen() {
    return !closing.get() && channel.isActive();
  }

  /** Closes without a farewell: a client that does not read would not get it anyway. */
  void closeSlowConsumer(String detail) {
    if (closing.compareAndSet(false, true)) {
      log.warn("slow consumer closed id=\"{}\" {}", id, detail);
      channel.close();
    }
  }

  @Override
  public String toString() {
    return id;
  }

  private static WebSocketCloseStatus closeStatus(ErrorCode code) {
    return switch (code) {
      case FRAME_TOO_LARGE -> WebSocketCloseStatus.MESSAGE_TOO_BIG;
      case MALFORMED_FRAME -> WebSocketCloseStatus.INVALID_PAYLOAD_DATA;
      case IDLE_TIMEOUT -> WebSocketCloseStatus.ENDPOINT_UNAVAILABLE;
      case INTERNAL -> WebSocketCloseStatus.INTERNAL_SERVER_ERROR;
      case RATE_LIMITED -> WebSocketCloseStatus.POLICY_VIOLATION;
      default -> WebSocketCloseStatus.NORMAL_CLOSURE;
    };
  }

  private static String describe(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress() + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }
}
