package org.entente.server.tournament;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Writes {@link Standings} as a text table, CSV and JSON. Numbers have a fixed number of decimals
 * and nothing depends on the clock or the thread count, so the same tournament writes the same
 * bytes.
 */
public final class StandingsWriter {
  /** The files written by {@link #writeAll}. */
  public static final List<String> FILES =
      List.of(
          "standings.txt",
          "standings.csv",
          "pairwise.csv",
          "standings.json",
          "games.csv",
          "head_to_head.csv",
          "report.html");

  private StandingsWriter() {}

  /** Writes every format into {@code dir} (created if missing), for a tournament not journaled. */
  public static void writeAll(Standings st, Path dir) throws IOException {
    writeAll(st, dir, null);
  }

  /**
   * Writes every format into {@code dir} (created if missing); {@code journals} names each game's
   * journal (by game index) when the tournament was journaled, else null.
   */
  public static void writeAll(Standings st, Path dir, IntFunction<String> journals)
      throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("standings.txt"), text(st), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("standings.csv"), rowsCsv(st), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("pairwise.csv"), pairsCsv(st), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("standings.json"), json(st), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("games.csv"), gamesCsv(st, journals), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("head_to_head.csv"), headToHeadCsv(st), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("report.html"), TournamentReport.html(st, journals), StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ text

  /** The readable table: overall, then each scenario with its seats. */
  public static String text(Standings st) {
    Schedule sc = st.schedule();
    int width =
        Math.max(7, sc.entrants().stream().mapToInt(e -> e.name().length()).max().orElse(7));
    StringBuilder b = new StringBuilder();
    b.append("Tournament: ")
        .append(sc.entrants().size())
        .append(" entrants, ")
        .append(sc.arenas().size())
        .append(sc.arenas().size() == 1 ? " scenario (" : " scenarios (")
        .append(sc.arenas().stream().map(Arena::id).collect(Collectors.joining(", ")))
        .append("), ")
        .append(sc.gamesPerScenario())
        .append(" games per scenario, ")
        .append(sc.games())
        .append(" games, seed ")
        .append(sc.seed())
        .append('\n');
    b.append("Entrants: ")
        .append(
            sc.entrants().stream()
                .map(e -> e.remote() ? e.name() + " (remote)" : e.name())
                .collect(Collectors.joining(", ")))
        .append('\n');
    int each = sc.gamesPerScenario() / sc.entrants().size();
    b.append("Every entrant held every seat of every scenario ")
        .append(each == 1 ? "once" : each + " times")
        .append(".\n\n");
    section(b, "Overall", st.rows(Standings.Scope.OVERALL, ""), true, width);
    pairs(b, st.pairs(""), st.rows(Standings.Scope.OVERALL, ""), width);
    headToHead(b, st, width);
    for (Arena a : sc.arenas()) {
      section(b, "Scenario " + a.id(), st.rows(Standings.Scope.SCENARIO, a.id()), true, width);
      pairs(b, st.pairs(a.id()), st.rows(Standings.Scope.SCENARIO, a.id()), width);
      for (String seat : a.seats()) {
        List<Standings.Row> rows =
            st.rows().stream()
                .filter(
                    r ->
                        r.scope() == Standings.Scope.SEAT
                            && r.scenario().equals(a.id())
                            && r.seat().equals(seat))
                .toList();
        section(b, "Scenario " + a.id() + ", seat " + seat, rows, false, width);
      }
    }
    b.append(
        "Definitions: mean = mean final score (0-100) over games, one observation per game and\n"
            + "entrant (the mean of its seats in that game); 95% CI = mean +/- t(0.975, n-1) s/sqrt(n);\n"
            + "survival = share of seats that ended independent; win = mean share of the win (the\n"
            + "top score of a game wins; seats tied at the top share it); rating = Plackett-Luce\n"
            + "log-strength from the seats' order by score (Newton fit, Gamma(2,1) prior), centred on 0,\n"
            + "with a 95% interval from the Laplace approximation (rating +/- 1.96 standard errors).\n"
            + "Head to head: the row entrant's mean score over the games the column entrant also played.\n"
            + "Pairs: Welch t-test on the per-game observations, Holm-adjusted within each table;\n"
            + "'>' marks a significant difference (adjusted p < 0.05), '~' one that is not.\n");
    return b.toString();
  }

