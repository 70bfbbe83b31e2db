package org.entente.server.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.server.engine.World;
import org.entente.server.scenario.ScenarioException;
import org.entente.server.scenario.ScenarioFile;
import org.entente.server.scenario.ScenarioLoader;

/**
 * A built-in scenario set in real history, ready to compare with the alliance data: its world, each
 * state's Correlates of War country code (the {@code ccode} of its scenario entry), the data window
 * that covers its start, and the years its turns reach inside that window.
 */
record HistoricalScenario(
    String id,
    World world,
    Map<String, Integer> ccodes,
    AllianceData data,
    TurnYears calendar,
    Map<Integer, Integer> lastTurnOfYear) {

  private static final Map<String, AllianceData> WINDOWS = new ConcurrentHashMap<>();

  /** The built-in scenarios whose states carry country codes, in library order. */
  static List<String> ids() {
    List<String> out = new ArrayList<>();
    for (String id : ScenarioLoader.builtinIds()) {
      if (!codes(builtin(id).file()).isEmpty()) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * Loads built-in scenario {@code id}; throws when it is not historical or no window covers it.
   */
  static HistoricalScenario load(String id) {
    ScenarioLoader.Loaded loaded = builtin(id);
    World world = loaded.world();
    Map<String, Integer> ccodes = codes(loaded.file());
    if (ccodes.isEmpty()) {
      throw new IllegalArgumentException(
          id + " is not a historical scenario (its states carry no ccode); historical: " + ids());
    }
    TurnYears calendar = TurnYears.of(loaded.file().calendar(), world.turns());
    int start = calendar.year(1);
    AllianceData best = null;
    long bestCount = -1;
    for (String w : AllianceData.WINDOWS) {
      AllianceData d = WINDOWS.computeIfAbsent(w, AllianceData::load);
      if (d.covers(start)) {
        long count = ccodes.values().stream().filter(d.present(start)::contains).count();
        if (count > bestCount) {
          best = d;
          bestCount = count;
        }
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(
          "no data window covers "
              + id
              + "'s first year "
              + start
              + "; windows: "
              + AllianceData.WINDOWS);
    }
    Map<Integer, Integer> years = new LinkedHashMap<>();
    for (var e : calendar.lastTurnOfYear().entrySet()) {
      if (best.covers(e.getKey())) {
        years.put(e.getKey(), e.getValue());
      }
    }
    return new HistoricalScenario(id, world, ccodes, best, calendar, years);
  }

  /** The states whose country code the data window does not hold in {@code year}. */
  List<String> missing(int year) {
    List<String> out = new ArrayList<>();
    for (var n : world.start()) {
      Integer c = ccodes.get(n.id());
      if (c == null || !data.present(year).contains(c)) {
        out.add(n.id());
      }
    }
    return out;
  }

  /** The {@code ccode} of each state of a scenario that has one, in scenario order. */
  private static Map<String, Integer> codes(ScenarioFile file) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (ScenarioFile.StateEntry s : file.states()) {
      if (s.ccode() != null) {
        out.put(s.id(), s.ccode());
      }
    }
    return out;
  }

  private static ScenarioLoader.Loaded builtin(String id) {
    try {
      return ScenarioLoader.builtin(id);
    } catch (ScenarioException e) {
      throw new IllegalArgumentException("cannot load scenario " + id + ": " + e.getMessage(), e);
    }
  }
}
