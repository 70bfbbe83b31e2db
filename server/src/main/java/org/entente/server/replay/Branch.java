package org.entente.server.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.OrderSyntax;
import org.entente.api.Orders;
import org.entente.proto.v1.JournalGameCreated;
import org.entente.proto.v1.JournalInstructorAction;
import org.entente.proto.v1.Role;
import org.entente.server.engine.Adjudicator;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Injects;
import org.entente.server.engine.ScheduledEvent;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.TurnResult;
import org.entente.server.engine.Views;
import org.entente.server.history.GameHistory;
import org.entente.server.journal.Events;
import org.entente.server.journal.Journal;
import org.entente.server.journal.JournalStore;
import org.entente.server.journal.Records;
import org.entente.server.sim.SeatBots;

/**
 * A what-if branch of a game: positions 1..t identical to the parent's, turn t adjudicated with the
 * parent's orders except the replaced ones, then played on headless with the same strategies. A
 * seat without a strategy repeats its parent's journaled orders where there are some, else sends
 * none (its default). The parent's instructor injects are applied at the same turns.
 *
 * @param history the branch's whole game
 * @param lineage its parent and fork turn
 * @param orders every turn's orders, from turn 1 (null entries when the parent kept none)
 * @param injects the instructor's injects by the turn they preceded
 */
