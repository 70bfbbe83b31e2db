package org.entente.server.tournament;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.client.bots.Strategies;
import org.entente.client.net.HostPort;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente tournament}: many seeded games with rotated seats, and the standings. */
@Command(
    name = "tournament",
    mixinStandardHelpOptions = true,
    description = {
      "Play every entrant in every seat of every scenario equally often, headless on every core,",
      "and print the standings (mean score with 95% CI, survival, win rate, Plackett-Luce rating,",
      "pairwise Welch tests with Holm's correction). Same seed, same standings, whatever --threads."
    })
public final class TournamentCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scenarios",
      required = true,
      split = ",",
      paramLabel = "ID|FILE",
      description = "scenarios (built-in ids or files), or 'all' for every built-in one")
  List<String> scenarios;

  @Option(
      names = "--strategies",
      split = ",",
      paramLabel = "NAME",
      description =
          "built-in strategies, or 'all'; NAME#2 enters a strategy a second time under its own name")
  List<String> strategies = List.of();

  @Option(
      names = "--remote",
      split = ",",
      paramLabel = "NAME",
      description = "remote entrants registered on --server (see docs/protocol.md)")
  List<String> remote = List.of();

  @Option(
      names = "--server",
      paramLabel = "HOST:PORT",
      description = "the server remote entrants are registered on")
  String server;

  @Option(
      names = "--remote-parallel",
      paramLabel = "N",
      description = "remote games played at once (default: ${DEFAULT-VALUE})")
  int remoteParallel = 1;

  @Option(
      names = "--remote-deadline",
      paramLabel = "SECONDS",
      description = "turn deadline of remote games (default: ${DEFAULT-VALUE})")
  int remoteDeadline = 30;

  @Option(
      names = "--games",
      required = true,
      paramLabel = "N",
      description = "games per scenario: a multiple of the number of entrants")
  int games;

  @Option(names = "--seed", required = true, description = "the tournament seed")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "worker threads (default: the number of cores)")
  Integer threads;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "write standings.txt, .csv and .json, pairwise.csv, games.csv, head_to_head.csv and"
              + " report.html to DIR")
  Path out;

  @Option(
      names = "--journal",
      paramLabel = "DIR",
      description = "write every in-process game's journal to DIR (slower)")
  Path journal;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      description = "auto (a bar on a terminal, else lines), bar, lines or none (default: auto)")
  Progress.Mode progress = Progress.Mode.AUTO;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Tournament tournament;
    try {
      tournament = build();
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.flush();
      return 2;
    }
    Schedule schedule = tournament.schedule();
    int t = tournament.threads();
    err.println(
        "tournament: "
            + schedule.games()
            + " games ("
            + schedule.arenas().size()
            + " scenarios x "
            + schedule.gamesPerScenario()
            + "), "
            + schedule.entrants().size()
            + " entrants, "
            + t
            + (t == 1 ? " thread" : " threads"));
    err.flush();
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    List<GameResult> results;
    try (Progress p = new Progress(err, tournament::done, schedule.games(), progress)) {
      results = tournament.run();
    } catch (Tournament.TournamentException e) {
      err.println(e.getMessage());
      err.flush();
      return 1;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    Standings standings = Standings.of(schedule, results);
    String text = StandingsWriter.text(standings);
    stdout.print(text);
    stdout.flush();
    if (out != null) {
      StandingsWriter.writeAll(
          standings, out, journal == null ? null : g -> tournament.journalId(g) + ".journal");
      err.println(
          "standings written to "
              + out.resolve("standings.txt")
              + " (and .csv, .json; games.csv, head_to_head.csv and report.html beside them)");
    }
    if (journal != null) {
      err.println("journals written to " + journal);
    }
    err.println(
        String.format(
            java.util.Locale.ROOT,
            "%d games in %.2f s: %.0f games/s on %d threads (%.2f s of CPU: %.0f games per"
                + " CPU-second)",
            schedule.games(),
            seconds,
            schedule.games() / seconds,
            t,
            cpuSeconds,
            schedule.games() / cpuSeconds));
    err.flush();
    return 0;
  }

  // The CPU time of the whole process (every thread), or 0 where the JVM cannot tell.
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return Math.max(0, ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime());
    }
    return 0;
  }

  /** Checks every option and builds the tournament; throws with a message naming the option. */
  Tournament build() {
    if (threads != null && threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
    }
    List<String> builtins =
        strategies.size() == 1 && strategies.get(0).equals("all") ? Strategies.names() : strategies;
    List<Entrant> entrants = Entrant.parse(builtins, remote);
    List<String> ids =
        scenarios.size() == 1 && scenarios.get(0).equals("all")
            ? ScenarioLoader.builtinIds()
            : scenarios;
    RemoteGames remoteGames = null;
    if (!remote.isEmpty()) {
      if (server == null) {
        throw new IllegalArgumentException("--remote needs --server HOST:PORT");
      }
      if (journal != null) {
        throw new IllegalArgumentException(
            "--journal is for in-process games; remote games are journaled by their server");
      }
      for (String id : ids) {
        if (!ScenarioLoader.builtinIds().contains(id)) {
          throw new IllegalArgumentException(
              "--scenarios: remote games are created on the server from built-in scenarios only; '"
                  + id
                  + "' is not one of "
                  + ScenarioLoader.builtinIds());
        }
      }
      remoteGames = new RemoteGames(parseServer(server), remoteParallel, remoteDeadline);
    } else if (server != null) {
      throw new IllegalArgumentException("--server is only used with --remote NAME");
    }
    List<Arena> arenas = new ArrayList<>();
    for (String id : ids) {
      arenas.add(Arena.load(id, journal != null));
    }
    Schedule schedule = new Schedule(arenas, entrants, games, seed);
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    return new Tournament(
        schedule, t, journal == null ? null : new DirectoryJournalStore(journal), remoteGames);
  }

  private static HostPort parseServer(String text) {
    try {
      return HostPort.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--server: " + e.getMessage(), e);
    }
  }
}
