package org.entente.client.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.HostPort;
import org.entente.client.sdk.RemoteBot;
import org.entente.client.sdk.RemoteEntrant;
import org.entente.proto.v1.Joined;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code entente entrant}: registers a built-in strategy as a remote tournament entrant on a server
 * and plays every seat the server gives it, through {@link RemoteEntrant}. Runs until {@code
 * --games} games are over (or forever without it); exits 2 on a usage error.
 */
@Command(
    name = "entrant",
    mixinStandardHelpOptions = true,
    description = {
      "Register as a remote tournament entrant on a server and play the seats it is given.",
      "A tournament names the entrant with --remote NAME --server HOST:PORT."
    })
public class EntrantCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--server", required = true, paramLabel = "HOST:PORT", description = "the server")
  String server;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "the entrant's name")
  String name;

  @Option(
      names = "--strategy",
      required = true,
      paramLabel = "NAME",
      description = "a built-in strategy")
  String strategy;

  @Option(
      names = "--connections",
      paramLabel = "N",
      description = "seats held at once: one connection each (default: ${DEFAULT-VALUE})")
  int connections = 1;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "the seed of the bot's dice (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--games",
      paramLabel = "N",
      description = "stop after N games (default: run until stopped)")
  Integer games;

  /** A command ready for picocli. */
  public EntrantCommand() {}

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HostPort address;
    try {
      address = HostPort.parse(server);
    } catch (IllegalArgumentException e) {
      err.println("--server: " + e.getMessage());
      return BotCommand.USAGE;
    }
    if (!BotCommand.strategies().contains(strategy)) {
      err.println(
          "--strategy: unknown strategy '"
              + strategy
              + "'; known strategies: "
              + String.join(", ", BotCommand.strategies()));
      return BotCommand.USAGE;
    }
    if (connections < 1 || (games != null && games < 1)) {
      err.println("--connections and --games must be at least 1");
      return BotCommand.USAGE;
    }
    CountDownLatch finished = new CountDownLatch(games == null ? Integer.MAX_VALUE : games);
    AtomicInteger played = new AtomicInteger();
    RemoteEntrant entrant =
        new RemoteEntrant(
            name,
            BotCommand.create(strategy),
            seed,
            new RemoteEntrant.Listener() {
              @Override
              public void seated(Joined j) {
                say(out, "seated as " + j.getState() + " in game " + j.getGameId());
              }

              @Override
              public void played(RemoteBot.Result r) {
                say(
                    out,
                    "game over for " + r.state() + " (" + played.incrementAndGet() + " games)");
                finished.countDown();
              }

              @Override
              public void failed(Joined j, Throwable e) {
                say(err, "game " + j.getGameId() + " failed: " + e.getMessage());
                finished.countDown();
              }
            });
    List<EntenteClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        EntenteClient c = EntenteClient.connect(address.host(), address.port()).join();
        clients.add(c);
        entrant.register(c).join();
      }
      say(out, "registered " + connections + " connection(s) as " + name + " on " + address);
      finished.await();
      return 0;
    } catch (RuntimeException e) {
      err.println(EntenteClient.cause(e).getMessage());
      err.flush();
      return BotCommand.USAGE;
    } finally {
      clients.forEach(EntenteClient::close);
    }
  }

  private static void say(PrintWriter w, String line) {
    synchronized (w) {
      w.println(line);
      w.flush();
    }
  }
}
