package org.entente.server.ladder;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ladder remembers across restarts: every entrant with its rating, and the latest rated
 * games. Not thread-safe: {@link Ladder} guards it.
 */
final class Book {
  /** How many rated games the book keeps (their journals stay in the data folder regardless). */
  static final int MAX_HISTORY = 2000;

  /** One entrant and its rating. */
  static final class Entry {
    final String name;
    final boolean remote;
    final String strategy; // built-in: the strategy; remote: empty
    final String tokenHash; // remote: the hash of its ladder token; built-in: empty
    final long registeredMillis;
    Rating.Belief belief;
    int games;
    double scoreSum;

    Entry(
        String name,
        boolean remote,
        String strategy,
        String tokenHash,
        long registeredMillis,
        Rating.Belief belief,
        int games,
        double scoreSum) {
      this.name = name;
      this.remote = remote;
      this.strategy = strategy;
      this.tokenHash = tokenHash;
      this.registeredMillis = registeredMillis;
      this.belief = belief;
      this.games = games;
      this.scoreSum = scoreSum;
    }

    double meanScore() {
      return games == 0 ? 0 : scoreSum / games;
    }
  }

  /** One seat of a rated game. */
  record Seat(String state, String entrant, double score, double before, double after) {}

  /** One rated game. */
  record Played(
      long number, String gameId, String scenario, long seed, long endedMillis, List<Seat> seats) {
    Played {
      seats = List.copyOf(seats);
    }
  }

  long gamesRated;
  final Map<String, Entry> entries = new LinkedHashMap<>();
  final Deque<Played> history = new ArrayDeque<>(); // oldest first

  void add(Played p) {
    history.addLast(p);
    while (history.size() > MAX_HISTORY) {
      history.removeFirst();
    }
  }

  /** The latest {@code n} games, newest first, of {@code entrant} (all when null). */
  List<Played> recent(String entrant, int n) {
    List<Played> out = new ArrayList<>();
    var it = history.descendingIterator();
    while (it.hasNext() && out.size() < n) {
      Played p = it.next();
      if (entrant == null || p.seats().stream().anyMatch(s -> s.entrant().equals(entrant))) {
        out.add(p);
      }
    }
    return out;
  }
}
