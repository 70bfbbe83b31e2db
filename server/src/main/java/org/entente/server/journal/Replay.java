package org.entente.server.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.api.Orders;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.JournalGameCreated;
import org.entente.proto.v1.JournalMemberAdded;
import org.entente.proto.v1.JournalRecord;
import org.entente.proto.v1.JournalTurnAdjudicated;
import org.entente.proto.v1.PressMessage;
import org.entente.server.engine.Adjudicator;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Games;
import org.entente.server.engine.Injects;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.TurnResult;
import org.entente.server.engine.World;
import org.entente.server.history.GameHistory;
import org.entente.server.scenario.ScenarioException;
import org.entente.server.scenario.ScenarioLoader;

/**
 * Rebuilds a game from its journal by re-running the engine: the world from the stored scenario
 * bytes, every turn adjudicated again with the journaled orders (bots are never asked again), and
 * every stored hash checked. Also collects what a live game needs to go on: members, the current
 * turn's standing submissions, press, autopilots, pause.
 */
public final class Replay {
  private Replay() {}

  /** A submission standing for the current turn. */
  /** A standing submission: the orders, who sent them and when (epoch ms, 0 when unknown). */
  public record Submission(Orders orders, String submittedBy, long submittedAt) {
    public Submission(Orders orders, String submittedBy) {
      this(orders, submittedBy, 0);
    }
  }

  /**
   * A replayed game.
   *
   * @param state the position now (injects of the current turn applied)
   * @param lastReport the last turn's report, or null before turn 1 is adjudicated
   * @param news what players were told since the last turn
   * @param states the position each turn was adjudicated from, then the position now
   * @param standing the current turn's submissions by state
   * @param autopilot seats handed to a bot by the instructor: state to strategy
   * @param finishedReason why the game ended, or null when it goes on
   * @param secrets the join secrets standing, by state ("" for the observers)
   */
  public record Replayed(
      Path path,
      JournalGameCreated created,
      World world,
      GameState state,
      TurnReport lastReport,
      List<TurnReport.Event> news,
      List<GameState> states,
      List<TurnReport> reports,
      List<TurnReport.Event> prologue,
      List<JournalMemberAdded> members,
      Map<String, Submission> standing,
      List<PressMessage> press,
      Map<String, String> autopilot,
      boolean paused,
      String finishedReason,
      List<GameHistory.Annotation> annotations,
      Map<String, String> secrets) {

    /** True when the game is over (ended, or every turn it was to play has been played). */
    public boolean finished() {
      return finishedReason != null;
    }

    /** The game as replay and the debrief read it. */
    public GameHistory history() {
      Map<String, String> strategies = new LinkedHashMap<>();
      for (var n : world.start()) {
        String s = created.getSettings().getBotsMap().get(n.id());
        strategies.put(n.id(), s == null || s.isEmpty() ? null : s);
      }
      return new GameHistory(
          created.getGameId(),
          world,
          created.getSeed(),
          states,
          reports,
          prologue,
          annotations,
          strategies);
    }
  }

  /** The journal's first record, the game's creation; throws if it is not there. */
  public static JournalGameCreated created(JournalReader.Contents contents)
      throws JournalCorruptException {
    List<JournalRecord> records = contents.records();
    if (records.isEmpty() || !records.get(0).hasGameCreated()) {
      throw new JournalCorruptException(
          contents.path(), "the first record is not the game's creation");
    }
    return records.get(0).getGameCreated();
  }

  /** The world rebuilt from the scenario bytes stored at the game's creation. */
  public static World world(Path path, JournalGameCreated created) throws JournalCorruptException {
    try {
      return ScenarioLoader.parse(
              created.getScenarioSource().isEmpty()
                  ? created.getScenarioId()
                  : created.getScenarioSource(),
              created.getScenarioBytes().toByteArray())
          .world();
    } catch (ScenarioException e) {
      throw new JournalCorruptException(
          path, "the stored scenario no longer loads: " + e.getMessage());
    }
  }

