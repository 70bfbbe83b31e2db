package org.entente.server.game;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.entente.proto.v1.Ack;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ClientMessage.BodyCase;
import org.entente.proto.v1.Error;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.GameList;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.Joined;
import org.entente.proto.v1.JournalRecord;
import org.entente.proto.v1.Limits;
import org.entente.proto.v1.Pong;
import org.entente.proto.v1.Role;
import org.entente.proto.v1.ScenarioInfo;
import org.entente.proto.v1.ScenarioList;
import org.entente.proto.v1.SeatInfo;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.Welcome;
import org.entente.server.engine.World;
import org.entente.server.journal.Journal;
import org.entente.server.journal.JournalReader;
import org.entente.server.journal.JournalStore;
import org.entente.server.journal.Records;
import org.entente.server.journal.Replay;
import org.entente.server.journal.ScenarioBytes;
import org.entente.server.journal.TokenHash;
import org.entente.server.net.Connection;
import org.entente.server.net.MessageHandler;
import org.entente.server.net.ServerConfig;
import org.entente.server.scenario.ScenarioException;
import org.entente.server.scenario.ScenarioLoader;

/**
 * The game service behind the network: the lobby (scenarios, games, joining, observing), and the
 * dispatch of every request to a small handler by its message type. Game work is handed to the
 * game's own executor; this class only routes, so it never blocks an event loop.
 */
public final class Lobby implements MessageHandler {
  public static final int PROTOCOL_MAJOR = 1;
  public static final int PROTOCOL_MINOR = 3;

  private final ServerConfig config;
  private final GameClock clock;
  private final Map<String, World> scenarios;
  private final ScenarioList scenarioList;
  private final Map<String, LiveGame> games = new ConcurrentHashMap<>();
  private final Map<String, LiveGame> byToken = new ConcurrentHashMap<>();
  private final Map<Connection, Session> sessions = new ConcurrentHashMap<>();
  private final Map<BodyCase, Handler> handlers = new EnumMap<>(BodyCase.class);
  private final AtomicLong gameSeq = new AtomicLong();
  private final JournalStore store;
  private volatile CreationLimits.Counter creations =
      new CreationLimits.Counter(CreationLimits.none(), System::currentTimeMillis);
  private final Branching branching = new Branching(this);
  private final Entrants entrants = new Entrants();
  private final TurnTimes turnTimes = new TurnTimes();
  private volatile String publicUrl = "";
  private volatile String instructorKey = "";
  // finished games kept in the data folder and not yet read back: their summaries, and which game
  // each stored token (hash) belongs to; a game leaves the shelf when it is first used
  private final Map<String, Shelved> shelf = new ConcurrentHashMap<>();
  private final Map<String, String> shelvedTokens = new ConcurrentHashMap<>();
  private final Map<String, java.util.concurrent.CompletableFuture<LiveGame>> loading =
      new ConcurrentHashMap<>();

  /**
   * A finished game known from its journal only: its lobby summary, its stored tokens and, among
   * them, its instructors' (the creation's and any opened with the instructor key).
   */
  private record Shelved(
      org.entente.proto.v1.GameInfo info, List<String> tokens, List<String> instructorTokens) {}

  // create_game.request_key -> the game it made (null while it is being made), with when
  private final Map<String, Keyed> requestKeys = new ConcurrentHashMap<>();
  static final long REQUEST_KEY_MILLIS = 3_600_000L;

  // The hashed request keys of the games read back from their journals, created within the last
  // REQUEST_KEY_MILLIS: a create resent after a restart (its answer lost in the crash) finds its
  // game
  private final Map<String, RecoveredKey> recoveredKeys = new ConcurrentHashMap<>();

  private record RecoveredKey(String gameId, long at) {}

  private static final class Keyed {
    final long at;
    volatile String gameId;

    Keyed(long at) {
      this.at = at;
    }
  }

