package org.entente.server.theory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.entente.api.Action;
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
import org.entente.server.scenario.ScenarioLoader;
import org.entente.server.sim.Simulation;
import org.junit.jupiter.api.Test;

/**
 * The theory properties 1-9 of RULES.md section 9 (property 10, seeds and history, is {@code
 * SeedsAndHistoryTest}), each over 200 or more seeded games whose worlds vary per seed
 * (capabilities, positions, starting intent), asserting a direction with a margin. The numbers are
 * printed so a failing margin can be read against the measured rates. Every game any property plays
 * is also checked for property 7 (alliances have one enemy) at every position.
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

  /**
   * Plays {@code w} with {@code bots} for its whole length and checks property 7 at every position
   * of the game (a violation fails the calling test at once).
   */
  static Games.Played play(String label, World w, long seed, Map<String, Bot> bots) {
    Games.Played played = Simulation.play(w, seed, bots, w.turns());
    OneEnemy check = new OneEnemy();
    check.check(label, label + " seed " + seed, played);
    assertThat(check.violations).as("property 7 in %s seed %d", label, seed).isEmpty();
    return played;
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
      GameState end = play("measure", w, seed, bots).last();
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
      for (TurnReport r : play("P4", w, seed, bots).reports()) {
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
      Games.Played played = play("P6", w, seed, bots);
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

  // Property 7: alliances have one enemy.

  /** Seeds per built-in scenario and bot set in property 7 (two bot sets per scenario). */
  static final int SCENARIO_SEEDS = 20;

  @Test
  void alliancesHaveOneEnemyInEveryScenario() throws Exception {
    OneEnemy scenarios = new OneEnemy();
    for (String id : ScenarioLoader.builtinIds()) {
      World w = ScenarioLoader.builtin(id).world();
      Map<String, String> defaults = Simulation.strategies(w, Map.of());
      Map<String, String> threat = new TreeMap<>();
      defaults.keySet().forEach(seat -> threat.put(seat, "threat-balancer"));
      for (long seed = 1; seed <= SCENARIO_SEEDS; seed++) {
        scenarios.check(
            id + " default bots",
            id + " default bots seed " + seed,
            Simulation.run(w, seed, defaults, w.turns()));
        scenarios.check(
            id + " threat-balancers",
            id + " threat-balancers seed " + seed,
            Simulation.run(w, seed, threat, w.turns()));
      }
    }
    System.out.printf("P7 scenarios: %s%n", scenarios);
    scenarios.violations.stream().limit(60).forEach(System.out::println);
    assertThat(scenarios.games).isGreaterThanOrEqualTo(200);
    assertThat(scenarios.memberChecks).as("alliances were formed and checked").isGreaterThan(1000);
    assertThat(scenarios.violations).as("scenarios").isEmpty();
  }

  @Test
  void alliancesHaveOneEnemyInTheTestWorlds() {
    // Every game the other properties play is checked too (see play); these add threat-driven
    // bots in every seat of the worlds where alliances form.
    OneEnemy worlds = new OneEnemy();
    for (long seed = 1; seed <= GAMES; seed++) {
      Map<String, Bot> bots = new TreeMap<>();
      World tnp = threatNotPower(seed);
      tnp.start().forEach(n -> bots.put(n.id(), THREAT));
      worlds.check(
          "threat-not-power",
          "threat-not-power seed " + seed,
          Simulation.play(tnp, seed, bots, tnp.turns()));
      bots.clear();
      World mp = multipolar(seed, seed % 2 == 0 ? 1.0 : 2.5);
      mp.start().forEach(n -> bots.put(n.id(), n.id().startsWith("R") ? OPPORTUNIST : THREAT));
      worlds.check(
          "multipolar", "multipolar seed " + seed, Simulation.play(mp, seed, bots, mp.turns()));
      World d = dragging(seed, 1.5);
      worlds.check(
          "dragging",
          "dragging seed " + seed,
          Simulation.play(d, seed, draggingBots(true), d.turns()));
      worlds.check(
          "dragged",
          "dragged seed " + seed,
          Simulation.play(d, seed, draggingBots(false), d.turns()));
    }
    System.out.printf("P7 test worlds: %s%n", worlds);
    assertThat(worlds.memberChecks).as("alliances were formed and checked").isGreaterThan(1000);
    assertThat(worlds.violations).as("test worlds").isEmpty();
  }

  // Property 8: defensive alliances do not drag aggressors' allies.

  // A and B allied defensively against the great power T; C, A's neighbour, farther from B.
  static World dragging(long seed, double defenseAdvantage) {
    WorldBuilder b =
        new WorldBuilder().vary(seed).param("defenseAdvantage", defenseAdvantage).turns(12);
    b.state("T").size(300).offense(0.8).reach(2000).at(0, 0).feared(0.6).revisionist();
    b.state("A").size(120).at(900, 0);
    b.state("B").size(120).at(900, 600);
    b.state("C").size(120).at(1500, -300);
    b.alliance("ab", "T", "A", "B");
    return b.build();
  }

  /** The turn on which the attack between A and C is ordered (it is fought the turn after). */
  static final int ATTACK_TURN = 3;

  // A attacks C (aAttacks) or C attacks A; B is the threat-driven bot measured, T hides.
  static Map<String, Bot> draggingBots(boolean aAttacks) {
    Policy a =
        new Policy(
            "A",
            v -> {
              Stance s = new Stance.Balance("T", 0.1, List.of("B"));
              return aAttacks && v.turn() == ATTACK_TURN
                  ? Orders.of(s, new Action.Attack("C"))
                  : Orders.of(s);
            });
    // C hides until the attack turn, then balances A (attacking it when A does not attack C)
    Policy c =
        new Policy(
            "C",
            v -> {
              if (v.turn() < ATTACK_TURN) {
                return Orders.hide();
              }
              Stance s = new Stance.Balance("A", 0.1, List.of());
              return v.turn() == ATTACK_TURN && !aAttacks
                  ? Orders.of(s, new Action.Attack("A"))
                  : Orders.of(s);
            });
    return seats("T", HIDE, "A", a, "B", THREAT, "C", c);
  }

  // {wars between A and C, those B fought in} over the seeds.
  static int[] bEntries(double defenseAdvantage, boolean aAttacks) {
    int wars = 0, entries = 0;
    for (long seed = 1; seed <= GAMES; seed++) {
      World w = dragging(seed, defenseAdvantage);
      Games.Played played = play("P8", w, seed, draggingBots(aAttacks));
      for (TurnReport r : played.reports()) {
        for (TurnReport.War war : r.wars()) {
          if (List.of("A", "C").contains(war.aggressor())
              && List.of("A", "C").contains(war.target())) {
            wars++;
            entries += war.attackers().contains("B") || war.defenders().contains("B") ? 1 : 0;
          }
        }
      }
    }
    return new int[] {wars, entries};
  }

  @Test
  void defensiveAlliancesDoNotDragAggressorsAllies() {
    int[] aAttacks = bEntries(1.5, true);
    int[] cAttacks = bEntries(1.5, false);
    int[] offenceDominant = bEntries(1.0, true);
    double dragged = (double) aAttacks[1] / aAttacks[0];
    double defends = (double) cAttacks[1] / cAttacks[0];
    System.out.printf(
        Locale.ROOT,
        "P8 B in the war: A attacks C %d of %d wars (%.2f) | C attacks A %d of %d (%.2f)"
            + " | A attacks C at defense advantage 1.0: %d of %d%n",
        aAttacks[1],
        aAttacks[0],
        dragged,
        cAttacks[1],
        cAttacks[0],
        defends,
        offenceDominant[1],
        offenceDominant[0]);
    assertThat(aAttacks[0]).as("wars when A attacks").isGreaterThanOrEqualTo(GAMES / 2);
    assertThat(cAttacks[0]).as("wars when C attacks").isGreaterThanOrEqualTo(GAMES / 2);
    assertThat(defends).isGreaterThanOrEqualTo(dragged + 0.5);
  }

  // Property 9: reputation.

  // X amid four neighbours (threat-driven bots).
  static World neighbourhood(long seed) {
    WorldBuilder b = new WorldBuilder().vary(seed).turns(LAST_ATTACK + 11);
    b.state("X").size(200).offense(0.6).reach(1500).at(0, 0).feared(0.3);
    b.state("N1").size(100).at(600, 0);
    b.state("N2").size(100).at(0, 600);
    b.state("N3").size(100).at(-600, 0);
    b.state("N4").size(100).at(0, -600);
    return b.build();
  }

  static final List<String> NEIGHBOURS = List.of("N1", "N2", "N3", "N4");

  /** The turn of X's last attack. */
  static final int LAST_ATTACK = 8;

  // X attacks a neighbour on the given turns (the next active one each time) and never arms or
  // hides; it balances its first active neighbour with no effort.
  static Policy attacker(List<Integer> attackTurns) {
    return new Policy(
        "X",
        v -> {
          List<String> alive = NEIGHBOURS.stream().filter(n -> v.nation(n).active()).toList();
          if (alive.isEmpty()) {
            return Orders.hide();
          }
          Stance s = new Stance.Balance(alive.get(0), 0, List.of());
          int k = attackTurns.indexOf(v.turn());
          return k < 0
              ? Orders.of(s)
              : Orders.of(s, new Action.Attack(alive.get(k % alive.size())));
        });
  }

  // Per seed: the neighbours' mean perceived intent of X ten turns after its last attack.
  static double[] reputationOf(List<Integer> attackTurns) {
    double[] out = new double[GAMES];
    for (long seed = 1; seed <= GAMES; seed++) {
      World w = neighbourhood(seed);
      Map<String, Bot> bots = seats("X", attacker(attackTurns));
      NEIGHBOURS.forEach(n -> bots.put(n, THREAT));
      Games.Played played = play("P9", w, seed, bots);
      GameState later = played.states().get(LAST_ATTACK + 10); // the start of turn LAST_ATTACK + 11
      assertThat(later.turn()).isEqualTo(LAST_ATTACK + 11);
      int x = w.index("X");
      double sum = 0;
      int count = 0;
      for (String n : NEIGHBOURS) {
        if (later.nation(n).active()) {
          sum += later.intent().get(w.index(n), x);
          count++;
        }
      }
      out[(int) seed - 1] = count == 0 ? Double.NaN : sum / count;
    }
    return out;
  }

  @Test
  void reputationRemembersRepeatedAggression() {
    double[] four = reputationOf(List.of(2, 4, 6, LAST_ATTACK));
    double[] once = reputationOf(List.of(LAST_ATTACK));
    double f = 0, o = 0;
    int n = 0, higher = 0;
    for (int k = 0; k < GAMES; k++) {
      if (!Double.isNaN(four[k]) && !Double.isNaN(once[k])) {
        f += four[k];
        o += once[k];
        higher += four[k] > once[k] ? 1 : 0;
        n++;
      }
    }
    f /= n;
    o /= n;
    System.out.printf(
        Locale.ROOT,
        "P9 neighbours' intent of X ten turns after its last attack: four attacks %.3f, one attack"
            + " %.3f (higher in %d of %d seeds)%n",
        f,
        o,
        higher,
        n);
    assertThat(n).isGreaterThanOrEqualTo(GAMES * 9 / 10);
    assertThat(f).isGreaterThanOrEqualTo(o + 0.05);
    assertThat(higher).isGreaterThanOrEqualTo(n * 8 / 10);
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
