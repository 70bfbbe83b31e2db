package org.entente.server.scenario;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turn labels from a scenario's calendar: years (BC when negative), seasons, months or days. */
final class TurnCalendar {
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private TurnCalendar() {}

  static List<String> labels(ScenarioFile.Calendar c, int turns) {
    if (c.labels() != null) {
      return c.labels();
    }
    int step = c.step() == null ? 1 : c.step();
    String start = String.valueOf(c.start());
    List<String> out = new ArrayList<>(turns);
    for (int t = 0; t < turns; t++) {
      out.add(
          switch (c.unit()) {
            case "year" -> year(integer(start) + t * step);
            case "season" ->
                year(integer(start) + (t / 2) * step) + (t % 2 == 0 ? ", summer" : ", winter");
            case "month" -> month(start).plusMonths((long) t * step).format(MONTH);
            case "day" -> day(start).plusDays((long) t * step).format(DAY);
            default -> "turn " + (t + 1);
          });
    }
    return out;
  }

  private static String year(int y) {
    return y < 0 ? -y + " BC" : String.valueOf(y);
  }

  private static int integer(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + s + "' is not a year (use an integer, negative for BC)");
    }
  }

  private static YearMonth month(String s) {
    try {
      return YearMonth.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + s + "' is not a month (use YYYY-MM)");
    }
  }

  private static LocalDate day(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + s + "' is not a date (use YYYY-MM-DD)");
    }
  }
}
