package org.entente.server.game;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.proto.v1.DefaultOrderPolicy;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GameEvent;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.JournalInstructorAction;
import org.entente.proto.v1.JournalRecord;
import org.entente.proto.v1.PressMessage;
import org.entente.proto.v1.Role;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.engine.Adjudicator;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Games;
import org.entente.server.engine.Injects;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.TurnResult;
import org.entente.server.engine.Views;
import org.entente.server.engine.World;
import org.entente.server.history.GameHistory;
import org.entente.server.journal.Events;
import org.entente.server.journal.Journal;
import org.entente.server.journal.JournalSyncer;
import org.entente.server.journal.Records;
import org.entente.server.journal.Replay;
import org.entente.server.net.Connection;
import org.entente.server.net.SplicedMessage;
import org.entente.server.sim.SeatBots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live game. All of its state is touched only on its own serial executor (one task at a time,
 * in order, on a pool shared by all games), so nothing in it is locked: every entry point is {@link
 * #execute}d. It holds the position, the seats (each a state played by a bot or by a team of people
 * with their own tokens), the orders submitted this turn, the deadline, the press, and the
 * connections to push views to.
 */
public final class LiveGame {
  private static final Logger LOG = LoggerFactory.getLogger(LiveGame.class);
  static final int MAX_MEMBERS_PER_SEAT = 8;
  static final int MAX_PRESS_CHARS = 4000;

  final String id;
  final World world;
  final GameSettings settings;
  final GameClock clock;
  final String instructorToken;

  /** How long shutdown waits for a game's queued work before dropping it. */
  static final long SHUTDOWN_WAIT_MILLIS = 3_000;

  private final SerialExecutor executor;
  private final GameListener listener;

  // touched only on the executor
  GameState state;
  TurnReport lastReport;
  List<TurnReport.Event> news;
  final Map<String, Seat> seats = new LinkedHashMap<>();
  final Map<String, Member> members = new LinkedHashMap<>();
  final Map<String, Connection> connections = new LinkedHashMap<>();
  final List<PressMessage> press = new ArrayList<>();
  final List<TurnReport> reports = new ArrayList<>();
  final List<GameState> states = new ArrayList<>(); // the position each turn was adjudicated from
  // how each conquered seat's state left the game, found once in the reports (on the executor)
  final Map<String, org.entente.proto.v1.Elimination> eliminations = new java.util.HashMap<>();
  private final Map<String, SeatBot> bots = new TreeMap<>(); // on the executor only

  private record SeatBot(String strategy, Bot bot) {}

  final List<GameHistory.Annotation> annotations = new ArrayList<>();
  List<TurnReport.Event> prologue = List.of();
  GamePhase phase = GamePhase.ORDERS;
  long deadline;
  private long pausedRemaining;
  private GameClock.Cancellable deadlineTask;
  private int pressSeq;
  private volatile org.entente.proto.v1.GameInfo info;
  private boolean infoStale;
  private long orderArrivedNanos; // System.nanoTime() of the order being handled, or 0
  private long servingSince; // that time, for the turn the order closed, until the turn is served
  private volatile Journal journal;
  // While the journal cannot be written: why (the disk's error), and the game is paused meanwhile.
  private String storageProblem;
  private boolean pausedBeforeStorage; // the instructor had paused the game before the disk failed
  private boolean storageHadDeadline; // the turn had a running deadline when the disk failed
  private String pendingTurn; // why a turn whose record could not be journaled is to be adjudicated
  private String pendingFinish; // why the game is to end, its last record not yet journaled
  private GameClock.Cancellable storageRetry;

  /** How often a game whose journal cannot be written tries again. */
  static final long STORAGE_RETRY_MILLIS = 2_000;

  private Supplier<Replay.Replayed> archive; // reads the finished game back from its journal
  private boolean released; // states and reports dropped: read them from the archive
  private java.lang.ref.SoftReference<Replay.Replayed> archived =
      new java.lang.ref.SoftReference<>(null);
  private Views.Public publicView; // the public part of the current position, shared by all views
  private SplicedMessage.Shared sharedView; // its wire form, encoded once for every seat's view
  private GameState publicViewState;
  private TurnReport publicViewReport;
  // a what-if branch's parent game and fork turn ("" and 0 for a game created from a scenario)
  String parentGameId = "";
  int forkTurn;
  String observerSecret; // on the executor; see secrets() for other threads
  long createdAt; // when the game was created (its creation record's time), for the dashboard
  String finishedReason = ""; // why the game ended, once it has
  private volatile Map<String, String> secrets = Map.of(); // state ("" observers) -> secret

  /** Where the links this game hands out start ("/" when the server knows no public address). */
  volatile Supplier<String> publicBase = () -> "/";

  /** A member of the game: a seat's team member, an observer, or the instructor. */
  record Member(String token, Role role, String state, String name) {}

  /** Someone interested in the game's life (the lobby, later the journal). */
  public interface GameListener {
    /** The game finished. */
    void finished(LiveGame game);

    /**
     * A turn that a seat's order closed has been served: {@code nanos} from that order's arrival to
     * the game's turn results and next views handed to its connections.
     */
    default void turnServed(long nanos) {}
  }

  LiveGame(String id, World world, GameSettings settings, GameClock clock, GameListener listener) {
    this(id, world, settings, clock, listener, Tokens.next(), Journal.NONE);
  }