public record Branch(
    GameHistory history,
    Lineage lineage,
    List<Map<String, Orders>> orders,
    Map<Integer, List<List<ScheduledEvent>>> injects,
    JournalGameCreated parentCreated) {

  /** A branch of the journaled game {@code parent}. */
  public static Branch from(Path parent, int turn, Map<String, Orders> replacements)
      throws IOException {
    return from(Replayer.open(parent), turn, replacements);
  }

  /** A branch of {@code parent} (its strategies re-play every bot seat; people send nothing). */
  public static Branch from(GameHistory parent, int turn, Map<String, Orders> replacements) {
    return from(Replayer.of(parent), turn, replacements);
  }

  /** A branch of the game {@code parent} replays. */
  public static Branch from(Replayer parent, int turn, Map<String, Orders> replacements) {
    return from(parent, turn, replacements, null);
  }

  /**
   * A branch named {@code id} (null: derived from the parent, the turn and the orders).
   *
   * @throws LiveBranch.BadOrders if a replacement breaks a rule at the fork turn (the check of the
   *     protocol's {@code branch_game})
   */
  public static Branch from(
      Replayer parent, int turn, Map<String, Orders> replacements, String id) {
    if (turn < 1 || turn > parent.turns()) {
      throw new IllegalArgumentException(
          "no turn "
              + turn
              + " to branch from in "
              + parent.gameId()
              + ": it has turns 1.."
              + parent.turns());
    }
    var world = parent.world();
    for (String seat : replacements.keySet()) {
      if (world.index(seat) < 0) {
        throw new IllegalArgumentException("no seat " + seat + " in " + world.id());
      }
    }
    LiveBranch.check(parent.state(turn), turn, replacements, "orders");
    long seed = parent.seed();
    List<GameState> states = new ArrayList<>();
    List<TurnReport> reports = new ArrayList<>();
    List<Map<String, Orders>> orders = new ArrayList<>();
    Map<Integer, List<List<ScheduledEvent>>> injects = new TreeMap<>();
    for (int t = 1; t < turn; t++) {
      states.add(parent.state(t));
      reports.add(parent.report(t));
      orders.add(parent.orders(t));
      if (!parent.injectsBefore(t).isEmpty()) {
        injects.put(t, parent.injectsBefore(t));
      }
    }
    if (!parent.injectsBefore(turn).isEmpty()) {
      injects.put(turn, parent.injectsBefore(turn));
    }
    GameState s = parent.state(turn);
    TurnReport last = turn == 1 ? null : parent.report(turn - 1);
    int maxTurns = maxTurns(parent);
    // The branch's bots first see turns 1..turn as the parent's seats saw them (adaptive
    // strategies remember them); they decide from the turn after the branch point.
    List<GameState> seen = new ArrayList<>(states);
    seen.add(s);
    Map<String, Bot> bots = new TreeMap<>();
    parent
        .strategies()
        .forEach(
            (seat, name) -> {
              if (name != null) {
                bots.put(seat, SeatBots.joining(name, seat, seed, seen, reports));
              }
            });
    for (int t = turn; !s.finished() && t <= maxTurns; t++) {
      Map<String, Orders> o = new TreeMap<>();
      Map<String, Orders> journaled = t <= parent.turns() ? parent.orders(t) : null;
      if (t == turn && journaled != null) {
        o.putAll(journaled);
      } else {
        Views.Public pub = Views.publicPart(s, last);
        for (var n : world.start()) {
          String seat = n.id();
          if (!s.nation(seat).active()) {
            continue;
          }
          Bot bot = bots.get(seat);
          if (bot != null) {
            o.put(seat, bot.decide(Views.of(pub, seat), Dice.of(seed, t, "bot:" + seat)));
          } else if (journaled != null && journaled.containsKey(seat)) {
            o.put(seat, journaled.get(seat));
          }
        }
      }
      if (t == turn) {
        o.putAll(replacements);
      }
      states.add(s);
      orders.add(o);
      TurnResult res = Adjudicator.adjudicate(s, o, seed);
      s = res.state();
      last = res.report();
      reports.add(last);
      for (List<ScheduledEvent> batch : parent.injectsBefore(t + 1)) {
        s = Injects.apply(s, batch).state();
        injects.computeIfAbsent(t + 1, k -> new ArrayList<>()).add(batch);
      }
    }
    states.add(s);
    Lineage parentLine = parent.lineage();
    List<String> ancestors = new ArrayList<>(Lineage.line(parent.gameId(), parentLine));
    Lineage lineage = new Lineage(parent.gameId(), turn, ancestors);
    String gameId = id != null ? id : defaultId(parent.gameId(), turn, replacements);
    List<GameHistory.Annotation> notes = new ArrayList<>();
    notes.add(new GameHistory.Annotation(turn, Lineage.AUTHOR, lineage.text(), 0));
    GameHistory h =
        new GameHistory(
            gameId, world, seed, states, reports, parent.prologue(), notes, parent.strategies());
    return new Branch(
        h, lineage, orders, injects, parent.record() == null ? null : parent.record().created);
  }

  private static int maxTurns(Replayer parent) {
    int w = parent.world().turns();
    if (parent.record() == null) {
      // a history keeps no settings: a parent that stopped before its end was capped
      return parent.state(parent.turns() + 1).finished() ? w : parent.turns();
    }
    int m = parent.record().created.getSettings().getMaxTurns();
    return m == 0 ? w : Math.min(w, m);
  }

  private static String defaultId(String parent, int turn, Map<String, Orders> replacements) {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(replacements)
        .forEach((k, v) -> b.append(k).append('=').append(OrderSyntax.format(v)).append(';'));
    String id = parent + "-t" + turn + "-" + String.format("%08x", b.toString().hashCode());
    return id.length() > 120 ? id.substring(id.length() - 120) : id;
  }

  /** The branch's game id. */
  public String gameId() {
    return history.gameId();
  }

  /**
   * Writes the branch's journal to {@code store}: the parent's scenario and settings, the lineage
   * (in the creation record, and as an annotation), the injects and every turn's orders and hash,
   * so it replays on its own. Needs a journaled parent (a history keeps no orders).
   */
  public void writeJournal(JournalStore store) throws IOException {
    if (parentCreated == null || orders.stream().anyMatch(o -> o == null)) {
      throw new IllegalStateException(
          "the parent's orders are unknown (not a journal): the branch cannot be journaled");
    }
    long now = System.currentTimeMillis();
    JournalGameCreated created =
        lineage.recordIn(parentCreated.toBuilder().setGameId(gameId()).build());
    try (Journal j = store.create(gameId())) {
      j.append(
          org.entente.proto.v1.JournalRecord.newBuilder()
              .setAtEpochMs(now)
              .setGameCreated(created)
              .build());
      j.append(Records.member(now, "", Role.INSTRUCTOR, "", "branch"));
      j.append(Records.annotation(now, lineage.forkTurn(), Lineage.AUTHOR, lineage.text()));
      for (int t = 1; t <= orders.size(); t++) {
        for (List<ScheduledEvent> batch : injects.getOrDefault(t, List.of())) {
          j.append(
              Records.instructor(
                  now, JournalInstructorAction.newBuilder().setInject(Events.toJournal(batch))));
        }
        j.append(
            Records.turn(
                now, t, orders.get(t - 1), history.reports().get(t - 1).stateHash(), "branch"));
      }
      for (List<ScheduledEvent> batch : injects.getOrDefault(orders.size() + 1, List.of())) {
        j.append(
            Records.instructor(
                now, JournalInstructorAction.newBuilder().setInject(Events.toJournal(batch))));
      }
      j.append(Records.finished(now, "the last turn has been played"));
      j.force();
    }
  }
}
