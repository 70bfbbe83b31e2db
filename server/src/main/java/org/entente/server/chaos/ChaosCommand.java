package org.entente.server.chaos;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entente.server.sim.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code entente chaos}: a soak and chaos test of {@code entente serve} run by hand (see
 * RELIABILITY.md).
 */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description = {
      "Soak and chaos test: runs entente serve as a child process with games of remote bots over"
          + " TCP, and at seeded random moments kills it (SIGKILL) and restarts it, sends it"
          + " garbage, and fills and frees the disk of its data folder (with --fill-dir).",
      "Then checks every order the server acknowledged against the journals, replays every game"
          + " and compares its hashes with an uninterrupted run. Exit status 1 if an order was"
          + " lost or a hash differs."
    })
public final class ChaosCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--minutes",
      description = "how long to run (default ${DEFAULT-VALUE}; fractions allowed)",
      defaultValue = "30")
  double minutes;

  @Option(
      names = "--seed",
      description = "seeds the schedule and the games (default ${DEFAULT-VALUE})",
      defaultValue = "1")
  long seed;

  @Option(
      names = "--games",
      description = "games at once (default ${DEFAULT-VALUE})",
      defaultValue = "4")
  int games;

  @Option(
      names = "--scenarios",
      split = ",",
      description = "the scenarios played in turn (default ${DEFAULT-VALUE})",
      defaultValue = "europe-1914,tutorial")
  List<String> scenarios;

  @Option(
      names = "--data",
      description =
          "the server's data folder (default: a new folder in --fill-dir, else in the temporary"
              + " folder)")
  Path data;

  @Option(
      names = "--fill-dir",
      description =
          "a folder on a small file system (a tmpfs, say) that also holds the data folder: its"
              + " disk is filled until full and freed again; without it the disk is not filled")
  Path fillDir;

  @Option(
      names = "--port",
      description = "the server's port (default: a free one)",
      defaultValue = "0")
  int port;

  @Option(
      names = "--deadline-seconds",
      description = "each turn's deadline (default ${DEFAULT-VALUE})",
      defaultValue = "120")
  int deadlineSeconds;

  @Option(
      names = "--think-millis",
      description =
          "each bot waits up to this long (at random) before deciding a turn (default"
              + " ${DEFAULT-VALUE}: at once)",
      defaultValue = "0")
  int thinkMillis;

  @Option(
      names = "--gap-seconds",
      split = "-",
      description =
          "the time between two events, drawn between MIN and MAX (default ${DEFAULT-VALUE})",
      defaultValue = "5-25")
  int[] gapSeconds;

  @Option(names = "--every-game", description = "print a line per game with its final hashes")
  boolean everyGame;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Chaos.Settings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException e) {
      err.println("bad configuration: " + e.getMessage());
      return 2;
    }
    Path log = Files.createTempFile("entente-chaos-serve-", ".log");
    ChaosReport report = new Chaos(settings, out).run(log);
    report.print(out, everyGame);
    return report.passed() ? 0 : 1;
  }

  private Chaos.Settings settings() throws IOException {
    if (minutes <= 0 || games < 1 || deadlineSeconds < 1 || thinkMillis < 0) {
      throw new IllegalArgumentException(
          "--minutes, --games and --deadline-seconds must be positive");
    }
    if (gapSeconds.length != 2 || gapSeconds[0] < 1 || gapSeconds[1] < gapSeconds[0]) {
      throw new IllegalArgumentException("--gap-seconds MIN-MAX, with 1 <= MIN <= MAX");
    }
    List<Simulation.Setup> setups = new ArrayList<>();
    for (String s : scenarios) {
      setups.add(Simulation.prepare(s, Map.of(), null));
    }
    Path folder = data;
    if (folder == null) {
      folder =
          fillDir != null
              ? Files.createTempDirectory(fillDir, "entente-chaos-data-")
              : Files.createTempDirectory("entente-chaos-data-");
    }
    Files.createDirectories(folder);
    if (fillDir != null && !Files.getFileStore(fillDir).equals(Files.getFileStore(folder))) {
      throw new IllegalArgumentException(
          "--fill-dir " + fillDir + " is not on the file system of the data folder " + folder);
    }
    return new Chaos.Settings(
        Duration.ofMillis((long) (minutes * 60_000)),
        seed,
        games,
        folder,
        port != 0 ? port : freePort(),
        fillDir,
        deadlineSeconds,
        thinkMillis,
        gapSeconds[0],
        gapSeconds[1],
        List.copyOf(setups));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
