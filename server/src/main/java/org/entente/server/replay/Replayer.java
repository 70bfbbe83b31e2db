package org.entente.server.replay;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.server.engine.Adjudicator;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Games;
import org.entente.server.engine.Injects;
import org.entente.server.engine.ScheduledEvent;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.TurnResult;
import org.entente.server.engine.Views;
import org.entente.server.engine.World;
import org.entente.server.history.GameHistory;
import org.entente.server.journal.JournalCorruptException;
import org.entente.server.journal.JournalReader;

/**
 * Random access to every turn of a game: the position at the start of turn t, turn t's report, and
 * what each role saw. From a journal, the game is run once on open (checking every stored hash)
 * keeping every k-th position as an anchor; any other position is rebuilt from the nearest anchor
 * or cached snapshot before it by re-running the engine with the journaled orders (at most k
 * turns), and the snapshots rebuilt are kept in a Caffeine cache bounded by their approximate size,
 * so stepping back and forth is instant. From a {@link GameHistory}, every position is already
 * there.
 *
 * <p>Turns are 1-based: {@link #state(int)} takes 1..{@link #turns()}+1 (the last is the final
 * position), {@link #report(int)} takes 1..{@link #turns()}.
 */
public final class Replayer {
  /** Every how many turns a position is kept as an anchor by default. */
  public static final int DEFAULT_ANCHOR_EVERY = 16;

  /** The default bound of the snapshot cache, in approximate bytes. */
  public static final long DEFAULT_CACHE_BYTES = 64L << 20;

  /** A cached snapshot's key: the game and the turn. */
  record Key(String game, int turn) {}

  /** The position at the start of a turn and the report of the turn before it (null on turn 1). */
  record Snapshot(GameState state, TurnReport previous) {}

  private final String gameId;
  private final World world;
  private final long seed;
  private final Map<String, String> strategies;
  private final List<TurnReport.Event> prologue;
  private final List<GameHistory.Annotation> annotations;
  private final Lineage lineage;
  private final GameRecord record; // null when built from a history
  private final GameHistory history; // null when built from a journal
  private final int turns;
  private final int every;
  private final Snapshot[] anchors;
  private final Cache<Key, Snapshot> cache;

  private Replayer(GameHistory h) {
    this.gameId = h.gameId();
    this.world = h.world();
    this.seed = h.seed();
    this.strategies = h.strategies();
    this.prologue = h.prologue();
    this.annotations = h.annotations();
    this.lineage = Lineage.of(h);
    this.record = null;
    this.history = h;
    this.turns = h.reports().size();
    this.every = 1;
    this.anchors = new Snapshot[0];
    this.cache = null;
  }

  private Replayer(GameRecord r, int every, long cacheBytes) throws JournalCorruptException {
    if (every < 1) {
      throw new IllegalArgumentException("anchors every " + every + " turns");
    }
    this.gameId = r.gameId;
    this.world = r.world;
    this.seed = r.seed;
    this.strategies = r.strategies;
    this.annotations = r.annotations;
    this.lineage = r.lineage;
    this.record = r;
    this.history = null;
    this.turns = r.turns();
    this.every = every;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(cacheBytes)
            .weigher((Key k, Snapshot s) -> weight(s.state()))
            .build();
    Injects.Applied start = Games.start(world);
    this.prologue = start.events();
    this.anchors = new Snapshot[turns / every + 1];
    Snapshot s = new Snapshot(injected(start.state(), 1), null);
    anchors[0] = s;
    for (int t = 1; t <= turns; t++) {
      try {
        s = step(s, t);
      } catch (IllegalStateException | IllegalArgumentException e) {
        throw new JournalCorruptException(
            r.path == null ? Path.of(r.gameId) : r.path, e.getMessage());
      }
      if (t % every == 0) {
        anchors[t / every] = s;
      }
    }
  }

  /** Opens the journal file {@code path}, with the default anchors and cache bound. */
  public static Replayer open(Path path) throws IOException {
    return open(path, DEFAULT_ANCHOR_EVERY, DEFAULT_CACHE_BYTES);
  }

