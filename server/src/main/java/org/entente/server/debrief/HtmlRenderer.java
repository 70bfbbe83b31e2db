package org.entente.server.debrief;

import static org.entente.server.debrief.Texts.f1;
import static org.entente.server.debrief.Texts.f2;
import static org.entente.server.debrief.Texts.f3;
import static org.entente.server.debrief.Texts.html;
import static org.entente.server.debrief.Texts.pct;

import java.util.List;
import java.util.Map;
import org.entente.server.debrief.Debrief.Group;
import org.entente.server.debrief.Debrief.Line;
import org.entente.server.debrief.Debrief.Link;
import org.entente.server.debrief.Debrief.Snapshot;
import org.entente.server.debrief.Debrief.StateResult;
import org.entente.server.debrief.Debrief.TurnStory;
import org.entente.server.engine.Scoring;
import org.entente.server.engine.TurnReport.LensEntry;
import org.entente.server.engine.TurnReport.Prediction;
import org.entente.server.history.GameHistory.Annotation;

/**
 * The debrief as one self-contained HTML file: inline style, inline SVG charts, no scripts and no
 * external references. The markup is also well-formed XML, so it can be checked with any parser.
 */
final class HtmlRenderer {
  private HtmlRenderer() {}

  private static final String STYLE =
      """
      body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: #1b1b1b;
        max-width: 1120px; margin: 0 auto; padding: 16px 24px; line-height: 1.4; }
      h1 { margin-bottom: 4px; }
      h2 { border-bottom: 2px solid #444; padding-bottom: 2px; margin-top: 32px; }
      h3 { margin: 18px 0 6px; }
      .meta { color: #555; margin-top: 0; }
      table { border-collapse: collapse; margin: 8px 0 12px; font-size: 13px; }
      th, td { border: 1px solid #c8c8c8; padding: 3px 7px; text-align: left; }
      th { background: #eef1f5; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      td.total { font-weight: bold; }
      .yes { color: #1a7f37; font-weight: bold; }
      .no { color: #b42318; }
      .note { background: #fff8dc; border-left: 4px solid #d4a017; padding: 6px 10px;
        margin: 6px 0; }
      .comparison { background: #eef6ee; border-left: 4px solid #2e7d32; padding: 6px 10px; }
      ul.story { margin: 4px 0 8px; padding-left: 20px; }
      ul.story li { margin: 2px 0; }
      li.war, li.conquest { color: #8b1a1a; }
      li.crisis { color: #8a4b00; }
      li.news { color: #444; font-style: italic; }
      .kind { font-weight: bold; font-style: normal; }
      .charts { display: flex; flex-wrap: wrap; gap: 18px; }
      figure { margin: 0 0 12px; }
      figcaption { font-size: 13px; color: #333; max-width: 420px; }
      svg.chart { background: #ffffff; border: 1px solid #e2e2e2; font-family: inherit; }
      .swatch { display: inline-block; width: 12px; height: 12px; vertical-align: middle;
        margin-right: 4px; }
      nav a { margin-right: 12px; }
      @media print {
        body { max-width: none; padding: 0; }
        nav { display: none; }
        figure, .turn, table { break-inside: avoid; page-break-inside: avoid; }
        h2 { break-after: avoid; }
      }
      """;

