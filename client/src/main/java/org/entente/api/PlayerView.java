package org.entente.api;

import java.util.List;

/**
 * Everything one seat may know at the start of a turn: the public world, its own row of perceived
 * intent and threat (with each term, so a player can see why a threat is high), its principal
 * threat and coverage, its own outcomes from last turn, and its private briefing. Another seat's
 * intent, orders and briefing are never here.
 *
 * @param proximity public geography: {@code proximity.get(i, j)} is prox(i -> j), how much of i's
 *     power reaches j
 * @param principalThreat the members of the state or bloc that threatens this seat most (empty if
 *     nothing threatens it)
 * @param principalLeader the member of the principal threat that threatens this seat most, or null
 * @param leanings states whose penetration of this seat succeeded last turn (its politics lean
 *     toward them)
 * @param lastStances every state's stance last turn (public once adjudicated), empty on turn 1
 */
public record PlayerView(
    String scenario,
    int turn,
    int turns,
    String turnLabel,
    String self,
    List<NationView> nations,
    SquareMatrix proximity,
    List<AllianceView> alliances,
    List<CrisisView> crises,
    List<ThreatEntry> threats,
    List<String> principalThreat,
    String principalLeader,
    double coverage,
    List<String> leanings,
    List<OrderOutcome> outcomes,
    List<PublicStance> lastStances,
    RulesView rules,
    String briefing,
    String privateBriefing) {

  public PlayerView {
    nations = List.copyOf(nations);
    alliances = List.copyOf(alliances);
    crises = List.copyOf(crises);
    threats = List.copyOf(threats);
    principalThreat = List.copyOf(principalThreat);
    leanings = List.copyOf(leanings);
    outcomes = List.copyOf(outcomes);
    lastStances = List.copyOf(lastStances);
  }

  /** The position of state {@code id} in {@link #nations()}, or -1. */
  public int index(String id) {
    // Ids taken from this view are the very strings of its nations: a reference pass finds them
    // without comparing characters; the equality pass serves ids built elsewhere.
    for (int i = 0; i < nations.size(); i++) {
      if (nations.get(i).id() == id) {
        return i;
      }
    }
    for (int i = 0; i < nations.size(); i++) {
      if (nations.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** The state {@code id}; throws if there is none. */
  public NationView nation(String id) {
    int i = index(id);
    if (i < 0) {
      throw new IllegalArgumentException("no state " + id);
    }
    return nations.get(i);
  }

  /** This seat's own state. */
  public NationView me() {
    return nation(self);
  }

  /** prox(from -> to). */
  public double prox(String from, String to) {
    return proximity.get(index(from), index(to));
  }

  /** This seat's threat entry for {@code actor}, or null. */
  public ThreatEntry threatFrom(String actor) {
    for (ThreatEntry t : threats) {
      if (t.actor().equals(actor)) {
        return t;
      }
    }
    return null;
  }

  /** True when {@code a} and {@code b} share an alliance. */
  public boolean allied(String a, String b) {
    for (AllianceView al : alliances) {
      if (al.members().contains(a) && al.members().contains(b)) {
        return true;
      }
    }
    return false;
  }

  /** The states allied with {@code id}, each once, in scenario order. */
  public List<String> alliesOf(String id) {
    List<String> out = new java.util.ArrayList<>();
    for (NationView n : nations) {
      if (!n.id().equals(id) && allied(id, n.id())) {
        out.add(n.id());
      }
    }
    return List.copyOf(out);
  }

  /** Public facts about one state. */
  public record NationView(
      String id,
      String name,
      double population,
      double economy,
      double military,
      double technology,
      double power,
      double offense,
      double reach,
      String ideology,
      boolean divisive,
      Posture posture,
      boolean active,
      String patron,
      Stance.BandwagonKind clientKind) {

    /** True when this state is some other state's client. */
    public boolean isClient() {
      return patron != null;
    }
  }

  /** A standing alliance. */
  public record AllianceView(String id, List<String> members, double cohesion, int formedTurn) {
    public AllianceView {
      members = List.copyOf(members);
    }
  }

  /** A declared attack awaiting resolution at the end of {@code resolvesTurn}. */
  public record CrisisView(
      String id, String aggressor, String target, int declaredTurn, int resolvesTurn) {}

  /**
   * One entry of this seat's threat row: T = power^a * proximity^b * offense^c * max(intent,
   * floor)^e.
   */
  public record ThreatEntry(
      String actor, double power, double proximity, double offense, double intent, double threat) {}

  /** A state's stance as adjudicated last turn. */
  public record PublicStance(String state, Stance stance) {}

  /** The rule constants a player needs to reason about the game. */
  public record RulesView(
      double defenseAdvantage,
      double maxInternalEffort,
      double aidMaxShare,
      double tributeRate,
      double weakShare) {}
}
