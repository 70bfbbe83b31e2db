package org.entente.server.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.entente.client.bots.PowerBalancer;
import org.entente.client.bots.RandomBot;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Games;
import org.entente.server.engine.World;
import org.entente.server.sim.Simulation;

/**
 * The history check of RULES.md section 10: plays each historical scenario over many seeds with
 * three line-ups (the scenario's own bots, every seat {@code power-balancer}, every seat {@code
 * random}) and counts, year by year, how the game's alliance pairs agree with the data's. Games run
 * on a small pool of threads; results are kept by scenario, line-up, seed and year, so they do not
 * depend on the number of threads or the order games finish in.
 */
final class HistoryCheck {
  /** The line-ups, in report order; the first is the one the check is about. */
  static final List<String> LINEUPS = List.of("default", PowerBalancer.NAME, RandomBot.NAME);

  private HistoryCheck() {}

  /** Every seat's strategy in a line-up. */
  static Map<String, String> strategies(World world, String lineup) {
    if (lineup.equals("default")) {
      return Simulation.strategies(world, Map.of());
    }
    Map<String, String> out = new LinkedHashMap<>();
    world.start().forEach(n -> out.put(n.id(), lineup));
    return out;
  }

  /** One year of a scenario: the pairs compared, the data's, and what the filter removed. */
  record Year(
      int year,
      int turn,
      int pairs,
      Set<Dyad> dataPairs,
      List<String> missing,
      List<AllianceData.Removal> removed) {}

  /**
   * One scenario's counts: {@code counts.get(lineup)[seed][year]} for each year, and the years
   * pooled in {@code overall.get(lineup)[seed]}.
   */
  record Result(
      HistoricalScenario scenario,
      List<Long> seeds,
      List<Year> years,
      Map<String, Confusion[][]> counts,
      Map<String, Confusion[]> overall) {}

  /** Runs the check on every scenario with every seed, on {@code threads} threads. */
  static List<Result> run(List<HistoricalScenario> scenarios, List<Long> seeds, int threads)
      throws InterruptedException {
    List<List<Year>> years = new ArrayList<>();
    for (HistoricalScenario s : scenarios) {
      years.add(years(s));
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "history-worker");
              t.setDaemon(true);
              return t;
            });
    try {
      List<List<Future<Confusion[]>>> futures = new ArrayList<>();
      for (int i = 0; i < scenarios.size(); i++) {
        HistoricalScenario s = scenarios.get(i);
        List<Year> ys = years.get(i);
        List<Future<Confusion[]>> games = new ArrayList<>();
        for (String lineup : LINEUPS) {
          Map<String, String> strategies = strategies(s.world(), lineup);
          for (long seed : seeds) {
            games.add(pool.submit(() -> game(s, ys, strategies, seed)));
          }
        }
        futures.add(games);
      }
      List<Result> out = new ArrayList<>();
      for (int i = 0; i < scenarios.size(); i++) {
        Map<String, Confusion[][]> counts = new LinkedHashMap<>();
        Map<String, Confusion[]> overall = new LinkedHashMap<>();
        int k = 0;
        for (String lineup : LINEUPS) {
          Confusion[][] perSeed = new Confusion[seeds.size()][];
          Confusion[] pooled = new Confusion[seeds.size()];
          for (int g = 0; g < seeds.size(); g++) {
            perSeed[g] = get(futures.get(i).get(k++));
            pooled[g] = Arrays.stream(perSeed[g]).reduce(Confusion.EMPTY, Confusion::plus);
          }
          counts.put(lineup, perSeed);
          overall.put(lineup, pooled);
        }
        out.add(new Result(scenarios.get(i), List.copyOf(seeds), years.get(i), counts, overall));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Confusion[] get(Future<Confusion[]> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
    }
  }

  /** The years a scenario is compared in, with the data of each. */
  static List<Year> years(HistoricalScenario s) {
    List<Year> out = new ArrayList<>();
    for (var e : s.lastTurnOfYear().entrySet()) {
      int year = e.getKey();
      Set<Integer> codes = universe(s, year);
      Set<Dyad> data = new TreeSet<>();
      for (Dyad d : s.data().pairs(year)) {
        if (codes.contains(d.low()) && codes.contains(d.high())) {
          data.add(d);
        }
      }
      Set<Integer> scenarioCodes = new TreeSet<>(s.ccodes().values());
      List<AllianceData.Removal> removed =
          s.data().removals(year).stream()
              .filter(
                  r ->
                      scenarioCodes.contains(r.dyad().low())
                          && scenarioCodes.contains(r.dyad().high()))
              .toList();
      int n = codes.size();
      out.add(new Year(year, e.getValue(), n * (n - 1) / 2, data, s.missing(year), removed));
    }
    return out;
  }

  /** The codes of the scenario's states that are in the data in {@code year}. */
  private static Set<Integer> universe(HistoricalScenario s, int year) {
    Set<Integer> out = new TreeSet<>();
    for (Integer c : s.ccodes().values()) {
      if (s.data().present(year).contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Plays one game and counts each year's agreement. */
  static Confusion[] game(
      HistoricalScenario s, List<Year> years, Map<String, String> strategies, long seed) {
    World world = s.world();
    Games.Played played = Simulation.run(world, seed, strategies, world.turns());
    Confusion[] out = new Confusion[years.size()];
    for (int y = 0; y < years.size(); y++) {
      Year year = years.get(y);
      // the position after the year's last turn; a game that ended earlier keeps its last position
      GameState after = played.states().get(Math.min(year.turn(), played.states().size() - 1));
      Set<Integer> codes = universe(s, year.year());
      Set<Dyad> game = new TreeSet<>();
      for (Dyad d : Blocs.pairs(after, s.ccodes())) {
        if (codes.contains(d.low()) && codes.contains(d.high())) {
          game.add(d);
        }
      }
      out[y] = compare(game, year.dataPairs(), year.pairs());
    }
    return out;
  }

  /** The agreement of two sets of pairs drawn from {@code pairs} pairs in all. */
  static Confusion compare(Set<Dyad> game, Set<Dyad> data, int pairs) {
    int both = 0;
    for (Dyad d : game) {
      both += data.contains(d) ? 1 : 0;
    }
    int gameOnly = game.size() - both;
    int dataOnly = data.size() - both;
    return new Confusion(both, gameOnly, dataOnly, pairs - both - gameOnly - dataOnly);
  }
}
