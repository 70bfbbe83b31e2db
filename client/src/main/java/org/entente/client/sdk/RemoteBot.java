package org.entente.client.sdk;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.client.net.ClientOptions;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.EntenteException;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.Elimination;
import org.entente.proto.v1.Error;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GameEvent;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.OrdersAccepted;
import org.entente.proto.v1.Role;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.TurnResolved;
import org.entente.proto.v1.TurnView;

/**
 * Plays one seat of a game on a server with any {@link Bot}: it resumes the seat's token, and for
 * every view of that seat in the orders phase of a turn it has not answered yet, it converts the
 * view with {@link Wire#view(TurnView)}, decides with {@code Dice.of(seed, turn, "bot:" + state)},
 * and submits the orders. A seat whose state is conquered gets views in phase {@code ELIMINATED}:
 * the bot stops submitting and tells its listener once, and keeps the session until the game ends.
 * It stops when the game ends ({@code GAME_ENDED}, or a view in phase {@code FINISHED}) or the
 * connection closes. Orders refused with {@code JOURNAL_UNAVAILABLE} (the server could not record
 * them, and paused the game) are decided and sent again once the game resumes.
 *
 * <p><b>Determinism.</b> The server's in-process bots draw from {@code Dice.of(gameSeed, turn,
 * "bot:" + state)}. A remote bot cannot see the game's seed, so it is a constructor parameter
 * (default 0): to reproduce the state hashes of {@code entente simulate --seed N} with a remote
 * bot, give the runner the same seed ({@code entente bot --seed N}). Bots that never roll dice play
 * the same whatever the seed.
 *
 * <p>A {@code RemoteBot} holds no per-game state: each {@link #run} call starts afresh, so one
 * instance may play several seats or games at once.
 */
public final class RemoteBot {

  /** What the bot saw and did, for progress output. Every method runs on the client's thread. */
  public interface Listener {
    /** Orders were decided for {@code turn} and sent. */
    default void submitted(int turn, Orders orders) {}

    /** The server accepted the orders for {@code turn}. */
    default void accepted(int turn, OrdersAccepted accepted) {}

    /** The server refused the orders for {@code turn}, or the bot threw while deciding. */
    default void rejected(int turn, Throwable error) {}

    /** A turn was adjudicated. */
    default void resolved(TurnResolved resolved) {}

    /** A game event (pause, inject, end...). */
    default void event(GameEvent event) {}

    /**
     * The seat's state has been conquered (a view in phase {@code ELIMINATED}, protocol 1.1): the
     * bot submits no more orders and waits for the game's end. Called once.
     */
    default void eliminated(Elimination elimination) {}
  }

  /**
   * How a game ended for this bot.
   *
   * @param state the seat's state ("" if no view of the seat arrived)
   * @param turnsAnswered how many turns the bot submitted orders for
   * @param ending the server's words ({@code GameEvent.text}), or "" if none
   */
  public record Result(String state, int turnsAnswered, String ending) {}

  private final Bot bot;
  private final String token;
  private final long seed;
  private final Listener listener;

  /** A runner with game seed 0 and no listener. */
  public RemoteBot(Bot bot, String token) {
    this(bot, token, 0, new Listener() {});
  }

  /** A runner with the game's {@code seed} (see the class comment) and no listener. */
  public RemoteBot(Bot bot, String token, long seed) {
    this(bot, token, seed, new Listener() {});
  }

  /** A runner with the game's {@code seed} that reports to {@code listener}. */
  public RemoteBot(Bot bot, String token, long seed, Listener listener) {
    if (bot == null || token == null || token.isEmpty() || listener == null) {
      throw new IllegalArgumentException("a remote bot needs a bot, a token and a listener");
    }
    this.bot = bot;
    this.token = token;
    this.seed = seed;
    this.listener = listener;
  }

  /** The bot played. */
  public Bot bot() {
    return bot;
  }

  /** The game seed handed to the bot's dice. */
  public long seed() {
    return seed;
  }

  /**
   * Connects to {@code host:port}, plays until the game ends, then closes the connection. Fails as
   * {@link #run(EntenteClient)} does, or with the connection's failure.
   */
  public CompletableFuture<Result> play(String host, int port, ClientOptions options) {
    return EntenteClient.connect(host, port, options)
        .thenCompose(client -> run(client).whenComplete((result, error) -> client.close()));
  }

