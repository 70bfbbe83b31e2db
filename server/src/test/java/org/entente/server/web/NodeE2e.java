package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the Node.js scripts of {@code server/src/test/e2e} (playwright-core driving Debian's
 * Chromium): installs the locked playwright-core with {@code npm ci} when missing, and runs a
 * command there with a time limit, returning its exit code and output. When Node.js, npm or
 * Chromium is missing, the caller's assertion fails and says which.
 */
final class NodeE2e {
  static final Path REPO = Path.of(System.getProperty("entente.repo", "..")).normalize();
  static final Path E2E = REPO.resolve("server/src/test/e2e");
  static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

  private NodeE2e() {}

  record Result(int exit, String output) {}

  /** Fails unless Chromium is where the scripts will look for it. */
  static void requireChromium() {
    assertThat(Path.of(CHROMIUM))
        .as(
            "Chromium is needed at %s (Debian: apt-get install chromium; or set CHROMIUM)",
            CHROMIUM)
        .exists();
  }

  /** Runs {@code npm ci} in the e2e folder unless the locked playwright-core is installed. */
  static void installPlaywright() throws Exception {
    String lock = Files.readString(E2E.resolve("package-lock.json"));
    Matcher locked =
        Pattern.compile("\"node_modules/playwright-core\":\\s*\\{\\s*\"version\":\\s*\"([^\"]+)\"")
            .matcher(lock);
    assertThat(locked.find()).as("package-lock.json pins playwright-core").isTrue();
    Path installed = E2E.resolve("node_modules/playwright-core/package.json");
    if (Files.exists(installed)
        && Files.readString(installed).contains("\"version\": \"" + locked.group(1) + "\"")) {
      return;
    }
    Result r = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
    assertThat(r.exit()).as("npm ci in %s failed:%n%s", E2E, r.output()).isZero();
  }

  /**
   * Runs {@code command} in the e2e folder like {@link #run}, and for every line it prints that
   * {@code onLine} answers (non-null), writes the answer and a newline to its standard input.
   */
  static Result runInteractive(
      List<String> command, int seconds, java.util.function.Function<String, String> onLine)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
    pb.directory(E2E.toFile()).redirectErrorStream(true);
    pb.environment().put("CHROMIUM", CHROMIUM);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new AssertionError(
          command.get(0) + " is not installed or not on the PATH: " + e.getMessage(), e);
    }
    StringBuffer out = new StringBuffer();
    Thread pump =
        new Thread(
            () -> {
              try (var in =
                      new java.io.BufferedReader(
                          new java.io.InputStreamReader(
                              p.getInputStream(), StandardCharsets.UTF_8));
                  var stdin = p.getOutputStream()) {
                String line;
                while ((line = in.readLine()) != null) {
                  out.append(line).append('\n');
                  String answer = onLine.apply(line);
                  if (answer != null) {
                    stdin.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
                    stdin.flush();
                  }
                }
              } catch (IOException ignored) {
                // the process ended; what was read is kept
              }
            });
    pump.setDaemon(true);
    pump.start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      pump.join(5000);
      throw new AssertionError("timed out after " + seconds + " s; output so far:\n" + out);
    }
    pump.join(10_000);
    return new Result(p.exitValue(), out.toString());
  }

  /** Runs {@code command} in the e2e folder, killing it after {@code seconds}. */
  static Result run(List<String> command, int seconds) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
    pb.directory(E2E.toFile()).redirectErrorStream(true);
    pb.environment().put("CHROMIUM", CHROMIUM);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new AssertionError(
          command.get(0)
              + " is not installed or not on the PATH (Debian: apt-get install nodejs npm): "
              + e.getMessage(),
          e);
    }
    var buffer = new java.io.ByteArrayOutputStream();
    Thread pump =
        new Thread(
            () -> {
              try (var in = p.getInputStream()) {
                in.transferTo(buffer);
              } catch (IOException ignored) {
                // the process ended; what was read is kept
              }
            });
    pump.setDaemon(true);
    pump.start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      pump.join(5000);
      throw new AssertionError(
          "timed out after "
              + seconds
              + " s; output so far:\n"
              + buffer.toString(StandardCharsets.UTF_8));
    }
    pump.join(10_000);
    return new Result(p.exitValue(), buffer.toString(StandardCharsets.UTF_8));
  }
}
