package org.entente.server.tournament;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * {@code report.html}: the standings of a tournament as one self-contained page (inline SVG, no
 * script, no file or network fetched), in English and Korean side by side: ratings with their 95%
 * intervals, the distribution of each entrant's seat scores, the head-to-head heat map, each
 * scenario's mean scores, and every game with its seed (and its journal when journaled). Like the
 * other standings files it depends only on the results, so it is byte-identical across thread
 * counts.
 */
public final class TournamentReport {
  private static final int WIDTH = 720;
  private static final String[] PALETTE = {
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf"
  };

  private TournamentReport() {}

  /** The page; {@code journals} names each game's journal file when journaled, else null. */
  public static String html(Standings st, IntFunction<String> journals) {
    Schedule sc = st.schedule();
    List<Standings.Row> overall = st.rows(Standings.Scope.OVERALL, "");
    List<String> order = overall.stream().map(Standings.Row::entrant).toList();
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Tournament report · 토너먼트 보고서</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:760px;")
        .append("padding:0 .75rem;color:#222}\n")
        .append("h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}")
        .append(".ko{color:#555;font-weight:normal}\n")
        .append("svg{max-width:100%;height:auto;display:block}\n")
        .append("table{border-collapse:collapse;font-size:.85rem}td,th{border:1px solid #ccc;")
        .append("padding:.15rem .4rem;text-align:right}th{background:#f3f3f3}")
        .append("td.l,th.l{text-align:left}\n")
        .append(".wrap{overflow-x:auto}\n</style>\n</head>\n<body>\n");
    b.append("<h1>Tournament report <span class=\"ko\">토너먼트 보고서</span></h1>\n<p>")
        .append(sc.entrants().size())
        .append(" entrants, ")
        .append(sc.arenas().size())
        .append(" scenarios, ")
        .append(sc.games())
        .append(" games, seed ")
        .append(sc.seed())
        .append(" · 참가자 ")
        .append(sc.entrants().size())
        .append(", 시나리오 ")
        .append(sc.arenas().size())
        .append(", 게임 ")
        .append(sc.games())
        .append(", 시드 ")
        .append(sc.seed())
        .append("</p>\n");

    heading(b, "ratings", "Ratings with 95% intervals", "95% 구간이 있는 레이팅");
    b.append(ratingChart(overall));
    heading(b, "scores", "Score distribution per entrant", "참가자별 점수 분포");
    b.append(scoreChart(st, order));
    heading(b, "head-to-head", "Head to head", "상대 전적");
    b.append("<p>Row's mean score in the games the column also played. · ")
        .append("열의 참가자도 참가한 게임에서 행 참가자의 평균 점수.</p>\n")
        .append(heatMap(st, order));
    heading(b, "scenarios", "Mean score per scenario", "시나리오별 평균 점수");
    for (Arena a : sc.arenas()) {
      b.append("<h3>").append(esc(a.id())).append("</h3>\n");
      b.append(scenarioChart(st.rows(Standings.Scope.SCENARIO, a.id()), order));
    }
    heading(b, "games", "Games", "게임");
    b.append(gamesTable(st, journals));
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static void heading(StringBuilder b, String id, String en, String ko) {
    b.append("<h2 id=\"")
        .append(id)
        .append("\">")
        .append(en)
        .append(" <span class=\"ko\">")
        .append(ko)
        .append("</span></h2>\n");
  }

  // One line per entrant: a dot at the rating and a whisker across its interval, on a shared axis.
  private static String ratingChart(List<Standings.Row> rows) {
    double lo = 0;
    double hi = 0;
    for (Standings.Row r : rows) {
      lo = Math.min(lo, finite(r.ratingLow(), r.rating()));
      hi = Math.max(hi, finite(r.ratingHigh(), r.rating()));
    }
    double pad = Math.max(0.1, (hi - lo) * 0.05);
    Axis x = new Axis(lo - pad, hi + pad, 170, WIDTH - 20);
    int rowH = 26;
    int h = 30 + rowH * rows.size() + 20;
    StringBuilder s =
        svgStart("ratings", h, "Plackett-Luce ratings (log-strength) with 95% intervals");
    s.append(line(x.at(0), 20, x.at(0), h - 20, "#999", "4 3"));
    ticks(s, x, h - 20);
    int y = 30;
    for (int i = 0; i < rows.size(); i++) {
      Standings.Row r = rows.get(i);
      s.append(text(10, y + 5, r.entrant(), "start"));
      if (!Double.isNaN(r.ratingLow())) {
        s.append(line(x.at(r.ratingLow()), y, x.at(r.ratingHigh()), y, color(i), null));
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%d\" r=\"5\" fill=\"%s\"><title>%s %s [%s, %s]</title>"
                  + "</circle>\n",
              x.at(r.rating()),
              y,
              color(i),
              esc(r.entrant()),
              signed(r.rating()),
              signed(r.ratingLow()),
              signed(r.ratingHigh())));
      y += rowH;
    }
    return s.append("</svg>\n").toString();
  }

