package org.entente.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.entente.api.OrderSyntax;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.Autopilot;
import org.entente.proto.v1.CapabilityShock;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.ExtendDeadline;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.GetView;
import org.entente.proto.v1.Inject;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.JoinSeat;
import org.entente.proto.v1.Observe;
import org.entente.proto.v1.Pause;
import org.entente.proto.v1.Resume;
import org.entente.proto.v1.ResumeGame;
import org.entente.proto.v1.SendPress;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.SubmitOrders;
import org.entente.proto.v1.TurnView;
import org.entente.server.engine.World;
import org.entente.server.net.ServerConfig;
import org.entente.server.scenario.ScenarioLoader;
import org.entente.server.sim.Simulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Live games driven through the lobby with in-memory connections and a hand-moved clock. */
class LiveGameTest {
  final ManualClock clock = new ManualClock();
  final Lobby lobby = new Lobby(ServerConfig.defaults(), clock);

  @AfterEach
  void stop() {
    lobby.shutdown();
  }

  /** Creates a game; returns the instructor's connection (its first reply is GameCreated). */
  TestConnection create(CreateGame.Builder req) {
    TestConnection c = TestConnection.hello(lobby);
    ServerMessage reply = c.request(ClientMessage.newBuilder().setCreateGame(req));
    assertThat(reply.hasGameCreated()).as(reply.toString()).isTrue();
    return c;
  }

  static String gameId(TestConnection instructor) {
    return instructor.await(ServerMessage::hasGameCreated).getGameCreated().getGameId();
  }

  static String instructorToken(TestConnection instructor) {
    return instructor.await(ServerMessage::hasGameCreated).getGameCreated().getInstructorToken();
  }

  record Player(TestConnection c, String token, String state) {}

  /** Joins {@code state} of {@code game} on a new connection to {@code lobby}. */
  Player join0(Lobby lobby, String game, String state) {
    TestConnection c = TestConnection.hello(lobby);
    ServerMessage r =
        c.request(
            ClientMessage.newBuilder()
                .setJoinSeat(
                    JoinSeat.newBuilder()
                        .setGameId(game)
                        .setState(state)
                        .setMember(state.toLowerCase(java.util.Locale.ROOT))
                        .setSecret(JoinSecretsOf.of(lobby, game, state))));
    assertThat(r.hasJoined()).as(r.toString()).isTrue();
    return new Player(c, r.getJoined().getToken(), state);
  }

  Player join(String game, String state, String member) {
    TestConnection c = TestConnection.hello(lobby);
    ServerMessage r =
        c.request(
            ClientMessage.newBuilder()
                .setJoinSeat(
                    JoinSeat.newBuilder()
                        .setGameId(game)
                        .setState(state)
                        .setMember(member)
                        .setSecret(JoinSecretsOf.of(lobby, game, state))));
    assertThat(r.hasJoined()).as(r.toString()).isTrue();
    return new Player(c, r.getJoined().getToken(), state);
  }

  static ServerMessage submit(Player p, int turn, String orders) {
    return p.c()
        .request(
            ClientMessage.newBuilder()
                .setSubmitOrders(
                    SubmitOrders.newBuilder()
                        .setToken(p.token())
                        .setTurn(turn)
                        .setState(p.state())
                        .setOrders(Wire.orders(OrderSyntax.parse(orders)))));
  }

  static TurnView view(TestConnection c, int turn) {
    return c.await(
            m ->
                m.hasView()
                    && m.getView().getTurn() == turn
                    && m.getView().getPhase() != GamePhase.PAUSED)
        .getView();
  }

  static ServerMessage command(TestConnection c, String token, InstructorCommand.Builder cmd) {
    return c.request(ClientMessage.newBuilder().setInstructor(cmd.setToken(token)));
  }

