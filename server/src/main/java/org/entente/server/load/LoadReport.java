package org.entente.server.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What a load test measured, summed over its measured rounds. Latencies are in nanoseconds in the
 * histograms and printed in milliseconds.
 */
public final class LoadReport {
  /** Highest latency the histograms track: one minute. */
  static final long MAX_TRACKED_NANOS = 60_000_000_000L;

  final LoadConfig config;
  String scenario = "";
  int scenarioSeats;
  int turns;
  int rounds;

  // set-up (summed over rounds)
  int connections;
  double setupSeconds;

  // play
  long ordersAccepted;
  long ordersSent;
  long ordersRejected;
  long inServerBotOrders;
  double playSeconds;
  final Histogram turnLatency = new Histogram(MAX_TRACKED_NANOS, 3);
  // the server's own account: last order read -> results and views handed to the connections
  final Histogram serverTurnTime = new Histogram(MAX_TRACKED_NANOS, 3);
  long latencyExpected;
  long latencyMissing;
  long serverCpuNanos = -1;
  long clientCpuNanos;
  long othersCpuNanos;
  long bytesIn;
  long messagesIn;
  int gamesFinished;
  int gamesPlayed;
  int serverLiveGames = -1;
  int serverFinishedGames = -1;
  int serverThreads = -1;

  // heap (first measured round): two reads before set-up, two after
  long[] heapBefore = new long[0];
  long[] heapAfter = new long[0];
  boolean heapAfterGc;

  // connections-only
  double holdSeconds;
  int serverConnectionsHeld = -1;
  int connectionsDropped;
  long holdCpuNanos = -1;
  final Histogram pingRtt = new Histogram(MAX_TRACKED_NANOS, 3);

  final List<String> problems = new ArrayList<>();

  LoadReport(LoadConfig config) {
    this.config = config;
  }

  /** The settings the test ran with. */
  public LoadConfig config() {
    return config;
  }

  /** Remote orders the server accepted. */
  public long ordersAccepted() {
    return ordersAccepted;
  }

  /** Remote orders refused (each is followed by a fallback "hide"). */
  public long ordersRejected() {
    return ordersRejected;
  }

  /** Accepted remote orders a second of play (from the start signal to the last game's end). */
  public double ordersPerSecond() {
    return playSeconds > 0 ? ordersAccepted / playSeconds : 0;
  }

  /** Per game-turn: last order sent to last seat's next view (or game end), in nanoseconds. */
  public Histogram turnLatency() {
    return turnLatency;
  }

  /**
   * The server's own time for the same game-turns (from its {@code /metrics}): from the last order
   * read to the turn's results and next views handed to the game's connections, nanoseconds.
   */
  public Histogram serverTurnTime() {
    return serverTurnTime;
  }

  /** Game-turns expected to give a latency sample. */
  public long latencyExpected() {
    return latencyExpected;
  }

  /** Server CPU milliseconds per 1,000 accepted remote orders, or -1 if unknown. */
  public double serverCpuMillisPer1000Orders() {
    return serverCpuNanos < 0 || ordersAccepted == 0
        ? -1
        : serverCpuNanos / 1e6 / ordersAccepted * 1000;
  }

  /** Approximate server heap per game from the second reads (bytes), or 0 if not measured. */
  public double heapPerGameBytes() {
    if (heapBefore.length == 0 || heapAfter.length == 0) {
      return 0;
    }
    return (double) (heapAfter[heapAfter.length - 1] - heapBefore[heapBefore.length - 1])
        / config.games();
  }

  /** Games whose every remote seat saw the end. */
  public int gamesFinished() {
    return gamesFinished;
  }

  /** Games started in the measured rounds. */
  public int gamesPlayed() {
    return gamesPlayed;
  }

  /** Connections opened by the remote seats (all rounds). */
  public int connections() {
    return connections;
  }

  /** Connections the server counted while they were held (connections-only). */
  public int serverConnectionsHeld() {
    return serverConnectionsHeld;
  }

  /** Connections that closed while held (connections-only). */
  public int connectionsDropped() {
    return connectionsDropped;
  }

  /** Round trips of one ping per held connection (connections-only), in nanoseconds. */
  public Histogram pingRtt() {
    return pingRtt;
  }

