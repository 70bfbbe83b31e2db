package org.entente.client.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.protobuf.ProtobufDecoder;
import io.netty.handler.codec.protobuf.ProtobufEncoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32FrameDecoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32LengthFieldPrepender;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.entente.proto.v1.Ack;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.Error;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.Joined;
import org.entente.proto.v1.OrdersAccepted;
import org.entente.proto.v1.Pong;
import org.entente.proto.v1.Role;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.TurnView;
import org.entente.proto.v1.Welcome;

/**
 * A fake Entente peer for tests: a real Netty server on a free port (TCP frames or WebSocket) that
 * records every message it receives, answers with per-message-type handlers (sensible defaults:
 * Hello -> Welcome, JoinSeat -> Joined, Resume -> Ack, SubmitOrders -> OrdersAccepted, SendPress ->
 * Ack, GetView -> the current view) and pushes what a test tells it to.
 */
public final class FakeServer implements AutoCloseable {

  /** Answers one kind of request. */
  public interface Handler {
    void handle(ClientMessage request, Peer peer);
  }

  /** One client connection. */
  public static final class Peer {
    private final Channel channel;

    Peer(Channel channel) {
      this.channel = channel;
    }

    /** Sends {@code body} as the reply to {@code request} (its request id echoed). */
    public void reply(ClientMessage request, ServerMessage.Builder body) {
      send(body.setRequestId(request.getRequestId()).build());
    }

    /** Sends an Error reply to {@code request}. */
    public void error(ClientMessage request, ErrorCode code, String message) {
      reply(
          request,
          ServerMessage.newBuilder()
              .setError(
                  Error.newBuilder()
                      .setCode(code)
                      .setMessage(message)
                      .setRequestId(request.getRequestId())));
    }

    public void send(ServerMessage m) {
      channel.writeAndFlush(m);
    }

    public void close() {
      channel.close();
    }
  }

  private final boolean webSocket;
  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Map<ClientMessage.BodyCase, Handler> handlers = new ConcurrentHashMap<>();
  private final Map<ClientMessage.BodyCase, LinkedBlockingQueue<ClientMessage>> inbox =
      new ConcurrentHashMap<>();
  private final List<ClientMessage> all = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<Peer> newPeers = new LinkedBlockingQueue<>();
  private final List<Peer> peers = new CopyOnWriteArrayList<>();
  private volatile TurnView view;
  private Channel server;

  private FakeServer(boolean webSocket) {
    this.webSocket = webSocket;
    on(
        ClientMessage.BodyCase.HELLO,
        (m, p) ->
            p.reply(
                m,
                ServerMessage.newBuilder()
                    .setWelcome(Welcome.newBuilder().setMajor(1).setServer("fake"))));
    on(
        ClientMessage.BodyCase.JOIN_SEAT,
        (m, p) ->
            p.reply(
                m,
                ServerMessage.newBuilder()
                    .setJoined(
                        Joined.newBuilder()
                            .setGameId(m.getJoinSeat().getGameId())
                            .setState(m.getJoinSeat().getState())
                            .setToken("tok-" + m.getJoinSeat().getState())
                            .setRole(Role.SEAT))));
    on(ClientMessage.BodyCase.RESUME, (m, p) -> p.reply(m, ack("resumed")));
    on(
        ClientMessage.BodyCase.PING,
        (m, p) -> p.reply(m, ServerMessage.newBuilder().setPong(Pong.getDefaultInstance())));
    on(ClientMessage.BodyCase.SEND_PRESS, (m, p) -> p.reply(m, ack("sent")));
    on(
        ClientMessage.BodyCase.SUBMIT_ORDERS,
        (m, p) ->
            p.reply(
                m,
                ServerMessage.newBuilder()
                    .setOrdersAccepted(
                        OrdersAccepted.newBuilder()
                            .setTurn(m.getSubmitOrders().getTurn())
                            .setSubmittedBy("me"))));
    on(
        ClientMessage.BodyCase.GET_VIEW,
        (m, p) -> {
          TurnView v = view;
          if (v == null) {
            p.error(m, ErrorCode.BAD_REQUEST, "no view yet");
          } else {
            p.reply(m, ServerMessage.newBuilder().setView(v));
          }
        });
  }

