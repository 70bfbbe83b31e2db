package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.entente.server.net.StaticFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The protocol conformance suite ({@code client/examples/conformance/conformance.mjs}) against the
 * real server, run with Node.js as a user runs it: its server checks, then a whole game played by
 * each example bot (the JavaScript one over WebSocket JSON, the Python one over raw TCP), then each
 * bot on a seat conquered in a middle-east-1955 game.
 */
class ConformanceSuiteTest {
  static final Path EXAMPLES = Path.of("../client/examples").toAbsolutePath().normalize();
  static final Path SUITE = EXAMPLES.resolve("conformance/conformance.mjs");

  Lobby lobby;
  NetServer server;

  @BeforeEach
  void start() {
    ServerConfig config = Loopback.config();
    lobby = new Lobby(config, GameClock.system());
    server = new NetServer(config, lobby, StaticFiles.none());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    lobby.shutdown();
  }

  @Test
  void theJavaScriptBotPassesTheSuite() throws Exception {
    String bot = "node " + EXAMPLES.resolve("javascript/entente_bot.mjs");
    String output =
        run(
            List.of(
                "--bot",
                bot + " --server {ws} --game {game} --state {state} --secret {secret}",
                "--bot-token",
                bot + " --server {ws} --token {token}"),
            null);
    assertThat(output)
        .contains("ok   turn 8: the bot's orders stood")
        .contains("ok   the bot on a conquered seat exits 0 at the end of the game");
  }

  @Test
  void thePythonBotPassesTheSuite() throws Exception {
    PythonBotTest.checkPrerequisites();
    String bot = PythonBotTest.PYTHON + " " + EXAMPLES.resolve("python/entente_bot.py");
    String output =
        run(
            List.of(
                "--bot",
                bot + " --server {tcp} --game {game} --state {state} --secret {secret}",
                "--bot-token",
                bot + " --server {tcp} --token {token}"),
            PythonBotTest.MODULES.toAbsolutePath().toString());
    assertThat(output)
        .contains("ok   turn 8: the bot's orders stood")
        .contains("ok   the bot on a conquered seat exits 0 at the end of the game");
  }

  @Test
  void aBotThatNeverOrdersFailsTheSuite() throws Exception {
    // the suite must be able to fail: a "bot" that exits at once leaves the game at turn 1
    ProcessResult r = start(List.of("--bot", "true"), null);
    assertThat(r.exit).as(r.output).isEqualTo(1);
    assertThat(r.output)
        .contains("FAIL every turn is adjudicated")
        .contains("ok   join_seat without a secret gets SECRET_REQUIRED");
  }

  record ProcessResult(int exit, String output) {}

  private String run(List<String> extra, String pythonPath) throws Exception {
    ProcessResult r = start(extra, pythonPath);
    assertThat(r.exit).as(r.output).isZero();
    assertThat(r.output).as(r.output).contains("conformance: every check passed");
    return r.output;
  }

  private ProcessResult start(List<String> extra, String pythonPath) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "node",
                SUITE.toString(),
                "--server",
                "ws://127.0.0.1:" + server.port() + "/ws",
                "--timeout",
                "120"));
    command.addAll(extra);
    Path log = Files.createTempFile("conformance", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(EXAMPLES.resolve("conformance").toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    if (pythonPath != null) {
      pb.environment().put("PYTHONPATH", pythonPath);
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new AssertionError(
          "node is not installed or not on the PATH (Debian: apt-get install nodejs): "
              + e.getMessage(),
          e);
    }
    try {
      assertThat(p.waitFor(400, TimeUnit.SECONDS))
          .as("the suite finished in time:%n%s", Files.readString(log))
          .isTrue();
    } finally {
      p.destroyForcibly();
    }
    String output = Files.readString(log);
    Files.deleteIfExists(log);
    return new ProcessResult(p.exitValue(), output);
  }
}
