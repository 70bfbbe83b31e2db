package org.entente.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.entente.proto.v1.Autopilot;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.ListGames;
import org.entente.proto.v1.ListScenarios;
import org.entente.proto.v1.Replay;
import org.entente.proto.v1.ReplayedTurn;
import org.entente.proto.v1.ScenarioInfo;
import org.entente.proto.v1.SeatStatus;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.TurnView;
import org.entente.server.engine.ThreatModel;
import org.entente.server.engine.Views;
import org.entente.server.net.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the browser client needs beyond a bot: state coordinates for the map, the instructor's whole
 * threat matrix and event catalogue, and replays seen through another role's eyes.
 */
class WebClientProtocolTest {
  final ManualClock clock = new ManualClock();
  final Lobby lobby = new Lobby(ServerConfig.defaults(), clock);

  @AfterEach
  void stop() {
    lobby.shutdown();
  }

  @Test
  void scenarioSeatsCarryTheirCoordinates() {
    TestConnection c = TestConnection.hello(lobby);
    ServerMessage list =
        c.request(ClientMessage.newBuilder().setListScenarios(ListScenarios.getDefaultInstance()));
    ScenarioInfo tutorial =
        list.getScenarios().getScenariosList().stream()
            .filter(s -> s.getId().equals("tutorial"))
            .findFirst()
            .orElseThrow();
    var ost =
        tutorial.getSeatsList().stream()
            .filter(s -> s.getState().equals("OST"))
            .findFirst()
            .orElseThrow();
    assertThat(list.getScenarios().getStrategiesList())
        .contains("threat-balancer", "opportunist", "hider");
    assertThat(ost.getLatitude()).isEqualTo(50.0);
    assertThat(ost.getLongitude()).isEqualTo(28.0);
    assertThat(list.getScenarios().getScenariosList())
        .allSatisfy(
            s ->
                assertThat(s.getSeatsList())
                    .as(s.getId() + " has a state at (0, 0): a location is missing")
                    .allSatisfy(
                        seat ->
                            assertThat(seat.getLatitude() != 0 || seat.getLongitude() != 0)
                                .isTrue()));
  }

  @Test
  void theInstructorSeesTheWholeThreatMatrixAndTheCatalogueAndSeatsDoNot() {
    TestConnection instructor = TestConnection.hello(lobby);
    String game = tutorial(instructor, 5, Map.of("KAD", "opportunist")).getGameId();
    TurnView iview = LiveGameTest.view(instructor, 1);
    LiveGame g = lobby.game(game);
    TestConnection.settle(g);
    ThreatModel model = Views.publicPart(g.state, g.lastReport).model();
    var omni = iview.getOmniscient();
    assertThat(omni.getThreatList()).extracting(r -> r.getObserver()).contains("KAD", "LEN", "OST");
    int len = g.world.index("LEN");
    int kad = g.world.index("KAD");
    assertThat(omni.getThreat(len).getValues(kad)).isCloseTo(model.threat(len, kad), within(1e-12));
    assertThat(omni.getThreat(len).getValues(kad)).isGreaterThan(0);
    assertThat(omni.getCoverage(len)).isCloseTo(model.coverage(len), within(1e-12));
    assertThat(omni.getCatalogueList())
        .extracting(e -> e.getIndex() + "@" + e.getTurn())
        .containsExactly("0@2", "1@3", "2@6");
    assertThat(omni.getCatalogue(1).getText()).startsWith("Kadorian troops cross");

    LiveGameTest.Player lenSeat = new LiveGameTest().join0(lobby, game, "LEN");
    TurnView seatView = LiveGameTest.view(lenSeat.c(), 1);
    assertThat(seatView.hasOmniscient()).isFalse();
  }

