package org.entente.server.sim;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.api.AllianceKind;
import org.entente.api.PlayerView.PublicStance;
import org.entente.api.Stance;
import org.entente.server.engine.Alliance;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Games;
import org.entente.server.engine.Scoring;
import org.entente.server.engine.Tally;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.TurnReport.Event;
import org.entente.server.engine.TurnReport.War;
import org.entente.server.engine.World;

/** Renders a played game for a terminal: a line per stance, the turn's events, the debrief. */
public final class Summary {
  private final World world;
  private final Map<String, String> strategies;
  private final long seed;

  public Summary(World world, Map<String, String> strategies, long seed) {
    this.world = world;
    this.strategies = strategies;
    this.seed = seed;
  }

  public void header(PrintWriter out) {
    out.printf(
        "%s (%s), seed %d, %d turns: %s to %s%n",
        world.name(), world.id(), seed, world.turns(), world.label(1), world.label(world.turns()));
    out.println(
        "seats: "
            + String.join(
                ", ",
                strategies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
  }

  public void turns(PrintWriter out, Games.Played played) {
    List<Event> news = played.prologue();
    String standing = alliances(played.states().get(0));
    for (int k = 0; k < played.reports().size(); k++) {
      TurnReport r = played.reports().get(k);
      out.printf("%nTurn %d (%s)%n", r.turn(), r.label());
      for (Event e : news) {
        out.println("  " + marker(e) + " " + e.text());
      }
      news = r.news();
      out.println(
          "  stances: " + String.join("; ", r.stances().stream().map(Summary::stance).toList()));
      for (War w : r.wars()) {
        out.printf(
            Locale.ROOT,
            "  !! war %s: %s vs %s, attackers' odds %.0f%%: %s%n",
            w.crisis(),
            String.join("+", w.attackers()),
            String.join("+", w.defenders()),
            100 * w.attackersWinChance(),
            w.reason());
      }
      for (Event e : r.events()) {
        if (e.kind() != TurnReport.EventKind.WAR) {
          out.println("  " + marker(e) + " " + e.text());
        }
      }
      // the standing alliances, each with its target and kind, whenever they changed
      String now = k + 1 < played.states().size() ? alliances(played.states().get(k + 1)) : null;
      if (now != null && (k == 0 || !now.equals(standing))) {
        out.println("  alliances: " + now);
      }
      standing = now == null ? standing : now;
    }
    out.println();
  }

  /** The standing alliances of {@code s} in one line, or "none". */
  static String alliances(GameState s) {
    if (s.alliances().isEmpty()) {
      return "none";
    }
    return String.join("; ", s.alliances().stream().map(Summary::alliance).toList());
  }

  /** One alliance: "A1 EGY+SYR vs ISR (defensive, cohesion 0.90)". */
  static String alliance(Alliance a) {
    return String.format(
        Locale.ROOT,
        "%s %s vs %s (%s, cohesion %.2f)",
        a.id(),
        String.join("+", a.members()),
        a.target() == null ? "-" : a.target(),
        a.kind() == AllianceKind.OFFENSIVE ? "offensive" : "defensive",
        a.cohesion());
  }

  private static String marker(Event e) {
    return switch (e.kind()) {
      case WAR, CONQUEST -> "!!";
      case CRISIS_DECLARED -> "! ";
      case INJECT -> "* ";
      default -> "+ ";
    };
  }

  static String stance(PublicStance p) {
    Stance s = p.stance();
    String what;
    if (s instanceof Stance.Balance b) {
      what =
          "BALANCE vs "
              + b.against()
              + (b.internal() > 0 ? String.format(Locale.ROOT, " arm %.2f", b.internal()) : "")
              + (b.partners().isEmpty() ? "" : " with " + String.join("+", b.partners()))
              + (b.offensive() ? " offensive" : "");
    } else if (s instanceof Stance.Bandwagon b) {
      what = "BANDWAGON " + b.bandwagonKind().name().toLowerCase(Locale.ROOT) + " with " + b.with();
    } else if (s instanceof Stance.BuckPass b) {
      what = "BUCK_PASS " + b.threat() + " to " + b.catcher();
    } else {
      what = "HIDE";
    }
    return p.state() + " " + what;
  }

  public void debrief(PrintWriter out, GameState end) {
    out.println(
        "Debrief after turn " + (end.turn() - 1) + " (" + world.label(end.turn() - 1) + ")");
    out.printf(
        "  %-6s %-16s %6s %8s %8s %8s %6s %10s %6s  %s%n",
        "STATE",
        "BOT",
        "SCORE",
        "SURVIVAL",
        "SECURITY",
        "AUTONOMY",
        "POWER",
        "OBJECTIVES",
        "P",
        "LENS threat/power/interests");
    List<Scoring.Score> scores = Scoring.scores(end);
    double[] powers = org.entente.server.engine.ThreatModel.powers(end.nations(), world.params());
    for (int i = 0; i < scores.size(); i++) {
      Scoring.Score s = scores.get(i);
      Tally t = end.tallies().get(i);
      String status =
          end.nations().get(i).conquered()
              ? " (conquered)"
              : end.patronOf(s.state()) != null
                  ? " (client of " + end.patronOf(s.state()).patron() + ")"
                  : "";
      out.printf(
          Locale.ROOT,
          "  %-6s %-16s %6.1f %8.2f %8.2f %8.2f %6.2f %10.2f %6.3f  %s%s%n",
          s.state(),
          strategies.get(s.state()),
          s.total(),
          s.survival(),
          s.security(),
          s.autonomy(),
          s.power(),
          s.objectives(),
          powers[i],
          rate(t.agreeThreat(), t.lensTurns())
              + "/"
              + rate(t.agreePower(), t.lensTurns())
              + "/"
              + rate(t.agreeInterests(), t.lensTurns()),
          status);
    }
    Scoring.SystemView sys = Scoring.system(end);
    out.printf(
        Locale.ROOT,
        "  system: %d crises, %d wars, %d conquests, hegemon: %s, alliances formed %d / ended %d%n",
        sys.crises(),
        sys.wars(),
        sys.conquests(),
        sys.hegemon() == null ? "none" : sys.hegemon(),
        sys.alliancesFormed(),
        sys.alliancesEnded());
    out.println("  alliances standing: " + alliances(end));
    out.printf(
        Locale.ROOT,
        "  theory lens: %.0f%% of alignment decisions were balancing; agreement with balance of threat %.0f%%, of power %.0f%%, of interests %.0f%%%n",
        100 * sys.balancingShare(),
        100 * sys.agreeThreat(),
        100 * sys.agreePower(),
        100 * sys.agreeInterests());
    out.println("  final state hash " + org.entente.server.engine.StateHasher.hash(end));
  }

  private static String rate(int a, int n) {
    return n == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * a / n);
  }
}
