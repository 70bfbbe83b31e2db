package org.entente.server.debrief;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.entente.server.engine.Scoring;
import org.entente.server.history.GameHistory;
import org.entente.server.replay.Numbers;
import org.entente.server.replay.Room;

/** The game in a few sentences, for the top of the debrief. */
final class Summary {
  private Summary() {}

  /**
   * How the seats were played: by students (at some turn), by their bots, on the instructor's
   * autopilot for a while, by no one at all; and how many students joined.
   */
  record Seats(int students, int bots, int autopilot, int nobody, int joined) {
    static Seats of(Room room) {
      int students = 0;
      int bots = 0;
      int autopilot = 0;
      int nobody = 0;
      int joined = 0;
      for (Room.Seat s : room.seats()) {
        List<Room.Kind> kinds = s.players().stream().map(Room.Player::kind).distinct().toList();
        students += kinds.contains(Room.Kind.STUDENT) ? 1 : 0;
        bots += kinds.contains(Room.Kind.BOT) ? 1 : 0;
        autopilot += kinds.contains(Room.Kind.AUTOPILOT) ? 1 : 0;
        nobody += kinds.equals(List.of(Room.Kind.NOBODY)) ? 1 : 0;
        joined += s.students().size();
      }
      return new Seats(students, bots, autopilot, nobody, joined);
    }
  }

  static List<String> of(
      GameHistory h,
      List<Debrief.StateResult> states,
      Scoring.SystemView system,
      List<Debrief.TurningPoint> points,
      Room room,
      int played,
      String focus,
      int balanced,
      int bandwagoned) {
    List<String> out = new ArrayList<>();
    Seats seats = Seats.of(room);
    int students = seats.students();
    int bots = seats.bots();
    int autopilot = seats.autopilot();
    int nobody = seats.nobody();
    int joined = seats.joined();
    StringBuilder first = new StringBuilder();
    first
        .append(h.world().name())
        .append(" was played for ")
        .append(played)
        .append(played == 1 ? " turn" : " turns")
        .append(" (seed ")
        .append(h.seed())
        .append("): ")
        .append(count(students, "seat"))
        .append(" by students")
        .append(joined == 0 ? "" : " (" + joined + " joined)")
        .append(", ")
        .append(count(bots, "seat"))
        .append(" by bots");
    if (autopilot > 0) {
      first.append(", ").append(count(autopilot, "seat")).append(" on autopilot for a while");
    }
    if (nobody > 0) {
      first.append(", and ").append(count(nobody, "seat")).append(" no student ever joined");
    }
    out.add(first.append('.').toString());

    List<Debrief.StateResult> ranked = Summary.ranked(states);
    if (focus != null) {
      Debrief.StateResult me = Summary.state(states, focus);
      int rank = ranked.indexOf(me) + 1;
      out.add(
          me.name()
              + " ("
              + me.id()
              + ") ended "
              + me.status()
              + " with a score of "
              + Numbers.num(me.score().total(), 1)
              + ", "
              + ordinal(rank)
              + " of "
              + states.size()
              + "; its power went from "
              + Numbers.num(me.initialPower(), 3)
              + " to "
              + Numbers.num(me.finalPower(), 3)
              + ".");
    } else if (!ranked.isEmpty()) {
      Debrief.StateResult top = ranked.get(0);
      Debrief.StateResult low = ranked.get(ranked.size() - 1);
      out.add(
          top.name()
              + " ("
              + top.id()
              + ") scored highest with "
              + Numbers.num(top.score().total(), 1)
              + " and "
              + low.name()
              + " ("
              + low.id()
              + ") lowest with "
              + Numbers.num(low.score().total(), 1)
              + ".");
    }
    out.add(
        count(system.alliancesFormed(), "alliance")
            + " formed or grew and "
            + system.alliancesEnded()
            + " ended; "
            + count(system.crises(), "crisis", "crises")
            + " led to "
            + count(system.wars(), "war")
            + " and "
            + count(system.conquests(), "conquest")
            + (system.hegemon() == null
                ? "; no state became a hegemon."
                : "; " + system.hegemon() + " became the hegemon."));
    if (balanced + bandwagoned > 0) {
      out.add(
          "The states balanced "
              + balanced
              + " times and bandwagoned "
              + bandwagoned
              + " times; balance of threat predicted "
              + Numbers.pct(system.agreeThreat())
              + " of the stances, balance of power "
              + Numbers.pct(system.agreePower())
              + " and balance of interests "
              + Numbers.pct(system.agreeInterests())
              + ".");
    }
    Debrief.TurningPoint decisive =
        points.stream().filter(p -> !p.kind().equals("threat shift")).findFirst().orElse(null);
    if (decisive != null) {
      out.add(
          "The first turning point came on turn "
              + decisive.turn()
              + ": "
              + decisive.headline()
              + ".");
    }
    int injected = room.injects().stream().mapToInt(x -> x.texts().size()).sum();
    if (focus == null && injected + h.annotations().size() + room.messages().size() > 0) {
      out.add(
          "The instructor injected "
              + count(injected, "event")
              + " and wrote "
              + count(h.annotations().size(), "note")
              + "; the room sent "
              + count(room.messages().size(), "message")
              + ".");
    }
    return out;
  }

  /** The states by final score, highest first (stable on ties). */
  static List<Debrief.StateResult> ranked(List<Debrief.StateResult> states) {
    return states.stream()
        .sorted(Comparator.comparingDouble((Debrief.StateResult s) -> -s.score().total()))
        .toList();
  }

  /** The result of state {@code id}. */
  static Debrief.StateResult state(List<Debrief.StateResult> states, String id) {
    return states.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  static String count(int n, String one) {
    return count(n, one, one + "s");
  }

  static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String ordinal(int n) {
    String suffix =
        n % 100 >= 11 && n % 100 <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }
}
