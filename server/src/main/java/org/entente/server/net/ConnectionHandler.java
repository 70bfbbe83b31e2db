package org.entente.server.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a TCP or WebSocket pipeline: enforces the message rate, the idle timeout and
 * the slow-consumer bound, maps decoding failures to {@code Error} replies, and hands each
 * well-formed request to the {@link MessageHandler}.
 *
 * <p>{@code onOpen} is called when this handler joins an active channel (the transport is chosen),
 * {@code onClose} once when the channel goes inactive. A handler that throws gets the client an
 * {@code Error{INTERNAL}} and the connection keeps serving.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<ClientMessage> {
  private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

  /** Refusals in a row, as a multiple of the per-second rate, after which the client is closed. */
  static final int ABUSE_FACTOR = 5;

  private final ChannelConnection connection;
  private final MessageHandler handler;
  private final TokenBucket bucket;
  private final int perSecond;
  private final Duration idleTimeout;
  private final Duration unwritableTimeout;

  private boolean opened;
  private boolean closed;
  private int refusalsInARow;
  private ScheduledFuture<?> unwritableCheck;

  ConnectionHandler(
      ChannelConnection connection,
      MessageHandler handler,
      TokenBucket bucket,
      int perSecond,
      Duration idleTimeout,
      Duration unwritableTimeout) {
    this.connection = connection;
    this.handler = handler;
    this.bucket = bucket;
    this.perSecond = perSecond;
    this.idleTimeout = idleTimeout;
    this.unwritableTimeout = unwritableTimeout;
  }

  ChannelConnection connection() {
    return connection;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      open();
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    open();
    ctx.fireChannelActive();
  }

  private void open() {
    if (opened) {
      return;
    }
    opened = true;
    log.debug("opened id=\"{}\"", connection.id());
    try {
      handler.onOpen(connection);
    } catch (Exception | AssertionError e) {
      log.warn("handler failed in onOpen id=\"{}\"", connection.id(), e);
      connection.send(Errors.error(ErrorCode.INTERNAL, "the server failed to open a session", ""));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancelUnwritableCheck();
    if (opened && !closed) {
      closed = true;
      log.debug("closed id=\"{}\"", connection.id());
      try {
        handler.onClose(connection);
      } catch (Exception | AssertionError e) {
        log.warn("handler failed in onClose id=\"{}\"", connection.id(), e);
      }
    }
    ctx.fireChannelInactive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ClientMessage message) {
    if (!connection.isOpen()) {
      return; // closing: whatever was already in flight is dropped
    }
    String requestId = message.getRequestId();
    if (!bucket.tryAcquire()) {
      refuse(requestId);
      return;
    }
    refusalsInARow = 0;
    if (message.getBodyCase() == ClientMessage.BodyCase.BODY_NOT_SET) {
      connection.send(
          Errors.error(
              ErrorCode.UNKNOWN_MESSAGE,
              "no message body this server knows (unknown fields: "
                  + message.getUnknownFields().asMap().keySet()
                  + ")",
              requestId));
      return;
    }
    try {
      handler.onMessage(connection, message);
    } catch (Exception | AssertionError e) {
      log.warn(
          "handler failed id=\"{}\" requestId=\"{}\" body={}",
          connection.id(),
          requestId,
          message.getBodyCase(),
          e);
      connection.send(
          Errors.error(
              ErrorCode.INTERNAL,
              "the server failed to handle "
                  + message.getBodyCase().name().toLowerCase(Locale.ROOT),
              requestId));
    }
  }

  private void refuse(String requestId) {
    refusalsInARow++;
    if (refusalsInARow >= ABUSE_FACTOR * perSecond) {
      connection.close(
          ErrorCode.RATE_LIMITED,
          refusalsInARow + " messages in a row over the limit of " + perSecond + " a second");
    } else {
      connection.send(
          Errors.error(
              ErrorCode.RATE_LIMITED,
              "over the limit of " + perSecond + " messages a second; message dropped",
              requestId));
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
      connection.close(ErrorCode.IDLE_TIMEOUT, "nothing received for " + describe(idleTimeout));
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (!ctx.channel().isWritable()) {
      if (unwritableCheck == null) {
        unwritableCheck =
            ctx.executor()
                .schedule(
                    () -> {
                      unwritableCheck = null;
                      if (!ctx.channel().isWritable()) {
                        connection.closeSlowConsumer(
                            "unwritableFor=" + describe(unwritableTimeout));
                      }
                    },
                    unwritableTimeout.toNanos(),
                    TimeUnit.NANOSECONDS);
      }
    } else {
      cancelUnwritableCheck();
    }
    ctx.fireChannelWritabilityChanged();
  }

  private void cancelUnwritableCheck() {
    if (unwritableCheck != null) {
      unwritableCheck.cancel(false);
      unwritableCheck = null;
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof StrictJson.Refusal json) {
      // a JSON text frame with a mistake: the frame is whole, so the connection goes on
      if (!connection.isOpen()) {
        return;
      }
      if (!bucket.tryAcquire()) {
        refuse(json.requestId());
        return;
      }
      connection.send(Errors.error(json.code(), json.getMessage(), json.requestId()));
    } else if (cause instanceof ProtocolException refusal) {
      connection.close(refusal.code(), refusal.getMessage());
    } else if (cause instanceof TooLongFrameException) {
      connection.close(ErrorCode.FRAME_TOO_LARGE, cause.getMessage());
    } else if (cause instanceof CorruptedWebSocketFrameException corrupt) {
      connection.close(
          corrupt.closeStatus().equals(WebSocketCloseStatus.MESSAGE_TOO_BIG)
              ? ErrorCode.FRAME_TOO_LARGE
              : ErrorCode.MALFORMED_FRAME,
          corrupt.getMessage());
    } else if (cause instanceof DecoderException) {
      connection.close(ErrorCode.MALFORMED_FRAME, String.valueOf(cause.getMessage()));
    } else if (cause instanceof IOException) {
      log.debug("io error id=\"{}\" error=\"{}\"", connection.id(), cause.toString());
      ctx.close();
    } else {
      log.warn("unexpected error id=\"{}\"", connection.id(), cause);
      connection.close(ErrorCode.INTERNAL, "the server hit an unexpected error");
    }
  }

  /** "300 ms" or "5 s": short enough for an error message. */
  static String describe(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
