package org.entente.server.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entente.api.SquareMatrix;

/**
 * What does not change during a game: the scenario's identity, calendar, constants, starting
 * states, geography, baseline perception, injects, objectives and briefings. Built once by the
 * scenario loader; positions in {@link #start()} index every matrix.
 *
 * @param proximity prox(i -> j) = exp(-distance(i, j) / reach_i), 1 on the diagonal
 * @param baseline the starting perceived intent, to which perception drifts back
 */
public record World(
    String id,
    String name,
    String briefing,
    int turns,
    List<String> labels,
    Params params,
    List<Nation> start,
    SquareMatrix distance,
    SquareMatrix proximity,
    SquareMatrix baseline,
    List<Alliance> startAlliances,
    List<ClientLink> startClients,
    List<ScheduledEvent> events,
    List<List<Objective>> objectives,
    List<String> privateBriefings,
    List<String> strategies,
    Ids positions) {

  public World {
    labels = List.copyOf(labels);
    start = List.copyOf(start);
    positions = new Ids(start);
    Ids ids = positions;
    // Alliances and links name states by the scenario's own id strings, so that lookups find them
    // by reference.
    startAlliances =
        startAlliances.stream()
            .map(
                a ->
                    new Alliance(
                        a.id(),
                        a.members().stream().map(ids::canonical).toList(),
                        a.formedTurn(),
                        a.cohesion(),
                        ids.canonical(a.target()),
                        a.targetBloc().stream().map(ids::canonical).toList(),
                        a.kind()))
            .toList();
    startClients =
        startClients.stream()
            .map(
                c ->
                    new ClientLink(
                        ids.canonical(c.client()), ids.canonical(c.patron()), c.kind(), c.since()))
            .toList();
    events = List.copyOf(events);
    objectives = objectives.stream().map(List::copyOf).toList();
    privateBriefings = List.copyOf(privateBriefings);
    strategies = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(strategies));
  }

  /** A world; positions are derived from {@code start}. */
  public static World of(
      String id,
      String name,
      String briefing,
      int turns,
      List<String> labels,
      Params params,
      List<Nation> start,
      SquareMatrix distance,
      SquareMatrix proximity,
      SquareMatrix baseline,
      List<Alliance> startAlliances,
      List<ClientLink> startClients,
      List<ScheduledEvent> events,
      List<List<Objective>> objectives,
      List<String> privateBriefings,
      List<String> strategies) {
    return new World(
        id,
        name,
        briefing,
        turns,
        labels,
        params,
        start,
        distance,
        proximity,
        baseline,
        startAlliances,
        startClients,
        events,
        objectives,
        privateBriefings,
        strategies,
        null);
  }

  /** Number of states. */
  public int size() {
    return start.size();
  }

  /** The position of state {@code id}, or -1. */
  public int index(String id) {
    return positions.index(id);
  }

  /** The label of turn {@code t} (1-based), or "turn t" past the calendar. */
  public String label(int t) {
    return t >= 1 && t <= labels.size() ? labels.get(t - 1) : "turn " + t;
  }

  /** The positions of the states' ids in {@link #start()}. */
  public static final class Ids {
    private final String[] ids;
    private final Map<String, Integer> positions;

    Ids(List<Nation> nations) {
      ids = new String[nations.size()];
      Map<String, Integer> m = new HashMap<>();
      for (int i = 0; i < ids.length; i++) {
        ids[i] = nations.get(i).id();
        m.put(ids[i], i);
      }
      positions = Map.copyOf(m);
    }

    /** The position of {@code id}, or -1. */
    public int index(String id) {
      // Ids in orders, stances and alliances are almost always the very strings of the scenario's
      // states: in a small world a reference scan finds them before a hash lookup could.
      int scan = Math.min(ids.length, 16);
      for (int k = 0; k < scan; k++) {
        if (ids[k] == id) {
          return k;
        }
      }
      Integer i = id == null ? null : positions.get(id);
      return i == null ? -1 : i;
    }

    /** The scenario's own string for {@code id} (itself if it names no state). */
    String canonical(String id) {
      int i = index(id);
      return i < 0 ? id : ids[i];
    }
  }

  /**
   * Proximity with distance {@code km} and projection {@code reach} (the loss-of-strength
   * gradient).
   */
  public static double proximity(double km, double reach) {
    return Math.exp(-km / reach);
  }

  /** Great-circle distance in km between two points given in degrees. */
  public static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double h =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
