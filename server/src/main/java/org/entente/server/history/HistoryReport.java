package org.entente.server.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The figures of a history check as a terminal table, JSON and CSV. Every figure is rounded to
 * three decimals once, here, so the three forms print the same numbers; nothing depends on the
 * clock or on the order games finished in, so the same command writes the same bytes.
 */
final class HistoryReport {
  static final String DATA =
      "ATOP 5.1 (defence or offence obligation) and COW 4.1 (defence pact or entente)";

  private final List<HistoryCheck.Result> results;

  HistoryReport(List<HistoryCheck.Result> results) {
    this.results = List.copyOf(results);
  }

  /** Mean and median over seeds, rounded. */
  record Stat(BigDecimal mean, BigDecimal median) {
    static Stat of(double[] values) {
      double[] v = values.clone();
      Arrays.sort(v);
      double sum = 0;
      for (double x : v) {
        sum += x;
      }
      int n = v.length;
      double median = n == 0 ? 0 : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
      return new Stat(round(n == 0 ? 0 : sum / n), round(median));
    }
  }

  /** One line-up's figures over one year (or all years). */
  record Figures(Stat gamePairs, Stat precision, Stat recall, Stat kappa) {
    static Figures of(Confusion[] perSeed) {
      return new Figures(
          stat(perSeed, Confusion::gamePairs),
          stat(perSeed, Confusion::precision),
          stat(perSeed, Confusion::recall),
          stat(perSeed, Confusion::kappa));
    }

    private static Stat stat(Confusion[] perSeed, ToDoubleFunction<Confusion> f) {
      return Stat.of(Arrays.stream(perSeed).mapToDouble(f).toArray());
    }
  }

  /** One row of the table: a year (null for all years pooled) and each line-up's figures. */
  record Row(Integer year, int pairs, int dataPairs, Map<String, Figures> lineups) {}

  /** The rows of one scenario: its years, then all years pooled. */
  static List<Row> rows(HistoryCheck.Result r) {
    List<Row> out = new ArrayList<>();
    int totalPairs = 0;
    int totalData = 0;
    for (int y = 0; y < r.years().size(); y++) {
      HistoryCheck.Year year = r.years().get(y);
      Map<String, Figures> figures = new LinkedHashMap<>();
      for (String lineup : HistoryCheck.LINEUPS) {
        Confusion[][] counts = r.counts().get(lineup);
        Confusion[] perSeed = new Confusion[counts.length];
        for (int g = 0; g < counts.length; g++) {
          perSeed[g] = counts[g][y];
        }
        figures.put(lineup, Figures.of(perSeed));
      }
      out.add(new Row(year.year(), year.pairs(), year.dataPairs().size(), figures));
      totalPairs += year.pairs();
      totalData += year.dataPairs().size();
    }
    Map<String, Figures> pooled = new LinkedHashMap<>();
    for (String lineup : HistoryCheck.LINEUPS) {
      pooled.put(lineup, Figures.of(r.overall().get(lineup)));
    }
    out.add(new Row(null, totalPairs, totalData, pooled));
    return out;
  }

  /** True when the default bots' mean kappa over all years beats both baselines'. */
  static boolean beatsBaselines(Row overall) {
    BigDecimal own = overall.lineups().get(HistoryCheck.LINEUPS.get(0)).kappa().mean();
    for (String lineup : HistoryCheck.LINEUPS.subList(1, HistoryCheck.LINEUPS.size())) {
      if (own.compareTo(overall.lineups().get(lineup).kappa().mean()) <= 0) {
        return false;
      }
    }
    return true;
  }

  /** What the artefact filter removed among the scenario's states: artefact -> pair -> years. */
  static Map<String, Map<String, List<Integer>>> removed(HistoryCheck.Result r) {
    Map<Integer, String> ids = new HashMap<>();
    r.scenario().ccodes().forEach((id, c) -> ids.putIfAbsent(c, id));
    Map<String, Map<String, List<Integer>>> out = new LinkedHashMap<>();
    for (Artefacts.Artefact a : Artefacts.ALL) {
      Map<String, List<Integer>> pairs = new TreeMap<>();
      for (HistoryCheck.Year y : r.years()) {
        for (AllianceData.Removal rm : y.removed()) {
          if (rm.artefact().equals(a.name())) {
            String pair = ids.get(rm.dyad().low()) + "-" + ids.get(rm.dyad().high());
            pairs.computeIfAbsent(pair, k -> new ArrayList<>()).add(y.year());
          }
        }
      }
      if (!pairs.isEmpty()) {
        out.put(a.name(), pairs);
      }
    }
    return out;
  }

