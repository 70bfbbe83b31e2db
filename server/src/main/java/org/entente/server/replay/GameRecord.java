package org.entente.server.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.api.Orders;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.JournalGameCreated;
import org.entente.proto.v1.JournalRecord;
import org.entente.proto.v1.JournalTurnAdjudicated;
import org.entente.server.engine.ScheduledEvent;
import org.entente.server.engine.World;
import org.entente.server.history.GameHistory;
import org.entente.server.journal.Events;
import org.entente.server.journal.JournalCorruptException;
import org.entente.server.journal.JournalReader;

/**
 * A game as its journal tells it, without running the engine: the world, the seed, the strategies,
 * every adjudicated turn's orders and hash, the instructor's injects by the turn they preceded, and
 * the annotations (a branch's lineage among them).
 */
final class GameRecord {
  final Path path;
  final JournalGameCreated created;
  final String gameId;
  final World world;
  final long seed;
  final Map<String, String> strategies;
  final List<Map<String, Orders>> orders;
  final List<String> hashes;
  final Map<Integer, List<List<ScheduledEvent>>> injects;
  final List<GameHistory.Annotation> annotations;
  final Lineage lineage;

  /** Whether the hashes were stored (and are checked) or computed on the first run. */
  final boolean stored;

  /** A game played elsewhere, with no journal: its hashes are computed on the first run. */
  GameRecord(
      String gameId,
      World world,
      long seed,
      Map<String, String> strategies,
      List<Map<String, Orders>> orders) {
    this.path = null;
    this.created = null;
    this.gameId = gameId;
    this.world = world;
    this.seed = seed;
    this.strategies = new LinkedHashMap<>(strategies);
    this.orders = List.copyOf(orders);
    this.hashes = new ArrayList<>();
    this.injects = Map.of();
    this.annotations = List.of();
    this.lineage = null;
    this.stored = false;
  }

  private GameRecord(
      Path path,
      JournalGameCreated created,
      World world,
      Map<String, String> strategies,
      List<Map<String, Orders>> orders,
      List<String> hashes,
      Map<Integer, List<List<ScheduledEvent>>> injects,
      List<GameHistory.Annotation> annotations) {
    this.path = path;
    this.created = created;
    this.gameId = created.getGameId();
    this.world = world;
    this.seed = created.getSeed();
    this.strategies = strategies;
    this.orders = orders;
    this.hashes = hashes;
    this.injects = injects;
    this.annotations = annotations;
    Lineage found = Lineage.of(created);
    for (GameHistory.Annotation a : annotations) {
      if (Lineage.AUTHOR.equals(a.author()) && found == null) {
        found = Lineage.parse(a.text());
      }
    }
    this.lineage = found;
    this.stored = true;
  }

  /** Reads the journal file {@code path}. */
  static GameRecord read(Path path) throws IOException {
    return of(JournalReader.read(path));
  }

  /** The game told by a journal's records. */
  static GameRecord of(JournalReader.Contents contents) throws JournalCorruptException {
    Path path = contents.path();
    List<JournalRecord> records = contents.records();
    JournalGameCreated created = org.entente.server.journal.Replay.created(contents);
    World world = org.entente.server.journal.Replay.world(path, created);
    Map<String, String> strategies = new LinkedHashMap<>();
    for (var n : world.start()) {
      String s = created.getSettings().getBotsMap().get(n.id());
      strategies.put(n.id(), s == null || s.isEmpty() ? null : s);
    }
    List<Map<String, Orders>> orders = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    Map<Integer, List<List<ScheduledEvent>>> injects = new HashMap<>();
    List<GameHistory.Annotation> annotations = new ArrayList<>();
    int turn = 1;
    for (int i = 1; i < records.size(); i++) {
      JournalRecord r = records.get(i);
      try {
        switch (r.getKindCase()) {
          case ANNOTATION ->
              annotations.add(
                  new GameHistory.Annotation(
                      r.getAnnotation().getTurn(),
                      r.getAnnotation().getAuthor(),
                      r.getAnnotation().getText(),
                      r.getAtEpochMs()));
          case INSTRUCTOR -> {
            if (r.getInstructor().hasInject()) {
              injects
                  .computeIfAbsent(turn, k -> new ArrayList<>())
                  .add(Events.fromJournal(r.getInstructor().getInject()));
            }
          }
          case TURN -> {
            JournalTurnAdjudicated t = r.getTurn();
            if (t.getTurn() != turn) {
              throw new JournalCorruptException(
                  path,
                  "record at byte offset "
                      + contents.offsets().get(i)
                      + " adjudicates turn "
                      + t.getTurn()
                      + " but the game is at turn "
                      + turn);
            }
            Map<String, Orders> o = new TreeMap<>();
            t.getOrdersMap().forEach((k, v) -> o.put(k, Wire.orders(v)));
            orders.add(o);
            hashes.add(t.getStateHash());
            turn++;
          }
          default -> {
            // members, press, submissions and pauses change nothing the engine sees
          }
        }
      } catch (RuntimeException e) {
        throw new JournalCorruptException(
            path,
            "record at byte offset "
                + contents.offsets().get(i)
                + " cannot be replayed: "
                + e.getMessage());
      }
    }
    return new GameRecord(path, created, world, strategies, orders, hashes, injects, annotations);
  }

  /** The number of adjudicated turns. */
  int turns() {
    return orders.size();
  }

  /** The instructor's injects applied before turn {@code t} was adjudicated. */
  List<List<ScheduledEvent>> injectsBefore(int t) {
    return injects.getOrDefault(t, List.of());
  }
}
