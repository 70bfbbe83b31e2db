package org.entente.server.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.load.MetricsRoute;
import org.entente.server.net.ClasspathStaticFiles;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente serve}: the game server on one port (TCP, WebSocket and HTTP). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the game server: raw TCP protobuf, WebSocket (/ws) and HTTP on one port.")
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      description = "the port (default ${DEFAULT-VALUE})",
      defaultValue = "7470")
  int port;

  @Option(
      names = "--host",
      description = "the address to bind (default ${DEFAULT-VALUE})",
      defaultValue = "0.0.0.0")
  String host;

  @Option(
      names = "--data",
      description = "where game journals live (default ${DEFAULT-VALUE})",
      defaultValue = "data")
  Path data;

  @Option(
      names = "--max-games",
      description = "games at once (default ${DEFAULT-VALUE})",
      defaultValue = "1000")
  int maxGames;

  @Option(
      names = "--max-connections",
      description = "connections at once (default ${DEFAULT-VALUE})",
      defaultValue = "20000")
  int maxConnections;

  @Option(
      names = "--max-frame-bytes",
      description = "largest frame accepted (default ${DEFAULT-VALUE})",
      defaultValue = "1048576")
  int maxFrameBytes;

  @Option(
      names = "--rate",
      description = "messages a second per connection (default ${DEFAULT-VALUE})",
      defaultValue = "200")
  int rate;

  @Option(
      names = "--idle-seconds",
      description = "close connections silent this long (default ${DEFAULT-VALUE})",
      defaultValue = "300")
  int idleSeconds;

  @Option(
      names = "--max-observers",
      description = "observers per game (default ${DEFAULT-VALUE})",
      defaultValue = "64")
  int maxObservers;

  @Option(
      names = "--allow-origin",
      description =
          "a browser origin (scheme://host[:port]) besides the server's own whose pages may open"
              + " the WebSocket; repeatable")
  java.util.List<String> allowOrigins = new java.util.ArrayList<>();

  @Option(
      names = "--metrics-token",
      description =
          "lets clients on other machines read /metrics with Authorization: Bearer TOKEN"
              + " (default: the ENTENTE_METRICS_TOKEN environment variable; without one, only"
              + " this machine may)",
      defaultValue = "${env:ENTENTE_METRICS_TOKEN}")
  String metricsToken;

  @Option(
      names = "--http-request-seconds",
      description =
          "an HTTP request must arrive whole this soon after its first byte, else 408 (default"
              + " ${DEFAULT-VALUE})",
      defaultValue = "10")
  int httpRequestSeconds;

  @Option(
      names = "--max-games-per-connection",
      description =
          "games one connection may create per --game-limit-minutes; 0: no limit (default"
              + " ${DEFAULT-VALUE})",
      defaultValue = "10")
  int maxGamesPerConnection;

  @Option(
      names = "--max-games-per-address",
      description =
          "games all connections from one address may create per --game-limit-minutes; 0: no"
              + " limit (default ${DEFAULT-VALUE})",
      defaultValue = "30")
  int maxGamesPerAddress;

  @Option(
      names = "--game-limit-minutes",
      description = "the window of the two limits above (default ${DEFAULT-VALUE})",
      defaultValue = "60")
  int gameLimitMinutes;

  @Option(
      names = "--limit-loopback",
      description =
          "apply the per-connection and per-address game limits to clients on this machine too"
              + " (default: they are not limited)")
  boolean limitLoopback;

  @Option(
      names = "--retain-days",
      description =
          "delete the journals of finished games last written more than this many days ago, at"
              + " start and every hour; running games are never deleted (default: keep them all)")
  Integer retainDays;

  @Option(
      names = "--tls-cert",
      description =
          "PEM certificate chain: the port then also speaks TLS (https, wss and TCP protobuf over"
              + " TLS); needs --tls-key")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      description = "PEM private key (PKCS#8, BEGIN PRIVATE KEY) of --tls-cert")
  Path tlsKey;

  @Option(
      names = "--public-url",
      description =
          "the address students use, e.g. http://192.168.1.20:7470/ or https://war.example.edu/;"
              + " every link the server hands out starts with it (default: this machine's LAN"
              + " address and the port)")
  String publicUrl;

  @Option(
      names = "--instructor-key",
      description =
          "the key that lists every game on the games dashboard and opens any game's console"
              + " (16 to 128 characters; default: the one kept in DATA/instructor-key, made at the"
              + " first start)")
  String instructorKey;

  @Option(
      names = "--ladder",
      description =
          "keep a standing ladder: rated games between built-in strategies and registered remote"
              + " bots, played in the background (docs/ladder.md)")
  boolean ladder;

  @Option(
      names = "--ladder-cpu",
      paramLabel = "SHARE",
      description =
          "the share of one core the ladder's games may use, in (0, 1] (default"
              + " ${DEFAULT-VALUE})",
      defaultValue = "0.25")
  double ladderCpu;

  @Option(
      names = "--ladder-scenarios",
      split = ",",
      paramLabel = "ID",
      description = "the built-in scenarios the ladder plays in turn (default ${DEFAULT-VALUE})",
      defaultValue = "peloponnesian-431bc,east-asia-2016")
  java.util.List<String> ladderScenarios;

  @Option(
      names = "--ladder-strategies",
      split = ",",
      paramLabel = "NAME",
      description = "the built-in strategies in the ladder's field (default: all)")
  java.util.List<String> ladderStrategies;

  @Option(
      names = "--ladder-deadline",
      paramLabel = "SECONDS",
      description =
          "a ladder turn's deadline: a remote bot silent that long gets the default orders"
              + " (default ${DEFAULT-VALUE})",
      defaultValue = "30")
  int ladderDeadline;

  @Option(
      names = "--ladder-seed",
      description = "the ladder's seed (default ${DEFAULT-VALUE})",
      defaultValue = "1")
  long ladderSeed;

  // Pages served under --public-url (through a proxy, say) open the WebSocket from that origin.
  private static java.util.List<String> withPublicOrigin(
      java.util.List<String> origins, String publicUrl) {
    if (publicUrl == null) {
      return origins;
    }
    java.net.URI u = java.net.URI.create(publicUrl);
    String origin =
        u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    java.util.List<String> all = new java.util.ArrayList<>(origins);
    if (!all.contains(origin)) {
      all.add(origin);
    }
    return all;
  }

  // With TLS the links the server hands out use https (the browser then opens wss).
  private static PublicUrl.Chosen secured(PublicUrl.Chosen url, boolean tls) {
    if (!tls || url.url() == null || !url.url().startsWith("http://")) {
      return url;
    }
    return new PublicUrl.Chosen("https://" + url.url().substring("http://".length()), url.why());
  }

  // Every hour: finished games' journals past --retain-days go, and the games with them.
  private static void schedulePruning(
      org.entente.server.journal.JournalPruner pruner, Lobby lobby) {
    var timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "entente-prune");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            for (var p : pruner.prune(java.time.Instant.now(), lobby::runningGame)) {
              lobby.forgetFinished(p.gameId());
            }
          } catch (java.io.IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ServeCommand.class)
                .warn(
                    "prune: could not list the data folder ({}); trying again in an hour",
                    e.toString());
          }
        },
        1,
        1,
        java.util.concurrent.TimeUnit.HOURS);
  }

  @Override
  public Integer call() throws Exception {
    if (publicUrl != null) {
      String problem = PublicUrl.problem(publicUrl);
      if (problem != null) {
        spec.commandLine().getErr().println("bad configuration: --public-url: " + problem);
        return 2;
      }
    }
    ServerConfig config;
    try {
      config =
          new ServerConfig(
              host,
              port,
              data,
              maxFrameBytes,
              rate,
              Duration.ofSeconds(idleSeconds),
              maxGames,
              maxConnections,
              maxObservers,
              withPublicOrigin(allowOrigins, publicUrl),
              Duration.ofSeconds(httpRequestSeconds));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("bad configuration: " + e.getMessage());
      return 2;
    }
    org.entente.server.net.Tls tls = null;
    if ((tlsCert == null) != (tlsKey == null)) {
      spec.commandLine()
          .getErr()
          .println(
              "bad configuration: "
                  + (tlsCert == null
                      ? "--tls-key needs --tls-cert"
                      : "--tls-cert needs --tls-key"));
      return 2;
    }
    if (tlsCert != null) {
      try {
        tls = org.entente.server.net.Tls.load(tlsCert, tlsKey);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("bad configuration: " + e.getMessage());
        return 2;
      }
      spec.commandLine().getOut().println("tls: " + tls.description());
    }
    org.entente.server.net.FileLimit files =
        org.entente.server.net.FileLimit.of(config.maxConnections(), config.maxGames());
    config = config.withMaxConnections(files.chosen());
    spec.commandLine().getOut().println(files.reason());
    DirectoryJournalStore store = new DirectoryJournalStore(data);
    try {
      store.checkWritable();
    } catch (java.io.IOException e) {
      spec.commandLine().getErr().println("entente does not start: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 2;
    }
    spec.commandLine()
        .getOut()
        .printf("data folder %s is writable: game journals go there%n", data.toAbsolutePath());
    if (instructorKey != null && InstructorKey.problem(instructorKey) != null) {
      spec.commandLine()
          .getErr()
          .println("bad configuration: --instructor-key: " + InstructorKey.problem(instructorKey));
      return 2;
    }
    InstructorKey.Chosen key;
    try {
      key = InstructorKey.choose(instructorKey, data);
    } catch (java.io.IOException e) {
      spec.commandLine().getErr().println("entente does not start: instructor key: " + e);
      return 2;
    }
    org.entente.server.journal.JournalPruner pruner = null;
    if (retainDays != null) {
      try {
        pruner = new org.entente.server.journal.JournalPruner(store, Duration.ofDays(retainDays));
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("bad configuration: " + e.getMessage());
        return 2;
      }
      for (var p : pruner.prune(java.time.Instant.now(), id -> false)) {
        spec.commandLine()
            .getOut()
            .printf(
                "prune: deleted %s (game %s finished: %s; last written %s)%n",
                p.file(), p.gameId(), p.finishedReason(), p.lastWritten());
      }
    }
    Lobby lobby = new Lobby(config, GameClock.system(), store);
    lobby.instructorKey(key.key());
    try {
      lobby.creationLimits(
          new org.entente.server.game.CreationLimits(
              maxGamesPerConnection,
              maxGamesPerAddress,
              Duration.ofMinutes(gameLimitMinutes),
              limitLoopback));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("bad configuration: " + e.getMessage());
      return 2;
    }
    for (Lobby.Recovered r : lobby.recover()) {
      var stream =
          r.outcome() == Lobby.Recovered.Outcome.FAILED
                  || r.outcome() == Lobby.Recovered.Outcome.IGNORED
              ? spec.commandLine().getErr()
              : spec.commandLine().getOut();
      stream.printf("recovery: game %s %s: %s%n", r.gameId(), r.outcome(), r.message());
      stream.flush();
    }
    if (pruner != null) {
      schedulePruning(pruner, lobby);
    }
    org.entente.server.ladder.Ladder ladderService = null;
    if (ladder) {
      try {
        ladderService =
            org.entente.server.ladder.Ladder.open(
                lobby,
                data,
                new org.entente.server.ladder.Ladder.Config(
                    ladderCpu,
                    ladderScenarios,
                    ladderStrategies == null
                        ? org.entente.client.bots.Strategies.names()
                        : ladderStrategies,
                    ladderDeadline,
                    ladderSeed));
      } catch (IllegalArgumentException | java.io.IOException e) {
        spec.commandLine().getErr().println("entente does not start: ladder: " + e.getMessage());
        spec.commandLine().getErr().flush();
        lobby.shutdown();
        return 2;
      }
    }
    MetricsRoute metrics = new MetricsRoute(lobby, metricsToken);
    Map<String, org.entente.server.net.HttpRoute> routes = new java.util.HashMap<>();
    routes.put("/metrics", metrics);
    routes.put("/debrief/", lobby.debriefRoute());
    routes.put("/handout/", lobby.handoutRoute());
    routes.put("/transcript/", lobby.transcriptRoute());
    if (ladderService != null) {
      routes.put("/ladder/game/", ladderService.gameRoute());
    }
    NetServer server =
        new NetServer(
            config,
            lobby,
            new ClasspathStaticFiles(ServeCommand.class.getClassLoader(), "web/"),
            Map.copyOf(routes),
            tls);
    metrics.connections(server::openConnections);
    CountDownLatch stopped = new CountDownLatch(1);
    final org.entente.server.ladder.Ladder ladderToClose = ladderService;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // bounded: each step gives up after a few seconds (see NetServer#close)
                  try {
                    if (ladderToClose != null) {
                      ladderToClose.close();
                    }
                    server.close();
                  } finally {
                    lobby.shutdown();
                    spec.commandLine().getOut().println("entente stopped");
                    spec.commandLine().getOut().flush();
                    stopped.countDown();
                  }
                },
                "entente-shutdown"));
    PublicUrl.Chosen url =
        publicUrl != null
            ? new PublicUrl.Chosen(PublicUrl.normalize(publicUrl), "from --public-url")
            : PublicUrl.choose(host, port == 0 ? -1 : port);
    if (url.url() != null) {
      url = secured(url, tls != null && publicUrl == null);
      lobby.publicUrl(url.url());
    }
    server.start();
    if (url.url() == null) {
      url = secured(PublicUrl.choose(host, server.port()), tls != null);
      lobby.publicUrl(url.url());
    }
    spec.commandLine()
        .getOut()
        .printf(
            "entente serving on %s:%d (TCP protobuf, WebSocket /ws, HTTP /health%s); Ctrl-C"
                + " stops%n",
            host, server.port(), tls == null ? "" : "; each also inside TLS");
    spec.commandLine().getOut().printf("links for students: %s (%s)%n", url.url(), url.why());
    spec.commandLine()
        .getOut()
        .printf(
            "instructor key (lists and opens every game on %s#/games; keep it to yourself): %s"
                + " (%s)%n",
            url.url(), key.key(), key.why());
    if (ladderService != null) {
      ladderService.start();
      spec.commandLine()
          .getOut()
          .printf(
              "ladder: %d rated games so far, ratings in %s; playing within %.2f of a core; the"
                  + " ladder page is %s#/ladder%n",
              ladderService.gamesRated(), ladderService.file(), ladderCpu, url.url());
    }
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
