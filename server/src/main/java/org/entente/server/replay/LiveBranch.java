package org.entente.server.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.api.Orders;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.JournalGameCreated;
import org.entente.proto.v1.JournalInstructorAction;
import org.entente.proto.v1.JournalRecord;
import org.entente.server.engine.Adjudicator;
import org.entente.server.engine.GameState;
import org.entente.server.engine.ScheduledEvent;
import org.entente.server.engine.TurnResult;
import org.entente.server.journal.Events;
import org.entente.server.journal.JournalCorruptException;
import org.entente.server.journal.JournalReader;
import org.entente.server.journal.Records;

/**
 * The opening of a branch that plays live: the records its journal starts with, so that the server
 * rebuilds it as it rebuilds any game after a crash. They are the creation record (the parent's
 * scenario and seed, the branch's settings, instructor token and lineage), the lineage annotation,
 * and the parent's injects and adjudicated turns before the fork turn {@code t}. Then either turn
 * {@code t} adjudicated with the parent's orders, some replaced (the branch goes on live from
 * {@code t + 1}), or, when the fork turn is to be played live, the replacement orders as the seats'
 * standing submissions of turn {@code t}. The parent's injects after the fork are not carried over:
 * the branch's future is its own instructor's.
 *
 * @param records the branch's journal, in order
 * @param lineage its parent, fork turn and ancestors
 * @param parentCreated the parent's creation record
 */
public record LiveBranch(
    List<JournalRecord> records, Lineage lineage, JournalGameCreated parentCreated) {

  /** Thrown when the fork turn is not one the parent allows; the message names the turns. */
  public static final class NoSuchTurn extends IllegalArgumentException {
    NoSuchTurn(String message) {
      super(message);
    }
  }

  /** Thrown when a replacement order is not one the engine takes at the fork turn. */
  public static final class BadOrders extends IllegalArgumentException {
    private final String seat;
    private final String reason;

    BadOrders(String field, String seat, String reason) {
      super(field + (seat.isEmpty() ? "" : "." + seat) + ": " + reason);
      this.seat = seat;
      this.reason = reason;
    }

    /** The state whose orders are refused ("" when the orders name no state of the scenario). */
    public String seat() {
      return seat;
    }

    /** Why, without the field's name. */
    public String reason() {
      return reason;
    }
  }

  /** The parent's creation record, as {@link #of} reads it (to check tokens before building). */
  public static JournalGameCreated parentCreated(JournalReader.Contents parent)
      throws JournalCorruptException {
    return org.entente.server.journal.Replay.created(parent);
  }

  /**
   * The opening of a branch of the journaled game {@code parent}.
   *
   * @param turn the fork turn: 1..turns played, or up to the next turn when {@code playForkTurn}
   * @param replacements orders replacing the parent's at the fork turn, by state
   * @param playForkTurn whether the fork turn is played live rather than adjudicated at once
   * @param settings the branch's settings (scenario and seed are the parent's)
   * @throws NoSuchTurn if the parent has no such turn
   * @throws BadOrders if a replacement names no seat, a conquered one, or breaks a rule
   */
  public static LiveBranch of(
      JournalReader.Contents parent,
      int turn,
      Map<String, Orders> replacements,
      boolean playForkTurn,
      String branchId,
      String instructorToken,
      CreateGame settings,
      long now)
      throws JournalCorruptException {
    Replayer replayer = Replayer.open(parent);
    GameRecord rec = replayer.record();
    int last = playForkTurn ? rec.turns() + 1 : rec.turns();
    if (turn < 1 || turn > last) {
      throw new NoSuchTurn(
          "branch_game.turn: "
              + turn
              + " is not a turn of "
              + rec.gameId
              + " to branch from: it has adjudicated "
              + (rec.turns() == 0 ? "no turn" : "turns 1.." + rec.turns())
              + (playForkTurn ? " (a fork turn played live may also be the next one)" : ""));
    }
    GameState at = replayer.state(turn);
    Map<String, Orders> orders = new TreeMap<>();
    if (!playForkTurn) {
      orders.putAll(rec.orders.get(turn - 1));
    }
    check(at, turn, replacements, "branch_game.orders");
    orders.putAll(replacements);
    Lineage lineage = new Lineage(rec.gameId, turn, Lineage.line(rec.gameId, rec.lineage));
    JournalGameCreated created =
        lineage.recordIn(
            rec.created.toBuilder()
                .setGameId(branchId)
                .setInstructorToken(org.entente.server.journal.TokenHash.of(instructorToken))
                .setSettings(settings)
                .setSeed(rec.seed)
                .setHeadless(false)
                .build());
    List<JournalRecord> out = new ArrayList<>();
    out.add(JournalRecord.newBuilder().setAtEpochMs(now).setGameCreated(created).build());
    out.add(Records.annotation(now, turn, Lineage.AUTHOR, lineage.text()));
    for (int t = 1; t < turn; t++) {
      injects(out, rec.injectsBefore(t), t, now);
      out.add(
          Records.turn(
              now,
              t,
              rec.orders.get(t - 1),
              rec.hashes.get(t - 1),
              "turn " + t + " of the parent"));
    }
    injects(out, rec.injectsBefore(turn), turn, now);
    if (playForkTurn) {
      orders.forEach((seat, o) -> out.add(Records.orders(now, turn, seat, o, "branch")));
    } else {
      TurnResult r = Adjudicator.adjudicate(at, orders, rec.seed);
      out.add(
          Records.turn(
              now,
              turn,
              orders,
              r.report().stateHash(),
              "the fork turn: the parent's orders"
                  + (replacements.isEmpty()
                      ? ""
                      : ", replaced for "
                          + String.join(", ", new TreeMap<>(replacements).keySet()))));
    }
    return new LiveBranch(List.copyOf(out), lineage, rec.created);
  }

  /**
   * Checks replacement orders at the fork turn as the engine would take them: each names a state of
   * the scenario, still independent at {@code at}, and its orders break no rule (an effort out of
   * range, an unknown target, an action it cannot take). The protocol's {@code branch_game} and the
   * {@code branch} command share this check.
   *
   * @param at the position at the start of the fork turn
   * @param field how the caller names the orders in its messages ({@code branch_game.orders})
   * @throws BadOrders naming the first bad state, its orders' problems and {@code field}
   */
  public static void check(GameState at, int turn, Map<String, Orders> replacements, String field) {
    for (var e : new TreeMap<>(replacements).entrySet()) {
      String seat = e.getKey();
      if (at.world().index(seat) < 0) {
        throw new BadOrders(field, "", "no state '" + seat + "' in " + at.world().id());
      }
      if (!at.nation(seat).active()) {
        throw new BadOrders(field, seat, seat + " is conquered by turn " + turn);
      }
      List<String> problems = Adjudicator.check(at, seat, e.getValue());
      if (!problems.isEmpty()) {
        throw new BadOrders(field, seat, String.join("; ", problems));
      }
    }
  }

  private static void injects(
      List<JournalRecord> out, List<List<ScheduledEvent>> batches, int turn, long now) {
    for (List<ScheduledEvent> batch : batches) {
      out.add(
          Records.instructor(
              now,
              JournalInstructorAction.newBuilder()
                  .setTurn(turn)
                  .setInject(Events.toJournal(batch))));
    }
  }
}
