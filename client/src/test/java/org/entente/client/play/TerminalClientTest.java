package org.entente.client.play;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import org.entente.api.Action;
import org.entente.api.Orders;
import org.entente.api.Stance;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.FakeServer;
import org.entente.client.net.TestViews;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.Ack;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.TurnView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TerminalClientTest {
  /** 4 min 10 s before the test view's deadline, in UTC. */
  static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochMilli(TestViews.DEADLINE_MS - 250_000), ZoneOffset.UTC);

  private FakeServer server;
  private EntenteClient client;

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private FakeServer serverFor(TurnView v) throws InterruptedException {
    FakeServer s = FakeServer.tcp().view(v);
    s.on(
        ClientMessage.BodyCase.RESUME,
        (m, p) -> {
          if (!m.getResume().getToken().equals("tok-EGY")) {
            p.error(m, ErrorCode.BAD_TOKEN, "no such token");
            return;
          }
          p.reply(m, ServerMessage.newBuilder().setAck(Ack.getDefaultInstance()));
          p.send(ServerMessage.newBuilder().setView(v).build());
        });
    return s;
  }

  private String play(String token, String... lines) throws Exception {
    client = EntenteClient.connect("127.0.0.1", server.port()).join();
    StringWriter sw = new StringWriter();
    String script = String.join("\n", lines) + "\n";
    int code =
        new TerminalClient(
                client,
                token,
                new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(sw),
                CLOCK)
            .run();
    return code + "\n" + sw;
  }

  @Test
  void rendersTheSituationWithThreatTableAndCrises() {
    String screen = Screen.render(TestViews.egyptTurnView(3), CLOCK, new HashSet<>());
    assertThat(screen)
        .contains("Turn 3 of 12: 1956 Q3")
        .contains("You are EGY (Egypt).")
        .contains("Deadline 22:18:20 (in 4m 10s).")
        .contains("Threats to you (EGY)")
        .containsPattern(
            "! ISR\\s+0\\.180\\s+0\\.900\\s+0\\.112\\s+0\\.40\\s+0\\.007258  principal")
        .containsPattern("UKG\\s+0\\.430\\s+0\\.400\\s+0\\.288\\s+0\\.20\\s+0\\.009907")
        .contains("Principal threat: ISR (led by ISR).  Coverage: 0.62 (partly covered)")
        .contains("c1    ISR attacks SYR (declared turn 2); resolves at the end of THIS turn")
        .contains(
            "  [1] A1 (defensive, no recorded target): EGY, SYR (cohesion 0.90, since turn 2)")
        .containsPattern("> EGY Egypt +0.220 +120.0 +150.0 +0.50  \\[1\\] +-")
        .contains("client of UKG (defensive)")
        .contains("patron of JOR")
        .contains("EGY  stance              ALLIANCE_FORMED      formed A1 with SYR")
        .contains("EGY BALANCE ISR 0.10 SYR;")
        .contains("[turn 2] SYR (Quwatli) to EGY: Will you stand with us against Israel?")
        .contains("The canal company is nationalised.")
        .contains("Your orders this turn: none yet");
    for (String line : screen.split("\n")) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void longLinesAreFoldedAndShortOnesKeepTheirColumns() {
    assertThat(Screen.wrap("  EGY  stance   ARMED", "    ")).isEqualTo("  EGY  stance   ARMED\n");
    String folded = Screen.wrap("  " + "word ".repeat(40).trim(), "    ");
    assertThat(folded.split("\n")).hasSize(3).allMatch(l -> l.length() <= 96);
    assertThat(folded).startsWith("  word word").contains("\n    word");
  }

  @Test
  void rejectsInvalidOrdersWithTheReasonAndSendsValidOnes() throws Exception {
    server = serverFor(TestViews.egyptTurnView(3));
    String out =
        play(
            "tok-EGY",
            "orders BALANCE XYZ 0.1",
            "orders BALANCE isr 0.1",
            "orders BALANCE ISR 0.5",
            "orders BALANCE ISR 0.1 SYR; ATTACK SYR",
            "orders HIDE; AID SYR 5",
            "orders BALANCE ISR 0.1; AID SYR 20",
            "orders BALANCE ISR 0.1; AID SYR 5; PENETRATE JOR; ATTACK UKG",
            "orders BALANCE ISR 0.1; LEAVE A2",
            "orders LEAVE A1",
            "orders BALANCE ISR",
            "orders BALANCE ISR 0.2 SYR,UKG; AID SYR 10",
            "quit");
    assertThat(out)
        .startsWith("0\n")
        .contains("against: no state XYZ (states: EGY, ISR, SYR, UKG, JOR)")
        .contains("against: no state isr (did you mean ISR?)")
        .contains("effort 0.5 is outside [0, 0.3]; form: BALANCE against [effort]")
        .contains("SYR is your ally (alliance A1; LEAVE A1 first): you cannot attack it")
        .contains("a hiding state sends no aid")
        .contains("aid: 20.0 in total is above the cap of 15.0 (10% of your economy 150.0)")
        .contains("at most 2 actions a turn, got 3")
        .contains("you are not in an alliance A2 (yours: A1); form: LEAVE alliance")
        .contains("unknown stance 'LEAVE': use BALANCE, BANDWAGON, HIDE or BUCK_PASS")
        .contains("Orders for turn 3 accepted: BALANCE ISR 0.0")
        .contains("Orders for turn 3 accepted: BALANCE ISR 0.2 SYR,UKG; AID SYR 10.0");
    ClientMessage first = server.next(ClientMessage.BodyCase.SUBMIT_ORDERS);
    assertThat(first.getSubmitOrders().getTurn()).isEqualTo(3);
    assertThat(Wire.orders(first.getSubmitOrders().getOrders()))
        .isEqualTo(Orders.of(new Stance.Balance("ISR", 0, List.of())));
    ClientMessage second = server.next(ClientMessage.BodyCase.SUBMIT_ORDERS);
    assertThat(Wire.orders(second.getSubmitOrders().getOrders()))
        .isEqualTo(
            Orders.of(
                new Stance.Balance("ISR", 0.2, List.of("SYR", "UKG")), new Action.Aid("SYR", 10)));
    assertThat(server.poll(ClientMessage.BodyCase.SUBMIT_ORDERS, 100)).isNull();
  }

  @Test
  void showsTheServersRefusal() throws Exception {
    server = serverFor(TestViews.egyptTurnView(3));
    server.on(
        ClientMessage.BodyCase.SUBMIT_ORDERS,
        (m, p) -> p.error(m, ErrorCode.STALE_TURN, "turn 3 is over; turn 4 is open"));
    String out = play("tok-EGY", "orders HIDE", "quit");
    assertThat(out)
        .contains("The server refused the orders: STALE_TURN: turn 3 is over; turn 4 is open");
  }

  @Test
  void helpListsEveryStanceAndActionWithExamples() throws Exception {
    server = serverFor(TestViews.egyptTurnView(3));
    String out = play("tok-EGY", "help", "quit");
    for (String form :
        List.of(
            Help.BALANCE,
            Help.BANDWAGON,
            Help.HIDE + "  ",
            Help.BUCK_PASS,
            Help.ATTACK,
            Help.AID,
            Help.PENETRATE,
            Help.LEAVE)) {
      assertThat(out).contains("  " + form);
    }
    assertThat(out)
        .contains("e.g. BALANCE ISR 0.2 SYR,UKG")
        .contains("e.g. LEAVE A1")
        .contains("say <STATE,...|all|team> <text>");
    String help = Help.text(null);
    // BALANCE's form has a line of its own, its two uses (with partners, OFFENSIVE) follow it
    assertThat(help.lines().filter(l -> l.matches("  [A-Z_]+ .* e\\.g\\. [A-Z_]+.*"))).hasSize(7);
    assertThat(help).contains("e.g. BALANCE ISR 0.2 SYR OFFENSIVE");
    help.lines().forEach(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
  }

  @Test
  void saySendsPressAndChecksTheRecipients() throws Exception {
    server = serverFor(TestViews.egyptTurnView(3));
    String out =
        play("tok-EGY", "say SYR,JOR Hold firm.", "say XXX hi", "say team regroup", "quit");
    assertThat(out).contains("Sent to SYR,JOR.").contains("No state XXX; states: EGY, ISR");
    ClientMessage m = server.next(ClientMessage.BodyCase.SEND_PRESS);
    assertThat(m.getSendPress().getToList()).containsExactly("SYR", "JOR");
    assertThat(m.getSendPress().getText()).isEqualTo("Hold firm.");
    assertThat(m.getSendPress().getToken()).isEqualTo("tok-EGY");
    assertThat(server.next(ClientMessage.BodyCase.SEND_PRESS).getSendPress().getTeam()).isTrue();
  }

  @Test
  void aRefusedTokenExitsWithTwo() throws Exception {
    server = serverFor(TestViews.egyptTurnView(3));
    String out = play("stolen", "quit");
    assertThat(out).startsWith("2\n").contains("The server refused the token: BAD_TOKEN");
  }

  @Test
  void unknownCommandsAreExplained() throws Exception {
    server = serverFor(TestViews.egyptTurnView(3));
    String out = play("tok-EGY", "attack ISR", "quit");
    assertThat(out).contains("Unknown command 'attack'. Commands: orders, say, view, help, quit");
  }
}
