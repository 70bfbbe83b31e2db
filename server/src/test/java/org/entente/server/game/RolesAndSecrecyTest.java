package org.entente.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.entente.api.OrderSyntax;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GetView;
import org.entente.proto.v1.Hello;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.JoinSeat;
import org.entente.proto.v1.ListGames;
import org.entente.proto.v1.ListScenarios;
import org.entente.proto.v1.Observe;
import org.entente.proto.v1.Pause;
import org.entente.proto.v1.Resume;
import org.entente.proto.v1.Role;
import org.entente.proto.v1.SendPress;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.SubmitOrders;
import org.entente.proto.v1.TurnView;
import org.entente.server.engine.Views;
import org.entente.server.net.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every request type and every role (the seat, another seat, an observer, the instructor, an
 * instructor whose console was opened with the server's instructor key, no token): what is allowed
 * and what is refused, and that no role ever sees a seat's private data.
 */
class RolesAndSecrecyTest {
  final ManualClock clock = new ManualClock();
  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;
  Lobby lobby;
  TestConnection instructor;
  String game;
  String instructorToken;
  LiveGameTest.Player len;
  LiveGameTest.Player ost;
  TestConnection observer;
  String observerToken;
  static final String KEY = "the-servers-instructor-key-77";
  TestConnection keyHolder;
  String keyToken;

  @BeforeEach
  void setUp() {
    lobby =
        new Lobby(
            ServerConfig.defaults(),
            clock,
            new org.entente.server.journal.DirectoryJournalStore(dir));
    instructor = TestConnection.hello(lobby);
    ServerMessage created =
        instructor.request(
            ClientMessage.newBuilder()
                .setCreateGame(
                    CreateGame.newBuilder()
                        .setScenario("tutorial")
                        .setSeed(5)
                        .setDeadlineSeconds(600)
                        .putBots("KAD", "opportunist")));
    game = created.getGameCreated().getGameId();
    instructorToken = created.getGameCreated().getInstructorToken();
    len = join("LEN");
    ost = join("OST");
    observer = TestConnection.hello(lobby);
    observerToken =
        observer
            .request(
                ClientMessage.newBuilder()
                    .setObserve(
                        Observe.newBuilder()
                            .setGameId(game)
                            .setSecret(JoinSecretsOf.of(lobby, game, ""))))
            .getJoined()
            .getToken();
    lobby.instructorKey(KEY);
    keyHolder = TestConnection.hello(lobby);
    ServerMessage opened =
        keyHolder.request(
            ClientMessage.newBuilder()
                .setOpenConsole(
                    org.entente.proto.v1.OpenConsole.newBuilder()
                        .setGameId(game)
                        .setInstructorKey(KEY)));
    assertThat(opened.getJoined().getRole()).as(opened.toString()).isEqualTo(Role.INSTRUCTOR);
    keyToken = opened.getJoined().getToken();
  }

  @AfterEach
  void stop() {
    lobby.shutdown();
  }

  LiveGameTest.Player join(String state) {
    TestConnection c = TestConnection.hello(lobby);
    ServerMessage r =
        c.request(
            ClientMessage.newBuilder()
                .setJoinSeat(
                    JoinSeat.newBuilder()
                        .setGameId(game)
                        .setState(state)
                        .setSecret(JoinSecretsOf.of(lobby, game, state))));
    return new LiveGameTest.Player(c, r.getJoined().getToken(), state);
  }

  enum Who {
    SEAT,
    OTHER_SEAT,
    OBSERVER,
    INSTRUCTOR,
    KEY_INSTRUCTOR, // a console opened with the instructor key, on a connection of its own
    NO_TOKEN
  }

  TestConnection connection(Who who) {
    return switch (who) {
      case SEAT -> len.c();
      case OTHER_SEAT -> ost.c();
      case OBSERVER -> observer;
      case INSTRUCTOR -> instructor;
      case KEY_INSTRUCTOR -> keyHolder;
      case NO_TOKEN -> TestConnection.hello(lobby);
    };
  }

  String token(Who who) {
    return switch (who) {
      case SEAT -> len.token();
      case OTHER_SEAT -> ost.token();
      case OBSERVER -> observerToken;
      case INSTRUCTOR -> instructorToken;
      case KEY_INSTRUCTOR -> keyToken;
      case NO_TOKEN -> "0123456789abcdef0123456789abcdef";
    };
  }

  /** A request type, sent with a role's token; every request concerns LEN's seat where it can. */
  enum Request {
    SUBMIT_ORDERS_FOR_LEN(
        t ->
            ClientMessage.newBuilder()
                .setSubmitOrders(
                    SubmitOrders.newBuilder()
                        .setToken(t)
                        .setTurn(1)
                        .setState("LEN")
                        .setOrders(Wire.orders(OrderSyntax.parse("BALANCE KAD 0.1 OST"))))),
    SEND_PRESS(
        t ->
            ClientMessage.newBuilder()
                .setSendPress(SendPress.newBuilder().setToken(t).addTo("KAD").setText("hello"))),
    GET_VIEW(t -> ClientMessage.newBuilder().setGetView(GetView.newBuilder().setToken(t))),
    RESUME(t -> ClientMessage.newBuilder().setResume(Resume.newBuilder().setToken(t))),
    INSTRUCTOR_PAUSE(
        t ->
            ClientMessage.newBuilder()
                .setInstructor(
                    InstructorCommand.newBuilder()
                        .setToken(t)
                        .setPause(Pause.getDefaultInstance()))),
    BRANCH_GAME(
        t ->
            ClientMessage.newBuilder()
                .setBranchGame(
                    org.entente.proto.v1.BranchGame.newBuilder()
                        .setToken(t)
                        .setTurn(1)
                        .setPlayForkTurn(true))),
    DIFF_GAMES_OF_THE_GAME_AND_ITSELF(
        t ->
            ClientMessage.newBuilder()
                .setDiffGames(org.entente.proto.v1.DiffGames.newBuilder().setToken(t))),
    INSTRUCTOR_REISSUE_LEN_SECRET(
        t ->
            ClientMessage.newBuilder()
                .setInstructor(
                    InstructorCommand.newBuilder()
                        .setToken(t)
                        .setReissueSecret(
                            org.entente.proto.v1.ReissueSecret.newBuilder().setState("LEN")))),
    LIST_GAMES(t -> ClientMessage.newBuilder().setListGames(ListGames.getDefaultInstance())),
    // open_console does not look at tokens: the key alone decides (the game id is set below)
    OPEN_CONSOLE_WITH_THE_KEY(t -> openConsole(KEY)),
    OPEN_CONSOLE_WITH_A_WRONG_KEY(t -> openConsole("a-wrong-key-of-the-right-length")),
    OPEN_CONSOLE_WITHOUT_A_KEY(t -> openConsole("")),
    LIST_SCENARIOS(
        t -> ClientMessage.newBuilder().setListScenarios(ListScenarios.getDefaultInstance()));

    final Function<String, ClientMessage.Builder> build;

    Request(Function<String, ClientMessage.Builder> build) {
      this.build = build;
    }
  }

  static ClientMessage.Builder openConsole(String key) {
    return ClientMessage.newBuilder()
        .setOpenConsole(org.entente.proto.v1.OpenConsole.newBuilder().setInstructorKey(key));
  }

  static Arguments row(Request r, Who who, String expected) {
    return Arguments.of(r, who, expected);
  }

  /** "ok:<reply case>" or the refusal's error code. */
  static Stream<Arguments> matrix() {
    return Stream.of(
        row(Request.SUBMIT_ORDERS_FOR_LEN, Who.SEAT, "ok:ORDERS_ACCEPTED"),
        row(Request.SUBMIT_ORDERS_FOR_LEN, Who.OTHER_SEAT, "WRONG_STATE"),
        row(Request.SUBMIT_ORDERS_FOR_LEN, Who.OBSERVER, "FORBIDDEN"),
        row(Request.SUBMIT_ORDERS_FOR_LEN, Who.INSTRUCTOR, "FORBIDDEN"),
        row(Request.SUBMIT_ORDERS_FOR_LEN, Who.NO_TOKEN, "BAD_TOKEN"),
        row(Request.SEND_PRESS, Who.SEAT, "ok:ACK"),
        row(Request.SEND_PRESS, Who.OTHER_SEAT, "ok:ACK"),
        row(Request.SEND_PRESS, Who.OBSERVER, "FORBIDDEN"),
        row(Request.SEND_PRESS, Who.INSTRUCTOR, "ok:ACK"),
        row(Request.SEND_PRESS, Who.NO_TOKEN, "BAD_TOKEN"),
        row(Request.GET_VIEW, Who.SEAT, "ok:VIEW"),
        row(Request.GET_VIEW, Who.OTHER_SEAT, "ok:VIEW"),
        row(Request.GET_VIEW, Who.OBSERVER, "ok:VIEW"),
        row(Request.GET_VIEW, Who.INSTRUCTOR, "ok:VIEW"),
        row(Request.GET_VIEW, Who.NO_TOKEN, "BAD_TOKEN"),
        row(Request.RESUME, Who.SEAT, "ok:ACK"),
        row(Request.RESUME, Who.OTHER_SEAT, "ok:ACK"),
        row(Request.RESUME, Who.OBSERVER, "ok:ACK"),
        row(Request.RESUME, Who.INSTRUCTOR, "ok:ACK"),
        row(Request.RESUME, Who.NO_TOKEN, "BAD_TOKEN"),
        row(Request.INSTRUCTOR_PAUSE, Who.SEAT, "FORBIDDEN"),
        row(Request.INSTRUCTOR_PAUSE, Who.OTHER_SEAT, "FORBIDDEN"),
        row(Request.INSTRUCTOR_PAUSE, Who.OBSERVER, "FORBIDDEN"),
        row(Request.INSTRUCTOR_PAUSE, Who.INSTRUCTOR, "ok:ACK"),
        row(Request.INSTRUCTOR_PAUSE, Who.NO_TOKEN, "BAD_TOKEN"),
        row(Request.BRANCH_GAME, Who.SEAT, "FORBIDDEN"),
        row(Request.BRANCH_GAME, Who.OTHER_SEAT, "FORBIDDEN"),
        row(Request.BRANCH_GAME, Who.OBSERVER, "FORBIDDEN"),
        row(Request.BRANCH_GAME, Who.INSTRUCTOR, "ok:GAME_CREATED"),
        row(Request.BRANCH_GAME, Who.NO_TOKEN, "BAD_TOKEN"),
        row(Request.DIFF_GAMES_OF_THE_GAME_AND_ITSELF, Who.SEAT, "FORBIDDEN"),
        row(Request.DIFF_GAMES_OF_THE_GAME_AND_ITSELF, Who.OBSERVER, "FORBIDDEN"),
        row(Request.DIFF_GAMES_OF_THE_GAME_AND_ITSELF, Who.INSTRUCTOR, "ok:GAME_DIFF"),
        row(Request.DIFF_GAMES_OF_THE_GAME_AND_ITSELF, Who.NO_TOKEN, "BAD_TOKEN"),
        row(Request.INSTRUCTOR_REISSUE_LEN_SECRET, Who.SEAT, "FORBIDDEN"),
        row(Request.INSTRUCTOR_REISSUE_LEN_SECRET, Who.OTHER_SEAT, "FORBIDDEN"),
        row(Request.INSTRUCTOR_REISSUE_LEN_SECRET, Who.OBSERVER, "FORBIDDEN"),
        row(Request.INSTRUCTOR_REISSUE_LEN_SECRET, Who.INSTRUCTOR, "ok:ACK"),
        row(Request.INSTRUCTOR_REISSUE_LEN_SECRET, Who.NO_TOKEN, "BAD_TOKEN"),
        row(Request.SUBMIT_ORDERS_FOR_LEN, Who.KEY_INSTRUCTOR, "FORBIDDEN"),
        row(Request.SEND_PRESS, Who.KEY_INSTRUCTOR, "ok:ACK"),
        row(Request.GET_VIEW, Who.KEY_INSTRUCTOR, "ok:VIEW"),
        row(Request.RESUME, Who.KEY_INSTRUCTOR, "ok:ACK"),
        row(Request.INSTRUCTOR_PAUSE, Who.KEY_INSTRUCTOR, "ok:ACK"),
        row(Request.BRANCH_GAME, Who.KEY_INSTRUCTOR, "ok:GAME_CREATED"),
        row(Request.DIFF_GAMES_OF_THE_GAME_AND_ITSELF, Who.KEY_INSTRUCTOR, "ok:GAME_DIFF"),
        row(Request.INSTRUCTOR_REISSUE_LEN_SECRET, Who.KEY_INSTRUCTOR, "ok:ACK"),
        row(Request.OPEN_CONSOLE_WITH_THE_KEY, Who.NO_TOKEN, "ok:JOINED"),
        row(Request.OPEN_CONSOLE_WITH_THE_KEY, Who.SEAT, "ok:JOINED"),
        row(Request.OPEN_CONSOLE_WITH_THE_KEY, Who.KEY_INSTRUCTOR, "ok:JOINED"),
        row(Request.OPEN_CONSOLE_WITH_A_WRONG_KEY, Who.NO_TOKEN, "FORBIDDEN"),
        row(Request.OPEN_CONSOLE_WITH_A_WRONG_KEY, Who.SEAT, "FORBIDDEN"),
        row(Request.OPEN_CONSOLE_WITH_A_WRONG_KEY, Who.OBSERVER, "FORBIDDEN"),
        row(Request.OPEN_CONSOLE_WITH_A_WRONG_KEY, Who.INSTRUCTOR, "FORBIDDEN"),
        row(Request.OPEN_CONSOLE_WITHOUT_A_KEY, Who.NO_TOKEN, "FORBIDDEN"),
        row(Request.OPEN_CONSOLE_WITHOUT_A_KEY, Who.SEAT, "FORBIDDEN"),
        row(Request.OPEN_CONSOLE_WITHOUT_A_KEY, Who.OBSERVER, "FORBIDDEN"),
        row(Request.OPEN_CONSOLE_WITHOUT_A_KEY, Who.INSTRUCTOR, "FORBIDDEN"),
        row(Request.LIST_GAMES, Who.NO_TOKEN, "ok:GAMES"),
        row(Request.LIST_GAMES, Who.SEAT, "ok:GAMES"),
        row(Request.LIST_SCENARIOS, Who.NO_TOKEN, "ok:SCENARIOS"),
        row(Request.LIST_SCENARIOS, Who.OBSERVER, "ok:SCENARIOS"));
  }

  @ParameterizedTest(name = "{0} by {1} -> {2}")
  @MethodSource("matrix")
  void eachRoleMayDoOnlyWhatItsTokenAllows(Request r, Who who, String expected) {
    ClientMessage.Builder request = r.build.apply(token(who));
    if (request.hasDiffGames()) {
      request.getDiffGamesBuilder().setGameA(game).setGameB(game);
    }
    if (request.hasOpenConsole()) {
      request.getOpenConsoleBuilder().setGameId(game);
    }
    ServerMessage reply = connection(who).request(request);
    String actual =
        reply.hasError() ? reply.getError().getCode().name() : "ok:" + reply.getBodyCase().name();
    assertThat(actual).as(reply.toString()).isEqualTo(expected);
    if (reply.hasError()) {
      assertThat(reply.getError().getMessage()).isNotBlank();
      assertThat(reply.getError().getRequestId()).isEqualTo(reply.getRequestId()).isNotEmpty();
    }
  }

  /** Whose secret a join attempt carries. */
  enum SecretOf {
    LEN,
    OST,
    OBSERVERS,
    LEN_TYPED_LOOSELY, // lower case, with a dash and a space
    LEN_BEFORE_REISSUE,
    NONE
  }

  /** How a join names what it joins. */
  enum Join {
    SEAT_LEN, // join_seat game + LEN + secret
    BY_CODE, // join_seat with the secret alone
    OBSERVE, // observe game + secret
    OBSERVE_BY_CODE // observe with the secret alone
  }

  static Stream<Arguments> joinSecretMatrix() {
    return Stream.of(
        Arguments.of(Join.SEAT_LEN, SecretOf.LEN, "ok:LEN"),
        Arguments.of(Join.SEAT_LEN, SecretOf.LEN_TYPED_LOOSELY, "ok:LEN"),
        Arguments.of(Join.SEAT_LEN, SecretOf.OST, "WRONG_SECRET"),
        Arguments.of(Join.SEAT_LEN, SecretOf.OBSERVERS, "WRONG_SECRET"),
        Arguments.of(Join.SEAT_LEN, SecretOf.LEN_BEFORE_REISSUE, "WRONG_SECRET"),
        Arguments.of(Join.SEAT_LEN, SecretOf.NONE, "SECRET_REQUIRED"),
        Arguments.of(Join.BY_CODE, SecretOf.LEN, "ok:LEN"),
        Arguments.of(Join.BY_CODE, SecretOf.OST, "ok:OST"),
        Arguments.of(Join.BY_CODE, SecretOf.OBSERVERS, "WRONG_SECRET"),
        Arguments.of(Join.BY_CODE, SecretOf.LEN_BEFORE_REISSUE, "WRONG_SECRET"),
        Arguments.of(Join.BY_CODE, SecretOf.NONE, "SECRET_REQUIRED"),
        Arguments.of(Join.OBSERVE, SecretOf.OBSERVERS, "ok:OBSERVER"),
        Arguments.of(Join.OBSERVE, SecretOf.LEN, "WRONG_SECRET"),
        Arguments.of(Join.OBSERVE, SecretOf.NONE, "SECRET_REQUIRED"),
        Arguments.of(Join.OBSERVE_BY_CODE, SecretOf.OBSERVERS, "ok:OBSERVER"),
        Arguments.of(Join.OBSERVE_BY_CODE, SecretOf.OST, "WRONG_SECRET"));
  }

  @ParameterizedTest(name = "{0} with the secret of {1} -> {2}")
  @MethodSource("joinSecretMatrix")
  void onlyTheRightJoinSecretLetsSomeoneIn(Join how, SecretOf whose, String expected) {
    String before = JoinSecretsOf.of(lobby, game, "LEN");
    // the instructor reissues LEN's secret: the one handed out before no longer works
    assertThat(
            instructor
                .request(
                    ClientMessage.newBuilder()
                        .setInstructor(
                            InstructorCommand.newBuilder()
                                .setToken(instructorToken)
                                .setReissueSecret(
                                    org.entente.proto.v1.ReissueSecret.newBuilder()
                                        .setState("LEN"))))
                .hasAck())
        .isTrue();
    String len = JoinSecretsOf.of(lobby, game, "LEN");
    assertThat(len).isNotEqualTo(before).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}");
    String secret =
        switch (whose) {
          case LEN -> len;
          case OST -> JoinSecretsOf.of(lobby, game, "OST");
          case OBSERVERS -> JoinSecretsOf.of(lobby, game, "");
          case LEN_TYPED_LOOSELY ->
              len.substring(0, 4).toLowerCase(java.util.Locale.ROOT) + "- " + len.substring(4);
          case LEN_BEFORE_REISSUE -> before;
          case NONE -> "";
        };
    ClientMessage.Builder m =
        switch (how) {
          case SEAT_LEN ->
              ClientMessage.newBuilder()
                  .setJoinSeat(
                      JoinSeat.newBuilder()
                          .setGameId(game)
                          .setState("LEN")
                          .setMember("eve")
                          .setSecret(secret));
          case BY_CODE ->
              ClientMessage.newBuilder()
                  .setJoinSeat(JoinSeat.newBuilder().setMember("eve").setSecret(secret));
          case OBSERVE ->
              ClientMessage.newBuilder()
                  .setObserve(Observe.newBuilder().setGameId(game).setSecret(secret));
          case OBSERVE_BY_CODE ->
              ClientMessage.newBuilder().setObserve(Observe.newBuilder().setSecret(secret));
        };
    ServerMessage reply = TestConnection.hello(lobby).request(m);
    String actual =
        reply.hasError()
            ? reply.getError().getCode().name()
            : "ok:"
                + (reply.getJoined().getRole() == org.entente.proto.v1.Role.OBSERVER
                    ? "OBSERVER"
                    : reply.getJoined().getState());
    assertThat(actual).as(reply.toString()).isEqualTo(expected);
    if (reply.hasError()) {
      assertThat(reply.getError().getMessage()).contains("secret");
      // a refusal echoes at most what was typed, never a secret that stands
      for (String standing :
          List.of(len, JoinSecretsOf.of(lobby, game, "OST"), JoinSecretsOf.of(lobby, game, ""))) {
        if (!standing.equals(secret)) {
          assertThat(reply.getError().getMessage()).doesNotContain(standing);
        }
      }
    }
  }

  @Test
  void aConnectionThatGuessesSecretsIsClosedAfterTenWrongOnes() {
    TestConnection guesser = TestConnection.hello(lobby);
    for (int i = 1; i <= Lobby.MAX_WRONG_SECRETS; i++) {
      assertThat(guesser.closedWith()).as("open after %d wrong secrets", i - 1).isNull();
      ServerMessage r =
          guesser.request(
              ClientMessage.newBuilder()
                  .setJoinSeat(
                      JoinSeat.newBuilder()
                          .setMember("eve")
                          .setSecret(
                              String.format("%08d", i).replace('0', '2').replace('1', '3'))));
      assertThat(r.getError().getCode()).isEqualTo(ErrorCode.WRONG_SECRET);
    }
    assertThat(guesser.closedWith()).isEqualTo(ErrorCode.RATE_LIMITED);
    // a right secret on another connection still works
    assertThat(
            TestConnection.hello(lobby)
                .request(
                    ClientMessage.newBuilder()
                        .setJoinSeat(
                            JoinSeat.newBuilder()
                                .setMember("ana")
                                .setSecret(JoinSecretsOf.of(lobby, game, "LEN"))))
                .getJoined()
                .getState())
        .isEqualTo("LEN");
  }

  @Test
  void secretsAreOnlyInTheInstructorsViewAndTheRevokedMemberIsOut() {
    String lenSecret = JoinSecretsOf.of(lobby, game, "LEN");
    TestConnection.settle(lobby.game(game));
    for (TurnView v :
        List.of(
            viewOf(len.c(), len.token()),
            viewOf(ost.c(), ost.token()),
            viewOf(observer, observerToken))) {
      assertThat(v.toString()).doesNotContain(lenSecret).doesNotContain("member_id");
      assertThat(v.getOmniscient().getRosterCount()).isZero();
    }
    TurnView all = viewOf(instructor, instructorToken);
    var links = all.getOmniscient().getLinks();
    assertThat(links.getSeatsList())
        .extracting(org.entente.proto.v1.SeatLink::getState)
        .containsExactly("LEN", "OST");
    assertThat(links.getSeats(0).getJoinUrl()).isEqualTo("/#/join/" + game + "/LEN/" + lenSecret);
    assertThat(links.getSeats(0).getCode())
        .isEqualTo(lenSecret.substring(0, 4) + "-" + lenSecret.substring(4));
    var ostMember =
        all.getOmniscient().getRosterList().stream()
            .filter(r -> r.getState().equals("OST"))
            .findFirst()
            .orElseThrow();
    assertThat(ostMember.getConnected()).isTrue();
    assertThat(ostMember.getMemberId()).doesNotContain(ost.token());
    ServerMessage revoked =
        instructor.request(
            ClientMessage.newBuilder()
                .setInstructor(
                    InstructorCommand.newBuilder()
                        .setToken(instructorToken)
                        .setRevokeMember(
                            org.entente.proto.v1.RevokeMember.newBuilder()
                                .setMemberId(ostMember.getMemberId()))));
    assertThat(revoked.getAck().getDetail()).contains("OST");
    assertThat(ost.c().closedWith()).isEqualTo(ErrorCode.BAD_TOKEN);
    ServerMessage after =
        TestConnection.hello(lobby)
            .request(
                ClientMessage.newBuilder().setGetView(GetView.newBuilder().setToken(ost.token())));
    assertThat(after.getError().getCode()).isEqualTo(ErrorCode.BAD_TOKEN);
    assertThat(after.getError().getMessage()).contains("revoked");
    assertThat(viewOf(instructor, instructorToken).getOmniscient().getRosterList())
        .noneMatch(r -> r.getState().equals("OST"));
    ServerMessage again =
        instructor.request(
            ClientMessage.newBuilder()
                .setInstructor(
                    InstructorCommand.newBuilder()
                        .setToken(instructorToken)
                        .setRevokeMember(
                            org.entente.proto.v1.RevokeMember.newBuilder()
                                .setMemberId(ostMember.getMemberId()))));
    assertThat(again.getError().getCode()).isEqualTo(ErrorCode.BAD_REQUEST);
    assertThat(again.getError().getMessage()).contains("revoke_member.member_id");
  }

  TurnView viewOf(TestConnection c, String token) {
    return c.request(ClientMessage.newBuilder().setGetView(GetView.newBuilder().setToken(token)))
        .getView();
  }

  @Test
  void aSeatSeesItsOwnPrivateDataAndNoOneElses() {
    ost.c()
        .request(
            ClientMessage.newBuilder()
                .setSendPress(
                    SendPress.newBuilder()
                        .setToken(ost.token())
                        .addTo("KAD")
                        .setText("ost to kad only")));
    LiveGameTest.submit(ost, 1, "BALANCE KAD 0.2 LEN");
    LiveGame g = lobby.game(game);
    TestConnection.settle(g);
    TurnView mine = viewOf(len.c(), len.token());
    int lenIndex = g.world.index("LEN");
    assertThat(mine.getSelf()).isEqualTo("LEN");
    assertThat(mine.getPrivateBriefing()).isEqualTo(g.world.privateBriefings().get(lenIndex));
    assertThat(mine.getPrivateBriefing())
        .isNotEqualTo(g.world.privateBriefings().get(g.world.index("OST")));
    assertThat(mine.hasOmniscient()).isFalse();
    assertThat(mine.hasMyOrders())
        .as("LEN has not submitted; OST's orders are not LEN's")
        .isFalse();
    assertThat(mine.getMessagesList()).noneMatch(m -> m.getText().equals("ost to kad only"));
    for (var t : mine.getThreatsList()) {
      assertThat(t.getIntent())
          .as("LEN's own row of perceived intent")
          .isEqualTo(g.state.intent().get(lenIndex, g.world.index(t.getActor())));
    }
    assertThat(mine)
        .isEqualTo(
            Wire.view(Views.of(g.state, null, "LEN"))
                .setGameId(mine.getGameId())
                .setRole(mine.getRole())
                .setPhase(mine.getPhase())
                .setDeadlineEpochMs(mine.getDeadlineEpochMs())
                .addAllNews(mine.getNewsList())
                .addAllMessages(mine.getMessagesList())
                // the scenario's Korean texts, added by the server beside the engine's
                .setBriefingKo(mine.getBriefingKo())
                .setPrivateBriefingKo(mine.getPrivateBriefingKo())
                .addAllNewsKo(mine.getNewsKoList())
                .putAllStateNamesKo(mine.getStateNamesKoMap())
                .build());
    // the Korean private briefing is LEN's own, as the English one is
    assertThat(mine.getPrivateBriefingKo())
        .isNotEmpty()
        .isEqualTo(
            org.entente.server.scenario.ScenarioLoader.korean("tutorial")
                .privateBriefings()
                .get("LEN"));
    TurnView public_ = viewOf(observer, observerToken);
    assertThat(public_.getSelf()).isEmpty();
    assertThat(public_.getPrivateBriefing()).isEmpty();
    assertThat(public_.getPrivateBriefingKo()).isEmpty();
    assertThat(public_.getThreatsCount()).isZero();
    assertThat(public_.hasOmniscient()).isFalse();
    assertThat(public_.hasMyOrders()).isFalse();
    TurnView all = viewOf(instructor, instructorToken);
    assertThat(all.getOmniscient().getIntentCount()).isEqualTo(3);
    assertThat(all.getOmniscient().getSubmittedList())
        .extracting(s -> s.getState())
        .contains("OST", "KAD");
    assertThat(all.getMessagesList()).anyMatch(m -> m.getText().equals("ost to kad only"));
  }

  @Test
  void afterAdjudicationEachSeatLearnsOnlyItsOwnOutcomes() {
    LiveGameTest.submit(len, 1, "BALANCE KAD 0.1 OST");
    LiveGameTest.submit(ost, 1, "BALANCE KAD 0.1 LEN");
    var mine = len.c().await(ServerMessage::hasTurnResolved).getTurnResolved();
    var watched = observer.await(ServerMessage::hasTurnResolved).getTurnResolved();
    var everything = instructor.await(ServerMessage::hasTurnResolved).getTurnResolved();
    assertThat(mine.getOutcomesList())
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.getState()).isEqualTo("LEN"));
    assertThat(watched.getOutcomesList()).isEmpty();
    assertThat(everything.getOutcomesList())
        .extracting(o -> o.getState())
        .contains("LEN", "OST", "KAD");
    assertThat(mine.getStancesCount()).as("stances are public once adjudicated").isEqualTo(3);
  }

  @Test
  void theSessionRulesAreEnforced() {
    TestConnection fresh = new TestConnection(lobby);
    ServerMessage first =
        fresh.request(ClientMessage.newBuilder().setListGames(ListGames.getDefaultInstance()));
    assertThat(first.getError().getCode()).isEqualTo(ErrorCode.HELLO_REQUIRED);
    ServerMessage unknown = len.c().request(ClientMessage.newBuilder());
    assertThat(unknown.getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_MESSAGE);
    TestConnection future = new TestConnection(lobby);
    ServerMessage v2 =
        future.request(ClientMessage.newBuilder().setHello(Hello.newBuilder().setMajor(2)));
    assertThat(v2.getError().getCode()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
    assertThat(future.isOpen()).isFalse();
  }

  @Test
  void badOrdersAndBadTurnsAreRefusedWithReasons() {
    ServerMessage stale =
        len.c()
            .request(
                ClientMessage.newBuilder()
                    .setSubmitOrders(
                        SubmitOrders.newBuilder()
                            .setToken(len.token())
                            .setTurn(0)
                            .setState("LEN")
                            .setOrders(Wire.orders(OrderSyntax.parse("HIDE")))));
    assertThat(stale.getError().getCode()).isEqualTo(ErrorCode.STALE_TURN);
    assertThat(stale.getError().getMessage()).contains("submit_orders.turn", "current turn (1)");
    ServerMessage badTarget = LiveGameTest.submit(len, 1, "BALANCE XYZ 0.1");
    assertThat(badTarget.getError().getCode()).isEqualTo(ErrorCode.INVALID_ORDERS);
    assertThat(badTarget.getError().getMessage()).contains("against: no state XYZ");
    ServerMessage tooMuch = LiveGameTest.submit(len, 1, "BALANCE KAD 0.9");
    assertThat(tooMuch.getError().getMessage()).contains("internal effort 0.9");
    ServerMessage attackAlone = LiveGameTest.submit(len, 1, "HIDE; ATTACK KAD");
    assertThat(attackAlone.getError().getMessage()).contains("action[0]", "hiding");
    ServerMessage noStance =
        len.c()
            .request(
                ClientMessage.newBuilder()
                    .setSubmitOrders(
                        SubmitOrders.newBuilder()
                            .setToken(len.token())
                            .setTurn(1)
                            .setState("LEN")));
    assertThat(noStance.getError().getMessage()).contains("orders.stance is missing");
    ServerMessage unknownGame =
        len.c()
            .request(
                ClientMessage.newBuilder()
                    .setJoinSeat(JoinSeat.newBuilder().setGameId("nope").setState("LEN")));
    assertThat(unknownGame.getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_GAME);
    ServerMessage unknownSeat =
        len.c()
            .request(
                ClientMessage.newBuilder()
                    .setJoinSeat(JoinSeat.newBuilder().setGameId(game).setState("ATL")));
    assertThat(unknownSeat.getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_SEAT);
    ServerMessage botSeat =
        len.c()
            .request(
                ClientMessage.newBuilder()
                    .setJoinSeat(
                        JoinSeat.newBuilder()
                            .setGameId(game)
                            .setState("KAD")
                            .setSecret(JoinSecretsOf.of(lobby, game, "KAD"))));
    assertThat(botSeat.getError().getCode()).isEqualTo(ErrorCode.FORBIDDEN);
    ServerMessage unknownScenario =
        len.c()
            .request(
                ClientMessage.newBuilder()
                    .setCreateGame(CreateGame.newBuilder().setScenario("atlantis")));
    assertThat(unknownScenario.getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_SCENARIO);
    ServerMessage badBot =
        len.c()
            .request(
                ClientMessage.newBuilder()
                    .setCreateGame(
                        CreateGame.newBuilder().setScenario("tutorial").putBots("KAD", "genius")));
    assertThat(badBot.getError().getCode()).isEqualTo(ErrorCode.INVALID_SETTINGS);
    assertThat(badBot.getError().getMessage()).contains("create_game.bots.KAD", "genius");
  }
}
