package org.entente.server.load;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.client.net.ClientOptions;
import org.entente.client.net.EntenteClient;
import org.entente.client.sdk.RemoteBot;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.OrdersAccepted;
import org.entente.proto.v1.ServerMessage;

/**
 * One remote seat of the SDK driver: an {@link EntenteClient} (its own event loop and callback
 * thread) joins the seat, and at the start signal a {@link RemoteBot} plays it. Times are taken on
 * the client's callback thread, where the SDK hands pushes and where RemoteBot submits.
 */
final class SdkSeat {
  private final SeatStats stats;
  private final String gameId;
  private final String state;
  private final String member;
  private final String secret; // the seat's join secret
  private final Bot bot;
  private final long gameSeed;
  private volatile EntenteClient client;
  private volatile String token;

  SdkSeat(
      SeatStats stats,
      String gameId,
      String state,
      String secret,
      String member,
      Bot bot,
      long gameSeed,
      int thinkMs,
      SplittableRandom rng) {
    this.stats = stats;
    this.gameId = gameId;
    this.state = state;
    this.secret = secret;
    this.member = member;
    this.bot = thinkMs <= 0 ? bot : thinking(bot, thinkMs, rng);
    this.gameSeed = gameSeed;
  }

  // The think time is spent inside decide, on this seat's own callback thread.
  private static Bot thinking(Bot bot, int thinkMs, SplittableRandom rng) {
    return new Bot() {
      @Override
      public String name() {
        return bot.name();
      }

      @Override
      public Orders decide(PlayerView view, Dice dice) {
        long micros;
        synchronized (rng) {
          micros = rng.nextLong(thinkMs * 1000L + 1);
        }
        try {
          Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return bot.decide(view, dice);
      }
    };
  }

  SeatStats stats() {
    return stats;
  }

  /** Connects, joins and completes {@code stats.ready} once the first view arrived. */
  CompletableFuture<Void> start(String host, int port) {
    EntenteClient.connect(host, port, ClientOptions.defaults())
        .thenCompose(
            c -> {
              client = c;
              c.onPush(this::onPush);
              c.closeFuture()
                  .thenRun(
                      () ->
                          stats.finished.completeExceptionally(
                              new IllegalStateException(
                                  "the connection of " + state + " closed before the game ended")));
              return c.join(gameId, state, member, secret);
            })
        .whenComplete(
            (joined, error) -> {
              if (error != null) {
                stats.ready.completeExceptionally(EntenteClient.cause(error));
              } else {
                token = joined.getToken();
                if (stats.currentTurn > 0) {
                  stats.ready.complete(null);
                }
              }
            });
    return stats.ready;
  }

  private void onPush(ServerMessage m) {
    long now = System.nanoTime();
    if (m.hasView()) {
      if (m.getView().getPhase() == GamePhase.FINISHED) {
        stats.ended(now);
      } else if (m.getView().getPhase() == GamePhase.ORDERS) {
        stats.viewArrived(m.getView().getTurn(), now);
        if (token != null) {
          stats.ready.complete(null);
        }
      }
    } else if (m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.GAME_ENDED) {
      stats.ended(now);
    }
  }

  /** The start signal: the RemoteBot takes over the seat. */
  void fire() {
    RemoteBot.Listener listener =
        new RemoteBot.Listener() {
          @Override
          public void submitted(int turn, Orders orders) {
            stats.sent(turn, System.nanoTime());
          }

          @Override
          public void accepted(int turn, OrdersAccepted accepted) {
            stats.accepted++;
          }

          @Override
          public void rejected(int turn, Throwable error) {
            stats.rejected++;
          }
        };
    new RemoteBot(bot, token, gameSeed, listener).run(client);
  }

  void ping() {
    long sent = System.nanoTime();
    client.ping().thenRun(() -> stats.pingRttNanos = System.nanoTime() - sent);
  }

  void close() {
    EntenteClient c = client;
    if (c != null) {
      c.close();
    }
  }

  CompletableFuture<Void> closed() {
    EntenteClient c = client;
    return c == null ? CompletableFuture.completedFuture(null) : c.closeFuture();
  }
}
