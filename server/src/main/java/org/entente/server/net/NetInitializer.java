package org.entente.server.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.entente.proto.v1.ErrorCode;
import org.entente.server.net.ChannelConnection.Transport;

/**
 * Builds each accepted channel's pipeline: idle detection and port unification first, then the
 * handlers of the face the first bytes choose.
 *
 * <pre>
 * every channel: idle (IdleStateHandler) -> unify (PortUnification)
 * TLS (when set): idle -> tls (SslHandler) -> unifyTls (PortUnification on the plain bytes),
 *                 then the handlers of one of the faces below, behind tls
 * TCP:       idle -> frames (VarintFrameDecoder) -> decode (ClientMessageDecoder)
 *                 -> encode (ServerMessageEncoder: varint length + protobuf) -> connection
 * HTTP:      idle -> http (HttpServerCodec) -> aggregate -> ws (WebSocketServerProtocolHandler)
 *                 -> web (HttpHandler)
 * WebSocket: idle -> (frame codec) -> ws -> wsAggregate -> wsCodec (WebSocketMessageCodec)
 *                 -> connection
 * </pre>
 *
 * <p>Also counts open channels: one over {@code maxConnections} is told the server is full, in its
 * own framing, and closed.
 */
final class NetInitializer extends ChannelInitializer<Channel> {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(NetInitializer.class);

  /** The WebSocket endpoint; "/ws?..." and "/ws/..." match too. */
  static final String WEBSOCKET_PATH = "/ws";

  private final ServerConfig config;
  private final MessageHandler handler;
  private final StaticFiles staticFiles;
  private final Map<String, HttpRoute> routes;
  private final WriteLimits writeLimits;
  private final LongSupplier nanoTicker;
  private final AtomicInteger openChannels = new AtomicInteger();
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final AtomicLong connectionNumbers = new AtomicLong();
  private final Tls tls;

  NetInitializer(
      ServerConfig config,
      MessageHandler handler,
      StaticFiles staticFiles,
      Map<String, HttpRoute> routes,
      WriteLimits writeLimits,
      LongSupplier nanoTicker) {
    this(config, handler, staticFiles, routes, writeLimits, nanoTicker, null);
  }

  NetInitializer(
      ServerConfig config,
      MessageHandler handler,
      StaticFiles staticFiles,
      Map<String, HttpRoute> routes,
      WriteLimits writeLimits,
      LongSupplier nanoTicker,
      Tls tls) {
    this.tls = tls;
    this.config = config;
    this.handler = handler;
    this.staticFiles = staticFiles;
    this.routes = Map.copyOf(routes);
    this.writeLimits = writeLimits;
    this.nanoTicker = nanoTicker;
  }

  /** Every open channel (closed ones leave by themselves), for shutdown. */
  ChannelGroup channels() {
    return channels;
  }

  /** Channels open right now, whatever their face. */
  int openChannels() {
    return openChannels.get();
  }

  @Override
  protected void initChannel(Channel channel) {
    int open = openChannels.incrementAndGet();
    channel.closeFuture().addListener(future -> openChannels.decrementAndGet());
    channels.add(channel);
    channel
        .pipeline()
        .addLast(
            "idle",
            new IdleStateHandler(config.idleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS))
        .addLast("unify", new PortUnification(this, open > config.maxConnections()));
  }

  boolean tlsEnabled() {
    return tls != null;
  }

  /**
   * Puts the TLS handler after {@code unify} and a second unification after it, which chooses the
   * face from the decrypted bytes.
   */
  void installTls(io.netty.channel.ChannelHandlerContext unify, boolean serverFull) {
    Channel channel = unify.channel();
    io.netty.handler.ssl.SslHandler ssl = tls.context().newHandler(channel.alloc());
    ssl.handshakeFuture()
        .addListener(
            done -> {
              if (!done.isSuccess()) {
                log.info(
                    "tls handshake failed remote={} error=\"{}\"",
                    channel.remoteAddress(),
                    done.cause().getMessage());
              }
            });
    unify
        .pipeline()
        .addAfter(unify.name(), "tls", ssl)
        .addAfter("tls", "unifyTls", new PortUnification(this, serverFull, true));
  }

  /** A TLS handshake on a server without a certificate: said in the log, then closed. */
  void refuseTls(Channel channel) {
    log.info(
        "tls handshake refused remote={}: this server has no certificate (entente serve"
            + " --tls-cert FILE --tls-key FILE)",
        channel.remoteAddress());
    channel.close();
  }

