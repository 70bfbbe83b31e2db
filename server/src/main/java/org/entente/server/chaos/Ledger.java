package org.entente.server.chaos;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.Orders;

/** What happened during a chaos run, counted from every thread as it happens. */
final class Ledger {
  /** Orders the server acknowledged ({@code OrdersAccepted}): each must be in the journal. */
  record Acknowledged(String gameId, String state, int turn, Orders orders) {}

  private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
  private final AtomicLong acknowledgedCount = new AtomicLong();
  final AtomicLong restarts = new AtomicLong();
  final AtomicLong downMillis = new AtomicLong();
  final AtomicLong longestDownMillis = new AtomicLong();
  final AtomicLong garbageSent = new AtomicLong();
  final AtomicLong garbageRejected = new AtomicLong();
  final AtomicLong healthChecks = new AtomicLong();
  final AtomicLong healthFailures = new AtomicLong();
  final AtomicLong diskFills = new AtomicLong();
  final AtomicLong ordersRefusedDiskFull = new AtomicLong();
  final AtomicLong requestsRefusedDiskFull = new AtomicLong();
  final AtomicLong ordersUnanswered = new AtomicLong();
  private final Map<ErrorCode, AtomicLong> ordersRefusedOther = new ConcurrentHashMap<>();
  final AtomicLong reconnects = new AtomicLong();

  void acknowledged(String gameId, String state, int turn, Orders orders) {
    acknowledged.add(new Acknowledged(gameId, state, turn, orders));
    acknowledgedCount.incrementAndGet();
  }

  long acknowledgedCount() {
    return acknowledgedCount.get();
  }

  /** The server was killed and answered again {@code millis} later. */
  void restarted(long millis) {
    restarts.incrementAndGet();
    downMillis.addAndGet(millis);
    longestDownMillis.accumulateAndGet(millis, Math::max);
  }

  void refused(ErrorCode code) {
    ordersRefusedOther.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
  }

  /** Orders refused for another reason than a full disk, by the server's error code. */
  Map<ErrorCode, Long> ordersRefusedOther() {
    Map<ErrorCode, Long> out = new TreeMap<>();
    ordersRefusedOther.forEach((code, n) -> out.put(code, n.get()));
    return out;
  }

  List<Acknowledged> acknowledged() {
    return List.copyOf(acknowledged);
  }
}
