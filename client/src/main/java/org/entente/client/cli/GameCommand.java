package org.entente.client.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.entente.client.net.ClientOptions;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.EntenteException;
import org.entente.client.net.HostPort;
import org.entente.client.play.TerminalClient;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.DefaultOrderPolicy;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.GameInfo;
import org.entente.proto.v1.GameLinks;
import org.entente.proto.v1.Joined;
import org.entente.proto.v1.ScenarioInfo;
import org.entente.proto.v1.SeatInfo;
import org.entente.proto.v1.SeatLink;
import org.entente.proto.v1.SeatStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code entente game create|join|list}: a game from the terminal, with no script. {@code create}
 * prints the instructor token, the console and seat-card links, and every seat's join code and
 * link; {@code join} takes a seat with its code and prints the seat's token (or plays it at once
 * with {@code --play}); {@code list} prints the server's games. Exit codes: 0 done, 1 refused by
 * the server (the error is printed), 2 usage (bad option, unreachable server).
 */
@Command(
    name = "game",
    mixinStandardHelpOptions = true,
    description = "Create, join or list games on a server, printing links, codes and tokens.",
    subcommands = {GameCommand.Create.class, GameCommand.Join.class, GameCommand.ListGames.class})
public class GameCommand implements Runnable {
  static final int REFUSED = 1;
  static final long WAIT_SECONDS = 15;

  @Spec CommandSpec spec;

  /** A command ready for picocli. */
  public GameCommand() {}

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The options every subcommand shares: where the server is. */
  static class ServerOptions {
    @Option(
        names = "--server",
        defaultValue = "127.0.0.1:7470",
        paramLabel = "HOST:PORT",
        description = "the server (default ${DEFAULT-VALUE}; port 7470 if omitted)")
    String server;

    @Option(names = "--ws", description = "connect over WebSocket (/ws) instead of raw TCP")
    boolean webSocket;

    /** Connects, or prints why not and returns null. */
    EntenteClient connect(PrintWriter err) {
      HostPort address;
      try {
        address = HostPort.parse(server);
      } catch (IllegalArgumentException e) {
        err.println("--server: " + e.getMessage());
        return null;
      }
      try {
        return EntenteClient.connect(
                address.host(),
                address.port(),
                ClientOptions.defaults()
                    .withTransport(
                        webSocket
                            ? ClientOptions.Transport.WEBSOCKET
                            : ClientOptions.Transport.TCP))
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (Exception e) {
        err.println("cannot reach " + server + ": " + EntenteClient.cause(e).getMessage());
        return null;
      }
    }
  }

  /** Waits for a reply; a refusal is printed and returned as null. */
  static <T> T await(java.util.concurrent.CompletableFuture<T> f, PrintWriter err, String what) {
    try {
      return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = EntenteClient.cause(e);
      if (cause instanceof EntenteException ee && ee.fromServer()) {
        err.println(what + " refused: " + ee.getMessage());
      } else {
        err.println(what + " failed: " + cause.getMessage());
      }
      return null;
    }
  }

