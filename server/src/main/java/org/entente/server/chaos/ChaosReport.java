package org.entente.server.chaos;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.entente.proto.v1.ErrorCode;

/** The figures of a chaos run, and whether it passed. */
record ChaosReport(Duration duration, Ledger ledger, List<Verification.Verdict> verdicts) {

  long lost() {
    return verdicts.stream().mapToLong(Verification.Verdict::lost).sum();
  }

  long mismatches() {
    return verdicts.stream().mapToLong(Verification.Verdict::mismatches).sum();
  }

  /** No acknowledged order lost, no hash differs, and the server always came back. */
  boolean passed() {
    return lost() == 0 && mismatches() == 0 && ledger.healthFailures.get() == 0;
  }

  void print(PrintWriter out, boolean everyGame) {
    long finished = verdicts.stream().filter(v -> v.game().finished).count();
    long turns = verdicts.stream().mapToLong(Verification.Verdict::turns).sum();
    long acknowledged = verdicts.stream().mapToLong(Verification.Verdict::acknowledged).sum();
    if (everyGame) {
      out.println(
          "game           scenario      seed   turns  final hash (journal)    uninterrupted run");
      for (Verification.Verdict v : verdicts) {
        out.printf(
            "%-14s %-13s %-6d %5d  %-22s  %s%s%n",
            v.game().id,
            v.game().setup.world().id(),
            v.game().seed,
            v.turns(),
            shortHash(v.finalHash()),
            shortHash(v.uninterruptedHash()),
            verdictNote(v));
      }
    }
    out.printf(
        "duration                         %d min %02d s%n",
        duration.toMinutes(), duration.toSecondsPart());
    out.printf(
        "games played                     %d (%d finished, %d in progress at the end)%n",
        verdicts.size(), finished, verdicts.size() - finished);
    long restarts = ledger.restarts.get();
    out.printf(
        "server restarts (SIGKILL)        %d (down %.1f s each on average, %.1f s at most)%n",
        restarts,
        restarts == 0 ? 0.0 : ledger.downMillis.get() / 1e3 / restarts,
        ledger.longestDownMillis.get() / 1e3);
    out.printf("bot connections tried again      %d%n", ledger.reconnects.get());
    out.printf(
        "garbage sent / rejected          %d / %d (health checks after each burst: %d, failed %d)%n",
        ledger.garbageSent.get(),
        ledger.garbageRejected.get(),
        ledger.healthChecks.get(),
        ledger.healthFailures.get());
    out.printf("disk fills                       %d%n", ledger.diskFills.get());
    out.printf("orders acknowledged              %d%n", acknowledged);
    out.printf(
        "orders refused, disk full        %d (and %d creations and joins)%n",
        ledger.ordersRefusedDiskFull.get(), ledger.requestsRefusedDiskFull.get());
    out.printf(
        "orders unanswered at a kill      %d (sent again after the restart)%n",
        ledger.ordersUnanswered.get());
    Map<ErrorCode, Long> other = ledger.ordersRefusedOther();
    out.printf(
        "orders refused otherwise         %d %s%n",
        other.values().stream().mapToLong(Long::longValue).sum(), other.isEmpty() ? "" : other);
    out.printf("orders lost                      %d%n", lost());
    out.printf(
        "turns verified                   %d (replayed from the journals and compared)%n", turns);
    out.printf("hash mismatches                  %d%n", mismatches());
    out.println(passed() ? "chaos: PASSED" : "chaos: FAILED");
    out.flush();
  }

  private static String shortHash(String hash) {
    return hash.isEmpty() ? "-" : hash.length() > 22 ? hash.substring(0, 22) : hash;
  }

  private static String verdictNote(Verification.Verdict v) {
    if (v.problem() != null) {
      return "  DOES NOT REPLAY: " + v.problem();
    }
    StringBuilder s = new StringBuilder(v.mismatches() == 0 ? "  same" : "  DIFFERENT");
    if (!v.game().finished) {
      s.append(" (in progress)");
    }
    if (v.lost() > 0) {
      s.append(", ").append(v.lost()).append(" acknowledged orders LOST");
    }
    return s.toString();
  }
}