  /** Opens the journal file {@code path}, keeping every {@code anchorEvery}-th position. */
  public static Replayer open(Path path, int anchorEvery, long cacheBytes) throws IOException {
    return new Replayer(GameRecord.read(path), anchorEvery, cacheBytes);
  }

  /** Opens a journal already read. */
  public static Replayer open(JournalReader.Contents contents) throws JournalCorruptException {
    return new Replayer(GameRecord.of(contents), DEFAULT_ANCHOR_EVERY, DEFAULT_CACHE_BYTES);
  }

  /**
   * A replayer over a game played elsewhere with no journal (benchmarks, tests): the world, the
   * seed and every turn's orders; the hashes are computed on the first run instead of checked.
   */
  public static Replayer of(
      String gameId,
      World world,
      long seed,
      Map<String, String> strategies,
      List<Map<String, Orders>> orders,
      int anchorEvery,
      long cacheBytes) {
    try {
      return new Replayer(
          new GameRecord(gameId, world, seed, strategies, orders), anchorEvery, cacheBytes);
    } catch (JournalCorruptException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A replayer over a history that holds every position. */
  public static Replayer of(GameHistory history) {
    return new Replayer(history);
  }

  /** The approximate size in bytes of a position (its intent matrix and its states). */
  static int weight(GameState s) {
    int n = s.nations().size();
    return n * n * 8 + n * 100 + 256;
  }

  public String gameId() {
    return gameId;
  }

  public World world() {
    return world;
  }

  public long seed() {
    return seed;
  }

  /** Each seat's strategy (null for people). */
  public Map<String, String> strategies() {
    return strategies;
  }

  /** The branch's lineage, or null for a root game. */
  public Lineage lineage() {
    return lineage;
  }

  /** The notes on the game's turns (the instructor's, and a branch's lineage), in order. */
  public List<GameHistory.Annotation> annotations() {
    return annotations;
  }

  /** The number of adjudicated turns. */
  public int turns() {
    return turns;
  }

  /** True when built from a journal (orders known, positions rebuilt). */
  public boolean journaled() {
    return record != null;
  }

  /** The position at the start of turn {@code t} (1..turns()+1). */
  public GameState state(int t) {
    return snapshot(t).state();
  }

  /** The report of turn {@code t} (1..turns()). */
  public TurnReport report(int t) {
    checkReport(t);
    return history != null ? history.reports().get(t - 1) : snapshot(t + 1).previous();
  }

  /** The hash of the position after turn {@code t} (1..turns()). */
  public String hash(int t) {
    checkReport(t);
    return record != null ? record.hashes.get(t - 1) : history.reports().get(t - 1).stateHash();
  }

  /** The orders adjudicated on turn {@code t}, or null when the source did not keep them. */
  public Map<String, Orders> orders(int t) {
    checkReport(t);
    return record == null ? null : record.orders.get(t - 1);
  }

  /** The instructor's injects applied before turn {@code t} (none from a history). */
  List<List<ScheduledEvent>> injectsBefore(int t) {
    return record == null ? List.of() : record.injectsBefore(t);
  }

  /** What seat {@code seat} saw at the start of turn {@code t}: the engine's view, nothing else. */
  public PlayerView view(int t, String seat) {
    if (world.index(seat) < 0) {
      throw new IllegalArgumentException("no seat " + seat + " in " + world.id());
    }
    Snapshot s = snapshot(t);
    return Views.of(s.state(), s.previous(), seat);
  }

  /** What {@code role} saw at the start of turn {@code t}. */
  public ReplayView view(int t, Role role) {
    Snapshot s = snapshot(t);
    if (role instanceof Role.Seat seat) {
      return new ReplayView.SeatView(t, view(t, seat.state()));
    }
    Views.Public pub = Views.publicPart(s.state(), s.previous());
    if (role instanceof Role.Observer) {
      return new ReplayView.ObserverView(
          t,
          world.label(t),
          pub.nations(),
          pub.alliances(),
          pub.crises(),
          pub.lastStances(),
          s.previous() == null ? List.of() : s.previous().events(),
          s.previous() == null ? List.of() : s.previous().wars());
    }
    Map<String, PlayerView> seats = new LinkedHashMap<>();
    for (var n : world.start()) {
      seats.put(n.id(), Views.of(pub, n.id()));
    }
    return new ReplayView.InstructorView(
        t, s.state(), s.previous(), t <= turns ? orders(t) : null, seats);
  }

  /** The whole game as a history (every position rebuilt). */
  public GameHistory history() {
    if (history != null) {
      return history;
    }
    List<GameState> states = new ArrayList<>();
    List<TurnReport> reports = new ArrayList<>();
    for (int t = 1; t <= turns + 1; t++) {
      Snapshot s = snapshot(t);
      states.add(s.state());
      if (t > 1) {
        reports.add(s.previous());
      }
    }
    return new GameHistory(gameId, world, seed, states, reports, prologue, annotations, strategies);
  }

  /**
   * What the room did: from the journal (students, who played each seat when, messages, injects),
   * or, for a game known only from its history, its bots.
   */
  public Room room() throws IOException {
    if (record != null && record.path != null) {
      return Room.of(JournalReader.read(record.path))
          .ordered(world.start().stream().map(n -> n.id()).toList(), turns);
    }
    return history != null ? Room.of(history) : Room.of(history());
  }

  /** Empties the snapshot cache (anchors stay). */
  public void clearCache() {
    if (cache != null) {
      cache.invalidateAll();
      cache.cleanUp();
    }
  }

  /** The number of snapshots cached now (anchors not counted). */
  long cached() {
    return cache == null ? 0 : cache.estimatedSize();
  }

  /** The source this replayer reads, for branches. */
  GameRecord record() {
    return record;
  }

  GameHistory source() {
    return history;
  }

  List<TurnReport.Event> prologue() {
    return prologue;
  }

  private void checkReport(int t) {
    if (t < 1 || t > turns) {
      throw new IllegalArgumentException(
          "no turn " + t + " in " + gameId + ": it has turns 1.." + turns);
    }
  }

  private Snapshot snapshot(int t) {
    if (t < 1 || t > turns + 1) {
      throw new IllegalArgumentException(
          "no turn " + t + " in " + gameId + ": it has positions 1.." + (turns + 1));
    }
    if (history != null) {
      return new Snapshot(
          history.states().get(t - 1), t == 1 ? null : history.reports().get(t - 2));
    }
    int base = t - 1;
    if (base % every == 0) {
      return anchors[base / every];
    }
    Snapshot hit = cache.getIfPresent(new Key(gameId, t));
    if (hit != null) {
      return hit;
    }
    int from = (base / every) * every + 1;
    Snapshot s = anchors[(from - 1) / every];
    for (int u = t - 1; u > from; u--) {
      Snapshot c = cache.getIfPresent(new Key(gameId, u));
      if (c != null) {
        from = u;
        s = c;
        break;
      }
    }
    for (int u = from; u < t; u++) {
      s = step(s, u);
      if ((u % every) != 0) {
        cache.put(new Key(gameId, u + 1), s);
      }
    }
    return s;
  }

  // Adjudicates turn u from its snapshot with the journaled orders; checks the stored hash.
  private Snapshot step(Snapshot s, int u) {
    TurnResult res = Adjudicator.adjudicate(s.state(), record.orders.get(u - 1), seed);
    if (!record.stored && record.hashes.size() < u) {
      record.hashes.add(res.report().stateHash());
    }
    String expected = record.hashes.get(u - 1);
    if (!res.report().stateHash().equals(expected)) {
      throw new IllegalStateException(
          "turn "
              + u
              + " diverges: the journal says hash "
              + expected
              + " but the engine now gives "
              + res.report().stateHash());
    }
    return new Snapshot(injected(res.state(), u + 1), res.report());
  }

  private GameState injected(GameState s, int t) {
    for (List<ScheduledEvent> batch : record.injectsBefore(t)) {
      s = Injects.apply(s, batch).state();
    }
    return s;
  }
}
