package org.entente.client.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.entente.client.net.ClientOptions;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.HostPort;
import org.entente.client.play.TerminalClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code entente play}: the terminal client for a human player (or an observer or instructor token,
 * read-only). Exits 0 on quit, 1 when the connection is lost, 2 on a usage error (bad address,
 * refused connection or token).
 */
@Command(
    name = "play",
    mixinStandardHelpOptions = true,
    description = {
      "Play a seat from the terminal: see the situation each turn and type orders.",
      "Commands at the prompt: orders, say, view, help, quit."
    })
public class PlayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--server",
      required = true,
      paramLabel = "HOST:PORT",
      description = "the server (port 7470 if omitted)")
  String server;

  @Option(names = "--token", required = true, paramLabel = "T", description = "your seat token")
  String token;

  @Option(names = "--ws", description = "connect over WebSocket (/ws) instead of raw TCP")
  boolean webSocket;

  /** Where commands are read from (standard input unless a test says otherwise). */
  InputStream in = System.in;

  /** A command ready for picocli. */
  public PlayCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HostPort address;
    try {
      address = HostPort.parse(server);
    } catch (IllegalArgumentException e) {
      err.println("--server: " + e.getMessage());
      return BotCommand.USAGE;
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
      return BotCommand.USAGE;
    }
    try {
      return new TerminalClient(client, token, in, out, Clock.systemDefaultZone()).run();
    } finally {
      client.close();
    }
  }
}
