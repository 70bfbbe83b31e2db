package org.entente.client.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.entente.client.bots.Strategies;
import org.entente.client.bots.StrategyInfo;
import org.entente.client.bots.ViewPart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code entente strategies [NAME...]}: lists the built-in strategies, each with a one-line
 * description, whether it remembers earlier turns, and the parts of the player's view it reads.
 * Exits 2 naming the unknown strategy and the known ones when asked for a name that is not built
 * in.
 */
@Command(
    name = "strategies",
    mixinStandardHelpOptions = true,
    description = {
      "List the built-in bot strategies: what each does and which parts of its view it reads.",
      "The theory behind each is in docs/strategies.md."
    })
public class StrategiesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "only these strategies")
  List<String> only = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<StrategyInfo> shown = new ArrayList<>();
    try {
      if (only.isEmpty()) {
        shown.addAll(Strategies.all());
      } else {
        for (String name : only) {
          shown.add(Strategies.info(name));
        }
      }
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("strategies: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return BotCommand.USAGE;
    }
    int width = shown.stream().mapToInt(i -> i.name().length()).max().orElse(4);
    for (StrategyInfo info : shown) {
      String pad = " ".repeat(width - info.name().length() + 2);
      out.println(info.name() + pad + info.summary());
      String indent = " ".repeat(width + 2);
      out.println(
          indent
              + (info.adaptive() ? "adaptive (remembers earlier turns); " : "")
              + "reads: "
              + info.reads().stream().map(ViewPart::label).collect(Collectors.joining(", ")));
    }
    out.flush();
    return 0;
  }
}
