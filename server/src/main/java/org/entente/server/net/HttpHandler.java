package org.entente.server.net;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers plain HTTP requests: {@code GET /health}, the mounted {@link HttpRoute}s, then static
 * files (404 when missing, 405 for a method other than GET). When the WebSocket handshake on {@code
 * /ws} completes, it installs the WebSocket handlers in its place.
 */
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(HttpHandler.class);
  private static final String HEALTH_PATH = "/health";
  private static final byte[] HEALTH_BODY =
      "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII);
  private static final String JSON = "application/json";

  /**
   * Sent with every HTTP response: scripts only from the server itself (no inline script, no eval),
   * connections (the WebSocket, the debrief's fetch) only to it, no framing by other pages, no
   * plugins. Inline styles are allowed: the debrief's self-contained HTML carries its own, and the
   * web client shows it in a sandboxed frame that inherits this policy.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private final NetInitializer faces;
  private final StaticFiles staticFiles;
  private final Map<String, HttpRoute> routes;
  private final String serverFull;

  /**
   * @param serverFull null, or why every request gets a 503 (the connection limit is reached)
   */
  HttpHandler(
      NetInitializer faces,
      StaticFiles staticFiles,
      Map<String, HttpRoute> routes,
      String serverFull) {
    this.faces = faces;
    this.staticFiles = staticFiles;
    this.routes = routes;
    this.serverFull = serverFull;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request) && serverFull == null;
    if (request.decoderResult().isFailure()) {
      respond(ctx, text(400, "bad request: " + request.decoderResult().cause()), false);
      return;
    }
    if (serverFull != null) {
      respond(ctx, text(503, serverFull), false);
      return;
    }
    QueryStringDecoder uri;
    try {
      uri = new QueryStringDecoder(request.uri());
      uri.parameters(); // decodes eagerly so a bad escape is a 400 here
    } catch (IllegalArgumentException e) {
      respond(ctx, text(400, "bad request uri: " + e.getMessage()), false);
      return;
    }
    String path = uri.path();
    boolean get = HttpMethod.GET.equals(request.method());
    if (path.equals(HEALTH_PATH)) {
      respond(ctx, get ? HttpRoute.Response.ok(JSON, HEALTH_BODY) : notAllowed(), keepAlive);
      return;
    }
    HttpRoute route = findRoute(routes, path);
    if (route != null) {
      routed(ctx, route, toRouteRequest(ctx, request, uri), keepAlive);
      return;
    }
    if (!get) {
      respond(ctx, notAllowed(), keepAlive);
      return;
    }
    Optional<StaticFiles.Resource> file;
    try {
      file = staticFiles.find(path);
    } catch (RuntimeException e) {
      log.warn("static file failed path=\"{}\"", path, e);
      respond(ctx, text(500, "internal error"), false);
      return;
    }
    respond(
        ctx,
        file.map(f -> HttpRoute.Response.ok(f.contentType(), f.bytes()))
            .orElseGet(() -> text(404, "not found: " + path)),
        keepAlive);
  }

  /** The route whose key is this path, or the longest "/"-ending key it starts with; or null. */
  static HttpRoute findRoute(Map<String, HttpRoute> routes, String path) {
    HttpRoute exact = routes.get(path);
    if (exact != null) {
      return exact;
    }
    String best = null;
    for (String key : routes.keySet()) {
      if (key.endsWith("/")
          && path.startsWith(key)
          && (best == null || key.length() > best.length())) {
        best = key;
      }
    }
    return best == null ? null : routes.get(best);
  }

  private void routed(
      ChannelHandlerContext ctx, HttpRoute route, HttpRoute.Request request, boolean keepAlive) {
    CompletionStage<HttpRoute.Response> reply;
    try {
      reply = route.handle(request);
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    reply.whenComplete(
        (response, failure) -> {
          if (failure != null || response == null) {
            log.warn("http route failed path=\"{}\"", request.path(), failure);
            respond(ctx, text(500, "internal error"), keepAlive);
          } else {
            respond(ctx, response, keepAlive);
          }
        });
  }

  private static HttpRoute.Request toRouteRequest(
      ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri) {
    Map<String, String> headers = new HashMap<>();
    request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
    return new HttpRoute.Request(
        request.method().name(),
        uri.path(),
        uri.parameters(),
        Map.copyOf(headers),
        ByteBufUtil.getBytes(request.content()),
        ctx.channel().remoteAddress());
  }

  private static HttpRoute.Response notAllowed() {
    return new HttpRoute.Response(
        405,
        "text/plain; charset=utf-8",
        "method not allowed".getBytes(StandardCharsets.UTF_8),
        Map.of(HttpHeaderNames.ALLOW.toString(), "GET"));
  }

  private static HttpRoute.Response text(int status, String text) {
    return HttpRoute.Response.text(status, text);
  }

  /** Writes a response from any thread; closes afterwards unless the connection is kept alive. */
  private static void respond(
      ChannelHandlerContext ctx, HttpRoute.Response response, boolean keepAlive) {
    FullHttpResponse http =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(response.status()),
            Unpooled.wrappedBuffer(response.body()));
    http.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, response.contentType())
        .setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length)
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
        .set("X-Content-Type-Options", "nosniff")
        .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "no-referrer");
    response.headers().forEach(http.headers()::set);
    HttpUtil.setKeepAlive(http, keepAlive);
    ChannelFuture written = ctx.writeAndFlush(http);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof HandshakeComplete) {
      faces.installWebSocket(ctx.channel());
      ctx.pipeline().remove(this);
    } else if (event instanceof IdleStateEvent) {
      ctx.close(); // plain HTTP has nowhere to say why
    } else {
      super.userEventTriggered(ctx, event);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("http error remote={} error=\"{}\"", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
