package org.entente.server.debrief;

import static org.entente.server.debrief.Texts.html;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.entente.api.AllianceKind;
import org.entente.server.debrief.Debrief.Group;
import org.entente.server.debrief.Debrief.Link;
import org.entente.server.debrief.Debrief.PowerSample;
import org.entente.server.debrief.Debrief.Snapshot;

/** Inline SVG charts drawn by hand: power over time, threat heat maps, the alliance network. */
final class Charts {
  private Charts() {}

  private static final String[] PALETTE = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#ad494a"
  };

  private static final String[] ALLIANCE_COLOURS = {
    "#2166ac", "#b2182b", "#1b7837", "#762a83", "#e08214", "#35978f", "#8c510a", "#4d4d4d"
  };

  /** The colour of state {@code i} (scenario order). */
  static String colour(int i) {
    return PALETTE[i % PALETTE.length];
  }

  /** The dash pattern of state {@code i}: solid for the first twelve, then dashed. */
  private static String dash(int i) {
    return i < PALETTE.length ? "" : " stroke-dasharray=\"6 3\"";
  }

  private static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  // ---- (a) power over time ----

  /** One line per state: P at every position, with axes, ticks, axis labels and a legend. */
  static String power(List<String> ids, List<String> names, List<PowerSample> samples) {
    return lines(
        ids,
        names,
        samples,
        "Power P of each state over time",
        "power P (share of the system)",
        false,
        null);
  }

  /** The most points a line keeps: longer series are thinned to every k-th position. */
  static final int MAX_POINTS = 250;

  /**
   * One line per state over the positions of {@code samples} (thinned to at most {@link
   * #MAX_POINTS}), with axes, ticks, axis labels and a legend; {@code percent} labels the y axis in
   * percents; {@code only} (null: all) the indices of the states drawn.
   */
  static String lines(
      List<String> ids,
      List<String> names,
      List<PowerSample> all,
      String title,
      String yLabel,
      boolean percent,
      Set<Integer> only) {
    return lines(ids, names, all, title, yLabel, percent, only, Words.EN);
  }

  /** The line chart with its fixed labels in {@code lang}. */
  static String lines(
      List<String> ids,
      List<String> names,
      List<PowerSample> all,
      String title,
      String yLabel,
      boolean percent,
      Set<Integer> only,
      Words lang) {
    int thin = Math.max(1, (all.size() + MAX_POINTS - 1) / MAX_POINTS);
    List<PowerSample> samples = new java.util.ArrayList<>();
    for (int k = 0; k < all.size(); k += thin) {
      samples.add(all.get(k));
    }
    if (!all.isEmpty() && samples.get(samples.size() - 1) != all.get(all.size() - 1)) {
      samples.add(all.get(all.size() - 1));
    }
    int w = 860;
    int drawn = only == null ? ids.size() : only.size();
    int h = Math.max(380, 40 + drawn * 18); // tall enough for the legend
    int left = 64;
    int right = 150;
    int top = 20;
    int bottom = 56;
    double pw = w - left - right;
    double ph = h - top - bottom;
    int m = samples.size();
    double max = 0;
    for (PowerSample s : samples) {
      for (int i = 0; i < s.power().size(); i++) {
        if (only == null || only.contains(i)) {
          max = Math.max(max, s.power().get(i));
        }
      }
    }
    double ymax = Math.max(0.1, Math.ceil(max * 10 - 1e-9) / 10);
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
            w,
            h,
            w,
            h));
    b.append("<title>").append(html(title)).append("</title>");
    // grid and y axis
    int yticks = (int) Math.round(ymax / 0.05) > 10 ? 5 : (int) Math.round(ymax / 0.05);
    yticks = Math.max(yticks, 2);
    for (int t = 0; t <= yticks; t++) {
      double v = ymax * t / yticks;
      double y = top + ph - ph * v / ymax;
      b.append(
          String.format(
              "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#dddddd\"/>",
              left, n(y), n(left + pw), n(y)));
      b.append(
          String.format(
              "<text x=\"%s\" y=\"%s\" text-anchor=\"end\" font-size=\"11\">%s</text>",
              left - 6,
              n(y + 4),
              percent
                  ? org.entente.server.replay.Numbers.pct(v)
                  : org.entente.server.replay.Numbers.num(v, 2)));
    }
    // x axis ticks
    int step = Math.max(1, (int) Math.ceil((m - 1) / 12.0));
    for (int k = 0; k < m; k += step) {
      double x = x(k, m, left, pw);
      b.append(
          String.format(
              "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#333333\"/>",
              n(x), n(top + ph), n(x), n(top + ph + 4)));
      b.append(
          String.format(
              "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"11\">%d</text>",
              n(x), n(top + ph + 16), samples.get(k).position()));
    }
    b.append(
        String.format(
            "<line x1=\"%d\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#333333\"/>",
            left, n(top + ph), n(left + pw), n(top + ph)));
    b.append(
        String.format(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%s\" stroke=\"#333333\"/>",
            left, top, left, n(top + ph)));
    b.append(
        String.format(
            "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">%s</text>",
            n(left + pw / 2),
            h - 12,
            lang == Words.KO ? "진행한 턴 수 (0 = 시작)" : "turns played (0 = the start)"));
    b.append(
        String.format(
            "<text x=\"16\" y=\"%s\" text-anchor=\"middle\" font-size=\"12\""
                + " transform=\"rotate(-90 16 %s)\">%s</text>",
            n(top + ph / 2), n(top + ph / 2), html(yLabel)));
    // lines
    for (int i = 0; i < ids.size(); i++) {
      if (only != null && !only.contains(i)) {
        continue;
      }
      StringBuilder pts = new StringBuilder();
      for (int k = 0; k < m; k++) {
        double v = samples.get(k).power().get(i);
        pts.append(k == 0 ? "" : " ")
            .append(n(x(k, m, left, pw)))
            .append(',')
            .append(n(top + ph - ph * v / ymax));
      }
      b.append(
          String.format(
              "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\">"
                  + "<title>%s</title></polyline>",
              colour(i), dash(i), pts, html(ids.get(i) + " (" + names.get(i) + ")")));
    }
    // legend
    double lx = left + pw + 16;
    int row = 0;
    for (int i = 0; i < ids.size(); i++) {
      if (only != null && !only.contains(i)) {
        continue;
      }
      double ly = top + 8 + row++ * 18;
      b.append(
          String.format(
              "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"3\"%s/>",
              n(lx), n(ly), n(lx + 22), n(ly), colour(i), dash(i)));
      b.append(
          String.format(
              "<text x=\"%s\" y=\"%s\" font-size=\"12\">%s</text>",
              n(lx + 28), n(ly + 4), html(ids.get(i))));
    }
    b.append("</svg>");
    return b.toString();
  }

  private static double x(int k, int m, int left, double pw) {
    return left + (m <= 1 ? 0 : pw * k / (m - 1));
  }

  // ---- (b) threat heat map ----

  /** The largest threat in the snapshots, the top of the shared colour scale. */
  static double maxThreat(List<Snapshot> snaps) {
    double max = 0;
    for (Snapshot s : snaps) {
      for (List<Double> row : s.threat()) {
        for (double v : row) {
          max = Math.max(max, v);
        }
      }
    }
    return max > 0 ? max : 1;
  }

  /** The colour of value {@code f} in [0,1]: white to dark red. */
  static String heat(double f) {
    f = Math.max(0, Math.min(1, f));
    int[] lo = {255, 255, 255};
    int[] mid = {252, 146, 114};
    int[] hi = {103, 0, 13};
    int[] a = f < 0.5 ? lo : mid;
    int[] c = f < 0.5 ? mid : hi;
    double g = f < 0.5 ? f * 2 : (f - 0.5) * 2;
    return String.format(
        "#%02x%02x%02x",
        (int) Math.round(a[0] + (c[0] - a[0]) * g),
        (int) Math.round(a[1] + (c[1] - a[1]) * g),
        (int) Math.round(a[2] + (c[2] - a[2]) * g));
  }

  /**
   * The factor cell values are shown multiplied by, so that the largest has a digit before the
   * point.
   */
  static double factor(double vmax) {
    if (vmax >= 0.1) {
      return 1;
    }
    return Math.pow(10, Math.ceil(-Math.log10(vmax)));
  }

  /** A cell value as shown: multiplied by {@link #factor}, one or two decimals. */
  private static String value(double v, double vmax) {
    double f = factor(vmax);
    return String.format(Locale.ROOT, f == 1 ? "%.2f" : "%.1f", v * f);
  }

  /** The caption of the scale: "threat T[j][i]" and the factor, if any. */
  static String scaleCaption(double vmax) {
    return scaleCaption(vmax, Words.EN);
  }

  /** The caption of the scale in {@code lang}. */
  static String scaleCaption(double vmax, Words lang) {
    double f = factor(vmax);
    if (lang == Words.KO) {
      return "색 척도: 위협 T[j][i]"
          + (f == 1 ? "" : String.format(Locale.ROOT, ", 값은 \u00d7%.0f로 표시", f));
    }
    return "colour scale: threat T[j][i]"
        + (f == 1 ? "" : String.format(Locale.ROOT, ", values shown \u00d7%.0f", f));
  }

  /** T[j][i] as a grid: row j (who feels), column i (who is feared), colour scale 0..vmax. */
  static String threat(Snapshot s, double vmax) {
    return threat(s, vmax, Words.EN);
  }

  /** The threat grid with its labels in {@code lang}. */
  static String threat(Snapshot s, double vmax, Words lang) {
    boolean ko = lang == Words.KO;
    List<String> ids = s.ids();
    int k = ids.size();
    int cell = k > 12 ? 28 : 38;
    int left = 64;
    int top = 58;
    int gridW = cell * k;
    int w = left + gridW + 20;
    int h = top + gridW + 80;
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            "<svg class=\"chart\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
            w, h, w, h));
    b.append("<title>")
        .append(html((ko ? "위협 행렬, " : "Threat matrix, ") + s.label()))
        .append("</title>");
    b.append(
        String.format(
            "<text x=\"%s\" y=\"14\" text-anchor=\"middle\" font-size=\"12\">%s</text>",
            n(left + gridW / 2.0), ko ? "위협을 주는 국가 (열 i)" : "feared (column i)"));
    b.append(
        String.format(
            "<text x=\"14\" y=\"%s\" text-anchor=\"middle\" font-size=\"12\""
                + " transform=\"rotate(-90 14 %s)\">%s</text>",
            n(top + gridW / 2.0),
            n(top + gridW / 2.0),
            ko ? "위협을 느끼는 국가 (행 j)" : "feels the threat (row j)"));
    for (int i = 0; i < k; i++) {
      b.append(
          String.format(
              "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\""
                  + " font-weight=\"bold\">%s</text>",
              n(left + cell * i + cell / 2.0), top - 8, html(ids.get(i))));
      b.append(
          String.format(
              "<text x=\"%d\" y=\"%s\" text-anchor=\"end\" font-size=\"11\""
                  + " font-weight=\"bold\">%s</text>",
              left - 6, n(top + cell * i + cell / 2.0 + 4), html(ids.get(i))));
    }
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < k; i++) {
        int x = left + cell * i;
        int y = top + cell * j;
        if (i == j) {
          b.append(
              String.format(
                  "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#e6e6e6\""
                      + " stroke=\"#ffffff\"/>",
                  x, y, cell, cell));
          continue;
        }
        double v = s.threat().get(j).get(i);
        double f = v / vmax;
        b.append(
            String.format(
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\""
                    + " stroke=\"#ffffff\"><title>%s</title></rect>",
                x,
                y,
                cell,
                cell,
                heat(f),
                html(
                    ko
                        ? Josa.iGa(ids.get(j))
                            + " "
                            + ids.get(i)
                            + "에게서 느끼는 위협 "
                            + String.format(Locale.ROOT, "%.5f", v)
                        : ids.get(j)
                            + " feels a threat of "
                            + String.format(Locale.ROOT, "%.5f", v)
                            + " from "
                            + ids.get(i))));
        if (cell >= 34) {
          b.append(
              String.format(
                  "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"9\""
                      + " fill=\"%s\">%s</text>",
                  n(x + cell / 2.0),
                  n(y + cell / 2.0 + 3),
                  f > 0.6 ? "#ffffff" : "#222222",
                  value(v, vmax)));
        }
      }
    }
    // colour scale
    int ly = top + gridW + 24;
    int sw = Math.max(24, gridW / 6);
    b.append(
        String.format(
            "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
            left, ly - 6, html(scaleCaption(vmax, lang))));
    for (int t = 0; t <= 5; t++) {
      double v = vmax * t / 5;
      b.append(
          String.format(
              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"%s\""
                  + " stroke=\"#999999\"/>",
              left + t * sw, ly, sw, heat(t / 5.0)));
      b.append(
          String.format(
              "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">%s</text>",
              n(left + t * sw + sw / 2.0), ly + 28, value(v, vmax)));
    }
    b.append("</svg>");
    return b.toString();
  }

  // ---- (c) alliance network ----

  /** States on a circle, alliance edges, patron-to-client arrows, conquered states greyed. */
  static String network(Snapshot s, List<String> names) {
    return network(s, names, Words.EN);
  }

  /** The network with its titles in {@code lang}. */
  static String network(Snapshot s, List<String> names, Words lang) {
    boolean ko = lang == Words.KO;
    List<String> ids = s.ids();
    int k = ids.size();
    int size = 400;
    double c = size / 2.0;
    double r = 150;
    double nr = 21;
    double[] px = new double[k];
    double[] py = new double[k];
    for (int i = 0; i < k; i++) {
      double a = -Math.PI / 2 + 2 * Math.PI * i / k;
      px[i] = c + r * Math.cos(a);
      py[i] = c + r * Math.sin(a);
    }
    Set<String> conquered = Set.copyOf(s.conquered());
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            "<svg class=\"chart\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
            size, size, size, size));
    b.append("<title>")
        .append(html((ko ? "동맹 네트워크, " : "Alliance network, ") + s.label()))
        .append("</title>");
    int g = 0;
    for (Group al : s.alliances()) {
      String col = ALLIANCE_COLOURS[g % ALLIANCE_COLOURS.length];
      double off = (g % 3 - 1) * 3.0; // separates overlapping edges of different alliances
      for (int x = 0; x < al.members().size(); x++) {
        for (int y = x + 1; y < al.members().size(); y++) {
          int a = ids.indexOf(al.members().get(x));
          int z = ids.indexOf(al.members().get(y));
          if (a < 0 || z < 0) {
            continue;
          }
          b.append(
              String.format(
                  "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\""
                      + " stroke-width=\"3\" stroke-opacity=\"0.75\"%s><title>%s</title></line>",
                  n(px[a] + off),
                  n(py[a] + off),
                  n(px[z] + off),
                  n(py[z] + off),
                  col,
                  al.kind() == AllianceKind.OFFENSIVE
                      ? " stroke-dasharray=\"1 5\" stroke-linecap=\"round\""
                      : "",
                  html(ko ? Korean.group(al) : al.words())));
        }
      }
      g++;
    }
    for (Link l : s.clients()) {
      int a = ids.indexOf(l.patron());
      int z = ids.indexOf(l.client());
      if (a < 0 || z < 0) {
        continue;
      }
      double dx = px[z] - px[a];
      double dy = py[z] - py[a];
      double len = Math.max(1e-9, Math.hypot(dx, dy));
      double ux = dx / len;
      double uy = dy / len;
      double x1 = px[a] + ux * nr;
      double y1 = py[a] + uy * nr;
      double tipX = px[z] - ux * (nr + 2);
      double tipY = py[z] - uy * (nr + 2);
      double baseX = tipX - ux * 12;
      double baseY = tipY - uy * 12;
      b.append(
          String.format(
              "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#111111\""
                  + " stroke-width=\"1.8\" stroke-dasharray=\"5 3\"><title>%s</title></line>",
              n(x1),
              n(y1),
              n(baseX),
              n(baseY),
              html(
                  ko
                      ? Josa.eunNeun(l.patron()) + " " + l.client() + "의 후원국"
                      : l.patron() + " is patron of " + l.client())));
      b.append(
          String.format(
              "<polygon points=\"%s,%s %s,%s %s,%s\" fill=\"#111111\"/>",
              n(tipX),
              n(tipY),
              n(baseX - uy * 6),
              n(baseY + ux * 6),
              n(baseX + uy * 6),
              n(baseY - ux * 6)));
    }
    for (int i = 0; i < k; i++) {
      boolean gone = conquered.contains(ids.get(i));
      b.append(
          String.format(
              "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2\"%s>"
                  + "<title>%s</title></circle>",
              n(px[i]),
              n(py[i]),
              n(nr),
              gone ? "#d9d9d9" : colour(i),
              gone ? "#9e9e9e" : "#ffffff",
              gone ? " stroke-dasharray=\"3 2\"" : "",
              html(
                  ids.get(i)
                      + " ("
                      + names.get(i)
                      + ")"
                      + (gone ? (ko ? ", 정복됨" : ", conquered") : ""))));
      b.append(
          String.format(
              "<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" font-size=\"11\""
                  + " font-weight=\"bold\" fill=\"%s\">%s</text>",
              n(px[i]), n(py[i] + 4), gone ? "#8a8a8a" : "#ffffff", html(ids.get(i))));
    }
    b.append("</svg>");
    return b.toString();
  }

  /** The colour of the {@code g}-th alliance of a snapshot. */
  static String allianceColour(int g) {
    return ALLIANCE_COLOURS[g % ALLIANCE_COLOURS.length];
  }
}