  /** {@code entente game create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create a game and print its instructor token, links and every seat's join code.",
        "Seats are for people unless --bot or --students says otherwise."
      })
  static class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin ServerOptions where = new ServerOptions();

    @Option(
        names = "--scenario",
        required = true,
        description = "a built-in scenario id (entente scenarios lists them)")
    String scenario;

    @Option(names = "--seed", defaultValue = "1", description = "default ${DEFAULT-VALUE}")
    long seed;

    @Option(
        names = "--deadline",
        defaultValue = "0",
        paramLabel = "SECONDS",
        description = "per turn; 0 = none: a turn ends when every seat has sent (default)")
    int deadline;

    @Option(
        names = "--max-turns",
        defaultValue = "0",
        description = "0 = the scenario's length (default)")
    int maxTurns;

    @Option(names = "--name", defaultValue = "", description = "shown in game lists")
    String name;

    @Option(
        names = "--policy",
        defaultValue = "REPEAT_OR_HIDE",
        description =
            "a seat that sends nothing: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    DefaultOrderPolicy policy;

    @Option(
        names = "--bot",
        paramLabel = "STATE[=STRATEGY]",
        description = "a bot plays STATE (its scenario's strategy unless one is named); repeatable")
    List<String> bots = new ArrayList<>();

    @Option(
        names = "--students",
        split = ",",
        paramLabel = "STATE",
        description = "the states people play; every other state gets its scenario's bot")
    List<String> students = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!bots.isEmpty() && !students.isEmpty()) {
        err.println("--bot and --students: give one or the other");
        return BotCommand.USAGE;
      }
      if (policy == DefaultOrderPolicy.DEFAULT_ORDER_POLICY_UNSPECIFIED
          || policy == DefaultOrderPolicy.UNRECOGNIZED) {
        err.println("--policy: one of REPEAT_OR_HIDE, HIDE, AUTOPILOT");
        return BotCommand.USAGE;
      }
      EntenteClient c = where.connect(err);
      if (c == null) {
        return BotCommand.USAGE;
      }
      try {
        CreateGame.Builder b =
            CreateGame.newBuilder()
                .setScenario(scenario)
                .setSeed(seed)
                .setDeadlineSeconds(deadline)
                .setMaxTurns(maxTurns)
                .setName(name)
                .setDefaultPolicy(policy);
        for (String bot : bots) {
          int eq = bot.indexOf('=');
          b.putBots(
              (eq < 0 ? bot : bot.substring(0, eq)).toUpperCase(Locale.ROOT),
              eq < 0 ? "" : bot.substring(eq + 1));
        }
        if (!students.isEmpty()) {
          var list = await(c.listScenarios(), err, "list_scenarios");
          if (list == null) {
            return REFUSED;
          }
          ScenarioInfo info =
              list.getScenariosList().stream()
                  .filter(s -> s.getId().equals(scenario))
                  .findFirst()
                  .orElse(null);
          if (info == null) {
            err.println(
                "--scenario: no scenario '"
                    + scenario
                    + "'; known: "
                    + list.getScenariosList().stream().map(ScenarioInfo::getId).toList());
            return BotCommand.USAGE;
          }
          List<String> ids = info.getSeatsList().stream().map(SeatInfo::getState).toList();
          for (String s : students) {
            if (!ids.contains(s.toUpperCase(Locale.ROOT))) {
              err.println("--students: no state '" + s + "' in " + scenario + "; states: " + ids);
              return BotCommand.USAGE;
            }
          }
          for (String id : ids) {
            if (students.stream().noneMatch(s -> s.equalsIgnoreCase(id))) {
              b.putBots(id, "");
            }
          }
        }
        GameCreated g = await(c.createGame(b.build()), err, "create_game");
        if (g == null) {
          return REFUSED;
        }
        print(out, g, b.getBotsMap());
        return 0;
      } finally {
        c.close();
      }
    }

    static void print(PrintWriter out, GameCreated g, Map<String, String> bots) {
      GameLinks l = g.getLinks();
      out.printf("game %s created%n", g.getGameId());
      out.printf("instructor token: %s (keep it to yourself)%n", g.getInstructorToken());
      out.printf("console:    %s%n", l.getConsoleUrl());
      out.printf("seat cards: %s%n", l.getHandoutUrl());
      out.println();
      out.println("seat  join code  link");
      for (SeatLink s : l.getSeatsList()) {
        out.printf(
            "%-5s %-10s %s   (%s)%n", s.getState(), s.getCode(), s.getJoinUrl(), s.getName());
      }
      if (l.hasObservers()) {
        out.printf(
            "%-5s %-10s %s   (observers)%n",
            "-", l.getObservers().getCode(), l.getObservers().getJoinUrl());
      }
      Map<String, String> sorted = new java.util.TreeMap<>(bots);
      sorted.forEach(
          (state, strategy) ->
              out.printf(
                  "%-5s played by %s%n",
                  state, strategy.isEmpty() ? "the scenario's bot" : "the " + strategy + " bot"));
      out.println();
      out.println(
          "a student joins with: entente game join --code CODE --name NAME (or opens the link)");
      out.flush();
    }
  }

  /** {@code entente game join}. */
  @Command(
      name = "join",
      mixinStandardHelpOptions = true,
      description = {
        "Take a seat with its join code and print the seat's token.",
        "With --play, play it at once in the terminal (as entente play does)."
      })
  public static class Join implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin ServerOptions where = new ServerOptions();

