package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.server.cli.Entente;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code entente chaos} run briefly: a real {@code entente serve} process playing games of remote
 * bots is killed with SIGKILL and restarted at least twice and sent a burst of garbage; no order it
 * acknowledged may be missing from the journals and every journaled turn must have the hash of an
 * uninterrupted run. The 30-minute run is done by hand (RELIABILITY.md).
 */
class ChaosTest {
  /** A folder on a small file system (a tmpfs the operator mounted) for the disk-fill run. */
  static final String FILL_DIR = "ENTENTE_CHAOS_FILL_DIR";

  @TempDir Path data;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void killsAndGarbageLoseNoAcknowledgedOrderAndChangeNoHash() {
    String out = chaos("--data", data.toString());
    assertThat(figure(out, "server restarts \\(SIGKILL\\)")).as(out).isGreaterThanOrEqualTo(2);
    assertThat(figure(out, "garbage sent / rejected")).as(out).isPositive();
    assertThat(figure(out, "orders acknowledged")).as(out).isPositive();
    assertThat(figure(out, "turns verified")).as(out).isPositive();
  }

  /**
   * The same with the disk filled and freed. Filling a disk needs a small file system to fill,
   * which an unprivileged build cannot mount: the test runs only when {@value #FILL_DIR} names a
   * folder on one (as root: {@code mount -t tmpfs -o size=64m tmpfs /mnt/chaos}).
   */
  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void aFullDiskRefusesOrdersButLosesNone() throws Exception {
    String dir = System.getenv(FILL_DIR);
    assumeTrue(
        dir != null && !dir.isBlank(),
        FILL_DIR + " names no folder on a small file system (a tmpfs) to fill; not run");
    Path fill = Files.createTempDirectory(Path.of(dir), "chaos-test-");
    String out =
        chaos(
            "--fill-dir",
            fill.toString(),
            "--data",
            fill.resolve("data").toString(),
            "--seed",
            "5");
    assertThat(figure(out, "disk fills")).as(out).isPositive();
    assertThat(figure(out, "orders refused, disk full")).as(out).isPositive();
  }

  /** Runs {@code entente chaos} for 45 s; it must pass (exit status 0: nothing lost or changed). */
  private static String chaos(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("chaos", "--minutes", "0.75", "--gap-seconds", "2-5", "--games", "3"));
    args.addAll(List.of(options));
    StringWriter text = new StringWriter();
    CommandLine cli = Entente.commandLine();
    cli.setOut(new PrintWriter(text, true));
    cli.setErr(new PrintWriter(text, true));
    int status = cli.execute(args.toArray(String[]::new));
    String out = text.toString();
    System.out.print(out);
    assertThat(status).as("entente chaos failed:%n%s", out).isZero();
    assertThat(figure(out, "orders lost")).as(out).isZero();
    assertThat(figure(out, "hash mismatches")).as(out).isZero();
    return out;
  }

  /** The first number on the report's line starting with {@code label}. */
  private static long figure(String out, String label) {
    Matcher m = Pattern.compile("(?m)^" + label + "\\s+(\\d+)").matcher(out);
    assertThat(m.find()).as("a line %s in:%n%s", label, out).isTrue();
    return Long.parseLong(m.group(1));
  }
}
