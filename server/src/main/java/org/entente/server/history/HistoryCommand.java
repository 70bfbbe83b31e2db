package org.entente.server.history;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente history}: the history check of RULES.md section 10. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Play every historical scenario over many seeds with its own bots, with every seat",
      "power-balancer and with every seat random, and compare the game's alliance and bloc pairs",
      "year by year with the alliance data (ATOP 5.1, COW 4.1; multilateral artefacts removed):",
      "precision, recall and Cohen's kappa. Same command, same output."
    })
public final class HistoryCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scenario",
      split = ",",
      paramLabel = "ID",
      description = "historical scenarios to check (default: every built-in one with ccodes)")
  List<String> scenarios = List.of();

  @Option(
      names = "--seeds",
      paramLabel = "N",
      description = "seeds 1 to N per scenario and line-up (default: ${DEFAULT-VALUE})")
  int seeds = 21;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "games played at once (default: ${DEFAULT-VALUE}); the output does not change")
  int threads = 2;

  @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON")
  Path json;

  @Option(names = "--csv", paramLabel = "FILE", description = "also write the figures as CSV")
  Path csv;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (seeds < 1 || threads < 1) {
      err.println("--seeds and --threads must be at least 1");
      return 2;
    }
    List<HistoricalScenario> chosen = new ArrayList<>();
    try {
      for (String id : scenarios.isEmpty() ? HistoricalScenario.ids() : scenarios) {
        chosen.add(HistoricalScenario.load(id));
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    if (chosen.isEmpty()) {
      err.println("no historical scenario: no built-in scenario's states carry a ccode");
      return 2;
    }
    List<Long> seedList = new ArrayList<>();
    for (long s = 1; s <= seeds; s++) {
      seedList.add(s);
    }
    HistoryReport report = new HistoryReport(HistoryCheck.run(chosen, seedList, threads));
    report.text(out);
    try {
      if (json != null) {
        report.json(json);
        out.println("figures written to " + json);
      }
      if (csv != null) {
        report.csv(csv);
        out.println("figures written to " + csv);
      }
    } catch (IOException e) {
      err.println("cannot write the figures: " + e.getMessage());
      return 1;
    }
    out.flush();
    return 0;
  }
}
