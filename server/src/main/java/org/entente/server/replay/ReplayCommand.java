package org.entente.server.replay;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.entente.api.AllianceKind;
import org.entente.api.OrderOutcome;
import org.entente.api.OrderSyntax;
import org.entente.api.PlayerView;
import org.entente.server.engine.Alliance;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.Views;
import org.entente.server.history.GameHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entente replay}: prints a turn of a journaled game, and what one seat saw of it. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Print a turn of a journaled game (stances, events, wars, standings) and, with --as, what"
            + " one seat saw at its start.")
public final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GAME", description = "a journal file, or a game id")
  String game;

  @Mixin DataOption data;

  @Option(
      names = "--turn",
      paramLabel = "N",
      description =
          "the turn (default: the last); one past the last shows the final position, as --final")
  Integer turn;

  @Option(names = "--final", description = "show the final position, after the last turn")
  boolean finalPosition;

  @Option(names = "--as", paramLabel = "SEAT", description = "also print this seat's view")
  String as;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Replayer r = data.openOrSay(game, err);
    if (r == null) {
      return 2;
    }
    if (r.turns() == 0) {
      err.println("no turn has been played in " + r.gameId());
      err.flush();
      return 2;
    }
    if (finalPosition && turn != null) {
      err.println("--final and --turn name two positions: give one");
      err.flush();
      return 2;
    }
    int t = finalPosition ? r.turns() + 1 : turn == null ? r.turns() : turn;
    if (t < 1 || t > r.turns() + 1) {
      err.println(
          "no turn "
              + t
              + " in "
              + r.gameId()
              + ": it has turns 1.."
              + r.turns()
              + " (and "
              + (r.turns() + 1)
              + ", or --final, for the position after the last)");
      err.flush();
      return 2;
    }
    if (as != null && r.world().index(as) < 0) {
      err.println(
          "no seat "
              + as
              + " in "
              + r.world().id()
              + "; seats: "
              + String.join(", ", r.strategies().keySet()));
      err.flush();
      return 2;
    }
    if (t == r.turns() + 1) {
      printFinal(out, r);
    } else {
      printTurn(out, r, t);
    }
    try {
      printRoom(out, r.room(), t, as);
    } catch (java.io.IOException e) {
      err.println("cannot read who played and the messages: " + e.getMessage());
      err.flush();
      return 1;
    }
    if (as != null) {
      printView(out, r.view(t, as));
    }
    out.flush();
    return 0;
  }

  /**
   * Who played each seat on turn {@code t}, the events the instructor injected during it, and the
   * messages sent during it (with {@code as}: those that seat could read).
   */
  static void printRoom(PrintWriter out, Room room, int t, String as) {
    if (!room.journaled()) {
      return;
    }
    boolean played = room.seats().stream().anyMatch(s -> s.players().size() >= t);
    if (played) {
      out.println("played by:");
      for (Room.Seat s : room.seats()) {
        if (s.players().size() >= t) {
          out.println("  " + s.state() + ": " + s.players().get(t - 1).words());
        }
      }
    }
    List<Room.Inject> injects = room.injectsOf(t);
    if (!injects.isEmpty()) {
      out.println("injected by the instructor during turn " + t + ":");
      injects.forEach(x -> x.texts().forEach(text -> out.println("  " + text)));
    }
    List<Room.Message> msgs =
        (as == null ? room.messages() : room.messagesSeenBy(as))
            .stream().filter(m -> m.turn() == t).toList();
    if (!msgs.isEmpty()) {
      out.println(
          "messages of turn " + t + (as == null ? "" : " that " + as + " could read") + ":");
      msgs.forEach(m -> out.println("  " + m.header() + ": " + m.text()));
    }
  }

  static void printTurn(PrintWriter out, Replayer r, int t) {
    TurnReport rep = r.report(t);
    out.println(
        "game "
            + r.gameId()
            + " ("
            + r.world().id()
            + ", seed "
            + r.seed()
            + "), turn "
            + t
            + "/"
            + r.turns()
            + ": "
            + rep.label());
    if (r.lineage() != null) {
      out.println(r.lineage().text());
    }
    out.println("stances:");
    rep.stances()
        .forEach(s -> out.println("  " + s.state() + ": " + OrderSyntax.format(s.stance())));
    out.println("events:");
    rep.events().forEach(e -> out.println("  " + e.kind() + ": " + e.text()));
    out.println("wars:");
    for (TurnReport.War w : rep.wars()) {
      out.println(
          "  "
              + w.crisis()
              + " "
              + w.aggressor()
              + " vs "
              + w.target()
              + ": "
              + (w.attackersWon() ? "attackers won" : "defenders held")
              + (w.conquered() ? ", " + w.target() + " conquered" : "")
              + " ("
              + w.reason()
              + ")");
    }
    printStandings(out, rep, "standings after adjudication (at the end of turn " + t + "):");
    out.println("alliances after the turn:");
    for (Alliance a : r.state(t + 1).alliances()) {
      out.println("  " + alliance(a));
    }
    printNotes(out, r, t);
    out.println("hash " + rep.stateHash());
  }

  /** The position after the last turn: standings, alliances and conquests at the end. */
  static void printFinal(PrintWriter out, Replayer r) {
    int last = r.turns();
    TurnReport rep = r.report(last);
    out.println(
        "game "
            + r.gameId()
            + " ("
            + r.world().id()
            + ", seed "
            + r.seed()
            + "), the final position: after turn "
            + last
            + "/"
            + last
            + " ("
            + rep.label()
            + ")");
    if (r.lineage() != null) {
      out.println(r.lineage().text());
    }
    printStandings(out, rep, "standings after adjudication of the last turn (" + last + "):");
    out.println("alliances at the end:");
    for (Alliance a : r.state(last + 1).alliances()) {
      out.println("  " + alliance(a));
    }
    out.println("news after the last turn:");
    rep.news().forEach(e -> out.println("  " + e.kind() + ": " + Numbers.shorten(e.text())));
    printNotes(out, r, last + 1);
    out.println("hash " + rep.stateHash());
  }

  private static void printStandings(PrintWriter out, TurnReport rep, String header) {
    out.println(header);
    for (TurnReport.Standing s : rep.standings()) {
      out.println(
          String.format(
              Locale.ROOT,
              "  %-6s power %s, coverage %s, principal threat %s%s%s",
              s.state(),
              Numbers.num(s.power(), 3),
              Numbers.pct(s.coverage()),
              s.principalThreat().isEmpty() ? "-" : String.join(",", s.principalThreat()),
              s.patron() == null ? "" : ", patron " + s.patron(),
              s.conquered() ? ", CONQUERED" : ""));
    }
  }

  private static void printNotes(PrintWriter out, Replayer r, int t) {
    List<GameHistory.Annotation> notes =
        r.annotations().stream().filter(a -> a.turn() == t).toList();
    if (!notes.isEmpty()) {
      out.println("notes on turn " + t + ":");
      notes.forEach(a -> out.println("  " + a.author() + ": " + a.text()));
    }
  }

  /** An alliance in one line: id, kind, target, members, cohesion and the turn it formed. */
  static String alliance(Alliance a) {
    return alliance(Views.view(a));
  }

  /** A view's alliance in the same words as {@link #alliance(Alliance)}. */
  static String alliance(PlayerView.AllianceView a) {
    return String.format(
        Locale.ROOT,
        "%s %s against %s: %s (cohesion %.2f, since turn %d)",
        a.id(),
        a.kind() == AllianceKind.OFFENSIVE ? "offensive" : "defensive",
        a.target() == null ? "-" : a.target(),
        String.join(", ", a.members()),
        a.cohesion(),
        a.formedTurn());
  }

  static void printView(PrintWriter out, PlayerView v) {
    out.println("view of " + v.self() + " at the start of turn " + v.turn() + ":");
    out.println(
        String.format(
            Locale.ROOT,
            "  at the start of the turn: coverage %s, principal threat %s",
            Numbers.pct(v.coverage()),
            v.principalThreat().isEmpty() ? "-" : String.join(",", v.principalThreat())));
    out.println(
        "  threat row at the start of the turn (actor power proximity offense intent threat):");
    for (PlayerView.ThreatEntry e : v.threats()) {
      out.println(
          String.format(
              Locale.ROOT,
              "    %-6s %.3f %.3f %.3f %.3f %.3f",
              e.actor(),
              e.power(),
              e.proximity(),
              e.offense(),
              e.intent(),
              e.threat()));
    }
    out.println("  alliances:");
    for (PlayerView.AllianceView a : v.alliances()) {
      out.println("    " + alliance(a));
    }
    out.println("  outcomes of last turn (after its adjudication):");
    for (OrderOutcome o : v.outcomes()) {
      out.println("    " + o.order() + ": " + o.code() + " " + o.reason());
    }
  }
}
