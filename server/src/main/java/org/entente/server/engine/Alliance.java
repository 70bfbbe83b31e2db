package org.entente.server.engine;

import java.util.List;
import org.entente.api.AllianceKind;

/**
 * A standing alliance (RULES.md section 3a): members in scenario order, the state it balances
 * ({@code target}) with the bloc that state belonged to when the alliance formed ({@code
 * targetBloc}, the target first), and whether its members also join each other's attacks ({@code
 * kind}).
 */
public record Alliance(
    String id,
    List<String> members,
    int formedTurn,
    double cohesion,
    String target,
    List<String> targetBloc,
    AllianceKind kind) {
  public Alliance {
    members = List.copyOf(members);
    targetBloc = List.copyOf(targetBloc);
  }

  public boolean has(String state) {
    return members.contains(state);
  }

  /** True when {@code state} is the target or was in its bloc when the alliance formed. */
  public boolean aimedAt(String state) {
    return targetBloc.contains(state);
  }

  Alliance withCohesion(double c) {
    return new Alliance(id, members, formedTurn, c, target, targetBloc, kind);
  }

  Alliance withMembers(List<String> m) {
    return new Alliance(id, m, formedTurn, cohesion, target, targetBloc, kind);
  }

  Alliance withTargetBloc(List<String> bloc) {
    return new Alliance(id, members, formedTurn, cohesion, target, bloc, kind);
  }
}
