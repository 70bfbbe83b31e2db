package org.entente.server.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entente diff}: how two games of one lineage differ. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Compare two journaled games of one lineage from the turn they diverge: per turn the"
            + " stances and actions, events and alliances that differ; at the end the scores and"
            + " power, alliances, wars and conquests. GAME_A and GAME_B may be journal files in"
            + " different directories.")
public final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GAME_A", description = "a journal file, or a game id")
  String gameA;

  @Parameters(index = "1", paramLabel = "GAME_B", description = "a journal file, or a game id")
  String gameB;

  @Mixin DataOption data;

  @Option(
      names = "--data-b",
      paramLabel = "DIR",
      description =
          "where GAME_B's id is looked up when it is kept in another data directory than GAME_A"
              + " (default: --data); a journal file's path needs neither")
  java.nio.file.Path dataB;

  @Option(
      names = "--format",
      paramLabel = "text|html",
      description =
          "text (default), or html: one page with power and score over time in each game side by"
              + " side, then the differences")
  String format = "text";

  @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (default: stdout)")
  java.nio.file.Path outFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Replayer a;
    Replayer b;
    try {
      a = data.open(gameA);
      b = GameSource.open(gameB, dataB != null ? dataB : data.data);
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
      d = Diff.of(a, b);
    } catch (Diff.Unrelated e) {
      err.println(e.getMessage());
      err.flush();
      return 2;
    }
    if (!format.equals("text") && !format.equals("html")) {
      err.println("--format: unknown format '" + format + "'; choose text or html");
      err.flush();
      return 2;
    }
    java.io.StringWriter text = new java.io.StringWriter();
    PrintWriter tw = new PrintWriter(text);
    d.print(tw);
    tw.flush();
    String body =
        format.equals("html")
            ? org.entente.server.debrief.DiffPage.render(text.toString(), a.history(), b.history())
            : text.toString();
    if (outFile == null) {
      out.print(body);
      out.flush();
      return 0;
    }
    try {
      java.nio.file.Path parent = outFile.toAbsolutePath().getParent();
      if (parent != null) {
        java.nio.file.Files.createDirectories(parent);
      }
      java.nio.file.Files.writeString(outFile, body, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("cannot write " + outFile + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    out.println("diff written to " + outFile);
    out.flush();
    return 0;
  }
}
