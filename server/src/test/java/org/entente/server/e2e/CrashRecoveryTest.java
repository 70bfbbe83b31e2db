package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.client.bots.Strategies;
import org.entente.client.net.ClientOptions;
import org.entente.client.net.EntenteClient;
import org.entente.client.sdk.RemoteBot;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.OrdersAccepted;
import org.entente.proto.v1.TurnView;
import org.entente.server.engine.Games;
import org.entente.server.engine.Nation;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.World;
import org.entente.server.journal.JournalReader;
import org.entente.server.scenario.ScenarioLoader;
import org.entente.server.sim.Simulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code entente serve} process, killed with SIGKILL ({@link Process#destroyForcibly()})
 * again and again while a middle-east-1955 game is played on it by in-process bots and remote bots
 * over TCP, and restarted on the same {@code --data} each time. The remote bots come back with
 * their tokens. The game must end with exactly the turn hashes of an uninterrupted {@code entente
 * simulate} with the same seed and strategies: no accepted order and no adjudicated turn is lost.
 *
 * <p>The kills are timed with a gate in the remote bots' {@link Bot#decide}: "after turn k" holds
 * every remote seat at turn k+1 (turn k is adjudicated, the in-process bots' orders for k+1 are
 * journaled); "in turn m" holds every remote seat at turn m, lets all but one submit and kills once
 * the server has accepted their orders.
 */
class CrashRecoveryTest {
  long seed; // chosen so that the game conquers a remote seat (Conquests)
  static final String SCENARIO = "middle-east-1955";
  static final Pattern SERVING = Pattern.compile("entente serving on [^:\\s]+:(\\d+) ");

  @TempDir Path data;
  final List<Server> servers = new ArrayList<>();
  final List<EntenteClient> clients = new CopyOnWriteArrayList<>();
  final Gate gate = new Gate();

  /**
   * When to kill: after turn {@code turn} is adjudicated, or in the middle of turn {@code turn}.
   */
  record Kill(int turn, boolean midTurn) {
    static Kill after(int turn) {
      return new Kill(turn, false);
    }

    static Kill in(int turn) {
      return new Kill(turn, true);
    }

    /** The turn the remote seats are held at. */
    int heldTurn() {
      return midTurn ? turn : turn + 1;
    }

    /** What the recovery line must say after this kill. */
    String expectedRecovery() {
      int now = heldTurn();
      return "RESUMED: resumed at turn " + now + " after replaying " + (now - 1) + " turns";
    }
  }

  static final List<Kill> KILLS =
      List.of(Kill.after(1), Kill.after(3), Kill.in(5), Kill.after(6), Kill.in(24));

  @AfterEach
  void stop() {
    gate.releaseAll();
    clients.forEach(EntenteClient::close);
    for (Server s : servers) {
      s.process.destroyForcibly();
    }
    for (Server s : servers) {
      try {
        s.process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aGameKilledWithSigkillAtManyPointsEndsWithTheHashesOfAnUninterruptedRun() throws Exception {
    World world = ScenarioLoader.builtin(SCENARIO).world();
    Map<String, String> strategies = Simulation.strategies(world, Map.of());
    List<String> seats = new ArrayList<>(strategies.keySet());
    List<String> inProcess = seats.subList(0, 3);
    List<String> remote = seats.subList(3, seats.size());
    // a seed whose game conquers a remote seat before the last kill: the kills must survive it
    Conquests.Conquest conquest =
        Conquests.seed(world, strategies, remote::contains, KILLS.get(KILLS.size() - 1).heldTurn());
    seed = conquest.seed();
    Games.Played uninterrupted = conquest.played();
    List<String> expected = Simulation.hashes(uninterrupted);
    assertThat(expected).hasSize(world.turns());
    // the remote seats still standing at the start of each turn: a conquered seat orders no more
    Map<Integer, Set<String>> ordering = new ConcurrentHashMap<>();
    for (int t = 1; t <= world.turns(); t++) {
      Set<String> standing = new TreeSet<>();
      for (Nation n : uninterrupted.states().get(t - 1).nations()) {
        if (n.active() && remote.contains(n.id())) {
          standing.add(n.id());
        }
      }
      ordering.put(t, standing);
    }
    assertThat(ordering.get(KILLS.get(KILLS.size() - 1).heldTurn()))
        .as("a remote seat is conquered before the last kill, which the kills must survive")
        .hasSizeLessThan(remote.size())
        .isNotEmpty();

    Map<Integer, String> pushed = new ConcurrentHashMap<>();
    Set<String> accepted = ConcurrentHashMap.newKeySet(); // "SEAT@turn"
    CompletableFuture<Void> ended = new CompletableFuture<>();

    Server server = start();
    assertThat(server.recoveryLines()).isEmpty();
    EntenteClient instructor = client(server.port);
    watch(instructor, pushed, ended);
    CreateGame.Builder create = CreateGame.newBuilder().setScenario(SCENARIO).setSeed(seed);
    inProcess.forEach(s -> create.putBots(s, strategies.get(s)));
    GameCreated game = instructor.createGame(create.build()).get(10, TimeUnit.SECONDS);
    Map<String, String> tokens = new ConcurrentHashMap<>();
    for (String seat : remote) {
      tokens.put(
          seat,
          instructor
              .join(game.getGameId(), seat, "bot-" + seat, EntenteClient.secret(game, seat))
              .get(10, TimeUnit.SECONDS)
              .getToken());
    }

    gate.hold(KILLS.get(0).heldTurn());
    Map<String, CompletableFuture<RemoteBot.Result>> bots =
        playRemote(server.port, remote, strategies, tokens, accepted);
    int restarts = 0;
    for (int i = 0; i < KILLS.size(); i++) {
      Kill kill = KILLS.get(i);
      int held = kill.heldTurn();
      // every remote seat that can still play reaches the gate
      Set<String> playing = ordering.get(held);
      await(
          () -> gate.arrived().equals(playing),
          15_000,
          "the remote seats still standing " + playing + " at " + kill);
      Set<String> stillHeld = new TreeSet<>(gate.arrived());
      if (kill.midTurn()) {
        String last = stillHeld.stream().reduce((a, b) -> b).orElseThrow();
        stillHeld.removeIf(s -> !s.equals(last));
        for (String s : playing) {
          if (!s.equals(last)) {
            gate.release(s);
          }
        }
        await(
            () ->
                playing.stream()
                    .filter(s -> !s.equals(last))
                    .allMatch(s -> accepted.contains(s + "@" + held)),
            15_000,
            "orders of the released seats accepted in " + kill);
      } else {
        await(() -> pushed.containsKey(kill.turn()), 15_000, "turn " + kill.turn() + " pushed");
      }

      server.kill();
      // the old bots' connections are dead: let their held threads go and see them fail
      gate.releaseAll();
      clients.forEach(EntenteClient::close);
      clients.clear();
      for (var e : bots.entrySet()) {
        CompletableFuture<RemoteBot.Result> f = e.getValue();
        try {
          f.get(10, TimeUnit.SECONDS);
          fail("the remote bot of " + e.getKey() + " finished on a killed server");
        } catch (java.util.concurrent.ExecutionException expectedFailure) {
          // a bot whose connection dies fails its future
        }
      }

      server = start();
      restarts++;
      assertThat(server.recoveryLines())
          .as("recovery after the kill " + kill + "; server output:\n" + server.output())
          .containsExactly("recovery: game " + game.getGameId() + " " + kill.expectedRecovery());

      instructor = client(server.port);
      watch(instructor, pushed, ended);
      instructor.resume(game.getInstructorToken()).get(10, TimeUnit.SECONDS);
      if (kill.midTurn()) {
        for (String seat : remote) {
          TurnView v = instructor.getView(tokens.get(seat)).get(10, TimeUnit.SECONDS);
          assertThat(v.getTurn()).as(seat).isEqualTo(held);
          assertThat(v.hasMyOrders())
              .as("%s's orders for turn %d after the kill %s", seat, held, kill)
              .isEqualTo(playing.contains(seat) && !stillHeld.contains(seat));
        }
      }
      // a seat conquered before the kill is still ELIMINATED after it, with the same reason
      for (String seat : remote) {
        if (!playing.contains(seat)) {
          TurnView v = instructor.getView(tokens.get(seat)).get(10, TimeUnit.SECONDS);
          assertThat(v.getPhase())
              .as(seat + " after the kill " + kill)
              .isEqualTo(GamePhase.ELIMINATED);
          if (seat.equals(conquest.fallen())) {
            assertThat(v.getEliminated().getTurn()).isEqualTo(conquest.turn());
            assertThat(v.getEliminated().getConqueredBy()).isEqualTo(conquest.war().aggressor());
          }
        }
      }
      gate.hold(i + 1 < KILLS.size() ? KILLS.get(i + 1).heldTurn() : -1);
      bots = playRemote(server.port, remote, strategies, tokens, accepted);
    }

    ended.get(30, TimeUnit.SECONDS);
    for (var e : bots.entrySet()) {
      // "" when the game ended before this last connection saw a turn to answer
      RemoteBot.Result r = e.getValue().get(30, TimeUnit.SECONDS);
      assertThat(r.state()).isIn(e.getKey(), "");
    }
    Path journal = data.resolve(game.getGameId() + ".journal");
    List<String> journaled =
        JournalReader.history(journal).reports().stream().map(TurnReport::stateHash).toList();
    assertThat(journaled).as("the journal's turn hashes").isEqualTo(expected);
    List<String> pushedInOrder = new ArrayList<>();
    for (int t = 1; t <= world.turns(); t++) {
      pushedInOrder.add(pushed.get(t));
    }
    assertThat(pushedInOrder)
        .as("hashes pushed to the instructor across " + restarts + " restarts")
        .isEqualTo(expected);

    // a finished game is not resumed
    server.kill();
    server = start();
    assertThat(server.recoveryLines())
        .containsExactly(
            "recovery: game "
                + game.getGameId()
                + " FINISHED: finished (the last turn has been played)");
  }

  // ------------------------------------------------------------------ remote bots

  Map<String, CompletableFuture<RemoteBot.Result>> playRemote(
      int port,
      List<String> remote,
      Map<String, String> strategies,
      Map<String, String> tokens,
      Set<String> accepted) {
    Map<String, CompletableFuture<RemoteBot.Result>> out = new ConcurrentHashMap<>();
    for (String seat : remote) {
      RemoteBot.Listener listener =
          new RemoteBot.Listener() {
            @Override
            public void accepted(int turn, OrdersAccepted a) {
              accepted.add(seat + "@" + turn);
            }
          };
      Bot bot = new GatedBot(Strategies.create(strategies.get(seat)), seat, gate);
      out.put(
          seat,
          new RemoteBot(bot, tokens.get(seat), seed, listener)
              .play("127.0.0.1", port, ClientOptions.defaults()));
    }
    return out;
  }

  /** Holds the remote seats when they decide the held turn until released. */
  static final class Gate {
    private volatile int turn = -1;
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

    /** Holds every seat deciding {@code turn} from now on (-1: none). */
    synchronized void hold(int turn) {
      releaseAll();
      this.turn = turn;
    }

    Set<String> arrived() {
      return new TreeSet<>(held.keySet());
    }

    void release(String seat) {
      CountDownLatch l = held.get(seat);
      if (l != null) {
        l.countDown();
      }
    }

    synchronized void releaseAll() {
      turn = -1;
      held.values().forEach(CountDownLatch::countDown);
      held.clear();
    }

    void pass(String seat, int t) {
      CountDownLatch l;
      synchronized (this) {
        if (t != turn) {
          return;
        }
        l = new CountDownLatch(1);
        held.put(seat, l);
      }
      try {
        l.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A strategy that waits at the gate first; decides exactly as the strategy does. */
  record GatedBot(Bot delegate, String seat, Gate gate) implements Bot {
    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public Orders decide(PlayerView view, Dice dice) {
      gate.pass(seat, view.turn());
      return delegate.decide(view, dice);
    }
  }

  // ------------------------------------------------------------------ the server process

  EntenteClient client(int port) throws Exception {
    EntenteClient c = EntenteClient.connect("127.0.0.1", port).get(10, TimeUnit.SECONDS);
    clients.add(c);
    return c;
  }

  static void watch(
      EntenteClient instructor, Map<Integer, String> pushed, CompletableFuture<Void> ended) {
    instructor.onPush(
        m -> {
          if (m.hasTurnResolved()) {
            String before =
                pushed.putIfAbsent(
                    m.getTurnResolved().getTurn(), m.getTurnResolved().getStateHash());
            if (before != null && !before.equals(m.getTurnResolved().getStateHash())) {
              pushed.put(-m.getTurnResolved().getTurn(), "turn pushed twice with different hashes");
            }
          } else if (m.hasGameEvent() && m.getGameEvent().getKind() == GameEventKind.GAME_ENDED) {
            ended.complete(null);
          }
        });
  }

  /** A running {@code entente serve}. */
  static final class Server {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> serving = new CompletableFuture<>();
    int port;

    Server(Process process) {
      this.process = process;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    lines.add(line);
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                      serving.complete(Integer.parseInt(m.group(1)));
                    }
                  }
                } catch (IOException e) {
                  // the process died
                } finally {
                  serving.completeExceptionally(
                      new IllegalStateException("the server exited before serving"));
                }
              },
              "entente-serve-output");
      reader.setDaemon(true);
      reader.start();
    }

    List<String> recoveryLines() {
      return lines.stream().filter(l -> l.startsWith("recovery:")).toList();
    }

    String output() {
      return String.join("\n", lines);
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the server died").isTrue();
    }
  }

  Server start() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "org.entente.server.cli.Entente",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--data",
                data.toString(),
                "--rate",
                "10000")
            .redirectErrorStream(true);
    Server s = new Server(pb.start());
    servers.add(s);
    try {
      s.port = s.serving.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the server did not start; its output:\n" + s.output(), e);
    }
    return s;
  }

  static void await(BooleanSupplier condition, long millis, String what)
      throws InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        fail("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
