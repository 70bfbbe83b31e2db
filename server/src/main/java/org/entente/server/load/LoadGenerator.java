package org.entente.server.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.protobuf.ProtobufEncoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32FrameDecoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32LengthFieldPrepender;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;
import org.entente.api.Bot;
import org.entente.client.bots.Strategies;
import org.entente.client.net.EntenteClient;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.EndGame;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.ScenarioInfo;
import org.entente.proto.v1.ScenarioList;
import org.entente.proto.v1.SeatInfo;

/**
 * Drives a running Entente server with many games of remote bots and measures it: orders a second,
 * per game-turn latency (the last order of a turn sent to the last seat's next view received), the
 * server's CPU per order and its heap per game (from the server's {@code /metrics}), or, in
 * connections-only mode, whether thousands of idle connections are held.
 *
 * <p>A round: a few instructor connections create the games (the scenario's first {@code seats}
 * seats are left to remote bots, the others are bots inside the server) and then leave; every
 * remote seat opens its own TCP connection, says hello and joins; once every seat has its first
 * view, the start signal is given and the games are played to the end. Games not finished at the
 * end of a round (connections-only, or a timeout) are ended with the instructor's {@code end_game},
 * so the server is left with no live game.
 */
public final class LoadGenerator {
  /** Games one instructor connection creates, well within the server's message rate burst. */
  static final int GAMES_PER_CREATOR = 100;

  private final LoadConfig config;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private EventLoopGroup group;
  private ScheduledExecutorService timer;

  private LoadGenerator(LoadConfig config) {
    this.config = config;
  }

  /** Runs the test described by {@code config} and reports what it measured. */
  public static LoadReport run(LoadConfig config) throws InterruptedException {
    return new LoadGenerator(config).run();
  }

  /** One remote seat, on either driver. */
  private interface Seat {
    SeatStats stats();

    CompletableFuture<Void> start();

    void fire();

    void ping();

    boolean open();

    CompletableFuture<Void> close();
  }

  private record Game(int index, String id, String instructorToken, long seed, List<Seat> seats) {}

