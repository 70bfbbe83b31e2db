package org.entente.server.debrief;

import static org.entente.server.debrief.Texts.f1;
import static org.entente.server.debrief.Texts.f2;
import static org.entente.server.debrief.Texts.f3;
import static org.entente.server.debrief.Texts.md;
import static org.entente.server.debrief.Texts.pct;

import java.util.Map;
import org.entente.server.debrief.Debrief.Line;
import org.entente.server.debrief.Debrief.StateResult;
import org.entente.server.debrief.Debrief.TurnStory;
import org.entente.server.engine.Scoring;
import org.entente.server.engine.TurnReport.LensEntry;
import org.entente.server.engine.TurnReport.Prediction;
import org.entente.server.history.GameHistory.Annotation;

/** The debrief as Markdown: the tables and the narrative (the charts are in the HTML form). */
final class MarkdownRenderer {
  private MarkdownRenderer() {}

  static String render(Debrief d) {
    StringBuilder b = new StringBuilder();
    b.append("# Debrief: ").append(md(d.scenarioName())).append("\n\n");
    b.append("- Scenario: `").append(md(d.scenarioId())).append("`, seed ").append(d.seed());
    b.append(", ").append(d.turnsPlayed()).append(" turns played");
    if (d.gameId() != null) {
      b.append(", game `").append(md(d.gameId())).append('`');
    }
    b.append("\n");
    if (!d.strategies().isEmpty()) {
      b.append("- Seats: ");
      int k = 0;
      for (Map.Entry<String, String> e : d.strategies().entrySet()) {
        b.append(k++ == 0 ? "" : ", ").append(md(e.getKey())).append('=');
        b.append(e.getValue() == null ? "human" : md(e.getValue()));
      }
      b.append("\n");
    }
    b.append(
        "- Charts (power over time, threat heat maps, the alliance network) are in the HTML form"
            + " of this debrief (`--format html`).\n\n");

    scores(b, d);
    system(b, d);
    turningPoints(b, d);
    lens(b, d);
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
      b.append(" | ").append(s.strategy() == null ? "human" : md(s.strategy()));
      b.append(" | ").append(md(s.status()));
      b.append(" | ").append(f2(sc.survival()));
      b.append(" | ").append(f2(sc.security()));
      b.append(" | ").append(f2(sc.autonomy()));
      b.append(" | ").append(f2(sc.power()));
      b.append(" | ").append(f2(sc.objectives()));
      b.append(" | **").append(f1(sc.total())).append("**");
      b.append(" | ").append(f3(s.initialPower()));
      b.append(" | ").append(f3(s.finalPower()));
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
    b.append("| Balancing share of alignment decisions | ").append(pct(s.balancingShare()));
    b.append(" |\n\n");
  }

  private static void lens(StringBuilder b, Debrief d) {
    Scoring.SystemView s = d.system();
    b.append("## The theory lens\n\n");
    b.append(
        "Agreement of the stances actually taken with each theory's prediction, game-wide:\n\n");
    b.append("- balance of threat: ").append(pct(s.agreeThreat())).append('\n');
    b.append("- balance of power: ").append(pct(s.agreePower())).append('\n');
    b.append("- balance of interests: ").append(pct(s.agreeInterests())).append("\n\n");
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
      b.append(" | ").append(r.lensTurns() == 0 ? "-" : pct(r.agreeThreat()));
      b.append(" | ").append(r.lensTurns() == 0 ? "-" : pct(r.agreePower()));
      b.append(" | ").append(r.lensTurns() == 0 ? "-" : pct(r.agreeInterests()));
      b.append(" |\n");
    }
    b.append('\n');
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
        b.append(" (cohesion ").append(f2(g.cohesion())).append(')');
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
    for (TurnStory t : d.turns()) {
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
      if (!t.lens().isEmpty()) {
        b.append(
            "\n| State | Actual | Balance of threat | Balance of power | Balance of interests"
                + " |\n");
        b.append("|---|---|---|---|---|\n");
        for (LensEntry e : t.lens()) {
          b.append("| ").append(md(e.state()));
          b.append(" | ").append(md(Debrief.stanceWords(e.actual(), e.actualTarget())));
          b.append(" | ").append(prediction(e.threat(), e.agreesThreat()));
          b.append(" | ").append(prediction(e.power(), e.agreesPower()));
          b.append(" | ").append(prediction(e.interests(), e.agreesInterests()));
          b.append(" |\n");
        }
      }
      b.append('\n');
    }
  }

  private static String prediction(Prediction p, boolean agrees) {
    String w = p == null ? "-" : Debrief.stanceWords(p.kind(), p.target());
    return md(w) + (agrees ? " ✓" : " ✗");
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
    };
  }
}
