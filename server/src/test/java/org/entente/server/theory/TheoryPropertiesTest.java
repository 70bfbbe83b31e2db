package org.entente.server.theory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.Stance;
import org.entente.api.Stance.StanceKind;
import org.entente.client.bots.Strategies;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Games;
import org.entente.server.engine.Scoring;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.World;
import org.entente.server.engine.WorldBuilder;
import org.entente.server.sim.Simulation;
import org.junit.jupiter.api.Test;

/**
 * The six theory properties of RULES.md section 9, each over 200 seeded games whose worlds vary per
 * seed (capabilities, positions, starting intent), asserting a direction with a margin. The numbers
 * are printed so a failing margin can be read against the measured rates.
 */
class TheoryPropertiesTest {
  static final int GAMES = 200;
  static final Bot THREAT = Strategies.create("threat-balancer");
  static final Bot OPPORTUNIST = Strategies.create("opportunist");

  /** A fixed policy for a test: one function of the view. */
  record Policy(String name, java.util.function.Function<PlayerView, Orders> f) implements Bot {
    @Override
    public Orders decide(PlayerView view, Dice dice) {
      return f.apply(view);
    }
  }

  static Policy balanceAgainst(String threat, List<String> partners) {
    return new Policy(
        "balance",
        v ->
            Orders.of(
                new Stance.Balance(
                    threat,
                    0.2,
                    partners.stream()
                        .filter(p -> !p.equals(v.self()) && v.nation(p).active())
                        .toList())));
  }

  static Policy bandwagonWith(String threat) {
    return new Policy(
        "bandwagon", v -> Orders.of(new Stance.Bandwagon(threat, Stance.BandwagonKind.DEFENSIVE)));
  }

  static Policy passTo(String threat, List<String> ring) {
    return new Policy(
        "buck-pass",
        v -> {
          int i = ring.indexOf(v.self());
          for (int k = 1; k < ring.size(); k++) {
            String c = ring.get((i + k) % ring.size());
            if (v.nation(c).active()) {
              return Orders.of(new Stance.BuckPass(threat, c));
            }
          }
          return Orders.hide();
        });
  }

  static final Policy HIDE = new Policy("hide", v -> Orders.hide());

