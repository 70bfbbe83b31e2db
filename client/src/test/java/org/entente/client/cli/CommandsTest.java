package org.entente.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.entente.client.bots.Strategies;
import org.entente.client.net.FakeServer;
import org.entente.client.net.TestViews;
import org.entente.proto.v1.Ack;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GameEvent;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.ServerMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandsTest {
  private FakeServer server;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.close();
    }
  }

  private CommandLine cli(Object command) {
    return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
  }

  private FakeServer server() throws InterruptedException {
    FakeServer s = FakeServer.tcp().view(TestViews.egyptTurnView(3));
    s.on(
        ClientMessage.BodyCase.RESUME,
        (m, p) -> {
          if (!m.getResume().getToken().equals("tok-EGY")) {
            p.error(m, ErrorCode.BAD_TOKEN, "no such token");
            return;
          }
          p.reply(m, ServerMessage.newBuilder().setAck(Ack.getDefaultInstance()));
          p.send(ServerMessage.newBuilder().setView(TestViews.egyptTurnView(3)).build());
        });
    return s;
  }

  @Test
  void commandsHavePublicNoArgConstructorsAndTheirNames() throws Exception {
    assertThat(BotCommand.class.getConstructor().newInstance()).isNotNull();
    assertThat(PlayCommand.class.getConstructor().newInstance()).isNotNull();
    assertThat(new CommandLine(new BotCommand()).getCommandName()).isEqualTo("bot");
    assertThat(new CommandLine(new PlayCommand()).getCommandName()).isEqualTo("play");
  }

  @Test
  void botRejectsAnUnknownStrategyListingTheKnownOnes() {
    int code =
        cli(new BotCommand())
            .execute("--server", "localhost:7470", "--token", "t", "--strategy", "genius");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("unknown strategy 'genius'")
        .contains(String.join(", ", Strategies.names()))
        .contains("cautious-balancer");
  }

  @Test
  void botRejectsABadAddress() {
    int code =
        cli(new BotCommand())
            .execute("--server", "localhost:http", "--token", "t", "--strategy", "hider");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--server: expected HOST:PORT, got 'localhost:http'");
  }

  @Test
  void botReportsARefusedConnection() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    int code =
        cli(new BotCommand())
            .execute("--server", "127.0.0.1:" + port, "--token", "t", "--strategy", "hider");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("cannot connect to 127.0.0.1:" + port);
  }

  @Test
  void botReportsARefusedToken() throws Exception {
    server = server();
    int code =
        cli(new BotCommand())
            .execute(
                "--server",
                "127.0.0.1:" + server.port(),
                "--token",
                "stolen",
                "--strategy",
                "hider");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("BAD_TOKEN: no such token");
  }

  @Test
  void botPlaysUntilTheGameEndsAndExitsZero() throws Exception {
    server = server();
    CompletableFuture<Integer> code =
        CompletableFuture.supplyAsync(
            () ->
                cli(new BotCommand())
                    .execute(
                        "--server",
                        "127.0.0.1:" + server.port(),
                        "--token",
                        "tok-EGY",
                        "--strategy",
                        "threat-balancer",
                        "--seed",
                        "42"));
    assertThat(server.next(ClientMessage.BodyCase.SUBMIT_ORDERS).getSubmitOrders().getTurn())
        .isEqualTo(3);
    server.push(
        ServerMessage.newBuilder()
            .setGameEvent(
                GameEvent.newBuilder().setKind(GameEventKind.GAME_ENDED).setText("Peace.")));
    assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo(0);
    assertThat(out.toString())
        .contains("playing threat-balancer with seed 42")
        .contains("turn 3: BALANCE ISR")
        .contains("Game over for EGY after 1 turn(s) answered: Peace.");
  }

  @Test
  void playRunsTheTerminalClientOnTheGivenInput() throws Exception {
    server = server();
    PlayCommand play = new PlayCommand();
    play.in = new ByteArrayInputStream("orders HIDE\nquit\n".getBytes(StandardCharsets.UTF_8));
    int code = cli(play).execute("--server", "127.0.0.1:" + server.port(), "--token", "tok-EGY");
    assertThat(code).isEqualTo(0);
    assertThat(out.toString())
        .contains("Threats to you (EGY)")
        .contains("Orders for turn 3 accepted: HIDE");
  }

  @Test
  void playReportsARefusedToken() throws Exception {
    server = server();
    PlayCommand play = new PlayCommand();
    play.in = new ByteArrayInputStream("quit\n".getBytes(StandardCharsets.UTF_8));
    int code = cli(play).execute("--server", "127.0.0.1:" + server.port(), "--token", "nope");
    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).contains("The server refused the token: BAD_TOKEN");
  }
}
