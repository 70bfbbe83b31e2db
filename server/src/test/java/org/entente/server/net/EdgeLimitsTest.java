package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.proto.v1.Annotate;
import org.entente.proto.v1.CapabilityShock;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.ExtendDeadline;
import org.entente.proto.v1.GetView;
import org.entente.proto.v1.Inject;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.IntentShift;
import org.entente.proto.v1.JoinSeat;
import org.entente.proto.v1.ListGames;
import org.entente.proto.v1.Observe;
import org.entente.proto.v1.SendPress;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client chooses, refused at the edge over a real socket with the field and the limit named:
 * huge names and texts, uint32 fields that would read negative, numbers that are not finite or out
 * of range, one observer too many. The server keeps serving after each.
 */
class EdgeLimitsTest {
  @TempDir Path data;
  final List<WireClient> clients = new ArrayList<>();
  Lobby lobby;
  NetServer server;
  WireClient ic;
  String game;
  String instructor;

  @BeforeEach
  void start() throws IOException {
    ServerConfig config = Loopback.config(data, 10_000).withMaxObservers(2);
    lobby = new Lobby(config, GameClock.system());
    server = new NetServer(config, lobby, StaticFiles.none(), Map.of());
    server.start();
    ic = client("instructor");
    ServerMessage r =
        ic.request(
            ClientMessage.newBuilder()
                .setCreateGame(
                    CreateGame.newBuilder().setScenario("tutorial").setSeed(3).putBots("KAD", "")));
    assertThat(r.hasGameCreated()).as(r.toString()).isTrue();
    game = r.getGameCreated().getGameId();
    instructor = r.getGameCreated().getInstructorToken();
  }

  @AfterEach
  void stop() throws IOException {
    for (WireClient c : clients) {
      c.close();
    }
    server.close();
    lobby.shutdown();
  }

  WireClient client(String name) throws IOException {
    WireClient c = new WireClient(server.port(), name);
    clients.add(c);
    return c;
  }

  ServerMessage command(InstructorCommand.Builder cmd) throws IOException {
    return ic.request(ClientMessage.newBuilder().setInstructor(cmd.setToken(instructor)));
  }

  static void refused(ServerMessage m, ErrorCode code, String... parts) {
    assertThat(m.hasError()).as(m.toString()).isTrue();
    assertThat(m.getError().getCode()).as(m.getError().getMessage()).isEqualTo(code);
    for (String p : parts) {
      assertThat(m.getError().getMessage()).contains(p);
    }
    assertThat(m.getError().getMessage()).hasSizeLessThan(400);
  }