  private LoadReport run() throws InterruptedException {
    LoadReport report = new LoadReport(config);
    group =
        new MultiThreadIoEventLoopGroup(
            config.clientThreads(),
            new DefaultThreadFactory("load", true),
            NioIoHandler.newFactory());
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "load-timer");
              t.setDaemon(true);
              return t;
            });
    try {
      ScenarioInfo scenario = scenario();
      int turns =
          config.turns() == 0 ? scenario.getTurns() : Math.min(config.turns(), scenario.getTurns());
      report.scenario = scenario.getId();
      report.scenarioSeats = scenario.getSeatsCount();
      report.turns = turns;
      if (!config.connectionsOnly()) {
        for (int w = 0; w < config.warmupRounds(); w++) {
          progress("warm-up round %d of %d", w + 1, config.warmupRounds());
          round(scenario, turns, 0, new LoadReport(config), false);
          Thread.sleep(config.settle().toMillis());
        }
      }
      for (int r = 0; r < config.rounds(); r++) {
        progress("measured round %d of %d", r + 1, config.rounds());
        round(scenario, turns, config.thinkMs(), report, r == 0);
        report.rounds++;
      }
    } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
      report.problems.add("the test stopped: " + describe(e));
    } finally {
      timer.shutdownNow();
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    }
    return report;
  }

  private ScenarioInfo scenario()
      throws InterruptedException, ExecutionException, TimeoutException {
    EntenteClient c = EntenteClient.connect(config.host(), config.port()).get(10, TimeUnit.SECONDS);
    ScenarioList list;
    try {
      list = c.listScenarios().get(10, TimeUnit.SECONDS);
    } finally {
      c.close();
    }
    ScenarioInfo best = null;
    for (ScenarioInfo s : list.getScenariosList()) {
      if (!config.scenario().isEmpty()) {
        if (s.getId().equals(config.scenario())) {
          best = s;
        }
      } else if (s.getSeatsCount() >= config.seats()
          && (best == null || s.getSeatsCount() < best.getSeatsCount())) {
        best = s;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(
          config.scenario().isEmpty()
              ? "no built-in scenario has " + config.seats() + " seats"
              : "no scenario '" + config.scenario() + "'");
    }
    if (best.getSeatsCount() < config.seats()) {
      throw new IllegalArgumentException(
          best.getId() + " has " + best.getSeatsCount() + " seats, fewer than " + config.seats());
    }
    return best;
  }

  // ------------------------------------------------------------------ one round

  private void round(
      ScenarioInfo scenario, int turns, int thinkMs, LoadReport report, boolean measureHeap)
      throws InterruptedException, IOException, ExecutionException, TimeoutException {
    if (measureHeap) {
      report.heapBefore = heapReads();
      report.heapAfterGc = config.serverPid() > 0;
    }
    long setupStart = System.nanoTime();
    List<Game> games = createGames(scenario, turns, thinkMs);
    try {
      connectAll(games);
      report.setupSeconds += (System.nanoTime() - setupStart) / 1e9;
      report.connections += config.games() * config.seats();
      progress(
          "%d games, %d connections ready in %.2f s",
          games.size(), config.games() * config.seats(), (System.nanoTime() - setupStart) / 1e9);
      if (measureHeap) {
        report.heapAfter = heapReads();
      }
      if (config.connectionsOnly()) {
        hold(games, report);
      } else {
        play(games, scenario, turns, report);
      }
    } finally {
      endUnfinished(games);
      closeAll(games);
    }
  }

  private List<Game> createGames(ScenarioInfo scenario, int turns, int thinkMs)
      throws InterruptedException, ExecutionException, TimeoutException {
    int creatorsNeeded = (config.games() + GAMES_PER_CREATOR - 1) / GAMES_PER_CREATOR;
    List<EntenteClient> creators = new ArrayList<>();
    try {
      for (int i = 0; i < creatorsNeeded; i++) {
        creators.add(EntenteClient.connect(config.host(), config.port()).get(10, TimeUnit.SECONDS));
      }
      List<SeatInfo> remote = scenario.getSeatsList().subList(0, config.seats());
      List<SeatInfo> inServer =
          scenario.getSeatsList().subList(config.seats(), scenario.getSeatsCount());
      List<CompletableFuture<GameCreated>> created = new ArrayList<>();
      for (int i = 0; i < config.games(); i++) {
        CreateGame.Builder b =
            CreateGame.newBuilder()
                .setScenario(scenario.getId())
                .setSeed(config.seed() + i)
                .setMaxTurns(turns)
                .setName("load-" + i);
        for (SeatInfo s : inServer) {
          b.putBots(s.getState(), s.getDefaultStrategy());
        }
        created.add(creators.get(i / GAMES_PER_CREATOR).createGame(b.build()));
      }
      List<Game> games = new ArrayList<>();
      for (int i = 0; i < config.games(); i++) {
        GameCreated g = created.get(i).get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        long seed = config.seed() + i;
        List<Seat> seats = new ArrayList<>();
        for (int s = 0; s < remote.size(); s++) {
          seats.add(seat(g, remote.get(s), seed, thinkMs, i, s, turns));
        }
        games.add(new Game(i, g.getGameId(), g.getInstructorToken(), seed, seats));
      }
      return games;
    } finally {
      // the games go on without their instructor; its connection would get every omniscient view
      for (EntenteClient c : creators) {
        c.close();
        c.closeFuture().get(10, TimeUnit.SECONDS);
      }
    }
  }

  private Seat seat(
      GameCreated created,
      SeatInfo info,
      long gameSeed,
      int thinkMs,
      int game,
      int seat,
      int turns) {
    String gameId = created.getGameId();
    String secret = EntenteClient.secret(created, info.getState());
    SeatStats stats = new SeatStats(turns);
    SplittableRandom rng =
        new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + game * 1_000L + seat);
    String member = "load-" + game + "-" + seat;
    Bot strategy =
        config.orders() == LoadConfig.OrdersMode.STRATEGY
            ? Strategies.create(info.getDefaultStrategy())
            : Strategies.create("hider");
    if (config.driver() == LoadConfig.Driver.SDK) {
      SdkSeat s =
          new SdkSeat(
              stats, gameId, info.getState(), secret, member, strategy, gameSeed, thinkMs, rng);
      return new Seat() {
        @Override
        public SeatStats stats() {
          return stats;
        }

        @Override
        public CompletableFuture<Void> start() {
          return s.start(config.host(), config.port());
        }

        @Override
        public void fire() {
          s.fire();
        }

        @Override
        public void ping() {
          s.ping();
        }

        @Override
        public boolean open() {
          return !s.closed().isDone();
        }

        @Override
        public CompletableFuture<Void> close() {
          s.close();
          return s.closed();
        }
      };
    }
    SeatBot bot =
        new SeatBot(
            stats,
            gameId,
            info.getState(),
            secret,
            member,
            config.orders(),
            strategy,
            gameSeed,
            thinkMs,
            rng);
    return new Seat() {
      @Override
      public SeatStats stats() {
        return stats;
      }

      @Override
      public CompletableFuture<Void> start() {
        connect(bot);
        return stats.ready;
      }

      @Override
      public void fire() {
        bot.channel().eventLoop().execute(bot::fire);
      }

      @Override
      public void ping() {
        bot.channel().eventLoop().execute(bot::ping);
      }

      @Override
      public boolean open() {
        return bot.channel() != null && bot.channel().isActive();
      }

      @Override
      public CompletableFuture<Void> close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Channel ch = bot.channel();
        if (ch == null) {
          closed.complete(null);
        } else {
          ch.close().addListener(f -> closed.complete(null));
        }
        return closed;
      }
    };
  }

  private void connect(SeatBot bot) {
    new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
        .handler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline()
                    .addLast(
                        new ProtobufVarint32FrameDecoder(),
                        new ProtobufVarint32LengthFieldPrepender(),
                        new ProtobufEncoder(),
                        bot);
              }
            })
        .connect(config.host(), config.port())
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) {
                bot.stats().ready.completeExceptionally(f.cause());
                bot.stats().finished.completeExceptionally(f.cause());
              }
            });
  }

  private void connectAll(List<Game> games) throws InterruptedException {
    Semaphore inFlight = new Semaphore(config.connectConcurrency());
    List<CompletableFuture<?>> ready = new ArrayList<>();
    long deadline = System.nanoTime() + config.timeout().toNanos();
    for (Game g : games) {
      for (Seat s : g.seats()) {
        if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          throw new IllegalStateException(
              "set-up timed out after " + ready.size() + " connections were started");
        }
        CompletableFuture<Void> r = s.start();
        r.whenComplete((x, e) -> inFlight.release());
        ready.add(r);
      }
    }
    List<String> failures = awaitAll(ready, deadline);
    if (!failures.isEmpty()) {
      throw new IllegalStateException(
          failures.size()
              + " of "
              + ready.size()
              + " seats did not get ready; first: "
              + failures.get(0));
    }
  }

  // ------------------------------------------------------------------ play

  private void play(List<Game> games, ScenarioInfo scenario, int turns, LoadReport report)
      throws IOException, InterruptedException {
    ServerMetrics before = metrics();
    long clientCpuBefore = ownCpuNanos();
    long machineBefore = machineBusyNanos();
    long start = System.nanoTime();
    List<CompletableFuture<?>> finished = new ArrayList<>();
    for (Game g : games) {
      for (Seat s : g.seats()) {
        finished.add(s.stats().finished);
      }
    }
    for (Game g : games) {
      for (Seat s : g.seats()) {
        s.fire();
      }
    }
    List<String> failures = awaitAll(finished, start + config.timeout().toNanos());
    long lastEnd = start;
    for (Game g : games) {
      for (Seat s : g.seats()) {
        lastEnd = Math.max(lastEnd, s.stats().endedNanos);
      }
    }
    long clientCpu = ownCpuNanos() - clientCpuBefore;
    long machine = machineBusyNanos() - machineBefore;
    ServerMetrics after = metrics();
    if (!failures.isEmpty()) {
      report.problems.add(
          failures.size() + " of " + finished.size() + " seats did not finish: " + failures.get(0));
    }
    report.playSeconds += (lastEnd - start) / 1e9;
    report.clientCpuNanos += clientCpu;
    if (machineBefore >= 0 && machine >= 0) {
      report.othersCpuNanos +=
          Math.max(0, machine - clientCpu - (after.processCpuNanos() - before.processCpuNanos()));
    }
    report.serverCpuNanos =
        Math.max(0, report.serverCpuNanos) + after.processCpuNanos() - before.processCpuNanos();
    Histogram served = after.turnServed().copy();
    served.subtract(before.turnServed());
    report.serverTurnTime.add(served);
    report.serverLiveGames = after.liveGames();
    report.serverFinishedGames = after.finishedGames();
    report.serverThreads = after.threads();
    int inServerSeats = scenario.getSeatsCount() - config.seats();
    for (Game g : games) {
      report.gamesPlayed++;
      boolean done = true;
      int played = 0;
      for (Seat s : g.seats()) {
        SeatStats st = s.stats();
        done &= st.finished.isDone() && !st.finished.isCompletedExceptionally();
        played = Math.max(played, st.currentTurn);
        report.ordersAccepted += st.accepted;
        report.ordersSent += st.ordersSent;
        report.ordersRejected += st.rejected;
        report.bytesIn += st.bytesIn;
        report.messagesIn += st.messagesIn;
      }
      if (done) {
        report.gamesFinished++;
      }
      report.inServerBotOrders += (long) inServerSeats * played;
      report.latencyExpected += turns;
      for (int t = 1; t <= turns; t++) {
        long sent = 0;
        long closed = 0;
        boolean complete = true;
        for (Seat s : g.seats()) {
          sent = Math.max(sent, s.stats().sent[t]);
          long a = s.stats().after[t];
          complete &= a > 0;
          closed = Math.max(closed, a);
        }
        if (complete && sent > 0 && closed >= sent) {
          report.turnLatency.recordValue(Math.min(closed - sent, LoadReport.MAX_TRACKED_NANOS));
        } else {
          report.latencyMissing++;
        }
      }
    }
    progress(
        "played: %d orders in %.3f s, %d of %d games finished",
        report.ordersAccepted, report.playSeconds, report.gamesFinished, report.gamesPlayed);
  }

  // ------------------------------------------------------------------ connections only

  private void hold(List<Game> games, LoadReport report) throws IOException, InterruptedException {
    ServerMetrics before = metrics();
    long clientCpuBefore = ownCpuNanos();
    long machineBefore = machineBusyNanos();
    long start = System.nanoTime();
    long holdMillis = config.hold().toMillis();
    SplittableRandom rng = new SplittableRandom(config.seed());
    List<Seat> all = new ArrayList<>();
    for (Game g : games) {
      all.addAll(g.seats());
    }
    for (Seat s : all) {
      long at = rng.nextLong(Math.max(1, holdMillis / 2));
      timer.schedule(s::ping, at, TimeUnit.MILLISECONDS);
    }
    progress("holding %d connections for %d s", all.size(), holdMillis / 1000);
    Thread.sleep(holdMillis);
    long clientCpu = ownCpuNanos() - clientCpuBefore;
    long machine = machineBusyNanos() - machineBefore;
    ServerMetrics after = metrics();
    report.clientCpuNanos += clientCpu;
    if (machineBefore >= 0 && machine >= 0) {
      report.othersCpuNanos +=
          Math.max(0, machine - clientCpu - (after.processCpuNanos() - before.processCpuNanos()));
    }
    report.holdSeconds += (System.nanoTime() - start) / 1e9;
    report.holdCpuNanos =
        Math.max(0, report.holdCpuNanos) + after.processCpuNanos() - before.processCpuNanos();
    report.serverConnectionsHeld = Math.min(before.connections(), after.connections());
    report.serverThreads = after.threads();
    report.serverLiveGames = after.liveGames();
    report.serverFinishedGames = after.finishedGames();
    int noPong = 0;
    for (Seat s : all) {
      if (!s.open()) {
        report.connectionsDropped++;
      }
      long rtt = s.stats().pingRttNanos;
      if (rtt > 0) {
        report.pingRtt.recordValue(Math.min(rtt, LoadReport.MAX_TRACKED_NANOS));
      } else {
        noPong++;
      }
    }
    if (noPong > 0) {
      report.problems.add(noPong + " held connections did not answer their ping");
    }
    if (report.connectionsDropped > 0) {
      report.problems.add(report.connectionsDropped + " connections closed while held");
    }
  }

  // ------------------------------------------------------------------ tidying up

  private void endUnfinished(List<Game> games) {
    List<Game> live = new ArrayList<>();
    for (Game g : games) {
      boolean over = g.seats().stream().allMatch(s -> s.stats().finished.isDone());
      if (!over) {
        live.add(g);
      }
    }
    if (live.isEmpty()) {
      return;
    }
    try {
      List<CompletableFuture<?>> ended = new ArrayList<>();
      List<EntenteClient> clients = new ArrayList<>();
      for (int i = 0; i < live.size(); i++) {
        if (i % GAMES_PER_CREATOR == 0) {
          clients.add(
              EntenteClient.connect(config.host(), config.port()).get(10, TimeUnit.SECONDS));
        }
        Game g = live.get(i);
        ended.add(
            clients
                .get(clients.size() - 1)
                .instructor(
                    g.instructorToken(),
                    InstructorCommand.newBuilder()
                        .setEndGame(EndGame.getDefaultInstance())
                        .build()));
      }
      awaitAll(ended, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
      clients.forEach(EntenteClient::close);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      progress("could not end %d games: %s", live.size(), describe(e));
    }
  }

  private void closeAll(List<Game> games) throws InterruptedException {
    List<CompletableFuture<?>> closed = new ArrayList<>();
    for (Game g : games) {
      for (Seat s : g.seats()) {
        closed.add(s.close());
      }
    }
    awaitAll(closed, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
  }

  // ------------------------------------------------------------------ helpers

  /**
   * CPU time used by the whole machine so far (Linux {@code /proc/stat}: user, nice, system and
   * steal; not irq and softirq, where the kernel does the loopback TCP work of this test without
   * charging it to a process), or -1 elsewhere: with the server's and this process's CPU it tells
   * how much other processes took during a measurement.
   */
  static long machineBusyNanos() {
    try {
      String cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0);
      String[] f = cpu.trim().split("\\s+");
      long jiffies = 0;
      for (int i : new int[] {1, 2, 3, 8}) {
        jiffies += Long.parseLong(f[i]);
      }
      return jiffies * 10_000_000L; // USER_HZ is 100 on Linux
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long ownCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private ServerMetrics metrics() throws IOException, InterruptedException {
    return ServerMetrics.fetch(http, config.host(), config.port());
  }

  // Two reads of the server's heap, a pause apart (after a forced GC when the pid is known).
  private long[] heapReads() throws IOException, InterruptedException {
    long[] reads = new long[2];
    for (int i = 0; i < reads.length; i++) {
      if (i > 0) {
        Thread.sleep(config.settle().toMillis());
      }
      if (config.serverPid() > 0) {
        gc(config.serverPid());
      }
      reads[i] = metrics().heapUsedBytes();
    }
    return reads;
  }

  private static void gc(long pid) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("jcmd", Long.toString(pid), "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroy();
      throw new IOException("jcmd " + pid + " GC.run failed");
    }
  }

  /** Waits until every future is done or the deadline passes; returns what failed or was late. */
  private static List<String> awaitAll(List<CompletableFuture<?>> futures, long deadlineNanos)
      throws InterruptedException {
    try {
      CompletableFuture.allOf(
              futures.stream().map(f -> f.handle((x, e) -> null)).toArray(CompletableFuture[]::new))
          .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // counted below
    }
    List<String> failures = new ArrayList<>();
    for (CompletableFuture<?> f : futures) {
      if (!f.isDone()) {
        failures.add("timed out");
      } else if (f.isCompletedExceptionally()) {
        try {
          f.join();
        } catch (RuntimeException e) {
          failures.add(describe(EntenteClient.cause(e)));
        }
      }
    }
    return failures;
  }

  private static String describe(Throwable t) {
    Throwable c = EntenteClient.cause(t);
    return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }

  private void progress(String format, Object... args) {
    if (config.progress() != null) {
      config.progress().printf(format + "%n", args);
      config.progress().flush();
    }
  }
}
