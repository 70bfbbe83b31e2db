package org.entente.server.debrief;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.entente.api.AllianceKind;
import org.entente.api.OrderOutcome;
import org.entente.api.OutcomeCode;
import org.entente.api.PlayerView.PublicStance;
import org.entente.api.Stance;
import org.entente.server.engine.ClientLink;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Nation;
import org.entente.server.engine.Scoring;
import org.entente.server.engine.Tally;
import org.entente.server.engine.ThreatModel;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.TurnReport.Event;
import org.entente.server.engine.TurnReport.LensEntry;
import org.entente.server.engine.TurnReport.War;
import org.entente.server.history.GameHistory;
import org.entente.server.history.GameHistory.Annotation;

/**
 * The debrief of one game (RULES.md section 7) as data, ready for any renderer: every state's score
 * and its components, the system view, a turn-by-turn narrative with the instructor's notes in
 * place, the theory lens, and the series the charts draw (power over time, threat matrices and the
 * alliance network at chosen positions).
 *
 * @param states one result per state, in scenario order
 * @param balancingComparison one sentence setting the game's balancing share beside Walt's finding
 * @param otherNotes annotations whose turn lies outside the turns played
 * @param power P of every state at every position (position k: after k turns)
 * @param snapshots threat matrix and alignments at the chosen positions
 */
