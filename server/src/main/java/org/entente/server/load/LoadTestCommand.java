package org.entente.server.load;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.entente.client.net.HostPort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code entente loadtest}: plays many games of remote bots against a server running in another
 * process ({@code entente serve}) and prints orders a second, turn latency, server CPU per order
 * and server heap per game, or holds thousands of connections ({@code --connections-only}).
 */
@Command(
    name = "loadtest",
    mixinStandardHelpOptions = true,
    description = {
      "Load-test a running server (entente serve, on loopback): M games of N remote bots, each on"
          + " its own TCP connection, played to the end; or M x N connections held open.",
      "Reads the server's /metrics before and after for its CPU time and heap."
    })
public final class LoadTestCommand implements Callable<Integer> {
  /** The most connections one test opens. */
  static final int MAX_CONNECTIONS = 20_000;

  @Spec CommandSpec spec;

  @Option(
      names = "--server",
      required = true,
      description = "HOST:PORT of the server (loopback, e.g. 127.0.0.1:7480)")
  String server;

  @Option(
      names = "--games",
      description = "games at once (default ${DEFAULT-VALUE})",
      defaultValue = "100")
  int games;

  @Option(
      names = "--seats",
      description =
          "remote seats per game, each its own connection (default ${DEFAULT-VALUE}); the"
              + " scenario's other seats are bots inside the server",
      defaultValue = "8")
  int seats;

  @Option(
      names = "--turns",
      description = "turns per game (default ${DEFAULT-VALUE}: the scenario's length)",
      defaultValue = "0")
  int turns;

  @Option(
      names = "--scenario",
      description = "a built-in scenario (default: the smallest with at least --seats seats)",
      defaultValue = "")
  String scenario;

  @Option(
      names = "--think-ms",
      description =
          "each bot waits a random 0..X ms (seeded) before sending its orders (default"
              + " ${DEFAULT-VALUE}: at once, saturation)",
      defaultValue = "0")
  int thinkMs;

  @Option(
      names = "--seed",
      description = "game i gets seed+i; also seeds the think times (default ${DEFAULT-VALUE})",
      defaultValue = "1")
  long seed;

  @Option(
      names = "--orders",
      description = "what bots submit: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})",
      defaultValue = "balance")
  LoadConfig.OrdersMode orders;

  @Option(
      names = "--driver",
      description =
          "lean (shared event loops, lazy view decoding) or sdk (EntenteClient + RemoteBot, two"
              + " threads a seat) (default ${DEFAULT-VALUE})",
      defaultValue = "lean")
  LoadConfig.Driver driver;

  @Option(
      names = "--connections-only",
      description = "join every seat, hold the connections for --hold, play nothing")
  boolean connectionsOnly;

  @Option(
      names = "--hold",
      description = "how long to hold the connections, e.g. 30s or 2m (default ${DEFAULT-VALUE})",
      defaultValue = "30s")
  String hold;

  @Option(
      names = "--warmup",
      description = "unreported warm-up rounds first, think 0 (default ${DEFAULT-VALUE})",
      defaultValue = "1")
  int warmup;

  @Option(
      names = "--rounds",
      description = "measured rounds, fresh games each (default ${DEFAULT-VALUE})",
      defaultValue = "1")
  int rounds;

  @Option(
      names = "--timeout",
      description = "longest set-up or play of a round (default ${DEFAULT-VALUE})",
      defaultValue = "5m")
  String timeout;

  @Option(
      names = "--client-threads",
      description = "event-loop threads of the lean driver (default: the number of CPUs)",
      defaultValue = "0")
  int clientThreads;

  @Option(
      names = "--connect-concurrency",
      description = "connections being set up at once (default ${DEFAULT-VALUE})",
      defaultValue = "256")
  int connectConcurrency;

  @Option(
      names = "--server-pid",
      description = "the server's pid: run 'jcmd PID GC.run' before each heap read (exact heap)",
      defaultValue = "0")
  long serverPid;

  @Option(names = "--json", description = "also print the main numbers as one JSON line")
  boolean json;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    HostPort hp;
    LoadConfig config;
    try {
      hp = HostPort.parse(server);
      config =
          new LoadConfig(
              hp.host(),
              hp.port(),
              games,
              seats,
              turns,
              scenario,
              thinkMs,
              seed,
              orders,
              driver,
              connectionsOnly,
              duration(hold),
              warmup,
              rounds,
              duration(timeout),
              clientThreads > 0 ? clientThreads : Runtime.getRuntime().availableProcessors(),
              connectConcurrency,
              serverPid,
              Duration.ofSeconds(1),
              err);
      checkBounds(config);
    } catch (IllegalArgumentException e) {
      err.println("loadtest: " + e.getMessage());
      return 2;
    }
    LoadReport report = LoadGenerator.run(config);
    var out = spec.commandLine().getOut();
    out.println();
    report.print(out);
    if (json) {
      out.println("JSON " + report.json());
    }
    out.flush();
    return report.problems().isEmpty() ? 0 : 1;
  }

  /** Loopback only, and bounded in connections and time. */
  static void checkBounds(LoadConfig c) {
    boolean loopback;
    try {
      loopback = java.net.InetAddress.getByName(c.host()).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("unknown host '" + c.host() + "'");
    }
    if (!loopback) {
      throw new IllegalArgumentException(
          c.host() + " is not a loopback address: the load test only targets this machine");
    }
    if ((long) c.games() * c.seats() > MAX_CONNECTIONS) {
      throw new IllegalArgumentException(
          "at most " + MAX_CONNECTIONS + " connections (games x seats)");
    }
    if (c.thinkMs() > 60_000
        || c.rounds() > 100
        || c.warmupRounds() > 10
        || c.hold().compareTo(Duration.ofMinutes(30)) > 0
        || c.timeout().compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "bounds: --think-ms <= 60000, --rounds <= 100, --warmup <= 10, --hold <= 30m,"
              + " --timeout <= 1h");
    }
  }

  /** "30s", "2m", "500ms" or a number of seconds. */
  static Duration duration(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      return Duration.ofSeconds(Long.parseLong(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration like 30s, 2m, 500ms");
    }
  }
}
