package org.entente.server.game;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.entente.server.net.Connection;

/**
 * How many games one connection, and one remote address, may create within a sliding window: a
 * client on the classroom network cannot fill the server's game limit by itself. Clients on the
 * server's own machine (the instructor's tools, the load generator) are not counted unless {@code
 * countLoopback}.
 *
 * @param perConnection games one connection may create per window (0: no limit)
 * @param perAddress games all connections from one address may create per window (0: no limit)
 * @param window the sliding window
 * @param countLoopback whether clients on 127.0.0.1 / ::1 are limited too
 */
public record CreationLimits(
    int perConnection, int perAddress, Duration window, boolean countLoopback) {

  /** Games one connection may create per window, by default. */
  public static final int DEFAULT_PER_CONNECTION = 10;

  /** Games one address may create per window, by default. */
  public static final int DEFAULT_PER_ADDRESS = 30;

  /** The default window. */
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

  public CreationLimits {
    if (perConnection < 0 || perAddress < 0) {
      throw new IllegalArgumentException("game creation limits must not be negative");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the game creation window must be positive");
    }
  }

  /** No limit at all (tests and embedded lobbies). */
  public static CreationLimits none() {
    return new CreationLimits(0, 0, DEFAULT_WINDOW, false);
  }

  /** Counts creations and says when one more would pass a limit. Thread-safe. */
  static final class Counter {
    private final CreationLimits limits;
    private final LongSupplier millis;
    private final Map<Connection, Deque<Long>> byConnection = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> byAddress = new ConcurrentHashMap<>();

    Counter(CreationLimits limits, LongSupplier millis) {
      this.limits = limits;
      this.millis = millis;
    }

    /**
     * Records a creation by {@code c} and returns null, or returns why it is refused (naming the
     * limit and when the next one is allowed) and records nothing.
     */
    synchronized String tryCreate(Connection c) {
      long now = millis.getAsLong();
      long since = now - limits.window().toMillis();
      String host = c.remoteHost();
      boolean counted = limits.countLoopback() || host == null || !Connection.isLoopback(host);
      if (!counted) {
        return null;
      }
      Deque<Long> mine =
          limits.perConnection() > 0
              ? byConnection.computeIfAbsent(c, k -> new ArrayDeque<>())
              : null;
      Deque<Long> address =
          limits.perAddress() > 0 && host != null
              ? byAddress.computeIfAbsent(host, k -> new ArrayDeque<>())
              : null;
      prune(mine, since);
      prune(address, since);
      if (mine != null && mine.size() >= limits.perConnection()) {
        return "this connection created "
            + mine.size()
            + " games in the last "
            + describe(limits.window())
            + " (limit --max-games-per-connection "
            + limits.perConnection()
            + "); the next one is allowed in "
            + secondsUntil(mine, now)
            + " s";
      }
      if (address != null && address.size() >= limits.perAddress()) {
        return "address "
            + host
            + " created "
            + address.size()
            + " games in the last "
            + describe(limits.window())
            + " (limit --max-games-per-address "
            + limits.perAddress()
            + "); the next one is allowed in "
            + secondsUntil(address, now)
            + " s";
      }
      if (mine != null) {
        mine.addLast(now);
      }
      if (address != null) {
        address.addLast(now);
      }
      byAddress.values().removeIf(d -> d.isEmpty() || d.peekLast() < since);
      return null;
    }

    /** Forgets a closed connection (its address keeps its count). */
    void closed(Connection c) {
      byConnection.remove(c);
    }

    private long secondsUntil(Deque<Long> times, long now) {
      return Math.max(1, (times.peekFirst() + limits.window().toMillis() - now + 999) / 1000);
    }

    private static void prune(Deque<Long> times, long since) {
      while (times != null && !times.isEmpty() && times.peekFirst() <= since) {
        times.removeFirst();
      }
    }

    private static String describe(Duration d) {
      if (d.toMinutes() >= 60 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
        return d.toHours() == 1 ? "hour" : d.toHours() + " hours";
      }
      if (d.toSeconds() >= 60 && d.toSecondsPart() == 0) {
        return d.toMinutes() + " min";
      }
      return d.toSeconds() + " s";
    }
  }
}
