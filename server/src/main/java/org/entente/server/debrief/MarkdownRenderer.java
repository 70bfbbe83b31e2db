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
    StringBuilder b = new StringBuilder();
    b.append(d.focus() == null ? "# Debrief: " : "# Debrief for " + md(d.focus()) + ": ");
    b.append(md(d.scenarioName())).append("\n\n");
    b.append("- Scenario: `").append(md(d.scenarioId())).append("`, seed ").append(d.seed());
    b.append(", ").append(d.turnsPlayed()).append(" turns played");
    if (d.gameId() != null) {
      b.append(", game `").append(md(d.gameId())).append('`');
    }
    b.append("\n");
    b.append("- ").append(Words.EN.t("chartsInHtml")).append("\n\n");
    b.append("## Summary\n\n");
    for (String line : d.summary()) {
      b.append(md(line)).append('\n');
    }
    b.append('\n');
    room(b, d);
    scores(b, d);
    if (d.focus() == null) {
      system(b, d);
    }
    turningPoints(b, d);
    lens(b, d);
    decisions(b, d);
    alliances(b, d);
    turns(b, d);
    if (!d.otherNotes().isEmpty()) {
      b.append("## Other notes\n\n");
      for (Annotation a : d.otherNotes()) {
        note(b, a);
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static void scores(StringBuilder b, Debrief d) {
    b.append("## Scores\n\n");
    b.append(
        "| State | Name | Strategy | Status | Survival | Security | Autonomy | Power | Objectives"
            + " | Total | P start | P end |\n");
    b.append("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (StateResult s : d.states()) {
      Scoring.Score sc = s.score();
      b.append("| ").append(md(s.id()));
      b.append(" | ").append(md(s.name()));
      b.append(" | ").append(md(HtmlRenderer.seatWords(d, s)));
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
    b.append(
        "\nComponents are in [0,1]; the total weights them (by default survival 40, security 25,"
            + " autonomy 15, power 10, objectives 10).\n\n");
  }

  private static void system(StringBuilder b, Debrief d) {
    Scoring.SystemView s = d.system();
    b.append("## System view\n\n");
    b.append("| Measure | Value |\n|---|---:|\n");
    b.append("| Crises | ").append(s.crises()).append(" |\n");
    b.append("| Wars | ").append(s.wars()).append(" |\n");
    b.append("| States conquered | ").append(s.conquests()).append(" |\n");
    b.append("| Hegemon | ").append(s.hegemon() == null ? "none" : md(s.hegemon())).append(" |\n");
    b.append("| Alliances formed (joins included) | ").append(s.alliancesFormed()).append(" |\n");
    b.append("| Alliances ended (dissolutions and departures) | ");
    b.append(s.alliancesEnded()).append(" |\n");
    b.append("| Balancing share of alignment decisions | ").append(Numbers.pct(s.balancingShare()));
    b.append(" |\n\n");
  }

  private static void lens(StringBuilder b, Debrief d) {
    Scoring.SystemView s = d.system();
    b.append("## The theory lens\n\n");
    b.append(
        "Agreement of the stances actually taken with each theory's prediction, game-wide:\n\n");
    b.append("- balance of threat: ").append(Numbers.pct(s.agreeThreat())).append('\n');
    b.append("- balance of power: ").append(Numbers.pct(s.agreePower())).append('\n');
    b.append("- balance of interests: ").append(Numbers.pct(s.agreeInterests())).append("\n\n");
    b.append(md(d.balancingComparison())).append("\n\n");
    b.append(
        "| State | Turns judged | Balanced | Bandwagoned | Threat agreement | Power agreement |"
            + " Interests agreement |\n");
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
    b.append("### Agreement by turn span\n\n");
    b.append(
        "| Turns | Stances judged | Balance of threat | Balance of power | Balance of interests |\n");
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
    b.append("### Decisions no theory predicted (").append(d.lensMissesTotal()).append(")\n\n");
    if (d.lensMisses().isEmpty()) {
      b.append("Every stance agreed with at least one theory.\n\n");
    } else {
      decisionTable(b, d.lensMisses(), true);
      if (d.lensMissesTotal() > d.lensMisses().size()) {
        b.append(d.lensMissesTotal() - d.lensMisses().size()).append(" more not listed.\n\n");
      }
    }
  }

  private static void decisions(StringBuilder b, Debrief d) {
    b.append("## Decisions beside the theories\n\n");
    for (Debrief.StateDecisions sd : d.decisions()) {
      b.append("### ").append(md(sd.state())).append("\n\n");
      decisionTable(b, sd.rows(), false);
      if (sd.more() > 0) {
        b.append(sd.more()).append(" more rows not shown.\n\n");
      }
    }
  }

  private static void decisionTable(StringBuilder b, List<Debrief.Decision> rows, boolean state) {
    b.append("| Turns |").append(state ? " State |" : "");
    b.append(" Actual | Balance of threat | Balance of power | Balance of interests |\n");
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

  private static void room(StringBuilder b, Debrief d) {
    b.append("## Who played\n\n| State | Students | Played by |\n|---|---|---|\n");
    for (Debrief.SeatStory s : d.seats()) {
      List<String> spans = new ArrayList<>();
      s.spans().forEach(sp -> spans.add(sp.turns() + ": " + sp.player().words()));
      b.append("| ").append(md(s.state())).append(" | ");
      b.append(
          s.students().isEmpty()
              ? "no student joined"
              : md(
                  String.join(
                      ", ",
                      s.students().stream()
                          .map(x -> x.name() + " (turn " + x.turn() + ")")
                          .toList())));
      b.append(" | ").append(md(String.join("; ", spans))).append(" |\n");
    }
    b.append('\n');
    if (d.focus() == null) {
      b.append("### Injected events\n\n");
      if (d.injects().isEmpty()) {
        b.append("The instructor injected no events.\n");
      }
      for (Room.Inject x : d.injects()) {
        for (String t : x.texts()) {
          b.append("- Turn ").append(x.turn()).append(": ").append(md(t)).append('\n');
        }
      }
      b.append('\n');
    }
  }

  // The alliances standing at the chart positions, each with its target and kind.
  private static void alliances(StringBuilder b, Debrief d) {
    b.append("## Alliances\n\n");
    b.append(
        "Each alliance balances one target (the state named after \"against\"). A defensive"
            + " alliance binds its members to defend a member that is attacked; an offensive one"
            + " also brings them into each other's attacks.\n\n");
    for (Debrief.Snapshot s : d.snapshots()) {
      b.append("- **").append(md(Debrief.capitalise(s.label()))).append("**: ");
      if (s.alliances().isEmpty()) {
        b.append("no alliances");
      }
      for (int k = 0; k < s.alliances().size(); k++) {
        Debrief.Group g = s.alliances().get(k);
        b.append(k == 0 ? "" : "; ").append(md(g.words()));
        b.append(" (cohesion ").append(Numbers.num(g.cohesion(), 2)).append(')');
      }
      b.append('\n');
    }
    b.append('\n');
  }

  private static void turningPoints(StringBuilder b, Debrief d) {
    b.append("## Turning points\n\n");
    if (d.turningPoints().isEmpty()) {
      b.append("No alliance formed or broke, no war was fought and no principal threat moved.\n\n");
      return;
    }
    for (Debrief.TurningPoint p : d.turningPoints()) {
      b.append("- **Turn ").append(p.turn()).append(", ").append(md(p.kind())).append(":** ");
      b.append(md(p.headline())).append(".\n");
      for (String w : p.why()) {
        b.append("  - ").append(md(w)).append('\n');
      }
    }
    b.append('\n');
    if (!d.discussion().isEmpty()) {
      b.append("## Discussion guide\n\n");
      int k = 1;
      for (String q : d.discussion()) {
        b.append(k++).append(". ").append(md(q)).append('\n');
      }
      b.append('\n');
    }
  }

  private static void turns(StringBuilder b, Debrief d) {
    b.append("## Turn by turn\n\n");
    if (d.quietTurnsFolded() > 0) {
      b.append(d.quietTurnsFolded())
          .append(" quiet turns of this long game are folded into one line each run.\n\n");
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
      b.append("### Turn ").append(t.turn()).append(" (").append(md(t.label())).append(")\n\n");
      for (Annotation a : t.annotations()) {
        note(b, a);
      }
      if (!t.annotations().isEmpty()) {
        b.append('\n');
      }
      for (Line l : t.lines()) {
        b.append("- ").append(marker(l)).append(md(l.text())).append('\n');
      }
      for (Room.Message m : byTurn.getOrDefault(t.turn(), List.of())) {
        b.append("- Message, ").append(md(m.header())).append(": ").append(md(m.text()));
        b.append('\n');
      }
      b.append('\n');
    }
  }

  private static void note(StringBuilder b, Annotation a) {
    b.append("> **Note");
    if (a.author() != null && !a.author().isBlank()) {
      b.append(" by ").append(md(a.author()));
    }
    if (a.turn() < 1) {
      b.append(" (before the game)");
    } else {
      b.append(" (turn ").append(a.turn()).append(')');
    }
    b.append(":** ").append(md(a.text())).append("\n");
  }

  private static String marker(Line l) {
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