  /**
   * Plays on an open connection (left open at the end) and completes when the game ends. Fails with
   * an {@link EntenteException} when the server refuses the token (e.g. {@code BAD_TOKEN}) or the
   * connection closes before the game ends (its code is the server's reason, e.g. {@code
   * SESSION_REPLACED}, if it sent one).
   */
  public CompletableFuture<Result> run(EntenteClient client) {
    return new Session(client).start();
  }

  /** One run: the turns answered so far and the outcome. */
  private final class Session {
    private final EntenteClient client;
    private final Set<Integer> answered = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private final AtomicInteger submittedTurns = new AtomicInteger();
    private volatile String state = "";
    private volatile boolean eliminated;

    Session(EntenteClient client) {
      this.client = client;
    }

    CompletableFuture<Result> start() {
      EntenteClient.Registration reg = client.onPush(this::onPush);
      done.whenComplete((r, e) -> reg.remove());
      client
          .closeFuture()
          .thenRun(
              () -> {
                Error reason = client.closeReason();
                done.completeExceptionally(
                    reason != null
                        ? new EntenteException(
                            reason.getCode(),
                            "the server closed the connection before the game ended: "
                                + reason.getMessage())
                        : EntenteException.local(
                            "the connection to "
                                + client.address()
                                + " closed before the game ended",
                            null));
              });
      client
          .resume(token)
          .whenComplete(
              (ack, error) -> {
                if (error != null) {
                  done.completeExceptionally(EntenteClient.cause(error));
                  return;
                }
                // The server pushes the view after the Ack; asking as well costs one message and
                // covers a view pushed before this listener existed. Turns are answered once.
                client.getView(token).thenAccept(this::onView);
              });
      return done;
    }

    private void onPush(ServerMessage m) {
      switch (m.getBodyCase()) {
        case VIEW:
          onView(m.getView());
          break;
        case TURN_RESOLVED:
          listener.resolved(m.getTurnResolved());
          break;
        case GAME_EVENT:
          onEvent(m.getGameEvent());
          break;
        default:
          break;
      }
    }

    private void onEvent(GameEvent e) {
      listener.event(e);
      if (e.getKind() == GameEventKind.GAME_ENDED) {
        finish(e.getText());
      } else if (e.getKind() == GameEventKind.RESUMED_EVENT) {
        // A game resumed from a pause may not push the view again: ask for it.
        client.getView(token).thenAccept(this::onView);
      }
    }

    private void onView(TurnView v) {
      if (done.isDone()) {
        return;
      }
      if (v.getPhase() == GamePhase.FINISHED) {
        finish("");
        return;
      }
      if (v.getPhase() == GamePhase.ELIMINATED) {
        // conquered: nothing more to order; the session lasts until the game ends
        if (!v.getSelf().isEmpty()) {
          state = v.getSelf();
        }
        if (!eliminated) {
          eliminated = true;
          listener.eliminated(v.getEliminated());
        }
        return;
      }
      if (v.getRole() != Role.SEAT || v.getPhase() != GamePhase.ORDERS || v.getSelf().isEmpty()) {
        return;
      }
      state = v.getSelf();
      int turn = v.getTurn();
      if (answered.contains(turn)) {
        return;
      }
      Orders orders;
      try {
        PlayerView view = Wire.view(v);
        if (!view.me().active()) {
          return; // a conquered seat only watches (a server before protocol 1.1 says so here only)
        }
        if (!answered.add(turn)) {
          return;
        }
        orders = bot.decide(view, Dice.of(seed, turn, "bot:" + v.getSelf()));
      } catch (RuntimeException e) {
        answered.add(turn);
        listener.rejected(turn, e);
        return;
      }
      submittedTurns.incrementAndGet();
      listener.submitted(turn, orders);
      client
          .submit(token, turn, v.getSelf(), orders)
          .whenComplete(
              (accepted, error) -> {
                if (error != null) {
                  if (EntenteClient.codeOf(error) == ErrorCode.JOURNAL_UNAVAILABLE) {
                    // nothing was recorded: decide again when the game resumes (RESUMED_EVENT)
                    answered.remove(turn);
                  }
                  listener.rejected(turn, EntenteClient.cause(error));
                } else {
                  listener.accepted(turn, accepted);
                }
              });
    }

    private void finish(String ending) {
      done.complete(new Result(state, submittedTurns.get(), ending));
    }
  }
}
