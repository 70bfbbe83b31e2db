package org.entente.server.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entente.api.OrderOutcome;
import org.entente.api.OrderSyntax;
import org.entente.api.Orders;
import org.entente.server.engine.Scoring;
import org.entente.server.engine.TurnReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code entente export}: a journaled game as CSV files for a spreadsheet or R, one of every order
 * outcome of the game and one per state with its turns.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write a journaled game as CSV (RFC 4180): GAME-orders.csv, every order's outcome; and"
            + " GAME-STATE.csv per state, its orders, outcomes and score components turn by turn.")
public final class ExportCommand implements Callable<Integer> {
  static final List<String> ORDERS_HEADER =
      List.of("turn", "state", "orders", "order", "outcome", "reason", "played_by");
  static final List<String> STUDENT_HEADER =
      List.of(
          "turn",
          "student",
          "state",
          "orders",
          "outcomes",
          "reasons",
          "messages_sent",
          "power",
          "coverage",
          "survival",
          "security",
          "autonomy",
          "power_score",
          "objectives",
          "total");
  static final List<String> STATE_HEADER =
      List.of(
          "turn",
          "state",
          "orders",
          "outcomes",
          "reasons",
          "power",
          "coverage",
          "principal_threat",
          "conquered",
          "survival",
          "security",
          "autonomy",
          "power_score",
          "objectives",
          "total");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GAME", description = "a journal file, or a game id")
  String game;

  @Mixin DataOption data;

  @Option(
      names = "--csv",
      required = true,
      paramLabel = "DIR",
      description = "the directory the CSV files are written to (made if missing)")
  Path dir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Replayer r = data.openOrSay(game, err);
    if (r == null) {
      return 2;
    }
    try {
      for (Path p : write(r, dir)) {
        out.println("wrote " + p);
      }
    } catch (IOException e) {
      err.println("cannot write the CSV files in " + dir + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    out.flush();
    return 0;
  }

  /** Writes the game's CSV files into {@code dir}; returns their paths, the orders file first. */
  static List<Path> write(Replayer r, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    Room room = r.room();
    Path orders = dir.resolve(r.gameId() + "-orders.csv");
    try (Writer w = Files.newBufferedWriter(orders, StandardCharsets.UTF_8)) {
      w.write(Csv.row(ORDERS_HEADER));
      for (int t = 1; t <= r.turns(); t++) {
        Map<String, Orders> given = r.orders(t);
        for (OrderOutcome o : r.report(t).outcomes()) {
          w.write(
              Csv.row(
                  List.of(
                      Integer.toString(t),
                      o.state(),
                      ordersText(given, o.state()),
                      o.order(),
                      o.code().name(),
                      o.reason(),
                      playedBy(room, o.state(), t))));
        }
      }
    }
    written.add(orders);
    for (var n : r.world().start()) {
      String seat = n.id();
      Path p = dir.resolve(r.gameId() + "-" + seat + ".csv");
      try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
        w.write(Csv.row(STATE_HEADER));
        for (int t = 1; t <= r.turns(); t++) {
          TurnReport rep = r.report(t);
          List<OrderOutcome> mine = rep.outcomesOf(seat);
          TurnReport.Standing st =
              rep.standings().stream().filter(s -> s.state().equals(seat)).findFirst().orElse(null);
          Scoring.Score sc =
              Scoring.scores(r.state(t + 1)).stream()
                  .filter(s -> s.state().equals(seat))
                  .findFirst()
                  .orElseThrow();
          List<String> row = new ArrayList<>();
          row.add(Integer.toString(t));
          row.add(seat);
          row.add(ordersText(r.orders(t), seat));
          row.add(String.join(" ", mine.stream().map(o -> o.code().name()).toList()));
          row.add(
              String.join(" | ", mine.stream().map(o -> o.order() + ": " + o.reason()).toList()));
          row.add(st == null ? "" : Csv.number(st.power()));
          row.add(st == null ? "" : Csv.number(st.coverage()));
          row.add(st == null ? "" : String.join(" ", st.principalThreat()));
          row.add(st == null ? "" : Boolean.toString(st.conquered()));
          row.add(Csv.number(sc.survival()));
          row.add(Csv.number(sc.security()));
          row.add(Csv.number(sc.autonomy()));
          row.add(Csv.number(sc.power()));
          row.add(Csv.number(sc.objectives()));
          row.add(Csv.number(sc.total()));
          w.write(Csv.row(row));
        }
      }
      written.add(p);
    }
    written.addAll(students(r, room, dir));
    return written;
  }

