package org.entente.client.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.Ack;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.Error;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.GameList;
import org.entente.proto.v1.GetView;
import org.entente.proto.v1.Hello;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.JoinSeat;
import org.entente.proto.v1.Joined;
import org.entente.proto.v1.ListGames;
import org.entente.proto.v1.ListScenarios;
import org.entente.proto.v1.Observe;
import org.entente.proto.v1.OrdersAccepted;
import org.entente.proto.v1.Ping;
import org.entente.proto.v1.Pong;
import org.entente.proto.v1.Resume;
import org.entente.proto.v1.ScenarioList;
import org.entente.proto.v1.SendPress;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.SubmitOrders;
import org.entente.proto.v1.TurnView;
import org.entente.proto.v1.Welcome;

/**
 * An asynchronous connection to an Entente server: requests return futures completed by the reply
 * with the same request id, and pushes (views, results, press, game events) go to listeners.
 *
 * <p>Every future and every listener is completed or called on this client's one callback thread,
 * in the order the messages arrived on the wire (so the {@code Ack} of a {@code Resume} is seen
 * before the view pushed after it). Callbacks must therefore not block on another of this client's
 * futures: chain with {@code thenAccept}/{@code thenCompose} instead; blocking with {@code join()}
 * is fine from any other thread. All methods are thread-safe.
 *
 * <p>When the server's {@code Welcome} announces an idle timeout, the client sends a {@code Ping}
 * whenever it has sent nothing for half that time, so a quiet connection (a bot waiting for slow
 * humans) is not closed.
 *
 * <pre>{@code
 * EntenteClient c = EntenteClient.connect("localhost", 7470).join();
 * c.onPush(m -> System.out.println(m.getBodyCase()));
 * Joined j = c.join("g1", "EGY", "Nasser").join();
 * }</pre>
 */
public final class EntenteClient implements AutoCloseable {
  /** The protocol major version this client speaks. */
  public static final int PROTOCOL_MAJOR = 1;

  /** The protocol minor version this client reads (1.1: ELIMINATED, game ids on pushes...). */
  public static final int PROTOCOL_MINOR = 3;

  private static final System.Logger LOG = System.getLogger(EntenteClient.class.getName());
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private record Pending(
      CompletableFuture<ServerMessage> future, ScheduledFuture<?> timeout, String what) {}

  private final String address;
  private final ClientOptions options;
  private final EventLoopGroup group;
  private final ExecutorService callbacks;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final List<Consumer<ServerMessage>> listeners = new CopyOnWriteArrayList<>();
  private final CompletableFuture<EntenteClient> ready = new CompletableFuture<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile Channel channel;
  private volatile Welcome welcome;
  private volatile Error closeReason;
  private volatile Throwable transportError;

