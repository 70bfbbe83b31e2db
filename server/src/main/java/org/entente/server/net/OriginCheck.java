package org.entente.server.net;

import io.netty.buffer.Unpooled;
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
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a browser page open the WebSocket only from the server's own origin (the scheme and the
 * {@code Host} it was reached by) or from an origin named with {@code --allow-origin}. Any page
 * open in a classroom browser could otherwise reach the LAN server with the browser's network
 * position. A handshake with another {@code Origin}, or with {@code Origin: null} (sandboxed
 * frames, files), is answered 403 and closed. A handshake without {@code Origin} comes from a
 * program, not a page (browsers always send it), and passes: a program can send any header anyway.
 */
final class OriginCheck extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(OriginCheck.class);
  private final List<String> allowed;

  OriginCheck(List<String> allowed) {
    this.allowed = allowed.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof FullHttpRequest request && isHandshake(request)) {
      String origin = request.headers().get(HttpHeaderNames.ORIGIN);
      String host = request.headers().get(HttpHeaderNames.HOST);
      if (origin != null && !allowed(origin, host)) {
        LOG.info(
            "websocket refused remote={} origin=\"{}\" host=\"{}\"",
            ctx.channel().remoteAddress(),
            origin,
            host);
        ReferenceCountUtil.release(msg);
        refuse(ctx, origin);
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }

  static boolean isHandshake(FullHttpRequest request) {
    String path = request.uri();
    boolean wsPath =
        path.equals(NetInitializer.WEBSOCKET_PATH)
            || path.startsWith(NetInitializer.WEBSOCKET_PATH + "?")
            || path.startsWith(NetInitializer.WEBSOCKET_PATH + "/");
    return wsPath
        && request
            .headers()
            .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }

  /**
   * True when a page of {@code origin} may open the WebSocket of a server reached as {@code host}.
   */
  boolean allowed(String origin, String host) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    if (allowed.contains(o)) {
      return true;
    }
    if (host == null || host.isBlank()) {
      return false;
    }
    String h = host.trim().toLowerCase(Locale.ROOT);
    for (String scheme : new String[] {"http", "https"}) {
      String prefix = scheme + "://";
      if (!o.startsWith(prefix)) {
        continue;
      }
      String authority = o.substring(prefix.length());
      String defaultPort = scheme.equals("http") ? ":80" : ":443";
      return authority.equals(h)
          || (authority + defaultPort).equals(h)
          || authority.equals(h + defaultPort)
          || (h.endsWith(defaultPort)
              && authority.equals(h.substring(0, h.length() - defaultPort.length())));
    }
    return false;
  }

  private void refuse(ChannelHandlerContext ctx, String origin) {
    byte[] body =
        ("origin "
                + (origin.length() > 100 ? origin.substring(0, 100) + "..." : origin)
                + " may not open this server's WebSocket: only pages served by the server itself"
                + (allowed.isEmpty() ? "" : " and from " + String.join(", ", allowed))
                + " may (entente serve --allow-origin names others)\n")
            .getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN, Unpooled.wrappedBuffer(body));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
