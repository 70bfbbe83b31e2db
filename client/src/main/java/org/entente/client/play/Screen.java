package org.entente.client.play;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.entente.api.OrderSyntax;
import org.entente.api.Stance;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.AllianceView;
import org.entente.proto.v1.CrisisView;
import org.entente.proto.v1.GameEvent;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.NationView;
import org.entente.proto.v1.Outcome;
import org.entente.proto.v1.PressMessage;
import org.entente.proto.v1.PublicStance;
import org.entente.proto.v1.Role;
import org.entente.proto.v1.ThreatEntry;
import org.entente.proto.v1.TurnResolved;
import org.entente.proto.v1.TurnView;

/**
 * Renders what the server sends as plain text for a terminal, at most 100 columns: the situation at
 * the start of a turn, a turn's results, a message, a game event. Pure functions of their inputs
 * (the clock only says how long until the deadline).
 */
public final class Screen {
  private static final String RULE = "=".repeat(96);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Screen() {}

  /**
   * The whole situation: heading and deadline, the public table of states, alliances, this seat's
   * threat table with each term, principal threat and coverage, pending crises, last turn's
   * outcomes and stances, news, the messages not in {@code seenMessages} (their ids are added to
   * it), and this turn's standing orders.
   */
  public static String render(TurnView v, Clock clock, Set<String> seenMessages) {
    StringBuilder b = new StringBuilder();
    heading(b, v, clock);
    states(b, v);
    alliances(b, v);
    if (v.getRole() == Role.SEAT) {
      threats(b, v);
    }
    crises(b, v);
    lastTurn(b, v);
    if (v.getNewsCount() > 0) {
      b.append("News\n");
      v.getNewsList().forEach(n -> b.append(wrap("  " + n, "    ")));
    }
    List<PressMessage> fresh = new ArrayList<>();
    for (PressMessage m : v.getMessagesList()) {
      if (seenMessages.add(key(m))) {
        fresh.add(m);
      }
    }
    if (!fresh.isEmpty()) {
      b.append("New messages\n");
      fresh.forEach(m -> b.append(wrap("  " + message(m), "    ")));
    }
    if (v.getRole() == Role.SEAT) {
      b.append("Your orders this turn: ")
          .append(v.hasMyOrders() ? orders(v) : "none yet")
          .append("   (type 'help' for the forms)\n");
    }
    return b.toString();
  }

  private static void heading(StringBuilder b, TurnView v, Clock clock) {
    b.append(RULE).append('\n');
    b.append(
        String.format(
            Locale.ROOT,
            "ENTENTE  %s  game %s   Turn %d of %d: %s%s%n",
            v.getScenario(),
            v.getGameId(),
            v.getTurn(),
            v.getTurns(),
            v.getTurnLabel(),
            v.getPhase() == GamePhase.ORDERS || v.getPhase() == GamePhase.GAME_PHASE_UNSPECIFIED
                ? ""
                : "  [" + v.getPhase() + "]"));
    String who =
        v.getRole() == Role.SEAT
            ? "You are " + v.getSelf() + " (" + name(v, v.getSelf()) + ")."
            : "You are watching as " + v.getRole().name().toLowerCase(Locale.ROOT) + ".";
    b.append(who).append("  ").append(deadline(v.getDeadlineEpochMs(), clock)).append('\n');
    if (v.hasEliminated()) {
      b.append(wrap("ELIMINATED: " + v.getEliminated().getReason() + ".", ""));
    }
    if (!v.getBriefing().isEmpty() && v.getTurn() <= 1) {
      b.append(wrap("Briefing: " + v.getBriefing(), ""));
    }
    if (!v.getPrivateBriefing().isEmpty() && v.getTurn() <= 1) {
      b.append(wrap("Your briefing: " + v.getPrivateBriefing(), ""));
    }
    b.append(RULE).append('\n');
  }