public record Debrief(
    String gameId,
    String scenarioId,
    String scenarioName,
    long seed,
    int turnsPlayed,
    Map<String, String> strategies,
    List<StateResult> states,
    Scoring.SystemView system,
    int balancingDecisions,
    int bandwagoningDecisions,
    String balancingComparison,
    List<TurnStory> turns,
    List<Annotation> otherNotes,
    List<PowerSample> power,
    List<Snapshot> snapshots,
    List<TurningPoint> turningPoints,
    List<String> discussion) {

  /**
   * A turn where the game changed course: its kind (alliance formed, alliance broken, war,
   * conquest, abandonment, threat shift), what happened, and why (the outcome codes and reasons of
   * the orders behind it, a war's sides and odds, the four threat terms of a principal threat).
   */
  public record TurningPoint(int turn, String kind, String headline, List<String> why) {}

  /** One state's result: its score by component, its power, its status and its lens record. */
  public record StateResult(
      String id,
      String name,
      String strategy,
      Scoring.Score score,
      double initialPower,
      double finalPower,
      String status,
      int lensTurns,
      double agreeThreat,
      double agreePower,
      double agreeInterests,
      int balanced,
      int bandwagoned) {}

  /** One line of a turn's story; {@code kind} says what it is about. */
  public record Line(LineKind kind, String text) {}

  /** What a narrative line is about. */
  public enum LineKind {
    NEWS,
    STANCES,
    ALLIANCE,
    CLIENT,
    CRISIS,
    WAR,
    CONQUEST,
    CONDUCT
  }

  /** One turn: what happened, the lens entries and the notes made on it. */
  public record TurnStory(
      int turn,
      String label,
      List<Line> lines,
      List<PublicStance> stances,
      List<LensEntry> lens,
      List<Annotation> annotations) {}

  /** The power P of every state (scenario order) at position {@code position}. */
  public record PowerSample(int position, String label, List<Double> power) {}

  /**
   * An alliance at a position: its members, cohesion, the state it balances ({@code target}, null
   * for an alliance recorded without one) and its kind.
   */
  public record Group(
      String id, List<String> members, double cohesion, String target, AllianceKind kind) {
    /** The alliance in words: "a1 (defensive, against KAD): LEN, OST". */
    public String words() {
      return id
          + " ("
          + (kind == AllianceKind.OFFENSIVE ? "offensive" : "defensive")
          + ", "
          + (target == null ? "no recorded target" : "against " + target)
          + "): "
          + String.join(", ", members);
    }
  }

  /** A directed patron-client link. */
  public record Link(String patron, String client) {}

  /**
   * The threat matrix and alignments at a position: {@code threat.get(j).get(i)} is T[j][i], what j
   * feels from i.
   */
  public record Snapshot(
      int position,
      String label,
      List<String> ids,
      List<List<Double>> threat,
      List<Group> alliances,
      List<Link> clients,
      List<String> conquered) {}

  /** The debrief of {@code h}, with charts at the first, middle and last positions. */
  public static Debrief of(GameHistory h) {
    return of(h, null);
  }

  /**
   * The debrief of {@code h}, with the threat and alliance charts at {@code positions} (after that
   * many turns; 0 is the start). Null or empty: the first, middle and last positions. Positions out
   * of range are clamped.
   */
  public static Debrief of(GameHistory h, List<Integer> positions) {
    GameState end = h.last();
    int n = h.world().size();
    List<String> ids = h.world().start().stream().map(Nation::id).toList();
    List<Scoring.Score> scores = Scoring.scores(end);
    double[] initial = ThreatModel.powers(h.states().get(0).nations(), h.world().params());
    double[] fin = ThreatModel.powers(end.nations(), h.world().params());
    List<StateResult> states = new ArrayList<>();
    int bal = 0;
    int band = 0;
    for (int i = 0; i < n; i++) {
      Nation nat = end.nations().get(i);
      Tally t = end.tallies().get(i);
      ClientLink patron = end.patronOf(nat.id());
      String status =
          nat.conquered()
              ? "conquered"
              : patron != null ? "client of " + patron.patron() : "independent";
      bal += t.balanced();
      band += t.bandwagoned();
      states.add(
          new StateResult(
              nat.id(),
              nat.name(),
              h.strategies().get(nat.id()),
              scores.get(i),
              initial[i],
              fin[i],
              status,
              t.lensTurns(),
              rate(t.agreeThreat(), t.lensTurns()),
              rate(t.agreePower(), t.lensTurns()),
              rate(t.agreeInterests(), t.lensTurns()),
              t.balanced(),
              t.bandwagoned()));
    }
    Scoring.SystemView system = Scoring.system(end);

    int played = h.reports().size();
    Map<Integer, List<Annotation>> notes = new TreeMap<>();
    List<Annotation> other = new ArrayList<>();
    for (Annotation a : h.annotations()) {
      if (a.turn() >= 1 && a.turn() <= played) {
        notes.computeIfAbsent(a.turn(), k -> new ArrayList<>()).add(a);
      } else {
        other.add(a);
      }
    }
    List<TurnStory> turns = new ArrayList<>();
    List<Event> news = h.prologue();
    for (TurnReport r : h.reports()) {
      turns.add(
          new TurnStory(
              r.turn(),
              r.label(),
              story(r, news),
              r.stances(),
              r.lens(),
              notes.getOrDefault(r.turn(), List.of())));
      news = r.news();
    }

    List<PowerSample> power = new ArrayList<>();
    for (int k = 0; k < h.states().size(); k++) {
      double[] p = ThreatModel.powers(h.states().get(k).nations(), h.world().params());
      List<Double> row = new ArrayList<>();
      for (double v : p) {
        row.add(v);
      }
      power.add(new PowerSample(k, positionLabel(h, k), row));
    }

    List<Snapshot> snapshots = new ArrayList<>();
    for (int k : chartPositions(h.states().size(), positions)) {
      snapshots.add(snapshot(h, k, ids));
    }

    List<TurningPoint> points = TurningPoints.of(h);
    return new Debrief(
        h.gameId(),
        h.world().id(),
        h.world().name(),
        h.seed(),
        played,
        h.strategies(),
        states,
        system,
        bal,
        band,
        comparison(system.balancingShare(), bal, band),
        turns,
        other,
        power,
        snapshots,
        points,
        TurningPoints.questions(points));
  }

  /** The positions charted: the requested ones clamped and deduplicated, or first/middle/last. */
  static List<Integer> chartPositions(int count, List<Integer> requested) {
    LinkedHashSet<Integer> out = new LinkedHashSet<>();
    if (requested == null || requested.isEmpty()) {
      out.add(0);
      out.add((count - 1) / 2);
      out.add(count - 1);
    } else {
      for (int k : requested) {
        out.add(Math.max(0, Math.min(count - 1, k)));
      }
    }
    return List.copyOf(out);
  }

  /** How position {@code k} (after k turns) reads. */
  static String positionLabel(GameHistory h, int k) {
    if (k == 0) {
      return "start (before turn 1, " + h.world().label(1) + ")";
    }
    return "after turn " + k + " (" + h.world().label(k) + ")";
  }

  private static Snapshot snapshot(GameHistory h, int k, List<String> ids) {
    GameState s = h.states().get(k);
    ThreatModel m = ThreatModel.of(s);
    int n = ids.size();
    List<List<Double>> threat = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      List<Double> row = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        row.add(i == j ? 0.0 : m.threat(j, i));
      }
      threat.add(row);
    }
    List<Group> alliances =
        s.alliances().stream()
            .map(a -> new Group(a.id(), a.members(), a.cohesion(), a.target(), a.kind()))
            .toList();
    List<Link> clients = s.clients().stream().map(c -> new Link(c.patron(), c.client())).toList();
    List<String> conquered =
        s.nations().stream().filter(Nation::conquered).map(Nation::id).toList();
    return new Snapshot(k, positionLabel(h, k), ids, threat, alliances, clients, conquered);
  }

  private static double rate(int a, int n) {
    return n == 0 ? 0 : (double) a / n;
  }

  /** The sentence setting the balancing share beside Walt's Middle East finding. */
  static String comparison(double share, int bal, int band) {
    if (bal + band == 0) {
      return "No state balanced or bandwagoned in this game, so it cannot be set beside Walt's"
          + " finding that balancing dominated Middle East alignments from 1955 to 1979.";
    }
    String pct = String.format(Locale.ROOT, "%.0f%%", 100 * share);
    String verdict =
        share > 0.5
            ? "so this game, like the alliances Walt studied in the Middle East between 1955 and"
                + " 1979, was mostly balancing, and bandwagoning was the exception"
            : "so this game departs from Walt's Middle East of 1955-79, where balancing was the"
                + " rule and bandwagoning the exception of weak, isolated states";
    return "Of "
        + (bal + band)
        + " alignment decisions, "
        + bal
        + " were balancing and "
        + band
        + " bandwagoning ("
        + pct
        + " balancing), "
        + verdict
        + ".";
  }

  // ---- the narrative ----

  private static List<Line> story(TurnReport r, List<Event> news) {
    List<Line> out = new ArrayList<>();
    for (Event e : news) {
      event(out, r, e);
    }
    out.addAll(stanceLines(r.stances()));
    for (Event e : r.events()) {
      event(out, r, e);
    }
    for (War w : r.wars()) {
      out.add(new Line(LineKind.WAR, warLine(w)));
    }
    for (OrderOutcome o : r.outcomes()) {
      if (o.code() == OutcomeCode.ABANDONED_ALLY || o.code() == OutcomeCode.CHAIN_GANGED) {
        String what = o.code() == OutcomeCode.ABANDONED_ALLY ? "abandoned an ally" : "chain-ganged";
        out.add(new Line(LineKind.CONDUCT, o.state() + " " + what + ": " + o.reason()));
      }
    }
    return out;
  }

  private static void event(List<Line> out, TurnReport r, Event e) {
    switch (e.kind()) {
      case INJECT -> out.add(new Line(LineKind.NEWS, e.text()));
      case ALLIANCE_FORMED, ALLIANCE_JOINED, ALLIANCE_DISSOLVED ->
          out.add(new Line(LineKind.ALLIANCE, capitalise(e.text())));
      case ALLIANCE_LEFT ->
          out.add(new Line(LineKind.ALLIANCE, capitalise(e.text()) + leftReason(r, e)));
      case CLIENT_LINK_FORMED ->
          out.add(
              new Line(
                  LineKind.CLIENT,
                  capitalise(e.text())
                      + (e.states().size() > 1
                          ? " and becomes its client (" + e.states().get(1) + " is the patron)"
                          : "")));
      case CLIENT_LINK_ENDED -> out.add(new Line(LineKind.CLIENT, capitalise(e.text())));
      case CRISIS_DECLARED -> out.add(new Line(LineKind.CRISIS, "Crisis declared: " + e.text()));
      case CRISIS_DEFUSED, CRISIS_VOID -> out.add(new Line(LineKind.CRISIS, capitalise(e.text())));
      case CONQUEST -> out.add(new Line(LineKind.CONQUEST, capitalise(e.text())));
      case WAR -> {} // told from the war records
    }
  }

  /** Why a state left an alliance, from its outcomes that turn. */
  private static String leftReason(TurnReport r, Event e) {
    if (e.states().isEmpty()) {
      return "";
    }
    for (OrderOutcome o : r.outcomesOf(e.states().get(0))) {
      if (o.code() == OutcomeCode.LEFT_ALLIANCE_FOR_PATRON
          || o.code() == OutcomeCode.LEFT_ALLIANCE) {
        return " (" + o.reason() + ")";
      }
    }
    return "";
  }

  /** One sentence per war: the sides, the strengths, the odds, who won and why. */
  static String warLine(War w) {
    return String.format(
        Locale.ROOT,
        "War over crisis %s (%s attacked %s): %s against %s; strength at the front %.1f against"
            + " %.1f, attackers' odds %.0f%%. %s%s: %s.",
        w.crisis(),
        w.aggressor(),
        w.target(),
        String.join(", ", w.attackers()),
        String.join(", ", w.defenders()),
        w.attackStrength(),
        w.defenceStrength(),
        100 * w.attackersWinChance(),
        w.attackersWon() ? "The attackers won" : "The defenders held",
        w.conquered() ? " and " + w.target() + " was conquered" : "",
        w.reason());
  }

  /** The turn's stances grouped: who balanced against whom, who bandwagoned with whom, etc. */
  static List<Line> stanceLines(List<PublicStance> stances) {
    Map<String, List<String>> balance = new LinkedHashMap<>();
    Map<String, List<String>> bandwagon = new LinkedHashMap<>();
    List<String> passes = new ArrayList<>();
    List<String> hide = new ArrayList<>();
    for (PublicStance p : stances) {
      Stance s = p.stance();
      if (s instanceof Stance.Balance b) {
        balance.computeIfAbsent(b.against(), k -> new ArrayList<>()).add(p.state());
      } else if (s instanceof Stance.Bandwagon b) {
        bandwagon
            .computeIfAbsent(
                b.with() + " (" + b.bandwagonKind().name().toLowerCase(Locale.ROOT) + ")",
                k -> new ArrayList<>())
            .add(p.state());
      } else if (s instanceof Stance.BuckPass b) {
        passes.add(p.state() + " passed the buck for " + b.threat() + " to " + b.catcher());
      } else if (s != null) {
        hide.add(p.state());
      }
    }
    List<String> parts = new ArrayList<>();
    if (!balance.isEmpty()) {
      List<String> g = new ArrayList<>();
      balance.forEach((t, who) -> g.add(String.join(", ", who) + " against " + t));
      parts.add("Balanced: " + String.join("; ", g));
    }
    if (!bandwagon.isEmpty()) {
      List<String> g = new ArrayList<>();
      bandwagon.forEach((t, who) -> g.add(String.join(", ", who) + " with " + t));
      parts.add("Bandwagoned: " + String.join("; ", g));
    }
    if (!passes.isEmpty()) {
      parts.add("Buck-passing: " + String.join("; ", passes));
    }
    if (!hide.isEmpty()) {
      parts.add("Hid: " + String.join(", ", hide));
    }
    return parts.isEmpty()
        ? List.of()
        : List.of(new Line(LineKind.STANCES, String.join(". ", parts) + "."));
  }

  static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A prediction or stance in words: "BALANCE vs GMY", "BANDWAGON with GMY", "HIDE". */
  static String stanceWords(Stance.StanceKind kind, String target) {
    if (kind == null) {
      return "-";
    }
    return switch (kind) {
      case BALANCE -> "BALANCE vs " + target;
      case BANDWAGON -> "BANDWAGON with " + target;
      case BUCK_PASS -> target == null ? "BUCK_PASS" : "BUCK_PASS " + target;
      case HIDE -> "HIDE";
    };
  }
}
