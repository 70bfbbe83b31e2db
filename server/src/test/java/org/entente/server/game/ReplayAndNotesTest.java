package org.entente.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.Annotate;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.Observe;
import org.entente.proto.v1.Replay;
import org.entente.proto.v1.ReplayedTurn;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.engine.Views;
import org.entente.server.net.HttpRoute;
import org.entente.server.net.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replaying a live game's turns by role, the instructor's notes, and the debrief download. */
class ReplayAndNotesTest {
  final ManualClock clock = new ManualClock();
  final Lobby lobby = new Lobby(ServerConfig.defaults(), clock);

  @AfterEach
  void stop() {
    lobby.shutdown();
  }

  @Test
  void eachRoleReplaysWhatItKnewAndNotesAppearInReplaysAndTheDebrief() throws Exception {
    TestConnection instructor = TestConnection.hello(lobby);
    ServerMessage created =
        instructor.request(
            ClientMessage.newBuilder()
                .setCreateGame(
                    CreateGame.newBuilder()
                        .setScenario("tutorial")
                        .setSeed(4)
                        .setDeadlineSeconds(600)
                        .putBots("KAD", "opportunist")
                        .putBots("OST", "threat-balancer")));
    String game = created.getGameCreated().getGameId();
    String itoken = created.getGameCreated().getInstructorToken();
    LiveGameTest.Player len = new LiveGameTest().join0(lobby, game, "LEN");
    for (int t = 1; t <= 3; t++) {
      LiveGameTest.submit(len, t, "BALANCE KAD 0.2 OST");
      int turn = t;
      len.c().await(m -> m.hasTurnResolved() && m.getTurnResolved().getTurn() == turn);
    }
    ServerMessage note =
        instructor.request(
            ClientMessage.newBuilder()
                .setInstructor(
                    InstructorCommand.newBuilder()
                        .setToken(itoken)
                        .setAnnotate(
                            Annotate.newBuilder()
                                .setTurn(2)
                                .setText("<b>Why did Ostvald pass?</b>"))));
    assertThat(note.hasAck()).as(note.toString()).isTrue();
    ServerMessage future =
        instructor.request(
            ClientMessage.newBuilder()
                .setInstructor(
                    InstructorCommand.newBuilder()
                        .setToken(itoken)
                        .setAnnotate(Annotate.newBuilder().setTurn(9).setText("x"))));
    assertThat(future.getError().getCode()).isEqualTo(ErrorCode.BAD_REQUEST);

    LiveGame g = lobby.game(game);
    TestConnection.settle(g);
    len.c()
        .request(
            ClientMessage.newBuilder()
                .setReplay(Replay.newBuilder().setToken(len.token()).setFromTurn(1).setToTurn(3)));
    len.c().await(m -> m.hasAck() && m.getAck().getDetail().startsWith("replayed"));
    List<ReplayedTurn> turns =
        len.c().received().stream()
            .filter(ServerMessage::hasReplayed)
            .map(ServerMessage::getReplayed)
            .toList();
    assertThat(turns).extracting(ReplayedTurn::getTurn).containsExactly(1, 2, 3);
    for (ReplayedTurn r : turns) {
      int t = r.getTurn();
      var expected =
          Wire.view(Views.of(g.states.get(t - 1), t >= 2 ? g.reports.get(t - 2) : null, "LEN"))
              .build();
      assertThat(r.getView().getThreatsList()).isEqualTo(expected.getThreatsList());
      assertThat(r.getView().getPrivateBriefing()).isEqualTo(expected.getPrivateBriefing());
      assertThat(r.getView().hasOmniscient()).isFalse();
      assertThat(r.getResolved().getOutcomesList())
          .allSatisfy(o -> assertThat(o.getState()).isEqualTo("LEN"));
      assertThat(r.getResolved().getStateHash()).isEqualTo(g.reports.get(t - 1).stateHash());
    }
    assertThat(turns.get(1).getAnnotationsList())
        .extracting(a -> a.getText())
        .containsExactly("<b>Why did Ostvald pass?</b>");

    TestConnection observer = TestConnection.hello(lobby);
    String otoken =
        observer
            .request(
                ClientMessage.newBuilder()
                    .setObserve(
                        Observe.newBuilder()
                            .setGameId(game)
                            .setSecret(JoinSecretsOf.of(lobby, game, ""))))
            .getJoined()
            .getToken();
    observer.request(
        ClientMessage.newBuilder()
            .setReplay(Replay.newBuilder().setToken(otoken).setFromTurn(2).setToTurn(2)));
    observer.await(m -> m.hasAck() && m.getAck().getDetail().startsWith("replayed"));
    ReplayedTurn watched =
        observer.received().stream()
            .filter(ServerMessage::hasReplayed)
            .findFirst()
            .orElseThrow()
            .getReplayed();
    assertThat(watched.getView().getThreatsCount()).isZero();
    assertThat(watched.getView().getPrivateBriefing()).isEmpty();
    assertThat(watched.getResolved().getOutcomesCount()).isZero();
    ServerMessage tooFar =
        observer.request(
            ClientMessage.newBuilder()
                .setReplay(Replay.newBuilder().setToken(otoken).setFromTurn(1).setToTurn(7)));
    assertThat(tooFar.getError().getCode()).isEqualTo(ErrorCode.BAD_REQUEST);

    HttpRoute route = lobby.debriefRoute();
    HttpRoute.Response refused =
        route
            .handle(
                new HttpRoute.Request(
                    "GET",
                    "/debrief/" + game,
                    Map.of("token", List.of(len.token())),
                    Map.of(),
                    new byte[0]))
            .toCompletableFuture()
            .get();
    assertThat(refused.status()).isEqualTo(403);
    HttpRoute.Response html =
        route
            .handle(
                new HttpRoute.Request(
                    "GET",
                    "/debrief/" + game,
                    Map.of("token", List.of(itoken)),
                    Map.of(),
                    new byte[0]))
            .toCompletableFuture()
            .get();
    assertThat(html.status()).isEqualTo(200);
    String body = new String(html.body(), StandardCharsets.UTF_8);
    assertThat(body)
        .contains("<svg", "&lt;b&gt;Why did Ostvald pass?&lt;/b&gt;")
        .doesNotContain("<b>Why did");
    assertThat(html.headers().get("Content-Disposition")).contains(game + "-debrief.html");
    HttpRoute.Response md =
        route
            .handle(
                new HttpRoute.Request(
                    "GET",
                    "/debrief/" + game,
                    Map.of("token", List.of(itoken), "format", List.of("md")),
                    Map.of(),
                    new byte[0]))
            .toCompletableFuture()
            .get();
    assertThat(new String(md.body(), StandardCharsets.UTF_8)).contains("Why did Ostvald pass?");
    // the student part of a seat, with Korean headings; an unknown state or language is refused
    HttpRoute.Response part =
        route
            .handle(
                new HttpRoute.Request(
                    "GET",
                    "/debrief/" + game,
                    Map.of(
                        "token", List.of(itoken), "state", List.of("LEN"), "lang", List.of("ko")),
                    Map.of(),
                    new byte[0]))
            .toCompletableFuture()
            .get();
    assertThat(part.status()).isEqualTo(200);
    assertThat(new String(part.body(), StandardCharsets.UTF_8))
        .contains("<html lang=\"ko\">", "LEN", "id=\"decisions-LEN\"")
        .doesNotContain("id=\"decisions-OST\"", "Why did Ostvald pass?")
        // in Korean throughout: the scenario's Korean state name, Korean sentences
        .contains("렌마르크", "게임을 ", "턴 진행했습니다")
        .doesNotContain(" was played for ", "independent");
    // the Markdown in Korean; the JSON stays in English
    Map<String, String> bearer = Map.of("authorization", "Bearer " + itoken);
    String mdKo =
        new String(
            route
                .handle(
                    new HttpRoute.Request(
                        "GET",
                        "/debrief/" + game,
                        Map.of("format", List.of("md"), "lang", List.of("ko")),
                        bearer,
                        new byte[0]))
                .toCompletableFuture()
                .get()
                .body(),
            StandardCharsets.UTF_8);
    assertThat(mdKo).contains("## 요약", "## 전환점").doesNotContain("## Summary", " was played for ");
    java.util.function.Function<String, String> json0 =
        lang ->
            new String(
                route
                    .handle(
                        new HttpRoute.Request(
                            "GET",
                            "/debrief/" + game,
                            Map.of("format", List.of("json"), "lang", List.of(lang)),
                            bearer,
                            new byte[0]))
                    .toCompletableFuture()
                    .join()
                    .body(),
                StandardCharsets.UTF_8);
    assertThat(json0.apply("ko")).isEqualTo(json0.apply("en"));
    for (Map<String, List<String>> bad :
        List.of(
            Map.of("token", List.of(itoken), "state", List.of("XXX")),
            Map.of("token", List.of(itoken), "lang", List.of("fr")))) {
      assertThat(
              route
                  .handle(
                      new HttpRoute.Request("GET", "/debrief/" + game, bad, Map.of(), new byte[0]))
                  .toCompletableFuture()
                  .get()
                  .status())
          .isEqualTo(400);
    }
    // the token in a header, out of the URL
    HttpRoute.Response json =
        route
            .handle(
                new HttpRoute.Request(
                    "GET",
                    "/debrief/" + game,
                    Map.of("format", List.of("json")),
                    Map.of("authorization", "Bearer " + itoken),
                    new byte[0]))
            .toCompletableFuture()
            .get();
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.contentType()).startsWith("application/json");
    assertThat(
            route
                .handle(
                    new HttpRoute.Request(
                        "GET",
                        "/debrief/" + game,
                        Map.of(),
                        Map.of("authorization", "Bearer " + len.token()),
                        new byte[0]))
                .toCompletableFuture()
                .get()
                .status())
        .isEqualTo(403);
    assertThat(
            route
                .handle(
                    new HttpRoute.Request("GET", "/debrief/nope", Map.of(), Map.of(), new byte[0]))
                .toCompletableFuture()
                .get()
                .status())
        .isEqualTo(404);
  }
}
