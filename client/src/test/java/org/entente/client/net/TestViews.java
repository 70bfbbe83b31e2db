package org.entente.client.net;

import java.util.List;
import org.entente.api.OrderOutcome;
import org.entente.api.OutcomeCode;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.AllianceView;
import org.entente.api.PlayerView.CrisisView;
import org.entente.api.PlayerView.NationView;
import org.entente.api.PlayerView.PublicStance;
import org.entente.api.PlayerView.RulesView;
import org.entente.api.PlayerView.ThreatEntry;
import org.entente.api.Posture;
import org.entente.api.SquareMatrix;
import org.entente.api.Stance;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.PressMessage;
import org.entente.proto.v1.Role;
import org.entente.proto.v1.TurnView;

/**
 * Hand-built views for tests: a five-state Suez-like world seen by EGY in turn 3, allied with SYR
 * (A1), threatened most by ISR, with ISR's attack on SYR (c1) resolving this turn, and JOR a
 * defensive client of UKG.
 */
public final class TestViews {
  public static final String GAME = "g-suez";
  public static final long DEADLINE_MS = 1_700_000_300_000L;

  private TestViews() {}

  /** EGY's view at the start of {@code turn}. */
  public static PlayerView egypt(int turn) {
    List<NationView> nations =
        List.of(
            nation("EGY", "Egypt", 150, 120, 0.22, 0.5, Posture.STATUS_QUO, null, null),
            nation("ISR", "Israel", 110, 160, 0.18, 0.7, Posture.REVISIONIST, null, null),
            nation("SYR", "Syria", 80, 90, 0.12, 0.4, Posture.STATUS_QUO, null, null),
            nation("UKG", "United Kingdom", 500, 480, 0.43, 0.6, Posture.STATUS_QUO, null, null),
            nation(
                "JOR",
                "Jordan",
                60,
                50,
                0.05,
                0.3,
                Posture.STATUS_QUO,
                "UKG",
                Stance.BandwagonKind.DEFENSIVE));
    double[] prox = {
      1.0, 0.9, 0.7, 0.3, 0.8,
      0.9, 1.0, 0.9, 0.2, 0.95,
      0.7, 0.9, 1.0, 0.25, 0.9,
      0.4, 0.35, 0.3, 1.0, 0.3,
      0.8, 0.95, 0.9, 0.2, 1.0
    };
    return new PlayerView(
        "suez-1956",
        turn,
        12,
        "1956 Q" + turn,
        "EGY",
        nations,
        SquareMatrix.of(5, prox),
        List.of(new AllianceView("A1", List.of("EGY", "SYR"), 0.9, 2)),
        List.of(new CrisisView("c1", "ISR", "SYR", turn - 1, turn)),
        List.of(
            new ThreatEntry("ISR", 0.18, 0.9, 0.112, 0.4, 0.0072576),
            new ThreatEntry("SYR", 0.12, 0.7, 0.036, 0.05, 0.0001512),
            new ThreatEntry("UKG", 0.43, 0.4, 0.288, 0.2, 0.0099072),
            new ThreatEntry("JOR", 0.05, 0.8, 0.015, 0.1, 0.00006)),
        List.of("ISR"),
        "ISR",
        0.62,
        List.of(),
        List.of(
            new OrderOutcome("EGY", "stance", OutcomeCode.ALLIANCE_FORMED, "formed A1 with SYR")),
        List.of(
            new PublicStance("EGY", new Stance.Balance("ISR", 0.1, List.of("SYR"))),
            new PublicStance("SYR", new Stance.Balance("ISR", 0.2, List.of("EGY"))),
            new PublicStance("ISR", Stance.HIDE),
            new PublicStance("UKG", Stance.HIDE),
            new PublicStance("JOR", new Stance.Bandwagon("UKG", Stance.BandwagonKind.DEFENSIVE))),
        new RulesView(1.5, 0.3, 0.1, 0.03, 0.5),
        "Suez, 1956: the canal is nationalised.",
        "Keep the canal; do not fight alone.");
  }

  /** The TurnView the server would push to EGY's seat for {@link #egypt(int)}. */
  public static TurnView egyptTurnView(int turn) {
    return Wire.view(egypt(turn))
        .setGameId(GAME)
        .setRole(Role.SEAT)
        .setPhase(GamePhase.ORDERS)
        .setDeadlineEpochMs(DEADLINE_MS)
        .addMessages(
            PressMessage.newBuilder()
                .setId("m1")
                .setTurn(turn - 1)
                .setFromState("SYR")
                .setFromMember("Quwatli")
                .addTo("EGY")
                .setText("Will you stand with us against Israel?"))
        .addNews("The canal company is nationalised.")
        .build();
  }

  private static NationView nation(
      String id,
      String name,
      double economy,
      double military,
      double power,
      double offense,
      Posture posture,
      String patron,
      Stance.BandwagonKind kind) {
    return new NationView(
        id,
        name,
        100,
        economy,
        military,
        100,
        power,
        offense,
        1000,
        "nationalist",
        false,
        posture,
        true,
        patron,
        kind);
  }
}
