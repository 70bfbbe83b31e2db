package org.entente.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entente.server.engine.Games;
import org.entente.server.engine.World;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.journal.JournalingSimulation;
import org.entente.server.journal.ScenarioBytes;
import org.entente.server.sim.ReportJson;
import org.entente.server.sim.Simulation;
import org.entente.server.sim.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente simulate}: plays a whole game headless and prints what happened. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Play a whole game with bots and print a per-turn summary and the debrief.")
final class SimulateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scenario",
      required = true,
      paramLabel = "ID|FILE",
      description = "a built-in scenario id or a scenario file")
  String scenario;

  @Option(names = "--seed", required = true, description = "the game seed")
  long seed;

  @Option(
      names = "--bots",
      split = ",",
      paramLabel = "SEAT=STRATEGY",
      description =
          "strategies per seat (default: the scenario's, else "
              + Simulation.FALLBACK_STRATEGY
              + ")")
  Map<String, String> bots = Map.of();

  @Option(
      names = "--turns",
      paramLabel = "N",
      description = "stop after N turns (default: the scenario's length)")
  Integer turns;

  @Option(names = "--json", paramLabel = "FILE", description = "write every turn report to FILE")
  Path json;

  @Option(names = "--quiet", description = "print only the debrief")
  boolean quiet;

  @Option(
      names = "--journal",
      paramLabel = "DIR",
      description = "also write the game's journal to DIR/<game id>.journal")
  Path journal;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Simulation.Setup setup;
    try {
      setup = Simulation.prepare(scenario, bots, turns);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    World world = setup.world();
    Map<String, String> strategies = setup.strategies();
    int maxTurns = turns == null ? world.turns() : turns;
    Games.Played played;
    String journalNote = null;
    if (journal == null) {
      played = Simulation.run(world, seed, strategies, maxTurns);
    } else {
      DirectoryJournalStore store = new DirectoryJournalStore(journal);
      String gameId =
          ("sim-" + world.id() + "-" + seed + "-" + System.currentTimeMillis())
              .replaceAll("[^A-Za-z0-9_.-]", "_");
      try {
        played =
            JournalingSimulation.run(
                store, gameId, ScenarioBytes.resolve(scenario), world, seed, strategies, maxTurns);
      } catch (java.io.IOException e) {
        err.println("cannot write the journal in " + journal + ": " + e);
        return 1;
      }
      journalNote = "journal written to " + store.path(gameId);
    }
    Summary summary = new Summary(world, strategies, seed);
    if (!quiet) {
      summary.header(out);
      summary.turns(out, played);
    }
    summary.debrief(out, played.last());
    if (json != null) {
      ReportJson.write(json, world, seed, strategies, played);
      out.println("turn reports written to " + json);
    }
    if (journalNote != null) {
      out.println(journalNote);
    }
    out.flush();
    return 0;
  }
}
