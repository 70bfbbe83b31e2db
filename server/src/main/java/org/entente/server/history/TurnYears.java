package org.entente.server.history;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.server.scenario.ScenarioFile;

/**
 * The calendar year of every turn, and for each year the last turn that falls in it: the position
 * after that turn is the one compared with the year's data.
 */
final class TurnYears {
  private static final Pattern YEAR = Pattern.compile("(\\d{1,4})(\\s*BC)?");

  private final List<Integer> years;

  private TurnYears(List<Integer> years) {
    this.years = List.copyOf(years);
  }

  /** The years of the first {@code turns} turns of {@code calendar}. */
  static TurnYears of(ScenarioFile.Calendar calendar, int turns) {
    if (calendar == null) {
      throw new IllegalArgumentException("the scenario has no calendar, so its turns have no year");
    }
    List<Integer> out = new ArrayList<>(turns);
    if (calendar.labels() != null) {
      if (calendar.labels().size() < turns) {
        throw new IllegalArgumentException(
            "the calendar labels " + calendar.labels().size() + " of " + turns + " turns");
      }
      for (int t = 0; t < turns; t++) {
        out.add(yearOf(calendar.labels().get(t)));
      }
      return new TurnYears(out);
    }
    int step = calendar.step() == null ? 1 : calendar.step();
    String start = String.valueOf(calendar.start()).strip();
    for (int t = 0; t < turns; t++) {
      out.add(
          switch (calendar.unit()) {
            case "year" -> Integer.parseInt(start) + t * step;
            case "season" -> Integer.parseInt(start) + (t / 2) * step;
            case "month" -> YearMonth.parse(start).plusMonths((long) t * step).getYear();
            case "day" -> LocalDate.parse(start).plusDays((long) t * step).getYear();
            default ->
                throw new IllegalArgumentException(
                    "calendar unit '" + calendar.unit() + "' gives turns no year");
          });
    }
    return new TurnYears(out);
  }

  /** The year named in a turn label ("July 1914", "1955", "431 BC"). */
  static int yearOf(String label) {
    Matcher m = YEAR.matcher(label);
    Integer found = null;
    while (m.find()) {
      int y = Integer.parseInt(m.group(1));
      found = m.group(2) == null ? y : -y;
    }
    if (found == null) {
      throw new IllegalArgumentException("turn label '" + label + "' names no year");
    }
    return found;
  }

  /** The year of turn {@code t} (1-based). */
  int year(int t) {
    return years.get(t - 1);
  }

  /** Every year the calendar reaches, with the last turn in it (ascending years). */
  Map<Integer, Integer> lastTurnOfYear() {
    Map<Integer, Integer> out = new TreeMap<>();
    for (int t = 1; t <= years.size(); t++) {
      out.put(years.get(t - 1), t);
    }
    return out;
  }
}
