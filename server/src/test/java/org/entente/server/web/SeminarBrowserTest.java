package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.net.ClasspathStaticFiles;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seminar web client in a real headless Chromium against the real server on a loopback port:
 * runs {@code src/test/e2e/seminar.mjs} (playwright-core, installed with {@code npm ci} when
 * missing) and checks that every step of the seminar held. The screenshots go to {@code
 * server/target/screenshots}, or to the folder named by {@code -Dentente.screenshots} (the
 * committed ones in {@code docs/screenshots} are made with {@code
 * -Dentente.screenshots=docs/screenshots}, relative to the repository). Node.js, npm and Chromium
 * must be installed ({@code .ci/run} installs them on Debian); when one is missing the test fails
 * and says which.
 */
class SeminarBrowserTest {
  private static final Path REPO = Path.of(System.getProperty("entente.repo", "..")).normalize();
  private static final Path E2E = REPO.resolve("server/src/test/e2e");
  private static final String CHROMIUM =
      System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

  @TempDir Path data;
  Lobby lobby;
  NetServer server;

  @BeforeEach
  void start() {
    ServerConfig config = Loopback.config(data, ServerConfig.defaults().maxMessagesPerSecond());
    lobby = new Lobby(config, GameClock.system(), new DirectoryJournalStore(data));
    server =
        new NetServer(
            config,
            lobby,
            new ClasspathStaticFiles(SeminarBrowserTest.class.getClassLoader(), "web/"),
            Map.of("/debrief/", lobby.debriefRoute(), "/handout/", lobby.handoutRoute()));
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    lobby.shutdown();
  }

  @Test
  void aSeminarRunsInTheBrowserAndNoSeatSeesAnotherSeatsSecrets() throws Exception {
    assertThat(Path.of(CHROMIUM))
        .as(
            "Chromium is needed at %s (Debian: apt-get install chromium; or set CHROMIUM)",
            CHROMIUM)
        .exists();
    installPlaywright();
    Path shots =
        REPO.resolve(System.getProperty("entente.screenshots", "server/target/screenshots"));
    Result r =
        run(
            List.of(
                "node",
                E2E.resolve("seminar.mjs").toString(),
                "http://127.0.0.1:" + server.port(),
                shots.toString()),
            180);
    assertThat(r.exit()).as("seminar.mjs failed:%n%s", r.output()).isZero();
    assertThat(r.output())
        .contains("ok - the order form was filled and sent with the keyboard alone")
        .contains("ok - a double click on \"Create the game\" made one game (1)")
        .contains("ok - the handout has a QR code for each seat card and the observers")
        .contains("ok - a student with another seat's secret is refused the seat")
        .contains("ok - messages go to everyone unless the student picks a recipient")
        .contains("ok - the instructor wrote to LEN privately")
        .contains("ok - OST never receives the instructor's private note to another seat")
        .contains("ok - LEN never receives the join secrets or the roster")
        .contains(
            "ok - an observer from the watch link sees the game without an order or message form")
        .contains("ok - the lobby says in a line what each seat's bot does")
        .contains("ok - the seat page (desktop) shows no raw float or exponent")
        .contains("ok - the seat page (phone) shows no raw float or exponent")
        .contains("ok - the instructor console shows no raw float or exponent")
        .contains("ok - the replay shows no raw float or exponent")
        .contains("ok - the comparison shows no raw float or exponent")
        .contains("ok - LEN never receives a private message not meant for it")
        .contains("ok - OST never receives the other seat's private briefing")
        .contains("ok - the seat page fits a phone's width")
        .contains("ok - the offensive flag is explained beside its box")
        .contains("ok - the seat lists the alliance with its target and kind")
        .contains("ok - at the start of turn 2 the replay lists the alliance against Kador")
        .contains("ok - the console lists the alliance with its target")
        .contains("requests went to the server itself (elsewhere: none)")
        .contains("ok - the Content-Security-Policy blocked nothing")
        .contains("ok - what-if branch: What-if game")
        .contains("ok - compare two games: ")
        .contains("E2E OK");
    for (String png :
        List.of(
            "web-seat.png",
            "web-seat-phone.png",
            "web-instructor.png",
            "web-replay.png",
            "web-compare.png")) {
      assertThat(shots.resolve(png)).exists();
      assertThat(Files.size(shots.resolve(png))).as(png).isGreaterThan(10_000);
    }
  }

  /** Runs {@code npm ci} in the e2e folder unless the locked playwright-core is installed. */
  private static void installPlaywright() throws Exception {
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

  record Result(int exit, String output) {}

  private static Result run(List<String> command, int seconds) throws Exception {
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
    byte[] out;
    try (var in = p.getInputStream()) {
      out = readAll(in, p, seconds);
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static byte[] readAll(java.io.InputStream in, Process p, int seconds) throws Exception {
    var buffer = new java.io.ByteArrayOutputStream();
    Thread pump =
        new Thread(
            () -> {
              try {
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
    return buffer.toByteArray();
  }
}