  /** What went wrong (timeouts, failed connections...); empty when all went well. */
  public List<String> problems() {
    return problems;
  }

  /** Prints the table. */
  public void print(PrintStream out) {
    PrintWriter w = new PrintWriter(out, true);
    print(w);
    w.flush();
  }

  /** Prints the table. */
  public void print(PrintWriter out) {
    LoadConfig c = config;
    int inServer = scenarioSeats - c.seats();
    out.printf(
        Locale.ROOT,
        "Entente load test: %s:%d, scenario %s (%d seats: %d remote, %d bots in the server),"
            + " %d turns%n",
        c.host(),
        c.port(),
        scenario,
        scenarioSeats,
        c.seats(),
        inServer,
        turns);
    out.printf(
        Locale.ROOT,
        "%d games x %d remote seats = %d connections a round; think 0..%d ms; orders %s;"
            + " driver %s; %d warm-up + %d measured round(s)%n%n",
        c.games(),
        c.seats(),
        c.games() * c.seats(),
        c.thinkMs(),
        lower(c.orders()),
        lower(c.driver()),
        c.connectionsOnly() ? 0 : c.warmupRounds(),
        rounds);
    row(out, "measure", "value");
    row(out, "-".repeat(42), "-".repeat(48));
    row(
        out,
        "set-up (connect, hello, join seat)",
        String.format(Locale.ROOT, "%.2f s for %,d connections", setupSeconds, connections));
    if (c.connectionsOnly()) {
      row(
          out,
          "connections held (server count, + 1 HTTP)",
          String.format(
              Locale.ROOT,
              "%,d for %.0f s (%,d dropped)",
              serverConnectionsHeld,
              holdSeconds,
              connectionsDropped));
      row(out, "ping round trip while held", percentiles(pingRtt));
      row(
          out,
          "server CPU while held",
          holdCpuNanos < 0
              ? "unknown"
              : String.format(
                  Locale.ROOT,
                  "%.1f ms (%.2f%% of one core)",
                  holdCpuNanos / 1e6,
                  holdCpuNanos / 1e7 / Math.max(holdSeconds, 1e-9)));
    } else {
      row(
          out,
          "orders accepted (remote seats)",
          String.format(
              Locale.ROOT,
              "%,d (sent %,d, refused %,d)",
              ordersAccepted,
              ordersSent,
              ordersRejected));
      row(out, "orders of bots inside the server", String.format("%,d", inServerBotOrders));
      row(out, "play time (start signal -> last end)", String.format("%.3f s", playSeconds));
      row(out, "orders a second", String.format(Locale.ROOT, "%,.0f", ordersPerSecond()));
      row(
          out,
          "turn latency samples (game-turns)",
          String.format(
              Locale.ROOT,
              "%,d of %,d expected (%,d missing)",
              turnLatency.getTotalCount(),
              latencyExpected,
              latencyMissing));
      row(out, "turn latency: last order -> last view", percentiles(turnLatency));
      row(out, "  the server's own time for those turns", percentiles(serverTurnTime));
      row(
          out,
          "server CPU",
          serverCpuNanos < 0
              ? "unknown"
              : String.format(
                  Locale.ROOT,
                  "%,.0f ms = %.1f ms per 1,000 orders",
                  serverCpuNanos / 1e6,
                  serverCpuMillisPer1000Orders()));
      row(
          out,
          "load generator CPU (this process)",
          String.format(
              Locale.ROOT,
              "%,.0f ms = %.1f ms per 1,000 orders",
              clientCpuNanos / 1e6,
              ordersAccepted == 0 ? 0 : clientCpuNanos / 1e6 / ordersAccepted * 1000));
      if (messagesIn > 0) {
        row(
            out,
            "received by the seats",
            String.format(
                Locale.ROOT,
                "%,d messages, %,.1f MiB (%.0f bytes a message, %.1f messages an order)",
                messagesIn,
                bytesIn / 1048576.0,
                (double) bytesIn / messagesIn,
                ordersAccepted == 0 ? 0 : (double) messagesIn / ordersAccepted));
      }
      row(
          out,
          "games finished",
          String.format(
              Locale.ROOT,
              "%d of %d (server: %d finished, %d live in total)",
              gamesFinished,
              gamesPlayed,
              serverFinishedGames,
              serverLiveGames));
    }
    double window = c.connectionsOnly() ? holdSeconds : playSeconds;
    row(
        out,
        "other processes' CPU meanwhile",
        String.format(
            Locale.ROOT,
            "%,.0f ms (%.1f%% of the machine's %d cores; should be ~0 for clean numbers)",
            othersCpuNanos / 1e6,
            window > 0
                ? othersCpuNanos / 1e7 / window / Runtime.getRuntime().availableProcessors()
                : 0,
            Runtime.getRuntime().availableProcessors()));
    if (heapBefore.length > 0) {
      row(
          out,
          "server heap per game (approximate)",
          String.format(
              Locale.ROOT,
              "~%.1f KiB (%s before set-up, %s after; MiB; %s)",
              heapPerGameBytes() / 1024,
              mib(heapBefore),
              mib(heapAfter),
              heapAfterGc ? "after jcmd GC.run" : "no GC forced, garbage included"));
    }
    row(out, "server threads", String.valueOf(serverThreads));
    for (String p : problems) {
      out.println("PROBLEM: " + p);
    }
    out.flush();
  }

