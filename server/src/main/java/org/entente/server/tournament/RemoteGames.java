package org.entente.server.tournament;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.entente.client.net.ClientOptions;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.EntenteException;
import org.entente.client.net.HostPort;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.FinalScore;
import org.entente.proto.v1.GameEvent;
import org.entente.proto.v1.GameEventKind;

/**
 * Plays the tournament games that include remote entrants as live games on a running server: for
 * each game it connects, creates the game with the built-in entrants' seats as server bots and the
 * remote entrants' seats in {@code CreateGame.entrants} (the server seats a connection registered
 * under that name), and waits for the {@code GAME_ENDED} event and its final scores. At most {@code
 * parallel} games run at once; a remote entrant needs one registered connection per seat it holds
 * in the games running together.
 */
public final class RemoteGames {
  private final HostPort server;
  private final int parallel;
  private final int deadlineSeconds;

  /**
   * @param server the server the remote entrants are registered on
   * @param parallel how many remote games run at once (at least 1)
   * @param deadlineSeconds each turn's deadline: a seat silent that long gets the default orders
   */
  public RemoteGames(HostPort server, int parallel, int deadlineSeconds) {
    if (parallel < 1) {
      throw new IllegalArgumentException("--remote-parallel must be at least 1, got " + parallel);
    }
    if (deadlineSeconds < 1) {
      throw new IllegalArgumentException(
          "--remote-deadline must be at least 1 second, got " + deadlineSeconds);
    }
    this.server = server;
    this.parallel = parallel;
    this.deadlineSeconds = deadlineSeconds;
  }

  /**
   * Plays {@code games} of {@code schedule}, reporting each result or failure; returns when all
   * have ended or, once {@code stop} says so, when those started have ended.
   */
  void play(
      Schedule schedule,
      List<Integer> games,
      BiConsumer<Integer, GameResult> onResult,
      BiConsumer<Integer, Throwable> onError,
      BooleanSupplier stop)
      throws InterruptedException {
    Semaphore slots = new Semaphore(parallel);
    CountDownLatch ended = new CountDownLatch(games.size());
    for (int g : games) {
      slots.acquire();
      if (stop.getAsBoolean()) {
        slots.release();
        ended.countDown();
        continue;
      }
      playOne(schedule, g)
          .whenComplete(
              (result, error) -> {
                if (error != null) {
                  onError.accept(g, EntenteClient.cause(error));
                } else {
                  onResult.accept(g, result);
                }
                slots.release();
                ended.countDown();
              });
    }
    ended.await();
  }

  /** The live game's request for game {@code g}: seed, bots and remote entrants by seat. */
  CreateGame request(Schedule schedule, int g) {
    Arena arena = schedule.arenas().get(schedule.arena(g));
    CreateGame.Builder req =
        CreateGame.newBuilder()
            .setScenario(arena.id())
            .setSeed(schedule.seed(g))
            .setDeadlineSeconds(deadlineSeconds)
            .setName("tournament " + schedule.seed() + " game " + g);
    int[] seating = schedule.seating(g);
    for (int s = 0; s < seating.length; s++) {
      Entrant e = schedule.entrants().get(seating[s]);
      if (e.remote()) {
        req.putEntrants(arena.seats().get(s), e.name());
      } else {
        req.putBots(arena.seats().get(s), e.strategy());
      }
    }
    return req.build();
  }

  private CompletableFuture<GameResult> playOne(Schedule schedule, int g) {
    Arena arena = schedule.arenas().get(schedule.arena(g));
    CreateGame req = request(schedule, g);
    long timeoutSeconds = (long) arena.world().turns() * (deadlineSeconds + 5) + 60;
    return EntenteClient.connect(server.host(), server.port(), ClientOptions.defaults())
        .thenCompose(
            client -> {
              CompletableFuture<GameResult> done = new CompletableFuture<>();
              EntenteClient.Registration reg =
                  client.onPush(
                      m -> {
                        if (m.hasGameEvent()
                            && m.getGameEvent().getKind() == GameEventKind.GAME_ENDED) {
                          complete(done, schedule, g, m.getGameEvent());
                        }
                      });
              client
                  .closeFuture()
                  .thenRun(
                      () ->
                          done.completeExceptionally(
                              EntenteException.local(
                                  "the connection to " + server + " closed before the game ended",
                                  null)));
              client
                  .createGame(req)
                  .whenComplete(
                      (created, error) -> {
                        if (error != null) {
                          done.completeExceptionally(EntenteClient.cause(error));
                        }
                      });
              return done.orTimeout(timeoutSeconds, TimeUnit.SECONDS)
                  .whenComplete(
                      (r, e) -> {
                        reg.remove();
                        client.close();
                      });
            });
  }

  private static void complete(
      CompletableFuture<GameResult> done, Schedule schedule, int g, GameEvent end) {
    Arena arena = schedule.arenas().get(schedule.arena(g));
    Map<String, FinalScore> byState = new HashMap<>();
    end.getFinalScoresList().forEach(s -> byState.put(s.getState(), s));
    int n = arena.size();
    double[] scores = new double[n];
    boolean[] survived = new boolean[n];
    double[][] components = new double[n][];
    for (int s = 0; s < n; s++) {
      FinalScore f = byState.get(arena.seats().get(s));
      if (f == null) {
        done.completeExceptionally(
            new IllegalStateException(
                "the server's GAME_ENDED has no final score for " + arena.seats().get(s)));
        return;
      }
      scores[s] = f.getTotal();
      survived[s] = f.getSurvival() >= 1;
      components[s] =
          new double[] {
            f.getSurvival(), f.getSecurity(), f.getAutonomy(), f.getPower(), f.getObjectives()
          };
    }
    done.complete(
        new GameResult(g, schedule.arena(g), schedule.seating(g), scores, survived, components));
  }
}