  @Test
  void theInstructorReplaysAsASeatOrAnObserverAndASeatMayNot() {
    TestConnection instructor = TestConnection.hello(lobby);
    GameCreated created =
        tutorial(instructor, 6, Map.of("KAD", "opportunist", "OST", "threat-balancer"));
    String game = created.getGameId();
    String itoken = created.getInstructorToken();
    LiveGameTest.Player len = new LiveGameTest().join0(lobby, game, "LEN");
    for (int t = 1; t <= 2; t++) {
      LiveGameTest.submit(len, t, "BALANCE KAD 0.1 OST");
      int turn = t;
      len.c().await(m -> m.hasTurnResolved() && m.getTurnResolved().getTurn() == turn);
    }

    List<ReplayedTurn> asLen =
        replay(instructor, Replay.newBuilder().setToken(itoken).setAsState("LEN"));
    List<ReplayedTurn> lensOwn = replay(len.c(), Replay.newBuilder().setToken(len.token()));
    assertThat(asLen).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(asLen.get(i).getView().getSelf()).isEqualTo("LEN");
      assertThat(asLen.get(i).getView().hasOmniscient()).isFalse();
      assertThat(asLen.get(i).getView().getThreatsList())
          .isEqualTo(lensOwn.get(i).getView().getThreatsList());
      assertThat(asLen.get(i).getResolved().getOutcomesList())
          .isNotEmpty()
          .allSatisfy(o -> assertThat(o.getState()).isEqualTo("LEN"));
    }

    List<ReplayedTurn> asObserver =
        replay(instructor, Replay.newBuilder().setToken(itoken).setAsObserver(true));
    assertThat(asObserver.get(0).getView().getThreatsCount()).isZero();
    assertThat(asObserver.get(0).getView().hasOmniscient()).isFalse();
    assertThat(asObserver.get(0).getResolved().getOutcomesCount()).isZero();

    List<ReplayedTurn> omniscient = replay(instructor, Replay.newBuilder().setToken(itoken));
    assertThat(omniscient.get(0).getView().getOmniscient().getThreatCount()).isEqualTo(3);

    ServerMessage refused =
        len.c()
            .request(
                ClientMessage.newBuilder()
                    .setReplay(Replay.newBuilder().setToken(len.token()).setAsState("OST")));
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(refused.getError().getMessage()).contains("as_state");
    ServerMessage unknown =
        instructor.request(
            ClientMessage.newBuilder()
                .setReplay(Replay.newBuilder().setToken(itoken).setAsState("XYZ")));
    assertThat(unknown.getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_SEAT);
    assertThat(unknown.getError().getMessage()).contains("replay.as_state").contains("XYZ");
  }

  @Test
  void theGameListTellsAHandedOverSeatFromABotsSeat() {
    TestConnection instructor = TestConnection.hello(lobby);
    GameCreated created = tutorial(instructor, 8, Map.of("KAD", "opportunist"));
    new LiveGameTest().join0(lobby, created.getGameId(), "LEN");
    ServerMessage ack =
        LiveGameTest.command(
            instructor,
            created.getInstructorToken(),
            InstructorCommand.newBuilder()
                .setAutopilot(Autopilot.newBuilder().setState("LEN").setOn(true)));
    assertThat(ack.hasAck()).as(ack.toString()).isTrue();
    TestConnection.settle(lobby.game(created.getGameId()));
    var seats =
        instructor
            .request(ClientMessage.newBuilder().setListGames(ListGames.getDefaultInstance()))
            .getGames()
            .getGames(0)
            .getSeatsList();
    var byState = new java.util.HashMap<String, SeatStatus>();
    seats.forEach(st -> byState.put(st.getState(), st));
    assertThat(byState.get("LEN").getBot()).isTrue();
    assertThat(byState.get("LEN").getAutopilot()).isTrue();
    assertThat(byState.get("KAD").getBot()).isTrue();
    assertThat(byState.get("KAD").getAutopilot()).isFalse();
    assertThat(byState.get("OST").getAutopilot()).isFalse();
  }

  private static GameCreated tutorial(TestConnection c, long seed, Map<String, String> bots) {
    return c.request(
            ClientMessage.newBuilder()
                .setCreateGame(
                    CreateGame.newBuilder().setScenario("tutorial").setSeed(seed).putAllBots(bots)))
        .getGameCreated();
  }

  private static List<ReplayedTurn> replay(TestConnection c, Replay.Builder req) {
    String rid =
        c.request(ClientMessage.newBuilder().setReplay(req.setFromTurn(1).setToTurn(2)))
            .getRequestId();
    c.await(m -> m.getRequestId().equals(rid) && m.hasAck());
    return c.received().stream()
        .filter(m -> m.getRequestId().equals(rid) && m.hasReplayed())
        .map(ServerMessage::getReplayed)
        .toList();
  }
}