  /** What a batch of games measured for a group of seats. */
  record Rates(double survival, double score, double conquered, double hegemon) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "survival %.2f score %.1f conquered %.2f hegemon %.2f",
          survival,
          score,
          conquered,
          hegemon);
    }
  }

  static Rates measure(
      LongFunction<World> worlds,
      Map<String, Bot> bots,
      List<String> group,
      String hegemonCandidate) {
    double surv = 0, score = 0, conq = 0, heg = 0;
    for (long seed = 1; seed <= GAMES; seed++) {
      World w = worlds.apply(seed);
      GameState end = Simulation.play(w, seed, bots, w.turns()).last();
      List<Scoring.Score> scores = Scoring.scores(end);
      for (Scoring.Score s : scores) {
        if (group.contains(s.state())) {
          surv += s.survival();
          score += s.total();
          conq += end.nation(s.state()).conquered() ? 1 : 0;
        }
      }
      heg += hegemonCandidate.equals(Scoring.system(end).hegemon()) ? 1 : 0;
    }
    int k = GAMES * group.size();
    return new Rates(surv / k, score / k, conq / k, heg / GAMES);
  }

  static Map<String, Bot> seats(Object... pairs) {
    Map<String, Bot> m = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Bot) pairs[i + 1]);
    }
    return m;
  }

  // A proximate, aggressive great power (P about 0.4) amid four mid-size states.
  static World aggressorAmidMidSizeStates(long seed) {
    WorldBuilder b = new WorldBuilder().vary(seed);
    b.state("G").size(280).offense(0.8).reach(1500).at(0, 0).feared(0.6).revisionist();
    b.state("M1").size(105).at(500, 0);
    b.state("M2").size(105).at(0, 500);
    b.state("M3").size(105).at(-500, 0);
    b.state("M4").size(105).at(0, -500);
    return b.build();
  }

  static final List<String> MIDS = List.of("M1", "M2", "M3", "M4");

  static Map<String, Bot> all(Bot aggressor, Bot mids) {
    return seats("G", aggressor, "M1", mids, "M2", mids, "M3", mids, "M4", mids);
  }

  @Test
  void balancingPaysAgainstAProximateAggressor() {
    Rates balance =
        measure(
            TheoryPropertiesTest::aggressorAmidMidSizeStates,
            all(OPPORTUNIST, balanceAgainst("G", MIDS)),
            MIDS,
            "G");
    Rates bandwagon =
        measure(
            TheoryPropertiesTest::aggressorAmidMidSizeStates,
            all(OPPORTUNIST, bandwagonWith("G")),
            MIDS,
            "G");
    Rates buckPass =
        measure(
            TheoryPropertiesTest::aggressorAmidMidSizeStates,
            all(OPPORTUNIST, passTo("G", MIDS)),
            MIDS,
            "G");
    System.out.printf(
        "P1 balance %s | bandwagon %s | buck-pass %s%n", balance, bandwagon, buckPass);
    assertThat(balance.survival()).isGreaterThanOrEqualTo(bandwagon.survival() + 0.3);
    assertThat(balance.survival()).isGreaterThanOrEqualTo(buckPass.survival() + 0.3);
    assertThat(balance.score()).isGreaterThanOrEqualTo(bandwagon.score() + 10);
    assertThat(balance.score()).isGreaterThanOrEqualTo(buckPass.score() + 10);
  }

  @Test
  void mutualBuckPassingInvitesHegemony() {
    Rates balance =
        measure(
            TheoryPropertiesTest::aggressorAmidMidSizeStates,
            all(OPPORTUNIST, balanceAgainst("G", MIDS)),
            MIDS,
            "G");
    Rates buckPass =
        measure(
            TheoryPropertiesTest::aggressorAmidMidSizeStates,
            all(OPPORTUNIST, passTo("G", MIDS)),
            MIDS,
            "G");
    System.out.printf("P2 balance %s | buck-pass %s%n", balance, buckPass);
    assertThat(buckPass.hegemon()).isGreaterThanOrEqualTo(balance.hegemon() + 0.3);
  }

  // A weak state beside an aggressor, with or without a friendly state within reach.
  static World finland(long seed, boolean allyInReach) {
    WorldBuilder b = new WorldBuilder().vary(seed);
    b.state("R").size(300).offense(0.8).reach(1500).at(0, 0).feared(0.6).revisionist();
    b.state("F").size(20).at(400, 0);
    b.state("S").size(200).at(allyInReach ? 700 : 4000, allyInReach ? 200 : 4000);
    b.state("X").size(150).at(-3000, 2000);
    return b.build();
  }

  @Test
  void theWeakAndAloneBandwagon() {
    Bot sweden = balanceAgainst("R", List.of("F"));
    Rates aloneBandwagon =
        measure(
            s -> finland(s, false),
            seats("R", OPPORTUNIST, "F", bandwagonWith("R"), "S", sweden, "X", HIDE),
            List.of("F"),
            "R");
    Rates aloneBalance =
        measure(
            s -> finland(s, false),
            seats("R", OPPORTUNIST, "F", balanceAgainst("R", List.of("S")), "S", sweden, "X", HIDE),
            List.of("F"),
            "R");
    Rates allyBandwagon =
        measure(
            s -> finland(s, true),
            seats("R", OPPORTUNIST, "F", bandwagonWith("R"), "S", sweden, "X", HIDE),
            List.of("F"),
            "R");
    Rates allyBalance =
        measure(
            s -> finland(s, true),
            seats("R", OPPORTUNIST, "F", balanceAgainst("R", List.of("S")), "S", sweden, "X", HIDE),
            List.of("F"),
            "R");
    System.out.printf(
        "P3 alone: bandwagon %s | balance %s%n   ally: bandwagon %s | balance %s%n",
        aloneBandwagon, aloneBalance, allyBandwagon, allyBalance);
    assertThat(aloneBandwagon.score()).isGreaterThanOrEqualTo(aloneBalance.score() + 2);
    assertThat(allyBalance.score()).isGreaterThanOrEqualTo(allyBandwagon.score() + 10);
  }

  // A distant, strong, benign state and a weaker, proximate, aggressive one, among threat-driven
  // bots.
  static World threatNotPower(long seed) {
    WorldBuilder b = new WorldBuilder().vary(seed);
    b.state("BIG").size(400).offense(0.4).reach(2000).at(6000, 0).feared(0.05);
    b.state("AGG").size(150).offense(0.8).reach(1500).at(0, 0).feared(0.7).revisionist();
    b.state("T1").size(90).at(500, 0);
    b.state("T2").size(90).at(0, 500);
    b.state("T3").size(90).at(-500, 0);
    b.state("T4").size(90).at(0, -500);
    return b.build();
  }

  @Test
  void threatNotPower() {
    int againstBig = 0, againstAgg = 0, decisions = 0;
    Map<String, Bot> bots =
        seats(
            "BIG",
            THREAT,
            "AGG",
            OPPORTUNIST,
            "T1",
            THREAT,
            "T2",
            THREAT,
            "T3",
            THREAT,
            "T4",
            THREAT);
    for (long seed = 1; seed <= GAMES; seed++) {
      World w = threatNotPower(seed);
      for (TurnReport r : Simulation.play(w, seed, bots, w.turns()).reports()) {
        for (var ps : r.stances()) {
          if (ps.state().startsWith("T")) {
            decisions++;
            if (ps.stance() instanceof Stance.Balance b) {
              againstBig += b.against().equals("BIG") ? 1 : 0;
              againstAgg += b.against().equals("AGG") ? 1 : 0;
            }
          }
        }
      }
    }
    double agg = (double) againstAgg / decisions;
    double big = (double) againstBig / decisions;
    System.out.printf(
        "P4 balancing against AGG %.2f, against BIG %.2f of %d decisions%n", agg, big, decisions);
    assertThat(agg).isGreaterThanOrEqualTo(big + 0.2);
  }

  static World melos(long seed) {
    WorldBuilder b = new WorldBuilder().vary(seed);
    b.state("ATH").size(300).offense(0.8).reach(1500).at(0, 0).feared(0.6).revisionist();
    b.state("MEL").size(15).at(300, 0);
    b.state("SPA").size(250).at(2500, 1500);
    return b.build();
  }

  @Test
  void hidingFailsWithoutAllies() {
    Rates r =
        measure(
            TheoryPropertiesTest::melos,
            seats("ATH", OPPORTUNIST, "MEL", HIDE, "SPA", HIDE),
            List.of("MEL"),
            "ATH");
    System.out.printf("P5 hiding weak state: %s%n", r);
    assertThat(r.conquered()).isGreaterThanOrEqualTo(0.6);
  }

  static World multipolar(long seed, double defenseAdvantage) {
    WorldBuilder b = new WorldBuilder().vary(seed).param("defenseAdvantage", defenseAdvantage);
    b.state("R1").size(330).offense(0.8).reach(1500).at(0, 0).feared(0.5).revisionist();
    b.state("R2").size(150).offense(0.8).reach(1500).at(2500, 0).feared(0.5).revisionist();
    b.state("S1").size(80).at(500, 300);
    b.state("S2").size(80).at(500, -300);
    b.state("S3").size(80).at(-500, 300);
    b.state("S4").size(80).at(-500, -300);
    b.state("S5").size(130).at(1200, 900);
    b.state("S6").size(130).at(1200, -900);
    b.alliance("x1", "R1", "S1", "S2");
    b.alliance("x2", "R1", "S3", "S4");
    return b.build();
  }

  @Test
  void chainGangingUnderOffenseDominance() {
    double[] low = chainAndBuck(1.0);
    double[] high = chainAndBuck(2.5);
    System.out.printf(
        "P6 low DA: alliance members' war entries %.2f/game buck-pass share %.3f | high DA: %.2f/game buck-pass share %.3f%n",
        low[0], low[1], high[0], high[1]);
    assertThat(low[0])
        .as("alliance members' war entries per game")
        .isGreaterThanOrEqualTo(high[0] + 0.5);
    assertThat(high[1])
        .as("buck-passing share of threat-driven decisions")
        .isGreaterThanOrEqualTo(low[1] + 0.03);
  }

  // Per game: war entries by states that were alliance members when the war was fought; and the
  // share of threat-driven decisions that passed the buck.
  static double[] chainAndBuck(double da) {
    Map<String, Bot> bots =
        seats(
            "R1",
            OPPORTUNIST,
            "R2",
            OPPORTUNIST,
            "S1",
            THREAT,
            "S2",
            THREAT,
            "S3",
            THREAT,
            "S4",
            THREAT,
            "S5",
            THREAT,
            "S6",
            THREAT);
    int allyEntries = 0, bucks = 0, decisions = 0, wars = 0;
    for (long seed = 1; seed <= GAMES; seed++) {
      World w = multipolar(seed, da);
      Games.Played played = Simulation.play(w, seed, bots, w.turns());
      for (int t = 0; t < played.reports().size(); t++) {
        TurnReport r = played.reports().get(t);
        GameState before = played.states().get(t);
        for (TurnReport.War war : r.wars()) {
          wars++;
          for (String p : concat(war.attackers(), war.defenders())) {
            allyEntries += before.alliances().stream().anyMatch(a -> a.has(p)) ? 1 : 0;
          }
        }
        for (var ps : r.stances()) {
          if (ps.state().startsWith("S")) {
            decisions++;
            bucks += ps.stance().kind() == StanceKind.BUCK_PASS ? 1 : 0;
          }
        }
      }
    }
    System.out.printf("P6 DA %.1f: wars %.2f/game%n", da, (double) wars / GAMES);
    return new double[] {(double) allyEntries / GAMES, (double) bucks / decisions};
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
