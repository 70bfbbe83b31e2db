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
import org.entente.server.replay.Room;
import org.entente.server.scenario.KoreanTexts;
import org.entente.server.scenario.ScenarioLoader;

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
    List<String> discussion,
    List<String> summary,
    List<SeatStory> seats,
    boolean messagesShown,
    List<Room.Message> messages,
    List<Room.Inject> injects,
    List<LensSpan> lensSpans,
    List<Decision> lensMisses,
    int lensMissesTotal,
    List<StateDecisions> decisions,
    List<PowerSample> threat,
    List<PowerSample> coverage,
    String focus,
    int quietTurnsFolded) {

  /** How many turns a game may have before its quiet turns are folded into summaries. */
  public static final int LONG_GAME = 60;

  /**
   * What to put in a debrief: the chart positions (null or empty: the start, the turning points and
   * the end), whether the messages are shown (the instructor's version: yes), and the one state a
   * student's part is about (null: the whole game).
   */
  public record Options(List<Integer> positions, boolean messages, String focus) {
    /** The instructor's debrief: charts at the turning points, messages shown, every state. */
    public static Options instructor() {
      return new Options(null, true, null);
    }
  }

  /** Who played a seat: the students who joined it and who played it, turn span by turn span. */
  public record SeatStory(String state, List<Room.Student> students, List<Room.Span> spans) {}

  /** The lens's agreement over turns {@code from} to {@code to}, over every judged stance. */
  public record LensSpan(
      int from, int to, int judged, double threat, double power, double interests) {}

  /**
   * A state's decision over turns {@code from} to {@code to} (identical turns folded) beside what
   * each theory predicted, and whether each agreed.
   */
  public record Decision(
      int from,
      int to,
      String state,
      String actual,
      String threat,
      String power,
      String interests,
      boolean agreesThreat,
      boolean agreesPower,
      boolean agreesInterests) {
    boolean sameAs(Decision o) {
      return Lens.same(this, o)
          && agreesThreat == o.agreesThreat
          && agreesPower == o.agreesPower
          && agreesInterests == o.agreesInterests;
    }

    Decision through(int t) {
      return new Decision(
          from,
          t,
          state,
          actual,
          threat,
          power,
          interests,
          agreesThreat,
          agreesPower,
          agreesInterests);
    }

    /** "turn 3" or "turns 3-7". */
    public String turns() {
      return from == to ? "turn " + from : "turns " + from + "-" + to;
    }
  }

  /** A state's decisions beside the predictions ({@code more}: rows left out of a long game). */
  public record StateDecisions(String state, List<Decision> rows, int more) {}

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
    CONDUCT,
    INJECT,
    QUIET
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
    return of(h, Room.of(h), Options.instructor());
  }

  /**
   * The debrief of {@code h}, with the threat and alliance charts at {@code positions} (after that
   * many turns; 0 is the start). Null or empty: the first, middle and last positions. Positions out
   * of range are clamped.
   */
  public static Debrief of(GameHistory h, List<Integer> positions) {
    return of(h, Room.of(h), new Options(positions, true, null));
  }

  /**
   * The debrief of {@code h} played by {@code room}, as {@code o} asks: the whole game for the
   * instructor, or one state's part for its student.
   */
  public static Debrief of(GameHistory h, Room room, Options o) {
    return of(h, room, o, Words.EN);
  }

  /**
   * The debrief of {@code h} played by {@code room}, as {@code o} asks, its sentences written in
   * {@code lang}: in Korean, the state and scenario names the scenario has in Korean, and the
   * engine's reasons from their outcome codes (the English reasons stay in the English debrief).
   */
  public static Debrief of(GameHistory h, Room room, Options o, Words lang) {
    Words w = lang == null ? Words.EN : lang;
    KoreanTexts ko = w == Words.KO ? ScenarioLoader.korean(h.world().id()) : null;
    List<Integer> positions = o.positions();
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
          w == Words.KO
              ? Korean.status(nat.conquered(), patron == null ? null : patron.patron())
              : nat.conquered()
                  ? "conquered"
                  : patron != null ? "client of " + patron.patron() : "independent";
      bal += t.balanced();
      band += t.bandwagoned();
      states.add(
          new StateResult(
              nat.id(),
              ko == null ? nat.name() : ko.stateNames().getOrDefault(nat.id(), nat.name()),
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
    String focus = o.focus();
    if (focus != null && !ids.contains(focus)) {
      throw new IllegalArgumentException(
          "unknown state '" + focus + "'; the states are " + String.join(", ", ids));
    }
    Room seated = room.ordered(ids, played);
    List<TurningPoint> points = TurningPoints.of(h, w);
    if (focus != null) {
      points = points.stream().filter(p -> mentions(p, focus)).toList();
      notes.clear();
      other.clear();
    }
    java.util.Set<Integer> eventful = new java.util.HashSet<>();
    points.forEach(p -> eventful.add(p.turn()));
    eventful.addAll(notes.keySet());
    seated.injects().forEach(x -> eventful.add(x.turn()));
    List<Room.Message> messages =
        !o.messages()
            ? List.of()
            : focus == null ? seated.messages() : seated.messagesSeenBy(focus);
    messages.forEach(m -> eventful.add(m.turn()));
    boolean fold = played > LONG_GAME;
    List<TurnStory> turns = new ArrayList<>();
    List<Event> news = h.prologue();
    int quietFrom = 0;
    int folded = 0;
    List<String> quietCrises = new ArrayList<>();
    for (TurnReport r : h.reports()) {
      List<Line> lines = new ArrayList<>();
      for (Room.Inject x : seated.injectsOf(r.turn())) {
        for (String text : x.texts()) {
          lines.add(new Line(LineKind.INJECT, text));
        }
      }
      lines.addAll(story(r, news, ko));
      news = r.news();
      boolean quiet =
          fold
              && !eventful.contains(r.turn())
              && r.wars().isEmpty()
              && lines.stream()
                  .noneMatch(
                      l ->
                          l.kind() == LineKind.ALLIANCE
                              || l.kind() == LineKind.CONQUEST
                              || l.kind() == LineKind.CLIENT
                              || l.kind() == LineKind.CONDUCT);
      if (quiet) {
        if (quietFrom == 0) {
          quietFrom = r.turn();
          quietCrises.clear();
        }
        lines.stream()
            .filter(l -> l.kind() == LineKind.CRISIS)
            .forEach(l -> quietCrises.add(l.text()));
        folded++;
        continue;
      }
      if (quietFrom != 0) {
        turns.add(quiet(quietFrom, r.turn() - 1, quietCrises, w));
        quietFrom = 0;
      }
      turns.add(
          new TurnStory(
              r.turn(),
              ko == null ? r.label() : WebKorean.turnLabel(r.label()),
              fold ? lines.stream().filter(l -> l.kind() != LineKind.STANCES).toList() : lines,
              fold ? List.of() : r.stances(),
              fold ? List.of() : r.lens(),
              notes.getOrDefault(r.turn(), List.of())));
    }
    if (quietFrom != 0) {
      turns.add(quiet(quietFrom, played, quietCrises, w));
    }

    List<PowerSample> power = new ArrayList<>();
    for (int k = 0; k < h.states().size(); k++) {
      double[] p = ThreatModel.powers(h.states().get(k).nations(), h.world().params());
      List<Double> row = new ArrayList<>();
      for (double v : p) {
        row.add(v);
      }
      power.add(new PowerSample(k, positionLabel(h, k, w), row));
    }

    List<Snapshot> snapshots = new ArrayList<>();
    List<Integer> at =
        positions == null || positions.isEmpty() ? turningPositions(points, played) : positions;
    for (int k : chartPositions(h.states().size(), at)) {
      snapshots.add(snapshot(h, k, ids, w));
    }

    List<PowerSample> threat = new ArrayList<>();
    for (int k = 0; k < h.states().size(); k++) {
      ThreatModel m = ThreatModel.of(h.states().get(k));
      List<Double> row = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        double max = 0;
        for (int i = 0; i < n; i++) {
          if (i != j) {
            max = Math.max(max, m.threat(j, i));
          }
        }
        row.add(max);
      }
      threat.add(new PowerSample(k, positionLabel(h, k, w), row));
    }
    List<PowerSample> coverage = new ArrayList<>();
    for (TurnReport r : h.reports()) {
      List<Double> row = new ArrayList<>();
      for (String id : ids) {
        row.add(
            r.standings().stream()
                .filter(s -> s.state().equals(id))
                .mapToDouble(TurnReport.Standing::coverage)
                .findFirst()
                .orElse(0));
      }
      coverage.add(new PowerSample(r.turn(), positionLabel(h, r.turn(), w), row));
    }

    List<SeatStory> seats = new ArrayList<>();
    for (Room.Seat seat : seated.seats()) {
      if (focus == null || focus.equals(seat.state())) {
        seats.add(new SeatStory(seat.state(), seat.students(), seat.spans()));
      }
    }
    List<Decision> allMisses = Lens.misses(h.reports(), focus, w);
    List<StateDecisions> decisions =
        Lens.perState(h.reports(), focus == null ? ids : List.of(focus), w);
    String scenarioName = ko == null || ko.name().isEmpty() ? h.world().name() : ko.name();
    List<String> summary =
        w == Words.KO
            ? Korean.summary(
                h, scenarioName, states, system, points, seated, played, focus, bal, band)
            : Summary.of(h, states, system, points, seated, played, focus, bal, band);
    return new Debrief(
        h.gameId(),
        h.world().id(),
        scenarioName,
        h.seed(),
        played,
        h.strategies(),
        states,
        system,
        bal,
        band,
        w == Words.KO
            ? Korean.comparison(system.balancingShare(), bal, band)
            : comparison(system.balancingShare(), bal, band),
        turns,
        other,
        power,
        snapshots,
        points,
        TurningPoints.questions(points, w),
        summary,
        seats,
        o.messages(),
        messages,
        focus == null ? seated.injects() : List.of(),
        Lens.agreement(h.reports()),
        List.copyOf(allMisses.subList(0, Math.min(allMisses.size(), Lens.MISSES_SHOWN))),
        allMisses.size(),
        decisions,
        threat,
        coverage,
        focus,
        folded);
  }

  /** Whether a turning point speaks of {@code state} (its headline or its why). */
  static boolean mentions(TurningPoint p, String state) {
    // an id between non-word characters (\\b would not part "FRN" from a Korean particle after it)
    java.util.regex.Pattern w =
        java.util.regex.Pattern.compile(
            "(?<![A-Za-z0-9_])" + java.util.regex.Pattern.quote(state) + "(?![A-Za-z0-9_])");
    return w.matcher(p.headline()).find() || p.why().stream().anyMatch(x -> w.matcher(x).find());
  }

  /** Quiet turns of a long game folded into one entry. */
  private static TurnStory quiet(int from, int to, List<String> crises, Words w) {
    if (w == Words.KO) {
      return new TurnStory(
          from,
          Korean.turns(from, to),
          List.of(new Line(LineKind.QUIET, Korean.quiet(from, to, crises.size()))),
          List.of(),
          List.of(),
          List.of());
    }
    String text =
        (from == to ? "Turn " + from : "Turns " + from + "-" + to)
            + ": no alliance formed or broke, no war, no note, inject or message"
            + (crises.isEmpty()
                ? "."
                : "; " + crises.size() + (crises.size() == 1 ? " crisis" : " crises") + ".");
    return new TurnStory(
        from,
        from == to ? "turn " + from : "turns " + from + "-" + to,
        List.of(new Line(LineKind.QUIET, text)),
        List.of(),
        List.of(),
        List.of());
  }

  /**
   * The default chart positions: the start, the positions after up to four turning points (spread
   * over the game, wars and alliances first), and the end.
   */
  static List<Integer> turningPositions(List<TurningPoint> points, int played) {
    List<Integer> turns =
        points.stream()
            .filter(p -> !TurningPoints.isThreatShift(p))
            .map(TurningPoint::turn)
            .distinct()
            .sorted()
            .toList();
    if (turns.isEmpty()) {
      turns = points.stream().map(TurningPoint::turn).distinct().sorted().toList();
    }
    List<Integer> out = new ArrayList<>();
    out.add(0);
    int keep = Math.min(4, turns.size());
    for (int k = 0; k < keep; k++) {
      int idx = keep == 1 ? 0 : (int) Math.round((double) k * (turns.size() - 1) / (keep - 1));
      out.add(turns.get(idx));
    }
    out.add(played);
    return out.stream().distinct().sorted().toList();
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
    return positionLabel(h, k, Words.EN);
  }

  /** How position {@code k} reads in {@code w}. */
  static String positionLabel(GameHistory h, int k, Words w) {
    if (w == Words.KO) {
      return k == 0
          ? "시작 (1턴 전, " + WebKorean.turnLabel(h.world().label(1)) + ")"
          : k + "턴 후 (" + WebKorean.turnLabel(h.world().label(k)) + ")";
    }
    if (k == 0) {
      return "start (before turn 1, " + h.world().label(1) + ")";
    }
    return "after turn " + k + " (" + h.world().label(k) + ")";
  }

  private static Snapshot snapshot(GameHistory h, int k, List<String> ids, Words w) {
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
    return new Snapshot(k, positionLabel(h, k, w), ids, threat, alliances, clients, conquered);
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

  private static List<Line> story(TurnReport r, List<Event> news, KoreanTexts ko) {
    if (ko != null) {
      return Korean.story(r, news, ko);
    }
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
    OrderOutcome o = leftOutcome(r, e);
    return o == null ? "" : " (" + o.reason() + ")";
  }

  /** The outcome that made the first state of {@code e} leave an alliance that turn, or null. */
  static OrderOutcome leftOutcome(TurnReport r, Event e) {
    if (e.states().isEmpty()) {
      return null;
    }
    for (OrderOutcome o : r.outcomesOf(e.states().get(0))) {
      if (o.code() == OutcomeCode.LEFT_ALLIANCE_FOR_PATRON
          || o.code() == OutcomeCode.LEFT_ALLIANCE) {
        return o;
      }
    }
    return null;
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

  /**
   * A turn's stances grouped, each group in the order of its first member: the states balancing
   * each target, the states bandwagoning with each state (by kind), the buck-passers' stances, the
   * states that hid. The words are each language's (here and in {@link Korean}).
   */
  record StanceGroups(
      Map<String, List<String>> balance,
      Map<Toward, List<String>> bandwagon,
      List<PublicStance> passes,
      List<String> hide) {
    record Toward(String with, Stance.BandwagonKind kind) {}

    static StanceGroups of(List<PublicStance> stances) {
      StanceGroups g =
          new StanceGroups(
              new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>());
      for (PublicStance p : stances) {
        Stance s = p.stance();
        if (s instanceof Stance.Balance b) {
          g.balance.computeIfAbsent(b.against(), k -> new ArrayList<>()).add(p.state());
        } else if (s instanceof Stance.Bandwagon b) {
          g.bandwagon
              .computeIfAbsent(new Toward(b.with(), b.bandwagonKind()), k -> new ArrayList<>())
              .add(p.state());
        } else if (s instanceof Stance.BuckPass) {
          g.passes.add(p);
        } else if (s != null) {
          g.hide.add(p.state());
        }
      }
      return g;
    }
  }

  /** The turn's stances grouped: who balanced against whom, who bandwagoned with whom, etc. */
  static List<Line> stanceLines(List<PublicStance> stances) {
    StanceGroups groups = StanceGroups.of(stances);
    List<String> passes = new ArrayList<>();
    for (PublicStance p : groups.passes()) {
      Stance.BuckPass b = (Stance.BuckPass) p.stance();
      passes.add(p.state() + " passed the buck for " + b.threat() + " to " + b.catcher());
    }
    List<String> hide = groups.hide();
    List<String> parts = new ArrayList<>();
    if (!groups.balance().isEmpty()) {
      List<String> g = new ArrayList<>();
      groups.balance().forEach((t, who) -> g.add(String.join(", ", who) + " against " + t));
      parts.add("Balanced: " + String.join("; ", g));
    }
    if (!groups.bandwagon().isEmpty()) {
      List<String> g = new ArrayList<>();
      groups
          .bandwagon()
          .forEach(
              (t, who) ->
                  g.add(
                      String.join(", ", who)
                          + " with "
                          + t.with()
                          + " ("
                          + t.kind().name().toLowerCase(Locale.ROOT)
                          + ")"));
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
    return stanceWords(kind, target, Words.EN);
  }

  /** A prediction or stance in words, in {@code w}. */
  static String stanceWords(Stance.StanceKind kind, String target, Words w) {
    if (kind == null) {
      return "-";
    }
    if (w == Words.KO) {
      return Korean.stance(kind, target);
    }
    return switch (kind) {
      case BALANCE -> "BALANCE vs " + target;
      case BANDWAGON -> "BANDWAGON with " + target;
      case BUCK_PASS -> target == null ? "BUCK_PASS" : "BUCK_PASS " + target;
      case HIDE -> "HIDE";
    };
  }
}