  /** A TCP fake on a free port. */
  public static FakeServer tcp() throws InterruptedException {
    return new FakeServer(false).start();
  }

  /** A WebSocket fake (path /ws) on a free port. */
  public static FakeServer webSocket() throws InterruptedException {
    return new FakeServer(true).start();
  }

  private FakeServer start() throws InterruptedException {
    server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ChannelPipeline p = ch.pipeline();
                    if (webSocket) {
                      p.addLast(new HttpServerCodec());
                      p.addLast(new HttpObjectAggregator(65536));
                      p.addLast(new WebSocketServerProtocolHandler("/ws"));
                      p.addLast(new ServerWsCodec());
                    } else {
                      p.addLast(new ProtobufVarint32FrameDecoder());
                      p.addLast(new ProtobufDecoder(ClientMessage.getDefaultInstance()));
                      p.addLast(new ProtobufVarint32LengthFieldPrepender());
                      p.addLast(new ProtobufEncoder());
                    }
                    p.addLast(new Inbound());
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
    return this;
  }

  /** The port the fake listens on. */
  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Replaces the handler of one request type. */
  public FakeServer on(ClientMessage.BodyCase kind, Handler handler) {
    handlers.put(kind, handler);
    return this;
  }

  /** The view GetView replies with. */
  public FakeServer view(TurnView v) {
    this.view = v;
    return this;
  }

  /** The next message of this kind received (waits up to 5 s; fails the test otherwise). */
  public ClientMessage next(ClientMessage.BodyCase kind) throws InterruptedException {
    ClientMessage m = queue(kind).poll(5, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no " + kind + " received within 5 s; got " + all);
    }
    return m;
  }

  /** The next message of this kind if one arrives within {@code millis}, else null. */
  public ClientMessage poll(ClientMessage.BodyCase kind, long millis) throws InterruptedException {
    return queue(kind).poll(millis, TimeUnit.MILLISECONDS);
  }

  /** Every message received so far, in order. */
  public List<ClientMessage> received() {
    return List.copyOf(all);
  }

  /** The next connection accepted (waits up to 5 s). */
  public Peer nextPeer() throws InterruptedException {
    Peer p = newPeers.poll(5, TimeUnit.SECONDS);
    if (p == null) {
      throw new AssertionError("no connection within 5 s");
    }
    return p;
  }

  /** Pushes {@code m} (request id cleared) to every connection. */
  public void push(ServerMessage.Builder m) {
    ServerMessage msg = m.setRequestId("").build();
    peers.forEach(p -> p.send(msg));
  }

  private LinkedBlockingQueue<ClientMessage> queue(ClientMessage.BodyCase kind) {
    return inbox.computeIfAbsent(kind, k -> new LinkedBlockingQueue<>());
  }

  private static ServerMessage.Builder ack(String detail) {
    return ServerMessage.newBuilder().setAck(Ack.newBuilder().setDetail(detail));
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    peers.forEach(Peer::close);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private final class Inbound extends SimpleChannelInboundHandler<ClientMessage> {
    private Peer peer;

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
      peer = new Peer(ctx.channel());
      peers.add(peer);
      newPeers.add(peer);
      super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      peers.remove(peer);
      super.channelInactive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ClientMessage msg) {
      all.add(msg);
      Handler h = handlers.get(msg.getBodyCase());
      if (h != null) {
        h.handle(msg, peer);
      }
      queue(msg.getBodyCase()).add(msg);
    }
  }

  private static final class ServerWsCodec
      extends MessageToMessageCodec<BinaryWebSocketFrame, ServerMessage> {
    @Override
    protected void encode(ChannelHandlerContext ctx, ServerMessage msg, List<Object> out) {
      out.add(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(msg.toByteArray())));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, BinaryWebSocketFrame f, List<Object> out)
        throws IOException {
      try (ByteBufInputStream in = new ByteBufInputStream(f.content())) {
        out.add(ClientMessage.parseFrom(in));
      }
    }
  }
}