  /** The terminal table. */
  void text(PrintWriter out) {
    List<Long> seeds = results.isEmpty() ? List.of() : results.get(0).seeds();
    out.println(
        "History check: "
            + seeds.size()
            + " seeds ("
            + seedRange(seeds)
            + "); the game's alliance and bloc pairs against "
            + DATA);
    out.println(
        "P precision, R recall, k Cohen's kappa: mean over seeds, k~ the median; 'all' pools the"
            + " years");
    for (HistoryCheck.Result r : results) {
      out.println();
      List<Row> rows = rows(r);
      List<HistoryCheck.Year> years = r.years();
      out.printf(
          Locale.ROOT,
          "%s: data window %s, years %s%n",
          r.scenario().id(),
          r.scenario().data().window(),
          years.isEmpty() ? "none" : years(years.stream().map(HistoryCheck.Year::year).toList()));
      for (String line : missingLines(r)) {
        out.println("  not in the data: " + line);
      }
      var removed = removed(r);
      if (removed.isEmpty()) {
        out.println("  removed as multilateral artefacts: none among these states");
      }
      removed.forEach(
          (artefact, pairs) ->
              out.println("  removed as " + artefact + " artefacts: " + pairsText(pairs)));
      out.println("  default bots: " + defaultBots(r));
      StringBuilder head =
          new StringBuilder(String.format(Locale.ROOT, "  %-5s %6s %5s", "year", "pairs", "data"));
      for (String lineup : HistoryCheck.LINEUPS) {
        head.append(String.format(Locale.ROOT, " | %-27s", lineup));
      }
      out.println(head);
      StringBuilder sub =
          new StringBuilder(String.format(Locale.ROOT, "  %-5s %6s %5s", "", "", ""));
      for (int i = 0; i < HistoryCheck.LINEUPS.size(); i++) {
        sub.append(String.format(Locale.ROOT, " | %6s %6s %6s %6s", "P", "R", "k", "k~"));
      }
      out.println(sub);
      for (Row row : rows) {
        StringBuilder line =
            new StringBuilder(
                String.format(
                    Locale.ROOT,
                    "  %-5s %6d %5d",
                    row.year() == null ? "all" : row.year().toString(),
                    row.pairs(),
                    row.dataPairs()));
        for (Figures f : row.lineups().values()) {
          line.append(
              String.format(
                  Locale.ROOT,
                  " | %6s %6s %6s %6s",
                  f.precision().mean().toPlainString(),
                  f.recall().mean().toPlainString(),
                  f.kappa().mean().toPlainString(),
                  f.kappa().median().toPlainString()));
        }
        out.println(line);
      }
      Row all = rows.get(rows.size() - 1);
      out.printf(
          Locale.ROOT,
          "  default bots beat both baselines by mean kappa: %s%n",
          beatsBaselines(all) ? "yes" : "no");
    }
    out.flush();
  }

  /** The figures as JSON. */
  void json(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("check", "history (RULES.md section 10)");
    root.put("data", DATA);
    ArrayNode seedArray = root.putArray("seeds");
    (results.isEmpty() ? List.<Long>of() : results.get(0).seeds()).forEach(seedArray::add);
    ArrayNode lineupArray = root.putArray("lineups");
    HistoryCheck.LINEUPS.forEach(lineupArray::add);
    ArrayNode scenarios = root.putArray("scenarios");
    for (HistoryCheck.Result r : results) {
      ObjectNode s = scenarios.addObject();
      s.put("id", r.scenario().id());
      s.put("window", r.scenario().data().window());
      ObjectNode codes = s.putObject("ccodes");
      r.scenario().ccodes().forEach(codes::put);
      ObjectNode bots = s.putObject("defaultBots");
      HistoryCheck.strategies(r.scenario().world(), "default").forEach(bots::put);
      ObjectNode missing = s.putObject("notInData");
      for (HistoryCheck.Year y : r.years()) {
        ArrayNode a = missing.putArray(String.valueOf(y.year()));
        y.missing().forEach(a::add);
      }
      ObjectNode removed = s.putObject("removed");
      removed(r)
          .forEach(
              (artefact, pairs) -> {
                ObjectNode o = removed.putObject(artefact);
                pairs.forEach(
                    (pair, years) -> {
                      ArrayNode a = o.putArray(pair);
                      years.forEach(a::add);
                    });
              });
      ArrayNode rows = s.putArray("rows");
      List<Row> all = rows(r);
      for (Row row : all) {
        ObjectNode o = rows.addObject();
        if (row.year() == null) {
          o.put("year", "all");
        } else {
          o.put("year", row.year());
        }
        o.put("pairs", row.pairs());
        o.put("dataPairs", row.dataPairs());
        ObjectNode ls = o.putObject("lineups");
        row.lineups()
            .forEach(
                (lineup, f) -> {
                  ObjectNode l = ls.putObject(lineup);
                  stat(l.putObject("gamePairs"), f.gamePairs());
                  stat(l.putObject("precision"), f.precision());
                  stat(l.putObject("recall"), f.recall());
                  stat(l.putObject("kappa"), f.kappa());
                });
      }
      s.put("defaultBeatsBaselines", beatsBaselines(all.get(all.size() - 1)));
    }
    Files.writeString(
        file, mapper.writeValueAsString(root).replace("\r\n", "\n") + "\n", StandardCharsets.UTF_8);
  }