  /** The game still answers, and its view is finite. */
  void stillServing() throws IOException {
    ServerMessage v =
        ic.request(
            ClientMessage.newBuilder().setGetView(GetView.newBuilder().setToken(instructor)));
    assertThat(v.hasView()).as(v.toString()).isTrue();
    assertThat(v.getView().toString()).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void hugeNamesAndTextsAreRefusedWithTheLimit() throws IOException {
    String huge = "x".repeat(900_000);
    refused(
        client("big")
            .request(
                ClientMessage.newBuilder()
                    .setCreateGame(CreateGame.newBuilder().setScenario("tutorial").setName(huge))),
        ErrorCode.TOO_LONG,
        "create_game.name: 900000 characters, the limit is 64");
    refused(
        client("member")
            .request(
                ClientMessage.newBuilder()
                    .setJoinSeat(
                        JoinSeat.newBuilder()
                            .setGameId(game)
                            .setState("LEN")
                            .setMember(huge)
                            .setSecret(
                                org.entente.server.game.JoinSecretsOf.of(lobby, game, "LEN")))),
        ErrorCode.TOO_LONG,
        "join_seat.member: 900000 characters, the limit is 64");
    refused(
        client("state")
            .request(
                ClientMessage.newBuilder()
                    .setJoinSeat(JoinSeat.newBuilder().setGameId(game).setState(huge))),
        ErrorCode.UNKNOWN_SEAT,
        "900000 characters");
    ServerMessage joined =
        client("alice")
            .request(
                ClientMessage.newBuilder()
                    .setJoinSeat(
                        JoinSeat.newBuilder()
                            .setGameId(game)
                            .setState("LEN")
                            .setMember("alice")
                            .setSecret(
                                org.entente.server.game.JoinSecretsOf.of(lobby, game, "LEN"))));
    String alice = joined.getJoined().getToken();
    refused(
        clients
            .get(clients.size() - 1)
            .request(
                ClientMessage.newBuilder()
                    .setSendPress(
                        SendPress.newBuilder()
                            .setToken(alice)
                            .addTo("OST")
                            .setText("y".repeat(4001)))),
        ErrorCode.TOO_LONG,
        "send_press.text: 4001 characters, the limit is 4000");
    refused(
        command(
            InstructorCommand.newBuilder()
                .setAnnotate(Annotate.newBuilder().setText("z".repeat(5000)))),
        ErrorCode.TOO_LONG,
        "annotate.text: 5000 characters, the limit is 4000");
    refused(
        command(
            InstructorCommand.newBuilder()
                .setInject(Inject.newBuilder().setScheduledIndex(0).setText(huge))),
        ErrorCode.TOO_LONG,
        "inject.text: 900000 characters, the limit is 4000");
    ServerMessage list =
        ic.request(ClientMessage.newBuilder().setListGames(ListGames.getDefaultInstance()));
    assertThat(list.getGames().getGamesList()).singleElement();
    assertThat(list.getSerializedSize()).isLessThan(2000);
    stillServing();
  }

  @Test
  void oneObserverTooManyIsRefusedWithTheLimit() throws IOException {
    for (int i = 0; i < 2; i++) {
      assertThat(
              client("o" + i)
                  .request(
                      ClientMessage.newBuilder()
                          .setObserve(
                              Observe.newBuilder()
                                  .setGameId(game)
                                  .setSecret(
                                      org.entente.server.game.JoinSecretsOf.of(lobby, game, ""))))
                  .hasJoined())
          .isTrue();
    }
    refused(
        client("o3")
            .request(
                ClientMessage.newBuilder()
                    .setObserve(
                        Observe.newBuilder()
                            .setGameId(game)
                            .setSecret(org.entente.server.game.JoinSecretsOf.of(lobby, game, "")))),
        ErrorCode.TOO_MANY_SEATS,
        "already has 2 observers",
        "the limit is 2");
  }

  @Test
  void uint32FieldsThatWouldReadNegativeAreRefusedNamingTheField() throws IOException {
    refused(
        command(
            InstructorCommand.newBuilder()
                .setInject(Inject.newBuilder().setScheduledIndex(1 << 31))),
        ErrorCode.BAD_REQUEST,
        "instructor.inject.scheduled_index: 2147483648 is out of range");
    refused(
        command(
            InstructorCommand.newBuilder().setInject(Inject.newBuilder().setScheduledIndex(1000))),
        ErrorCode.BAD_REQUEST,
        "inject.scheduled_index: 1000 is past");
    refused(
        command(
            InstructorCommand.newBuilder()
                .setExtendDeadline(ExtendDeadline.newBuilder().setSeconds(-1))),
        ErrorCode.BAD_REQUEST,
        "instructor.extend_deadline.seconds: 4294967295 is out of range");
    refused(
        command(
            InstructorCommand.newBuilder()
                .setExtendDeadline(ExtendDeadline.newBuilder().setSeconds(Integer.MAX_VALUE))),
        ErrorCode.BAD_REQUEST,
        "extend_deadline.seconds: must be 1 to 604800",
        "got 2147483647");
    refused(
        command(
            InstructorCommand.newBuilder()
                .setAnnotate(Annotate.newBuilder().setTurn(-1).setText("note"))),
        ErrorCode.BAD_REQUEST,
        "instructor.annotate.turn: 4294967295 is out of range");
    refused(
        command(
            InstructorCommand.newBuilder()
                .setAnnotate(Annotate.newBuilder().setTurn(Integer.MAX_VALUE).setText("note"))),
        ErrorCode.BAD_REQUEST,
        "annotate.turn: 2147483647 has not been reached");
    refused(
        client("c")
            .request(
                ClientMessage.newBuilder()
                    .setCreateGame(
                        CreateGame.newBuilder().setScenario("tutorial").setMaxTurns(-5))),
        ErrorCode.BAD_REQUEST,
        "create_game.max_turns: 4294967291 is out of range");
    refused(
        client("d")
            .request(
                ClientMessage.newBuilder()
                    .setCreateGame(
                        CreateGame.newBuilder()
                            .setScenario("tutorial")
                            .setDeadlineSeconds(Integer.MAX_VALUE))),
        ErrorCode.INVALID_SETTINGS,
        "deadline_seconds: at most a week");
    stillServing();
  }

  @Test
  void injectsWithNaNInfiniteOrNegativeMultipliersAreRefused() throws IOException {
    refused(
        command(
            InstructorCommand.newBuilder()
                .setInject(
                    Inject.newBuilder()
                        .setCapability(
                            CapabilityShock.newBuilder().setState("KAD").setEconomy(Double.NaN)))),
        ErrorCode.BAD_REQUEST,
        "instructor.inject.capability.economy: NaN is not a finite number");
    refused(
        command(
            InstructorCommand.newBuilder()
                .setInject(
                    Inject.newBuilder()
                        .setCapability(
                            CapabilityShock.newBuilder()
                                .setState("KAD")
                                .setMilitary(Double.POSITIVE_INFINITY)))),
        ErrorCode.BAD_REQUEST,
        "instructor.inject.capability.military: Infinity is not a finite number");
    refused(
        command(
            InstructorCommand.newBuilder()
                .setInject(
                    Inject.newBuilder()
                        .setCapability(
                            CapabilityShock.newBuilder().setState("KAD").setPopulation(-0.5)))),
        ErrorCode.BAD_REQUEST,
        "inject.capability.population: a multiplier must be a finite number in (0, 10]",
        "got -0.5");
    refused(
        command(
            InstructorCommand.newBuilder()
                .setInject(
                    Inject.newBuilder()
                        .setIntent(
                            IntentShift.newBuilder()
                                .setActor("KAD")
                                .setDelta(Double.NEGATIVE_INFINITY)))),
        ErrorCode.BAD_REQUEST,
        "instructor.inject.intent.delta: -Infinity is not a finite number");
    refused(
        command(
            InstructorCommand.newBuilder()
                .setInject(
                    Inject.newBuilder()
                        .setIntent(IntentShift.newBuilder().setActor("KAD").setDelta(3)))),
        ErrorCode.BAD_REQUEST,
        "inject.intent.delta: must be a number in [-1, 1], got 3.0");
    // a sound one still goes through
    assertThat(
            command(
                    InstructorCommand.newBuilder()
                        .setInject(
                            Inject.newBuilder()
                                .setCapability(
                                    CapabilityShock.newBuilder().setState("KAD").setEconomy(1.5))))
                .hasAck())
        .isTrue();
    stillServing();
  }
}