  void installTcp(Channel channel) {
    channel
        .pipeline()
        .addLast("frames", new VarintFrameDecoder(config.maxFrameBytes()))
        .addLast("decode", new ClientMessageDecoder())
        .addLast("encode", ServerMessageEncoder.TCP)
        .addLast("connection", connectionHandler(channel, Transport.TCP));
  }

  /** Tells a TCP client over the connection limit that the server is full, then closes. */
  void refuseTcp(Channel channel) {
    closeTcp(channel, ErrorCode.SERVER_FULL, serverFullMessage());
  }

  /**
   * Answers JSON written straight to the socket (not in WebSocket frames) with one line of JSON, a
   * ServerMessage with the error, then closes: a JSON client can read why.
   */
  void refuseJson(Channel channel) {
    String text;
    try {
      text =
          com.google.protobuf.util.JsonFormat.printer()
              .omittingInsignificantWhitespace()
              .print(Errors.error(ErrorCode.MALFORMED_FRAME, JSON_ON_TCP, ""));
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
    channel
        .writeAndFlush(
            io.netty.buffer.Unpooled.copiedBuffer(
                text + "\n", java.nio.charset.StandardCharsets.UTF_8))
        .addListener(ChannelFutureListener.CLOSE);
  }

  static final String JSON_ON_TCP =
      "JSON sent as raw bytes: this port reads raw TCP frames (a varint32 length, then a"
          + " ClientMessage's protobuf bytes) and HTTP; JSON goes over WebSocket: GET /ws with"
          + " Upgrade: websocket, then one ClientMessage in JSON per text frame (docs/protocol.md,"
          + " section 1)";

  /** Closes a connection that said nothing at all: told why in TCP framing, the only face. */
  void idleBeforeFirstBytes(Channel channel) {
    closeTcp(
        channel,
        ErrorCode.IDLE_TIMEOUT,
        "nothing received for " + ConnectionHandler.describe(config.idleTimeout()));
  }

  private void closeTcp(Channel channel, ErrorCode code, String message) {
    ChannelPipeline pipeline = channel.pipeline();
    if (pipeline.get("encode") == null) {
      pipeline.addLast("encode", ServerMessageEncoder.TCP);
    }
    channel.writeAndFlush(Errors.error(code, message, "")).addListener(ChannelFutureListener.CLOSE);
  }

  String serverFullMessage() {
    return "server full: " + config.maxConnections() + " connections; try again later";
  }

  void installHttp(Channel channel, boolean serverFull) {
    ChannelPipeline pipeline = channel.pipeline();
    RequestTimer timer = new RequestTimer(config.httpRequestTimeout());
    pipeline
        .addLast("requestStart", timer.start())
        .addLast("http", new HttpServerCodec())
        .addLast("aggregate", new HttpObjectAggregator(config.maxFrameBytes()))
        .addLast("requestDone", timer.done());
    if (!serverFull) {
      pipeline
          .addLast("origin", new OriginCheck(config.allowedOrigins()))
          .addLast("ws", new WebSocketServerProtocolHandler(webSocketConfig()));
    }
    pipeline.addLast(
        "web", new HttpHandler(this, staticFiles, routes, serverFull ? serverFullMessage() : null));
  }

  /** Called once the WebSocket handshake is done: the HTTP handlers are gone, frames flow. */
  void installWebSocket(Channel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    for (String timer : new String[] {"requestStart", "requestDone"}) {
      if (pipeline.get(timer) != null) {
        pipeline.remove(timer);
      }
    }
    pipeline
        .addLast("wsAggregate", new WebSocketFrameAggregator(config.maxFrameBytes()))
        .addLast("wsCodec", new WebSocketMessageCodec())
        .addLast("connection", connectionHandler(channel, Transport.WEBSOCKET));
  }

  private WebSocketServerProtocolConfig webSocketConfig() {
    return WebSocketServerProtocolConfig.newBuilder()
        .websocketPath(WEBSOCKET_PATH)
        .checkStartsWith(true)
        .maxFramePayloadLength(config.maxFrameBytes())
        // ConnectionHandler sends Error{FRAME_TOO_LARGE or MALFORMED_FRAME} and then closes.
        .closeOnProtocolViolation(false)
        .build();
  }

  private ConnectionHandler connectionHandler(Channel channel, Transport transport) {
    ChannelConnection connection =
        new ChannelConnection(
            channel, transport, connectionNumbers.incrementAndGet(), writeLimits.maxPendingBytes());
    return new ConnectionHandler(
        connection,
        handler,
        new TokenBucket(config.maxMessagesPerSecond(), nanoTicker),
        config.maxMessagesPerSecond(),
        config.idleTimeout(),
        writeLimits.unwritableTimeout());
  }
}
