package org.entente.server.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.PlayerView;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.Balance;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.Error;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.Hello;
import org.entente.proto.v1.Hide;
import org.entente.proto.v1.JoinSeat;
import org.entente.proto.v1.Joined;
import org.entente.proto.v1.Orders;
import org.entente.proto.v1.Ping;
import org.entente.proto.v1.Stance;
import org.entente.proto.v1.SubmitOrders;
import org.entente.proto.v1.TurnView;

/**
 * One remote seat of the lean driver: a Netty handler on a shared event loop that says hello, joins
 * its seat, and answers every view of a turn it has not answered with orders, after a random think
 * time, once the start signal is given ({@link #fire}). Views are decoded lazily ({@link LeanWire})
 * unless the orders come from a real strategy, which needs the whole view.
 *
 * <p>Everything here runs on the channel's event loop.
 */
final class SeatBot extends SimpleChannelInboundHandler<ByteBuf> {
  static final Orders HIDE =
      Orders.newBuilder().setStance(Stance.newBuilder().setHide(Hide.getDefaultInstance())).build();

  private final SeatStats stats;
  private final String gameId;
  private final String state;
  private final String member;
  private final String secret; // the seat's join secret
  private final LoadConfig.OrdersMode mode;
  private final Bot strategy;
  private final long gameSeed;
  private final int thinkMicros;
  private final SplittableRandom rng;
  private final LeanWire.Envelope envelope = new LeanWire.Envelope();
  private final LeanWire.View view = new LeanWire.View();

  private Channel channel;
  private String token = "";
  private boolean fired;
  private boolean active = true;
  private int answered;
  private int pendingTurn;
  private Orders pendingOrders;
  private long pingSentNanos;

  SeatBot(
      SeatStats stats,
      String gameId,
      String state,
      String secret,
      String member,
      LoadConfig.OrdersMode mode,
      Bot strategy,
      long gameSeed,
      int thinkMs,
      SplittableRandom rng) {
    this.stats = stats;
    this.gameId = gameId;
    this.state = state;
    this.secret = secret;
    this.member = member;
    this.mode = mode;
    this.strategy = strategy;
    this.gameSeed = gameSeed;
    this.thinkMicros = thinkMs * 1000;
    this.rng = rng;
  }

  SeatStats stats() {
    return stats;
  }

  Channel channel() {
    return channel;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    send(
        ClientMessage.newBuilder()
            .setRequestId("hello")
            .setHello(Hello.newBuilder().setMajor(1).setClient("entente-loadtest")));
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    IllegalStateException closed =
        new IllegalStateException(
            "the connection of " + state + " in " + gameId + " closed before the game ended");
    stats.ready.completeExceptionally(closed);
    stats.finished.completeExceptionally(closed);
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    stats.ready.completeExceptionally(cause);
    stats.finished.completeExceptionally(cause);
    ctx.close();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) throws Exception {
    long now = System.nanoTime();
    stats.bytesIn += frame.readableBytes();
    stats.messagesIn++;
    LeanWire.Envelope e = envelope.read(frame);
    switch (e.body) {
      case LeanWire.SM_VIEW -> onView(frame, e, now);
      case LeanWire.SM_ORDERS_ACCEPTED -> stats.accepted++;
      case LeanWire.SM_GAME_EVENT -> {
        if (LeanWire.eventKind(frame, e.bodyIndex, e.bodyLength)
            == GameEventKind.GAME_ENDED_VALUE) {
          stats.ended(now);
        }
      }
      case LeanWire.SM_ERROR -> onError(Error.parseFrom(nio(frame, e)), e.requestId);
      case LeanWire.SM_WELCOME ->
          send(
              ClientMessage.newBuilder()
                  .setRequestId("join")
                  .setJoinSeat(
                      JoinSeat.newBuilder()
                          .setGameId(gameId)
                          .setState(state)
                          .setMember(member)
                          .setSecret(secret)));
      case LeanWire.SM_JOINED -> token = Joined.parseFrom(nio(frame, e)).getToken();
      case LeanWire.SM_PONG -> stats.pingRttNanos = now - pingSentNanos;
      default -> {}
    }
  }

  private static ByteBuffer nio(ByteBuf frame, LeanWire.Envelope e) {
    return frame.nioBuffer(e.bodyIndex, e.bodyLength);
  }