  @Test
  void aLiveGameOfBotsEndsWithTheHashesOfSimulate() throws Exception {
    World w = ScenarioLoader.builtin("europe-1914").world();
    Map<String, String> strategies = Simulation.strategies(w, Map.of());
    TestConnection instructor =
        create(
            CreateGame.newBuilder().setScenario("europe-1914").setSeed(11).putAllBots(strategies));
    instructor.await(
        m -> m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.GAME_ENDED);
    LiveGame g = lobby.game(gameId(instructor));
    TestConnection.settle(g);
    List<String> live = g.reports.stream().map(r -> r.stateHash()).toList();
    assertThat(live).isEqualTo(Simulation.hashes(Simulation.run(w, 11, strategies, w.turns())));
  }

  @Test
  void aTurnWaitsForEverySeatThenTheDeadlineAppliesTheDefault() {
    TestConnection instructor =
        create(
            CreateGame.newBuilder()
                .setScenario("tutorial")
                .setSeed(3)
                .setDeadlineSeconds(60)
                .putBots("KAD", "opportunist"));
    String game = gameId(instructor);
    Player len = join(game, "LEN", "ana");
    Player ost = join(game, "OST", "ben");
    assertThat(view(len.c(), 1).getDeadlineEpochMs()).isEqualTo(clock.millis() + 60_000);
    assertThat(submit(len, 1, "BALANCE KAD 0.2 OST").hasOrdersAccepted()).isTrue();
    assertThat(submit(ost, 1, "BALANCE KAD 0.1 LEN").hasOrdersAccepted()).isTrue();
    ServerMessage resolved = len.c().await(ServerMessage::hasTurnResolved);
    assertThat(resolved.getTurnResolved().getTurn()).isEqualTo(1);
    assertThat(resolved.getTurnResolved().getOutcomesList())
        .allSatisfy(o -> assertThat(o.getState()).isEqualTo("LEN"))
        .anySatisfy(o -> assertThat(o.getCode()).isEqualTo("ALLIANCE_FORMED"));
    assertThat(view(len.c(), 2).getAlliancesList())
        .anySatisfy(a -> assertThat(a.getMembersList()).contains("LEN", "OST"));
    // turn 2: only LEN submits; the deadline adjudicates with OST's default (repeat its stance)
    submit(len, 2, "BALANCE KAD 0.2 OST");
    LiveGame g = lobby.game(game);
    TestConnection.settle(g);
    assertThat(g.state.turn()).isEqualTo(2);
    clock.advance(60_001);
    ServerMessage second =
        ost.c().await(m -> m.hasTurnResolved() && m.getTurnResolved().getTurn() == 2);
    assertThat(second.getTurnResolved().getOutcomesList())
        .anySatisfy(o -> assertThat(o.getCode()).isEqualTo("DEFAULT_ORDER"));
  }

