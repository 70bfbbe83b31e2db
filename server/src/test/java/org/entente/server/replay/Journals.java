package org.entente.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.entente.server.cli.Entente;
import picocli.CommandLine;

/** Test helpers: real journals written by {@code entente simulate --journal}, and the CLI. */
final class Journals {
  private Journals() {}

  /** The output of one command run. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Entente.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Simulates {@code scenario} (seed 42, default strategies) journaling into {@code dir}. */
  static Path simulate(Path dir, String scenario) throws IOException {
    Path sub = dir.resolve(scenario);
    Run r =
        run(
            "simulate",
            "--scenario",
            scenario,
            "--seed",
            "42",
            "--quiet",
            "--journal",
            sub.toString());
    assertThat(r.code()).as(r.err()).isZero();
    try (Stream<Path> files = Files.list(sub)) {
      List<Path> all = files.filter(p -> p.toString().endsWith(".journal")).toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }
}
