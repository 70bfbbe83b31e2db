package org.entente.server.debrief;

import static org.entente.server.debrief.Texts.html;

import java.util.ArrayList;
import java.util.List;
import org.entente.server.engine.Nation;
import org.entente.server.engine.Scoring;
import org.entente.server.engine.ThreatModel;
import org.entente.server.history.GameHistory;

/**
 * A what-if report as one self-contained HTML page: the readable diff of two games, then power and
 * score over time in each game, side by side on the same scales' kind of chart.
 */
public final class DiffPage {
  private DiffPage() {}

  /** The page comparing {@code a} and {@code b}; {@code text} is the diff as the CLI prints it. */
  public static String render(String text, GameHistory a, GameHistory b) {
    List<String> ids = a.world().start().stream().map(Nation::id).toList();
    List<String> names = a.world().start().stream().map(Nation::name).toList();
    String title = "What if: " + a.gameId() + " and " + b.gameId();
    StringBuilder s = new StringBuilder();
    s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    s.append("<title>").append(html(title)).append("</title>\n<style>\n");
    s.append(
        "body { font-family: \"Segoe UI\", Helvetica, Arial, sans-serif; margin: 16px 24px; }\n"
            + "pre { background: #f6f8fa; padding: 8px 12px; white-space: pre-wrap; }\n"
            + ".pair { display: flex; flex-wrap: wrap; gap: 16px; }\n"
            + "figure { margin: 0; } figcaption { font-weight: bold; }\n"
            + "svg.chart { background: #fff; border: 1px solid #e2e2e2; }\n");
    s.append("</style>\n</head>\n<body>\n<h1>").append(html(title)).append("</h1>\n");
    s.append("<h2 id=\"power\">Power over time</h2>\n<div class=\"pair\">");
    pair(s, ids, names, power(a), power(b), a.gameId(), b.gameId(), "power P", false);
    s.append("</div>\n<h2 id=\"score\">Score over time</h2>\n<div class=\"pair\">");
    pair(s, ids, names, scores(a), scores(b), a.gameId(), b.gameId(), "score (total / 100)", false);
    s.append("</div>\n<h2 id=\"diff\">What differs</h2>\n<pre>").append(html(text));
    s.append("</pre>\n</body>\n</html>\n");
    return s.toString();
  }

  private static void pair(
      StringBuilder s,
      List<String> ids,
      List<String> names,
      List<Debrief.PowerSample> a,
      List<Debrief.PowerSample> b,
      String ga,
      String gb,
      String axis,
      boolean percent) {
    for (Object[] g : new Object[][] {{ga, a}, {gb, b}}) {
      @SuppressWarnings("unchecked")
      List<Debrief.PowerSample> samples = (List<Debrief.PowerSample>) g[1];
      s.append("<figure><figcaption>").append(html((String) g[0])).append("</figcaption>");
      s.append(Charts.lines(ids, names, samples, axis + " in " + g[0], axis, percent, null));
      s.append("</figure>");
    }
  }

  private static List<Debrief.PowerSample> power(GameHistory h) {
    List<Debrief.PowerSample> out = new ArrayList<>();
    for (int k = 0; k < h.states().size(); k++) {
      List<Double> row = new ArrayList<>();
      for (double v : ThreatModel.powers(h.states().get(k).nations(), h.world().params())) {
        row.add(v);
      }
      out.add(new Debrief.PowerSample(k, "after turn " + k, row));
    }
    return out;
  }

  private static List<Debrief.PowerSample> scores(GameHistory h) {
    List<Debrief.PowerSample> out = new ArrayList<>();
    for (int k = 0; k < h.states().size(); k++) {
      List<Double> row = new ArrayList<>();
      for (Scoring.Score sc : Scoring.scores(h.states().get(k))) {
        row.add(sc.total() / 100);
      }
      out.add(new Debrief.PowerSample(k, "after turn " + k, row));
    }
    return out;
  }
}