  @Test
  void aTeamSharesASeatAndTheLastSubmissionStands() {
    TestConnection instructor =
        create(
            CreateGame.newBuilder()
                .setScenario("tutorial")
                .setSeed(3)
                .setDeadlineSeconds(600)
                .putBots("KAD", "opportunist"));
    String game = gameId(instructor);
    Player ana = join(game, "LEN", "ana");
    Player ben = join(game, "LEN", "ben");
    assertThat(ana.token()).isNotEqualTo(ben.token());
    assertThat(submit(ana, 1, "HIDE").getOrdersAccepted().getSubmittedBy()).isEqualTo("ana");
    assertThat(submit(ben, 1, "BALANCE KAD 0.3").getOrdersAccepted().getSubmittedBy())
        .isEqualTo("ben");
    TurnView omniscient =
        instructor
            .request(
                ClientMessage.newBuilder()
                    .setGetView(GetView.newBuilder().setToken(instructorToken(instructor))))
            .getView();
    assertThat(omniscient.getOmniscient().getSubmittedList())
        .anySatisfy(
            s -> {
              assertThat(s.getState()).isEqualTo("LEN");
              assertThat(s.getSubmittedBy()).isEqualTo("ben");
            });
    TurnView anasView =
        ana.c()
            .request(
                ClientMessage.newBuilder().setGetView(GetView.newBuilder().setToken(ana.token())))
            .getView();
    assertThat(anasView.getMyOrders().getStance().hasBalance()).isTrue();
    command(
        instructor,
        instructorToken(instructor),
        InstructorCommand.newBuilder()
            .setAdjudicateNow(org.entente.proto.v1.AdjudicateNow.getDefaultInstance()));
    ServerMessage resolved = ana.c().await(ServerMessage::hasTurnResolved);
    assertThat(resolved.getTurnResolved().getStancesList())
        .anySatisfy(
            s -> {
              assertThat(s.getState()).isEqualTo("LEN");
              assertThat(s.getStance().hasBalance()).isTrue();
            });
    // the team channel reaches the team and the instructor only
    ana.c()
        .request(
            ClientMessage.newBuilder()
                .setSendPress(
                    SendPress.newBuilder()
                        .setToken(ana.token())
                        .setTeam(true)
                        .setText("let's arm")));
    assertThat(ben.c().await(m -> m.hasPress()).getPress().getText()).isEqualTo("let's arm");
    assertThat(instructor.await(m -> m.hasPress()).getPress().getTeam()).isTrue();
  }

  @Test
  void pressReachesOnlyItsAddressees() {
    TestConnection instructor =
        create(CreateGame.newBuilder().setScenario("tutorial").setSeed(3).setDeadlineSeconds(600));
    String game = gameId(instructor);
    Player kad = join(game, "KAD", "k");
    Player len = join(game, "LEN", "l");
    Player ost = join(game, "OST", "o");
    TestConnection observer = TestConnection.hello(lobby);
    observer.request(
        ClientMessage.newBuilder()
            .setObserve(
                Observe.newBuilder().setGameId(game).setSecret(JoinSecretsOf.of(lobby, game, ""))));
    ServerMessage ack =
        len.c()
            .request(
                ClientMessage.newBuilder()
                    .setSendPress(
                        SendPress.newBuilder()
                            .setToken(len.token())
                            .addTo("OST")
                            .setText("secret offer")));
    assertThat(ack.hasAck()).isTrue();
    len.c()
        .request(
            ClientMessage.newBuilder()
                .setSendPress(SendPress.newBuilder().setToken(len.token()).setText("to all")));
    assertThat(
            ost.c()
                .await(m -> m.hasPress() && m.getPress().getText().equals("secret offer"))
                .getPress()
                .getFromState())
        .isEqualTo("LEN");
    kad.c().await(m -> m.hasPress() && m.getPress().getText().equals("to all"));
    observer.await(m -> m.hasPress() && m.getPress().getText().equals("to all"));
    instructor.await(m -> m.hasPress() && m.getPress().getText().equals("secret offer"));
    assertThat(kad.c().received())
        .noneMatch(m -> m.hasPress() && m.getPress().getText().equals("secret offer"));
    assertThat(observer.received())
        .noneMatch(m -> m.hasPress() && m.getPress().getText().equals("secret offer"));
    TurnView kadsView =
        kad.c()
            .request(
                ClientMessage.newBuilder().setGetView(GetView.newBuilder().setToken(kad.token())))
            .getView();
    assertThat(kadsView.getMessagesList()).extracting(m -> m.getText()).containsExactly("to all");
  }

