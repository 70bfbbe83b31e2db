package org.entente.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.client.bots.Strategies;
import org.entente.client.net.ClientOptions;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.EntenteException;
import org.entente.client.net.FakeServer;
import org.entente.client.net.TestViews;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.Ack;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.Error;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GameEvent;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.Role;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.SubmitOrders;
import org.entente.proto.v1.TurnResolved;
import org.entente.proto.v1.TurnView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteBotTest {
  private static final long SEED = 20261122L;
  private FakeServer server;

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.close();
    }
  }

  /** A fake that, like the real server, answers Resume with an Ack and then pushes the view. */
  private FakeServer serverPushingOnResume(TurnView first) throws InterruptedException {
    FakeServer s = FakeServer.tcp().view(first);
    s.on(
        ClientMessage.BodyCase.RESUME,
        (m, p) -> {
          if (!m.getResume().getToken().equals("tok-EGY")) {
            p.error(m, ErrorCode.BAD_TOKEN, "no such token");
            return;
          }
          p.reply(m, ServerMessage.newBuilder().setAck(Ack.newBuilder().setDetail("resumed")));
          p.send(ServerMessage.newBuilder().setView(first).build());
        });
    return s;
  }

  private static Orders inProcess(Bot bot, int turn) {
    return bot.decide(TestViews.egypt(turn), Dice.of(SEED, turn, "bot:EGY"));
  }

  private static ServerMessage.Builder push(TurnView v) {
    return ServerMessage.newBuilder().setView(v);
  }

  private static ServerMessage.Builder ended(String text) {
    return ServerMessage.newBuilder()
        .setGameEvent(GameEvent.newBuilder().setKind(GameEventKind.GAME_ENDED).setText(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "threat-balancer", "opportunist"})
  void answersEachTurnOnceWithTheOrdersTheBotGivesInProcess(String strategy) throws Exception {
    server = serverPushingOnResume(TestViews.egyptTurnView(3));
    Bot bot = Strategies.create(strategy);
    List<Integer> submitted = new CopyOnWriteArrayList<>();
    RemoteBot runner =
        new RemoteBot(
            bot,
            "tok-EGY",
            SEED,
            new RemoteBot.Listener() {
              @Override
              public void submitted(int turn, Orders orders) {
                submitted.add(turn);
              }
            });
    CompletableFuture<RemoteBot.Result> result =
        runner.play("127.0.0.1", server.port(), ClientOptions.defaults());

    SubmitOrders t3 = server.next(ClientMessage.BodyCase.SUBMIT_ORDERS).getSubmitOrders();
    assertThat(t3.getTurn()).isEqualTo(3);
    assertThat(t3.getState()).isEqualTo("EGY");
    assertThat(t3.getToken()).isEqualTo("tok-EGY");
    assertThat(Wire.orders(t3.getOrders())).isEqualTo(inProcess(bot, 3));

    // The view came twice (pushed, and the reply to GetView); push it a third time.
    server.push(push(TestViews.egyptTurnView(3)));
    server.push(ServerMessage.newBuilder().setTurnResolved(TurnResolved.newBuilder().setTurn(3)));
    server.push(push(TestViews.egyptTurnView(4)));
    SubmitOrders t4 = server.next(ClientMessage.BodyCase.SUBMIT_ORDERS).getSubmitOrders();
    assertThat(t4.getTurn()).isEqualTo(4);
    assertThat(Wire.orders(t4.getOrders())).isEqualTo(inProcess(bot, 4));

    server.push(ended("Game over after turn 4."));
    RemoteBot.Result r = result.get(5, TimeUnit.SECONDS);
    assertThat(r).isEqualTo(new RemoteBot.Result("EGY", 2, "Game over after turn 4."));
    assertThat(submitted).containsExactly(3, 4);
    assertThat(server.poll(ClientMessage.BodyCase.SUBMIT_ORDERS, 200)).isNull();
    assertThat(server.next(ClientMessage.BodyCase.GET_VIEW).getGetView().getToken())
        .isEqualTo("tok-EGY");
  }

  @Test
  void theDicePurposeIsBotColonStateSeededWithTheGameSeed() throws Exception {
    // RandomBot draws every choice from its dice: equal orders for several turns and seeds show
    // the runner builds the same Dice as the server's in-process bots.
    for (long seed : new long[] {0, 1, 7, 123456789}) {
      server = serverPushingOnResume(TestViews.egyptTurnView(3));
      Bot bot = Strategies.create("random");
      CompletableFuture<RemoteBot.Result> result =
          new RemoteBot(bot, "tok-EGY", seed)
              .play("127.0.0.1", server.port(), ClientOptions.defaults());
      SubmitOrders s = server.next(ClientMessage.BodyCase.SUBMIT_ORDERS).getSubmitOrders();
      assertThat(Wire.orders(s.getOrders()))
          .isEqualTo(bot.decide(TestViews.egypt(3), Dice.of(seed, 3, "bot:EGY")));
      server.push(ended(""));
      result.get(5, TimeUnit.SECONDS);
      server.close();
      server = null;
    }
  }

  @Test
  void stopsOnGameEndedAndAnswersNothingAfter() throws Exception {
    server = serverPushingOnResume(TestViews.egyptTurnView(3));
    EntenteClient client = EntenteClient.connect("127.0.0.1", server.port()).join();
    CompletableFuture<RemoteBot.Result> result =
        new RemoteBot(Strategies.create("hider"), "tok-EGY").run(client);
    server.next(ClientMessage.BodyCase.SUBMIT_ORDERS);
    server.push(ended("The instructor ended the game."));
    assertThat(result.get(5, TimeUnit.SECONDS).ending())
        .isEqualTo("The instructor ended the game.");
    server.push(push(TestViews.egyptTurnView(4)));
    assertThat(server.poll(ClientMessage.BodyCase.SUBMIT_ORDERS, 300)).isNull();
    assertThat(client.isOpen()).isTrue(); // run() leaves a caller's connection open
    client.close();
  }

  @Test
  void aFinishedViewEndsTheRun() throws Exception {
    TurnView finished =
        TestViews.egyptTurnView(12).toBuilder().setPhase(GamePhase.FINISHED).build();
    server = serverPushingOnResume(finished);
    RemoteBot.Result r =
        new RemoteBot(Strategies.create("hider"), "tok-EGY")
            .play("127.0.0.1", server.port(), ClientOptions.defaults())
            .get(5, TimeUnit.SECONDS);
    assertThat(r.turnsAnswered()).isZero();
    assertThat(server.poll(ClientMessage.BodyCase.SUBMIT_ORDERS, 100)).isNull();
  }

  @Test
  void ignoresViewsThatAreNotItsSeatsOrdersPhase() throws Exception {
    server =
        serverPushingOnResume(
            TestViews.egyptTurnView(3).toBuilder().setPhase(GamePhase.PAUSED).build());
    CompletableFuture<RemoteBot.Result> result =
        new RemoteBot(Strategies.create("hider"), "tok-EGY")
            .play("127.0.0.1", server.port(), ClientOptions.defaults());
    server.next(ClientMessage.BodyCase.GET_VIEW);
    server.push(push(TestViews.egyptTurnView(3).toBuilder().setRole(Role.OBSERVER).build()));
    assertThat(server.poll(ClientMessage.BodyCase.SUBMIT_ORDERS, 300)).isNull();
    // After a resume event the runner asks for the view again and answers it.
    server.view(TestViews.egyptTurnView(3));
    server.push(
        ServerMessage.newBuilder()
            .setGameEvent(GameEvent.newBuilder().setKind(GameEventKind.RESUMED_EVENT)));
    assertThat(server.next(ClientMessage.BodyCase.SUBMIT_ORDERS).getSubmitOrders().getTurn())
        .isEqualTo(3);
    server.push(ended(""));
    result.get(5, TimeUnit.SECONDS);
  }

  @Test
  void aRefusedTokenFailsTheRunWithTheCode() throws Exception {
    server = serverPushingOnResume(TestViews.egyptTurnView(3));
    Throwable e =
        catchThrowable(
            () ->
                new RemoteBot(Strategies.create("hider"), "stolen")
                    .play("127.0.0.1", server.port(), ClientOptions.defaults())
                    .get(5, TimeUnit.SECONDS));
    assertThat(EntenteClient.codeOf(e)).isEqualTo(ErrorCode.BAD_TOKEN);
  }

  @Test
  void aConnectionLostBeforeTheEndFailsTheRunWithTheServersReason() throws Exception {
    server = serverPushingOnResume(TestViews.egyptTurnView(3));
    CompletableFuture<RemoteBot.Result> result =
        new RemoteBot(Strategies.create("hider"), "tok-EGY")
            .play("127.0.0.1", server.port(), ClientOptions.defaults());
    server.next(ClientMessage.BodyCase.SUBMIT_ORDERS);
    server.push(
        ServerMessage.newBuilder()
            .setError(
                Error.newBuilder()
                    .setCode(ErrorCode.SESSION_REPLACED)
                    .setMessage("another connection resumed this token")));
    server.nextPeer().close();
    Throwable e = catchThrowable(() -> result.get(5, TimeUnit.SECONDS));
    assertThat(EntenteClient.cause(e))
        .isInstanceOf(EntenteException.class)
        .hasMessageContaining("another connection resumed this token");
    assertThat(EntenteClient.codeOf(e)).isEqualTo(ErrorCode.SESSION_REPLACED);
  }

  @Test
  void rejectedOrdersAreReportedAndTheRunGoesOn() throws Exception {
    server = serverPushingOnResume(TestViews.egyptTurnView(3));
    server.on(
        ClientMessage.BodyCase.SUBMIT_ORDERS,
        (m, p) -> p.error(m, ErrorCode.STALE_TURN, "turn 3 is over"));
    List<Throwable> rejections = new CopyOnWriteArrayList<>();
    CompletableFuture<RemoteBot.Result> result =
        new RemoteBot(
                Strategies.create("hider"),
                "tok-EGY",
                0,
                new RemoteBot.Listener() {
                  @Override
                  public void rejected(int turn, Throwable error) {
                    rejections.add(error);
                  }
                })
            .play("127.0.0.1", server.port(), ClientOptions.defaults());
    server.next(ClientMessage.BodyCase.SUBMIT_ORDERS);
    server.push(push(TestViews.egyptTurnView(4)));
    server.next(ClientMessage.BodyCase.SUBMIT_ORDERS);
    server.push(ended(""));
    result.get(5, TimeUnit.SECONDS);
    assertThat(rejections).hasSize(2);
    assertThat(EntenteClient.codeOf(rejections.get(0))).isEqualTo(ErrorCode.STALE_TURN);
  }
}
