package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.entente.api.OrderSyntax;
import org.entente.client.bots.Strategies;
import org.entente.client.net.ClientOptions;
import org.entente.client.net.EntenteClient;
import org.entente.client.sdk.RemoteBot;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.BranchGame;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.GameDiff;
import org.entente.proto.v1.GameEventKind;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.World;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.journal.JournalReader;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.entente.server.net.StaticFiles;
import org.entente.server.scenario.ScenarioLoader;
import org.entente.server.sim.Simulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What-if branches over real loopback sockets: a tutorial game whose people seats are remote bots,
 * branched by its instructor through the client library, the branch's seats joined and played by
 * the same remote bots, and the games compared with {@code diff_games}.
 */
class RemoteBranchTest {
  static final long SEED = 11;
  @TempDir Path data;
  Lobby lobby;
  NetServer server;
  World world;
  Map<String, String> strategies;

  @BeforeEach
  void start() throws Exception {
    world = ScenarioLoader.builtin("tutorial").world();
    strategies = Simulation.strategies(world, Map.of());
    ServerConfig d = ServerConfig.defaults();
    ServerConfig config = Loopback.config(data, 10_000);
    lobby = new Lobby(config, GameClock.system(), new DirectoryJournalStore(data));
    server = new NetServer(config, lobby, StaticFiles.none());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    lobby.shutdown();
  }

  EntenteClient connect() throws Exception {
    return EntenteClient.connect("127.0.0.1", server.port()).get(10, TimeUnit.SECONDS);
  }

  /** Plays the people seats LEN and OST of {@code game} with remote bots until the game ends. */
  void playRemotely(EntenteClient instructor, org.entente.proto.v1.GameCreated created)
      throws Exception {
    List<CompletableFuture<RemoteBot.Result>> bots = new ArrayList<>();
    for (String seat : List.of("LEN", "OST")) {
      String token =
          instructor
              .join(created.getGameId(), seat, "bot-" + seat, EntenteClient.secret(created, seat))
              .get(10, TimeUnit.SECONDS)
              .getToken();
      bots.add(
          new RemoteBot(Strategies.create(strategies.get(seat)), token, SEED)
              .play("127.0.0.1", server.port(), ClientOptions.defaults()));
    }
    for (CompletableFuture<RemoteBot.Result> b : bots) {
      assertThat(b.get(60, TimeUnit.SECONDS).ending()).isNotNull();
    }
  }

  /** The hashes pushed to {@code c} as turns resolve, completed when the game ends. */
  static CompletableFuture<List<String>> pushedHashes(EntenteClient c) {
    List<String> hashes = new CopyOnWriteArrayList<>();
    CompletableFuture<List<String>> done = new CompletableFuture<>();
    c.onPush(
        m -> {
          if (m.hasTurnResolved()) {
            hashes.add(m.getTurnResolved().getStateHash());
          } else if (m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.GAME_ENDED) {
            done.complete(List.copyOf(hashes));
          }
        });
    return done;
  }

  List<String> journaledHashes(String game) throws Exception {
    return JournalReader.history(data.resolve(game + ".journal")).reports().stream()
        .map(TurnReport::stateHash)
        .toList();
  }

  @Test
  void aBranchPlayedByTheSameRemoteBotsReproducesItsParentAndTheDiffSaysSo() throws Exception {
    EntenteClient parentInstructor = connect();
    CompletableFuture<List<String>> parentPushed = pushedHashes(parentInstructor);
    GameCreated parent =
        parentInstructor
            .createGame(
                CreateGame.newBuilder()
                    .setScenario("tutorial")
                    .setSeed(SEED)
                    .putBots("KAD", strategies.get("KAD"))
                    .build())
            .get(10, TimeUnit.SECONDS);
    playRemotely(parentInstructor, parent);
    List<String> parentHashes = parentPushed.get(30, TimeUnit.SECONDS);
    assertThat(parentHashes).hasSize(world.turns()).isEqualTo(journaledHashes(parent.getGameId()));

    EntenteClient branchInstructor = connect();
    CompletableFuture<List<String>> branchPushed = pushedHashes(branchInstructor);
    GameCreated branch =
        branchInstructor
            .branchGame(
                BranchGame.newBuilder()
                    .setToken(parent.getInstructorToken())
                    .setGameId(parent.getGameId())
                    .setTurn(3)
                    .build())
            .get(10, TimeUnit.SECONDS);
    playRemotely(branchInstructor, branch);
    // turns 4.. are played live in the branch and reach the parent's hashes
    assertThat(branchPushed.get(30, TimeUnit.SECONDS))
        .isEqualTo(parentHashes.subList(3, parentHashes.size()));
    assertThat(journaledHashes(branch.getGameId())).isEqualTo(parentHashes);
    GameDiff same =
        branchInstructor
            .diffGames(branch.getInstructorToken(), parent.getGameId(), branch.getGameId())
            .get(10, TimeUnit.SECONDS);
    assertThat(same.getSame()).as(same.toString()).isTrue();

    GameCreated whatIf =
        branchInstructor
            .branchGame(
                BranchGame.newBuilder()
                    .setToken(parent.getInstructorToken())
                    .setGameId(parent.getGameId())
                    .setTurn(3)
                    .putOrders("LEN", Wire.orders(OrderSyntax.parse("BANDWAGON KAD")))
                    .build())
            .get(10, TimeUnit.SECONDS);
    playRemotely(branchInstructor, whatIf);
    GameDiff d =
        parentInstructor
            .diffGames(parent.getInstructorToken(), parent.getGameId(), whatIf.getGameId())
            .get(10, TimeUnit.SECONDS);
    assertThat(d.getSame()).isFalse();
    assertThat(d.getFirstDivergentTurn()).isEqualTo(3);
    assertThat(d.getTurns(0).getStancesList())
        .anySatisfy(
            s -> {
              assertThat(s.getState()).isEqualTo("LEN");
              assertThat(s.getB()).startsWith("BANDWAGON KAD");
            });
    // two branches of one game are of one lineage too
    assertThat(
            parentInstructor
                .diffGames(parent.getInstructorToken(), branch.getGameId(), whatIf.getGameId())
                .get(10, TimeUnit.SECONDS)
                .getFirstDivergentTurn())
        .isEqualTo(3);
    // a refusal reaches the client library as its error code
    CompletableFuture<GameCreated> bad =
        branchInstructor.branchGame(
            BranchGame.newBuilder()
                .setToken(parent.getInstructorToken())
                .setGameId(parent.getGameId())
                .setTurn(99)
                .build());
    assertThat(bad).failsWithin(10, TimeUnit.SECONDS);
    assertThat(
            EntenteClient.codeOf(
                org.assertj.core.api.Assertions.catchThrowable(
                    () -> bad.get(10, TimeUnit.SECONDS))))
        .isEqualTo(ErrorCode.NO_SUCH_TURN);
    parentInstructor.close();
    branchInstructor.close();
  }
}