  /** The main numbers as one JSON object (for scripts). */
  public String json() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode n = m.createObjectNode();
    n.put("scenario", scenario);
    n.put("games", config.games());
    n.put("seats", config.seats());
    n.put("turns", turns);
    n.put("thinkMs", config.thinkMs());
    n.put("connectionsOnly", config.connectionsOnly());
    n.put("connections", connections);
    n.put("setupSeconds", setupSeconds);
    n.put("ordersAccepted", ordersAccepted);
    n.put("ordersRejected", ordersRejected);
    n.put("playSeconds", playSeconds);
    n.put("ordersPerSecond", ordersPerSecond());
    n.put("latencySamples", turnLatency.getTotalCount());
    n.put("latencyP50Micros", turnLatency.getValueAtPercentile(50) / 1000.0);
    n.put("latencyP90Micros", turnLatency.getValueAtPercentile(90) / 1000.0);
    n.put("latencyP99Micros", turnLatency.getValueAtPercentile(99) / 1000.0);
    n.put("latencyMaxMicros", turnLatency.getMaxValue() / 1000.0);
    n.put("serverTurnSamples", serverTurnTime.getTotalCount());
    n.put("serverTurnP50Micros", serverTurnTime.getValueAtPercentile(50) / 1000.0);
    n.put("serverTurnP99Micros", serverTurnTime.getValueAtPercentile(99) / 1000.0);
    n.put("serverTurnMaxMicros", serverTurnTime.getMaxValue() / 1000.0);
    n.put("serverCpuMsPer1000Orders", serverCpuMillisPer1000Orders());
    n.put("clientCpuMs", clientCpuNanos / 1e6);
    n.put("othersCpuMs", othersCpuNanos / 1e6);
    n.put("bytesIn", bytesIn);
    n.put("messagesIn", messagesIn);
    n.put("heapPerGameBytes", heapPerGameBytes());
    n.put("gamesFinished", gamesFinished);
    n.put("gamesPlayed", gamesPlayed);
    n.put("serverConnectionsHeld", serverConnectionsHeld);
    n.put("connectionsDropped", connectionsDropped);
    n.put("pingP99Micros", pingRtt.getValueAtPercentile(99) / 1000.0);
    n.put("holdCpuMs", holdCpuNanos / 1e6);
    n.put("serverThreads", serverThreads);
    n.put("problems", problems.size());
    return n.toString();
  }

  private static String percentiles(Histogram h) {
    if (h.getTotalCount() == 0) {
      return "no samples";
    }
    return String.format(
        Locale.ROOT,
        "p50 %s  p90 %s  p99 %s  max %s ms",
        ms(h.getValueAtPercentile(50)),
        ms(h.getValueAtPercentile(90)),
        ms(h.getValueAtPercentile(99)),
        ms(h.getMaxValue()));
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
  }

  private static String mib(long[] reads) {
    StringBuilder b = new StringBuilder();
    for (long r : reads) {
      b.append(b.length() == 0 ? "" : "/")
          .append(String.format(Locale.ROOT, "%.1f", r / 1048576.0));
    }
    return b.toString();
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static void row(PrintWriter out, String measure, String value) {
    out.printf("  %-42s  %s%n", measure, value);
  }
}
