package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.entente.client.net.EntenteClient;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.TurnResolved;
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
 * The Python example bot ({@code client/examples/python}) plays a seat of a whole tutorial game
 * against the real server over raw TCP, with the Python modules the build generates from the
 * published {@code .proto} files and Debian's python3-protobuf.
 */
class PythonBotTest {
  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final Path BOT = Path.of("../client/examples/python/entente_bot.py");
  static final Path MODULES = Path.of("../proto/target/generated-sources/python");
  static final String SEAT = "KAD";

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

  static void checkPrerequisites() throws Exception {
    assertThat(PYTHON).as("%s is needed to run the Python example bot", PYTHON).exists();
    Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import google.protobuf").start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0)
        .as(
            "python3-protobuf is missing for %s (%s); install it with:"
                + " apt-get install -y python3-protobuf",
            PYTHON, err.strip())
        .isTrue();
    assertThat(MODULES.resolve("entente/v1/protocol_pb2.py"))
        .as(
            "the generated Python modules are missing; build them with:"
                + " mvn -B -pl proto generate-sources")
        .exists();
  }

  @Test
  void thePythonBotPlaysAWholeTutorialGameAndEveryTurnItsOrdersAreAccepted() throws Exception {
    checkPrerequisites();
    EntenteClient instructor =
        EntenteClient.connect("127.0.0.1", server.port()).get(10, TimeUnit.SECONDS);
    List<TurnResolved> resolved = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> ended = new CompletableFuture<>();
    instructor.onPush(
        m -> {
          if (m.hasTurnResolved()) {
            resolved.add(m.getTurnResolved());
          } else if (m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.GAME_ENDED) {
            ended.complete(null);
          }
        });
    GameCreated game =
        instructor
            .createGame(
                CreateGame.newBuilder()
                    .setScenario("tutorial")
                    .setSeed(3)
                    .putAllBots(Map.of("LEN", "threat-balancer", "OST", "opportunist"))
                    .build())
            .get(10, TimeUnit.SECONDS);
    String token =
        instructor
            .join(game.getGameId(), SEAT, "python", EntenteClient.secret(game, SEAT))
            .get(10, TimeUnit.SECONDS)
            .getToken();

    Path log = Files.createTempFile("python-bot", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
                PYTHON.toString(),
                BOT.toString(),
                "--server",
                "127.0.0.1:" + server.port(),
                "--token",
                token)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("PYTHONPATH", MODULES.toAbsolutePath().toString());
    Process bot = pb.start();
    try {
      assertThat(bot.waitFor(120, TimeUnit.SECONDS)).as("the bot finished in time").isTrue();
    } finally {
      bot.destroy();
    }
    String output = Files.readString(log);
    Files.deleteIfExists(log);
    ended.get(30, TimeUnit.SECONDS);

    int turns = 8; // the tutorial's length
    assertThat(bot.exitValue()).as(output).isZero();
    assertThat(output).as(output).contains("game over: " + turns + " turns accepted, 0 refusals");
    assertThat(output).as("it balances its threat, as its README says").contains(": BALANCE ");
    for (int t = 1; t <= turns; t++) {
      assertThat(output).as(output).contains("turn " + t + ": ");
    }
    assertThat(resolved).hasSize(turns);
    for (TurnResolved r : resolved) {
      // the seat's own orders stood every turn: no default order was put in their place
      assertThat(r.getOutcomesList())
          .as("turn %d", r.getTurn())
          .noneMatch(o -> o.getState().equals(SEAT) && o.getCode().equals("DEFAULT_ORDER"))
          .anyMatch(o -> o.getState().equals(SEAT) && o.getOrder().equals("stance"));
    }
    assertThat(lobby.game(game.getGameId()).info().getPhase().name()).isEqualTo("FINISHED");
    instructor.close();
  }

