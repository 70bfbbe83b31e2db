package org.entente.server.theory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.entente.server.engine.Alliance;
import org.entente.server.engine.ClientLink;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Games;
import org.entente.server.engine.ThreatModel;
import org.entente.server.engine.World;
import org.entente.server.sim.Simulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RULES.md section 9, property 10: seeds matter, history holds. Twenty-one seeds of each historical
 * scenario, with its default bots and with every seat played by {@code threat-balancer}, give at
 * least ten distinct alignment histories (the alliances and client links at every turn), while what
 * the scenario is about agrees across a majority of seeds: most states meet the same principal
 * threat at the end, and most seeds end with most of the alliance pairs that a majority of seeds
 * end with.
 */
class SeedsAndHistoryTest {
  static final int SEEDS = 21;

  // Every historical scenario with both line-ups. Before europe-1914 and east-asia-2016 held their
  // whole state systems, two line-ups gave 6 and 4 histories: docs/rules.md, section 12.
  @ParameterizedTest(name = "{0}, {1}")
  @CsvSource({
    "europe-1914, default",
    "europe-1914, threat-balancer",
    "europe-1936, default",
    "europe-1936, threat-balancer",
    "middle-east-1955, default",
    "middle-east-1955, threat-balancer",
    "east-asia-2016, default",
    "east-asia-2016, threat-balancer"
  })
  void seedsMatterHistoryHolds(String scenario, String lineup) {
    Map<String, String> bots = new HashMap<>();
    Simulation.Setup setup = Simulation.prepare(scenario, Map.of(), null);
    World world = setup.world();
    if (!lineup.equals("default")) {
      world.start().forEach(n -> bots.put(n.id(), lineup));
    }
    Map<String, String> strategies = Simulation.strategies(world, bots);
    Set<String> histories = new HashSet<>();
    List<Set<String>> finalPairs = new ArrayList<>();
    List<Map<String, String>> finalLeaders = new ArrayList<>();
    for (long seed = 1; seed <= SEEDS; seed++) {
      Games.Played played = Simulation.run(world, seed, strategies, world.turns());
      StringBuilder history = new StringBuilder();
      for (GameState s : played.states()) {
        history.append(alignment(s)).append('|');
      }
      histories.add(history.toString());
      finalPairs.add(pairs(played.last()));
      finalLeaders.add(leaders(played.last()));
    }
    double leaderAgreement = leaderAgreement(world, finalLeaders);
    double pairAgreement = pairAgreement(finalPairs);
    System.out.printf(
        "P10 %s %s: %d distinct alignment histories of %d seeds; states whose final principal"
            + " threat is the same in a majority of seeds %.2f; seeds that keep most of the"
            + " majority's final alliance pairs %.2f%n",
        scenario, lineup, histories.size(), SEEDS, leaderAgreement, pairAgreement);
    assertThat(histories.size()).as("distinct alignment histories").isGreaterThanOrEqualTo(10);
    assertThat(leaderAgreement)
        .as("share of states whose final principal threat is the same in a majority of seeds")
        .isGreaterThan(0.5);
    assertThat(pairAgreement)
        .as("share of seeds ending with most of the majority's alliance pairs")
        .isGreaterThan(0.5);
  }

  // The alliances (members and target) and client links of one position, canonically.
  static String alignment(GameState s) {
    TreeSet<String> parts = new TreeSet<>();
    for (Alliance a : s.alliances()) {
      parts.add(String.join(",", new TreeSet<>(a.members())) + ">" + a.target());
    }
    for (ClientLink l : s.clients()) {
      parts.add(l.client() + "~" + l.patron());
    }
    return String.join(";", parts);
  }

  // Pairs of states that share an alliance.
  static Set<String> pairs(GameState s) {
    Set<String> out = new TreeSet<>();
    for (Alliance a : s.alliances()) {
      for (String x : a.members()) {
        for (String y : a.members()) {
          if (x.compareTo(y) < 0) {
            out.add(x + "-" + y);
          }
        }
      }
    }
    return out;
  }

  // Each active state's principal threat (its leading member) at the end.
  static Map<String, String> leaders(GameState s) {
    ThreatModel m = ThreatModel.of(s);
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < s.nations().size(); i++) {
      if (s.nations().get(i).active()) {
        int leader = m.leader(i);
        out.put(s.nations().get(i).id(), leader < 0 ? "-" : s.nations().get(leader).id());
      }
    }
    return out;
  }

  // The share of states whose most common final principal threat occurs in a majority of seeds.
  static double leaderAgreement(World world, List<Map<String, String>> leaders) {
    int agreeing = 0;
    for (var n : world.start()) {
      Map<String, Integer> counts = new HashMap<>();
      for (Map<String, String> l : leaders) {
        counts.merge(l.getOrDefault(n.id(), "conquered"), 1, Integer::sum);
      }
      int top = counts.values().stream().max(Integer::compare).orElse(0);
      agreeing += top * 2 > leaders.size() ? 1 : 0;
    }
    return (double) agreeing / world.size();
  }

  // The majority's pairs: those present at the end in more than half the seeds. Returns the share
  // of seeds whose final pairs include more than half of them (1 when the majority ends with none).
  static double pairAgreement(List<Set<String>> finals) {
    Map<String, Integer> counts = new HashMap<>();
    finals.forEach(f -> f.forEach(p -> counts.merge(p, 1, Integer::sum)));
    Set<String> majority = new HashSet<>();
    counts.forEach(
        (p, c) -> {
          if (c * 2 > finals.size()) {
            majority.add(p);
          }
        });
    if (majority.isEmpty()) {
      return 1;
    }
    int keeping = 0;
    for (Set<String> f : finals) {
      long kept = majority.stream().filter(f::contains).count();
      keeping += kept * 2 > majority.size() ? 1 : 0;
    }
    return (double) keeping / finals.size();
  }
}