    @Option(
        names = "--code",
        required = true,
        description = "the seat's join code (e.g. KB9J-Y6G4), from the instructor")
    String code;

    @Option(names = "--name", required = true, description = "your name, shown to the others")
    String name;

    @Option(names = "--observe", description = "the code is the observers': watch the game")
    boolean observe;

    @Option(names = "--play", description = "play the seat now, in this terminal")
    boolean play;

    /** Where --play reads commands (standard input unless a test says otherwise). */
    InputStream in = System.in;

    /** A command ready for picocli. */
    public Join() {}

    /** Reads --play's commands from {@code in} instead of standard input. */
    public void readFrom(InputStream in) {
      this.in = in;
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (name.isBlank()) {
        err.println("--name: give your name (the others see it on your orders and messages)");
        return BotCommand.USAGE;
      }
      EntenteClient c = where.connect(err);
      if (c == null) {
        return BotCommand.USAGE;
      }
      try {
        Joined j =
            observe
                ? await(c.observe("", code), err, "observe")
                : await(c.joinByCode(code, name.strip()), err, "join_seat");
        if (j == null) {
          return REFUSED;
        }
        out.printf(
            "joined game %s %s as %s%n",
            j.getGameId(),
            j.getState().isEmpty() ? "as an observer" : "seat " + j.getState(),
            observe ? "observer" : name.strip());
        out.printf("token: %s (keep it: it is your seat)%n", j.getToken());
        out.printf(
            "play it: entente play --server %s%s --token %s%n",
            where.server, where.webSocket ? " --ws" : "", j.getToken());
        out.flush();
        if (play) {
          return new TerminalClient(c, j.getToken(), in, out, Clock.systemDefaultZone()).run();
        }
        return 0;
      } finally {
        c.close();
      }
    }
  }

  /** {@code entente game list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the server's games: id, scenario, turn, phase and seats.")
  static class ListGames implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin ServerOptions where = new ServerOptions();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      EntenteClient c = where.connect(err);
      if (c == null) {
        return BotCommand.USAGE;
      }
      try {
        var games = await(c.listGames(), err, "list_games");
        if (games == null) {
          return REFUSED;
        }
        if (games.getGamesCount() == 0) {
          out.println("no games on " + where.server);
        } else {
          out.printf("%-16s %-20s %-9s %-9s %s%n", "game", "scenario", "turn", "phase", "seats");
          for (GameInfo g : games.getGamesList()) {
            out.printf(
                "%-16s %-20s %-9s %-9s %s%s%n",
                g.getGameId(),
                g.getScenario(),
                g.getTurn() + "/" + g.getTurns(),
                g.getPhase().name().toLowerCase(Locale.ROOT),
                seats(g),
                g.getName().isEmpty() ? "" : "  \"" + g.getName() + "\"");
          }
        }
        out.flush();
        return 0;
      } finally {
        c.close();
      }
    }

    static String seats(GameInfo g) {
      Map<String, String> parts = new LinkedHashMap<>();
      for (SeatStatus s : g.getSeatsList()) {
        String what =
            s.getBot()
                ? "bot"
                : s.getMembers() == 0
                    ? "free"
                    : s.getMembers() + (s.getConnected() ? " on" : " off");
        parts.put(s.getState(), what);
      }
      List<String> out = new ArrayList<>();
      parts.forEach((k, v) -> out.add(k + ":" + v));
      return String.join(" ", out);
    }
  }
}