  /** "Deadline 14:05:00 (in 4m 10s)", or "No deadline." */
  static String deadline(long epochMs, Clock clock) {
    if (epochMs <= 0) {
      return "No deadline.";
    }
    ZoneId zone = clock.getZone();
    String at = TIME.format(Instant.ofEpochMilli(epochMs).atZone(zone));
    long left = (epochMs - clock.millis()) / 1000;
    String when;
    if (left <= 0) {
      when = "passed";
    } else if (left < 3600) {
      when = "in " + (left / 60) + "m " + (left % 60) + "s";
    } else {
      when = "in " + (left / 3600) + "h " + (left % 3600 / 60) + "m";
    }
    return "Deadline " + at + " (" + when + ").";
  }

  private static void states(StringBuilder b, TurnView v) {
    b.append(
        String.format(
            Locale.ROOT,
            "%-25s %6s %9s %9s %7s  %-9s %s%n",
            "States",
            "power",
            "military",
            "economy",
            "offense",
            "allied in",
            "clients / patron"));
    for (NationView n : v.getNationsList()) {
      String mark = n.getId().equals(v.getSelf()) ? ">" : " ";
      String label = trim(n.getId() + " " + n.getName(), 21) + (n.getRevisionist() ? " *" : "");
      String status = n.getActive() ? clients(v, n) : "CONQUERED";
      b.append(
          String.format(
              Locale.ROOT,
              "%s %-23s %6.3f %9.1f %9.1f %7.2f  %-9s %s%n",
              mark,
              label,
              n.getPower(),
              n.getMilitary(),
              n.getEconomy(),
              n.getOffense(),
              trim(alliancesOf(v, n.getId()), 9),
              status));
    }
    b.append("  (* revisionist; > you)\n");
  }

  private static String clients(TurnView v, NationView n) {
    List<String> parts = new ArrayList<>();
    if (!n.getPatron().isEmpty()) {
      parts.add(
          "client of "
              + n.getPatron()
              + (n.getOffensiveClient() ? " (offensive)" : " (defensive)"));
    }
    List<String> mine = new ArrayList<>();
    for (NationView k : v.getNationsList()) {
      if (k.getPatron().equals(n.getId())) {
        mine.add(k.getId());
      }
    }
    if (!mine.isEmpty()) {
      parts.add("patron of " + String.join(",", mine));
    }
    return parts.isEmpty() ? "-" : String.join("; ", parts);
  }