  /** Replays a journal's records; throws naming the file and the first problem. */
  public static Replayed replay(JournalReader.Contents contents) throws JournalCorruptException {
    Path path = contents.path();
    List<JournalRecord> records = contents.records();
    JournalGameCreated created = created(contents);
    World world = world(path, created);
    long seed = created.getSeed();
    int maxTurns =
        created.getSettings().getMaxTurns() == 0
            ? world.turns()
            : Math.min(world.turns(), created.getSettings().getMaxTurns());
    Injects.Applied start = Games.start(world);
    GameState state = start.state();
    TurnReport last = null;
    List<TurnReport.Event> news = new ArrayList<>(start.events());
    List<GameState> states = new ArrayList<>();
    List<TurnReport> reports = new ArrayList<>();
    List<JournalMemberAdded> members = new ArrayList<>();
    Map<String, Submission> standing = new TreeMap<>();
    List<PressMessage> press = new ArrayList<>();
    Map<String, String> autopilot = new TreeMap<>();
    List<GameHistory.Annotation> annotations = new ArrayList<>();
    Map<String, String> secrets = new TreeMap<>();
    boolean paused = false;
    String finished = null;
    for (int i = 1; i < records.size(); i++) {
      JournalRecord r = records.get(i);
      long at = contents.offsets().get(i);
      try {
        switch (r.getKindCase()) {
          case MEMBER_ADDED -> members.add(r.getMemberAdded());
          case MEMBER_REVOKED ->
              members.removeIf(
                  x ->
                      x.getToken().equals(r.getMemberRevoked().getToken())
                          || TokenHash.of(x.getToken()).equals(r.getMemberRevoked().getToken()));
          case SECRET_ISSUED ->
              secrets.put(r.getSecretIssued().getState(), r.getSecretIssued().getSecret());
          case ORDERS_ACCEPTED -> {
            var o = r.getOrdersAccepted();
            if (o.getTurn() == state.turn()) {
              standing.put(
                  o.getState(),
                  new Submission(Wire.orders(o.getOrders()), o.getSubmittedBy(), r.getAtEpochMs()));
            }
          }
          case PRESS -> press.add(r.getPress());
          case ANNOTATION ->
              annotations.add(
                  new GameHistory.Annotation(
                      r.getAnnotation().getTurn(),
                      r.getAnnotation().getAuthor(),
                      r.getAnnotation().getText(),
                      r.getAtEpochMs()));
          case INSTRUCTOR -> {
            var a = r.getInstructor();
            switch (a.getActionCase()) {
              case PAUSE -> paused = true;
              case RESUME -> paused = false;
              case INJECT -> {
                Injects.Applied applied = Injects.apply(state, Events.fromJournal(a.getInject()));
                state = applied.state();
                news.addAll(applied.events());
              }
              case AUTOPILOT -> {
                if (a.getAutopilot().getOn()) {
                  autopilot.put(a.getAutopilot().getState(), a.getAutopilot().getStrategy());
                } else {
                  autopilot.remove(a.getAutopilot().getState());
                }
              }
              case END_GAME -> finished = "the instructor ended it";
              default -> {
                // extend and adjudicate-now change nothing the engine sees
              }
            }
          }
          case TURN -> {
            JournalTurnAdjudicated t = r.getTurn();
            if (t.getTurn() != state.turn()) {
              throw new JournalCorruptException(
                  path,
                  "record at byte offset "
                      + at
                      + " adjudicates turn "
                      + t.getTurn()
                      + " but the game is at turn "
                      + state.turn());
            }
            Map<String, Orders> orders = new TreeMap<>();
            t.getOrdersMap().forEach((k, v) -> orders.put(k, Wire.orders(v)));
            TurnResult res = Adjudicator.adjudicate(state, orders, seed);
            if (!res.report().stateHash().equals(t.getStateHash())) {
              throw new JournalCorruptException(
                  path,
                  "turn "
                      + t.getTurn()
                      + " diverges (record at byte offset "
                      + at
                      + "): the journal says hash "
                      + t.getStateHash()
                      + " but the engine now gives "
                      + res.report().stateHash()
                      + "; refusing to recover this game");
            }
            states.add(state);
            state = res.state();
            last = res.report();
            reports.add(last);
            news = new ArrayList<>(last.news());
            standing.clear();
          }
          case FINISHED -> finished = r.getFinished().getReason();
          case GAME_CREATED ->
              throw new JournalCorruptException(
                  path, "a second game-created record at byte offset " + at);
          case KIND_NOT_SET ->
              throw new JournalCorruptException(path, "an empty record at byte offset " + at);
        }
      } catch (RuntimeException e) {
        throw new JournalCorruptException(
            path, "record at byte offset " + at + " cannot be replayed: " + e.getMessage());
      }
    }
    states.add(state);
    if (finished == null && (state.finished() || state.turn() > maxTurns)) {
      finished = "the last turn has been played";
    }
    return new Replayed(
        path,
        created,
        world,
        state,
        last,
        news,
        states,
        reports,
        start.events(),
        members,
        standing,
        press,
        autopilot,
        paused,
        finished,
        annotations,
        secrets);
  }
}