  /** Who played {@code seat} on turn {@code t}, in words ("" when the room does not say). */
  static String playedBy(Room room, String seat, int t) {
    Room.Seat s = room.seat(seat);
    return s == null || t > s.players().size() ? "" : s.players().get(t - 1).words();
  }

  /**
   * One file per student, {@code GAME-student-NAME.csv}: a row per turn the student played their
   * seat or sent a message: their orders, outcomes and reasons, the messages they sent, the
   * standing after the turn and the score components.
   */
  static List<Path> students(Replayer r, Room room, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    java.util.Set<String> usedNames = new java.util.HashSet<>();
    for (Room.Seat seat : room.seats()) {
      for (Room.Student student : seat.students()) {
        String file = safe(student.name());
        while (!usedNames.add(file)) {
          file = file + "_";
        }
        Path p = dir.resolve(r.gameId() + "-student-" + file + ".csv");
        try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
          w.write(Csv.row(STUDENT_HEADER));
          for (int t = 1; t <= r.turns(); t++) {
            Room.Player pl = seat.players().get(t - 1);
            boolean played =
                pl.kind() == Room.Kind.STUDENT
                    && java.util.Arrays.asList(pl.name().split(", ")).contains(student.name());
            final int turn = t;
            List<String> sent =
                room.messages().stream()
                    .filter(
                        m ->
                            m.turn() == turn
                                && m.from().equals(seat.state())
                                && m.author().equals(student.name()))
                    .map(
                        m ->
                            "to "
                                + (m.team()
                                    ? "team"
                                    : m.to().isEmpty() ? "everyone" : String.join(" ", m.to()))
                                + ": "
                                + m.text())
                    .toList();
            if (!played && sent.isEmpty()) {
              continue;
            }
            TurnReport rep = r.report(t);
            List<OrderOutcome> mine = rep.outcomesOf(seat.state());
            TurnReport.Standing st =
                rep.standings().stream()
                    .filter(s -> s.state().equals(seat.state()))
                    .findFirst()
                    .orElse(null);
            Scoring.Score sc =
                Scoring.scores(r.state(t + 1)).stream()
                    .filter(s -> s.state().equals(seat.state()))
                    .findFirst()
                    .orElseThrow();
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(t));
            row.add(student.name());
            row.add(seat.state());
            row.add(played ? ordersText(r.orders(t), seat.state()) : "");
            row.add(
                played ? String.join(" ", mine.stream().map(o -> o.code().name()).toList()) : "");
            row.add(
                played
                    ? String.join(
                        " | ", mine.stream().map(o -> o.order() + ": " + o.reason()).toList())
                    : "");
            row.add(String.join(" | ", sent));
            row.add(st == null ? "" : Csv.number(st.power()));
            row.add(st == null ? "" : Csv.number(st.coverage()));
            row.add(Csv.number(sc.survival()));
            row.add(Csv.number(sc.security()));
            row.add(Csv.number(sc.autonomy()));
            row.add(Csv.number(sc.power()));
            row.add(Csv.number(sc.objectives()));
            row.add(Csv.number(sc.total()));
            w.write(Csv.row(row));
          }
        }
        out.add(p);
      }
    }
    return out;
  }

  /** A name as a file-name part: letters, digits, '-' and '_' kept, anything else '_'. */
  static String safe(String name) {
    String s = name.replaceAll("[^\\p{L}\\p{N}_-]", "_");
    return s.isEmpty() ? "student" : s;
  }

  /** A state's orders of a turn in order syntax; "" when it sent none or the source kept none. */
  private static String ordersText(Map<String, Orders> given, String seat) {
    if (given == null || !given.containsKey(seat)) {
      return "";
    }
    return OrderSyntax.format(given.get(seat));
  }
}