  static String render(Debrief d) {
    List<String> ids = d.states().stream().map(StateResult::id).toList();
    List<String> names = d.states().stream().map(StateResult::name).toList();
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    b.append("<title>Debrief: ").append(html(d.scenarioName())).append("</title>\n");
    b.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    b.append("<h1>Debrief: ").append(html(d.scenarioName())).append("</h1>\n");
    b.append("<p class=\"meta\">Scenario <code>").append(html(d.scenarioId())).append("</code>");
    b.append(", seed ").append(d.seed()).append(", ").append(d.turnsPlayed());
    b.append(" turns played");
    if (d.gameId() != null) {
      b.append(", game <code>").append(html(d.gameId())).append("</code>");
    }
    b.append(".");
    if (!d.strategies().isEmpty()) {
      b.append(" Seats: ");
      int k = 0;
      for (Map.Entry<String, String> e : d.strategies().entrySet()) {
        b.append(k++ == 0 ? "" : ", ").append(html(e.getKey())).append('=');
        b.append(e.getValue() == null ? "human" : html(e.getValue()));
      }
      b.append('.');
    }
    b.append("</p>\n");
    b.append(
        "<nav><a href=\"#scores\">Scores</a><a href=\"#system\">System view</a>"
            + "<a href=\"#turning-points\">Turning points</a><a href=\"#discussion\">Discussion</a>"
            + "<a href=\"#lens\">Theory lens</a><a href=\"#power\">Power</a>"
            + "<a href=\"#threat\">Threat</a><a href=\"#network\">Alliances</a>"
            + "<a href=\"#turns\">Turn by turn</a></nav>\n");

    scores(b, d);
    system(b, d);
    turningPoints(b, d);
    lens(b, d);

    b.append("<h2 id=\"power\">Power over time</h2>\n<figure>");
    b.append(Charts.power(ids, names, d.power()));
    b.append(
        "<figcaption>Aggregate power P of each state (its weighted share of the system's"
            + " population, economy, military and technology) after each turn.</figcaption>"
            + "</figure>\n");

    double vmax = Charts.maxThreat(d.snapshots());
    b.append("<h2 id=\"threat\">Threat matrix</h2>\n");
    b.append(
            "<p>Each cell is T[j][i], the threat state j (row) feels from state i (column). The"
                + " colour runs from white (no threat) to dark red (")
        .append(html(Texts.f3(vmax)))
        .append(", the largest threat in these charts); the same scale serves every chart.")
        .append(
            Charts.factor(vmax) == 1
                ? ""
                : String.format(
                    java.util.Locale.ROOT,
                    " Cell values are shown multiplied by %.0f.",
                    Charts.factor(vmax)))
        .append("</p>\n");
    b.append("<div class=\"charts\">\n");
    for (Snapshot s : d.snapshots()) {
      b.append("<figure>").append(Charts.threat(s, vmax));
      b.append("<figcaption>").append(html(Debrief.capitalise(s.label()))).append("</figcaption>");
      b.append("</figure>\n");
    }
    b.append("</div>\n");

    b.append("<h2 id=\"network\">Alliance network</h2>\n");
    b.append(
        "<p>States on a circle; a coloured line joins two members of the same alliance (solid for"
            + " a defensive alliance, dotted for an offensive one, whose members also join each"
            + " other's attacks), a dashed arrow runs from patron to client, and conquered states"
            + " are grey. Each alliance balances one target, named below.</p>\n");
    b.append("<div class=\"charts\">\n");
    for (Snapshot s : d.snapshots()) {
      b.append("<figure>").append(Charts.network(s, names)).append("<figcaption><b>");
      b.append(html(Debrief.capitalise(s.label()))).append("</b><br/>");
      int g = 0;
      for (Group al : s.alliances()) {
        b.append("<span class=\"swatch\" style=\"background:")
            .append(Charts.allianceColour(g++))
            .append("\"></span>")
            .append(html(al.words()))
            .append(" (cohesion ")
            .append(f2(al.cohesion()))
            .append(")<br/>");
      }
      if (s.alliances().isEmpty()) {
        b.append("No alliances.<br/>");
      }
      for (Link l : s.clients()) {
        b.append(html(l.patron() + " → " + l.client() + " (patron → client)")).append("<br/>");
      }
      if (!s.conquered().isEmpty()) {
        b.append("Conquered: ").append(html(String.join(", ", s.conquered())));
      }
      b.append("</figcaption></figure>\n");
    }
    b.append("</div>\n");

    turns(b, d);
    if (!d.otherNotes().isEmpty()) {
      b.append("<h2>Other notes</h2>\n");
      for (Annotation a : d.otherNotes()) {
        note(b, a);
      }
    }
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static void scores(StringBuilder b, Debrief d) {
    b.append("<h2 id=\"scores\">Scores</h2>\n<table>\n<thead><tr><th>State</th><th>Name</th>");
    b.append("<th>Strategy</th><th>Status</th><th>Survival</th><th>Security</th>");
    b.append("<th>Autonomy</th><th>Power</th><th>Objectives</th><th>Total</th>");
    b.append("<th>P start</th><th>P end</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < d.states().size(); i++) {
      StateResult s = d.states().get(i);
      Scoring.Score sc = s.score();
      b.append("<tr><td><span class=\"swatch\" style=\"background:")
          .append(Charts.colour(i))
          .append("\"></span>")
          .append(html(s.id()))
          .append("</td>");
      td(b, s.name());
      td(b, s.strategy() == null ? "human" : s.strategy());
      td(b, s.status());
      num(b, f2(sc.survival()));
      num(b, f2(sc.security()));
      num(b, f2(sc.autonomy()));
      num(b, f2(sc.power()));
      num(b, f2(sc.objectives()));
      b.append("<td class=\"num total\">").append(f1(sc.total())).append("</td>");
      num(b, f3(s.initialPower()));
      num(b, f3(s.finalPower()));
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n");
    b.append(
        "<p>Components are in [0,1]; the total weights them (by default survival 40, security 25,"
            + " autonomy 15, power 10, objectives 10).</p>\n");
  }

  private static void system(StringBuilder b, Debrief d) {
    Scoring.SystemView s = d.system();
    b.append("<h2 id=\"system\">System view</h2>\n<table>\n<tbody>\n");
    row(b, "Crises", String.valueOf(s.crises()));
    row(b, "Wars", String.valueOf(s.wars()));
    row(b, "States conquered", String.valueOf(s.conquests()));
    row(b, "Hegemon", s.hegemon() == null ? "none" : s.hegemon());
    row(b, "Alliances formed (joins included)", String.valueOf(s.alliancesFormed()));
    row(b, "Alliances ended (dissolutions and departures)", String.valueOf(s.alliancesEnded()));
    row(b, "Balancing share of alignment decisions", pct(s.balancingShare()));
    b.append("</tbody>\n</table>\n");
  }

  private static void lens(StringBuilder b, Debrief d) {
    Scoring.SystemView s = d.system();
    b.append("<h2 id=\"lens\">The theory lens</h2>\n");
    b.append("<p>Agreement of the stances actually taken with each theory's prediction:");
    b.append(" balance of threat <b>").append(pct(s.agreeThreat())).append("</b>,");
    b.append(" balance of power <b>").append(pct(s.agreePower())).append("</b>,");
    b.append(" balance of interests <b>").append(pct(s.agreeInterests())).append("</b>.</p>\n");
    b.append("<p class=\"comparison\">").append(html(d.balancingComparison())).append("</p>\n");
    b.append("<table>\n<thead><tr><th>State</th><th>Turns judged</th><th>Balanced</th>");
    b.append("<th>Bandwagoned</th><th>Threat</th><th>Power</th><th>Interests</th></tr></thead>\n");
    b.append("<tbody>\n");
    for (StateResult r : d.states()) {
      b.append("<tr>");
      td(b, r.id());
      num(b, String.valueOf(r.lensTurns()));
      num(b, String.valueOf(r.balanced()));
      num(b, String.valueOf(r.bandwagoned()));
      num(b, r.lensTurns() == 0 ? "-" : pct(r.agreeThreat()));
      num(b, r.lensTurns() == 0 ? "-" : pct(r.agreePower()));
      num(b, r.lensTurns() == 0 ? "-" : pct(r.agreeInterests()));
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n");
  }

  private static void turningPoints(StringBuilder b, Debrief d) {
    b.append("<h2 id=\"turning-points\">Turning points</h2>\n");
    if (d.turningPoints().isEmpty()) {
      b.append(
          "<p>No alliance formed or broke, no war was fought and no principal threat moved.</p>\n");
    } else {
      b.append("<ol class=\"turning-points\">\n");
      for (Debrief.TurningPoint p : d.turningPoints()) {
        b.append("<li><a href=\"#turn-").append(p.turn()).append("\">Turn ").append(p.turn());
        b.append("</a> <span class=\"kind\">").append(html(p.kind())).append("</span>: ");
        b.append(html(p.headline())).append('.');
        if (!p.why().isEmpty()) {
          b.append("\n<ul class=\"why\">");
          for (String w : p.why()) {
            b.append("<li>").append(html(w)).append("</li>");
          }
          b.append("</ul>");
        }
        b.append("</li>\n");
      }
      b.append("</ol>\n");
    }
    if (!d.discussion().isEmpty()) {
      b.append("<h2 id=\"discussion\">Discussion guide</h2>\n<ol class=\"discussion\">\n");
      for (String q : d.discussion()) {
        b.append("<li>").append(html(q)).append("</li>\n");
      }
      b.append("</ol>\n");
    }
  }

  private static void turns(StringBuilder b, Debrief d) {
    b.append("<h2 id=\"turns\">Turn by turn</h2>\n");
    for (TurnStory t : d.turns()) {
      b.append("<section class=\"turn\" id=\"turn-").append(t.turn()).append("\">\n");
      b.append("<h3>Turn ").append(t.turn()).append(" (").append(html(t.label()));
      b.append(")</h3>\n");
      for (Annotation a : t.annotations()) {
        note(b, a);
      }
      if (!t.lines().isEmpty()) {
        b.append("<ul class=\"story\">\n");
        for (Line l : t.lines()) {
          String kind = l.kind().name().toLowerCase(java.util.Locale.ROOT);
          b.append("<li class=\"").append(kind).append("\"><span class=\"kind\">");
          b.append(label(l)).append("</span> ").append(html(l.text())).append("</li>\n");
        }
        b.append("</ul>\n");
      }
      if (!t.lens().isEmpty()) {
        b.append("<table class=\"lens\">\n<thead><tr><th>State</th><th>Actual</th>");
        b.append("<th>Balance of threat</th><th>Balance of power</th>");
        b.append("<th>Balance of interests</th></tr></thead>\n<tbody>\n");
        for (LensEntry e : t.lens()) {
          b.append("<tr>");
          td(b, e.state());
          td(b, Debrief.stanceWords(e.actual(), e.actualTarget()));
          prediction(b, e.threat(), e.agreesThreat());
          prediction(b, e.power(), e.agreesPower());
          prediction(b, e.interests(), e.agreesInterests());
          b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
      }
      b.append("</section>\n");
    }
  }

  private static String label(Line l) {
    return switch (l.kind()) {
      case NEWS -> "News.";
      case STANCES -> "Stances.";
      case ALLIANCE -> "Alliance.";
      case CLIENT -> "Client.";
      case CRISIS -> "Crisis.";
      case WAR -> "War.";
      case CONQUEST -> "Conquest.";
      case CONDUCT -> "Conduct.";
    };
  }

  private static void prediction(StringBuilder b, Prediction p, boolean agrees) {
    String w = p == null ? "-" : Debrief.stanceWords(p.kind(), p.target());
    b.append("<td>").append(html(w)).append(' ');
    b.append(agrees ? "<span class=\"yes\">✓</span>" : "<span class=\"no\">✗</span>");
    b.append("</td>");
  }

  private static void note(StringBuilder b, Annotation a) {
    b.append("<div class=\"note\"><b>Note");
    if (a.author() != null && !a.author().isBlank()) {
      b.append(" by ").append(html(a.author()));
    }
    b.append(a.turn() < 1 ? " (before the game)" : " (turn " + a.turn() + ")");
    b.append(":</b> ").append(html(a.text())).append("</div>\n");
  }

  private static void td(StringBuilder b, String s) {
    b.append("<td>").append(html(s)).append("</td>");
  }

  private static void num(StringBuilder b, String s) {
    b.append("<td class=\"num\">").append(html(s)).append("</td>");
  }

  private static void row(StringBuilder b, String k, String v) {
    b.append("<tr><th>").append(html(k)).append("</th><td class=\"num\">").append(html(v));
    b.append("</td></tr>\n");
  }
}