  private static void stat(ObjectNode o, Stat s) {
    o.put("mean", s.mean());
    o.put("median", s.median());
  }

  /** The figures as CSV, one row per scenario, year (or 'all') and line-up. */
  void csv(Path file) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append(
        "scenario,year,lineup,seeds,pairs,data_pairs,game_pairs_mean,game_pairs_median,"
            + "precision_mean,precision_median,recall_mean,recall_median,kappa_mean,kappa_median,"
            + "beats_baselines\n");
    for (HistoryCheck.Result r : results) {
      List<Row> rows = rows(r);
      boolean beats = beatsBaselines(rows.get(rows.size() - 1));
      for (Row row : rows) {
        for (var e : row.lineups().entrySet()) {
          Figures f = e.getValue();
          b.append(
              String.join(
                  ",",
                  r.scenario().id(),
                  row.year() == null ? "all" : row.year().toString(),
                  e.getKey(),
                  String.valueOf(r.seeds().size()),
                  String.valueOf(row.pairs()),
                  String.valueOf(row.dataPairs()),
                  f.gamePairs().mean().toPlainString(),
                  f.gamePairs().median().toPlainString(),
                  f.precision().mean().toPlainString(),
                  f.precision().median().toPlainString(),
                  f.recall().mean().toPlainString(),
                  f.recall().median().toPlainString(),
                  f.kappa().mean().toPlainString(),
                  f.kappa().median().toPlainString(),
                  row.year() == null && e.getKey().equals(HistoryCheck.LINEUPS.get(0))
                      ? String.valueOf(beats)
                      : ""));
          b.append('\n');
        }
      }
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }

  private static BigDecimal round(double x) {
    return BigDecimal.valueOf(x).setScale(3, RoundingMode.HALF_EVEN);
  }

  private static String seedRange(List<Long> seeds) {
    if (seeds.isEmpty()) {
      return "none";
    }
    return seeds.size() == 1
        ? "seed " + seeds.get(0)
        : seeds.get(0) + "-" + seeds.get(seeds.size() - 1);
  }

  private static String defaultBots(HistoryCheck.Result r) {
    Map<String, List<String>> byStrategy = new TreeMap<>();
    HistoryCheck.strategies(r.scenario().world(), "default")
        .forEach((seat, s) -> byStrategy.computeIfAbsent(s, k -> new ArrayList<>()).add(seat));
    return byStrategy.entrySet().stream()
        .map(e -> e.getKey() + " " + String.join(" ", e.getValue()))
        .collect(Collectors.joining("; "));
  }

  /** The states outside the data, grouped by the years they are missing in. */
  private static List<String> missingLines(HistoryCheck.Result r) {
    Map<String, List<Integer>> byStates = new LinkedHashMap<>();
    for (HistoryCheck.Year y : r.years()) {
      if (!y.missing().isEmpty()) {
        byStates
            .computeIfAbsent(String.join(" ", y.missing()), k -> new ArrayList<>())
            .add(y.year());
      }
    }
    List<String> out = new ArrayList<>();
    byStates.forEach((states, years) -> out.add(states + " (" + years(years) + ")"));
    return out;
  }

  private static String pairsText(Map<String, List<Integer>> pairs) {
    return pairs.entrySet().stream()
        .map(e -> e.getKey() + " " + years(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /** Years as runs: 1955-1957, 1960. */
  static String years(List<Integer> years) {
    List<String> runs = new ArrayList<>();
    int i = 0;
    while (i < years.size()) {
      int j = i;
      while (j + 1 < years.size() && years.get(j + 1) == years.get(j) + 1) {
        j++;
      }
      runs.add(i == j ? String.valueOf(years.get(i)) : years.get(i) + "-" + years.get(j));
      i = j + 1;
    }
    return String.join(" ", runs);
  }
}