  private final LiveGame.GameListener listener =
      new LiveGame.GameListener() {
        @Override
        public void finished(LiveGame game) {}

        @Override
        public void turnServed(long nanos) {
          turnTimes.record(nanos);
        }
      };
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Lobby.class);

  /** What the lobby remembers of a connection. */
  private static final class Session {
    volatile boolean hello;
    final java.util.concurrent.atomic.AtomicInteger wrongSecrets =
        new java.util.concurrent.atomic.AtomicInteger();
    final Set<LiveGame> games = ConcurrentHashMap.newKeySet();
  }

  /** One request type's handler. */
  @FunctionalInterface
  interface Handler {
    void handle(Connection c, ClientMessage m);
  }

  /** A lobby whose games keep no journal. */
  public Lobby(ServerConfig config, GameClock clock) {
    this(config, clock, JournalStore.none());
  }

  /** A lobby whose games are journaled in {@code store}; call {@link #recover} before serving. */
  public Lobby(ServerConfig config, GameClock clock, JournalStore store) {
    this.config = config;
    this.clock = clock;
    this.store = store;
    this.scenarios = loadScenarios();
    this.scenarioList = scenarioList(scenarios);
    handlers.put(BodyCase.HELLO, this::hello);
    handlers.put(
        BodyCase.PING,
        (c, m) -> reply(c, m, ServerMessage.newBuilder().setPong(Pong.getDefaultInstance())));
    handlers.put(
        BodyCase.LIST_SCENARIOS,
        (c, m) -> reply(c, m, ServerMessage.newBuilder().setScenarios(scenarioList)));
    handlers.put(BodyCase.LIST_GAMES, this::listGames);
    handlers.put(BodyCase.OPEN_CONSOLE, this::openConsole);
    handlers.put(BodyCase.CREATE_GAME, this::createGame);
    handlers.put(BodyCase.JOIN_SEAT, this::joinSeat);
    handlers.put(BodyCase.OBSERVE, this::observe);
    handlers.put(
        BodyCase.RESUME,
        (c, m) ->
            withToken(c, m, m.getResume().getToken(), (g, member) -> resume(c, m, g, member)));
    handlers.put(
        BodyCase.GET_VIEW,
        (c, m) ->
            withToken(
                c,
                m,
                m.getGetView().getToken(),
                (g, member) -> g.pushView(member.token(), c, m.getRequestId())));
    handlers.put(
        BodyCase.SUBMIT_ORDERS,
        (c, m) -> {
          long arrived = System.nanoTime();
          withToken(
              c,
              m,
              m.getSubmitOrders().getToken(),
              (g, member) -> g.handleOrder(arrived, () -> Requests.submit(g, member, c, m)));
        });
    handlers.put(
        BodyCase.SEND_PRESS,
        (c, m) ->
            withToken(
                c, m, m.getSendPress().getToken(), (g, member) -> Requests.press(g, member, c, m)));
    handlers.put(
        BodyCase.REPLAY,
        (c, m) ->
            withToken(
                c, m, m.getReplay().getToken(), (g, member) -> Requests.replay(g, member, c, m)));
    handlers.put(
        BodyCase.INSTRUCTOR,
        (c, m) ->
            withToken(
                c,
                m,
                m.getInstructor().getToken(),
                (g, member) -> Requests.instructor(g, member, c, m)));
    handlers.put(
        BodyCase.SHARE_DRAFT,
        (c, m) ->
            withToken(
                c,
                m,
                m.getShareDraft().getToken(),
                (g, member) -> Requests.shareDraft(g, member, c, m)));
    handlers.put(BodyCase.BRANCH_GAME, branching::branch);
    handlers.put(BodyCase.DIFF_GAMES, branching::diff);
    handlers.put(BodyCase.REGISTER_ENTRANT, this::registerEntrant);
  }

  private static Map<String, World> loadScenarios() {
    Map<String, World> out = new java.util.LinkedHashMap<>();
    for (String id : ScenarioLoader.builtinIds()) {
      out.put(id, builtin(id).world());
    }
    return Map.copyOf(out);
  }

  private static ScenarioLoader.Loaded builtin(String id) {
    try {
      return ScenarioLoader.builtin(id);
    } catch (ScenarioException e) {
      throw new IllegalStateException(
          "built-in scenario " + id + " is broken: " + e.getMessage(), e);
    }
  }

  private static ScenarioList scenarioList(Map<String, World> scenarios) {
    ScenarioList.Builder b =
        ScenarioList.newBuilder().addAllStrategies(org.entente.client.bots.Strategies.names());
    for (var s : org.entente.client.bots.Strategies.all()) {
      b.putStrategySummaries(s.name(), s.summary());
    }
    for (String id : ScenarioLoader.builtinIds()) {
      World w = scenarios.get(id);
      Map<String, org.entente.server.scenario.ScenarioFile.Location> where =
          new java.util.HashMap<>();
      builtin(id).file().states().forEach(st -> where.put(st.id(), st.location()));
      ScenarioInfo.Builder s =
          ScenarioInfo.newBuilder()
              .setId(id)
              .setName(w.name())
              .setTurns(w.turns())
              .setFirstLabel(w.label(1))
              .setLastLabel(w.label(w.turns()))
              .setBriefing(w.briefing())
              .setNameKo(ScenarioLoader.korean(id).name())
              .setBriefingKo(ScenarioLoader.korean(id).briefing());
      for (int i = 0; i < w.size(); i++) {
        s.addSeats(
            SeatInfo.newBuilder()
                .setState(w.start().get(i).id())
                .setName(w.start().get(i).name())
                .setNameKo(
                    ScenarioLoader.korean(id).stateNames().getOrDefault(w.start().get(i).id(), ""))
                .setDefaultStrategy(GameSettings.defaultStrategy(w, w.start().get(i).id()))
                .setLatitude(where.get(w.start().get(i).id()).lat())
                .setLongitude(where.get(w.start().get(i).id()).lon()));
      }
      b.addScenarios(s);
    }
    return b.build();
  }

  // ------------------------------------------------------------------ MessageHandler

  @Override
  public void onOpen(Connection connection) {
    sessions.put(connection, new Session());
  }

  @Override
  public void onMessage(Connection c, ClientMessage m) {
    Session s = sessions.computeIfAbsent(c, k -> new Session());
    if (!s.hello && m.getBodyCase() != BodyCase.HELLO) {
      error(
          c,
          m.getRequestId(),
          ErrorCode.HELLO_REQUIRED,
          "the first message must be a Hello with the protocol version (major "
              + PROTOCOL_MAJOR
              + ")");
      return;
    }
    Handler h = handlers.get(m.getBodyCase());
    if (h == null) {
      error(
          c,
          m.getRequestId(),
          ErrorCode.UNKNOWN_MESSAGE,
          "unknown message type "
              + m.getBodyCase()
              + "; this server speaks entente.v1."
              + PROTOCOL_MINOR);
      return;
    }
    String bad = Fields.badNumber(m);
    if (bad != null) {
      error(c, m.getRequestId(), ErrorCode.BAD_REQUEST, bad);
      return;
    }
    h.handle(c, m);
  }

  @Override
  public void onClose(Connection c) {
    creations.closed(c);
    entrants.remove(c);
    Session s = sessions.remove(c);
    if (s != null) {
      for (LiveGame g : s.games) {
        g.execute(() -> g.unbind(c));
      }
    }
  }

  // ------------------------------------------------------------------ handlers

  private void hello(Connection c, ClientMessage m) {
    if (m.getHello().getMajor() != PROTOCOL_MAJOR) {
      error(
          c,
          m.getRequestId(),
          ErrorCode.UNSUPPORTED_VERSION,
          "protocol major version "
              + m.getHello().getMajor()
              + " is not served; this server speaks "
              + PROTOCOL_MAJOR
              + "."
              + PROTOCOL_MINOR);
      c.close(ErrorCode.UNSUPPORTED_VERSION, "unsupported protocol version");
      return;
    }
    sessions.computeIfAbsent(c, k -> new Session()).hello = true;
    reply(
        c,
        m,
        ServerMessage.newBuilder()
            .setWelcome(
                Welcome.newBuilder()
                    .setMajor(PROTOCOL_MAJOR)
                    .setMinor(PROTOCOL_MINOR)
                    .setServer("entente/0.1")
                    .setLimits(
                        Limits.newBuilder()
                            .setMaxFrameBytes(config.maxFrameBytes())
                            .setMaxMessagesPerSecond(config.maxMessagesPerSecond())
                            .setIdleTimeoutSeconds((int) config.idleTimeout().toSeconds()))));
  }

  private void listGames(Connection c, ClientMessage m) {
    var req = m.getListGames();
    boolean keyed = !req.getInstructorKey().isEmpty();
    if (keyed && !instructorKeyMatches(req.getInstructorKey())) {
      wrongKey(c, m.getRequestId(), "list_games.instructor_key");
      return;
    }
    Map<String, org.entente.proto.v1.GameInfo> out = new java.util.TreeMap<>();
    games.values().stream()
        .map(LiveGame::info)
        .filter(java.util.Objects::nonNull)
        .forEach(i -> out.put(i.getGameId(), i));
    if (keyed) {
      shelf.values().forEach(s -> out.putIfAbsent(s.info().getGameId(), s.info()));
    } else {
      for (String token : req.getInstructorTokensList()) {
        String id = shelvedGameOf(token);
        Shelved s = id == null ? null : shelf.get(id);
        if (s != null
            && s.instructorTokens().stream()
                .anyMatch(h -> org.entente.server.journal.TokenHash.matches(h, token))) {
          out.putIfAbsent(id, s.info());
        }
      }
    }
    GameList.Builder b = GameList.newBuilder();
    out.values().forEach(b::addGames);
    reply(c, m, ServerMessage.newBuilder().setGames(b));
  }

  /**
   * The key that lists every game (see {@code ListGames.instructor_key}); empty: no key, and a
   * list_games with one is refused.
   */
  public void instructorKey(String key) {
    this.instructorKey = key == null ? "" : key.trim();
  }

  private boolean instructorKeyMatches(String given) {
    String key = instructorKey;
    return !key.isEmpty()
        && java.security.MessageDigest.isEqual(
            key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            given.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  // A FORBIDDEN answer naming the field (never echoing what was sent); counts as a wrong secret.
  private void wrongKey(Connection c, String requestId, String field) {
    error(
        c,
        requestId,
        ErrorCode.FORBIDDEN,
        instructorKey.isEmpty()
            ? field + ": this server has no instructor key"
            : field + ": not this server's instructor key (serve prints it at start)");
    LOG.info("a request with a wrong instructor key was refused ({})", field);
    Session s = sessions.get(c);
    if (s != null && s.wrongSecrets.incrementAndGet() >= MAX_WRONG_SECRETS) {
      c.close(
          ErrorCode.RATE_LIMITED,
          MAX_WRONG_SECRETS + " wrong keys or join secrets on this connection; reconnect");
    }
  }

  /**
   * The name of the instructor member a console opened with the instructor key makes: the creator's
   * own, so messages and notes read the same whichever console wrote them.
   */
  static final String KEY_CONSOLE_NAME = "instructor";

  /**
   * {@code open_console}: the holder of the instructor key gets a new instructor token for one
   * game, running or finished (read back from its journal if need be). The token is journaled
   * hashed like every member's, so it works after restarts; the connection is not bound to it.
   */
  private void openConsole(Connection c, ClientMessage m) {
    var req = m.getOpenConsole();
    if (req.getInstructorKey().isBlank()) {
      error(
          c,
          m.getRequestId(),
          ErrorCode.FORBIDDEN,
          "open_console.instructor_key: opening a game's console without its instructor token"
              + " needs the server's instructor key");
      return;
    }
    if (!instructorKeyMatches(req.getInstructorKey())) {
      wrongKey(c, m.getRequestId(), "open_console.instructor_key");
      return;
    }
    String id = req.getGameId();
    if (!games.containsKey(id) && !shelf.containsKey(id)) {
      error(
          c,
          m.getRequestId(),
          ErrorCode.UNKNOWN_GAME,
          "open_console.game_id: no game '" + Fields.quote(id) + "' on this server");
      return;
    }
    gameOrShelved(id)
        .whenComplete(
            (g, e) -> {
              if (g == null) {
                error(
                    c,
                    m.getRequestId(),
                    e == null ? ErrorCode.UNKNOWN_GAME : ErrorCode.INTERNAL,
                    e == null
                        ? "open_console.game_id: no game '" + Fields.quote(id) + "' on this server"
                        : "game " + id + " is over and its journal cannot be read back");
                return;
              }
              withNewInstructorToken(
                  g,
                  c,
                  m,
                  "console opened with the instructor key",
                  token ->
                      ServerMessage.newBuilder()
                          .setJoined(
                              Joined.newBuilder()
                                  .setGameId(g.id)
                                  .setToken(token)
                                  .setRole(Role.INSTRUCTOR)));
            });
  }

  /**
   * On {@code g}'s executor: a new instructor member (journaled hashed, like every member), logged
   * with {@code why}, and the reply {@code answer} makes from its token; a storage error when the
   * journal cannot take it.
   */
  private void withNewInstructorToken(
      LiveGame g,
      Connection c,
      ClientMessage m,
      String why,
      java.util.function.Function<String, ServerMessage.Builder> answer) {
    g.execute(
        () -> {
          String token = g.addMember(Role.INSTRUCTOR, "", KEY_CONSOLE_NAME);
          if (token == null) {
            Requests.storageError(g, c, m.getRequestId());
            return;
          }
          byToken.put(token, g);
          LOG.info("game={} {}", g.id, why);
          reply(c, m, answer.apply(token));
        });
  }

  private void createGame(Connection c, ClientMessage m) {
    String key = m.getCreateGame().getRequestKey();
    if (key.isEmpty()) {
      createGame(c, m, null);
      return;
    }
    if (!key.matches("[A-Za-z0-9_-]{8,64}")) {
      error(
          c,
          m.getRequestId(),
          ErrorCode.BAD_REQUEST,
          "create_game.request_key: 8 to 64 of [A-Za-z0-9_-], got " + key.length() + " characters");
      return;
    }
    long now = clock.millis();
    requestKeys.values().removeIf(k -> now - k.at > REQUEST_KEY_MILLIS);
    recoveredKeys.values().removeIf(k -> now - k.at() > REQUEST_KEY_MILLIS);
    RecoveredKey recovered =
        requestKeys.containsKey(key) ? null : recoveredKeys.get(TokenHash.of(key));
    if (recovered != null) {
      createdBeforeRestart(c, m, recovered.gameId());
      return;
    }
    Keyed mine = new Keyed(now);
    Keyed prior = requestKeys.putIfAbsent(key, mine);
    if (prior == null) {
      if (createGame(c, m, mine) == null) {
        requestKeys.remove(key, mine);
      }
      return;
    }
    LiveGame g = prior.gameId == null ? null : games.get(prior.gameId);
    if (g == null) {
      error(
          c,
          m.getRequestId(),
          ErrorCode.BAD_REQUEST,
          "create_game.request_key: the game of this key is still being created; ask again");
      return;
    }
    LOG.info("game={} create_game repeated with its request key; no new game", g.id);
    g.execute(() -> reply(c, m, ServerMessage.newBuilder().setGameCreated(created(g))));
  }

  /**
   * A create resent with the request key of a game made before a restart: the server holds only the
   * hash of that game's instructor token, so the answer is the game with a new instructor token
   * (journaled hashed, like one opened with the instructor key). No second game is made.
   */
  private void createdBeforeRestart(Connection c, ClientMessage m, String id) {
    gameOrShelved(id)
        .whenComplete(
            (g, e) -> {
              if (g == null) {
                error(
                    c,
                    m.getRequestId(),
                    ErrorCode.INTERNAL,
                    "create_game.request_key: game "
                        + id
                        + " was made with this key, but its journal cannot be read back");
                return;
              }
              withNewInstructorToken(
                  g,
                  c,
                  m,
                  "create_game resent with its request key after a restart; no new game, a new"
                      + " instructor token",
                  token -> ServerMessage.newBuilder().setGameCreated(created(g, token)));
            });
  }

  /** The GameCreated of {@code g} (on its executor): its id, instructor token and links. */
  static GameCreated created(LiveGame g) {
    return created(g, g.instructorToken);
  }

  // The GameCreated of g as the holder of the instructor token {@code token} sees it.
  private static GameCreated created(LiveGame g, String token) {
    return GameCreated.newBuilder()
        .setGameId(g.id)
        .setInstructorToken(token)
        .setLinks(Links.of(g, token))
        .build();
  }

  // Creates the game, or answers with an error and returns null.
  private LiveGame createGame(Connection c, ClientMessage m, Keyed keyed) {
    var req = m.getCreateGame();
    World world = scenarios.get(req.getScenario());
    if (world == null) {
      error(
          c,
          m.getRequestId(),
          ErrorCode.UNKNOWN_SCENARIO,
          "create_game.scenario: no scenario '"
              + Fields.quote(req.getScenario())
              + "'; known: "
              + ScenarioLoader.builtinIds());
      return null;
    }
    String tooLong = Fields.tooLong("create_game.name", req.getName(), Fields.MAX_NAME_CHARS);
    if (tooLong != null) {
      error(c, m.getRequestId(), ErrorCode.TOO_LONG, tooLong);
      return null;
    }
    GameSettings settings;
    try {
      settings = GameSettings.from(req, world);
    } catch (IllegalArgumentException e) {
      error(c, m.getRequestId(), ErrorCode.INVALID_SETTINGS, "create_game." + e.getMessage());
      return null;
    }
    Map<String, Entrants.Reserved> entrantSeats;
    try {
      entrantSeats = entrants.reserve(req, world);
    } catch (IllegalArgumentException e) {
      error(c, m.getRequestId(), ErrorCode.INVALID_SETTINGS, "create_game." + e.getMessage());
      return null;
    }
    long running =
        games.values().stream()
            .filter(g -> g.info() == null || g.info().getPhase() != GamePhase.FINISHED)
            .count();
    String overLimit = running >= config.maxGames() ? null : creations.tryCreate(c);
    if (overLimit != null) {
      entrants.release(entrantSeats);
      error(c, m.getRequestId(), ErrorCode.TOO_MANY_GAMES, overLimit);
      return null;
    }
    if (running >= config.maxGames()) {
      entrants.release(entrantSeats);
      error(
          c,
          m.getRequestId(),
          ErrorCode.TOO_MANY_GAMES,
          "the server already runs " + running + " games (limit " + config.maxGames() + ")");
      return null;
    }
    String id = "g" + gameSeq.incrementAndGet() + "-" + Tokens.next().substring(0, 6);
    String instructorToken = Tokens.next();
    Journal journal;
    try {
      journal = openJournal(id, req, settings, instructorToken);
    } catch (java.io.IOException | RuntimeException e) {
      LOG.error("game={} cannot start its journal", id, e);
      entrants.release(entrantSeats);
      error(
          c,
          m.getRequestId(),
          ErrorCode.JOURNAL_UNAVAILABLE,
          "the server cannot write a new game's journal ("
              + e
              + "); no game was created; try again once the disk accepts writes");
      return null;
    }
    LiveGame g = new LiveGame(id, world, settings, clock, listener, instructorToken, journal);
    g.publicBase = this::publicUrl;
    g.issueMissingSecrets();
    if (keyed != null) {
      keyed.gameId = id;
    }
    archive(g);
    games.put(id, g);
    byToken.put(g.instructorToken, g);
    sessions.get(c).games.add(g);
    g.execute(
        () -> {
          g.bind(g.instructorToken, c);
          reply(c, m, ServerMessage.newBuilder().setGameCreated(created(g)));
        });
    g.begin();
    entrants.assign(entrantSeats, g);
    entrantSeats.forEach(
        (state, r) ->
            afterPrevious(
                r, () -> g.execute(() -> seatEntrant(g, r.connection(), state, r.name()))));
    return g;
  }

  // ------------------------------------------------------------------ services beside the lobby

  /**
   * Lets another service answer one request type (the ladder's messages). The handler runs on the
   * connection's network thread and must not block; requests before the Hello are refused first.
   */
  public void route(BodyCase body, java.util.function.BiConsumer<Connection, ClientMessage> h) {
    handlers.put(body, h::accept);
  }

  /**
   * Offers {@code c} for seats given to the entrant {@code internalName} in {@code
   * create_game.entrants}; a name that is not a valid {@code RegisterEntrant} name (the ladder's
   * contain ':') can be offered only this way.
   */
  public void offerEntrant(Connection c, String internalName) {
    entrants.registerInternal(c, internalName);
  }

  /** Open connections offered as {@code name} that hold no seat of an unfinished game. */
  public int freeEntrantConnections(String name) {
    return entrants.free(name);
  }

  /** The CPU time game {@code id}'s own tasks have used so far (ns), or -1 for no such game. */
  public long gameCpuNanos(String id) {
    LiveGame g = games.get(id);
    return g == null ? -1 : g.cpuNanos();
  }

  /** The data folder's journals (the ladder reads its finished games back from them). */
  public JournalStore journals() {
    return store;
  }

  // ------------------------------------------------------------------ remote entrants

  private void registerEntrant(Connection c, ClientMessage m) {
    String name = m.getRegisterEntrant().getName();
    String problem = entrants.register(c, name);
    if (problem != null) {
      error(c, m.getRequestId(), ErrorCode.BAD_REQUEST, problem);
      return;
    }
    reply(
        c,
        m,
        ServerMessage.newBuilder()
            .setAck(
                Ack.newBuilder()
                    .setDetail(
                        "registered as remote entrant "
                            + name
                            + " ("
                            + entrants.count(name)
                            + " connections)")));
  }

  // Seats a reserved connection once the game it played last has sent everything (that game's
  // executor runs tasks in order), so the two games' messages cannot interleave on the connection.
  private static void afterPrevious(Entrants.Reserved r, Runnable seat) {
    LiveGame g = r.previous();
    if (g == null) {
      seat.run();
      return;
    }
    try {
      g.execute(seat);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      seat.run(); // the previous game's executor is gone, and its messages with it
    }
  }

  // On the game's executor: a remote entrant's connection gets the seat and a pushed Joined.
  private void seatEntrant(LiveGame g, Connection c, String state, String name) {
    String token = g.addMember(Role.SEAT, state, name);
    if (token == null) {
      c.send(
          ServerMessage.newBuilder()
              .setError(
                  Error.newBuilder()
                      .setCode(ErrorCode.JOURNAL_UNAVAILABLE)
                      .setMessage(
                          "cannot seat entrant "
                              + name
                              + " as "
                              + state
                              + ": "
                              + g.storageProblem()))
              .build());
      return;
    }
    byToken.put(token, g);
    sessions.computeIfAbsent(c, k -> new Session()).games.add(g);
    g.bind(token, c);
    c.send(
        ServerMessage.newBuilder()
            .setJoined(
                Joined.newBuilder()
                    .setGameId(g.id)
                    .setState(state)
                    .setToken(token)
                    .setRole(Role.SEAT))
            .build());
    g.pushView(token, c, "");
  }

  private Journal openJournal(
      String id, org.entente.proto.v1.CreateGame req, GameSettings settings, String instructorToken)
      throws java.io.IOException {
    if (store == JournalStore.none()) {
      return Journal.NONE;
    }
    Journal j = store.create(id);
    try {
      org.entente.proto.v1.CreateGame resolved =
          req.toBuilder().clearBots().putAllBots(settings.bots()).build();
      j.append(
          Records.created(
              clock.millis(),
              id,
              ScenarioBytes.builtin(req.getScenario()),
              resolved,
              settings.seed(),
              instructorToken,
              false));
      j.force();
    } catch (java.io.IOException | RuntimeException e) {
      try {
        j.close();
      } catch (java.io.IOException closing) {
        e.addSuppressed(closing);
      }
      store.delete(id); // a journal without its creation record would fail every later start
      throw e;
    }
    return j;
  }

  // ------------------------------------------------------------------ recovery

  /**
   * What recovery did with one journal.
   *
   * @param outcome RESUMED (the game is served again), FINISHED (nothing to resume) or FAILED
   * @param message what happened, naming the file and any problem (a cut tail, a divergent turn)
   */
  public record Recovered(String gameId, Outcome outcome, String message) {
    public enum Outcome {
      RESUMED,
      FINISHED,
      FAILED,
      /** A journal holding no record: a game whose creation failed (the disk refused it). */
      IGNORED
    }
  }

  /**
   * Rebuilds every unfinished game journaled in the store (see {@link Replay}): its turns are
   * re-adjudicated from the journaled orders and every stored hash checked; its members, tokens,
   * standing submissions, press, autopilots and pause come back, and its current turn's clock
   * resumes with the deadline as journaled. A torn last record is cut; a journal that is corrupt in
   * the middle or whose replay diverges is left alone and reported, and the other games are served.
   */
  public List<Recovered> recover() {
    List<Recovered> out = new java.util.ArrayList<>();
    List<String> ids;
    try {
      ids = store.list();
    } catch (java.io.IOException e) {
      LOG.error("cannot list the journals", e);
      return List.of(new Recovered("", Recovered.Outcome.FAILED, "cannot list journals: " + e));
    }
    for (String id : ids) {
      if (games.containsKey(id)) {
        continue;
      }
      Recovered r = recoverOne(id);
      switch (r.outcome()) {
        case FAILED -> LOG.error("recovery of game {} failed: {}", id, r.message());
        case IGNORED -> LOG.warn("recovery of game {}: {}", id, r.message());
        default -> LOG.info("recovery of game {}: {}", id, r.message());
      }
      out.add(r);
    }
    return out;
  }

  // A root game created within the last REQUEST_KEY_MILLIS with a request key: keep the key's hash
  private void rememberRequestKey(String id, JournalRecord first) {
    if (!first.hasGameCreated()) {
      return;
    }
    var created = first.getGameCreated();
    String hash = created.getSettings().getRequestKey();
    if (TokenHash.isHash(hash)
        && created.getParentGameId().isEmpty()
        && clock.millis() - first.getAtEpochMs() <= REQUEST_KEY_MILLIS) {
      recoveredKeys.put(hash, new RecoveredKey(id, first.getAtEpochMs()));
    }
  }

  private Recovered recoverOne(String id) {
    JournalReader.Contents contents;
    Replay.Replayed replayed;
    try {
      long length = store.length(id);
      if (length <= org.entente.server.journal.JournalFormat.HEADER_BYTES) {
        return ignored(id, length + " bytes, no record");
      }
      contents = store.read(id);
      if (contents.records().isEmpty()) {
        return ignored(
            id,
            "a header and no whole record"
                + (contents.needsCut() ? " (" + contents.tailProblem() + ")" : ""));
      }
      rememberRequestKey(id, contents.records().get(0));
      String ended = endedBy(contents.records());
      if (ended != null && contents.records().get(0).hasGameCreated()) {
        // over: listed from its records now, read back (replayed) only when someone opens it
        int turns = (int) contents.records().stream().filter(JournalRecord::hasTurn).count();
        shelve(id, contents, ended, turns);
        return new Recovered(id, Recovered.Outcome.FINISHED, "finished (" + ended + ")");
      }
      replayed = Replay.replay(contents);
    } catch (java.io.IOException e) {
      return new Recovered(id, Recovered.Outcome.FAILED, e.getMessage());
    }
    String tail =
        contents.needsCut()
            ? "; "
                + contents.path()
                + ": "
                + contents.tailProblem()
                + " (cut at byte offset "
                + contents.validLength()
                + ")"
            : "";
    if (replayed.finished()) {
      shelve(id, contents, replayed.finishedReason(), replayed.state().turn() - 1);
      return new Recovered(
          id, Recovered.Outcome.FINISHED, "finished (" + replayed.finishedReason() + ")" + tail);
    }
    if (!id.equals(replayed.created().getGameId())) {
      return new Recovered(
          id,
          Recovered.Outcome.FAILED,
          contents.path() + ": the journal is of game " + replayed.created().getGameId());
    }
    GameSettings settings;
    try {
      settings = GameSettings.from(replayed.created().getSettings(), replayed.world());
    } catch (IllegalArgumentException e) {
      return new Recovered(
          id, Recovered.Outcome.FAILED, contents.path() + ": bad settings: " + e.getMessage());
    }
    Journal journal;
    try {
      journal = store.reopen(id, contents.validLength());
    } catch (java.io.IOException e) {
      return new Recovered(id, Recovered.Outcome.FAILED, contents.path() + ": cannot reopen: " + e);
    }
    LiveGame g = LiveGame.restore(replayed, settings, clock, listener, journal);
    g.createdAt = contents.records().get(0).getAtEpochMs();
    g.publicBase = this::publicUrl;
    archive(g);
    games.put(id, g);
    byToken.put(g.instructorToken, g);
    g.members.keySet().forEach(t -> byToken.put(t, g));
    java.util.regex.Matcher seq = java.util.regex.Pattern.compile("g(\\d+)-.*").matcher(id);
    if (seq.matches()) {
      gameSeq.accumulateAndGet(Long.parseLong(seq.group(1)), Math::max);
    }
    boolean paused = replayed.paused();
    var journaled = LiveGame.lastDeadline(contents.records());
    g.execute(() -> g.resumeAfterRecovery(paused, journaled));
    return new Recovered(
        id,
        Recovered.Outcome.RESUMED,
        "resumed at turn "
            + replayed.state().turn()
            + " after replaying "
            + replayed.reports().size()
            + " turns"
            + (paused ? " (paused)" : "")
            + tail);
  }

  // Why the game of these records ended (its last record says so, or the instructor ended it), or
  // null while it is not over. A game that ended with its last turn also has a FINISHED record.
  private static String endedBy(List<JournalRecord> records) {
    for (int i = records.size() - 1; i >= 0; i--) {
      JournalRecord r = records.get(i);
      if (r.hasFinished()) {
        return r.getFinished().getReason();
      }
    }
    return null;
  }

  // Lists a finished game from its journal's records, to be read back on first use.
  private void shelve(String id, JournalReader.Contents contents, String why, int turnsPlayed) {
    var created = contents.records().get(0).getGameCreated();
    if (!id.equals(created.getGameId())) {
      return;
    }
    World w = scenarios.get(created.getScenarioId());
    int turns = created.getSettings().getMaxTurns();
    if (turns == 0 && w != null) {
      turns = w.turns();
    }
    String name = created.getSettings().getName();
    if (name.isEmpty() && w != null) {
      name = w.name();
    }
    List<String> tokens = new java.util.ArrayList<>();
    List<String> instructors = new java.util.ArrayList<>();
    tokens.add(created.getInstructorToken());
    instructors.add(created.getInstructorToken());
    for (JournalRecord r : contents.records()) {
      if (r.hasMemberAdded()) {
        tokens.add(r.getMemberAdded().getToken());
        if (r.getMemberAdded().getRole() == Role.INSTRUCTOR) {
          instructors.add(r.getMemberAdded().getToken());
        }
      } else if (r.hasMemberRevoked()) {
        tokens.remove(r.getMemberRevoked().getToken());
        instructors.remove(r.getMemberRevoked().getToken());
      }
    }
    tokens.removeIf(String::isEmpty);
    instructors.removeIf(String::isEmpty);
    var info =
        org.entente.proto.v1.GameInfo.newBuilder()
            .setGameId(id)
            .setScenario(created.getScenarioId())
            .setName(name)
            // as a served game says it: the turn after the last one played, at most the last
            .setTurn(Math.max(1, Math.min(turnsPlayed + 1, turns == 0 ? turnsPlayed + 1 : turns)))
            .setTurns(turns)
            .setPhase(GamePhase.FINISHED)
            .setFinishedReason(why)
            .setCreatedEpochMs(contents.records().get(0).getAtEpochMs())
            .setParentGameId(created.getParentGameId())
            .setForkTurn(created.getForkTurn())
            .build();
    shelf.put(id, new Shelved(info, List.copyOf(tokens), List.copyOf(instructors)));
    tokens.forEach(t -> shelvedTokens.put(t, id));
    java.util.regex.Matcher seq = java.util.regex.Pattern.compile("g(\\d+)-.*").matcher(id);
    if (seq.matches()) {
      gameSeq.accumulateAndGet(Long.parseLong(seq.group(1)), Math::max);
    }
  }

  /** The id of the shelved (finished, not yet read back) game {@code token} belongs to, or null. */
  private String shelvedGameOf(String token) {
    if (token.isEmpty() || org.entente.server.journal.TokenHash.isHash(token)) {
      return null;
    }
    String id = shelvedTokens.get(org.entente.server.journal.TokenHash.of(token));
    return id != null ? id : shelvedTokens.get(token); // a journal from before hashed tokens
  }

  /**
   * The game {@code id}, served now or read back from its journal if it is a finished game kept in
   * the data folder (once; later calls get the same game); completes with null for no such game.
   * Reading back replays the journal off the network threads.
   */
  java.util.concurrent.CompletableFuture<LiveGame> gameOrShelved(String id) {
    LiveGame g = games.get(id);
    if (g != null || !shelf.containsKey(id)) {
      return java.util.concurrent.CompletableFuture.completedFuture(g);
    }
    return loading.computeIfAbsent(
        id,
        k ->
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return unshelve(k);
                  } catch (java.io.IOException | RuntimeException e) {
                    LOG.error("game={} cannot be read back from its journal", k, e);
                    loading.remove(k);
                    throw new java.util.concurrent.CompletionException(e);
                  }
                },
                LOADER));
  }

  private static final java.util.concurrent.ExecutorService LOADER =
      java.util.concurrent.Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "entente-journal-reader");
            t.setDaemon(true);
            return t;
          });

  // A record (a note) appended to the journal of a finished game, which no longer holds it open:
  // reopened after its last whole record, written, forced and closed. False when the disk refused.
  private boolean appendLate(String id, JournalRecord r) {
    try {
      long valid = store.read(id).validLength();
      try (Journal j = store.reopen(id, valid)) {
        j.append(r);
        j.force();
      }
      return true;
    } catch (java.io.IOException | RuntimeException e) {
      LOG.error("game={} cannot add a record to its finished journal", id, e);
      return false;
    }
  }

  // Replays a shelved game's journal and serves it (finished: replay, debrief, its tokens work).
  private LiveGame unshelve(String id) throws java.io.IOException {
    JournalReader.Contents contents = store.read(id);
    Replay.Replayed replayed = Replay.replay(contents);
    GameSettings settings = GameSettings.from(replayed.created().getSettings(), replayed.world());
    long at = contents.records().get(0).getAtEpochMs();
    LiveGame g =
        LiveGame.restoreFinished(
            replayed,
            settings,
            clock,
            listener,
            at,
            () -> {
              try {
                return Replay.replay(store.read(id));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the journal of game " + id, e);
              }
            });
    g.publicBase = this::publicUrl;
    g.lateJournal = r -> appendLate(id, r);
    games.put(id, g);
    byToken.put(g.instructorToken, g);
    g.members.keySet().forEach(t -> byToken.put(t, g));
    Shelved gone = shelf.remove(id);
    if (gone != null) {
      gone.tokens().forEach(t -> shelvedTokens.remove(t, id));
    }
    LOG.info("game={} read back from its journal (finished: {})", id, g.finishedReason);
    return g;
  }

  private Recovered ignored(String id, String what) {
    return new Recovered(
        id,
        Recovered.Outcome.IGNORED,
        "the journal of "
            + id
            + " holds "
            + what
            + ": a game whose creation was never journaled whole; ignored, the file is left as it"
            + " is");
  }

  private LiveGame game(Connection c, ClientMessage m, String id) {
    LiveGame g = games.get(id);
    if (g == null) {
      error(c, m.getRequestId(), ErrorCode.UNKNOWN_GAME, "no game '" + Fields.quote(id) + "'");
    }
    return g;
  }

  /** A live game and a state ("" for observers) whose standing secret is {@code typed}, or null. */
  private String[] bySecret(String typed) {
    String secret = JoinSecrets.normalize(typed);
    for (LiveGame g : games.values()) {
      for (var e : g.secrets().entrySet()) {
        if (e.getValue().equals(secret)) {
          return new String[] {g.id, e.getKey()};
        }
      }
    }
    return null;
  }

  /** Wrong join secrets a connection may send before it is closed (guessing is slowed down). */
  static final int MAX_WRONG_SECRETS = 10;

  // A WRONG_SECRET answer; the connection that sends too many of them is closed.
  private void wrongSecret(Connection c, String requestId, String message) {
    error(c, requestId, ErrorCode.WRONG_SECRET, message);
    Session s = sessions.get(c);
    if (s != null && s.wrongSecrets.incrementAndGet() >= MAX_WRONG_SECRETS) {
      LOG.warn("a connection sent {} wrong join secrets; closing it", MAX_WRONG_SECRETS);
      c.close(
          ErrorCode.RATE_LIMITED,
          MAX_WRONG_SECRETS
              + " wrong join secrets on this connection: check the code and reconnect");
    }
  }

  private void joinSeat(Connection c, ClientMessage m) {
    var given = m.getJoinSeat();
    if (given.getGameId().isEmpty() && given.getState().isEmpty()) {
      if (given.getSecret().isBlank()) {
        error(
            c,
            m.getRequestId(),
            ErrorCode.SECRET_REQUIRED,
            "join_seat: give the seat's join secret (with game_id and state, or alone)");
        return;
      }
      String[] where = bySecret(given.getSecret());
      if (where == null || where[1].isEmpty()) {
        wrongSecret(
            c,
            m.getRequestId(),
            "join_seat.secret: no seat of a running game has the code '"
                + given.getSecret()
                + "' (check it with the instructor; a code that was reissued no longer works)");
        return;
      }
      given = given.toBuilder().setGameId(where[0]).setState(where[1]).build();
    }
    var req = given;
    LiveGame g = game(c, m, req.getGameId());
    if (g == null) {
      return;
    }
    g.execute(
        () -> {
          Seat seat = g.seats.get(req.getState());
          if (seat == null) {
            error(
                c,
                m.getRequestId(),
                ErrorCode.UNKNOWN_SEAT,
                "join_seat.state: no state '"
                    + Fields.quote(req.getState())
                    + "' in "
                    + g.world.id()
                    + "; seats: "
                    + g.seats.keySet());
          } else if (req.getSecret().isBlank()) {
            error(
                c,
                m.getRequestId(),
                ErrorCode.SECRET_REQUIRED,
                "join_seat.secret: the seat of "
                    + req.getState()
                    + " in game "
                    + g.id
                    + " needs its join secret (the code on the seat's link or handout)");
          } else if (!JoinSecrets.matches(seat.secret, req.getSecret())) {
            wrongSecret(
                c,
                m.getRequestId(),
                "join_seat.secret: this is not the join secret of "
                    + req.getState()
                    + " in game "
                    + g.id
                    + " (a reissued secret replaces the old one; ask the instructor)");
          } else if (g.phase == GamePhase.FINISHED) {
            error(c, m.getRequestId(), ErrorCode.GAME_OVER, "game " + g.id + " is over");
          } else if (seat.reservedForBot()) {
            error(
                c,
                m.getRequestId(),
                ErrorCode.FORBIDDEN,
                req.getState() + " is played by a bot in this game");
          } else if (!g.active(req.getState())) {
            error(
                c,
                m.getRequestId(),
                ErrorCode.SEAT_NOT_ACTIVE,
                "join_seat.state: "
                    + req.getState()
                    + " has been conquered ("
                    + RoleViews.elimination(g, req.getState()).getReason()
                    + ")");
          } else if (Fields.tooLong("join_seat.member", req.getMember(), Fields.MAX_NAME_CHARS)
              != null) {
            error(
                c,
                m.getRequestId(),
                ErrorCode.TOO_LONG,
                Fields.tooLong("join_seat.member", req.getMember(), Fields.MAX_NAME_CHARS));
          } else if (seat.memberTokens.size() >= LiveGame.MAX_MEMBERS_PER_SEAT) {
            error(
                c,
                m.getRequestId(),
                ErrorCode.TOO_MANY_SEATS,
                req.getState() + " already has " + LiveGame.MAX_MEMBERS_PER_SEAT + " members");
          } else {
            String name =
                req.getMember().isEmpty()
                    ? req.getState() + "-" + (seat.memberTokens.size() + 1)
                    : req.getMember();
            String token = g.addMember(Role.SEAT, req.getState(), name);
            if (token == null) {
              Requests.storageError(g, c, m.getRequestId());
              return;
            }
            admit(c, m, g, token, req.getState(), Role.SEAT);
            g.broadcastEvent(GameEventKind.SEAT_JOINED, name + " joined " + req.getState());
          }
        });
  }

  private void observe(Connection c, ClientMessage m) {
    var req = m.getObserve();
    if (req.getSecret().isBlank()) {
      error(
          c,
          m.getRequestId(),
          ErrorCode.SECRET_REQUIRED,
          "observe.secret: watching a game needs its observer secret (on the observers' link)");
      return;
    }
    String gameId = req.getGameId();
    if (gameId.isEmpty()) {
      String[] where = bySecret(req.getSecret());
      if (where == null || !where[1].isEmpty()) {
        wrongSecret(
            c,
            m.getRequestId(),
            "observe.secret: no running game has the observer code '" + req.getSecret() + "'");
        return;
      }
      gameId = where[0];
    }
    LiveGame g = game(c, m, gameId);
    if (g != null) {
      g.execute(
          () -> {
            if (!JoinSecrets.matches(g.observerSecret, req.getSecret())) {
              wrongSecret(
                  c,
                  m.getRequestId(),
                  "observe.secret: this is not the observer secret of game "
                      + g.id
                      + " (a reissued secret replaces the old one; ask the instructor)");
              return;
            }
            long observers =
                g.members.values().stream().filter(x -> x.role() == Role.OBSERVER).count();
            if (observers >= config.maxObserversPerGame()) {
              error(
                  c,
                  m.getRequestId(),
                  ErrorCode.TOO_MANY_SEATS,
                  "game "
                      + g.id
                      + " already has "
                      + observers
                      + " observers (the limit is "
                      + config.maxObserversPerGame()
                      + ")");
              return;
            }
            String token = g.addMember(Role.OBSERVER, "", "observer");
            if (token == null) {
              Requests.storageError(g, c, m.getRequestId());
            } else {
              admit(c, m, g, token, "", Role.OBSERVER);
            }
          });
    }
  }

  // On the game's executor: register the token, bind the connection, reply, push the view.
  private void admit(
      Connection c, ClientMessage m, LiveGame g, String token, String state, Role role) {
    byToken.put(token, g);
    sessions.computeIfAbsent(c, k -> new Session()).games.add(g);
    g.bind(token, c);
    reply(
        c,
        m,
        ServerMessage.newBuilder()
            .setJoined(
                Joined.newBuilder().setGameId(g.id).setState(state).setToken(token).setRole(role)));
    g.pushView(token, c, "");
  }

  private void resume(Connection c, ClientMessage m, LiveGame g, LiveGame.Member member) {
    sessions.computeIfAbsent(c, k -> new Session()).games.add(g);
    g.bind(member.token(), c);
    reply(
        c,
        m,
        ServerMessage.newBuilder()
            .setAck(Ack.newBuilder().setDetail("resumed as " + describe(member))));
    g.pushView(member.token(), c, "");
  }

  static String describe(LiveGame.Member m) {
    return m.role() == Role.SEAT
        ? m.name() + " of " + m.state()
        : m.role().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Finds the token's game and runs {@code action} on its executor, or replies BAD_TOKEN. */
  private void withToken(
      Connection c,
      ClientMessage m,
      String token,
      java.util.function.BiConsumer<LiveGame, LiveGame.Member> action) {
    LiveGame g = gameOfToken(token);
    if (g == null) {
      String shelved = shelvedGameOf(token);
      if (shelved != null) {
        // a finished game kept in the data folder: read it back, then serve the request
        gameOrShelved(shelved)
            .whenComplete(
                (loaded, e) -> {
                  if (loaded != null && gameOfToken(token) == loaded) {
                    withToken(c, m, token, action);
                  } else {
                    error(
                        c,
                        m.getRequestId(),
                        ErrorCode.INTERNAL,
                        "game "
                            + shelved
                            + " is over and its journal cannot be read back"
                            + (e == null ? "" : " (" + e.getMessage() + ")"));
                  }
                });
        return;
      }
      error(
          c,
          m.getRequestId(),
          ErrorCode.BAD_TOKEN,
          token.isEmpty() ? "the request has no token" : "unknown token");
      return;
    }
    g.execute(
        () -> {
          LiveGame.Member member = g.member(token);
          if (member == null) {
            error(
                c,
                m.getRequestId(),
                ErrorCode.BAD_TOKEN,
                "this token was revoked by the instructor of game " + g.id);
            return;
          }
          action.accept(g, member);
        });
  }

  // ------------------------------------------------------------------ replies

  static void reply(Connection c, ClientMessage m, ServerMessage.Builder b) {
    c.send(b.setRequestId(m.getRequestId()).build());
  }

  static void error(Connection c, String requestId, ErrorCode code, String message) {
    c.send(
        ServerMessage.newBuilder()
            .setRequestId(requestId)
            .setError(Error.newBuilder().setCode(code).setMessage(message).setRequestId(requestId))
            .build());
  }

  /**
   * The address students reach the server at (e.g. {@code http://192.168.1.20:7470/}), from which
   * every link is built; empty: links relative to the server ("/#/join/...").
   */
  public void publicUrl(String url) {
    this.publicUrl = url == null ? "" : url;
  }

  /**
   * Sets how many games one connection and one address may create (see {@link CreationLimits}); a
   * new lobby has none. Counts made so far are dropped.
   */
  public void creationLimits(CreationLimits limits) {
    this.creations = new CreationLimits.Counter(limits, clock::millis);
  }

  /** See {@link #publicUrl(String)}. */
  public String publicUrl() {
    return publicUrl;
  }

  /** The HTTP route of the printable seat cards ({@code /handout/{game}?token=...}). */
  public org.entente.server.net.HttpRoute handoutRoute() {
    return new HandoutRoute(this);
  }

  /** The HTTP route of the messages' transcript as CSV ({@code /transcript/{game}}). */
  public org.entente.server.net.HttpRoute transcriptRoute() {
    return new TranscriptRoute(this);
  }

  /** The HTTP route that serves debriefs ({@code /debrief/{game}?token=...&format=...}). */
  public org.entente.server.net.HttpRoute debriefRoute() {
    return new DebriefRoute(this);
  }

  /** Every game, for tests and shutdown. */
  public List<LiveGame> games() {
    return List.copyOf(games.values());
  }

  /** A game by id, or null. */
  public LiveGame game(String id) {
    return games.get(id);
  }

  /**
   * What the room did in game {@code id} (members, who played each seat, messages, injects), read
   * from its journal; null when this lobby keeps no journals.
   */
  org.entente.server.replay.Room room(String id) throws java.io.IOException {
    if (store == JournalStore.none()) {
      return null;
    }
    return org.entente.server.replay.Room.of(store.read(id));
  }

  /** How long {@link #shutdown} waits, in all, for the games' queued work. */
  static final long SHUTDOWN_WAIT_MILLIS = 5_000;

  /**
   * Stops every game: new tasks are refused, queued work gets {@value #SHUTDOWN_WAIT_MILLIS} ms in
   * all to finish (then it is dropped, logged), and every journal is closed. Bounded whatever the
   * games are doing.
   */
  public void shutdown() {
    branching.shutdown();
    long end = System.nanoTime() + SHUTDOWN_WAIT_MILLIS * 1_000_000L;
    List<LiveGame> all = games();
    all.forEach(LiveGame::refuseTasks);
    for (LiveGame g : all) {
      g.shutdown(Math.max(0, (end - System.nanoTime()) / 1_000_000L));
    }
  }

  // A journaled game's finished history is read back from its journal (see LiveGame#archive).
  private void archive(LiveGame g) {
    if (store == JournalStore.none()) {
      return;
    }
    String id = g.id;
    g.lateJournal = r -> appendLate(id, r);
    g.archive(
        () -> {
          try {
            return Replay.replay(store.read(id));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the journal of game " + id, e);
          }
        });
  }

  // ------------------------------------------------------------------ for what-if branches

  JournalStore store() {
    return store;
  }

  /** How long this lobby's games take to serve a turn once its last order is in. */
  public TurnTimes turnTimes() {
    return turnTimes;
  }

  LiveGame.GameListener listener() {
    return listener;
  }

  GameClock clock() {
    return clock;
  }

  ServerConfig config() {
    return config;
  }

  /** The live game a token belongs to, or null. */
  LiveGame gameOfToken(String token) {
    if (token.isEmpty() || org.entente.server.journal.TokenHash.isHash(token)) {
      return null; // a hash from a journal is not a token
    }
    LiveGame g = byToken.get(token);
    return g != null ? g : byToken.get(org.entente.server.journal.TokenHash.of(token));
  }

  /** True while game {@code id} is served and not over (journal pruning never touches it). */
  public boolean runningGame(String id) {
    LiveGame g = games.get(id);
    return g != null && (g.info() == null || g.info().getPhase() != GamePhase.FINISHED);
  }

  /**
   * Forgets a finished game whose journal was deleted (see {@code JournalPruner}): its tokens,
   * replay and debrief are gone with it. A game not over is kept.
   */
  public void forgetFinished(String id) {
    LiveGame g = games.get(id);
    if (g != null && !runningGame(id)) {
      games.remove(id, g);
      byToken.values().removeIf(v -> v == g);
    }
  }

  /** The number of games not finished. */
  long runningGames() {
    return games.values().stream()
        .filter(g -> g.info() == null || g.info().getPhase() != GamePhase.FINISHED)
        .count();
  }

  /** A fresh game id. */
  String nextGameId() {
    return "g" + gameSeq.incrementAndGet() + "-" + Tokens.next().substring(0, 6);
  }

  /** Serves {@code g} (its instructor's token included) and remembers it in {@code c}'s session. */
  void register(LiveGame g, Connection c) {
    g.publicBase = this::publicUrl;
    archive(g);
    games.put(g.id, g);
    byToken.put(g.instructorToken, g);
    sessions.computeIfAbsent(c, k -> new Session()).games.add(g);
  }
}
