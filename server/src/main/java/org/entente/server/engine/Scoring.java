package org.entente.server.engine;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.Stance.StanceKind;
import org.entente.server.engine.TurnReport.LensEntry;

/**
 * Scores and the debrief's numbers (RULES.md section 7): five components per state, each in [0,1],
 * weighted to 0-100, the system view, and the theory lens's agreement rates.
 */
public final class Scoring {
  private Scoring() {}

  /** One state's score, by component. */
  public record Score(
      String state,
      double survival,
      double security,
      double autonomy,
      double power,
      double objectives,
      double total) {}

  /** The game as a whole. */
  public record SystemView(
      int wars,
      int conquests,
      String hegemon,
      int alliancesFormed,
      int alliancesEnded,
      int crises,
      double balancingShare,
      double agreeThreat,
      double agreePower,
      double agreeInterests) {}

  /** Every state's score for the position {@code s} (final once the game is over). */
  public static List<Score> scores(GameState s) {
    Params p = s.world().params();
    ThreatModel m = model(s);
    ThreatModel initial = initialModel(s.world());
    List<Score> out = new ArrayList<>();
    for (int i = 0; i < s.nations().size(); i++) {
      Nation n = s.nations().get(i);
      Tally t = s.tallies().get(i);
      double survival = !n.conquered() && !t.dependentLast() && !t.dependentBefore() ? 1 : 0;
      double security = t.turns() == 0 ? 0 : t.coverageSum() / t.turns();
      double autonomy = t.turns() == 0 ? 1 : (double) t.autonomousTurns() / t.turns();
      double ratio = initial.power(i) > 0 ? m.power(i) / initial.power(i) : 0;
      double power = Math.min(ratio, p.powerRatioCap()) / p.powerRatioCap();
      double objectives = Objectives.met(s, m, i);
      double total =
          p.scoreSurvival() * survival
              + p.scoreSecurity() * security
              + p.scoreAutonomy() * autonomy
              + p.scorePower() * power
              + p.scoreObjectives() * objectives;
      out.add(new Score(n.id(), survival, security, autonomy, power, objectives, total));
    }
    return out;
  }

  /** The system view of the position {@code s}. */
  public static SystemView system(GameState s) {
    ThreatModel m = model(s);
    String hegemon = null;
    for (int i = 0; i < s.nations().size(); i++) {
      if (m.power(i) > s.world().params().hegemonShare()) {
        hegemon = s.nations().get(i).id();
      }
    }
    int bal = 0, band = 0, judged = 0, at = 0, ap = 0, ai = 0;
    for (Tally t : s.tallies()) {
      bal += t.balanced();
      band += t.bandwagoned();
      judged += t.lensTurns();
      at += t.agreeThreat();
      ap += t.agreePower();
      ai += t.agreeInterests();
    }
    GameState.SystemTally st = s.system();
    return new SystemView(
        st.wars(),
        st.conquests(),
        hegemon,
        st.alliancesFormed(),
        st.alliancesEnded(),
        st.crises(),
        bal + band == 0 ? 0 : (double) bal / (bal + band),
        judged == 0 ? 0 : (double) at / judged,
        judged == 0 ? 0 : (double) ap / judged,
        judged == 0 ? 0 : (double) ai / judged);
  }

  static ThreatModel model(GameState s) {
    return ThreatModel.of(s);
  }

  static ThreatModel initialModel(World w) {
    return ThreatModel.compute(
        w, w.start(), w.baseline(), w.startAlliances(), w.startClients(), null);
  }

  /** The tally of state i after a turn. */
  static Tally tally(
      Tally t,
      double coverage,
      boolean dependent,
      boolean attacked,
      boolean warred,
      LensEntry lens) {
    boolean judged = lens != null;
    return new Tally(
        t.coverageSum() + coverage,
        t.turns() + 1,
        t.autonomousTurns() + (dependent ? 0 : 1),
        dependent,
        t.dependentLast(),
        t.attacked() || attacked,
        t.warred() || warred,
        t.balanced() + (judged && lens.actual() == StanceKind.BALANCE ? 1 : 0),
        t.bandwagoned() + (judged && lens.actual() == StanceKind.BANDWAGON ? 1 : 0),
        t.agreeThreat() + (judged && lens.agreesThreat() ? 1 : 0),
        t.agreePower() + (judged && lens.agreesPower() ? 1 : 0),
        t.agreeInterests() + (judged && lens.agreesInterests() ? 1 : 0),
        t.lensTurns() + (judged ? 1 : 0));
  }
}
