package org.entente.client.sdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.api.Bot;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.EntenteException;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.Joined;
import org.entente.proto.v1.RegisterEntrant;
import org.entente.proto.v1.ServerMessage;

/**
 * A remote tournament entrant: registers a connection under a name ({@code RegisterEntrant}) and
 * plays every seat the server then gives it (a {@code Joined} pushed with an empty request id) with
 * a {@link RemoteBot}. A connection plays one seat at a time; an entrant that may hold several
 * seats at once registers several connections under the same name.
 *
 * <p>The bot's dice are seeded with {@code seed} (the game's seed is not revealed to players).
 */
public final class RemoteEntrant {
  /** What the entrant did, for progress output and tests. Runs on the client's thread. */
  public interface Listener {
    /** The server gave this connection a seat. */
    default void seated(Joined joined) {}

    /** A seat's game ended. */
    default void played(RemoteBot.Result result) {}

    /** A seat could not be played to the end. */
    default void failed(Joined joined, Throwable error) {}
  }

  private final String name;
  private final Bot bot;
  private final long seed;
  private final Listener listener;
  private final AtomicInteger games = new AtomicInteger();

  /** An entrant {@code name} played by {@code bot}, its dice seeded with {@code seed}. */
  public RemoteEntrant(String name, Bot bot, long seed, Listener listener) {
    if (name == null || name.isEmpty() || bot == null || listener == null) {
      throw new IllegalArgumentException("a remote entrant needs a name, a bot and a listener");
    }
    this.name = name;
    this.bot = bot;
    this.seed = seed;
    this.listener = listener;
  }

  /** Games this entrant has finished (over every connection it registered). */
  public int gamesPlayed() {
    return games.get();
  }

  /**
   * Registers {@code client}'s connection under this entrant's name; completes when the server
   * acknowledges, fails with the server's error (e.g. {@code BAD_REQUEST} for a bad name). From
   * then on every seat pushed to the connection is played until the connection closes.
   */
  public CompletableFuture<Void> register(EntenteClient client) {
    client.onPush(
        m -> {
          if (m.getBodyCase() == ServerMessage.BodyCase.JOINED) {
            play(client, m.getJoined());
          }
        });
    return client
        .request(
            ClientMessage.newBuilder()
                .setRegisterEntrant(RegisterEntrant.newBuilder().setName(name)))
        .thenAccept(
            reply -> {
              if (!reply.hasAck()) {
                throw EntenteException.local(
                    "RegisterEntrant was answered with " + reply.getBodyCase(), null);
              }
            });
  }

  private void play(EntenteClient client, Joined joined) {
    listener.seated(joined);
    new RemoteBot(bot, joined.getToken(), seed)
        .run(client)
        .whenComplete(
            (result, error) -> {
              if (error != null) {
                listener.failed(joined, EntenteClient.cause(error));
              } else {
                games.incrementAndGet();
                listener.played(result);
              }
            });
  }
}
