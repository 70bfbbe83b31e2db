package org.entente.server.engine;

import java.util.List;

/** A standing alliance; members are kept in scenario order. */
public record Alliance(String id, List<String> members, int formedTurn, double cohesion) {
  public Alliance {
    members = List.copyOf(members);
  }

  public boolean has(String state) {
    return members.contains(state);
  }

  Alliance withCohesion(double c) {
    return new Alliance(id, members, formedTurn, c);
  }

  Alliance withMembers(List<String> m) {
    return new Alliance(id, m, formedTurn, cohesion);
  }
}