  @Test
  void aPythonBotOnAConqueredSeatSeesWhyAndNeverOrders() throws Exception {
    checkPrerequisites();
    var world = org.entente.server.scenario.ScenarioLoader.builtin("middle-east-1955").world();
    Map<String, String> strategies = org.entente.server.sim.Simulation.strategies(world, Map.of());
    Conquests.Conquest conquest = Conquests.seed(world, strategies, s -> true);
    var played = conquest.played();
    String seat = conquest.fallen();
    int fell = conquest.turn();
    String holder =
        strategies.keySet().stream()
            .filter(s -> played.last().nation(s).active())
            .findFirst()
            .orElseThrow();

    EntenteClient instructor =
        EntenteClient.connect("127.0.0.1", server.port()).get(10, TimeUnit.SECONDS);
    List<TurnResolved> resolved = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> ended = new CompletableFuture<>();
    instructor.onPush(
        m -> {
          // the connection also holds the seat it joined: keep the instructor's copy (self "")
          if (m.hasTurnResolved() && m.getTurnResolved().getSelf().isEmpty()) {
            resolved.add(m.getTurnResolved());
          } else if (m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.GAME_ENDED) {
            ended.complete(null);
          }
        });
    // the two people's seats get the scenario's bot when the instructor adjudicates without them,
    // so the game is the simulation's and the seat falls as it does there
    CreateGame.Builder create =
        CreateGame.newBuilder()
            .setScenario("middle-east-1955")
            .setSeed(conquest.seed())
            .setDefaultPolicy(org.entente.proto.v1.DefaultOrderPolicy.AUTOPILOT);
    strategies.forEach(
        (s, strategy) -> {
          if (!s.equals(seat) && !s.equals(holder)) {
            create.putBots(s, strategy);
          }
        });
    GameCreated game = instructor.createGame(create.build()).get(10, TimeUnit.SECONDS);
    String token =
        instructor
            .join(game.getGameId(), seat, "python", EntenteClient.secret(game, seat))
            .get(10, TimeUnit.SECONDS)
            .getToken();
    org.entente.proto.v1.InstructorCommand now =
        org.entente.proto.v1.InstructorCommand.newBuilder()
            .setAdjudicateNow(org.entente.proto.v1.AdjudicateNow.getDefaultInstance())
            .build();
    for (int t = 1; t <= fell; t++) {
      instructor.instructor(game.getInstructorToken(), now).get(10, TimeUnit.SECONDS);
      int done = t;
      EliminatedSeatTest.await(() -> resolved.size() >= done, "turn " + done + " adjudicated");
    }
    assertThat(resolved.get(fell - 1).getOutcomesList())
        .anyMatch(o -> o.getState().equals(seat) && o.getCode().equals("CONQUERED"));

    Path log = Files.createTempFile("python-bot", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
                PYTHON.toString(),
                BOT.toString(),
                "--server",
                "127.0.0.1:" + server.port(),
                "--token",
                token)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("PYTHONPATH", MODULES.toAbsolutePath().toString());
    Process bot = pb.start();
    try {
      EliminatedSeatTest.await(
          () -> {
            try {
              return Files.readString(log).contains("eliminated: ");
            } catch (java.io.IOException e) {
              return false;
            }
          },
          "the Python bot saying its seat is eliminated");
      // the rest of the game, turn by turn; the bot must not order in any of them
      for (int t = fell + 1; t <= world.turns(); t++) {
        instructor.instructor(game.getInstructorToken(), now).get(10, TimeUnit.SECONDS);
        int done = t;
        EliminatedSeatTest.await(() -> resolved.size() >= done, "turn " + done + " adjudicated");
      }
      ended.get(30, TimeUnit.SECONDS);
      assertThat(bot.waitFor(60, TimeUnit.SECONDS)).as("the bot finished in time").isTrue();
    } finally {
      bot.destroy();
    }
    String output = Files.readString(log);
    Files.deleteIfExists(log);
    assertThat(bot.exitValue()).as(output).isZero();
    assertThat(output)
        .as(output)
        .contains(
            "eliminated: "
                + seat
                + " was conquered by "
                + conquest.war().aggressor()
                + " in turn "
                + fell)
        .contains("game over: 0 turns accepted, 0 refusals");
    for (TurnResolved r : resolved.subList(fell, resolved.size())) {
      assertThat(r.getOutcomesList()).noneMatch(o -> o.getState().equals(seat));
    }
    instructor.close();
  }
}
