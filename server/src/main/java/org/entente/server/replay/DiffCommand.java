package org.entente.server.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entente diff}: how two games of one lineage differ. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Compare two journaled games of one lineage from the turn they diverge: stances, scores,"
            + " alliances, wars and conquests.")
public final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GAME_A", description = "a journal file, or a game id")
  String gameA;

  @Parameters(index = "1", paramLabel = "GAME_B", description = "a journal file, or a game id")
  String gameB;

  @Mixin DataOption data;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Replayer a;
    Replayer b;
    try {
      a = data.open(gameA);
      b = data.open(gameB);
    } catch (GameSource.NoSuchGame e) {
      err.println(e.getMessage());
      err.flush();
      return 2;
    } catch (IOException e) {
      err.println("cannot replay: " + e.getMessage());
      err.flush();
      return 2;
    }
    Diff d;
    try {
      d = Diff.of(a.history(), a.lineage(), b.history(), b.lineage());
    } catch (Diff.Unrelated e) {
      err.println(e.getMessage());
      err.flush();
      return 2;
    }
    d.print(out);
    return 0;
  }
}
