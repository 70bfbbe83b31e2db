package org.entente.server.load;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * One load test's settings.
 *
 * @param host the server's address (loopback)
 * @param port the server's port
 * @param games games played at once
 * @param seats remote seats per game (the scenario's other seats are bots inside the server)
 * @param turns turns per game (0: the scenario's length)
 * @param scenario a built-in scenario id, or "" to pick the smallest with at least {@code seats}
 * @param thinkMs each bot waits a random 0..thinkMs ms before sending its orders (0: at once)
 * @param seed the first game's seed (game i gets seed + i) and the think-time seed
 * @param orders what the bots submit
 * @param driver the client code the bots run on
 * @param connectionsOnly set up the games, hold the connections for {@code hold}, play nothing
 * @param hold how long to hold the connections in connections-only mode
 * @param warmupRounds unreported rounds played first (think time 0), to warm up the server's JIT
 * @param rounds measured rounds, each with fresh games and connections
 * @param timeout the longest a round's set-up, or its play, may take
 * @param clientThreads event-loop threads of the lean driver
 * @param connectConcurrency connections being set up at once
 * @param serverPid when positive, {@code jcmd PID GC.run} runs before each heap read
 * @param settle the pause between the two heap reads and after a warm-up round
 * @param progress where progress lines go (null: nowhere)
 */
public record LoadConfig(
    String host,
    int port,
    int games,
    int seats,
    int turns,
    String scenario,
    int thinkMs,
    long seed,
    OrdersMode orders,
    Driver driver,
    boolean connectionsOnly,
    Duration hold,
    int warmupRounds,
    int rounds,
    Duration timeout,
    int clientThreads,
    int connectConcurrency,
    long serverPid,
    Duration settle,
    PrintWriter progress) {

  /** What a remote bot submits every turn. */
  public enum OrdersMode {
    /** Hide (neutrality): always valid, the cheapest to decide. */
    HIDE,
    /** Balance against the view's principal threat leader with 0.1 internal effort, else hide. */
    BALANCE,
    /** The scenario's default strategy for the seat, decided from the fully decoded view. */
    STRATEGY
  }

  /** The client code the bots run on. */
  public enum Driver {
    /** Shared event loops, lean decoding of views: thousands of connections in a few threads. */
    LEAN,
    /** The SDK: one EntenteClient (two threads) and one RemoteBot per seat. */
    SDK
  }

  public LoadConfig {
    if (games < 1 || seats < 1 || turns < 0 || thinkMs < 0 || rounds < 1 || warmupRounds < 0) {
      throw new IllegalArgumentException(
          "games, seats and rounds must be positive; turns, think and warm-up not negative");
    }
    if (clientThreads < 1 || connectConcurrency < 1) {
      throw new IllegalArgumentException("clientThreads and connectConcurrency must be positive");
    }
    scenario = scenario == null ? "" : scenario;
  }

  /** A small configuration for tests: no warm-up, one round, lean driver, hide orders. */
  public static LoadConfig of(String host, int port, int games, int seats, int turns) {
    return new LoadConfig(
        host,
        port,
        games,
        seats,
        turns,
        "",
        0,
        1,
        OrdersMode.HIDE,
        Driver.LEAN,
        false,
        Duration.ofSeconds(1),
        0,
        1,
        Duration.ofSeconds(60),
        2,
        64,
        0,
        Duration.ofMillis(50),
        null);
  }

  public LoadConfig withScenario(String s) {
    return copy(c -> c.scenario = s);
  }

  public LoadConfig withThinkMs(int ms) {
    return copy(c -> c.thinkMs = ms);
  }

  public LoadConfig withOrders(OrdersMode o) {
    return copy(c -> c.orders = o);
  }

  public LoadConfig withDriver(Driver d) {
    return copy(c -> c.driver = d);
  }

  public LoadConfig withConnectionsOnly(Duration holdFor) {
    return copy(
        c -> {
          c.connectionsOnly = true;
          c.hold = holdFor;
        });
  }

  public LoadConfig withRounds(int warmup, int measured) {
    return copy(
        c -> {
          c.warmupRounds = warmup;
          c.rounds = measured;
        });
  }

  // A copy with some fields changed: the withers' one place that lists every component.
  private LoadConfig copy(java.util.function.Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return new LoadConfig(
        host,
        port,
        games,
        seats,
        turns,
        f.scenario,
        f.thinkMs,
        seed,
        f.orders,
        f.driver,
        f.connectionsOnly,
        f.hold,
        f.warmupRounds,
        f.rounds,
        timeout,
        clientThreads,
        connectConcurrency,
        serverPid,
        settle,
        progress);
  }

  // The components a wither may change.
  private static final class Fields {
    String scenario;
    int thinkMs;
    OrdersMode orders;
    Driver driver;
    boolean connectionsOnly;
    Duration hold;
    int warmupRounds;
    int rounds;

    Fields(LoadConfig c) {
      scenario = c.scenario;
      thinkMs = c.thinkMs;
      orders = c.orders;
      driver = c.driver;
      connectionsOnly = c.connectionsOnly;
      hold = c.hold;
      warmupRounds = c.warmupRounds;
      rounds = c.rounds;
    }
  }
}
