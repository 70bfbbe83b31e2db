package org.entente.server.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.entente.client.bots.Strategies;
import org.entente.client.net.ClientOptions;
import org.entente.client.net.EntenteClient;
import org.entente.client.sdk.RemoteBot;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GameCreated;
import org.entente.server.sim.Simulation;

/**
 * Keeps one game going at a time, game after game, until told to stop: creates it, joins every
 * seat, and plays each seat with its scenario's strategy as a remote bot over TCP. Every request is
 * tried again until the server answers it (the server may be down, or its disk full), and a bot
 * whose connection dies comes back with its token.
 */
final class GameDriver implements Runnable {
  private static final ClientOptions OPTIONS =
      ClientOptions.defaults().withRequestTimeout(Duration.ofSeconds(20));
  private static final long RETRY_MILLIS = 300;

  /** Thrown out of a retry loop when the run is over. */
  private static final class Stopped extends Exception {}

  private final ServeProcess server;
  private final int port;
  private final List<Simulation.Setup> scenarios;
  private final long seed;
  private final int deadlineSeconds;
  private final int thinkMillis;
  private final Ledger ledger;
  private final List<ChaosGame> games;
  private final Random random;
  private volatile boolean stopping;

  GameDriver(
      ServeProcess server,
      List<Simulation.Setup> scenarios,
      long seed,
      int deadlineSeconds,
      int thinkMillis,
      Ledger ledger,
      List<ChaosGame> games) {
    this.server = server;
    this.port = server.port();
    this.scenarios = scenarios;
    this.seed = seed;
    this.deadlineSeconds = deadlineSeconds;
    this.thinkMillis = thinkMillis;
    this.ledger = ledger;
    this.games = games;
    this.random = new Random(seed);
  }

  /** Starts no new game and ends the current one's seats as soon as their connections fail. */
  void stop() {
    stopping = true;
  }

  @Override
  public void run() {
    try {
      for (int n = 0; !stopping; n++) {
        play(create(scenarios.get(n % scenarios.size()), seed * 1_000 + n));
      }
    } catch (Stopped e) {
      // the run is over
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ChaosGame create(Simulation.Setup setup, long gameSeed)
      throws Stopped, InterruptedException {
    String scenario = setup.world().id();
    byte[] key = new byte[16];
    random.nextBytes(key);
    CreateGame request =
        CreateGame.newBuilder()
            .setScenario(scenario)
            .setSeed(gameSeed)
            .setDeadlineSeconds(deadlineSeconds)
            .setName("chaos " + scenario + " " + gameSeed)
            .setRequestKey(HexFormat.of().formatHex(key))
            .build();
    GameCreated created = retry(c -> c.createGame(request));
    ChaosGame game = new ChaosGame(created.getGameId(), setup, gameSeed);
    games.add(game);
    for (String state : setup.strategies().keySet()) {
      String secret = EntenteClient.secret(created, state);
      game.tokens.put(
          state, retry(c -> c.join(game.id, state, "chaos-" + state, secret)).getToken());
    }
    return game;
  }

  private void play(ChaosGame game) throws InterruptedException {
    List<Thread> seats = new ArrayList<>();
    AtomicInteger ended = new AtomicInteger();
    for (var e : game.tokens.entrySet()) {
      Thread t =
          new Thread(
              () -> {
                if (playSeat(game, e.getKey(), e.getValue())) {
                  ended.incrementAndGet();
                }
              },
              "chaos-" + game.id + "-" + e.getKey());
      t.setDaemon(true);
      t.start();
      seats.add(t);
    }
    for (Thread t : seats) {
      t.join();
    }
    game.finished = ended.get() == seats.size();
  }

  /** Plays one seat to the game's end, reconnecting after every failure; false if stopped. */
  private boolean playSeat(ChaosGame game, String state, String token) {
    while (!stopping) {
      RemoteBot bot =
          new RemoteBot(
              new ThinkingBot(Strategies.create(game.setup.strategies().get(state)), thinkMillis),
              token,
              game.seed,
              new SeatListener(game.id, state, ledger));
      CompletableFuture<RemoteBot.Result> playing = bot.play("127.0.0.1", port, OPTIONS);
      try {
        while (true) {
          try {
            playing.get(1, TimeUnit.SECONDS);
            return true;
          } catch (TimeoutException e) {
            if (stopping) {
              return false;
            }
          }
        }
      } catch (ExecutionException e) {
        ledger.reconnects.incrementAndGet();
        if (!pause()) {
          return false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** One request on a fresh connection, tried again until the server answers it. */
  private <T> T retry(Function<EntenteClient, CompletableFuture<T>> request)
      throws Stopped, InterruptedException {
    while (!stopping) {
      try (EntenteClient c = EntenteClient.connect("127.0.0.1", port, OPTIONS).get()) {
        return request.apply(c).get();
      } catch (ExecutionException e) {
        if (EntenteClient.codeOf(e) == ErrorCode.JOURNAL_UNAVAILABLE) {
          ledger.requestsRefusedDiskFull.incrementAndGet();
        }
      }
      if (!pause()) {
        break;
      }
    }
    throw new Stopped();
  }

  /** Waits for the server to be up again, then a little more; false when the run is over. */
  private boolean pause() {
    try {
      server.awaitServing(60_000);
      Thread.sleep(RETRY_MILLIS);
      return !stopping;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
