package org.entente.server.debrief;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.entente.api.OrderOutcome;
import org.entente.api.OutcomeCode;
import org.entente.api.PlayerView;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.TurnReport.Event;
import org.entente.server.engine.TurnReport.War;
import org.entente.server.engine.Views;
import org.entente.server.history.GameHistory;
import org.entente.server.replay.Numbers;

/**
 * The turns where a game changed course, each with its why: alliances formed and broken (with the
 * outcome codes and reasons of the orders that made or broke them), wars and conquests (the sides,
 * the odds and the draw), abandonments of allies, and the largest shifts of a state's principal
 * threat (the four terms behind the new principal threat, before and after, and what that state
 * did). Numbers are rounded as the web client rounds them.
 */
final class TurningPoints {
  /** How many threat shifts the debrief keeps: the largest ones. */
  static final int THREAT_SHIFTS = 5;

  /** How many discussion questions the guide asks at most. */
  static final int QUESTIONS = 8;

  private TurningPoints() {}

  /** The kinds of turning point. */
  enum Kind {
    ALLIANCE_FORMED("alliance formed", "동맹 결성"),
    ALLIANCE_BROKEN("alliance broken", "동맹 붕괴"),
    WAR("war", "전쟁"),
    CONQUEST("conquest", "정복"),
    ABANDONMENT("abandonment", "동맹국 저버림"),
    THREAT_SHIFT("threat shift", "주된 위협 변화");

    final String words;
    final String ko;

    Kind(String words, String ko) {
      this.words = words;
      this.ko = ko;
    }

    String words(Words w) {
      return w == Words.KO ? ko : words;
    }

    /** The kind a point's words name, in either language (null: none). */
    static Kind of(String words) {
      for (Kind k : values()) {
        if (k.words.equals(words) || k.ko.equals(words)) {
          return k;
        }
      }
      return null;
    }
  }

  /** Whether {@code p} is a shift of a principal threat (in either language). */
  static boolean isThreatShift(Debrief.TurningPoint p) {
    return Kind.of(p.kind()) == Kind.THREAT_SHIFT;
  }

  private static final Set<OutcomeCode> ALLIANCE_CODES =
      Set.of(
          OutcomeCode.ALLIANCE_FORMED,
          OutcomeCode.ALLIANCE_JOINED,
          OutcomeCode.LEFT_ALLIANCE,
          OutcomeCode.LEFT_ALLIANCE_FOR_PATRON,
          OutcomeCode.LEFT_INCONSISTENT_ALLIANCE,
          OutcomeCode.ABANDONED_ALLY);

  /** The turning points of {@code h}, in turn order. */
  static List<Debrief.TurningPoint> of(GameHistory h) {
    return of(h, Words.EN);
  }

  /** The turning points of {@code h}, in turn order, worded in {@code lang}. */
  static List<Debrief.TurningPoint> of(GameHistory h, Words lang) {
    boolean ko = lang == Words.KO;
    List<Debrief.TurningPoint> out = new ArrayList<>();
    List<Debrief.TurningPoint> shifts = new ArrayList<>();
    List<Double> shiftSizes = new ArrayList<>();
    for (TurnReport r : h.reports()) {
      int t = r.turn();
      for (Event e : r.events()) {
        Kind kind =
            switch (e.kind()) {
              case ALLIANCE_FORMED, ALLIANCE_JOINED -> Kind.ALLIANCE_FORMED;
              case ALLIANCE_LEFT, ALLIANCE_DISSOLVED -> Kind.ALLIANCE_BROKEN;
              default -> null;
            };
        if (kind != null) {
          out.add(
              point(
                  t,
                  kind,
                  ko ? Korean.event(e) : e.text(),
                  allianceWhy(r, e.states(), lang),
                  lang));
        }
      }
      for (War war : r.wars()) {
        if (ko) {
          List<String> why = new ArrayList<>(Korean.warWhy(war));
          for (OrderOutcome o : r.outcomesOf(war.aggressor())) {
            why.add(Korean.outcome(o));
          }
          out.add(
              point(t, war.conquered() ? Kind.CONQUEST : Kind.WAR, Korean.warHead(war), why, lang));
          continue;
        }
        War w = war;
        List<String> why = new ArrayList<>();
        why.add(
            "sides: "
                + String.join(", ", w.attackers())
                + " against "
                + String.join(", ", w.defenders())
                + "; strength at the front "
                + Numbers.num(w.attackStrength(), 1)
                + " against "
                + Numbers.num(w.defenceStrength(), 1)
                + "; attackers' odds "
                + Numbers.pct(w.attackersWinChance()));
        why.add("the draw: " + w.reason());
        for (OrderOutcome o : r.outcomesOf(w.aggressor())) {
          why.add(outcome(o));
        }
        String head =
            w.aggressor()
                + " attacked "
                + w.target()
                + (w.attackersWon() ? ": the attackers won" : ": the defenders held")
                + (w.conquered() ? " and " + w.target() + " was conquered" : "");
        out.add(point(t, w.conquered() ? Kind.CONQUEST : Kind.WAR, head, why, Words.EN));
      }
      for (OrderOutcome o : r.outcomes()) {
        if (o.code() == OutcomeCode.ABANDONED_ALLY) {
          out.add(
              ko
                  ? point(
                      t,
                      Kind.ABANDONMENT,
                      Korean.abandoned(o.state()),
                      List.of(Korean.outcome(o)),
                      lang)
                  : point(
                      t,
                      Kind.ABANDONMENT,
                      o.state() + " abandoned an ally",
                      List.of(outcome(o)),
                      lang));
        }
      }
      if (t >= 2) {
        threatShifts(h, t, shifts, shiftSizes, lang);
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < shifts.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -shiftSizes.get(i)));
    for (int i = 0; i < Math.min(THREAT_SHIFTS, order.size()); i++) {
      out.add(shifts.get(order.get(i)));
    }
    out.sort(Comparator.comparingInt(Debrief.TurningPoint::turn));
    return List.copyOf(out);
  }

