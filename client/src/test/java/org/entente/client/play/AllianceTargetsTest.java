package org.entente.client.play;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.entente.api.OrderSyntax;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.Stance;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.FakeServer;
import org.entente.client.net.TestViews;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.Ack;
import org.entente.proto.v1.AllianceKind;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.PublicStance;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.TurnView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rules 2.0 in the terminal client: alliances are listed with their target and kind, BALANCE takes
 * the OFFENSIVE flag, and the order check knows where the flag goes and what stances leave an
 * alliance.
 */
class AllianceTargetsTest {
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

  /** EGY's view of turn 3 with A1 (EGY, SYR) aimed at ISR, of the given kind. */
  static TurnView targeted(AllianceKind kind) {
    TurnView v = TestViews.egyptTurnView(3);
    return v.toBuilder()
        .setAlliances(0, v.getAlliances(0).toBuilder().setTarget("ISR").setKind(kind))
        .build();
  }

  @Test
  void theSituationNamesEachAlliancesTargetAndKind() {
    TurnView v =
        targeted(AllianceKind.ALLIANCE_OFFENSIVE).toBuilder()
            .setLastStances(
                0,
                PublicStance.newBuilder()
                    .setState("EGY")
                    .setStance(Wire.stance(new Stance.Balance("ISR", 0.1, List.of("SYR"), true))))
            .build();
    String screen = Screen.render(v, TerminalClientTest.CLOCK, new HashSet<>());
    assertThat(screen)
        .contains("  [1] A1 (offensive, against ISR): EGY, SYR (cohesion 0.90, since turn 2)")
        .contains("EGY BALANCE ISR 0.10 SYR OFFENSIVE;");
    String defensive =
        Screen.render(
            targeted(AllianceKind.ALLIANCE_DEFENSIVE), TerminalClientTest.CLOCK, new HashSet<>());
    assertThat(defensive)
        .contains("  [1] A1 (defensive, against ISR): EGY, SYR (cohesion 0.90, since turn 2)");
    for (String line : (screen + defensive).split("\n")) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void theSituationNamesTheTargetsBlocWhenItWasMoreThanTheTarget() {
    TurnView v = targeted(AllianceKind.ALLIANCE_DEFENSIVE);
    TurnView withBloc =
        v.toBuilder()
            .setAlliances(
                0, v.getAlliances(0).toBuilder().addTargetBloc("ISR").addTargetBloc("JOR"))
            .build();
    assertThat(Screen.render(withBloc, TerminalClientTest.CLOCK, new HashSet<>()))
        .contains(
            "  [1] A1 (defensive, against ISR with its bloc then: JOR): EGY, SYR (cohesion 0.90,");
    TurnView alone =
        v.toBuilder().setAlliances(0, v.getAlliances(0).toBuilder().addTargetBloc("ISR")).build();
    assertThat(Screen.render(alone, TerminalClientTest.CLOCK, new HashSet<>()))
        .contains("  [1] A1 (defensive, against ISR): EGY, SYR (cohesion 0.90, since turn 2)");
  }

  @Test
  void anEliminatedSeatIsToldWhyOnItsScreen() {
    TurnView v =
        TestViews.egyptTurnView(3).toBuilder()
            .setPhase(org.entente.proto.v1.GamePhase.ELIMINATED)
            .setEliminated(
                org.entente.proto.v1.Elimination.newBuilder()
                    .setTurn(2)
                    .setConqueredBy("ISR")
                    .setReason("EGY was conquered by ISR in turn 2 (1956)"))
            .build();
    String screen = Screen.render(v, TerminalClientTest.CLOCK, new HashSet<>());
    assertThat(screen)
        .contains("[ELIMINATED]")
        .contains("ELIMINATED: EGY was conquered by ISR in turn 2 (1956).");
    assertThat(Screen.render(TestViews.egyptTurnView(3), TerminalClientTest.CLOCK, new HashSet<>()))
        .doesNotContain("ELIMINATED");
  }

  @Test
  void theOrderCheckKnowsWhereTheFlagGoes() {
    PlayerView pv = Wire.view(targeted(AllianceKind.ALLIANCE_DEFENSIVE));
    OrderCheck.Checked ok = OrderCheck.check(pv, "BALANCE ISR 0.1 SYR OFFENSIVE");
    assertThat(ok.ok()).isTrue();
    assertThat(ok.orders().stance())
        .isEqualTo(new Stance.Balance("ISR", 0.1, List.of("SYR"), true));
    assertThat(OrderCheck.check(pv, "balance ISR 0.1 SYR offensive").orders().stance())
        .isEqualTo(new Stance.Balance("ISR", 0.1, List.of("SYR"), true));
    assertThat(OrderCheck.check(pv, "BALANCE ISR 0.1 SYR DEFENSIVE").problems())
        .containsExactly(
            "DEFENSIVE is the default for BALANCE: leave it out; form: BALANCE against [effort]"
                + " [partners] [OFFENSIVE]");
    assertThat(OrderCheck.check(pv, "BALANCE ISR 0.1 OFFENSIVE SYR").problems())
        .containsExactly(
            "OFFENSIVE comes last, after the partners; form: BALANCE against [effort] [partners]"
                + " [OFFENSIVE]");
    // an error elsewhere in the line is not mistaken for a misplaced flag
    assertThat(OrderCheck.check(pv, "BALANCE ISR 0.1 SYR; AID DEFENSIVE").problems().get(0))
        .doesNotContain("DEFENSIVE is the default");
  }

  @Test
  void cautionsNameWhatAStanceDoesToTheSeatsAlliances() {
    PlayerView pv = Wire.view(targeted(AllianceKind.ALLIANCE_DEFENSIVE));
    assertThat(OrderCheck.cautions(pv, OrderSyntax.parse("BALANCE ISR 0.1 SYR"))).isEmpty();
    assertThat(OrderCheck.cautions(pv, OrderSyntax.parse("BALANCE ISR 0.1 OFFENSIVE")))
        .containsExactly(
            "OFFENSIVE without partners does nothing: it sets the kind of an alliance you found");
    assertThat(OrderCheck.cautions(pv, OrderSyntax.parse("BALANCE SYR 0.1")))
        .containsExactly("SYR is your ally in A1: balancing against it takes you out of A1");
    assertThat(OrderCheck.cautions(pv, OrderSyntax.parse("BALANCE UKG 0.1 ISR")))
        .containsExactly("ISR is the target of your alliance A1: it cannot be your ally");
    assertThat(OrderCheck.cautions(pv, OrderSyntax.parse("BANDWAGON ISR")))
        .containsExactly("A1 is aimed at ISR: bandwagoning with it leaves A1");
    assertThat(OrderCheck.cautions(pv, OrderSyntax.parse("HIDE"))).isEmpty();
  }

  @Test
  void anOffensiveBalanceIsSentWithItsFlagAndACautionIsShown() throws Exception {
    TurnView v = targeted(AllianceKind.ALLIANCE_DEFENSIVE);
    server = FakeServer.tcp().view(v);
    server.on(
        ClientMessage.BodyCase.RESUME,
        (m, p) -> {
          p.reply(m, ServerMessage.newBuilder().setAck(Ack.getDefaultInstance()));
          p.send(ServerMessage.newBuilder().setView(v).build());
        });
    client = EntenteClient.connect("127.0.0.1", server.port()).join();
    StringWriter sw = new StringWriter();
    String script =
        String.join(
                "\n",
                "orders BALANCE ISR 0.1 SYR,UKG OFFENSIVE",
                "orders BALANCE ISR 0.1 OFFENSIVE",
                "orders BALANCE ISR 0.1 UKG DEFENSIVE",
                "quit")
            + "\n";
    int code =
        new TerminalClient(
                client,
                "tok-EGY",
                new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(sw),
                TerminalClientTest.CLOCK)
            .run();
    String out = sw.toString();
    assertThat(code).isZero();
    assertThat(out)
        .contains("Orders for turn 3 accepted: BALANCE ISR 0.1 SYR,UKG OFFENSIVE")
        .contains("Note: OFFENSIVE without partners does nothing")
        .contains("Orders for turn 3 accepted: BALANCE ISR 0.1 OFFENSIVE")
        .contains("DEFENSIVE is the default for BALANCE: leave it out");
    ClientMessage first = server.next(ClientMessage.BodyCase.SUBMIT_ORDERS);
    assertThat(first.getSubmitOrders().getOrders().getStance().getBalance().getOffensive())
        .isTrue();
    assertThat(Wire.orders(first.getSubmitOrders().getOrders()))
        .isEqualTo(Orders.of(new Stance.Balance("ISR", 0.1, List.of("SYR", "UKG"), true)));
    ClientMessage second = server.next(ClientMessage.BodyCase.SUBMIT_ORDERS);
    assertThat(Wire.orders(second.getSubmitOrders().getOrders()))
        .isEqualTo(Orders.of(new Stance.Balance("ISR", 0.1, List.of(), true)));
    assertThat(server.poll(ClientMessage.BodyCase.SUBMIT_ORDERS, 100)).isNull();
  }
}
