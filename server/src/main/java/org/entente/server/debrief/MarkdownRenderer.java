package org.entente.server.debrief;

import static org.entente.server.debrief.Texts.md;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.server.debrief.Debrief.Line;
import org.entente.server.debrief.Debrief.StateResult;
import org.entente.server.debrief.Debrief.TurnStory;
import org.entente.server.engine.Scoring;
import org.entente.server.history.GameHistory.Annotation;
import org.entente.server.replay.Numbers;
import org.entente.server.replay.Room;

/** The debrief as Markdown: the tables and the narrative (the charts are in the HTML form). */
final class MarkdownRenderer {
  private MarkdownRenderer() {}

  static String render(Debrief d) {
    return render(d, Words.EN);
  }

  /** English, or the Korean text, as {@code w} asks. */
  private static String say(Words w, String en, String ko) {
    return w == Words.KO ? ko : en;
  }

  static String render(Debrief d, Words w) {
    StringBuilder b = new StringBuilder();
    if (w == Words.KO) {
      b.append(d.focus() == null ? "# 디브리핑: " : "# 학생용 디브리핑: " + md(d.focus()) + " - ");
    } else {
      b.append(d.focus() == null ? "# Debrief: " : "# Debrief for " + md(d.focus()) + ": ");
    }
    b.append(md(d.scenarioName())).append("\n\n");
    b.append(say(w, "- Scenario: `", "- 시나리오: `")).append(md(d.scenarioId()));
    b.append(say(w, "`, seed ", "`, 시드 ")).append(d.seed());
    b.append(", ").append(d.turnsPlayed()).append(say(w, " turns played", "턴 진행"));
    if (d.gameId() != null) {
      b.append(say(w, ", game `", ", 게임 `")).append(md(d.gameId())).append('`');
    }
    b.append("\n");
    b.append("- ").append(w.t("chartsInHtml")).append("\n\n");
    b.append("## ").append(w.t("summary")).append("\n\n");
    for (String line : d.summary()) {
      b.append(md(line)).append('\n');
    }
    b.append('\n');
    room(b, d, w);
    scores(b, d, w);
    if (d.focus() == null) {
      system(b, d, w);
    }
    turningPoints(b, d, w);
    lens(b, d, w);
    decisions(b, d, w);
    alliances(b, d, w);
    turns(b, d, w);
    if (!d.otherNotes().isEmpty()) {
      b.append("## ").append(w.t("otherNotes")).append("\n\n");
      for (Annotation a : d.otherNotes()) {
        note(b, a, w);
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static void scores(StringBuilder b, Debrief d, Words w) {
    b.append("## ").append(w.t("scores")).append("\n\n");
    if (w == Words.KO) {
      b.append("|");
      for (String k : Words.SCORE_COLUMNS) {
        b.append(' ').append(w.t(k)).append(" |");
      }
      b.append('\n');
    } else {
      b.append(
          "| State | Name | Strategy | Status | Survival | Security | Autonomy | Power | Objectives"
              + " | Total | P start | P end |\n");
    }
    b.append("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (StateResult s : d.states()) {
      Scoring.Score sc = s.score();
      b.append("| ").append(md(s.id()));
      b.append(" | ").append(md(s.name()));
      b.append(" | ").append(md(HtmlRenderer.seatWords(d, s, w)));
      b.append(" | ").append(md(s.status()));
      b.append(" | ").append(Numbers.num(sc.survival(), 2));
      b.append(" | ").append(Numbers.num(sc.security(), 2));
      b.append(" | ").append(Numbers.num(sc.autonomy(), 2));
      b.append(" | ").append(Numbers.num(sc.power(), 2));
      b.append(" | ").append(Numbers.num(sc.objectives(), 2));
      b.append(" | **").append(Numbers.num(sc.total(), 1)).append("**");
      b.append(" | ").append(Numbers.num(s.initialPower(), 3));
      b.append(" | ").append(Numbers.num(s.finalPower(), 3));
      b.append(" |\n");
    }
    if (w == Words.KO) {
      b.append('\n').append(w.t("scoresNote")).append("\n\n");
    } else {
      b.append(
          "\nComponents are in [0,1]; the total weights them (by default survival 40, security 25,"
              + " autonomy 15, power 10, objectives 10).\n\n");
    }
  }

  private static void system(StringBuilder b, Debrief d, Words w) {
    Scoring.SystemView s = d.system();
    b.append("## ").append(w.t("system")).append("\n\n");
    b.append(say(w, "| Measure | Value |", "| 항목 | 값 |")).append("\n|---|---:|\n");
    b.append("| ").append(w.t("crises")).append(" | ").append(s.crises()).append(" |\n");
    b.append("| ").append(w.t("wars")).append(" | ").append(s.wars()).append(" |\n");
    b.append("| ").append(w.t("conquered")).append(" | ").append(s.conquests()).append(" |\n");
    b.append("| ").append(w.t("hegemon")).append(" | ");
    b.append(s.hegemon() == null ? w.t("none") : md(s.hegemon())).append(" |\n");
    b.append("| ").append(w.t("formed")).append(" | ").append(s.alliancesFormed()).append(" |\n");
    b.append("| ").append(w.t("ended")).append(" | ");
    b.append(s.alliancesEnded()).append(" |\n");
    b.append("| ").append(w.t("balShare")).append(" | ").append(Numbers.pct(s.balancingShare()));
    b.append(" |\n\n");
  }

  private static void lens(StringBuilder b, Debrief d, Words w) {
    Scoring.SystemView s = d.system();
    b.append("## ").append(w.t("lens")).append("\n\n");
    b.append(
        say(
            w,
            "Agreement of the stances actually taken with each theory's prediction, game-wide:\n\n",
            w.t("lensIntro") + "\n\n"));
    b.append(say(w, "- balance of threat: ", "- 위협 균형: "));
    b.append(Numbers.pct(s.agreeThreat())).append('\n');
    b.append(say(w, "- balance of power: ", "- 세력 균형: "));
    b.append(Numbers.pct(s.agreePower())).append('\n');
    b.append(say(w, "- balance of interests: ", "- 이익 균형: "));
    b.append(Numbers.pct(s.agreeInterests())).append("\n\n");
    b.append(md(d.balancingComparison())).append("\n\n");
    b.append(
        say(
            w,
            "| State | Turns judged | Balanced | Bandwagoned | Threat agreement | Power agreement |"
                + " Interests agreement |\n",
            "| 국가 | 판단된 턴 | 균형 | 편승 | 위협 균형 일치율 | 세력 균형 일치율 | 이익 균형 일치율 |\n"));
    b.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (StateResult r : d.states()) {
      b.append("| ").append(md(r.id()));
      b.append(" | ").append(r.lensTurns());
      b.append(" | ").append(r.balanced());
      b.append(" | ").append(r.bandwagoned());
      b.append(" | ").append(r.lensTurns() == 0 ? "-" : Numbers.pct(r.agreeThreat()));
      b.append(" | ").append(r.lensTurns() == 0 ? "-" : Numbers.pct(r.agreePower()));
      b.append(" | ").append(r.lensTurns() == 0 ? "-" : Numbers.pct(r.agreeInterests()));
      b.append(" |\n");
    }
    b.append('\n');
    b.append("### ").append(w.t("lensSpans")).append("\n\n");
    b.append(
        say(
            w,
            "| Turns | Stances judged | Balance of threat | Balance of power | Balance of interests"
                + " |\n",
            "| 턴 | 판단된 입장 | 위협 균형 | 세력 균형 | 이익 균형 |\n"));
    b.append("|---|---:|---:|---:|---:|\n");
    for (Debrief.LensSpan sp : d.lensSpans()) {
      b.append("| ").append(sp.from() == sp.to() ? "" + sp.from() : sp.from() + "-" + sp.to());
      b.append(" | ").append(sp.judged());
      b.append(" | ").append(sp.judged() == 0 ? "-" : Numbers.pct(sp.threat()));
      b.append(" | ").append(sp.judged() == 0 ? "-" : Numbers.pct(sp.power()));
      b.append(" | ").append(sp.judged() == 0 ? "-" : Numbers.pct(sp.interests()));
      b.append(" |\n");
    }
    b.append('\n');
    b.append("### ").append(w.t("misses")).append(" (").append(d.lensMissesTotal());
    b.append(")\n\n");
    if (d.lensMisses().isEmpty()) {
      b.append(w.t("noMisses")).append("\n\n");
    } else {
      decisionTable(b, d.lensMisses(), true, w);
      if (d.lensMissesTotal() > d.lensMisses().size()) {
        b.append(d.lensMissesTotal() - d.lensMisses().size());
        b.append(say(w, " more not listed.\n\n", "건은 생략했습니다.\n\n"));
      }
    }
  }

  private static void decisions(StringBuilder b, Debrief d, Words w) {
    b.append("## ").append(w.t("decisions")).append("\n\n");
    for (Debrief.StateDecisions sd : d.decisions()) {
      b.append("### ").append(md(sd.state())).append("\n\n");
      decisionTable(b, sd.rows(), false, w);
      if (sd.more() > 0) {
        b.append(sd.more()).append(say(w, " more rows not shown.\n\n", "줄은 생략했습니다.\n\n"));
      }
    }
  }

  private static void decisionTable(
      StringBuilder b, List<Debrief.Decision> rows, boolean state, Words w) {
    if (w == Words.KO) {
      b.append("| 턴 |").append(state ? " 국가 |" : "");
      b.append(" 실제 | 위협 균형 | 세력 균형 | 이익 균형 |\n");
    } else {
      b.append("| Turns |").append(state ? " State |" : "");
      b.append(" Actual | Balance of threat | Balance of power | Balance of interests |\n");
    }
    b.append(state ? "|---|---|---|---|---|---|\n" : "|---|---|---|---|---|\n");
    for (Debrief.Decision x : rows) {
      b.append("| ").append(x.from() == x.to() ? "" + x.from() : x.from() + "-" + x.to());
      if (state) {
        b.append(" | ").append(md(x.state()));
      }
      b.append(" | ").append(md(x.actual()));
      b.append(" | ").append(md(x.threat())).append(x.agreesThreat() ? " ✓" : " ✗");
      b.append(" | ").append(md(x.power())).append(x.agreesPower() ? " ✓" : " ✗");
      b.append(" | ").append(md(x.interests())).append(x.agreesInterests() ? " ✓" : " ✗");
      b.append(" |\n");
    }
    b.append('\n');
  }

  private static void room(StringBuilder b, Debrief d, Words w) {
    b.append("## ").append(w.t("room")).append("\n\n| ").append(w.t("state")).append(" | ");
    b.append(w.t("students")).append(" | ").append(w.t("playedBy")).append(" |\n|---|---|---|\n");
    for (Debrief.SeatStory s : d.seats()) {
      List<String> spans = new ArrayList<>();
      s.spans().forEach(sp -> spans.add(HtmlRenderer.span(sp, w)));
      b.append("| ").append(md(s.state())).append(" | ");
      b.append(
          s.students().isEmpty()
              ? w.t("noStudent")
              : md(
                  String.join(
                      ", ",
                      s.students().stream()
                          .map(x -> x.name() + " (" + w.turn(x.turn()) + ")")
                          .toList())));
      b.append(" | ").append(md(String.join("; ", spans))).append(" |\n");
    }
    b.append('\n');
    if (d.focus() == null) {
      b.append("### ").append(w.t("injects")).append("\n\n");
      if (d.injects().isEmpty()) {
        b.append(w.t("noInjects")).append('\n');
      }
      for (Room.Inject x : d.injects()) {
        for (String t : x.texts()) {
          b.append("- ").append(w.turnHeading(x.turn())).append(": ").append(md(t)).append('\n');
        }
      }
      b.append('\n');
    }
  }

  // The alliances standing at the chart positions, each with its target and kind.
  private static void alliances(StringBuilder b, Debrief d, Words w) {
    b.append(say(w, "## Alliances\n\n", "## 동맹\n\n"));
    b.append(
        say(
            w,
            "Each alliance balances one target (the state named after \"against\"). A defensive"
                + " alliance binds its members to defend a member that is attacked; an offensive one"
                + " also brings them into each other's attacks.\n\n",
            "동맹마다 맞서는 대상이 하나 있습니다(\"대상\" 뒤에 적힌 국가). 방어 동맹의 구성국은 공격받은"
                + " 구성국을 지켜야 하고, 공세 동맹의 구성국은 서로의 공격에도 가담합니다.\n\n"));
    for (Debrief.Snapshot s : d.snapshots()) {
      b.append("- **").append(md(Debrief.capitalise(s.label()))).append("**: ");
      if (s.alliances().isEmpty()) {
        b.append(say(w, "no alliances", "동맹 없음"));
      }
      for (int k = 0; k < s.alliances().size(); k++) {
        Debrief.Group g = s.alliances().get(k);
        b.append(k == 0 ? "" : "; ").append(md(w == Words.KO ? Korean.group(g) : g.words()));
        b.append(say(w, " (cohesion ", " (결속력 ")).append(Numbers.num(g.cohesion(), 2));
        b.append(')');
      }
      b.append('\n');
    }
    b.append('\n');
  }

  private static void turningPoints(StringBuilder b, Debrief d, Words w) {
    b.append("## ").append(w.t("turningPoints")).append("\n\n");
    if (d.turningPoints().isEmpty()) {
      b.append(w.t("noTurningPoints")).append("\n\n");
      return;
    }
    for (Debrief.TurningPoint p : d.turningPoints()) {
      b.append("- **").append(w.turnHeading(p.turn())).append(", ").append(md(p.kind()));
      b.append(":** ");
      b.append(md(p.headline())).append(".\n");
      for (String x : p.why()) {
        b.append("  - ").append(md(x)).append('\n');
      }
    }
    b.append('\n');
    if (!d.discussion().isEmpty()) {
      b.append("## ").append(w.t("discussion")).append("\n\n");
      int k = 1;
      for (String q : d.discussion()) {
        b.append(k++).append(". ").append(md(q)).append('\n');
      }
      b.append('\n');
    }
  }

  private static void turns(StringBuilder b, Debrief d, Words w) {
    b.append("## ").append(w.t("turnByTurn")).append("\n\n");
    if (d.quietTurnsFolded() > 0) {
      b.append(d.quietTurnsFolded()).append(w == Words.KO ? "" : " ").append(w.t("folded"));
      b.append("\n\n");
    }
    Map<Integer, List<Room.Message>> byTurn = new TreeMap<>();
    for (Room.Message m : d.messages()) {
      byTurn.computeIfAbsent(m.turn(), k -> new ArrayList<>()).add(m);
    }
    for (TurnStory t : d.turns()) {
      if (t.lines().size() == 1 && t.lines().get(0).kind() == Debrief.LineKind.QUIET) {
        b.append("*").append(md(t.lines().get(0).text())).append("*\n\n");
        continue;
      }
      b.append("### ").append(w.turnHeading(t.turn())).append(" (").append(md(t.label()));
      b.append(")\n\n");
      for (Annotation a : t.annotations()) {
        note(b, a, w);
      }
      if (!t.annotations().isEmpty()) {
        b.append('\n');
      }
      for (Line l : t.lines()) {
        b.append("- ").append(marker(l, w)).append(md(l.text())).append('\n');
      }
      for (Room.Message m : byTurn.getOrDefault(t.turn(), List.of())) {
        b.append(say(w, "- Message, ", "- 메시지, ")).append(md(HtmlRenderer.header(m, w)));
        b.append(": ").append(md(m.text()));
        b.append('\n');
      }
      b.append('\n');
    }
  }

  private static void note(StringBuilder b, Annotation a, Words w) {
    b.append("> **").append(w.t("note"));
    if (a.author() != null && !a.author().isBlank()) {
      b.append(' ').append(w.t("by")).append(' ').append(md(a.author()));
    }
    if (a.turn() < 1) {
      b.append(" (").append(w.t("beforeGame")).append(')');
    } else {
      b.append(" (").append(w.turn(a.turn())).append(')');
    }
    b.append(":** ").append(md(a.text())).append("\n");
  }

  private static String marker(Line l, Words w) {
    if (w == Words.KO) {
      return switch (l.kind()) {
        case NEWS -> "*소식:* ";
        case WAR -> "";
        case CONQUEST -> "**정복:** ";
        case CRISIS -> "**위기:** ";
        case ALLIANCE -> "동맹: ";
        case CLIENT -> "종속 관계: ";
        case STANCES -> "입장: ";
        case CONDUCT -> "행동: ";
        case INJECT -> "*교수자 주입:* ";
        case QUIET -> "";
      };
    }
    return switch (l.kind()) {
      case NEWS -> "*News:* ";
      case WAR -> "";
      case CONQUEST -> "**Conquest:** ";
      case CRISIS -> "**Crisis:** ";
      case ALLIANCE -> "Alliance: ";
      case CLIENT -> "Client: ";
      case STANCES -> "Stances: ";
      case CONDUCT -> "Conduct: ";
      case INJECT -> "*Injected by the instructor:* ";
      case QUIET -> "";
    };
  }
}
