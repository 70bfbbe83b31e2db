package org.entente.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.server.engine.World;
import org.entente.server.scenario.ScenarioException;
import org.entente.server.scenario.ScenarioLoader;
import org.entente.server.scenario.ScenarioProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entente scenarios list|validate}. */
@Command(
    name = "scenarios",
    mixinStandardHelpOptions = true,
    description = "List the built-in scenarios or validate scenario files.",
    subcommands = {ScenariosCommand.ListCommand.class, ScenariosCommand.ValidateCommand.class})
final class ScenariosCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the built-in scenarios.")
  static final class ListCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws ScenarioException {
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%-22s %6s %6s  %-28s %s%n", "ID", "STATES", "TURNS", "FROM - TO", "NAME");
      for (String id : ScenarioLoader.builtinIds()) {
        World w = ScenarioLoader.builtin(id).world();
        String span = w.label(1) + " - " + w.label(w.turns());
        out.printf("%-22s %6d %6d  %-28s %s%n", id, w.size(), w.turns(), span, w.name());
      }
      return 0;
    }
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = "Check scenario files; prints every problem with its JSON path. Exit 1 if any.")
  static final class ValidateCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "scenario files to check")
    List<Path> files;

    @Override
    public Integer call() {
      int bad = 0;
      for (Path f : files) {
        try {
          World w = ScenarioLoader.file(f).world();
          spec.commandLine()
              .getOut()
              .printf("%s: ok (%s, %d states, %d turns)%n", f, w.id(), w.size(), w.turns());
        } catch (ScenarioException e) {
          bad++;
          PrintWriter err = spec.commandLine().getErr();
          err.printf("%s: %d problem(s)%n", f, e.problems().size());
          for (ScenarioProblem p : e.problems()) {
            err.printf("  %s: %s%n", p.path(), p.message());
          }
        }
      }
      return bad == 0 ? 0 : 1;
    }
  }
}
