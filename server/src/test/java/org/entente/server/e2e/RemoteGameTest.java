package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.entente.client.bots.Strategies;
import org.entente.client.net.ClientOptions;
import org.entente.client.net.EntenteClient;
import org.entente.client.sdk.RemoteBot;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.GameEventKind;
import org.entente.server.engine.Games;
import org.entente.server.engine.Nation;
import org.entente.server.engine.World;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.entente.server.net.StaticFiles;
import org.entente.server.scenario.ScenarioLoader;
import org.entente.server.sim.Simulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole game over real loopback sockets: some seats are bots inside the server, the others are
 * remote bots that connect over TCP or WebSocket, see only their wire view and submit orders. It
 * must end with exactly the turn hashes of {@code entente simulate} with the same seed and
 * strategies.
 */
class RemoteGameTest {
  Lobby lobby;
  NetServer server;

  @BeforeEach
  void start() {
    ServerConfig config = Loopback.config(ServerConfig.defaults().data(), 10_000);
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
  void middleEast1955WithRemoteAndInProcessBotsEndsWithTheHashesOfSimulate() throws Exception {
    World world = ScenarioLoader.builtin("middle-east-1955").world();
    Map<String, String> strategies = Simulation.strategies(world, Map.of());
    List<String> seats = new ArrayList<>(strategies.keySet());
    List<String> inProcess = seats.subList(0, 3);
    // a seed whose game conquers a remote seat: its bot must go on to the end without ordering
    Conquests.Conquest conquest = Conquests.seed(world, strategies, s -> !inProcess.contains(s));
    long seed = conquest.seed();
    String overWebSocket = seats.get(3);

    EntenteClient instructor =
        EntenteClient.connect("127.0.0.1", server.port()).get(10, TimeUnit.SECONDS);
    List<String> resolvedHashes = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> ended = new CompletableFuture<>();
    instructor.onPush(
        m -> {
          if (m.hasTurnResolved()) {
            resolvedHashes.add(m.getTurnResolved().getStateHash());
          } else if (m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.GAME_ENDED) {
            ended.complete(null);
          }
        });
    CreateGame.Builder create =
        CreateGame.newBuilder().setScenario("middle-east-1955").setSeed(seed);
    inProcess.forEach(s -> create.putBots(s, strategies.get(s)));
    GameCreated game = instructor.createGame(create.build()).get(10, TimeUnit.SECONDS);

    List<CompletableFuture<RemoteBot.Result>> bots = new ArrayList<>();
    for (String seat : seats) {
      if (inProcess.contains(seat)) {
        continue;
      }
      String token =
          instructor
              .join(game.getGameId(), seat, "bot-" + seat, EntenteClient.secret(game, seat))
              .get(10, TimeUnit.SECONDS)
              .getToken();
      ClientOptions options = ClientOptions.defaults();
      if (seat.equals(overWebSocket)) {
        options = options.withTransport(ClientOptions.Transport.WEBSOCKET);
      }
      bots.add(
          new RemoteBot(Strategies.create(strategies.get(seat)), token, seed)
              .play("127.0.0.1", server.port(), options));
    }
    ended.get(60, TimeUnit.SECONDS);
    Games.Played played = conquest.played();
    List<String> expected = Simulation.hashes(played);
    assertThat(expected).hasSize(world.turns());
    // a seat orders in every turn that starts with its state standing; a conquered seat stops
    Map<String, Integer> turnsToOrder = new TreeMap<>();
    for (int t = 1; t <= played.reports().size(); t++) {
      for (Nation n : played.states().get(t - 1).nations()) {
        turnsToOrder.merge(n.id(), n.active() ? 1 : 0, Integer::sum);
      }
    }
    Map<String, Integer> remoteTurnsToOrder = new TreeMap<>(turnsToOrder);
    remoteTurnsToOrder.keySet().removeAll(inProcess);
    assertThat(remoteTurnsToOrder.values())
        .as("a remote seat is conquered before the end (what this test checks the bots survive)")
        .anyMatch(n -> n < world.turns());
    Map<String, Integer> answered = new TreeMap<>();
    for (CompletableFuture<RemoteBot.Result> b : bots) {
      RemoteBot.Result r = b.get(30, TimeUnit.SECONDS);
      answered.put(r.state(), r.turnsAnswered());
    }
    assertThat(answered)
        .as("turns each remote bot answered, over TCP and WebSocket")
        .isEqualTo(remoteTurnsToOrder);
    assertThat(resolvedHashes).as("hashes pushed to the instructor over TCP").isEqualTo(expected);
    assertThat(lobby.game(game.getGameId()).info().getPhase().name()).isEqualTo("FINISHED");
    instructor.close();
  }

  @Test
  void aSeatThatReconnectsKeepsItsSeatAndTheGameGoesOn() throws Exception {
    EntenteClient instructor =
        EntenteClient.connect("127.0.0.1", server.port()).get(10, TimeUnit.SECONDS);
    GameCreated game =
        instructor
            .createGame(
                CreateGame.newBuilder()
                    .setScenario("tutorial")
                    .setSeed(2)
                    .putBots("KAD", "opportunist")
                    .putBots("OST", "threat-balancer")
                    .build())
            .get(10, TimeUnit.SECONDS);
    String token =
        instructor
            .join(game.getGameId(), "LEN", "ana", EntenteClient.secret(game, "LEN"))
            .get(10, TimeUnit.SECONDS)
            .getToken();
    EntenteClient first =
        EntenteClient.connect("127.0.0.1", server.port()).get(10, TimeUnit.SECONDS);
    first.resume(token).get(10, TimeUnit.SECONDS);
    first.close();
    first.closeFuture().get(10, TimeUnit.SECONDS);
    // the seat waits for LEN; a new connection with the same token plays the game to the end
    RemoteBot.Result r =
        new RemoteBot(Strategies.create("threat-balancer"), token, 2)
            .play("127.0.0.1", server.port(), ClientOptions.defaults())
            .get(60, TimeUnit.SECONDS);
    assertThat(r.turnsAnswered()).isEqualTo(8);
    instructor.close();
  }
}
