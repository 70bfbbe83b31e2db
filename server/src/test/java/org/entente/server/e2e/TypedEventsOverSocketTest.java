package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.entente.client.net.EntenteClient;
import org.entente.proto.v1.AdjudicateNow;
import org.entente.proto.v1.AllianceChange;
import org.entente.proto.v1.AllianceChanged;
import org.entente.proto.v1.AllianceView;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.DefaultOrderPolicy;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.NationView;
import org.entente.proto.v1.TurnEvent;
import org.entente.proto.v1.TurnResolved;
import org.entente.proto.v1.TurnView;
import org.entente.proto.v1.WarResolved;
import org.entente.proto.v1.WarResult;
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
 * Protocol 1.2's typed events, as a seat's connection receives them over a real socket: a whole
 * middle-east-1955 game in which the seat is conquered. Every event of `events` has its typed twin
 * with the same words, each war comes once as a WarResolved, the conquest names the seat and its
 * conqueror, and what the typed events say is what the next view shows (alliances formed, joined,
 * left and dissolved, client links, crises declared, states conquered).
 */
class TypedEventsOverSocketTest {
  Lobby lobby;
  NetServer server;

  @BeforeEach
  void start() {
    ServerConfig config = Loopback.config();
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
  void aSeatSeesEachWarOnceItsConquestAndAllianceChangesAsDataMatchingTheNextView()
      throws Exception {
    var world = ScenarioLoader.builtin("middle-east-1955").world();
    Map<String, String> strategies = Simulation.strategies(world, Map.of());
    Conquests.Conquest conquest = Conquests.seed(world, strategies, s -> true);
    String seat = conquest.fallen();

    EntenteClient instructor =
        EntenteClient.connect("127.0.0.1", server.port()).get(10, TimeUnit.SECONDS);
    CreateGame.Builder create =
        CreateGame.newBuilder()
            .setScenario("middle-east-1955")
            .setSeed(conquest.seed())
            .setDefaultPolicy(DefaultOrderPolicy.AUTOPILOT);
    strategies.forEach(
        (s, strategy) -> {
          if (!s.equals(seat)) {
            create.putBots(s, strategy);
          }
        });
    GameCreated game = instructor.createGame(create.build()).get(10, TimeUnit.SECONDS);

    // the seat's own connection, as a bot would hold it
    EntenteClient bot = EntenteClient.connect("127.0.0.1", server.port()).get(10, TimeUnit.SECONDS);
    List<TurnResolved> resolved = new CopyOnWriteArrayList<>();
    List<TurnView> views = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> ended = new CompletableFuture<>();
    bot.onPush(
        m -> {
          if (m.hasTurnResolved()) {
            resolved.add(m.getTurnResolved());
          } else if (m.hasView()) {
            views.add(m.getView());
          } else if (m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.GAME_ENDED) {
            ended.complete(null);
          }
        });
    bot.join(game.getGameId(), seat, "bot", EntenteClient.secret(game, seat))
        .get(10, TimeUnit.SECONDS);
    InstructorCommand now =
        InstructorCommand.newBuilder().setAdjudicateNow(AdjudicateNow.getDefaultInstance()).build();
    // the seat's turns are adjudicated by the instructor; once it has fallen, the bots alone play
    // the rest of the game at once
    for (int t = 1; t <= conquest.turn(); t++) {
      instructor.instructor(game.getInstructorToken(), now).get(10, TimeUnit.SECONDS);
      int done = t;
      EliminatedSeatTest.await(() -> resolved.size() >= done, "turn " + done + " resolved");
    }
    ended.get(30, TimeUnit.SECONDS);
    EliminatedSeatTest.await(() -> resolved.size() >= world.turns(), "every turn resolved");
    EliminatedSeatTest.await(
        () -> views.stream().anyMatch(v -> v.getTurn() == world.turns() + 1), "the final view");

    Set<String> warsSeen = new HashSet<>();
    int wars = 0;
    int allianceChanges = 0;
    for (TurnResolved r : resolved) {
      assertThat(r.getSelf()).isEqualTo(seat);
      assertThat(r.getGameId()).isEqualTo(game.getGameId());
      // typed_events[k] is events[k]; the lines after them are the wars' repetitions
      List<String> lines = r.getEventsList();
      List<TurnEvent> typed = r.getTypedEventsList();
      assertThat(lines.size()).isGreaterThanOrEqualTo(typed.size());
      for (int k = 0; k < typed.size(); k++) {
        assertThat(typed.get(k).getText())
            .as("turn %d event %d", r.getTurn(), k)
            .isEqualTo(lines.get(k));
        assertThat(typed.get(k).getBodyCase())
            .as("turn %d: %s has its data", r.getTurn(), typed.get(k).getText())
            .isNotEqualTo(TurnEvent.BodyCase.BODY_NOT_SET);
      }
      List<WarResolved> turnWars =
          typed.stream().filter(TurnEvent::hasWar).map(TurnEvent::getWar).toList();
      List<String> tail = lines.subList(typed.size(), lines.size());
      assertThat(tail).hasSize(turnWars.size()).allMatch(l -> l.startsWith("war "));
      for (int k = 0; k < turnWars.size(); k++) {
        WarResolved w = turnWars.get(k);
        assertThat(warsSeen.add(w.getCrisis())).as("war %s reported once", w.getCrisis()).isTrue();
        assertThat(tail.get(k)).isEqualTo("war " + w.getCrisis() + ": " + w.getReason());
        assertThat(w.getAttackers(0)).isEqualTo(w.getAggressor());
        assertThat(w.getDefenders(0)).isEqualTo(w.getTarget());
        assertThat(w.getAttackersWinChance()).isBetween(0.0, 1.0);
        assertThat(w.getResult()).isNotEqualTo(WarResult.WAR_RESULT_UNSPECIFIED);
        wars++;
      }
      TurnView next = viewOfTurn(views, r.getTurn() + 1);
      allianceChanges += checkAgainstNextView(r, next);
    }
    assertThat(wars).as("the game has wars").isPositive();
    assertThat(allianceChanges).as("the game has alliance changes").isPositive();

    // the conquest of the seat: a Conquest naming it and its conqueror, then its war, a CONQUEST
    TurnResolved fall = resolved.get(conquest.turn() - 1);
    List<TurnEvent> typed = fall.getTypedEventsList();
    int conquestAt = -1;
    int warAt = -1;
    for (int k = 0; k < typed.size(); k++) {
      TurnEvent e = typed.get(k);
      if (e.hasConquest() && e.getConquest().getState().equals(seat)) {
        conquestAt = k;
        assertThat(e.getConquest().getConqueredBy()).isEqualTo(conquest.war().aggressor());
        assertThat(e.getConquest().getCrisis()).isEqualTo(conquest.war().crisis());
        assertThat(e.getConquest().getAttackersList())
            .containsExactlyElementsOf(conquest.war().attackers());
      }
      if (e.hasWar() && e.getWar().getCrisis().equals(conquest.war().crisis())) {
        warAt = k;
        assertThat(e.getWar().getTarget()).isEqualTo(seat);
        assertThat(e.getWar().getResult()).isEqualTo(WarResult.WAR_RESULT_CONQUEST);
      }
    }
    assertThat(conquestAt).as("the seat's conquest is a typed event").isNotNegative();
    assertThat(warAt).as("the war comes right after its conquest").isEqualTo(conquestAt + 1);
    bot.close();
    instructor.close();
  }

  private static TurnView viewOfTurn(List<TurnView> views, int turn) {
    return views.stream()
        .filter(v -> v.getTurn() == turn)
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no view of turn " + turn));
  }

  /** Checks every typed event of {@code r} against the next view; returns the alliance changes. */
  private static int checkAgainstNextView(TurnResolved r, TurnView next) {
    Set<String> conqueredNow = new HashSet<>();
    for (TurnEvent e : r.getTypedEventsList()) {
      if (e.hasConquest()) {
        conqueredNow.add(e.getConquest().getState());
        assertThat(nation(next, e.getConquest().getState()).getActive()).isFalse();
      }
    }
    // the last change of each alliance in the turn is what the next view shows
    Map<String, AllianceChanged> last = new java.util.LinkedHashMap<>();
    int changes = 0;
    for (TurnEvent e : r.getTypedEventsList()) {
      if (e.hasAlliance()) {
        last.put(e.getAlliance().getAlliance(), e.getAlliance());
        changes++;
      } else if (e.hasClientLink()) {
        var l = e.getClientLink();
        if (l.getFormed() && !conqueredNow.contains(l.getClient())) {
          assertThat(nation(next, l.getClient()).getPatron())
              .as("turn %d: %s", r.getTurn(), e.getText())
              .isEqualTo(l.getPatron());
        }
      } else if (e.hasCrisisDeclared() && !e.getCrisisDeclared().getForced()) {
        var c = e.getCrisisDeclared();
        assertThat(next.getCrisesList())
            .as("turn %d: %s", r.getTurn(), e.getText())
            .anyMatch(
                v ->
                    v.getId().equals(c.getCrisis())
                        && v.getAggressor().equals(c.getAggressor())
                        && v.getTarget().equals(c.getTarget())
                        && v.getResolvesTurn() == c.getResolvesTurn());
      }
    }
    for (AllianceChanged a : last.values()) {
      var standing =
          next.getAlliancesList().stream()
              .filter(v -> v.getId().equals(a.getAlliance()))
              .findFirst();
      if (a.getChange() == AllianceChange.ALLIANCE_CHANGE_DISSOLVED) {
        assertThat(standing).as("turn %d: %s dissolved", r.getTurn(), a.getAlliance()).isEmpty();
      } else {
        assertThat(standing).as("turn %d: %s stands", r.getTurn(), a.getAlliance()).isPresent();
        AllianceView v = standing.get();
        List<String> expected = new ArrayList<>(a.getMembersList());
        expected.removeAll(conqueredNow);
        assertThat(v.getMembersList()).containsExactlyElementsOf(expected);
        assertThat(v.getTarget()).isEqualTo(a.getTarget());
        assertThat(v.getKind()).isEqualTo(a.getKind());
      }
    }
    return changes;
  }

  private static NationView nation(TurnView v, String id) {
    return v.getNationsList().stream()
        .filter(n -> n.getId().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no nation " + id));
  }
}