  private void onView(ByteBuf frame, LeanWire.Envelope e, long now) {
    int turn;
    int phase;
    Orders orders = null;
    if (mode == LoadConfig.OrdersMode.STRATEGY) {
      TurnView v;
      try {
        v = TurnView.parseFrom(nio(frame, e));
      } catch (com.google.protobuf.InvalidProtocolBufferException x) {
        throw new IllegalStateException(x);
      }
      turn = v.getTurn();
      phase = v.getPhaseValue();
      if (phase == GamePhase.ORDERS_VALUE && turn > answered && !v.getSelf().isEmpty()) {
        PlayerView pv = Wire.view(v);
        active = pv.me().active();
        if (active) {
          orders = Wire.orders(strategy.decide(pv, Dice.of(gameSeed, turn, "bot:" + state)));
        }
      }
    } else {
      LeanWire.View v = view.read(frame, e.bodyIndex, e.bodyLength);
      turn = v.turn;
      phase = v.phase;
      if (phase == GamePhase.ORDERS_VALUE && turn > answered) {
        active = v.selfActive;
        orders = mode == LoadConfig.OrdersMode.BALANCE ? balance(v) : HIDE;
      }
    }
    if (phase == GamePhase.FINISHED_VALUE) {
      stats.ended(now);
      return;
    }
    if (phase != GamePhase.ORDERS_VALUE) {
      return;
    }
    stats.viewArrived(turn, now);
    if (!stats.ready.isDone() && !token.isEmpty()) {
      stats.ready.complete(null);
    }
    if (orders == null || !active || turn <= answered) {
      return;
    }
    pendingTurn = turn;
    pendingOrders = orders;
    if (fired) {
      answerLater();
    }
  }

  private Orders balance(LeanWire.View v) {
    if (v.principalLeader.isEmpty() || v.principalLeader.equals(state)) {
      return HIDE;
    }
    return Orders.newBuilder()
        .setStance(
            Stance.newBuilder()
                .setBalance(
                    Balance.newBuilder()
                        .setAgainst(v.principalLeader)
                        .setInternal(Math.min(0.1, v.maxInternal))))
        .build();
  }

  /** The start signal: from now on (this call included), pending turns are answered. */
  void fire() {
    fired = true;
    if (pendingOrders != null && pendingTurn > answered) {
      answerLater();
    }
  }

  private void answerLater() {
    int turn = pendingTurn;
    Orders orders = pendingOrders;
    pendingOrders = null;
    answered = turn;
    if (thinkMicros <= 0) {
      submit(turn, orders, "s");
      return;
    }
    long delay = rng.nextLong(thinkMicros + 1L);
    channel.eventLoop().schedule(() -> submit(turn, orders, "s"), delay, TimeUnit.MICROSECONDS);
  }

  private void submit(int turn, Orders orders, String prefix) {
    if (stats.finished.isDone() || !channel.isActive()) {
      return;
    }
    stats.sent(turn, System.nanoTime());
    send(
        ClientMessage.newBuilder()
            .setRequestId(prefix + turn)
            .setSubmitOrders(
                SubmitOrders.newBuilder()
                    .setToken(token)
                    .setTurn(turn)
                    .setState(state)
                    .setOrders(orders)));
  }

  private void onError(Error error, String requestId) {
    if (requestId.startsWith("s") && !stats.finished.isDone()) {
      // the orders were refused: fall back to hiding so the game does not wait for this seat
      stats.rejected++;
      int turn = Integer.parseInt(requestId.substring(1));
      if (turn == stats.currentTurn) {
        submit(turn, HIDE, "h");
      }
    } else if (requestId.startsWith("h")) {
      stats.rejected++;
    } else if (!stats.ready.isDone()) {
      stats.ready.completeExceptionally(
          new IllegalStateException(
              state + " in " + gameId + ": " + error.getCode() + " " + error.getMessage()));
    } else {
      stats.rejected++;
    }
  }

  /** Sends a ping and measures its round trip into {@link SeatStats#pingRttNanos}. */
  void ping() {
    pingSentNanos = System.nanoTime();
    send(ClientMessage.newBuilder().setRequestId("ping").setPing(Ping.getDefaultInstance()));
  }

  private void send(ClientMessage.Builder m) {
    channel.writeAndFlush(m.build(), channel.voidPromise());
  }
}
