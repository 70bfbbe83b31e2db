package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.entente.api.PlayerView;
import org.entente.client.net.ClientOptions;
import org.entente.client.net.EntenteClient;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.AllianceView;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.TurnView;
import org.entente.server.engine.Alliance;
import org.entente.server.engine.Games;
import org.entente.server.engine.World;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.entente.server.net.StaticFiles;
import org.entente.server.scenario.ScenarioLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An alliance's target bloc (the target and the states of its bloc when the alliance formed)
 * reaches every role's view over real sockets, TCP and WebSocket JSON, as the engine holds it.
 */
class AllianceBlocOverSocketTest {
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
  void europe1914sStartingAlliancesCarryTheirTargetBlocToSeatsAndObservers() throws Exception {
    World world = ScenarioLoader.builtin("europe-1914").world();
    Map<String, List<String>> engine = new TreeMap<>();
    for (Alliance a : Games.start(world).state().alliances()) {
      engine.put(a.id(), a.targetBloc());
    }
    assertThat(engine).as("europe-1914 starts with alliances").isNotEmpty();
    assertThat(engine.values())
        .as("a bloc of more than its target, so the test tells a bloc from a bare target")
        .anyMatch(b -> b.size() > 1);

    EntenteClient instructor =
        EntenteClient.connect("127.0.0.1", server.port()).get(10, TimeUnit.SECONDS);
    GameCreated game =
        instructor
            .createGame(CreateGame.newBuilder().setScenario("europe-1914").setSeed(3).build())
            .get(10, TimeUnit.SECONDS);
    String seat =
        instructor
            .join(game.getGameId(), "FRN", "ana", EntenteClient.secret(game, "FRN"))
            .get(10, TimeUnit.SECONDS)
            .getToken();
    EntenteClient json =
        EntenteClient.connect(
                "127.0.0.1",
                server.port(),
                ClientOptions.defaults().withTransport(ClientOptions.Transport.WEBSOCKET))
            .get(10, TimeUnit.SECONDS);
    String observer =
        json.observe(game.getGameId(), game.getLinks().getObservers().getSecret())
            .get(10, TimeUnit.SECONDS)
            .getToken();

    for (TurnView v :
        List.of(
            instructor.getView(seat).get(10, TimeUnit.SECONDS),
            instructor.getView(game.getInstructorToken()).get(10, TimeUnit.SECONDS),
            json.getView(observer).get(10, TimeUnit.SECONDS))) {
      Map<String, List<String>> wire = new TreeMap<>();
      for (AllianceView a : v.getAlliancesList()) {
        wire.put(a.getId(), a.getTargetBlocList());
        assertThat(a.getTargetBloc(0))
            .as("the target first in " + a.getId())
            .isEqualTo(a.getTarget());
      }
      assertThat(wire).as(v.getRole() + "'s view").isEqualTo(engine);
    }
    PlayerView fromWire = Wire.view(instructor.getView(seat).get(10, TimeUnit.SECONDS));
    for (PlayerView.AllianceView a : fromWire.alliances()) {
      assertThat(a.targetBloc()).as(a.id()).isEqualTo(engine.get(a.id()));
    }
    json.close();
    instructor.close();
  }
}