  private EntenteClient(HostPort server, ClientOptions options) {
    this.address = server.toString();
    this.options = options;
    int n = CLIENTS.incrementAndGet();
    this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    this.callbacks =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "entente-client-" + n + "-callbacks");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Connects over TCP with the default options; see {@link #connect(String, int, ClientOptions)}.
   */
  public static CompletableFuture<EntenteClient> connect(String host, int port) {
    return connect(host, port, ClientOptions.defaults());
  }

  /**
   * Connects, sends {@code Hello{major=1}} and completes with the client once the server's {@code
   * Welcome} arrives. Fails with an {@link EntenteException} naming {@code host:port} when the
   * connection is refused or the server answers the hello with an error.
   */
  public static CompletableFuture<EntenteClient> connect(
      String host, int port, ClientOptions options) {
    EntenteClient c = new EntenteClient(new HostPort(host, port), options);
    c.start(host, port);
    return c.ready;
  }

  private void start(String host, int port) {
    URI ws = URI.create("ws://" + address + "/ws");
    Bootstrap b =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
            .handler(new Pipelines(this, options.transport(), ws));
    b.connect(host, port)
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) {
                ready.completeExceptionally(
                    EntenteException.local(
                        "cannot connect to " + address + ": " + describe(f.cause()), f.cause()));
                shutdown();
                closed.complete(null);
              }
            });
  }

  // ---------------------------------------------------------------- requests

  /**
   * Sends a request with a fresh request id (any id in {@code body} is replaced) and completes with
   * the reply carrying that id. Completes exceptionally with an {@link EntenteException} carrying
   * the server's code when the reply is an {@code Error}, with an {@code EntenteException} when the
   * connection is or becomes closed, and with a {@link TimeoutException} after the options' request
   * timeout.
   */
  public CompletableFuture<ServerMessage> request(ClientMessage.Builder body) {
    CompletableFuture<ServerMessage> future = new CompletableFuture<>();
    if (body.getBodyCase() == ClientMessage.BodyCase.BODY_NOT_SET) {
      future.completeExceptionally(new IllegalArgumentException("a request needs a body"));
      return future;
    }
    Channel ch = channel;
    if (ch == null || !ch.isActive()) {
      future.completeExceptionally(closedError("cannot send " + what(body)));
      return future;
    }
    String id = Long.toString(ids.incrementAndGet());
    ClientMessage msg = body.clone().setRequestId(id).build();
    String what = what(body) + " #" + id;
    ScheduledFuture<?> timeout;
    try {
      timeout =
          ch.eventLoop()
              .schedule(
                  () -> timeOut(id), options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(closedError("cannot send " + what));
      return future;
    }
    pending.put(id, new Pending(future, timeout, what));
    ch.writeAndFlush(msg)
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) {
                fail(id, closedError("cannot send " + what + ": " + describe(f.cause())));
              }
            });
    return future;
  }

  /** The built-in scenarios. */
  public CompletableFuture<ScenarioList> listScenarios() {
    return expect(
        ClientMessage.newBuilder().setListScenarios(ListScenarios.getDefaultInstance()),
        ServerMessage.BodyCase.SCENARIOS,
        ServerMessage::getScenarios);
  }

  /** Creates a game; the reply holds its id and the instructor token. */
  public CompletableFuture<GameCreated> createGame(CreateGame game) {
    return expect(
        ClientMessage.newBuilder().setCreateGame(game),
        ServerMessage.BodyCase.GAME_CREATED,
        ServerMessage::getGameCreated);
  }

  /** The games on the server. */
  public CompletableFuture<GameList> listGames() {
    return expect(
        ClientMessage.newBuilder().setListGames(ListGames.getDefaultInstance()),
        ServerMessage.BodyCase.GAMES,
        ServerMessage::getGames);
  }

  /**
   * Takes seat {@code state} of game {@code gameId} as {@code member}, with the seat's join secret
   * (its code, from the instructor: {@code GameCreated.links}); the reply has the token.
   */
  public CompletableFuture<Joined> join(String gameId, String state, String member, String secret) {
    return expect(
        ClientMessage.newBuilder()
            .setJoinSeat(
                JoinSeat.newBuilder()
                    .setGameId(gameId)
                    .setState(state)
                    .setMember(member)
                    .setSecret(secret)),
        ServerMessage.BodyCase.JOINED,
        ServerMessage::getJoined);
  }

  /**
   * The join secret of seat {@code state} in a created game's links; throws naming the seats that
   * have one when {@code state} has none (a bot's seat, or no such state).
   */
  public static String secret(org.entente.proto.v1.GameCreated created, String state) {
    for (var s : created.getLinks().getSeatsList()) {
      if (s.getState().equals(state)) {
        return s.getSecret();
      }
    }
    throw new IllegalArgumentException(
        "game "
            + created.getGameId()
            + " has no join secret for '"
            + state
            + "'; seats people may take: "
            + created.getLinks().getSeatsList().stream()
                .map(org.entente.proto.v1.SeatLink::getState)
                .toList());
  }

  /** Takes the seat whose join code is {@code code} (the code alone names game and seat). */
  public CompletableFuture<Joined> joinByCode(String code, String member) {
    return join("", "", member, code);
  }

  /** Watches game {@code gameId} (public view only) with the game's observer secret. */
  public CompletableFuture<Joined> observe(String gameId, String secret) {
    return expect(
        ClientMessage.newBuilder()
            .setObserve(Observe.newBuilder().setGameId(gameId).setSecret(secret)),
        ServerMessage.BodyCase.JOINED,
        ServerMessage::getJoined);
  }

  /**
   * Binds this connection to {@code token}; after the {@code Ack} the server pushes the current
   * view.
   */
  public CompletableFuture<Ack> resume(String token) {
    return expect(
        ClientMessage.newBuilder().setResume(Resume.newBuilder().setToken(token)),
        ServerMessage.BodyCase.ACK,
        ServerMessage::getAck);
  }

  /**
   * Submits {@code orders} for {@code state} in {@code turn} (replacing any earlier submission).
   */
  public CompletableFuture<OrdersAccepted> submit(
      String token, int turn, String state, org.entente.api.Orders orders) {
    return expect(
        ClientMessage.newBuilder()
            .setSubmitOrders(
                SubmitOrders.newBuilder()
                    .setToken(token)
                    .setTurn(turn)
                    .setState(state)
                    .setOrders(Wire.orders(orders))),
        ServerMessage.BodyCase.ORDERS_ACCEPTED,
        ServerMessage::getOrdersAccepted);
  }

  /**
   * Sends press: to the states in {@code to}, to every seat when {@code to} is empty, or to the
   * sender's own team when {@code team}. Completes with the server's reply (an {@code Ack}).
   */
  public CompletableFuture<ServerMessage> press(
      String token, List<String> to, boolean team, String text) {
    return request(
        ClientMessage.newBuilder()
            .setSendPress(
                SendPress.newBuilder().setToken(token).addAllTo(to).setTeam(team).setText(text)));
  }

  /** The current view for {@code token}'s role. */
  public CompletableFuture<TurnView> getView(String token) {
    return expect(
        ClientMessage.newBuilder().setGetView(GetView.newBuilder().setToken(token)),
        ServerMessage.BodyCase.VIEW,
        ServerMessage::getView);
  }

  /**
   * Sends an instructor command with {@code token} (which replaces any token in {@code command}).
   * Completes with the server's reply (an {@code Ack}).
   */
  public CompletableFuture<ServerMessage> instructor(String token, InstructorCommand command) {
    return request(ClientMessage.newBuilder().setInstructor(command.toBuilder().setToken(token)));
  }

  /**
   * Creates a live what-if branch of a game from one of its turns (the request carries the parent's
   * instructor token); the reply holds the branch's id and its own instructor token, and this
   * connection is bound to the branch as its instructor.
   */
  public CompletableFuture<GameCreated> branchGame(org.entente.proto.v1.BranchGame branch) {
    return expect(
        ClientMessage.newBuilder().setBranchGame(branch),
        ServerMessage.BodyCase.GAME_CREATED,
        ServerMessage::getGameCreated);
  }

  /**
   * How games {@code gameA} and {@code gameB} of one lineage differ, turn by turn from the first
   * that differs; {@code token} is the instructor's of either game.
   */
  public CompletableFuture<org.entente.proto.v1.GameDiff> diffGames(
      String token, String gameA, String gameB) {
    return expect(
        ClientMessage.newBuilder()
            .setDiffGames(
                org.entente.proto.v1.DiffGames.newBuilder()
                    .setToken(token)
                    .setGameA(gameA)
                    .setGameB(gameB)),
        ServerMessage.BodyCase.GAME_DIFF,
        ServerMessage::getGameDiff);
  }

  /** A round trip, e.g. to keep an idle connection open. */
  public CompletableFuture<Pong> ping() {
    return expect(
        ClientMessage.newBuilder().setPing(Ping.getDefaultInstance()),
        ServerMessage.BodyCase.PONG,
        ServerMessage::getPong);
  }

  private <T> CompletableFuture<T> expect(
      ClientMessage.Builder body, ServerMessage.BodyCase reply, Function<ServerMessage, T> get) {
    String what = what(body);
    return request(body)
        .thenApply(
            m -> {
              if (m.getBodyCase() != reply) {
                throw EntenteException.local(
                    "expected " + name(reply) + " in reply to " + what + ", got " + name(m), null);
              }
              return get.apply(m);
            });
  }

  // ---------------------------------------------------------------- pushes and lifecycle

  /** A listener registration; {@link #remove()} stops the calls. */
  public interface Registration {
    void remove();
  }

  /**
   * Calls {@code listener} with every push (a message with an empty request id: {@code TurnView},
   * {@code TurnResolved}, {@code PressMessage}, {@code GameEvent}, or an {@code Error} the server
   * sends before closing), on the callback thread, in arrival order. An exception thrown by a
   * listener is logged and does not stop the others.
   */
  public Registration onPush(Consumer<ServerMessage> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** The server's welcome (null until connected). */
  public Welcome welcome() {
    return welcome;
  }

  /** The server's address as {@code host:port}. */
  public String address() {
    return address;
  }

  /** True until the connection closes. */
  public boolean isOpen() {
    Channel ch = channel;
    return ch != null && ch.isActive();
  }

  /**
   * The error the server sent (without a request id) before closing, e.g. {@code SESSION_REPLACED}
   * or {@code IDLE_TIMEOUT}; null if none.
   */
  public Error closeReason() {
    return closeReason;
  }

  /**
   * Completes (normally) once the connection is closed, by either side, after every pending request
   * has failed and every message received before the close has been delivered.
   */
  public CompletableFuture<Void> closeFuture() {
    return closed;
  }

  /** Closes the connection; pending requests fail. Returns at once; see {@link #closeFuture()}. */
  @Override
  public void close() {
    Channel ch = channel;
    if (ch != null) {
      ch.close();
    } else if (ready.isDone()) {
      shutdown();
    }
  }

  // ---------------------------------------------------------------- called by ClientHandler

  void onReady(Channel ch) {
    this.channel = ch;
    request(
            ClientMessage.newBuilder()
                .setHello(
                    Hello.newBuilder()
                        .setMajor(PROTOCOL_MAJOR)
                        .setMinor(PROTOCOL_MINOR)
                        .setClient(options.clientName())))
        .whenComplete(
            (reply, error) -> {
              if (error == null && reply.hasWelcome()) {
                welcome = reply.getWelcome();
                keepAlive(ch, welcome.getLimits().getIdleTimeoutSeconds());
                ready.complete(this);
                return;
              }
              Throwable cause = unwrap(error);
              EntenteException e =
                  cause instanceof EntenteException x && x.fromServer()
                      ? new EntenteException(
                          x.code(), address + " refused the hello: " + x.detail(), x)
                      : EntenteException.local(
                          address
                              + " did not welcome the client: "
                              + (error == null ? "got " + name(reply) : describe(cause)),
                          cause);
              ready.completeExceptionally(e);
              close();
            });
  }

  // Pings when nothing was sent for half the server's idle timeout, so a bot waiting for slow
  // humans is not closed for silence.
  private void keepAlive(Channel ch, int idleTimeoutSeconds) {
    if (idleTimeoutSeconds > 0) {
      long halfMs = idleTimeoutSeconds * 1000L / 2;
      ch.pipeline()
          .addBefore(
              "client", "keepAlive", new IdleStateHandler(0, halfMs, 0, TimeUnit.MILLISECONDS));
    }
  }

  void onWriterIdle() {
    ping()
        .whenComplete(
            (pong, error) -> {
              if (error != null) {
                LOG.log(Level.DEBUG, "server={0} keep-alive ping failed: {1}", address, error);
              }
            });
  }

  void onMessage(ServerMessage m) {
    String id = m.getRequestId();
    if (id.isEmpty() && m.hasError()) {
      id = m.getError().getRequestId();
    }
    if (id.isEmpty()) {
      if (m.hasError()) {
        closeReason = m.getError();
      }
      deliver(() -> notifyListeners(m));
      return;
    }
    Pending p = pending.remove(id);
    if (p == null) {
      return;
    }
    cancel(p.timeout());
    deliver(
        () -> {
          if (m.hasError()) {
            Error e = m.getError();
            p.future().completeExceptionally(new EntenteException(e.getCode(), e.getMessage()));
          } else {
            p.future().complete(m);
          }
        });
  }

  void onTransportError(Throwable cause) {
    transportError = cause;
  }

  void onInactive() {
    deliver(
        () -> {
          for (String id : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(id);
            if (p != null) {
              cancel(p.timeout());
              p.future().completeExceptionally(closedError("no reply to " + p.what()));
            }
          }
          ready.completeExceptionally(
              closedError("the connection to " + address + " closed before the welcome"));
          closed.complete(null);
        });
    shutdown();
  }

  // ---------------------------------------------------------------- internals

  private void notifyListeners(ServerMessage m) {
    for (Consumer<ServerMessage> l : listeners) {
      try {
        l.accept(m);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "server=" + address + " push listener failed", e);
      }
    }
  }

  private void timeOut(String id) {
    Pending p = pending.remove(id);
    if (p != null) {
      deliver(
          () ->
              p.future()
                  .completeExceptionally(
                      new TimeoutException(
                          "no reply from "
                              + address
                              + " to "
                              + p.what()
                              + " within "
                              + options.requestTimeout().toMillis()
                              + " ms")));
    }
  }

  private void fail(String id, Throwable error) {
    Pending p = pending.remove(id);
    if (p != null) {
      cancel(p.timeout());
      deliver(() -> p.future().completeExceptionally(error));
    }
  }

  /**
   * Cancels a reply's timeout. Once the connection has closed, its event loop may have terminated
   * before this runs; a timeout that can no longer fire needs no cancelling.
   */
  private static void cancel(ScheduledFuture<?> timeout) {
    try {
      timeout.cancel(false);
    } catch (RejectedExecutionException terminated) {
      // the event loop is gone, and its scheduled timeouts with it
    }
  }

  private EntenteException closedError(String what) {
    Error reason = closeReason;
    if (reason != null) {
      return new EntenteException(
          reason.getCode(),
          what + ": " + address + " closed the connection: " + reason.getMessage());
    }
    Throwable t = transportError;
    return EntenteException.local(
        what
            + ": the connection to "
            + address
            + " is closed"
            + (t == null ? "" : " (" + describe(t) + ")"),
        t);
  }

  // Runs user-visible work on the callback thread, in submission order; inline once it is shut.
  private void deliver(Runnable r) {
    try {
      callbacks.execute(r);
    } catch (RejectedExecutionException e) {
      r.run();
    }
  }

  private void shutdown() {
    callbacks.shutdown();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
  }

  private static String what(ClientMessage.Builder body) {
    return body.getBodyCase().name().toLowerCase(Locale.ROOT);
  }

  private static String name(ServerMessage.BodyCase c) {
    return c.name().toLowerCase(Locale.ROOT);
  }

  private static String name(ServerMessage m) {
    return m.hasError() ? "error " + m.getError().getCode() : name(m.getBodyCase());
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof java.util.concurrent.CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String describe(Throwable t) {
    if (t == null) {
      return "unknown cause";
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }

  /** For errors that reach the user through a {@code CompletionException}: the real cause. */
  public static Throwable cause(Throwable t) {
    return unwrap(t);
  }

  /** This client's error code for {@code t}, or {@code ERROR_CODE_UNSPECIFIED}. */
  public static ErrorCode codeOf(Throwable t) {
    return unwrap(t) instanceof EntenteException e ? e.code() : ErrorCode.ERROR_CODE_UNSPECIFIED;
  }
}