  private static void section(
      StringBuilder b, String title, List<Standings.Row> rows, boolean rated, int width) {
    b.append(title).append('\n');
    b.append(
        String.format(
            Locale.ROOT,
            "  %2s  %-" + width + "s %6s %8s  %-18s %8s %7s%s%n",
            "#",
            "entrant",
            "games",
            "mean",
            "95% CI",
            "survival",
            "win",
            rated ? "   rating  95% interval" : ""));
    int rank = 1;
    for (Standings.Row r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %2d  %-" + width + "s %6d %8s  %-18s %8s %7s%s%n",
              rank++,
              r.entrant(),
              r.games(),
              num(r.mean(), 3),
              "[" + num(r.ciLow(), 3) + ", " + num(r.ciHigh(), 3) + "]",
              num(r.survival(), 3),
              num(r.winRate(), 3),
              rated
                  ? String.format(
                      Locale.ROOT,
                      " %8s  [%s, %s]",
                      signed(r.rating(), 3),
                      signed(r.ratingLow(), 3),
                      signed(r.ratingHigh(), 3))
                  : ""));
    }
    b.append('\n');
  }

  // Every pair, the better-placed entrant first, in the order of the table above.
  private static void pairs(
      StringBuilder b, List<Standings.Pair> pairs, List<Standings.Row> table, int width) {
    if (pairs.isEmpty()) {
      return;
    }
    List<String> rank = table.stream().map(Standings.Row::entrant).toList();
    List<Standings.Pair> ordered = new java.util.ArrayList<>(pairs);
    ordered.sort(
        java.util.Comparator.comparingInt(
                (Standings.Pair p) -> Math.min(rank.indexOf(p.a()), rank.indexOf(p.b())))
            .thenComparingInt(p -> Math.max(rank.indexOf(p.a()), rank.indexOf(p.b()))));
    b.append("  pairwise (Welch, Holm-adjusted p; '>' significant at 0.05, '~' not)\n");
    for (Standings.Pair p : ordered) {
      boolean aFirst = rank.indexOf(p.a()) < rank.indexOf(p.b());
      String first = aFirst ? p.a() : p.b();
      String second = aFirst ? p.b() : p.a();
      b.append(
          String.format(
              Locale.ROOT,
              "    %-" + width + "s %s %-" + width + "s %9s  p=%s  p_holm=%s%n",
              first,
              p.significant() ? ">" : "~",
              second,
              signed(aFirst ? p.diff() : -p.diff(), 3),
              num(p.p(), 4),
              num(p.pHolm(), 4)));
    }
    b.append('\n');
  }

  // ------------------------------------------------------------------ CSV

  /** Every row of every scope, one line each. */
  public static String rowsCsv(Standings st) {
    StringBuilder b =
        new StringBuilder(
            "scope,scenario,seat,entrant,games,seat_plays,mean,ci_low,ci_high,survival,win_rate,"
                + "rating,rating_low,rating_high\n");
    for (Standings.Row r : st.rows()) {
      b.append(r.scope().name().toLowerCase(Locale.ROOT))
          .append(',')
          .append(csv(r.scenario()))
          .append(',')
          .append(csv(r.seat()))
          .append(',')
          .append(csv(r.entrant()))
          .append(',')
          .append(r.games())
          .append(',')
          .append(r.seatPlays())
          .append(',')
          .append(num(r.mean(), 6))
          .append(',')
          .append(num(r.ciLow(), 6))
          .append(',')
          .append(num(r.ciHigh(), 6))
          .append(',')
          .append(num(r.survival(), 6))
          .append(',')
          .append(num(r.winRate(), 6))
          .append(',')
          .append(Double.isNaN(r.rating()) ? "" : num(r.rating(), 6))
          .append(',')
          .append(Double.isNaN(r.ratingLow()) ? "" : num(r.ratingLow(), 6))
          .append(',')
          .append(Double.isNaN(r.ratingHigh()) ? "" : num(r.ratingHigh(), 6))
          .append('\n');
    }
    return b.toString();
  }

  /** Every pairwise comparison, one line each. */
  public static String pairsCsv(Standings st) {
    StringBuilder b = new StringBuilder("scenario,a,b,diff,t,df,p,p_holm,significant\n");
    for (Standings.Pair p : st.pairs()) {
      b.append(csv(p.scenario()))
          .append(',')
          .append(csv(p.a()))
          .append(',')
          .append(csv(p.b()))
          .append(',')
          .append(num(p.diff(), 6))
          .append(',')
          .append(Double.isNaN(p.t()) ? "" : num(p.t(), 6))
          .append(',')
          .append(Double.isNaN(p.df()) ? "" : num(p.df(), 3))
          .append(',')
          .append(num(p.p(), 6))
          .append(',')
          .append(num(p.pHolm(), 6))
          .append(',')
          .append(p.significant())
          .append('\n');
    }
    return b.toString();
  }

  /**
   * One line per seat of every game, in game then seat order: the game's index, scenario and seed,
   * the seat's state and entrant, its total and every score component, whether it survived, and the
   * name its journal has when the tournament is journaled ({@code --journal}).
   */
  public static String gamesCsv(Standings st, IntFunction<String> journals) {
    Schedule sc = st.schedule();
    StringBuilder b = new StringBuilder("game,scenario,seed,seat,entrant,score");
    for (String c : GameResult.COMPONENTS) {
      b.append(',').append(c);
    }
    b.append(",survived,journal\n");
    for (GameResult r : st.results()) {
      Arena arena = sc.arenas().get(r.arena());
      for (int s = 0; s < r.seats(); s++) {
        b.append(r.game())
            .append(',')
            .append(csv(arena.id()))
            .append(',')
            .append(sc.seed(r.game()))
            .append(',')
            .append(csv(arena.seats().get(s)))
            .append(',')
            .append(csv(sc.entrants().get(r.entrants()[s]).name()))
            .append(',')
            .append(num(r.scores()[s], 6));
        for (double c : r.components()[s]) {
          b.append(',').append(Double.isNaN(c) ? "" : num(c, 6));
        }
        b.append(',').append(r.survived()[s]).append(',');
        if (journals != null) {
          b.append(csv(journals.apply(r.game())));
        }
        b.append('\n');
      }
    }
    return b.toString();
  }

  /** Each ordered pair of entrants: the first's mean score in the games the second also played. */
  public static String headToHeadCsv(Standings st) {
    StringBuilder b = new StringBuilder("entrant,opponent,games,mean\n");
    for (Standings.HeadToHead h : st.headToHead()) {
      b.append(csv(h.a()))
          .append(',')
          .append(csv(h.b()))
          .append(',')
          .append(h.games())
          .append(',')
          .append(h.games() == 0 ? "" : num(h.mean(), 6))
          .append('\n');
    }
    return b.toString();
  }

  // The head-to-head table: rows and columns in the overall order.
  private static void headToHead(StringBuilder b, Standings st, int width) {
    List<String> order =
        st.rows(Standings.Scope.OVERALL, "").stream().map(Standings.Row::entrant).toList();
    if (order.size() < 2) {
      return;
    }
    java.util.Map<String, Standings.HeadToHead> cell = new java.util.HashMap<>();
    st.headToHead().forEach(h -> cell.put(h.a() + "\n" + h.b(), h));
    int w = Math.max(6, width);
    b.append("  head to head (row's mean score in the games the column also played)\n");
    b.append(String.format(Locale.ROOT, "    %-" + width + "s", ""));
    for (String c : order) {
      b.append(String.format(Locale.ROOT, " %" + w + "s", c));
    }
    b.append('\n');
    for (String r : order) {
      b.append(String.format(Locale.ROOT, "    %-" + width + "s", r));
      for (String c : order) {
        Standings.HeadToHead h = cell.get(r + "\n" + c);
        String v = h == null ? "-" : h.games() == 0 ? "" : num(h.mean(), 1);
        b.append(String.format(Locale.ROOT, " %" + w + "s", v));
      }
      b.append('\n');
    }
    b.append('\n');
  }

  // ------------------------------------------------------------------ JSON

  /** The whole standings as one JSON document. */
  public static String json(Standings st) {
    Schedule sc = st.schedule();
    StringBuilder b = new StringBuilder("{\n");
    b.append("  \"seed\": ").append(sc.seed()).append(",\n");
    b.append("  \"games_per_scenario\": ").append(sc.gamesPerScenario()).append(",\n");
    b.append("  \"games\": ").append(sc.games()).append(",\n");
    b.append("  \"scenarios\": [")
        .append(sc.arenas().stream().map(a -> str(a.id())).collect(Collectors.joining(", ")))
        .append("],\n");
    b.append("  \"entrants\": [\n");
    for (int i = 0; i < sc.entrants().size(); i++) {
      Entrant e = sc.entrants().get(i);
      b.append("    {\"name\": ")
          .append(str(e.name()))
          .append(", \"strategy\": ")
          .append(str(e.strategy()))
          .append(", \"remote\": ")
          .append(e.remote())
          .append(i + 1 < sc.entrants().size() ? "},\n" : "}\n");
    }
    b.append("  ],\n  \"rows\": [\n");
    List<Standings.Row> rows = st.rows();
    for (int i = 0; i < rows.size(); i++) {
      Standings.Row r = rows.get(i);
      b.append("    {\"scope\": ")
          .append(str(r.scope().name().toLowerCase(Locale.ROOT)))
          .append(", \"scenario\": ")
          .append(str(r.scenario()))
          .append(", \"seat\": ")
          .append(str(r.seat()))
          .append(", \"entrant\": ")
          .append(str(r.entrant()))
          .append(", \"games\": ")
          .append(r.games())
          .append(", \"seat_plays\": ")
          .append(r.seatPlays())
          .append(", \"mean\": ")
          .append(jnum(r.mean()))
          .append(", \"ci95\": [")
          .append(jnum(r.ciLow()))
          .append(", ")
          .append(jnum(r.ciHigh()))
          .append("], \"survival\": ")
          .append(jnum(r.survival()))
          .append(", \"win_rate\": ")
          .append(jnum(r.winRate()))
          .append(", \"rating\": ")
          .append(jnum(r.rating()))
          .append(", \"rating95\": [")
          .append(jnum(r.ratingLow()))
          .append(", ")
          .append(jnum(r.ratingHigh()))
          .append("]")
          .append(i + 1 < rows.size() ? "},\n" : "}\n");
    }
    b.append("  ],\n  \"pairs\": [\n");
    List<Standings.Pair> pairs = st.pairs();
    for (int i = 0; i < pairs.size(); i++) {
      Standings.Pair p = pairs.get(i);
      b.append("    {\"scenario\": ")
          .append(str(p.scenario()))
          .append(", \"a\": ")
          .append(str(p.a()))
          .append(", \"b\": ")
          .append(str(p.b()))
          .append(", \"diff\": ")
          .append(jnum(p.diff()))
          .append(", \"t\": ")
          .append(jnum(p.t()))
          .append(", \"df\": ")
          .append(jnum(p.df()))
          .append(", \"p\": ")
          .append(jnum(p.p()))
          .append(", \"p_holm\": ")
          .append(jnum(p.pHolm()))
          .append(", \"significant\": ")
          .append(p.significant())
          .append(i + 1 < pairs.size() ? "},\n" : "}\n");
    }
    b.append("  ]\n}\n");
    return b.toString();
  }

  // ------------------------------------------------------------------ formatting

  static String num(double x, int decimals) {
    if (Double.isNaN(x)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", x);
  }

  private static String signed(double x, int decimals) {
    if (Double.isNaN(x)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%+." + decimals + "f", x);
  }

  private static String jnum(double x) {
    return Double.isNaN(x) || Double.isInfinite(x) ? "null" : num(x, 6);
  }

  private static String csv(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  private static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