  /**
   * A new game whose journal ({@code journal}, its creation record already written) receives every
   * member, submission, message, instructor action and turn.
   */
  LiveGame(
      String id,
      World world,
      GameSettings settings,
      GameClock clock,
      GameListener listener,
      String instructorToken,
      Journal journal) {
    this.id = id;
    this.world = world;
    this.settings = settings;
    this.clock = clock;
    this.listener = listener;
    this.instructorToken = instructorToken;
    this.journal = journal;
    this.executor = new SerialExecutor("game-" + id, GamePool.shared(), this::refreshStaleInfo);
    this.createdAt = clock.millis();
    members.put(instructorToken, new Member(instructorToken, Role.INSTRUCTOR, "", "instructor"));
    for (var n : world.start()) {
      String bot = settings.bots().get(n.id());
      seats.put(n.id(), new Seat(n.id(), bot));
    }
    Injects.Applied start = Games.start(world);
    state = start.state();
    news = start.events();
    prologue = start.events();
  }

  /** Starts the first turn (on the game's executor). */
  void begin() {
    execute(this::startTurn);
  }

  /**
   * Runs {@code task} on the game's executor; a failing task is logged, never lost silently. After
   * shutdown the task is dropped (logged).
   */
  public void execute(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("game={} is shut down; a task was dropped", id);
    }
  }

  /**
   * A game rebuilt from its journal (see {@link Lobby#recover}): the position, reports, members,
   * the current turn's standing submissions, press and autopilots as journaled. Call {@link
   * #resumeAfterRecovery} on its executor to start its clock.
   */
  static LiveGame restore(
      Replay.Replayed r,
      GameSettings settings,
      GameClock clock,
      GameListener listener,
      Journal journal) {
    var created = r.created();
    LiveGame g =
        new LiveGame(
            created.getGameId(),
            r.world(),
            settings,
            clock,
            listener,
            created.getInstructorToken(),
            journal);
    g.state = r.state();
    g.lastReport = r.lastReport();
    g.news = List.copyOf(r.news());
    g.reports.addAll(r.reports());
    g.states.addAll(r.states().subList(0, r.states().size() - 1));
    g.prologue = List.copyOf(r.prologue());
    g.annotations.addAll(r.annotations());
    for (var m : r.members()) {
      if (m.getToken().equals(g.instructorToken)) {
        continue;
      }
      g.members.put(m.getToken(), new Member(m.getToken(), m.getRole(), m.getState(), m.getName()));
      if (m.getRole() == Role.SEAT && g.seats.containsKey(m.getState())) {
        g.seats.get(m.getState()).memberTokens.add(m.getToken());
      }
    }
    r.autopilot().forEach((state, strategy) -> g.seats.get(state).setAutopilot(strategy));
    r.standing()
        .forEach(
            (state, sub) ->
                g.seats.get(state).submit(sub.orders(), sub.submittedBy(), sub.submittedAt()));
    g.press.addAll(r.press());
    g.pressSeq = r.press().size();
    g.parentGameId = created.getParentGameId();
    g.forkTurn = created.getForkTurn();
    r.secrets()
        .forEach(
            (st, secret) -> {
              if (st.isEmpty()) {
                g.observerSecret = secret;
              } else if (g.seats.containsKey(st)) {
                g.seats.get(st).secret = secret;
              }
            });
    g.issueMissingSecrets();
    g.refreshInfo();
    return g;
  }

  /**
   * A finished game rebuilt from its journal on first use after a restart (see {@link
   * Lobby#recover}): its members, secrets, press and notes as journaled, in phase FINISHED, its
   * history read from the journal (kept in {@code r} while memory allows). It keeps no journal open
   * and runs no clock.
   */
  static LiveGame restoreFinished(
      Replay.Replayed r,
      GameSettings settings,
      GameClock clock,
      GameListener listener,
      long at,
      Supplier<Replay.Replayed> archive) {
    LiveGame g = restore(r, settings, clock, listener, Journal.NONE);
    g.archive = archive;
    g.createdAt = at;
    g.phase = GamePhase.FINISHED;
    g.finishedReason = r.finishedReason() == null ? "" : r.finishedReason();
    g.seats.values().forEach(Seat::clearOrders);
    g.archived = new java.lang.ref.SoftReference<>(r);
    g.release();
    g.refreshInfo();
    return g;
  }

  /**
   * Goes on with a recovered game's current turn (on its executor): bots that had not yet sent
   * their orders send them, the turn's clock resumes from {@code journaled} (the last deadline
   * journaled for this turn, or null: a full turn's time), and a turn whose orders were all in is
   * adjudicated. A running deadline is kept as it was journaled, so the time the server was down
   * counts (a deadline that passed meanwhile adjudicates the turn at once); a paused game stays
   * paused with the time that was left when it was paused.
   */
  void resumeAfterRecovery(boolean paused, org.entente.proto.v1.JournalDeadline journaled) {
    phase = GamePhase.ORDERS;
    Views.Public pub = publicView();
    for (Seat seat : seats.values()) {
      if (seat.botStrategy() != null && active(seat.state) && seat.orders() == null) {
        submit(seat, decide(pub, seat.state, seat.botStrategy()), "bot:" + seat.botStrategy());
      }
    }
    boolean kept = journaled != null && journaled.getTurn() == state.turn();
    if (storageProblem != null) {
      // a bot's orders could not be journaled: storageFailed paused the game; keep its clock too
      storageHadDeadline =
          settings.deadlineMillis() > 0 || (kept && journaled.getDeadlineEpochMs() > 0);
      if (paused) {
        pausedRemaining = kept ? journaled.getPausedRemainingMs() : settings.deadlineMillis();
      } else {
        pausedRemaining =
            kept && journaled.getDeadlineEpochMs() > 0
                ? Math.max(0, journaled.getDeadlineEpochMs() - clock.millis())
                : settings.deadlineMillis();
      }
      pausedBeforeStorage = paused;
      refreshInfo();
      pushViews();
      return;
    }
    if (paused) {
      phase = GamePhase.PAUSED;
      pausedRemaining = kept ? journaled.getPausedRemainingMs() : settings.deadlineMillis();
      deadline = 0;
    } else if (kept && journaled.getDeadlineEpochMs() > 0) {
      deadline = journaled.getDeadlineEpochMs();
    } else {
      deadline = settings.deadlineMillis() > 0 ? clock.millis() + settings.deadlineMillis() : 0;
    }
    journalDeadline();
    scheduleDeadline();
    refreshInfo();
    pushViews();
    maybeAdjudicate();
  }

  /**
   * The last deadline journaled in {@code records} for the turn being played (none after the last
   * adjudicated turn's record: null).
   */
  static org.entente.proto.v1.JournalDeadline lastDeadline(List<JournalRecord> records) {
    for (int i = records.size() - 1; i >= 0; i--) {
      JournalRecord r = records.get(i);
      if (r.hasDeadline()) {
        return r.getDeadline();
      }
      if (r.hasTurn()) {
        return null;
      }
    }
    return null;
  }

  /**
   * Stops the game (server shutdown): refuses new tasks, lets queued work finish for at most {@code
   * waitMillis} (then drops what is left, logged), cancels the deadline and closes the journal.
   * Returns within about {@code waitMillis} whatever the game is doing.
   */
  void shutdown(long waitMillis) {
    executor.shutdown();
    try {
      if (!executor.awaitIdle(waitMillis, TimeUnit.MILLISECONDS)) {
        LOG.warn(
            "game={} still busy after {} ms at shutdown; {} queued tasks dropped",
            id,
            waitMillis,
            executor.discardQueued());
      }
    } catch (InterruptedException e) {
      executor.discardQueued();
      Thread.currentThread().interrupt();
    }
    GameClock.Cancellable d = deadlineTask;
    if (d != null) {
      d.cancel();
    }
    closeJournal();
  }

  /** Refuses new tasks (the first step of {@link #shutdown(long)}). */
  void refuseTasks() {
    executor.shutdown();
  }

  /** {@link #shutdown(long)} with the default wait. */
  void shutdown() {
    shutdown(SHUTDOWN_WAIT_MILLIS);
  }

  // ------------------------------------------------------------------ the finished game's archive

  /**
   * Where the finished game can be read back (its journal): once the game is over its past
   * positions and reports are dropped from memory and read from there on demand (replay, debrief).
   * A game without an archive keeps them in memory.
   */
  void archive(Supplier<Replay.Replayed> source) {
    this.archive = source;
  }

  /** True once the finished game's history lives only in its journal. */
  boolean released() {
    return released;
  }

  /** The positions each past turn was adjudicated from (from the archive once released). */
  List<GameState> pastStates() {
    if (!released) {
      return states;
    }
    List<GameState> all = archived().states();
    return all.subList(0, all.size() - 1);
  }

  /** The reports of the turns played (from the archive once released). */
  List<TurnReport> pastReports() {
    return released ? archived().reports() : reports;
  }

  private Replay.Replayed archived() {
    Replay.Replayed r = archived.get();
    if (r == null) {
      r = archive.get();
      archived = new java.lang.ref.SoftReference<>(r);
    }
    return r;
  }

  /** Drops what a finished game no longer needs in memory (its history is in the journal). */
  private void release() {
    if (archive != null) {
      states.clear();
      ((ArrayList<?>) states).trimToSize();
      reports.clear();
      ((ArrayList<?>) reports).trimToSize();
      released = true;
    }
    publicView = null;
    sharedView = null;
    publicViewState = null;
    publicViewReport = null;
  }

  /** The public part of the current position, computed once per position for all the views. */
  Views.Public publicView() {
    if (publicView == null || publicViewState != state || publicViewReport != lastReport) {
      publicView = Views.publicPart(state, lastReport);
      sharedView = null;
      publicViewState = state;
      publicViewReport = lastReport;
    }
    return publicView;
  }

  /**
   * The wire form of the public part of the current position as seats see it ({@link
   * Wire#publicView}), built and encoded once per position from {@code seatView}, a seat's view of
   * it, and spliced into every seat's view.
   */
  SplicedMessage.Shared sharedView(org.entente.api.PlayerView seatView) {
    publicView();
    if (sharedView == null) {
      sharedView =
          SplicedMessage.Shared.of(
              ServerMessage.VIEW_FIELD_NUMBER,
              org.entente.client.wire.Wire.publicView(seatView).build());
    }
    return sharedView;
  }

  // ------------------------------------------------------------------ the journal

  /**
   * Appends a record. When the disk refuses it (full, failing, read-only) nothing is written, the
   * game is paused with the reason sent to everyone in it, and false is returned: the caller must
   * then neither apply nor acknowledge what the record describes. While the disk keeps refusing,
   * nothing is tried and false is returned at once; the game retries by itself every {@value
   * #STORAGE_RETRY_MILLIS} ms and goes on once a write succeeds.
   */
  boolean journal(JournalRecord r) {
    if (storageProblem != null) {
      return false;
    }
    try {
      journal.append(r);
      return true;
    } catch (IOException e) {
      storageFailed(e);
      return false;
    }
  }

  /** Null when the journal can be written, else why not (for errors sent to clients). */
  String storageProblem() {
    return storageProblem == null
        ? null
        : "the server cannot write game "
            + id
            + "'s journal ("
            + storageProblem
            + "); the game is paused and nothing was recorded; it goes on by itself once the"
            + " disk accepts writes";
  }

  /** Why the server paused the game, or "" (for the lobby summary). */
  String pausedReason() {
    return storageProblem == null ? "" : storageProblem();
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : ": " + m);
  }

  // The disk refused a write: pause the game (keeping the time left on the turn) until it accepts.
  private void storageFailed(Throwable e) {
    LOG.error(
        "game={} cannot write its journal: {}; the game is paused until it can", id, e.toString());
    if (storageProblem != null) {
      return;
    }
    storageProblem = describe(e);
    pausedBeforeStorage = phase == GamePhase.PAUSED;
    if (phase == GamePhase.ORDERS) {
      storageHadDeadline = deadline > 0;
      pausedRemaining = deadline > 0 ? Math.max(0, deadline - clock.millis()) : 0;
      deadline = 0;
      phase = GamePhase.PAUSED;
      scheduleDeadline();
    }
    refreshInfo();
    broadcastEvent(GameEventKind.PAUSED_EVENT, storageProblem());
    scheduleStorageRetry();
  }

  private void scheduleStorageRetry() {
    if (storageRetry != null) {
      storageRetry.cancel();
    }
    storageRetry =
        clock.at(clock.millis() + STORAGE_RETRY_MILLIS, () -> execute(this::retryStorage));
  }

  // On the executor: tries a write and a force; once both succeed the game goes on as it was.
  private void retryStorage() {
    storageRetry = null;
    if (storageProblem == null || phase == GamePhase.FINISHED || executor.isShutdown()) {
      return;
    }
    boolean toOrders = !pausedBeforeStorage;
    long newDeadline =
        toOrders && storageHadDeadline ? clock.millis() + Math.max(1, pausedRemaining) : 0;
    JournalRecord probe =
        JournalRecord.newBuilder()
            .setAtEpochMs(clock.millis())
            .setDeadline(
                org.entente.proto.v1.JournalDeadline.newBuilder()
                    .setTurn(state.turn())
                    .setDeadlineEpochMs(newDeadline)
                    .setPausedRemainingMs(toOrders ? 0 : pausedRemaining))
            .build();
    try {
      journal.append(probe);
      journal.force();
    } catch (IOException e) {
      storageProblem = describe(e);
      LOG.warn("game={} still cannot write its journal: {}", id, e.toString());
      scheduleStorageRetry();
      return;
    }
    storageProblem = null;
    LOG.info("game={} can write its journal again; the game goes on", id);
    if (toOrders) {
      phase = GamePhase.ORDERS;
      deadline = newDeadline;
      pausedRemaining = 0;
    }
    Views.Public pub = null;
    for (Seat seat : seats.values()) {
      if (pendingFinish == null
          && seat.botStrategy() != null
          && active(seat.state)
          && seat.orders() == null) {
        pub = pub == null ? publicView() : pub;
        submit(seat, decide(pub, seat.state, seat.botStrategy()), "bot:" + seat.botStrategy());
      }
    }
    scheduleDeadline();
    refreshInfo();
    broadcastEvent(
        GameEventKind.RESUMED_EVENT,
        "the server can write the game's journal again; "
            + (toOrders ? "the game goes on" : "the game stays paused by the instructor"));
    pushViews();
    if (pendingFinish != null) {
      String why = pendingFinish;
      pendingFinish = null;
      finish(why);
    } else if (pendingTurn != null && phase == GamePhase.ORDERS) {
      String why = pendingTurn;
      pendingTurn = null;
      adjudicate(why);
    } else {
      maybeAdjudicate();
    }
  }

  /**
   * Runs {@code next} once everything journaled so far is on disk, or {@code failed} with the error
   * if it could not be forced there. The force happens off the game pool (see {@link
   * JournalSyncer}, which groups them); until it is done the game runs nothing else, so the
   * continuation sees the game exactly as it is now. Without a journal, {@code next} runs at once.
   */
  void afterDurable(Runnable next, java.util.function.Consumer<Throwable> failed) {
    Journal j = journal;
    if (j == Journal.NONE) {
      next.run();
    } else {
      java.util.concurrent.CompletableFuture<Void> forced = JournalSyncer.shared().force(j);
      executor.suspendUntil(
          forced,
          () -> {
            Throwable error = null;
            try {
              forced.join();
            } catch (java.util.concurrent.CompletionException
                | java.util.concurrent.CancellationException e) {
              error = e.getCause() == null ? e : e.getCause();
            }
            if (error == null) {
              next.run();
            } else {
              failed.accept(error);
            }
          });
    }
  }

  /** Journals an instructor's action; false when the disk refused it (see {@link #journal}). */
  boolean journalInstructor(JournalInstructorAction.Builder action) {
    return journal(Records.instructor(clock.millis(), action.setTurn(state.turn())));
  }

  private synchronized void closeJournal() {
    try {
      journal.close();
    } catch (IOException e) {
      LOG.error("game={} cannot close its journal: {}", id, e.toString());
    }
    journal = Journal.NONE;
  }

  /** Records {@code o} as {@code seat}'s standing orders (journaled); false if the disk refused. */
  boolean submit(Seat seat, Orders o, String by) {
    if (!journal(Records.orders(clock.millis(), state.turn(), seat.state, o, by))) {
      return false;
    }
    seat.submit(o, by, clock.millis());
    return true;
  }

  /** Adds a message to the game's press (journaled); false if the disk refused it. */
  boolean addPress(PressMessage p) {
    if (!journal(Records.press(clock.millis(), p))) {
      return false;
    }
    press.add(p);
    return true;
  }

  /**
   * Appends a record to a finished game's journal, which the game no longer holds open (set by the
   * lobby for journaled games); true once it is on disk.
   */
  java.util.function.Predicate<JournalRecord> lateJournal;

  /** An instructor's note on a turn (journaled); false if the disk refused it. */
  boolean annotate(String author, int turn, String text) {
    JournalRecord note = Records.annotation(clock.millis(), turn, author, text);
    if (!journalEvenWhenOver(note)) {
      return false;
    }
    annotations.add(new GameHistory.Annotation(turn, author, text, clock.millis()));
    return true;
  }

  // Journals r, through lateJournal once the game is over and its journal closed; false if refused.
  private boolean journalEvenWhenOver(JournalRecord r) {
    if (phase == GamePhase.FINISHED && journal == Journal.NONE && lateJournal != null) {
      return lateJournal.test(r);
    }
    return journal(r);
  }

  /** The game so far, as replay and the debrief read it (on the game's executor). */
  GameHistory history() {
    List<GameState> all = new ArrayList<>(pastStates());
    all.add(state);
    Map<String, String> strategies = new LinkedHashMap<>();
    seats.values().forEach(seat -> strategies.put(seat.state, seat.botStrategy()));
    return new GameHistory(
        id, world, settings.seed(), all, pastReports(), prologue, annotations, strategies);
  }

  /** The CPU time the game's own tasks have used (turns, bots, views), in nanoseconds. */
  public long cpuNanos() {
    return executor.cpuNanos();
  }

  /** The latest lobby summary (safe from any thread). */
  public org.entente.proto.v1.GameInfo info() {
    return info;
  }

  // ------------------------------------------------------------------ the turn

  private boolean over() {
    return phase == GamePhase.FINISHED;
  }

  void startTurn() {
    if (state.finished() || state.turn() > settings.maxTurns()) {
      served(); // before the game's end is announced
      finish("the last turn has been played");
      return;
    }
    phase = GamePhase.ORDERS;
    seats.values().forEach(Seat::clearOrders);
    Views.Public pub = publicView();
    for (Seat seat : seats.values()) {
      if (seat.botStrategy() != null && active(seat.state)) {
        submit(seat, decide(pub, seat.state, seat.botStrategy()), "bot:" + seat.botStrategy());
      }
    }
    if (storageProblem != null) {
      // a bot's orders could not be journaled: the turn waits, whole, for the disk
      storageHadDeadline = settings.deadlineMillis() > 0;
      pausedRemaining = settings.deadlineMillis();
      deadline = 0;
    } else {
      deadline = settings.deadlineMillis() > 0 ? clock.millis() + settings.deadlineMillis() : 0;
      journalDeadline();
    }
    scheduleDeadline();
    refreshInfo();
    pushViews();
    served();
    maybeAdjudicate();
  }

  // The turn a seat's order closed has its results out, and its next views unless it was the last:
  // reported before anything that follows (the game's end, the next turn) can reach a client.
  private void served() {
    if (servingSince != 0) {
      listener.turnServed(System.nanoTime() - servingSince);
      servingSince = 0;
    }
  }

  /** Journals the current turn's deadline (see {@code JournalDeadline}), for recovery. */
  private void journalDeadline() {
    if (settings.deadlineMillis() <= 0 && deadline == 0 && pausedRemaining == 0) {
      return;
    }
    journal(
        JournalRecord.newBuilder()
            .setAtEpochMs(clock.millis())
            .setDeadline(
                org.entente.proto.v1.JournalDeadline.newBuilder()
                    .setTurn(state.turn())
                    .setDeadlineEpochMs(deadline)
                    .setPausedRemainingMs(phase == GamePhase.PAUSED ? pausedRemaining : 0))
            .build());
  }

  // One bot per seat, kept while the same strategy plays it (adaptive strategies remember the
  // game); a bot that takes a seat late is first shown the turns already played.
  private Orders decide(Views.Public pub, String seat, String strategy) {
    SeatBot held = bots.get(seat);
    if (held == null || !held.strategy().equals(strategy)) {
      held =
          new SeatBot(
              strategy,
              SeatBots.joining(strategy, seat, settings.seed(), pastStates(), pastReports()));
      bots.put(seat, held);
    }
    Bot bot = held.bot();
    return bot.decide(Views.of(pub, seat), Dice.of(settings.seed(), state.turn(), "bot:" + seat));
  }

  private void scheduleDeadline() {
    if (deadlineTask != null) {
      deadlineTask.cancel();
      deadlineTask = null;
    }
    if (deadline > 0 && phase == GamePhase.ORDERS) {
      int turn = state.turn();
      long at = deadline;
      deadlineTask =
          clock.at(
              at,
              () ->
                  execute(
                      () -> {
                        if (phase == GamePhase.ORDERS && state.turn() == turn && deadline == at) {
                          adjudicate("the deadline passed");
                        }
                      }));
    }
  }

  boolean active(String stateId) {
    return state.nation(stateId).active();
  }

  void maybeAdjudicate() {
    if (phase != GamePhase.ORDERS) {
      return;
    }
    for (Seat seat : seats.values()) {
      if (active(seat.state) && seat.orders() == null) {
        return;
      }
    }
    adjudicate("every seat has sent orders");
  }

  /**
   * Runs {@code handling} for an order read off a connection at {@code arrivedNanos} ({@link
   * System#nanoTime()}): if it closes the turn, the time to serve the turn is reported.
   */
  void handleOrder(long arrivedNanos, Runnable handling) {
    orderArrivedNanos = arrivedNanos;
    try {
      handling.run();
    } finally {
      orderArrivedNanos = 0;
    }
  }

  void adjudicate(String why) {
    Views.Public pub = null;
    Map<String, Orders> orders = new TreeMap<>();
    for (Seat seat : seats.values()) {
      if (!active(seat.state)) {
        continue;
      }
      if (seat.orders() != null) {
        orders.put(seat.state, seat.orders());
      } else if (settings.policy() == DefaultOrderPolicy.HIDE) {
        orders.put(seat.state, Orders.hide());
      } else if (settings.policy() == DefaultOrderPolicy.AUTOPILOT) {
        pub = pub == null ? publicView() : pub;
        orders.put(
            seat.state, decide(pub, seat.state, GameSettings.defaultStrategy(world, seat.state)));
      }
    }
    TurnResult r = Adjudicator.adjudicate(state, orders, settings.seed());
    LOG.info(
        "game={} turn={} adjudicated ({}) hash={}",
        id,
        r.report().turn(),
        why,
        r.report().stateHash());
    long mark = journal.mark();
    if (!journal(Records.turn(clock.millis(), state.turn(), orders, r.report().stateHash(), why))) {
      pendingTurn = why; // adjudicated again, with the same orders, once the disk accepts writes
      return;
    }
    servingSince = orderArrivedNanos; // the order being handled closed this turn, or 0
    orderArrivedNanos = 0;
    afterDurable(
        () -> resolved(r),
        e -> {
          // the turn's record may not be on disk: take it back, and tell no one the outcome
          journal.rollback(mark);
          servingSince = 0;
          pendingTurn = why;
          storageFailed(e);
        });
  }

  // The turn's record is on disk: the turn is over, its results go out and the next one starts.
  private void resolved(TurnResult r) {
    states.add(state);
    state = r.state();
    lastReport = r.report();
    news = lastReport.news();
    reports.add(lastReport);
    SplicedMessage.Shared shared =
        SplicedMessage.Shared.of(
            ServerMessage.TURN_RESOLVED_FIELD_NUMBER, RoleViews.resolvedShared(id, lastReport));
    for (var e : connections.entrySet()) {
      e.getValue()
          .send(shared.with("", RoleViews.resolvedOwn(members.get(e.getKey()), lastReport)));
    }
    startTurn();
  }

  void finish(String why) {
    if (over()) {
      return;
    }
    long mark = journal.mark();
    if (!journal(Records.finished(clock.millis(), why))) {
      pendingFinish = why; // ended once the disk accepts writes
      return;
    }
    GamePhase before = phase;
    phase = GamePhase.FINISHED;
    finishedReason = why;
    long deadlineBefore = deadline;
    deadline = 0;
    scheduleDeadline();
    afterDurable(
        () -> {
          if (storageRetry != null) {
            storageRetry.cancel();
            storageRetry = null;
          }
          closeJournal();
          refreshInfo();
          broadcastEnd("the game is over: " + why);
          pushViews();
          release();
          listener.finished(this);
        },
        e -> {
          journal.rollback(mark);
          phase = before;
          finishedReason = "";
          deadline = deadlineBefore;
          pendingFinish = why;
          storageFailed(e);
        });
  }

  // ------------------------------------------------------------------ pushes

  void pushViews() {
    for (var e : connections.entrySet()) {
      pushView(e.getKey(), e.getValue(), "");
    }
  }

  /** Pushes a fresh view to the instructor's connections (their links or roster changed). */
  void pushInstructorViews() {
    for (var e : connections.entrySet()) {
      if (members.get(e.getKey()).role() == Role.INSTRUCTOR) {
        pushView(e.getKey(), e.getValue(), "");
      }
    }
  }

  void pushView(String token, Connection c, String requestId) {
    Member m = members.get(token);
    if (m.role() == Role.SEAT) {
      c.send(RoleViews.seatView(this, m, requestId));
    } else {
      c.send(
          ServerMessage.newBuilder()
              .setRequestId(requestId)
              .setView(RoleViews.view(this, m))
              .build());
    }
  }

  // GAME_ENDED, with every state's final score (what tournaments of remote entrants read).
  private void broadcastEnd(String text) {
    GameEvent.Builder ev = GameEvent.newBuilder().setKind(GameEventKind.GAME_ENDED).setText(text);
    ev.addAllFinalScores(finalScores());
    sendEvent(ev.setGameId(id).build());
  }

  /** Every state's score in the position now (the final scores once the game is over). */
  List<org.entente.proto.v1.FinalScore> finalScores() {
    List<org.entente.proto.v1.FinalScore> out = new ArrayList<>();
    for (org.entente.server.engine.Scoring.Score s :
        org.entente.server.engine.Scoring.scores(state)) {
      out.add(
          org.entente.proto.v1.FinalScore.newBuilder()
              .setState(s.state())
              .setTotal(s.total())
              .setSurvival(s.survival())
              .setSecurity(s.security())
              .setAutonomy(s.autonomy())
              .setPower(s.power())
              .setObjectives(s.objectives())
              .build());
    }
    return out;
  }

  /** Pushes a fresh view to every connected member of {@code seat} except {@code except}. */
  void pushTeamViews(Seat seat, Connection except) {
    for (String t : seat.memberTokens) {
      Connection c = connections.get(t);
      if (c != null && c != except) {
        pushView(t, c, "");
      }
    }
  }

  void broadcastEvent(GameEventKind kind, String text) {
    sendEvent(
        GameEvent.newBuilder()
            .setKind(kind)
            .setText(text)
            .setDeadlineEpochMs(deadline)
            .setGameId(id)
            .build());
  }

  // Every connection gets the event; a seat's copy names the seat it is for (GameEvent.self).
  private void sendEvent(GameEvent ev) {
    ServerMessage plain = ServerMessage.newBuilder().setGameEvent(ev).build();
    for (var e : connections.entrySet()) {
      Member m = members.get(e.getKey());
      e.getValue()
          .send(
              m.role() == Role.SEAT
                  ? ServerMessage.newBuilder()
                      .setGameEvent(ev.toBuilder().setSelf(m.state()))
                      .build()
                  : plain);
    }
  }

  void refreshInfo() {
    info = RoleViews.info(this);
    infoStale = false;
  }

  /**
   * Marks the lobby summary out of date; it is rebuilt once the game's queue runs dry, so a burst
   * of submissions rebuilds it once, not once each.
   */
  void staleInfo() {
    infoStale = true;
  }

  private void refreshStaleInfo() {
    if (infoStale) {
      refreshInfo();
    }
  }

  // ------------------------------------------------------------------ sessions

  /** Binds {@code c} to {@code token}; a previous connection with the token is replaced. */
  void bind(String token, Connection c) {
    Connection old = connections.put(token, c);
    if (old != null && old != c) {
      String why = "another connection resumed the token of " + Lobby.describe(members.get(token));
      if (connections.containsValue(old)) {
        // the old connection holds other tokens of this game: it loses only this one
        old.send(
            ServerMessage.newBuilder()
                .setError(
                    org.entente.proto.v1.Error.newBuilder()
                        .setCode(ErrorCode.SESSION_REPLACED)
                        .setMessage(why))
                .build());
      } else {
        old.close(ErrorCode.SESSION_REPLACED, why);
      }
    }
    refreshInfo();
  }

  /** Forgets {@code c} wherever it is bound (the seat itself is kept). */
  void unbind(Connection c) {
    connections.values().removeIf(x -> x == c);
    refreshInfo();
  }

  /**
   * The member holding {@code token}: a game recovered from its journal knows its members by the
   * hashes the journal keeps (see {@link org.entente.server.journal.TokenHash}).
   */
  Member member(String token) {
    if (org.entente.server.journal.TokenHash.isHash(token)) {
      return null; // a hash from a journal is not a token
    }
    Member m = members.get(token);
    if (m == null && !token.isEmpty()) {
      m = members.get(org.entente.server.journal.TokenHash.of(token));
    }
    return m;
  }

  /**
   * A new member's token, or null when the disk refused to journal it (see {@link #journal}). In a
   * finished game (an observer, or an instructor console opened with the instructor key) the record
   * goes to the journal the game no longer holds open, so the token works after a restart too.
   */
  String addMember(Role role, String stateId, String name) {
    String token = Tokens.next();
    if (!journalEvenWhenOver(Records.member(clock.millis(), token, role, stateId, name))) {
      return null;
    }
    members.put(token, new Member(token, role, stateId, name));
    if (role == Role.SEAT) {
      seats.get(stateId).memberTokens.add(token);
    }
    refreshInfo();
    return token;
  }

  // ------------------------------------------------------------------ join secrets and members

  /**
   * Draws (and journals) a join secret for every seat and for the observers that has none: all of
   * them for a new game; for a recovered one, those its journal does not hold (a branch, or a game
   * journaled before secrets existed).
   */
  void issueMissingSecrets() {
    for (Seat seat : seats.values()) {
      if (seat.secret == null) {
        issueSecret(seat.state);
      }
    }
    if (observerSecret == null) {
      issueSecret("");
    }
  }

  /** A new join secret for {@code stateId} ("" for the observers), journaled; the old one dies. */
  String issueSecret(String stateId) {
    String secret = JoinSecrets.next();
    journal(Records.secret(clock.millis(), stateId, secret));
    if (stateId.isEmpty()) {
      observerSecret = secret;
    } else {
      seats.get(stateId).secret = secret;
    }
    Map<String, String> all = new LinkedHashMap<>();
    seats.values().forEach(seat -> all.put(seat.state, seat.secret));
    all.put("", observerSecret);
    all.values().removeIf(java.util.Objects::isNull);
    secrets = Map.copyOf(all);
    return secret;
  }

  /** The secrets standing now, by state ("" for the observers); safe from any thread. */
  Map<String, String> secrets() {
    return secrets;
  }

  /**
   * Removes the member whose {@link JoinSecrets#memberId} is {@code memberId} (journaled): its
   * token stops working and its connection is told. Returns the member, or null when there is no
   * such member (or it is the instructor).
   */
  Member revoke(String memberId) {
    Member m = null;
    for (Member x : members.values()) {
      if (x.role() != Role.INSTRUCTOR && JoinSecrets.memberId(x.token()).equals(memberId)) {
        m = x;
      }
    }
    if (m == null) {
      return null;
    }
    journal(Records.revoked(clock.millis(), m.token()));
    members.remove(m.token());
    if (m.role() == Role.SEAT) {
      seats.get(m.state()).memberTokens.remove(m.token());
    }
    Connection c = connections.remove(m.token());
    if (c != null) {
      String why = "the instructor removed " + Lobby.describe(m) + " from game " + id;
      if (connections.containsValue(c)) {
        c.send(
            ServerMessage.newBuilder()
                .setError(
                    org.entente.proto.v1.Error.newBuilder()
                        .setCode(ErrorCode.BAD_TOKEN)
                        .setMessage(why))
                .build());
      } else {
        c.close(ErrorCode.BAD_TOKEN, why);
      }
    }
    refreshInfo();
    return m;
  }

  String nextPressId() {
    return id + "-m" + (++pressSeq);
  }

  /** Pauses the game; false when the disk refused to journal it. */
  boolean pause() {
    if (phase != GamePhase.ORDERS) {
      return true;
    }
    if (!journalInstructor(
        JournalInstructorAction.newBuilder()
            .setPause(org.entente.proto.v1.Pause.getDefaultInstance()))) {
      return false;
    }
    phase = GamePhase.PAUSED;
    pausedRemaining = deadline > 0 ? Math.max(0, deadline - clock.millis()) : 0;
    deadline = 0;
    journalDeadline();
    scheduleDeadline();
    refreshInfo();
    broadcastEvent(GameEventKind.PAUSED_EVENT, "the instructor paused the game");
    return true;
  }

  /** Resumes the game ({@code journaled} runs once that is on disk); false if the disk refused. */
  boolean resume(Runnable journaled) {
    if (phase != GamePhase.PAUSED) {
      journaled.run();
      return true;
    }
    if (!journalInstructor(
        JournalInstructorAction.newBuilder()
            .setResume(org.entente.proto.v1.ResumeGame.getDefaultInstance()))) {
      return false;
    }
    journaled.run();
    phase = GamePhase.ORDERS;
    deadline = pausedRemaining > 0 ? clock.millis() + pausedRemaining : 0;
    pausedRemaining = 0;
    journalDeadline();
    scheduleDeadline();
    refreshInfo();
    broadcastEvent(GameEventKind.RESUMED_EVENT, "the instructor resumed the game");
    maybeAdjudicate();
    return true;
  }

  /** Extends the deadline; false when the disk refused to journal it. */
  boolean extend(long millis) {
    if (!journalInstructor(JournalInstructorAction.newBuilder().setExtendMillis(millis))) {
      return false;
    }
    if (phase == GamePhase.PAUSED) {
      pausedRemaining += millis;
    } else {
      deadline = (deadline > 0 ? deadline : clock.millis()) + millis;
      scheduleDeadline();
    }
    journalDeadline();
    refreshInfo();
    broadcastEvent(
        GameEventKind.DEADLINE_EXTENDED, "the deadline was extended by " + millis / 1000 + " s");
    return true;
  }

  /** Applies an inject ({@code journaled} runs once it is journaled); false if the disk refused. */
  boolean inject(List<org.entente.server.engine.ScheduledEvent> events, Runnable journaled) {
    if (!journalInstructor(
        JournalInstructorAction.newBuilder().setInject(Events.toJournal(events)))) {
      return false;
    }
    journaled.run();
    Injects.Applied applied = Injects.apply(state, events);
    state = applied.state();
    List<TurnReport.Event> all = new ArrayList<>(news);
    all.addAll(applied.events());
    news = all;
    broadcastEvent(
        GameEventKind.INJECTED,
        String.join("; ", applied.events().stream().map(TurnReport.Event::text).toList()));
    pushViews();
    return true;
  }

  /** Hands a seat to a bot or back ({@code journaled} runs once journaled); false if refused. */
  boolean autopilot(String stateId, boolean on, String strategy, Runnable journaled) {
    Seat seat = seats.get(stateId);
    if (!journalInstructor(
        JournalInstructorAction.newBuilder()
            .setAutopilot(
                org.entente.proto.v1.Autopilot.newBuilder()
                    .setState(stateId)
                    .setOn(on)
                    .setStrategy(on ? strategy : "")))) {
      return false;
    }
    journaled.run();
    seat.setAutopilot(on ? strategy : null);
    broadcastEvent(
        GameEventKind.AUTOPILOT_CHANGED,
        stateId
            + (on
                ? " is now played by the " + strategy + " bot"
                : " is back in its players' hands"));
    if (on && seat.orders() == null && phase == GamePhase.ORDERS && active(stateId)) {
      submit(seat, decide(publicView(), stateId, strategy), "bot:" + strategy);
      maybeAdjudicate();
    }
    refreshInfo();
    return true;
  }
}
