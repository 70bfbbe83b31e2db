package org.entente.server.load;

import java.util.concurrent.CompletableFuture;

/**
 * What one remote seat measured: when it sent its orders for each turn and when the message that
 * closed each turn (the next turn's view, or {@code GAME_ENDED}) reached it. Written by one thread
 * at a time (the seat's event loop or client thread); read once {@link #finished} completes.
 */
final class SeatStats {
  /** {@code sent[t]}: System.nanoTime() when the last orders for turn t were written, or 0. */
  final long[] sent;

  /** {@code after[t]}: when the next turn's view or the game's end arrived after turn t, or 0. */
  final long[] after;

  /** Completes when the seat has joined and seen its first view. */
  final CompletableFuture<Void> ready = new CompletableFuture<>();

  /** Completes when the game ended for this seat; fails if the connection closed before. */
  final CompletableFuture<Void> finished = new CompletableFuture<>();

  int accepted;
  long bytesIn;
  int messagesIn;
  int rejected;
  int ordersSent;
  int currentTurn;
  long endedNanos;
  volatile long pingRttNanos = -1;

  SeatStats(int maxTurns) {
    sent = new long[maxTurns + 2];
    after = new long[maxTurns + 2];
  }

  /** A view of {@code turn} in the orders phase arrived at {@code now}. */
  void viewArrived(int turn, long now) {
    if (turn > currentTurn) {
      if (currentTurn > 0 && currentTurn < after.length && after[currentTurn] == 0) {
        after[currentTurn] = now;
      }
      currentTurn = turn;
    }
  }

  /** The game ended (GAME_ENDED, or a FINISHED view) at {@code now}; true the first time. */
  boolean ended(long now) {
    if (finished.isDone()) {
      return false;
    }
    endedNanos = now;
    if (currentTurn > 0 && currentTurn < after.length && after[currentTurn] == 0) {
      after[currentTurn] = now;
    }
    finished.complete(null);
    return true;
  }

  void sent(int turn, long now) {
    if (turn < sent.length) {
      sent[turn] = now;
    }
    ordersSent++;
  }
}