  /**
   * The states whose principal threat changed on turn {@code t}, with the size of the shift (how
   * much more the state feels from its new principal threat than a turn before).
   */
  private static void threatShifts(
      GameHistory h, int t, List<Debrief.TurningPoint> out, List<Double> sizes, Words w) {
    TurnReport before = h.reports().get(t - 2);
    TurnReport after = h.reports().get(t - 1);
    for (TurnReport.Standing s : after.standings()) {
      if (s.conquered() || s.principalThreat().isEmpty()) {
        continue;
      }
      List<String> was =
          before.standings().stream()
              .filter(b -> b.state().equals(s.state()))
              .findFirst()
              .map(TurnReport.Standing::principalThreat)
              .orElse(List.of());
      String now = s.principalThreat().get(0);
      if (was.contains(now)) {
        continue;
      }
      PlayerView.ThreatEntry a = entry(h, t, s.state(), now);
      PlayerView.ThreatEntry b = entry(h, t - 1, s.state(), now);
      if (a == null || b == null) {
        continue;
      }
      List<String> why = new ArrayList<>();
      if (w == Words.KO) {
        why.add(Korean.threatTerms(now, b, a));
        for (OrderOutcome o : after.outcomesOf(now)) {
          why.add(Korean.whatDid(now, o));
        }
        out.add(point(t, Kind.THREAT_SHIFT, Korean.threatShift(s.state(), now, was), why, w));
        sizes.add(Math.abs(a.threat() - b.threat()) + 1e-9);
        continue;
      }
      why.add(
          "threat from "
              + now
              + " "
              + Numbers.num(b.threat(), 3)
              + " → "
              + Numbers.num(a.threat(), 3)
              + " = power "
              + Numbers.num(b.power(), 3)
              + " → "
              + Numbers.num(a.power(), 3)
              + " × proximity "
              + Numbers.num(b.proximity(), 3)
              + " → "
              + Numbers.num(a.proximity(), 3)
              + " × offensive capability "
              + Numbers.num(b.offense(), 3)
              + " → "
              + Numbers.num(a.offense(), 3)
              + " × perceived intent "
              + Numbers.num(b.intent(), 3)
              + " → "
              + Numbers.num(a.intent(), 3));
      for (OrderOutcome o : after.outcomesOf(now)) {
        why.add("what " + now + " did: " + outcome(o));
      }
      String head =
          s.state()
              + "'s principal threat became "
              + now
              + (was.isEmpty() ? " (it had none)" : " (it was " + String.join(", ", was) + ")");
      out.add(point(t, Kind.THREAT_SHIFT, head, why, w));
      sizes.add(Math.abs(a.threat() - b.threat()) + 1e-9);
    }
  }

  /** What {@code seat} feels from {@code actor} in the position after turn {@code t}. */
  private static PlayerView.ThreatEntry entry(GameHistory h, int t, String seat, String actor) {
    PlayerView v = Views.of(h.states().get(t), h.reports().get(t - 1), seat);
    for (PlayerView.ThreatEntry e : v.threats()) {
      if (e.actor().equals(actor)) {
        return e;
      }
    }
    return null;
  }

  private static List<String> allianceWhy(TurnReport r, List<String> states, Words w) {
    List<String> why = new ArrayList<>();
    for (String s : states) {
      for (OrderOutcome o : r.outcomesOf(s)) {
        if (ALLIANCE_CODES.contains(o.code())) {
          why.add(w == Words.KO ? Korean.outcome(o) : outcome(o));
        }
      }
    }
    return why;
  }

  private static String outcome(OrderOutcome o) {
    return o.state()
        + " "
        + o.order()
        + ": "
        + o.code().name()
        + ", "
        + Numbers.shorten(o.reason());
  }

  private static Debrief.TurningPoint point(
      int t, Kind kind, String head, List<String> why, Words w) {
    return new Debrief.TurningPoint(
        t, kind.words(w), Debrief.capitalise(Numbers.shorten(head)), List.copyOf(why));
  }

  /** Questions for the class drawn from the game's own turning points. */
  static List<String> questions(List<Debrief.TurningPoint> points) {
    return questions(points, Words.EN);
  }

  /** Questions for the class, asked in {@code w}. */
  static List<String> questions(List<Debrief.TurningPoint> points, Words w) {
    List<String> out = new ArrayList<>();
    for (Debrief.TurningPoint p : points) {
      if (out.size() >= QUESTIONS) {
        break;
      }
      if (w == Words.KO) {
        out.add(Korean.question(p.turn(), p.headline(), Kind.of(p.kind())));
        continue;
      }
      String at = "Turn " + p.turn() + ": " + p.headline() + ". ";
      String q =
          switch (p.kind()) {
            case "alliance formed" ->
                "Whose threat brought these states together, and did the balance of threat or the"
                    + " balance of power predict it?";
            case "alliance broken" ->
                "Why did the alliance no longer serve this state? What had changed in the threat it"
                    + " felt?";
            case "war", "conquest" ->
                "Could the defenders have deterred this attack? Who stayed out, and why?";
            case "abandonment" -> "What did abandoning the ally gain, and what did it cost?";
            default ->
                "Which of the four terms (power, proximity, offensive capability, perceived"
                    + " intent) moved most, and what did the state do about it the next turn?";
          };
      out.add(at + q);
    }
    return out;
  }
}