  // A box plot of each entrant's seat scores (0-100): quartiles, median and the 5-95% whiskers.
  private static String scoreChart(Standings st, List<String> order) {
    Map<String, List<Double>> scores = new HashMap<>();
    for (GameResult r : st.results()) {
      for (int s = 0; s < r.seats(); s++) {
        String e = st.schedule().entrants().get(r.entrants()[s]).name();
        scores.computeIfAbsent(e, k -> new ArrayList<>()).add(r.scores()[s]);
      }
    }
    Axis x = new Axis(0, 100, 170, WIDTH - 20);
    int rowH = 26;
    int h = 30 + rowH * order.size() + 20;
    StringBuilder s = svgStart("scores", h, "Distribution of seat scores per entrant (0 to 100)");
    ticks(s, x, h - 20);
    int y = 30;
    for (int i = 0; i < order.size(); i++) {
      double[] v =
          scores.getOrDefault(order.get(i), List.of()).stream().mapToDouble(d -> d).toArray();
      s.append(text(10, y + 5, order.get(i), "start"));
      if (v.length > 0) {
        Arrays.sort(v);
        double p5 = quantile(v, 0.05);
        double q1 = quantile(v, 0.25);
        double med = quantile(v, 0.5);
        double q3 = quantile(v, 0.75);
        double p95 = quantile(v, 0.95);
        s.append(line(x.at(p5), y, x.at(p95), y, "#555", null));
        s.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\""
                    + " fill-opacity=\"0.5\" stroke=\"%s\"><title>%s: median %.1f, quartiles"
                    + " %.1f-%.1f, 5-95%% %.1f-%.1f, %d seats</title></rect>\n",
                x.at(q1),
                y - 7,
                Math.max(1, x.at(q3) - x.at(q1)),
                color(i),
                color(i),
                esc(order.get(i)),
                med,
                q1,
                q3,
                p5,
                p95,
                v.length));
        s.append(line(x.at(med), y - 7, x.at(med), y + 7, "#000", null));
      }
      y += rowH;
    }
    return s.append("</svg>\n").toString();
  }

  // Cells coloured from red (below the row's overall mean) to blue (above), with the value.
  private static String heatMap(Standings st, List<String> order) {
    Map<String, Standings.HeadToHead> cell = new HashMap<>();
    st.headToHead().forEach(h -> cell.put(h.a() + "\n" + h.b(), h));
    int cw = 70;
    int ch = 26;
    int left = 150;
    int top = 110;
    int w = left + cw * order.size() + 10;
    int h = top + ch * order.size() + 10;
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<div class=\"wrap\"><svg data-chart=\"head-to-head\" viewBox=\"0 0 %d %d\""
                    + " width=\"%d\" height=\"%d\" role=\"img\"><title>Head-to-head mean"
                    + " scores</title>\n",
                w,
                h,
                w,
                h));
    for (int c = 0; c < order.size(); c++) {
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"11\" transform=\"rotate(-40 %d %d)\">%s</text>\n",
              left + c * cw + cw / 2,
              top - 6,
              left + c * cw + cw / 2,
              top - 6,
              esc(order.get(c))));
    }
    for (int r = 0; r < order.size(); r++) {
      int y = top + r * ch;
      s.append(text(6, y + ch / 2 + 4, order.get(r), "start"));
      for (int c = 0; c < order.size(); c++) {
        int x = left + c * cw;
        Standings.HeadToHead hh = cell.get(order.get(r) + "\n" + order.get(c));
        String fill = "#eee";
        String label = "";
        if (hh != null && hh.games() > 0) {
          fill = heat(hh.mean());
          label = String.format(Locale.ROOT, "%.1f", hh.mean());
        }
        s.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#fff\">"
                    + "<title>%s vs %s: %s (%d games)</title></rect>\n",
                x,
                y,
                cw,
                ch,
                fill,
                esc(order.get(r)),
                esc(order.get(c)),
                label.isEmpty() ? "-" : label,
                hh == null ? 0 : hh.games()));
        if (!label.isEmpty()) {
          s.append(text(x + cw / 2, y + ch / 2 + 4, label, "middle"));
        }
      }
    }
    return s.append("</svg></div>\n").toString();
  }

  // Horizontal bars of each entrant's mean score in one scenario, in the overall order.
  private static String scenarioChart(List<Standings.Row> rows, List<String> order) {
    Map<String, Standings.Row> byName = new HashMap<>();
    rows.forEach(r -> byName.put(r.entrant(), r));
    Axis x = new Axis(0, 100, 170, WIDTH - 60);
    int rowH = 22;
    int h = 20 + rowH * order.size() + 20;
    StringBuilder s = svgStart("scenario", h, "Mean score per entrant");
    ticks(s, x, h - 20);
    int y = 20;
    for (int i = 0; i < order.size(); i++) {
      Standings.Row r = byName.get(order.get(i));
      s.append(text(10, y + 5, order.get(i), "start"));
      if (r != null) {
        s.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"%s\">"
                    + "<title>%s: %.1f [%.1f, %.1f]</title></rect>\n",
                x.at(0),
                y - 6,
                x.at(r.mean()) - x.at(0),
                color(i),
                esc(r.entrant()),
                r.mean(),
                r.ciLow(),
                r.ciHigh()));
        s.append(
            text(x.at(r.mean()) + 4, y + 4, String.format(Locale.ROOT, "%.1f", r.mean()), "start"));
      }
      y += rowH;
    }
    return s.append("</svg>\n").toString();
  }

  private static String gamesTable(Standings st, IntFunction<String> journals) {
    Schedule sc = st.schedule();
    StringBuilder b = new StringBuilder("<div class=\"wrap\"><table id=\"games-table\">\n<tr>");
    b.append("<th>game · 게임</th><th class=\"l\">scenario · 시나리오</th><th>seed · 시드</th>")
        .append("<th class=\"l\">winner · 승자</th><th>top score · 최고 점수</th>");
    if (journals != null) {
      b.append("<th class=\"l\">journal · 저널</th>");
    }
    b.append("</tr>\n");
    for (GameResult r : st.results()) {
      double[] wins = r.winShares();
      List<String> winners = new ArrayList<>();
      double top = 0;
      for (int s = 0; s < r.seats(); s++) {
        if (wins[s] > 0) {
          String who =
              sc.arenas().get(r.arena()).seats().get(s)
                  + " "
                  + sc.entrants().get(r.entrants()[s]).name();
          winners.add(who);
          top = r.scores()[s];
        }
      }
      b.append("<tr><td>")
          .append(r.game())
          .append("</td><td class=\"l\">")
          .append(esc(sc.arenas().get(r.arena()).id()))
          .append("</td><td>")
          .append(sc.seed(r.game()))
          .append("</td><td class=\"l\">")
          .append(esc(String.join(", ", winners)))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", top))
          .append("</td>");
      if (journals != null) {
        b.append("<td class=\"l\">").append(esc(journals.apply(r.game()))).append("</td>");
      }
      b.append("</tr>\n");
    }
    return b.append("</table></div>\n").toString();
  }

  // ------------------------------------------------------------------ drawing helpers

  private record Axis(double min, double max, double left, double right) {
    double at(double v) {
      return left + (right - left) * (v - min) / (max - min);
    }
  }

  private static StringBuilder svgStart(String chart, int height, String title) {
    return new StringBuilder(
        String.format(
            Locale.ROOT,
            "<svg data-chart=\"%s\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">"
                + "<title>%s</title>\n",
            chart,
            WIDTH,
            height,
            WIDTH,
            height,
            esc(title)));
  }

  private static void ticks(StringBuilder s, Axis x, int y) {
    s.append(line(x.left(), y, x.right(), y, "#999", null));
    for (int k = 0; k <= 4; k++) {
      double v = x.min() + (x.max() - x.min()) * k / 4;
      s.append(text(x.at(v), y + 14, String.format(Locale.ROOT, "%.1f", v), "middle"));
    }
  }

  private static String line(double x1, double y1, double x2, double y2, String c, String dash) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
        x1,
        y1,
        x2,
        y2,
        c,
        dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
  }

  private static String text(double x, double y, String t, String anchor) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"%s\">%s</text>\n",
        x,
        y,
        anchor,
        esc(t));
  }

  private static String color(int i) {
    return PALETTE[i % PALETTE.length];
  }

  // Red at 0, white at 50, blue at 100.
  private static String heat(double score) {
    double t = Math.max(0, Math.min(1, score / 100));
    int r;
    int g;
    int bl;
    if (t < 0.5) {
      double u = t / 0.5;
      r = 215;
      g = (int) Math.round(48 + (255 - 48) * u);
      bl = (int) Math.round(39 + (255 - 39) * u);
    } else {
      double u = (t - 0.5) / 0.5;
      r = (int) Math.round(255 - (255 - 69) * u);
      g = (int) Math.round(255 - (255 - 117) * u);
      bl = (int) Math.round(255 - (255 - 180) * u);
    }
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
  }

  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(sorted.length - 1, i + 1);
    return sorted[i] + (sorted[j] - sorted[i]) * (pos - i);
  }

  private static double finite(double v, double fallback) {
    return Double.isNaN(v) ? fallback : v;
  }

  private static String signed(double v) {
    return String.format(Locale.ROOT, "%+.3f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
