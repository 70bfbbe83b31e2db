package org.entente.server.debrief;

import static org.entente.server.debrief.Texts.html;

import java.util.List;
import org.entente.server.debrief.Debrief.Group;
import org.entente.server.debrief.Debrief.Line;
import org.entente.server.debrief.Debrief.Link;
import org.entente.server.debrief.Debrief.Snapshot;
import org.entente.server.debrief.Debrief.StateResult;
import org.entente.server.debrief.Debrief.TurnStory;
import org.entente.server.engine.Scoring;
import org.entente.server.history.GameHistory.Annotation;
import org.entente.server.replay.Numbers;
import org.entente.server.replay.Room;

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
      .summary p { margin: 4px 0; }
      tr.mine td { background: #fff8dc; }
      li.message { color: #1d3f73; }
      li.inject { color: #5b2a86; }
      p.quiet { color: #666; margin: 2px 0; }
      details.decisions { margin: 4px 0; }
      details.decisions summary { cursor: pointer; font-weight: bold; }
      @media print {
        body { max-width: none; padding: 0; }
        nav { display: none; }
        figure, .turn, table { break-inside: avoid; page-break-inside: avoid; }
        h2 { break-after: avoid; }
      }
      """;

  static String render(Debrief d) {
    return render(d, Words.EN);
  }

  static String render(Debrief d, Words w) {
    List<String> ids = d.states().stream().map(StateResult::id).toList();
    List<String> names = d.states().stream().map(StateResult::name).toList();
    java.util.Set<Integer> only =
        d.focus() == null ? null : java.util.Set.of(ids.indexOf(d.focus()));
    String title =
        d.focus() == null
            ? w.t("debrief") + ": " + d.scenarioName()
            : w.t("studentDebrief") + " " + d.focus() + " (" + d.scenarioName() + ")";
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"").append(w.tag()).append("\">\n<head>\n");
    b.append("<meta charset=\"utf-8\"/>\n");
    b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    b.append("<title>").append(html(title)).append("</title>\n");
    b.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    b.append("<h1>").append(html(title)).append("</h1>\n");
    b.append("<p class=\"meta\">").append(w.t("scenario")).append(" <code>");
    b.append(html(d.scenarioId())).append("</code>");
    b.append(", ").append(w.t("seed")).append(' ').append(d.seed()).append(", ");
    b.append(d.turnsPlayed()).append(w == Words.KO ? "" : " ").append(w.t("turnsPlayed"));
    if (d.gameId() != null) {
      b.append(", ").append(w.t("game")).append(" <code>").append(html(d.gameId()));
      b.append("</code>");
    }
    b.append(".</p>\n");
    b.append("<nav>");
    nav(b, "summary", w.t("summary"));
    nav(b, "room", w.t("room"));
    nav(b, "scores", w.t("scores"));
    nav(b, "turning-points", w.t("turningPoints"));
    nav(b, "lens", w.t("lens"));
    nav(b, "decisions", w.t("decisions"));
    nav(b, "charts", w.t("charts"));
    nav(b, "network", w.t("network"));
    nav(b, "turns", w.t("turnByTurn"));
    b.append("</nav>\n");

    b.append("<h2 id=\"summary\">").append(w.t("summary")).append("</h2>\n<div class=\"summary\">");
    for (String line : d.summary()) {
      b.append("<p>").append(html(line)).append("</p>");
    }
    b.append("</div>\n");
    room(b, d, w);
    scores(b, d, w);
    if (d.focus() == null) {
      system(b, d, w);
    }
    turningPoints(b, d, w);
    lens(b, d, w);
    decisions(b, d, w);

    b.append("<h2 id=\"charts\">").append(w.t("charts")).append("</h2>\n");
    b.append("<figure id=\"power\">");
    b.append(
        Charts.lines(ids, names, d.power(), w.t("powerChart"), w.t("powerAxis"), false, only, w));
    b.append("<figcaption>").append(html(w.t("powerCaption"))).append("</figcaption></figure>\n");
    b.append("<figure id=\"threat-over-time\">");
    b.append(
        Charts.lines(ids, names, d.threat(), w.t("threatChart"), w.t("threatAxis"), true, only, w));
    b.append("<figcaption>").append(html(w.t("threatCaption"))).append("</figcaption></figure>\n");
    b.append("<figure id=\"coverage\">");
    b.append(
        Charts.lines(
            ids, names, d.coverage(), w.t("coverageChart"), w.t("coverageAxis"), true, only, w));
    b.append("<figcaption>").append(html(w.t("coverageCaption")));
    b.append("</figcaption></figure>\n");

    if (d.focus() == null) {
      double vmax = Charts.maxThreat(d.snapshots());
      b.append("<h2 id=\"threat\">").append(w.t("threatMatrix")).append("</h2>\n");
      if (w == Words.KO) {
        b.append("<p>각 칸은 T[j][i], 곧 국가 j(행)가 국가 i(열)에게서 느끼는 위협입니다. 색은 흰색(위협 없음)에서" + " 진한 빨강(")
            .append(html(Numbers.num(vmax, 3)))
            .append(", 이 차트들에서 가장 큰 위협)까지이며, 모든 차트가 같은 척도를 씁니다.")
            .append(
                Charts.factor(vmax) == 1
                    ? ""
                    : " 칸의 값은 " + Numbers.num(Charts.factor(vmax), 0) + "을 곱해 표시했습니다.")
            .append("</p>\n");
      } else {
        b.append(
                "<p>Each cell is T[j][i], the threat state j (row) feels from state i (column). The"
                    + " colour runs from white (no threat) to dark red (")
            .append(html(Numbers.num(vmax, 3)))
            .append(", the largest threat in these charts); the same scale serves every chart.")
            .append(
                Charts.factor(vmax) == 1
                    ? ""
                    : " Cell values are shown multiplied by "
                        + Numbers.num(Charts.factor(vmax), 0)
                        + ".")
            .append("</p>\n");
      }
      b.append("<div class=\"charts\">\n");
      for (Snapshot s : d.snapshots()) {
        b.append("<figure>").append(Charts.threat(s, vmax, w));
        b.append("<figcaption>").append(html(Debrief.capitalise(s.label())));
        b.append("</figcaption></figure>\n");
      }
      b.append("</div>\n");
    }

    b.append("<h2 id=\"network\">").append(w.t("network")).append("</h2>\n");
    b.append("<p>").append(html(w.t("networkIntro"))).append("</p>\n");
    b.append("<div class=\"charts\">\n");
    for (Snapshot s : d.snapshots()) {
      b.append("<figure class=\"network\">").append(Charts.network(s, names, w));
      b.append("<figcaption><b>");
      b.append(html(Debrief.capitalise(s.label()))).append("</b><br/>");
      int g = 0;
      for (Group al : s.alliances()) {
        b.append("<span class=\"swatch\" style=\"background:")
            .append(Charts.allianceColour(g++))
            .append("\"></span>")
            .append(html(w == Words.KO ? Korean.group(al) : al.words()))
            .append(w == Words.KO ? " (결속력 " : " (cohesion ")
            .append(Numbers.num(al.cohesion(), 2))
            .append(")<br/>");
      }
      if (s.alliances().isEmpty()) {
        b.append(html(w.t("noAlliances"))).append("<br/>");
      }
      for (Link l : s.clients()) {
        b.append(
                html(
                    l.patron()
                        + " → "
                        + l.client()
                        + (w == Words.KO ? " (후원국 → 종속국)" : " (patron → client)")))
            .append("<br/>");
      }
      if (!s.conquered().isEmpty()) {
        b.append(w == Words.KO ? "정복됨: " : "Conquered: ");
        b.append(html(String.join(", ", s.conquered())));
      }
      b.append("</figcaption></figure>\n");
    }
    b.append("</div>\n");

    turns(b, d, w);
    if (!d.otherNotes().isEmpty()) {
      b.append("<h2>").append(w.t("otherNotes")).append("</h2>\n");
      for (Annotation a : d.otherNotes()) {
        note(b, a, w);
      }
    }
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static void nav(StringBuilder b, String id, String text) {
    b.append("<a href=\"#").append(id).append("\">").append(html(text)).append("</a>");
  }

  private static void room(StringBuilder b, Debrief d, Words w) {
    b.append("<h2 id=\"room\">").append(w.t("room")).append("</h2>\n");
    b.append("<p>").append(html(w.t("roomIntro"))).append("</p>\n");
    b.append("<table class=\"room\">\n<thead><tr><th>").append(w.t("state")).append("</th><th>");
    b.append(w.t("students")).append("</th><th>").append(w.t("playedBy"));
    b.append("</th></tr></thead>\n<tbody>\n");
    for (Debrief.SeatStory s : d.seats()) {
      b.append("<tr>");
      td(b, s.state());
      td(
          b,
          s.students().isEmpty()
              ? w.t("noStudent")
              : String.join(
                  ", ",
                  s.students().stream()
                      .map(x -> x.name() + " (" + w.turn(x.turn()) + ")")
                      .toList()));
      b.append("<td>");
      int k = 0;
      for (Room.Span sp : s.spans()) {
        b.append(k++ == 0 ? "" : "<br/>").append(html(span(sp, w)));
      }
      b.append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n");
    if (d.focus() == null) {
      b.append("<h3 id=\"injects\">").append(w.t("injects")).append("</h3>\n");
      if (d.injects().isEmpty()) {
        b.append("<p>").append(html(w.t("noInjects"))).append("</p>\n");
      } else {
        b.append("<ul class=\"injects\">\n");
        for (Room.Inject x : d.injects()) {
          for (String text : x.texts()) {
            b.append("<li><a href=\"#turn-").append(x.turn()).append("\">");
            b.append(w.turnHeading(x.turn())).append("</a>: ").append(html(text)).append("</li>\n");
          }
        }
        b.append("</ul>\n");
      }
    }
  }

  private static void scores(StringBuilder b, Debrief d, Words w) {
    b.append("<h2 id=\"scores\">").append(w.t("scores")).append("</h2>\n<table>\n<thead><tr>");
    for (String k : Words.SCORE_COLUMNS) {
      b.append("<th>").append(html(w.t(k))).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < d.states().size(); i++) {
      StateResult s = d.states().get(i);
      Scoring.Score sc = s.score();
      b.append("<tr")
          .append(s.id().equals(d.focus()) ? " class=\"mine\"" : "")
          .append("><td><span class=\"swatch\" style=\"background:")
          .append(Charts.colour(i))
          .append("\"></span>")
          .append(html(s.id()))
          .append("</td>");
      td(b, s.name());
      td(b, seatWords(d, s, w));
      td(b, s.status());
      num(b, Numbers.num(sc.survival(), 2));
      num(b, Numbers.num(sc.security(), 2));
      num(b, Numbers.num(sc.autonomy(), 2));
      num(b, Numbers.num(sc.power(), 2));
      num(b, Numbers.num(sc.objectives(), 2));
      b.append("<td class=\"num total\">").append(Numbers.num(sc.total(), 1)).append("</td>");
      num(b, Numbers.num(s.initialPower(), 3));
      num(b, Numbers.num(s.finalPower(), 3));
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n");
    b.append("<p>").append(html(w.t("scoresNote"))).append("</p>\n");
  }

  /**
   * Who played a state, in a word: its bot's strategy, or the kinds of player it had ("students",
   * "students, then autopilot"...); never "human" for a seat no student joined.
   */
  static String seatWords(Debrief d, StateResult s) {
    return seatWords(d, s, Words.EN);
  }

  /** Who played a state, in a word, in {@code w}. */
  static String seatWords(Debrief d, StateResult s, Words w) {
    boolean ko = w == Words.KO;
    if (s.strategy() != null) {
      return ko ? Korean.strategy(s.strategy()) : s.strategy();
    }
    for (Debrief.SeatStory seat : d.seats()) {
      if (seat.state().equals(s.id())) {
        List<String> kinds = new java.util.ArrayList<>();
        for (Room.Span sp : seat.spans()) {
          String k =
              switch (sp.player().kind()) {
                case STUDENT -> ko ? "학생" : "student";
                case BOT -> ko ? "봇" : "bot";
                case AUTOPILOT -> ko ? "자동 조종" : "autopilot";
                case NOBODY -> ko ? "플레이어 없음" : "no player";
              };
          if (kinds.isEmpty() || !kinds.get(kinds.size() - 1).equals(k)) {
            kinds.add(k);
          }
        }
        return kinds.isEmpty()
            ? (ko ? "플레이어 없음" : "no player")
            : String.join(ko ? ", 이후 " : ", then ", kinds);
      }
    }
    return ko ? "플레이어 없음" : "no player";
  }

  /** A span of turns and who played it: "turns 1-3: bot (balancer)" / "1-3턴: 봇(위협 균형형)". */
  static String span(Room.Span sp, Words w) {
    return w == Words.KO
        ? Korean.turns(sp.from(), sp.to()) + ": " + Korean.player(sp.player())
        : sp.turns() + ": " + sp.player().words();
  }

  /** A message's sender and addressees in {@code w}. */
  static String header(Room.Message m, Words w) {
    return w == Words.KO ? Korean.header(m) : m.header();
  }

  private static void system(StringBuilder b, Debrief d, Words w) {
    Scoring.SystemView s = d.system();
    b.append("<h2 id=\"system\">").append(w.t("system")).append("</h2>\n<table>\n<tbody>\n");
    row(b, w.t("crises"), String.valueOf(s.crises()));
    row(b, w.t("wars"), String.valueOf(s.wars()));
    row(b, w.t("conquered"), String.valueOf(s.conquests()));
    row(b, w.t("hegemon"), s.hegemon() == null ? w.t("none") : s.hegemon());
    row(b, w.t("formed"), String.valueOf(s.alliancesFormed()));
    row(b, w.t("ended"), String.valueOf(s.alliancesEnded()));
    row(b, w.t("balShare"), Numbers.pct(s.balancingShare()));
    b.append("</tbody>\n</table>\n");
  }

  private static void lens(StringBuilder b, Debrief d, Words w) {
    Scoring.SystemView s = d.system();
    b.append("<h2 id=\"lens\">").append(w.t("lens")).append("</h2>\n");
    b.append("<p>").append(html(w.t("lensIntro")));
    b.append(' ').append(html(w.t("balanceOfThreat"))).append(" <b>");
    b.append(Numbers.pct(s.agreeThreat())).append("</b>, ");
    b.append(html(w.t("balanceOfPower"))).append(" <b>").append(Numbers.pct(s.agreePower()));
    b.append("</b>, ").append(html(w.t("balanceOfInterests"))).append(" <b>");
    b.append(Numbers.pct(s.agreeInterests())).append("</b>.</p>\n");
    b.append("<p class=\"comparison\">").append(html(d.balancingComparison())).append("</p>\n");

    b.append("<h3>").append(w.t("lensSpans")).append("</h3>\n");
    b.append("<table class=\"lens-spans\">\n<thead><tr>");
    for (String k :
        List.of("turns", "judged", "balanceOfThreat", "balanceOfPower", "balanceOfInterests")) {
      b.append("<th>").append(html(w.t(k))).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (Debrief.LensSpan sp : d.lensSpans()) {
      b.append("<tr>");
      td(b, sp.from() == sp.to() ? "" + sp.from() : sp.from() + "-" + sp.to());
      num(b, String.valueOf(sp.judged()));
      num(b, sp.judged() == 0 ? "-" : Numbers.pct(sp.threat()));
      num(b, sp.judged() == 0 ? "-" : Numbers.pct(sp.power()));
      num(b, sp.judged() == 0 ? "-" : Numbers.pct(sp.interests()));
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n");

    b.append("<h3>").append(w.t("lensStates")).append("</h3>\n");
    b.append("<table class=\"lens-states\">\n<thead><tr>");
    for (String k :
        List.of(
            "state",
            "turnsJudged",
            "balanced",
            "bandwagoned",
            "balanceOfThreat",
            "balanceOfPower",
            "balanceOfInterests")) {
      b.append("<th>").append(html(w.t(k))).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (StateResult r : d.states()) {
      if (d.focus() != null && !d.focus().equals(r.id())) {
        continue;
      }
      b.append("<tr>");
      td(b, r.id());
      num(b, String.valueOf(r.lensTurns()));
      num(b, String.valueOf(r.balanced()));
      num(b, String.valueOf(r.bandwagoned()));
      num(b, r.lensTurns() == 0 ? "-" : Numbers.pct(r.agreeThreat()));
      num(b, r.lensTurns() == 0 ? "-" : Numbers.pct(r.agreePower()));
      num(b, r.lensTurns() == 0 ? "-" : Numbers.pct(r.agreeInterests()));
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n");

    b.append("<h3 id=\"misses\">").append(w.t("misses")).append(" (");
    b.append(d.lensMissesTotal()).append(")</h3>\n");
    if (d.lensMisses().isEmpty()) {
      b.append("<p>").append(html(w.t("noMisses"))).append("</p>\n");
    } else {
      decisionTable(b, d.lensMisses(), w, true);
      if (d.lensMissesTotal() > d.lensMisses().size()) {
        b.append("<p>").append(d.lensMissesTotal() - d.lensMisses().size()).append(' ');
        b.append(html(w.t("moreMisses"))).append("</p>\n");
      }
    }
  }

  private static void decisions(StringBuilder b, Debrief d, Words w) {
    b.append("<h2 id=\"decisions\">").append(w.t("decisions")).append("</h2>\n");
    b.append("<p>").append(html(w.t("decisionsIntro"))).append("</p>\n");
    for (Debrief.StateDecisions sd : d.decisions()) {
      b.append("<details class=\"decisions\" id=\"decisions-").append(html(sd.state())).append('"');
      b.append(d.focus() != null ? " open=\"open\"" : "").append("><summary>");
      b.append(html(sd.state())).append(" (").append(sd.rows().size()).append(")</summary>\n");
      decisionTable(b, sd.rows(), w, false);
      if (sd.more() > 0) {
        b.append("<p>").append(sd.more()).append(' ').append(html(w.t("moreRows")));
        b.append("</p>\n");
      }
      b.append("</details>\n");
    }
  }

  private static void decisionTable(
      StringBuilder b, List<Debrief.Decision> rows, Words w, boolean withState) {
    b.append("<table class=\"decision\">\n<thead><tr><th>").append(w.t("turns")).append("</th>");
    if (withState) {
      b.append("<th>").append(w.t("state")).append("</th>");
    }
    for (String k : List.of("actual", "balanceOfThreat", "balanceOfPower", "balanceOfInterests")) {
      b.append("<th>").append(html(w.t(k))).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (Debrief.Decision x : rows) {
      b.append("<tr>");
      td(b, x.from() == x.to() ? "" + x.from() : x.from() + "-" + x.to());
      if (withState) {
        td(b, x.state());
      }
      td(b, x.actual());
      agree(b, x.threat(), x.agreesThreat());
      agree(b, x.power(), x.agreesPower());
      agree(b, x.interests(), x.agreesInterests());
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n");
  }

  private static void turningPoints(StringBuilder b, Debrief d, Words w) {
    b.append("<h2 id=\"turning-points\">").append(w.t("turningPoints")).append("</h2>\n");
    if (d.turningPoints().isEmpty()) {
      b.append("<p>").append(html(w.t("noTurningPoints"))).append("</p>\n");
    } else {
      b.append("<ol class=\"turning-points\">\n");
      for (Debrief.TurningPoint p : d.turningPoints()) {
        b.append("<li class=\"turning-point\"><a href=\"#turn-").append(p.turn()).append("\">");
        b.append(w.turnHeading(p.turn()));
        b.append("</a> <span class=\"kind\">").append(html(p.kind())).append("</span>: ");
        b.append("<span class=\"headline\">").append(html(p.headline())).append(".</span>");
        if (!p.why().isEmpty()) {
          b.append("\n<ul class=\"why\">");
          for (String x : p.why()) {
            b.append("<li>").append(html(x)).append("</li>");
          }
          b.append("</ul>");
        }
        b.append("</li>\n");
      }
      b.append("</ol>\n");
    }
    if (!d.discussion().isEmpty()) {
      b.append("<h2 id=\"discussion\">").append(w.t("discussion")).append("</h2>\n");
      b.append("<p>").append(html(w.t("discussionIntro"))).append("</p>\n");
      b.append("<ol class=\"discussion\">\n");
      for (String q : d.discussion()) {
        b.append("<li>").append(html(q)).append("</li>\n");
      }
      b.append("</ol>\n");
    }
  }

  private static void turns(StringBuilder b, Debrief d, Words w) {
    b.append("<h2 id=\"turns\">").append(w.t("turnByTurn")).append("</h2>\n");
    if (d.quietTurnsFolded() > 0) {
      b.append("<p>").append(d.quietTurnsFolded()).append(' ');
      b.append(html(w.t("folded"))).append("</p>\n");
    }
    java.util.Map<Integer, List<Room.Message>> byTurn = new java.util.TreeMap<>();
    for (Room.Message m : d.messages()) {
      byTurn.computeIfAbsent(m.turn(), k -> new java.util.ArrayList<>()).add(m);
    }
    for (TurnStory t : d.turns()) {
      boolean quiet = t.lines().size() == 1 && t.lines().get(0).kind() == Debrief.LineKind.QUIET;
      b.append("<section class=\"turn").append(quiet ? " quiet" : "").append("\" id=\"turn-");
      b.append(t.turn()).append("\">\n");
      if (quiet) {
        b.append("<p class=\"quiet\">").append(html(t.lines().get(0).text())).append("</p>\n");
        b.append("</section>\n");
        continue;
      }
      b.append("<h3>").append(w.turnHeading(t.turn())).append(" (");
      b.append(html(t.label())).append(")</h3>\n");
      for (Annotation a : t.annotations()) {
        note(b, a, w);
      }
      List<Room.Message> msgs = byTurn.getOrDefault(t.turn(), List.of());
      if (!t.lines().isEmpty() || !msgs.isEmpty()) {
        b.append("<ul class=\"story\">\n");
        for (Line l : t.lines()) {
          String kind = l.kind().name().toLowerCase(java.util.Locale.ROOT);
          b.append("<li class=\"").append(kind).append("\"><span class=\"kind\">");
          b.append(html(w.t("k." + kind))).append("</span> ").append(html(l.text()));
          b.append("</li>\n");
        }
        for (Room.Message m : msgs) {
          b.append("<li class=\"message\"><span class=\"kind\">").append(html(w.t("k.message")));
          b.append("</span> <b>").append(html(header(m, w))).append(":</b> ");
          b.append(html(m.text())).append("</li>\n");
        }
        b.append("</ul>\n");
      }
      b.append("</section>\n");
    }
  }

  private static void agree(StringBuilder b, String words, boolean agrees) {
    b.append("<td>").append(html(words)).append(' ');
    b.append(agrees ? "<span class=\"yes\">✓</span>" : "<span class=\"no\">✗</span>");
    b.append("</td>");
  }

  private static void note(StringBuilder b, Annotation a, Words w) {
    b.append("<div class=\"note\"><b>").append(w.t("note"));
    if (a.author() != null && !a.author().isBlank()) {
      b.append(' ').append(w.t("by")).append(' ').append(html(a.author()));
    }
    b.append(a.turn() < 1 ? " (" + w.t("beforeGame") + ")" : " (" + w.turn(a.turn()) + ")");
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
