package org.entente.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts off HTTP clients that send a request slowly (one header line every few seconds keeps a
 * connection, and a slot under the connection limit, forever under an idle timeout alone). The
 * clock starts at a request's first byte ({@link #start()}, before the HTTP decoder) and stops when
 * the request has arrived whole ({@link #done()}, after the aggregator); a request not whole in
 * time is answered 408 and the connection closed. Between requests of a kept-alive connection the
 * idle timeout applies instead. Both handlers leave the pipeline once it turns into a WebSocket.
 */
final class RequestTimer {
  private static final Logger LOG = LoggerFactory.getLogger(RequestTimer.class);
  private final long nanos;
  private ScheduledFuture<?> pending; // on the channel's event loop only
  private boolean inRequest;

  RequestTimer(Duration timeout) {
    this.nanos = timeout.toNanos();
  }

  /** The handler before the HTTP decoder: starts the clock at a request's first byte. */
  ChannelInboundHandlerAdapter start() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!inRequest && msg instanceof ByteBuf b && b.isReadable()) {
          inRequest = true;
          pending = ctx.executor().schedule(() -> expire(ctx), nanos, TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelRead(msg);
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
      }

      @Override
      public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
        inRequest = false;
      }
    };
  }

  /** The handler after the aggregator: stops the clock once the request is whole. */
  ChannelDuplexHandler done() {
    return new ChannelDuplexHandler() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest) {
          cancel();
          inRequest = false;
        }
        ctx.fireChannelRead(msg);
      }
    };
  }

  /** Stops the clock for good (the connection became a WebSocket). */
  void cancel() {
    ScheduledFuture<?> p = pending;
    pending = null;
    if (p != null) {
      p.cancel(false);
    }
  }

  private void expire(ChannelHandlerContext ctx) {
    if (!inRequest || ctx.isRemoved() || !ctx.channel().isActive()) {
      return;
    }
    LOG.info(
        "http request not whole after {} ms, closing remote={}",
        TimeUnit.NANOSECONDS.toMillis(nanos),
        ctx.channel().remoteAddress());
    ByteBuf body =
        Unpooled.copiedBuffer(
            "request timeout: a request must arrive whole within "
                + TimeUnit.NANOSECONDS.toMillis(nanos)
                + " ms of its first byte\n",
            StandardCharsets.UTF_8);
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT, body);
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.channel().writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
