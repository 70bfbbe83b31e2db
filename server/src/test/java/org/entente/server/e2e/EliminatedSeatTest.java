package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.client.bots.Strategies;
import org.entente.client.net.ClientOptions;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.EntenteException;
import org.entente.client.sdk.RemoteBot;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.Elimination;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.GameEvent;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.OrdersAccepted;
import org.entente.proto.v1.Outcome;
import org.entente.proto.v1.PressMessage;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.TurnResolved;
import org.entente.proto.v1.TurnView;
import org.entente.server.engine.Games;
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
import org.junit.jupiter.api.Timeout;

/**
 * Protocol 1.1 over real sockets, on a middle-east-1955 game where a people's seat is conquered:
 * the seat's views turn to phase ELIMINATED with who conquered it and when, its orders are refused
 * with SEAT_NOT_ACTIVE naming why, the SDK's bot loop stops submitting and tells its listener;
 * every game-scoped push (turn_resolved, game_event, press) and orders_accepted names its game and
 * seat, so one connection holding two seats tells them apart; every outcome carries its code as the
 * OutcomeCode enum beside the string.
 */
class EliminatedSeatTest {
  Lobby lobby;
  NetServer server;
  final List<EntenteClient> clients = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    ServerConfig config = Loopback.config(ServerConfig.defaults().data(), 10_000);
    lobby = new Lobby(config, GameClock.system());
    server = new NetServer(config, lobby, StaticFiles.none());
    server.start();
  }

  @AfterEach
  void stop() {
    clients.forEach(EntenteClient::close);
    server.close();
    lobby.shutdown();
  }

  EntenteClient connect(ClientOptions options) throws Exception {
    EntenteClient c =
        EntenteClient.connect("127.0.0.1", server.port(), options).get(10, TimeUnit.SECONDS);
    clients.add(c);
    return c;
  }

  /** A strategy that waits for a latch before deciding turn {@code heldTurn}. */
  record HeldBot(Bot delegate, int heldTurn, CountDownLatch arrived, CountDownLatch release)
      implements Bot {
    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public Orders decide(PlayerView view, Dice dice) {
      if (view.turn() == heldTurn) {
        arrived.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return delegate.decide(view, dice);
    }
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void aConqueredSeatIsEliminatedAndEveryGameScopedMessageNamesItsGameAndSeat() throws Exception {
    World world = ScenarioLoader.builtin("middle-east-1955").world();
    Map<String, String> strategies = Simulation.strategies(world, Map.of());
    Conquests.Conquest conquest = Conquests.seed(world, strategies, s -> true);
    long seed = conquest.seed();
    Games.Played played = conquest.played();
    String fallen = conquest.fallen();
    int fallTurn = conquest.turn();
    assertThat(fallTurn).as("a conquest before the last turn").isLessThan(world.turns());
    // a seat that stands to the end holds the game open after the fall
    String holder =
        strategies.keySet().stream()
            .filter(s -> played.last().nation(s).active() && !s.equals(fallen))
            .findFirst()
            .orElseThrow();

    EntenteClient instructor = connect(ClientOptions.defaults());
    CreateGame.Builder create =
        CreateGame.newBuilder().setScenario("middle-east-1955").setSeed(seed);
    strategies.forEach(
        (s, strategy) -> {
          if (!s.equals(fallen) && !s.equals(holder)) {
            create.putBots(s, strategy);
          }
        });
    GameCreated game = instructor.createGame(create.build()).get(10, TimeUnit.SECONDS);
    String gameId = game.getGameId();

    // one connection holding both people's seats (a second member of each), watching only
    EntenteClient watcher = connect(ClientOptions.defaults());
    List<ServerMessage> watched = new CopyOnWriteArrayList<>();
    watcher.onPush(watched::add);
    String fallenWatch =
        watcher
            .join(gameId, fallen, "watch-" + fallen, EntenteClient.secret(game, fallen))
            .get(10, TimeUnit.SECONDS)
            .getToken();
    String holderWatch =
        watcher
            .join(gameId, holder, "watch-" + holder, EntenteClient.secret(game, holder))
            .get(10, TimeUnit.SECONDS)
            .getToken();

    // the two seats' players: the SDK's bot loop with the scenario's strategies
    List<Elimination> eliminations = new CopyOnWriteArrayList<>();
    List<Integer> fallenSubmitted = new CopyOnWriteArrayList<>();
    List<OrdersAccepted> accepted = new CopyOnWriteArrayList<>();
    RemoteBot.Listener fallenListener =
        new RemoteBot.Listener() {
          @Override
          public void submitted(int turn, Orders orders) {
            fallenSubmitted.add(turn);
          }

          @Override
          public void accepted(int turn, OrdersAccepted a) {
            accepted.add(a);
          }

          @Override
          public void eliminated(Elimination e) {
            eliminations.add(e);
          }
        };
    RemoteBot.Listener holderListener =
        new RemoteBot.Listener() {
          @Override
          public void accepted(int turn, OrdersAccepted a) {
            accepted.add(a);
          }
        };
    String fallenToken =
        instructor
            .join(gameId, fallen, "bot", EntenteClient.secret(game, fallen))
            .get(10, TimeUnit.SECONDS)
            .getToken();
    String holderToken =
        instructor
            .join(gameId, holder, "bot", EntenteClient.secret(game, holder))
            .get(10, TimeUnit.SECONDS)
            .getToken();
    CountDownLatch heldArrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Bot held =
        new HeldBot(Strategies.create(strategies.get(holder)), fallTurn + 1, heldArrived, release);
    CompletableFuture<RemoteBot.Result> fallenBot =
        new RemoteBot(Strategies.create(strategies.get(fallen)), fallenToken, seed, fallenListener)
            .play("127.0.0.1", server.port(), ClientOptions.defaults());
    CompletableFuture<RemoteBot.Result> holderBot =
        new RemoteBot(held, holderToken, seed, holderListener)
            .play(
                "127.0.0.1",
                server.port(),
                ClientOptions.defaults().withTransport(ClientOptions.Transport.WEBSOCKET));

    // the turn after the fall, held open by the holder
    assertThat(heldArrived.await(30, TimeUnit.SECONDS))
        .as("the holder reaches turn " + (fallTurn + 1))
        .isTrue();
    TurnView fallenView = watcher.getView(fallenWatch).get(10, TimeUnit.SECONDS);
    assertThat(fallenView.getPhase()).isEqualTo(GamePhase.ELIMINATED);
    assertThat(fallenView.getTurn()).isEqualTo(fallTurn + 1);
    Elimination why = fallenView.getEliminated();
    assertThat(why.getTurn()).isEqualTo(fallTurn);
    assertThat(why.getTurnLabel()).isEqualTo(conquest.report().label());
    assertThat(why.getConqueredBy()).isEqualTo(conquest.war().aggressor());
    assertThat(why.getAttackersList()).isEqualTo(conquest.war().attackers());
    assertThat(why.getReason())
        .contains(fallen + " was conquered by " + conquest.war().aggressor())
        .contains("turn " + fallTurn);
    // the other seat, an observer and the instructor still see the orders phase, and no elimination
    TurnView holderView = watcher.getView(holderWatch).get(10, TimeUnit.SECONDS);
    assertThat(holderView.getPhase()).isEqualTo(GamePhase.ORDERS);
    assertThat(holderView.hasEliminated()).isFalse();
    EntenteClient json =
        connect(ClientOptions.defaults().withTransport(ClientOptions.Transport.WEBSOCKET));
    String observer =
        json.observe(gameId, game.getLinks().getObservers().getSecret())
            .get(10, TimeUnit.SECONDS)
            .getToken();
    assertThat(json.getView(observer).get(10, TimeUnit.SECONDS).getPhase())
        .isEqualTo(GamePhase.ORDERS);
    assertThat(instructor.getView(game.getInstructorToken()).get(10, TimeUnit.SECONDS).getPhase())
        .isEqualTo(GamePhase.ORDERS);

    // the web client's form: JSON over a WebSocket text frame
    StrictJsonOverSocketTest.JsonSocket text =
        new StrictJsonOverSocketTest.JsonSocket().open(server.port());
    text.ask("{\"requestId\":\"h\",\"hello\":{\"major\":1,\"minor\":1}}", "h");
    text.ws
        .sendText("{\"requestId\":\"v\",\"getView\":{\"token\":\"" + fallenWatch + "\"}}", true)
        .get(10, TimeUnit.SECONDS);
    String jsonView = null;
    while (jsonView == null || !jsonView.contains("\"requestId\":\"v\"")) {
      jsonView = text.texts.poll(10, TimeUnit.SECONDS);
      assertThat(jsonView).as("the JSON view").isNotNull();
    }
    assertThat(jsonView)
        .contains("\"phase\":\"ELIMINATED\"")
        .contains("\"eliminated\":{\"turn\":" + fallTurn)
        .contains("\"conqueredBy\":\"" + conquest.war().aggressor() + "\"");
    text.ws.abort();

    // orders from the eliminated seat are refused, naming why, for the current turn or any other
    for (int turn : List.of(fallTurn + 1, fallTurn, fallTurn + 2)) {
      assertThatThrownBy(
              () ->
                  watcher
                      .submit(fallenWatch, turn, fallen, Orders.hide())
                      .get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(EntenteException.class)
          .satisfies(
              e -> {
                assertThat(((EntenteException) e).code()).isEqualTo(ErrorCode.SEAT_NOT_ACTIVE);
                assertThat(((EntenteException) e).detail())
                    .contains("submit_orders: " + fallen + " is ELIMINATED")
                    .contains("conquered by " + conquest.war().aggressor());
              });
    }
    // press reaches the watcher once per seat it holds, each copy naming its game and seat
    instructor
        .press(game.getInstructorToken(), List.of(), false, "hold fast")
        .get(10, TimeUnit.SECONDS);
    release.countDown();

    RemoteBot.Result fallenResult = fallenBot.get(60, TimeUnit.SECONDS);
    RemoteBot.Result holderResult = holderBot.get(60, TimeUnit.SECONDS);
    // the SDK's loop ordered exactly while the state stood, then stopped, and told its listener
    // once
    List<Integer> standing = new ArrayList<>();
    for (int t = 1; t <= fallTurn; t++) {
      standing.add(t);
    }
    assertThat(fallenSubmitted).isEqualTo(standing);
    assertThat(fallenResult.turnsAnswered()).isEqualTo(fallTurn);
    assertThat(fallenResult.state()).isEqualTo(fallen);
    assertThat(eliminations).containsExactly(why);
    assertThat(holderResult.turnsAnswered()).isEqualTo(world.turns());

    // orders_accepted names the game and the seat
    assertThat(accepted).isNotEmpty();
    for (OrdersAccepted a : accepted) {
      assertThat(a.getGameId()).isEqualTo(gameId);
      assertThat(a.getSelf()).isIn(fallen, holder);
    }
    assertThat(accepted.stream().filter(a -> a.getSelf().equals(fallen)).count())
        .isEqualTo(fallTurn);

    // the watcher's pushes: every turn_resolved, game_event and press twice, once per seat
    awaitEnd(watched);
    Map<Integer, Set<String>> resolvedFor = new java.util.TreeMap<>();
    List<String> hashes = new ArrayList<>();
    Set<String> endedFor = new TreeSet<>();
    Set<String> pressFor = new TreeSet<>();
    Set<Integer> finalTurns = new TreeSet<>();
    for (ServerMessage m : watched) {
      if (m.hasTurnResolved()) {
        TurnResolved r = m.getTurnResolved();
        assertThat(r.getGameId()).isEqualTo(gameId);
        resolvedFor.computeIfAbsent(r.getTurn(), k -> new TreeSet<>()).add(r.getSelf());
        if (r.getSelf().equals(holder)) {
          hashes.add(r.getStateHash());
        }
        for (Outcome o : r.getOutcomesList()) {
          assertThat(o.getState())
              .as("outcomes of the copy for " + r.getSelf())
              .isEqualTo(r.getSelf());
          assertThat(o.getCodeEnum().name()).isEqualTo("OUTCOME_" + o.getCode());
        }
      } else if (m.hasGameEvent()) {
        GameEvent e = m.getGameEvent();
        assertThat(e.getGameId()).isEqualTo(gameId);
        assertThat(e.getSelf()).isIn(fallen, holder);
        if (e.getKind() == GameEventKind.GAME_ENDED) {
          endedFor.add(e.getSelf());
        }
      } else if (m.hasPress()) {
        PressMessage p = m.getPress();
        assertThat(p.getGameId()).isEqualTo(gameId);
        pressFor.add(p.getSelf());
      } else if (m.hasView()) {
        TurnView v = m.getView();
        if (v.getPhase() == GamePhase.FINISHED) {
          // the position after the last turn (docs/protocol.md, "Things bot authors trip on")
          finalTurns.add(v.getTurn());
        }
        if (v.getSelf().equals(fallen) && v.getTurn() > fallTurn) {
          assertThat(v.getPhase())
              .as("turn " + v.getTurn())
              .isIn(GamePhase.ELIMINATED, GamePhase.FINISHED);
          assertThat(v.getEliminated()).isEqualTo(why);
        } else if (v.getPhase() != GamePhase.FINISHED) {
          assertThat(v.getPhase())
              .as(v.getSelf() + " at turn " + v.getTurn())
              .isEqualTo(GamePhase.ORDERS);
          assertThat(v.hasEliminated()).isFalse();
        }
      }
    }
    assertThat(resolvedFor).hasSize(world.turns());
    resolvedFor.forEach(
        (t, selves) ->
            assertThat(selves).as("turn " + t).containsExactlyInAnyOrder(fallen, holder));
    assertThat(endedFor).containsExactlyInAnyOrder(fallen, holder);
    assertThat(pressFor).containsExactlyInAnyOrder(fallen, holder);
    assertThat(finalTurns).containsExactly(world.turns() + 1);
    assertThat(instructor.getView(game.getInstructorToken()).get(10, TimeUnit.SECONDS).getTurn())
        .isEqualTo(world.turns());
    // everyone played the scenario's strategies with the game's seed: the game is the simulation's
    assertThat(hashes).isEqualTo(Simulation.hashes(played));
  }

  /** Waits up to 30 s for {@code condition}. */
  static void await(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  static void awaitEnd(List<ServerMessage> watched) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (watched.stream()
                .filter(
                    m -> m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.GAME_ENDED)
                .count()
            < 2
        || watched.stream()
                .filter(m -> m.hasView() && m.getView().getPhase() == GamePhase.FINISHED)
                .count()
            < 2) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "the watcher did not see the game end and the final view for both seats");
      }
      Thread.sleep(10);
    }
  }
}
