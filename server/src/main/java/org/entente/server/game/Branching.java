package org.entente.server.game;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.entente.api.Orders;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.BranchGame;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.DiffGames;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.JournalGameCreated;
import org.entente.proto.v1.JournalRecord;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.engine.World;
import org.entente.server.journal.Journal;
import org.entente.server.journal.JournalCorruptException;
import org.entente.server.journal.JournalReader;
import org.entente.server.journal.JournalStore;
import org.entente.server.journal.Replay;
import org.entente.server.net.Connection;
import org.entente.server.replay.Diff;
import org.entente.server.replay.Lineage;
import org.entente.server.replay.LiveBranch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The what-if requests: {@code branch_game} creates a live game from a turn of another (live, or
 * finished and kept in the data directory), and {@code diff_games} compares two games of one
 * lineage. Both read the games' journals, so they run on a worker of their own, never on an event
 * loop nor on a game's executor. Only a game's instructor may branch it; a diff needs the
 * instructor's token of either game or of one of their ancestors (whose instructors made them).
 */
final class Branching {
  private static final Logger LOG = LoggerFactory.getLogger(Branching.class);
  private final Lobby lobby;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "entente-branching");
            t.setDaemon(true);
            return t;
          });

  Branching(Lobby lobby) {
    this.lobby = lobby;
  }

  /** A request refused with a code and a message naming what is wrong. */
  private static final class Refusal extends Exception {
    final ErrorCode code;

    Refusal(ErrorCode code, String message) {
      super(message);
      this.code = code;
    }
  }

  @FunctionalInterface
  private interface Work {
    void run() throws Refusal, IOException;
  }

  void branch(Connection c, ClientMessage m) {
    worker.execute(() -> guarded(c, m, "branch_game", () -> branchNow(c, m)));
  }

  void diff(Connection c, ClientMessage m) {
    worker.execute(() -> guarded(c, m, "diff_games", () -> diffNow(c, m)));
  }

  void shutdown() {
    worker.shutdownNow();
  }

  private static void guarded(Connection c, ClientMessage m, String what, Work work) {
    try {
      work.run();
    } catch (Refusal r) {
      Lobby.error(c, m.getRequestId(), r.code, r.getMessage());
    } catch (JournalCorruptException e) {
      LOG.error("{} request={} found a bad journal: {}", what, m.getRequestId(), e.getMessage());
      Lobby.error(
          c,
          m.getRequestId(),
          ErrorCode.INTERNAL,
          what + ": a game's journal cannot be used: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.error("{} request={} failed", what, m.getRequestId(), e);
      Lobby.error(
          c, m.getRequestId(), ErrorCode.INTERNAL, what + ": the server failed: " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ branch_game

  private void branchNow(Connection c, ClientMessage m) throws Refusal, IOException {
    BranchGame req = m.getBranchGame();
    JournalStore store = journals("branch_game");
    String token = req.getToken();
    if (token.isEmpty()) {
      throw new Refusal(ErrorCode.BAD_TOKEN, "branch_game.token: the request has no token");
    }
    String parentId = req.getGameId();
    if (parentId.isEmpty()) {
      LiveGame g = lobby.gameOfToken(token);
      if (g == null) {
        throw new Refusal(
            ErrorCode.BAD_TOKEN,
            "branch_game.token: unknown token (a finished game must be named by game_id)");
      }
      parentId = g.id;
    }
    JournalReader.Contents parent = journalOf(store, parentId, "branch_game.game_id");
    JournalGameCreated pc = LiveBranch.parentCreated(parent);
    checkInstructor(token, List.of(pc), keyConsoles(parent), "branch_game");
    World world = Replay.world(parent.path(), pc);
    int turn = req.getTurn();
    CreateGame settings = branchSettings(req, pc, world, parentId, turn);
    GameSettings gs;
    try {
      gs = GameSettings.from(settings, world);
    } catch (IllegalArgumentException e) {
      throw new Refusal(ErrorCode.INVALID_SETTINGS, "branch_game.settings." + e.getMessage());
    }
    CreateGame resolved = settings.toBuilder().clearBots().putAllBots(gs.bots()).build();
    Map<String, Orders> replacements = new TreeMap<>();
    for (var e : req.getOrdersMap().entrySet()) {
      try {
        replacements.put(e.getKey(), Wire.orders(e.getValue()));
      } catch (IllegalArgumentException ex) {
        throw new Refusal(
            ErrorCode.INVALID_ORDERS, "branch_game.orders." + e.getKey() + "." + ex.getMessage());
      }
    }
    long running = lobby.runningGames();
    if (running >= lobby.config().maxGames()) {
      throw new Refusal(
          ErrorCode.TOO_MANY_GAMES,
          "the server already runs "
              + running
              + " games (limit "
              + lobby.config().maxGames()
              + ")");
    }
    String id = lobby.nextGameId();
    String instructorToken = Tokens.next();
    LiveBranch opening;
    try {
      opening =
          LiveBranch.of(
              parent,
              turn,
              replacements,
              req.getPlayForkTurn(),
              id,
              instructorToken,
              resolved,
              lobby.clock().millis());
    } catch (LiveBranch.NoSuchTurn e) {
      throw new Refusal(ErrorCode.NO_SUCH_TURN, e.getMessage());
    } catch (LiveBranch.BadOrders e) {
      throw new Refusal(ErrorCode.INVALID_ORDERS, e.getMessage());
    }
    if (turn > gs.maxTurns()) {
      throw new Refusal(
          ErrorCode.NO_SUCH_TURN,
          "branch_game.turn: "
              + turn
              + " is past the branch's last turn ("
              + gs.maxTurns()
              + ", its settings' max_turns)");
    }
    Journal journal = store.create(id);
    Replay.Replayed replayed;
    try {
      for (JournalRecord r : opening.records()) {
        journal.append(r);
      }
      journal.force();
      replayed = Replay.replay(store.read(id));
    } catch (IOException | RuntimeException e) {
      try {
        journal.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      store.delete(id); // a branch whose opening is not whole would fail every later start
      throw e;
    }
    LiveGame g = LiveGame.restore(replayed, gs, lobby.clock(), lobby.listener(), journal);
    lobby.register(g, c);
    LOG.info(
        "game={} branched from game={} at turn={} replaced={}",
        id,
        parentId,
        turn,
        replacements.keySet());
    g.execute(
        () -> {
          g.bind(g.instructorToken, c); // the journal's hash of instructorToken
          // the reply carries the token itself; the restored game knows only its hash
          Lobby.reply(
              c,
              m,
              ServerMessage.newBuilder()
                  .setGameCreated(
                      Lobby.created(g).toBuilder().setInstructorToken(instructorToken)));
          if (replayed.finished()) {
            g.finish(replayed.finishedReason());
          } else {
            g.resumeAfterRecovery(false, null);
          }
        });
  }

  /** The branch's settings: the parent's (renamed) unless the request sets its own. */
  private static CreateGame branchSettings(
      BranchGame req, JournalGameCreated pc, World world, String parentId, int turn)
      throws Refusal {
    CreateGame ps = pc.getSettings();
    CreateGame s;
    if (req.hasSettings()) {
      s = req.getSettings();
      if (!s.getScenario().isEmpty() && !s.getScenario().equals(ps.getScenario())) {
        throw new Refusal(
            ErrorCode.INVALID_SETTINGS,
            "branch_game.settings.scenario: a branch plays its parent's scenario '"
                + ps.getScenario()
                + "', not '"
                + s.getScenario()
                + "'");
      }
      if (s.getSeed() != 0 && s.getSeed() != pc.getSeed()) {
        throw new Refusal(
            ErrorCode.INVALID_SETTINGS,
            "branch_game.settings.seed: a branch keeps its parent's seed ("
                + pc.getSeed()
                + "), not "
                + s.getSeed());
      }
    } else {
      s = ps;
    }
    String name = s.getName().isEmpty() ? world.name() : s.getName();
    if (!req.hasSettings() || s.getName().isEmpty()) {
      name = name + " (branch of " + parentId + " at turn " + turn + ")";
    }
    return s.toBuilder().setScenario(ps.getScenario()).setSeed(pc.getSeed()).setName(name).build();
  }

  // ------------------------------------------------------------------ diff_games

  private void diffNow(Connection c, ClientMessage m) throws Refusal, IOException {
    DiffGames req = m.getDiffGames();
    JournalStore store = journals("diff_games");
    if (req.getToken().isEmpty()) {
      throw new Refusal(ErrorCode.BAD_TOKEN, "diff_games.token: the request has no token");
    }
    if (req.getGameA().isEmpty() || req.getGameB().isEmpty()) {
      throw new Refusal(
          ErrorCode.BAD_REQUEST,
          "diff_games." + (req.getGameA().isEmpty() ? "game_a" : "game_b") + ": missing");
    }
    JournalReader.Contents ca = journalOf(store, req.getGameA(), "diff_games.game_a");
    JournalReader.Contents cb = journalOf(store, req.getGameB(), "diff_games.game_b");
    List<String> consoles = new java.util.ArrayList<>(keyConsoles(ca));
    consoles.addAll(keyConsoles(cb));
    checkInstructor(
        req.getToken(),
        withAncestors(store, Replay.created(ca), Replay.created(cb)),
        consoles,
        "diff_games");
    Replay.Replayed a = Replay.replay(ca);
    Replay.Replayed b = Replay.replay(cb);
    Diff d;
    try {
      d = Diff.of(a.history(), lineage(a), b.history(), lineage(b));
    } catch (Diff.Unrelated e) {
      throw new Refusal(ErrorCode.UNRELATED_GAMES, "diff_games: " + e.getMessage());
    }
    Lobby.reply(
        c,
        m,
        ServerMessage.newBuilder().setGameDiff(d.toWire(a.reports().size(), b.reports().size())));
  }

  /**
   * The creation records of games {@code a} and {@code b} and of their ancestors kept in the store
   * (whose instructors made the branches, and may compare them).
   */
  private static List<JournalGameCreated> withAncestors(
      JournalStore store, JournalGameCreated a, JournalGameCreated b) throws IOException {
    List<JournalGameCreated> out = new java.util.ArrayList<>(List.of(a, b));
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (JournalGameCreated g : List.of(a, b)) {
      Lineage l = Lineage.of(g);
      if (l != null) {
        ids.addAll(l.ancestors());
      }
    }
    ids.remove(a.getGameId());
    ids.remove(b.getGameId());
    List<String> kept = store.list();
    for (String id : ids) {
      if (kept.contains(id)) {
        out.add(Replay.created(store.read(id)));
      }
    }
    return out;
  }

  /** A game's lineage: from its creation record, else (older journals) from its annotations. */
  private static Lineage lineage(Replay.Replayed r) {
    Lineage l = Lineage.of(r.created());
    return l != null ? l : Lineage.of(r.history());
  }

  // ------------------------------------------------------------------ shared checks

  private JournalStore journals(String what) throws Refusal {
    JournalStore store = lobby.store();
    if (store == JournalStore.none()) {
      throw new Refusal(
          ErrorCode.BAD_REQUEST,
          what
              + ": this server keeps no journals (it runs without a data directory), and what-if"
              + " branches and diffs are built from games' journals");
    }
    return store;
  }

  /** The journal of game {@code id}, live or kept in the store; {@code field} names the request. */
  private JournalReader.Contents journalOf(JournalStore store, String id, String field)
      throws Refusal, IOException {
    if (lobby.game(id) == null && !store.list().contains(id)) {
      throw new Refusal(
          ErrorCode.UNKNOWN_GAME,
          field + ": no game '" + id + "' (neither served now nor kept in the data directory)");
    }
    return store.read(id);
  }

  /**
   * The instructor tokens (hashed) a game's journal holds beside its creator's: the consoles opened
   * with the server's instructor key ({@code open_console}), less any revoked.
   */
  private static List<String> keyConsoles(JournalReader.Contents contents) {
    List<String> out = new java.util.ArrayList<>();
    for (org.entente.proto.v1.JournalRecord r : contents.records()) {
      if (r.hasMemberAdded()
          && r.getMemberAdded().getRole() == org.entente.proto.v1.Role.INSTRUCTOR
          && !r.getMemberAdded().getToken().isEmpty()) {
        out.add(r.getMemberAdded().getToken());
      } else if (r.hasMemberRevoked()) {
        out.remove(r.getMemberRevoked().getToken());
      }
    }
    return out;
  }

  /**
   * Passes when {@code token} is the instructor's of one of {@code games}, or one of {@code
   * consoles} (the hashed tokens of consoles opened with the instructor key on those games).
   */
  private void checkInstructor(
      String token, List<JournalGameCreated> games, List<String> consoles, String what)
      throws Refusal {
    for (JournalGameCreated g : games) {
      if (org.entente.server.journal.TokenHash.matches(g.getInstructorToken(), token)) {
        return;
      }
    }
    for (String hash : consoles) {
      if (org.entente.server.journal.TokenHash.matches(hash, token)) {
        return;
      }
    }
    String ids = String.join(" or ", games.stream().map(JournalGameCreated::getGameId).toList());
    if (lobby.gameOfToken(token) != null) {
      throw new Refusal(
          ErrorCode.FORBIDDEN, what + ": the token is not the instructor's of game " + ids);
    }
    throw new Refusal(ErrorCode.BAD_TOKEN, what + ".token: unknown token");
  }
}