  @Test
  void reconnectingWithTheTokenResumesAndReplacesTheOldConnection() {
    TestConnection instructor =
        create(CreateGame.newBuilder().setScenario("tutorial").setSeed(3).setDeadlineSeconds(600));
    Player len = join(gameId(instructor), "LEN", "l");
    TestConnection again = TestConnection.hello(lobby);
    ServerMessage ack =
        again.request(
            ClientMessage.newBuilder().setResume(Resume.newBuilder().setToken(len.token())));
    assertThat(ack.hasAck()).isTrue();
    assertThat(view(again, 1).getSelf()).isEqualTo("LEN");
    assertThat(len.c().isOpen()).isFalse();
    assertThat(len.c().closedWith()).isEqualTo(ErrorCode.SESSION_REPLACED);
    // the seat is kept: orders from the new connection are accepted
    assertThat(submit(new Player(again, len.token(), "LEN"), 1, "HIDE").hasOrdersAccepted())
        .isTrue();
  }

  @Test
  void theInstructorPausesExtendsInjectsHandsASeatToABotAndEnds() {
    // OST is a human seat nobody joins, so every turn waits for the deadline or the instructor
    TestConnection instructor =
        create(
            CreateGame.newBuilder()
                .setScenario("tutorial")
                .setSeed(3)
                .setDeadlineSeconds(60)
                .putBots("KAD", "opportunist"));
    String token = instructorToken(instructor);
    Player len = join(gameId(instructor), "LEN", "l");
    LiveGame g = lobby.game(gameId(instructor));
    assertThat(
            command(
                    instructor,
                    token,
                    InstructorCommand.newBuilder().setPause(Pause.getDefaultInstance()))
                .hasAck())
        .isTrue();
    len.c()
        .await(m -> m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.PAUSED_EVENT);
    assertThat(submit(len, 1, "HIDE").hasOrdersAccepted()).isTrue();
    clock.advance(120_000);
    TestConnection.settle(g);
    assertThat(g.state.turn()).as("paused: the deadline does not run").isEqualTo(1);
    command(
        instructor,
        token,
        InstructorCommand.newBuilder().setResume(ResumeGame.getDefaultInstance()));
    TestConnection.settle(g);
    assertThat(g.deadline)
        .as("the remaining minute is restored")
        .isEqualTo(clock.millis() + 60_000);
    clock.advance(60_001);
    len.c().await(m -> m.hasTurnResolved());
    command(
        instructor,
        token,
        InstructorCommand.newBuilder()
            .setExtendDeadline(ExtendDeadline.newBuilder().setSeconds(30)));
    TestConnection.settle(g);
    assertThat(g.deadline).isEqualTo(clock.millis() + 90_000);
    double before =
        view(len.c(), 2).getNationsList().stream()
            .filter(n -> n.getId().equals("KAD"))
            .findFirst()
            .orElseThrow()
            .getMilitary();
    command(
        instructor,
        token,
        InstructorCommand.newBuilder()
            .setInject(
                Inject.newBuilder()
                    .setText("Kador demobilises")
                    .setCapability(CapabilityShock.newBuilder().setState("KAD").setMilitary(0.5))));
    TurnView after =
        len.c()
            .await(m -> m.hasView() && m.getView().getNewsList().contains("Kador demobilises"))
            .getView();
    assertThat(
            after.getNationsList().stream()
                .filter(n -> n.getId().equals("KAD"))
                .findFirst()
                .orElseThrow()
                .getMilitary())
        .isCloseTo(before / 2, org.assertj.core.data.Offset.offset(1e-9));
    command(
        instructor,
        token,
        InstructorCommand.newBuilder()
            .setAutopilot(Autopilot.newBuilder().setState("LEN").setOn(true)));
    TestConnection.settle(g);
    assertThat(g.seats.get("LEN").submittedBy()).isEqualTo("bot:threat-balancer");
    assertThat(submit(len, 2, "HIDE").getError().getCode()).isEqualTo(ErrorCode.FORBIDDEN);
    command(
        instructor,
        token,
        InstructorCommand.newBuilder()
            .setEndGame(org.entente.proto.v1.EndGame.getDefaultInstance()));
    len.c().await(m -> m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.GAME_ENDED);
    assertThat(submit(len, 2, "HIDE").getError().getCode()).isEqualTo(ErrorCode.GAME_OVER);
  }
}
