package org.entente.client.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.api.Bot;
import org.entente.api.OrderSyntax;
import org.entente.api.Orders;
import org.entente.client.bots.Strategies;
import org.entente.client.net.ClientOptions;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.EntenteException;
import org.entente.client.net.HostPort;
import org.entente.client.play.Screen;
import org.entente.client.sdk.RemoteBot;
import org.entente.client.sdk.example.CautiousBalancer;
import org.entente.proto.v1.GameEvent;
import org.entente.proto.v1.OrdersAccepted;
import org.entente.proto.v1.TurnResolved;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code entente bot}: plays a seat on a server with a built-in strategy, through {@link
 * RemoteBot}. Exits 0 when the game ends, 1 when the connection is lost, 2 on a usage error (bad
 * address, unknown strategy, refused connection or token).
 */
@Command(
    name = "bot",
    mixinStandardHelpOptions = true,
    description = {
      "Play a seat on a server with a built-in strategy until the game ends.",
      "The seed only matters to strategies that roll dice (random, opportunist): give the game's"
          + " seed to play exactly as 'entente simulate --seed N' does."
    })
public class BotCommand implements Callable<Integer> {
  /** Exit status of a usage error (as picocli's). */
  static final int USAGE = 2;

  @Spec CommandSpec spec;

  @Option(
      names = "--server",
      required = true,
      paramLabel = "HOST:PORT",
      description = "the server (port 7470 if omitted)")
  String server;

  @Option(names = "--token", required = true, paramLabel = "T", description = "the seat token")
  String token;

  @Option(
      names = "--strategy",
      required = true,
      paramLabel = "NAME",
      description = "a built-in strategy: ${COMPLETION-CANDIDATES}",
      completionCandidates = KnownStrategies.class)
  String strategy;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "0",
      description = "the game's seed, for the bot's dice (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--ws", description = "connect over WebSocket (/ws) instead of raw TCP")
  boolean webSocket;

  @Option(names = "--quiet", description = "print only the end of the game")
  boolean quiet;

  /** A command ready for picocli. */
  public BotCommand() {}

  /** The strategy names this command accepts: the built-ins, then the SDK's example. */
  public static List<String> strategies() {
    List<String> names = new ArrayList<>(Strategies.names());
    names.add(CautiousBalancer.NAME);
    return names;
  }

  static Bot create(String name) {
    if (CautiousBalancer.NAME.equals(name)) {
      return new CautiousBalancer();
    }
    return Strategies.create(name);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HostPort address;
    try {
      address = HostPort.parse(server);
    } catch (IllegalArgumentException e) {
      err.println("--server: " + e.getMessage());
      return USAGE;
    }
    if (!strategies().contains(strategy)) {
      err.println(
          "--strategy: unknown strategy '"
              + strategy
              + "'; known strategies: "
              + String.join(", ", strategies()));
      return USAGE;
    }
    ClientOptions options =
        ClientOptions.defaults()
            .withTransport(
                webSocket ? ClientOptions.Transport.WEBSOCKET : ClientOptions.Transport.TCP);
    EntenteClient client;
    try {
      client = EntenteClient.connect(address.host(), address.port(), options).join();
    } catch (RuntimeException e) {
      err.println(EntenteClient.cause(e).getMessage());
      return USAGE;
    }
    try {
      if (!quiet) {
        out.println(
            "Connected to "
                + address
                + " ("
                + client.welcome().getServer()
                + "); playing "
                + strategy
                + " with seed "
                + seed
                + ".");
        out.flush();
      }
      RemoteBot runner = new RemoteBot(create(strategy), token, seed, new Progress(out, err));
      RemoteBot.Result r = runner.run(client).join();
      out.println(
          "Game over for "
              + r.state()
              + " after "
              + r.turnsAnswered()
              + " turn(s) answered"
              + (r.ending().isEmpty() ? "." : ": " + r.ending()));
      out.flush();
      return 0;
    } catch (RuntimeException e) {
      Throwable cause = EntenteClient.cause(e);
      err.println(cause.getMessage());
      err.flush();
      if (cause instanceof EntenteException x
          && switch (x.code()) {
            case BAD_TOKEN, FORBIDDEN, UNKNOWN_GAME, UNKNOWN_SEAT -> true;
            default -> false;
          }) {
        return USAGE;
      }
      return 1;
    } finally {
      client.close();
    }
  }

  /** Picocli's list of candidates for --strategy. */
  static final class KnownStrategies extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    KnownStrategies() {
      super(strategies());
    }
  }

  private final class Progress implements RemoteBot.Listener {
    private final PrintWriter out;
    private final PrintWriter err;

    Progress(PrintWriter out, PrintWriter err) {
      this.out = out;
      this.err = err;
    }

    @Override
    public void submitted(int turn, Orders orders) {
      if (!quiet) {
        out.println("turn " + turn + ": " + OrderSyntax.format(orders));
        out.flush();
      }
    }

    @Override
    public void accepted(int turn, OrdersAccepted accepted) {}

    @Override
    public void rejected(int turn, Throwable error) {
      err.println("turn " + turn + ": orders not accepted: " + error.getMessage());
      err.flush();
    }

    @Override
    public void resolved(TurnResolved resolved) {
      if (!quiet) {
        out.print(Screen.resolved(resolved));
        out.flush();
      }
    }

    @Override
    public void event(GameEvent event) {
      if (!quiet) {
        out.println(Screen.event(event));
        out.flush();
      }
    }
  }
}
