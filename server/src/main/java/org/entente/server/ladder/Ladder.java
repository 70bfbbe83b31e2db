package org.entente.server.ladder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.entente.client.bots.Strategies;
import org.entente.proto.v1.Ack;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ClientMessage.BodyCase;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.Error;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.FinalScore;
import org.entente.proto.v1.GameEvent;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.LadderEntry;
import org.entente.proto.v1.LadderGame;
import org.entente.proto.v1.LadderRegistered;
import org.entente.proto.v1.LadderSeat;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.debrief.Debriefs;
import org.entente.server.debrief.Format;
import org.entente.server.game.Lobby;
import org.entente.server.journal.JournalStore;
import org.entente.server.journal.Replay;
import org.entente.server.journal.TokenHash;
import org.entente.server.net.Connection;
import org.entente.server.net.HttpRoute;
import org.entente.server.tournament.Arena;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standing ladder ({@code entente serve --ladder}): a field of built-in strategies and
 * registered remote bots that the server keeps playing rated games between, one game at a time, in
 * the background. Each game is a live game of the lobby (journaled like any other), created by the
 * ladder's own in-process connection with the built-in entrants' seats as server bots and the
 * remote entrants' seats given to their offered connections. When it ends, its final scores update
 * the players' ratings ({@link Rating}), and the book (ratings and the latest games) is written to
 * {@code ladder.json} in the data folder.
 *
 * <p>The ladder keeps within a share of one core: after each game it pauses until the CPU time the
 * game's own tasks used (adjudication, bots, views: see {@link Lobby#gameCpuNanos}) is at most that
 * share of the time since the game began.
 */
