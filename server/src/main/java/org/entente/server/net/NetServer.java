package org.entente.server.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the one Entente port and serves raw TCP, WebSocket and HTTP clients on it until closed,
 * handing each decoded request to a {@link MessageHandler}.
 *
 * <pre>{@code
 * try (NetServer server = new NetServer(config, games, StaticFiles.classpath())) {
 *   server.start();
 *   ...
 * }
 * }</pre>
 */
public final class NetServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NetServer.class);

  private final ServerConfig config;
  private final WriteLimits writeLimits;
  private final NetInitializer initializer;
  private final Tls tls;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private Channel listener;

  /** A server with static files and no extra HTTP routes. */
  public NetServer(ServerConfig config, MessageHandler handler, StaticFiles staticFiles) {
    this(config, handler, staticFiles, Map.of());
  }

  /**
   * A server with extra HTTP routes (see {@link HttpRoute} for how paths match).
   *
   * @param routes path (or "/"-ending prefix) to route
   */
  public NetServer(
      ServerConfig config,
      MessageHandler handler,
      StaticFiles staticFiles,
      Map<String, HttpRoute> routes) {
    this(config, handler, staticFiles, routes, WriteLimits.defaults(config));
  }

  NetServer(
      ServerConfig config,
      MessageHandler handler,
      StaticFiles staticFiles,
      Map<String, HttpRoute> routes,
      WriteLimits writeLimits) {
    this(config, handler, staticFiles, routes, writeLimits, null);
  }

  /**
   * A server that also speaks TLS on its port (see {@link Tls}); {@code tls} null for none.
   *
   * @param routes path (or "/"-ending prefix) to route
   */
  public NetServer(
      ServerConfig config,
      MessageHandler handler,
      StaticFiles staticFiles,
      Map<String, HttpRoute> routes,
      Tls tls) {
    this(config, handler, staticFiles, routes, WriteLimits.defaults(config), tls);
  }

  NetServer(
      ServerConfig config,
      MessageHandler handler,
      StaticFiles staticFiles,
      Map<String, HttpRoute> routes,
      WriteLimits writeLimits,
      Tls tls) {
    this.config = config;
    this.writeLimits = writeLimits;
    this.tls = tls;
    this.initializer =
        new NetInitializer(
            config, handler, staticFiles, routes, writeLimits, System::nanoTime, tls);
  }

  /**
   * Binds {@code config.host():config.port()} and starts accepting.
   *
   * @throws IllegalStateException if already started or the address cannot be bound
   */
  public synchronized void start() {
    if (boss != null) {
      throw new IllegalStateException("already started");
    }
    boss =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("entente-accept"), NioIoHandler.newFactory());
    workers =
        new MultiThreadIoEventLoopGroup(
            0, new DefaultThreadFactory("entente-net"), NioIoHandler.newFactory());
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(writeLimits.lowWaterMark(), writeLimits.highWaterMark()))
            .childHandler(initializer);
    ChannelFuture bound = bootstrap.bind(config.host(), config.port()).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      shutdown();
      throw new IllegalStateException(
          "cannot listen on " + config.host() + ":" + config.port(), bound.cause());
    }
    listener = bound.channel();
    log.info("listening host={} port={} tls={}", config.host(), port(), tls != null);
  }

  /** The bound port (the ephemeral one when the configured port is 0). */
  public synchronized int port() {
    if (listener == null) {
      throw new IllegalStateException("not started");
    }
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** Connections open right now, on every face (HTTP included). */
  public int openConnections() {
    return initializer.openChannels();
  }

  /** The longest each step of {@link #close} waits (stop accepting, close, stop the threads). */
  static final long CLOSE_STEP_MILLIS = 2_000;

  /**
   * Stops accepting, closes every connection (each gets its onClose) and stops the threads. Each
   * step waits at most {@value #CLOSE_STEP_MILLIS} ms, so closing is bounded even when a client
   * does not read or an event loop is busy; a step that times out is logged and the next runs.
   */
  @Override
  public synchronized void close() {
    if (boss == null) {
      return;
    }
    int port = listener == null ? config.port() : port();
    if (listener != null) {
      awaitStep(listener.close(), "stop accepting");
      listener = null;
    }
    awaitStep(initializer.channels().close(), "close the connections");
    shutdown();
    log.info("stopped port={}", port);
  }

  private void shutdown() {
    var bossDone = boss.shutdownGracefully(0, CLOSE_STEP_MILLIS, TimeUnit.MILLISECONDS);
    var workersDone = workers.shutdownGracefully(50, CLOSE_STEP_MILLIS, TimeUnit.MILLISECONDS);
    awaitStep(bossDone, "stop the accepting thread");
    awaitStep(workersDone, "stop the network threads");
    boss = null;
    workers = null;
  }

  private static void awaitStep(io.netty.util.concurrent.Future<?> step, String what) {
    if (!step.awaitUninterruptibly(CLOSE_STEP_MILLIS + 1_000, TimeUnit.MILLISECONDS)) {
      log.warn("shutdown: could not {} within {} ms; going on", what, CLOSE_STEP_MILLIS + 1_000);
    }
  }
}
