package org.entente.server.tournament;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.entente.server.journal.JournalStore;

/**
 * Plays every game of a {@link Schedule}: built-in games in-process on a pool of threads that take
 * games in small chunks from a shared counter, remote games (any seat held by a remote entrant)
 * through {@link RemoteGames}. Each result is stored at its game's index, so the list returned is
 * the same whatever the number of threads or the order in which games finish.
 */
public final class Tournament {
  private final Schedule schedule;
  private final int threads;
  private final JournalStore journal;
  private final RemoteGames remote;
  private final AtomicInteger done = new AtomicInteger();

  /**
   * A tournament over {@code schedule} on {@code threads} threads; {@code journal} (or null) keeps
   * every game's journal; {@code remote} (or null) plays the games of remote entrants.
   */
  public Tournament(Schedule schedule, int threads, JournalStore journal, RemoteGames remote) {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
    }
    boolean anyRemote = schedule.entrants().stream().anyMatch(Entrant::remote);
    if (anyRemote && remote == null) {
      throw new IllegalArgumentException("remote entrants need --server HOST:PORT");
    }
    if (journal != null) {
      for (Arena a : schedule.arenas()) {
        if (a.bytes() == null) {
          throw new IllegalArgumentException("journaling needs each scenario's file: " + a.id());
        }
      }
    }
    this.schedule = schedule;
    this.threads = threads;
    this.journal = journal;
    this.remote = remote;
  }

  /** The schedule played. */
  public Schedule schedule() {
    return schedule;
  }

  /** The number of worker threads. */
  public int threads() {
    return threads;
  }

  /** Games finished so far (safe to read from any thread, e.g. a progress display). */
  public int done() {
    return done.get();
  }

  /**
   * Plays every game and returns the results in game order. Throws {@link TournamentException}
   * naming the first game that failed (the others are abandoned).
   */
  public List<GameResult> run() throws InterruptedException {
    int total = schedule.games();
    GameResult[] results = new GameResult[total];
    List<Integer> remoteGames = new ArrayList<>();
    for (int g = 0; g < total; g++) {
      if (schedule.remote(g)) {
        remoteGames.add(g);
      }
    }
    AtomicReference<TournamentException> failure = new AtomicReference<>();
    AtomicInteger next = new AtomicInteger();
    int chunk = Math.max(1, Math.min(32, total / (threads * 16)));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "tournament-worker");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        workers.add(pool.submit(() -> work(next, chunk, results, failure)));
      }
      if (!remoteGames.isEmpty()) {
        playRemote(remoteGames, results, failure);
      }
      for (Future<?> f : workers) {
        try {
          f.get();
        } catch (ExecutionException e) {
          failure.compareAndSet(
              null, new TournamentException("a worker failed: " + e.getCause(), e));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return Arrays.asList(results);
  }

  private void work(
      AtomicInteger next,
      int chunk,
      GameResult[] results,
      AtomicReference<TournamentException> failure) {
    int total = results.length;
    while (failure.get() == null) {
      int start = next.getAndAdd(chunk);
      if (start >= total) {
        return;
      }
      int end = Math.min(total, start + chunk);
      int played = 0;
      for (int g = start; g < end && failure.get() == null; g++) {
        if (schedule.remote(g)) {
          continue;
        }
        try {
          results[g] = playLocal(g);
          played++;
        } catch (IOException | RuntimeException e) {
          failure.compareAndSet(null, failed(g, e));
        }
      }
      done.addAndGet(played);
    }
  }

  private GameResult playLocal(int g) throws IOException {
    if (journal == null) {
      return LocalGame.play(schedule, g);
    }
    return LocalGame.playJournaled(schedule, g, journal, journalId(g));
  }

  /** The journal name of game {@code g}: tournament seed, game index and scenario. */
  String journalId(int g) {
    String scenario = schedule.arenas().get(schedule.arena(g)).world().id();
    return String.format(
            java.util.Locale.ROOT, "tournament-%d-g%06d-%s", schedule.seed(), g, scenario)
        .replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  private void playRemote(
      List<Integer> games, GameResult[] results, AtomicReference<TournamentException> failure)
      throws InterruptedException {
    remote.play(
        schedule,
        games,
        (g, result) -> {
          results[g] = result;
          done.incrementAndGet();
        },
        (g, error) -> failure.compareAndSet(null, failed(g, error)),
        () -> failure.get() != null);
  }

  private TournamentException failed(int g, Throwable e) {
    StringBuilder seats = new StringBuilder();
    Arena arena = schedule.arenas().get(schedule.arena(g));
    int[] seating = schedule.seating(g);
    for (int s = 0; s < seating.length; s++) {
      seats.append(s == 0 ? "" : ", ");
      seats.append(arena.seats().get(s)).append('=');
      seats.append(schedule.entrants().get(seating[s]).name());
    }
    String why = e instanceof FileAlreadyExistsException ? "journal exists: " + e.getMessage() : "";
    return new TournamentException(
        "game "
            + g
            + " ("
            + arena.id()
            + ", seed "
            + schedule.seed(g)
            + ", "
            + seats
            + ") failed: "
            + (why.isEmpty() ? String.valueOf(e) : why),
        e);
  }

  /** A game of the tournament failed; the message names it. */
  public static final class TournamentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TournamentException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