public final class Ladder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ladder.class);
  private static final String NAME = "[A-Za-z0-9_.#-]{1,64}";

  /** The prefix of the entrant names the ladder offers its bots' connections under. */
  static final String ENTRANT_PREFIX = "ladder:";

  /** The most bots the ladder registers (each is a line of ladder.json, rewritten every game). */
  static final int MAX_REMOTE = 1000;

  /**
   * The operator's settings.
   *
   * @param cpuShare the share of one core the ladder's games may use, in (0, 1]
   * @param scenarios the built-in scenarios played, in turn
   * @param strategies the built-in strategies in the field
   * @param deadlineSeconds each turn's deadline: a remote bot silent that long gets the default
   *     orders
   * @param seed the ladder's seed: game n is played with a seed drawn from it and n
   */
  public record Config(
      double cpuShare,
      List<String> scenarios,
      List<String> strategies,
      int deadlineSeconds,
      long seed) {
    public Config {
      if (!(cpuShare > 0 && cpuShare <= 1)) {
        throw new IllegalArgumentException(
            "--ladder-cpu: a share of one core in (0, 1], e.g. 0.25; got " + cpuShare);
      }
      if (scenarios.isEmpty()) {
        throw new IllegalArgumentException("--ladder-scenarios: give at least one scenario");
      }
      if (strategies.isEmpty()) {
        throw new IllegalArgumentException("--ladder-strategies: give at least one strategy");
      }
      for (String s : strategies) {
        if (!Strategies.names().contains(s)) {
          throw new IllegalArgumentException(
              "--ladder-strategies: unknown strategy '"
                  + s
                  + "'; known: "
                  + String.join(", ", Strategies.names()));
        }
      }
      if (deadlineSeconds < 1) {
        throw new IllegalArgumentException(
            "--ladder-deadline: at least 1 second, got " + deadlineSeconds);
      }
      scenarios = List.copyOf(scenarios);
      strategies = List.copyOf(strategies);
    }
  }

  private final Lobby lobby;
  private final Config config;
  private final LadderStore store;
  private final Book book; // guarded by itself
  private final List<Arena> arenas = new ArrayList<>();
  private final LocalConnection conn;
  private final ExecutorService io;
  private final AtomicReference<CompletableFuture<GameEvent>> ending = new AtomicReference<>();
  private final Object wake = new Object();
  private final SecureRandom tokens = new SecureRandom();
  private Thread scheduler;
  private volatile boolean stopped;
  private volatile String status = "starting";
  private volatile long cpuNanos;
  private volatile long startedNanos;
  private volatile long pacedNanos; // time spent in finished pacing pauses since start()
  private volatile long pauseSince; // System.nanoTime() when the current pause began, or 0

  private Ladder(Lobby lobby, Config config, LadderStore store, Book book) {
    this.lobby = lobby;
    this.config = config;
    this.store = store;
    this.book = book;
    this.conn = new LocalConnection(lobby, this::push);
    this.startedNanos = System.nanoTime();
    this.io =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "entente-ladder-io");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Reads the ladder's book from {@code dataFolder} (a missing file starts an empty ladder), adds
   * the configured strategies that are not on it yet, and writes it back. Throws {@link
   * IOException} naming the file and the field when the file is bad (it is left as it is), and
   * {@link IllegalArgumentException} for a scenario that cannot be loaded. From then on the lobby
   * answers the ladder's requests; call it before the network starts serving.
   */
  public static Ladder open(Lobby lobby, java.nio.file.Path dataFolder, Config config)
      throws IOException {
    LadderStore store = new LadderStore(dataFolder);
    Book book = store.load();
    Ladder l = new Ladder(lobby, config, store, book);
    for (String s : config.scenarios()) {
      if (!org.entente.server.scenario.ScenarioLoader.builtinIds().contains(s)) {
        throw new IllegalArgumentException(
            "--ladder-scenarios: '"
                + s
                + "' is not a built-in scenario; known: "
                + org.entente.server.scenario.ScenarioLoader.builtinIds());
      }
      l.arenas.add(Arena.load(s, false));
    }
    long now = System.currentTimeMillis();
    for (String s : config.strategies()) {
      Book.Entry e = book.entries.get(s);
      if (e == null) {
        book.entries.put(s, new Book.Entry(s, false, s, "", now, Rating.PRIOR, 0, 0));
      } else if (e.remote) {
        throw new IOException(
            store.file()
                + ": entrant '"
                + s
                + "' is a remote bot there, but --ladder-strategies names the built-in strategy");
      }
    }
    store.save(book);
    // before the network serves (the lobby's handler table is not for concurrent changes)
    lobby.route(BodyCase.LADDER_REGISTER, l::register);
    lobby.route(BodyCase.LADDER_JOIN, l::join);
    lobby.route(BodyCase.GET_LADDER, l::get);
    return l;
  }

  /** The ladder's file. */
  public java.nio.file.Path file() {
    return store.file();
  }

  /** Starts scheduling games (the ladder's requests are answered from {@link #open} on). */
  public void start() throws Exception {
    conn.open();
    startedNanos = System.nanoTime();
    scheduler = new Thread(this::loop, "entente-ladder");
    scheduler.setDaemon(true);
    scheduler.start();
  }

  /** The HTTP route of {@code /ladder/game/ID}: a rated game's turn-by-turn record. */
  public HttpRoute gameRoute() {
    return this::gamePage;
  }

  /** Stops scheduling; a game under way is left to the lobby (it is not rated). */
  @Override
  public void close() {
    stopped = true;
    synchronized (wake) {
      wake.notifyAll();
    }
    CompletableFuture<GameEvent> f = ending.get();
    if (f != null) {
      f.cancel(false);
    }
    if (scheduler != null) {
      scheduler.interrupt();
      try {
        scheduler.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    conn.close();
    io.shutdown();
    try {
      io.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The time the ladder has spent pausing to keep to its CPU share since {@link #start}. */
  long pacedNanos() {
    long since = pauseSince;
    return pacedNanos + (since == 0 ? 0 : System.nanoTime() - since);
  }

  /** Rated games so far (over every run of the ladder). */
  public long gamesRated() {
    synchronized (book) {
      return book.gamesRated;
    }
  }

  /** The share of one core the ladder's games used since {@link #start}. */
  public double cpuMeasured() {
    long elapsed = System.nanoTime() - startedNanos;
    return elapsed <= 0 ? 0 : (double) cpuNanos / elapsed;
  }

  // A name from a request, cut and with control characters shown as '?', for an error message.
  private static String printable(String s) {
    String cut = s.length() > 64 ? s.substring(0, 64) + "..." : s;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  static boolean validName(String name) {
    return name.matches(NAME);
  }

  // ------------------------------------------------------------------ requests

  private void register(Connection c, ClientMessage m) {
    String name = m.getLadderRegister().getName();
    if (!validName(name)) {
      error(
          c,
          m,
          ErrorCode.BAD_REQUEST,
          "ladder_register.name: '"
              + name
              + "' is not a valid entrant name (1 to 64 of letters, digits, '_', '.', '#', '-')");
      return;
    }
    if (Strategies.names().contains(name)) {
      error(
          c,
          m,
          ErrorCode.BAD_REQUEST,
          "ladder_register.name: '" + name + "' is a built-in strategy's name; choose another");
      return;
    }
    byte[] raw = new byte[16];
    tokens.nextBytes(raw);
    String token = HexFormat.of().formatHex(raw);
    synchronized (book) {
      if (book.entries.containsKey(name)) {
        error(
            c,
            m,
            ErrorCode.BAD_REQUEST,
            "ladder_register.name: '"
                + name
                + "' is already on the ladder; play as it with its token (ladder_join), or"
                + " register another name");
        return;
      }
      long remote = book.entries.values().stream().filter(e -> e.remote).count();
      if (remote >= MAX_REMOTE) {
        error(
            c,
            m,
            ErrorCode.BAD_REQUEST,
            "ladder_register: the ladder already holds " + remote + " bots, its limit");
        return;
      }
      book.entries.put(
          name,
          new Book.Entry(
              name, true, "", TokenHash.of(token), System.currentTimeMillis(), Rating.PRIOR, 0, 0));
    }
    io.execute(
        () -> {
          try {
            synchronized (book) {
              store.save(book);
            }
          } catch (IOException e) {
            LOG.error("ladder: cannot write {}", store.file(), e);
            synchronized (book) {
              book.entries.remove(name);
            }
            error(
                c,
                m,
                ErrorCode.INTERNAL,
                "ladder_register: the ladder cannot write " + store.file() + " (" + e + ")");
            return;
          }
          LOG.info("ladder: remote entrant {} registered", name);
          c.send(
              ServerMessage.newBuilder()
                  .setRequestId(m.getRequestId())
                  .setLadderRegistered(LadderRegistered.newBuilder().setName(name).setToken(token))
                  .build());
        });
  }

  private void join(Connection c, ClientMessage m) {
    String token = m.getLadderJoin().getToken();
    String name = null;
    synchronized (book) {
      for (Book.Entry e : book.entries.values()) {
        if (e.remote && !token.isEmpty() && TokenHash.matches(e.tokenHash, token)) {
          name = e.name;
        }
      }
    }
    if (name == null) {
      error(
          c,
          m,
          ErrorCode.BAD_TOKEN,
          token.isEmpty()
              ? "ladder_join.token: missing"
              : "ladder_join.token: no ladder entrant has this token");
      return;
    }
    lobby.offerEntrant(c, ENTRANT_PREFIX + name);
    int free = lobby.freeEntrantConnections(ENTRANT_PREFIX + name);
    c.send(
        ServerMessage.newBuilder()
            .setRequestId(m.getRequestId())
            .setAck(
                Ack.newBuilder()
                    .setDetail(
                        "offered for ladder games as "
                            + name
                            + " ("
                            + free
                            + " free connection"
                            + (free == 1 ? "" : "s")
                            + ")"))
            .build());
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private void get(Connection c, ClientMessage m) {
    var req = m.getGetLadder();
    int recent = req.getRecent() == 0 ? 20 : req.getRecent();
    if (recent > 200) {
      error(c, m, ErrorCode.BAD_REQUEST, "get_ladder.recent: at most 200, got " + recent);
      return;
    }
    String entrant = req.getEntrant().isEmpty() ? null : req.getEntrant();
    org.entente.proto.v1.Ladder.Builder b = org.entente.proto.v1.Ladder.newBuilder();
    synchronized (book) {
      if (entrant != null && !book.entries.containsKey(entrant)) {
        error(
            c,
            m,
            ErrorCode.BAD_REQUEST,
            "get_ladder.entrant: no entrant '" + printable(entrant) + "' on the ladder");
        return;
      }
      List<Book.Entry> entries = new ArrayList<>(book.entries.values());
      entries.sort(
          Comparator.comparingDouble((Book.Entry e) -> -e.belief.mean())
              .thenComparing(e -> e.name));
      for (Book.Entry e : entries) {
        b.addEntries(
            LadderEntry.newBuilder()
                .setName(e.name)
                .setRemote(e.remote)
                .setMean(e.belief.mean())
                .setSd(e.belief.sd())
                .setLow(e.belief.low())
                .setHigh(e.belief.high())
                .setGames(e.games)
                .setMeanScore(e.meanScore())
                .setConnections(
                    e.remote ? lobby.freeEntrantConnections(ENTRANT_PREFIX + e.name) : 0));
      }
      for (Book.Played p : book.recent(entrant, recent)) {
        b.addGames(toProto(p));
      }
      b.setGamesRated(book.gamesRated);
    }
    b.setCpuShare(config.cpuShare()).setCpuMeasured(cpuMeasured()).setStatus(status);
    c.send(ServerMessage.newBuilder().setRequestId(m.getRequestId()).setLadder(b).build());
  }

  private LadderGame toProto(Book.Played p) {
    LadderGame.Builder g =
        LadderGame.newBuilder()
            .setNumber(p.number())
            .setGameId(p.gameId())
            .setScenario(p.scenario())
            .setSeed(p.seed())
            .setEndedMillis(p.endedMillis())
            .setReplayUrl(base() + "ladder/game/" + p.gameId());
    for (Book.Seat s : p.seats()) {
      g.addSeats(
          LadderSeat.newBuilder()
              .setState(s.state())
              .setEntrant(s.entrant())
              .setScore(s.score())
              .setMeanBefore(s.before())
              .setMeanAfter(s.after()));
    }
    return g.build();
  }

  private String base() {
    String u = lobby.publicUrl();
    if (u == null || u.isBlank()) {
      return "/";
    }
    return u.endsWith("/") ? u : u + "/";
  }

  private static void error(Connection c, ClientMessage m, ErrorCode code, String message) {
    c.send(
        ServerMessage.newBuilder()
            .setRequestId(m.getRequestId())
            .setError(
                Error.newBuilder().setCode(code).setMessage(message).setRequestId(m.getRequestId()))
            .build());
  }

  // ------------------------------------------------------------------ the replay page

  private CompletionStage<HttpRoute.Response> gamePage(HttpRoute.Request request) {
    if (!request.method().equals("GET")) {
      return CompletableFuture.completedFuture(HttpRoute.Response.text(405, "only GET"));
    }
    String id = request.path().substring("/ladder/game/".length());
    boolean rated;
    synchronized (book) {
      rated = book.history.stream().anyMatch(p -> p.gameId().equals(id));
    }
    if (!rated) {
      return CompletableFuture.completedFuture(
          HttpRoute.Response.text(
              404, "no rated ladder game '" + id + "' (the ladder keeps its latest games)"));
    }
    JournalStore journals = lobby.journals();
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            String html = Debriefs.render(Replay.replay(journals.read(id)).history(), Format.HTML);
            return HttpRoute.Response.ok(
                "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
          } catch (IOException | RuntimeException e) {
            LOG.warn("ladder: cannot read the journal of game {}", id, e);
            return HttpRoute.Response.text(
                500, "cannot read the journal of ladder game " + id + ": " + e.getMessage());
          }
        },
        io);
  }

  // ------------------------------------------------------------------ the schedule

  private void push(ServerMessage m) {
    if (m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.GAME_ENDED) {
      CompletableFuture<GameEvent> f = ending.get();
      if (f != null) {
        f.complete(m.getGameEvent());
      }
    }
  }

  /** One planned game: its number, scenario, seed and the entrant of each seat. */
  record Plan(long number, Arena arena, long seed, List<String> seats) {}

  private void loop() {
    long backoff = 1000;
    while (!stopped) {
      Plan plan;
      synchronized (book) {
        plan = plan(book.gamesRated + 1);
      }
      status = "playing game " + plan.number() + " (" + plan.arena().id() + ")";
      long began = System.nanoTime();
      String gameId = null;
      try {
        GameOutcome o = play(plan);
        gameId = o.gameId;
        rate(plan, o);
        backoff = 1000;
      } catch (InterruptedException | java.util.concurrent.CancellationException e) {
        break;
      } catch (Exception e) {
        if (stopped) {
          break;
        }
        status = "game " + plan.number() + " failed: " + e.getMessage() + "; retrying";
        LOG.warn("ladder: game {} failed: {}", plan.number(), e.toString());
        pause(backoff * 1_000_000L);
        backoff = Math.min(backoff * 2, 60_000);
        continue;
      }
      long used = gameId == null ? 0 : Math.max(0, lobby.gameCpuNanos(gameId));
      cpuNanos += used;
      long wall = System.nanoTime() - began;
      long rest = (long) (used / config.cpuShare()) - wall;
      status = "rated game " + plan.number() + "; pausing " + Math.max(0, rest) / 1_000_000 + " ms";
      long pauseBegan = System.nanoTime();
      pauseSince = pauseBegan;
      pause(Math.max(0, rest));
      pacedNanos += System.nanoTime() - pauseBegan;
      pauseSince = 0;
    }
    status = "stopped";
  }

  private void pause(long nanos) {
    long end = System.nanoTime() + nanos;
    synchronized (wake) {
      while (!stopped) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(wake, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * The seats of game {@code number} (under the book's lock): its scenario in turn; the remote
   * entrants with free connections (fewest games first, ties drawn) take seats in rounds, one seat
   * per entrant and round while it has a free connection left, on at most half the seats; the
   * built-in strategies (fewest games first, ties drawn) take the rest, each once before any
   * repeats; the seats are then shuffled.
   */
  Plan plan(long number) {
    Arena arena = arenas.get((int) ((number - 1) % arenas.size()));
    long seed = mix(config.seed(), number);
    Random r = new Random(seed);
    int n = arena.size();
    List<Book.Entry> remote = new ArrayList<>();
    List<Book.Entry> builtin = new ArrayList<>();
    Map<String, Integer> free = new HashMap<>();
    for (Book.Entry e : book.entries.values()) {
      if (e.remote) {
        int f = lobby.freeEntrantConnections(ENTRANT_PREFIX + e.name);
        if (f > 0) {
          remote.add(e);
          free.put(e.name, f);
        }
      } else if (config.strategies().contains(e.name)) {
        builtin.add(e);
      }
    }
    Collections.shuffle(remote, r);
    remote.sort(Comparator.comparingInt(e -> e.games));
    Collections.shuffle(builtin, r);
    builtin.sort(Comparator.comparingInt(e -> e.games));
    List<String> seats = new ArrayList<>();
    int remoteSeats = Math.max(1, n / 2);
    boolean added = true;
    while (added && seats.size() < remoteSeats) {
      added = false;
      for (Book.Entry e : remote) {
        if (seats.size() < remoteSeats && free.get(e.name) > 0) {
          seats.add(e.name);
          free.merge(e.name, -1, Integer::sum);
          added = true;
        }
      }
    }
    for (int i = 0; seats.size() < n; i++) {
      seats.add(builtin.get(i % builtin.size()).name);
    }
    Collections.shuffle(seats, r);
    return new Plan(number, arena, seed, seats);
  }

  private static long mix(long seed, long n) {
    long z = seed + 0x9E3779B97F4A7C15L * (n + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static final class GameOutcome {
    String gameId;
    GameEvent end;
  }

  private GameOutcome play(Plan plan) throws Exception {
    Arena arena = plan.arena();
    CreateGame.Builder req =
        CreateGame.newBuilder()
            .setScenario(arena.id())
            .setSeed(plan.seed())
            .setDeadlineSeconds(config.deadlineSeconds())
            .setName("ladder game " + plan.number());
    Map<String, Boolean> remote = new HashMap<>();
    synchronized (book) {
      for (String name : plan.seats()) {
        remote.put(name, book.entries.get(name).remote);
      }
    }
    for (int s = 0; s < plan.seats().size(); s++) {
      String name = plan.seats().get(s);
      String state = arena.seats().get(s);
      if (remote.get(name)) {
        req.putEntrants(state, ENTRANT_PREFIX + name);
      } else {
        req.putBots(state, name);
      }
    }
    CompletableFuture<GameEvent> end = new CompletableFuture<>();
    ending.set(end);
    ServerMessage created =
        conn.request(ClientMessage.newBuilder().setCreateGame(req)).get(30, TimeUnit.SECONDS);
    if (!created.hasGameCreated()) {
      ending.set(null);
      throw new IllegalStateException(
          created.hasError()
              ? created.getError().getCode() + ": " + created.getError().getMessage()
              : "create_game answered with " + created.getBodyCase());
    }
    GameOutcome o = new GameOutcome();
    o.gameId = created.getGameCreated().getGameId();
    long timeout = (long) arena.world().turns() * (config.deadlineSeconds() + 5) + 60;
    try {
      GameEvent ev = end.get(timeout, TimeUnit.SECONDS);
      if (!ev.getGameId().isEmpty() && !ev.getGameId().equals(o.gameId)) {
        throw new IllegalStateException(
            "the end of game " + ev.getGameId() + " arrived while waiting for " + o.gameId);
      }
      o.end = ev;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("game " + o.gameId + " failed: " + e.getCause(), e);
    } finally {
      ending.set(null);
    }
    return o;
  }

  private void rate(Plan plan, GameOutcome o) throws IOException {
    Arena arena = plan.arena();
    Map<String, FinalScore> byState = new HashMap<>();
    o.end.getFinalScoresList().forEach(f -> byState.put(f.getState(), f));
    double[] scores = new double[arena.size()];
    for (int s = 0; s < scores.length; s++) {
      FinalScore f = byState.get(arena.seats().get(s));
      if (f == null) {
        throw new IllegalStateException(
            "game " + o.gameId + " ended without a final score for " + arena.seats().get(s));
      }
      scores[s] = f.getTotal();
    }
    synchronized (book) {
      Map<String, Rating.Belief> before = new LinkedHashMap<>();
      for (String name : plan.seats()) {
        before.put(name, book.entries.get(name).belief);
      }
      Map<String, Rating.Belief> after = Rating.update(plan.seats(), scores, before);
      List<Book.Seat> seats = new ArrayList<>();
      Map<String, double[]> perEntrant = new LinkedHashMap<>();
      for (int s = 0; s < scores.length; s++) {
        String name = plan.seats().get(s);
        seats.add(
            new Book.Seat(
                arena.seats().get(s),
                name,
                scores[s],
                before.get(name).mean(),
                after.get(name).mean()));
        double[] sum = perEntrant.computeIfAbsent(name, k -> new double[2]);
        sum[0] += scores[s];
        sum[1]++;
      }
      for (var e : after.entrySet()) {
        Book.Entry entry = book.entries.get(e.getKey());
        entry.belief = e.getValue();
        entry.games++;
        double[] sum = perEntrant.get(e.getKey());
        entry.scoreSum += sum[0] / sum[1];
      }
      book.gamesRated = plan.number();
      book.add(
          new Book.Played(
              plan.number(), o.gameId, arena.id(), plan.seed(), System.currentTimeMillis(), seats));
      store.save(book);
    }
    LOG.info("ladder: rated game {} ({})", plan.number(), o.gameId);
  }
}
