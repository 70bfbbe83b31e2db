package org.entente.server.chaos;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.entente.proto.v1.Orders;

/** What happened during a chaos run, counted from every thread as it happens. */
final class Ledger {
  /** Orders the server acknowledged ({@code OrdersAccepted}): each must be in the journal. */
  record Acknowledged(String gameId, String state, int turn, Orders orders) {}

  private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
  final AtomicLong restarts = new AtomicLong();
  final AtomicLong garbageSent = new AtomicLong();
  final AtomicLong garbageRejected = new AtomicLong();
  final AtomicLong healthChecks = new AtomicLong();
  final AtomicLong healthFailures = new AtomicLong();
  final AtomicLong diskFills = new AtomicLong();
  final AtomicLong ordersRefusedDiskFull = new AtomicLong();
  final AtomicLong requestsRefusedDiskFull = new AtomicLong();
  final AtomicLong ordersUnanswered = new AtomicLong();
  final AtomicLong ordersRefusedOther = new AtomicLong();
  final AtomicLong reconnects = new AtomicLong();
  final AtomicLong gamesCreated = new AtomicLong();
  final AtomicLong gamesFinished = new AtomicLong();

  void acknowledged(String gameId, String state, int turn, Orders orders) {
    acknowledged.add(new Acknowledged(gameId, state, turn, orders));
  }

  List<Acknowledged> acknowledged() {
    return List.copyOf(acknowledged);
  }
}