  private static String alliancesOf(TurnView v, String id) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.getAlliancesCount(); i++) {
      if (v.getAlliances(i).getMembersList().contains(id)) {
        out.add("[" + (i + 1) + "]");
      }
    }
    return out.isEmpty() ? "-" : String.join("", out);
  }

  private static void alliances(StringBuilder b, TurnView v) {
    if (v.getAlliancesCount() == 0) {
      b.append("Alliances: none\n");
      return;
    }
    b.append(
        "Alliances (LEAVE takes the id; each balances its target; offensive: allies join attacks)\n");
    for (int i = 0; i < v.getAlliancesCount(); i++) {
      AllianceView a = v.getAlliances(i);
      b.append(
          wrap(
              String.format(
                  Locale.ROOT,
                  "  [%d] %s (%s, %s): %s (cohesion %.2f, since turn %d)",
                  i + 1,
                  a.getId(),
                  kind(a),
                  a.getTarget().isEmpty()
                      ? "no recorded target"
                      : "against " + a.getTarget() + blocOf(a),
                  String.join(", ", a.getMembersList()),
                  a.getCohesion(),
                  a.getFormedTurn()),
              "      "));
    }
  }

  /**
   * " with X, Y" naming the states that stood in the target's bloc when the alliance formed, beside
   * the target; "" when the bloc was the target alone or is not sent.
   */
  static String blocOf(AllianceView a) {
    List<String> others = new ArrayList<>(a.getTargetBlocList());
    others.remove(a.getTarget());
    return others.isEmpty() ? "" : " with its bloc then: " + String.join(", ", others);
  }

  /** An alliance's kind in a word; DEFENSIVE when the field is absent (the proto default). */
  static String kind(AllianceView a) {
    return a.getKind() == org.entente.proto.v1.AllianceKind.ALLIANCE_OFFENSIVE
        ? "offensive"
        : "defensive";
  }

  private static void threats(StringBuilder b, TurnView v) {
    b.append(
        String.format(
            Locale.ROOT,
            "%-22s %7s %7s %8s %7s %11s%n",
            "Threats to you (" + v.getSelf() + ")",
            "power",
            "prox",
            "offense",
            "intent",
            "threat"));
    List<ThreatEntry> rows = new ArrayList<>(v.getThreatsList());
    rows.sort(Comparator.comparingDouble(ThreatEntry::getThreat).reversed());
    for (ThreatEntry t : rows) {
      boolean principal = v.getPrincipalThreatList().contains(t.getActor());
      b.append(
          String.format(
              Locale.ROOT,
              "  %-20s %7.3f %7.3f %8.3f %7.2f %11.6f%s%n",
              (principal ? "! " : "  ") + t.getActor(),
              t.getPower(),
              t.getProximity(),
              t.getOffense(),
              t.getIntent(),
              t.getThreat(),
              principal ? "  principal" : ""));
    }
    b.append("  threat = power x prox x offense x max(intent, floor)\n");
    String principal =
        v.getPrincipalThreatCount() == 0
            ? "none"
            : String.join(", ", v.getPrincipalThreatList())
                + (v.getPrincipalLeader().isEmpty()
                    ? ""
                    : " (led by " + v.getPrincipalLeader() + ")");
    b.append(
        String.format(
            Locale.ROOT,
            "Principal threat: %s.  Coverage: %.2f (%s)%n",
            principal,
            v.getCoverage(),
            coverageWords(v.getCoverage())));
    if (v.getLeaningsCount() > 0) {
      b.append("Your politics lean toward: ")
          .append(String.join(", ", v.getLeaningsList()))
          .append('\n');
    }
  }

  private static String coverageWords(double c) {
    if (c >= 0.75) {
      return "well covered";
    }
    if (c >= 0.5) {
      return "partly covered";
    }
    return "exposed";
  }

  private static void crises(StringBuilder b, TurnView v) {
    if (v.getCrisesCount() == 0) {
      b.append("Crises: none pending\n");
      return;
    }
    b.append("Crises\n");
    for (CrisisView c : v.getCrisesList()) {
      String when =
          c.getResolvesTurn() == v.getTurn()
              ? "resolves at the end of THIS turn: choose your side now"
              : "resolves at the end of turn " + c.getResolvesTurn();
      b.append(
          String.format(
              Locale.ROOT,
              "  %-5s %s attacks %s (declared turn %d); %s%n",
              c.getId(),
              c.getAggressor(),
              c.getTarget(),
              c.getDeclaredTurn(),
              when));
    }
  }

  private static void lastTurn(StringBuilder b, TurnView v) {
    if (v.getOutcomesCount() == 0 && v.getLastStancesCount() == 0) {
      return;
    }
    b.append("Last turn\n");
    for (Outcome o : v.getOutcomesList()) {
      b.append(wrap(outcome(o), "        "));
    }
    if (v.getLastStancesCount() > 0) {
      b.append(stances(v.getLastStancesList()));
    }
  }

  private static String outcome(Outcome o) {
    return String.format(
        Locale.ROOT,
        "  %-4s %-19s %-20s %s",
        o.getState(),
        o.getOrder(),
        o.getCode(),
        o.getReason());
  }

  private static String stances(List<PublicStance> list) {
    StringBuilder b = new StringBuilder("  Stances:");
    int col = b.length();
    for (PublicStance ps : list) {
      String s = " " + ps.getState() + " " + stance(ps) + ";";
      if (col + s.length() > 96) {
        b.append("\n          ");
        col = 10;
      }
      b.append(s);
      col += s.length();
    }
    return b.append('\n').toString();
  }

  // The stance in order syntax, efforts rounded to two decimals for reading.
  private static String stance(PublicStance ps) {
    try {
      Stance s = Wire.stance(ps.getStance(), "stance");
      if (s instanceof Stance.Balance b) {
        return String.format(
                Locale.ROOT,
                "BALANCE %s %.2f %s%s",
                b.against(),
                b.internal(),
                String.join(",", b.partners()),
                b.offensive() ? " OFFENSIVE" : "")
            .trim()
            .replace("  ", " ");
      }
      return OrderSyntax.format(s);
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }

  private static String orders(TurnView v) {
    try {
      return OrderSyntax.format(Wire.orders(v.getMyOrders()));
    } catch (IllegalArgumentException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** A turn's results, as pushed after adjudication. */
  public static String resolved(TurnResolved r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "--- Turn %d (%s) resolved%s ---%n",
            r.getTurn(),
            r.getTurnLabel(),
            r.getStateHash().isEmpty() ? "" : ", state " + r.getStateHash()));
    for (String e : r.getEventsList()) {
      b.append(wrap("  * " + e, "    "));
    }
    for (Outcome o : r.getOutcomesList()) {
      b.append(wrap(outcome(o), "        "));
    }
    if (r.getStancesCount() > 0) {
      b.append(stances(r.getStancesList()));
    }
    return b.toString();
  }

  /** One message: "[turn 2] SYR (Quwatli) to EGY: text". */
  public static String message(PressMessage m) {
    String from =
        m.getFromState().isEmpty()
            ? "instructor"
            : m.getFromState()
                + (m.getFromMember().isEmpty() ? "" : " (" + m.getFromMember() + ")");
    String to =
        m.getTeam() ? "team" : m.getToCount() == 0 ? "all" : String.join(",", m.getToList());
    return "[turn " + m.getTurn() + "] " + from + " to " + to + ": " + m.getText();
  }

  /** A game event in one line. */
  public static String event(GameEvent e) {
    String what =
        switch (e.getKind()) {
          case PAUSED_EVENT -> "The game is paused.";
          case RESUMED_EVENT -> "The game resumes.";
          case DEADLINE_EXTENDED -> "The deadline is extended.";
          case INJECTED -> "News.";
          case AUTOPILOT_CHANGED -> "A seat changed hands (autopilot).";
          case SEAT_JOINED -> "A player joined.";
          case MEMBER_REMOVED -> "The instructor removed a player.";
          case GAME_ENDED -> "The game has ended.";
          default -> "Game event.";
        };
    StringBuilder b = new StringBuilder("*** ").append(what);
    if (!e.getText().isEmpty()) {
      b.append(' ').append(e.getText());
    }
    return b.toString();
  }

  /** The key under which a message counts as seen. */
  static String key(PressMessage m) {
    return m.getId().isEmpty()
        ? m.getTurn() + "|" + m.getSentEpochMs() + "|" + m.getText()
        : m.getId();
  }

  private static String name(TurnView v, String id) {
    for (NationView n : v.getNationsList()) {
      if (n.getId().equals(id)) {
        return n.getName();
      }
    }
    return id;
  }

  /** {@code text} folded at spaces to at most 96 columns, continuation lines indented. */
  static String wrap(String text, String indent) {
    StringBuilder b = new StringBuilder();
    String rest = text;
    int keep = text.length() - text.stripLeading().length() + 1;
    while (rest.length() > 96) {
      int cut = rest.lastIndexOf(' ', 96);
      if (cut < keep) {
        cut = rest.indexOf(' ', 96);
        if (cut < 0) {
          break;
        }
      }
      b.append(rest, 0, cut).append('\n');
      rest = indent + rest.substring(cut + 1).stripLeading();
      keep = indent.length() + 1;
    }
    return b.append(rest).append('\n').toString();
  }

  private static String trim(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "~";
  }
}
