package org.entente.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything one seat may know at the start of a turn: the public world, its own row of perceived
 * intent and threat (with each term, so a player can see why a threat is high), its principal
 * threat and coverage, its own outcomes from last turn, and its private briefing. Another seat's
 * intent, orders and briefing are never here.
 */
public final class PlayerView {
  private final String scenario;
  private final int turn;
  private final int turns;
  private final String turnLabel;
  private final String self;
  private final List<NationView> nations;
  private final SquareMatrix proximity;
  private final List<AllianceView> alliances;
  private final List<CrisisView> crises;
  private final List<ThreatEntry> threats;
  private final List<String> principalThreat;
  private final String principalLeader;
  private final double coverage;
  private final List<String> leanings;
  private final List<OrderOutcome> outcomes;
  private final List<PublicStance> lastStances;
  private final RulesView rules;
  private final String briefing;
  private final String privateBriefing;

  // Derived once from the parts above, for the lookups bots make many times a decision.
  private final String[] ids;
  private final long[] allianceMasks; // bit k: member of alliances.get(k); null past 64 alliances
  private final long[] targetMasks; // bit k: target of alliances.get(k); null when masks can't say
  private final String[] againstLastTurn; // whom each state balanced last turn, or null
  private final int[] blocRoots; // each state's bloc, named by its first position
  private final double totalMilitary;

  /**
   * A view made of these parts (the lists are copied).
   *
   * @param proximity public geography: {@code proximity.get(i, j)} is prox(i -> j), how much of i's
   *     power reaches j
   * @param principalThreat the members of the state or bloc that threatens this seat most (empty if
   *     nothing threatens it)
   * @param principalLeader the member of the principal threat that threatens this seat most, or
   *     null
   * @param leanings states whose penetration of this seat succeeded last turn (its politics lean
   *     toward them)
   * @param lastStances every state's stance last turn (public once adjudicated), empty on turn 1
   */
  public PlayerView(
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
    this(
        new PlayerView(
            scenario,
            turn,
            turns,
            turnLabel,
            nations,
            proximity,
            alliances,
            crises,
            lastStances,
            rules,
            briefing),
        self,
        threats,
        principalThreat,
        principalLeader,
        coverage,
        leanings,
        outcomes,
        privateBriefing);
  }

  // The public parts alone (no seat), with what is derived from them: the template of forSeat.
  private PlayerView(
      String scenario,
      int turn,
      int turns,
      String turnLabel,
      List<NationView> nations,
      SquareMatrix proximity,
      List<AllianceView> alliances,
      List<CrisisView> crises,
      List<PublicStance> lastStances,
      RulesView rules,
      String briefing) {
    this.scenario = scenario;
    this.turn = turn;
    this.turns = turns;
    this.turnLabel = turnLabel;
    this.self = null;
    this.nations = List.copyOf(nations);
    this.proximity = proximity;
    this.alliances = List.copyOf(alliances);
    this.crises = List.copyOf(crises);
    this.threats = List.of();
    this.principalThreat = List.of();
    this.principalLeader = null;
    this.coverage = 0;
    this.leanings = List.of();
    this.outcomes = List.of();
    this.lastStances = List.copyOf(lastStances);
    this.rules = rules;
    this.briefing = briefing;
    this.privateBriefing = null;
    int n = this.nations.size();
    ids = new String[n];
    double military = 0;
    for (int i = 0; i < n; i++) {
      NationView nation = this.nations.get(i);
      ids[i] = nation.id();
      military += nation.active() ? nation.military() : 0;
    }
    totalMilitary = military;
    allianceMasks = masks(this.alliances, n);
    targetMasks = allianceMasks == null ? null : targetMasks(this.alliances, n);
    againstLastTurn = againstLastTurn(this.lastStances, n);
    blocRoots = blocRoots(n);
  }

  // A view for seat self sharing template's public parts and what is derived from them.
  private PlayerView(
      PlayerView template,
      String self,
      List<ThreatEntry> threats,
      List<String> principalThreat,
      String principalLeader,
      double coverage,
      List<String> leanings,
      List<OrderOutcome> outcomes,
      String privateBriefing) {
    this.scenario = template.scenario;
    this.turn = template.turn;
    this.turns = template.turns;
    this.turnLabel = template.turnLabel;
    this.self = self;
    this.nations = template.nations;
    this.proximity = template.proximity;
    this.alliances = template.alliances;
    this.crises = template.crises;
    this.threats = List.copyOf(threats);
    this.principalThreat = List.copyOf(principalThreat);
    this.principalLeader = principalLeader;
    this.coverage = coverage;
    this.leanings = List.copyOf(leanings);
    this.outcomes = List.copyOf(outcomes);
    this.lastStances = template.lastStances;
    this.rules = template.rules;
    this.briefing = template.briefing;
    this.privateBriefing = privateBriefing;
    this.ids = template.ids;
    this.allianceMasks = template.allianceMasks;
    this.targetMasks = template.targetMasks;
    this.againstLastTurn = template.againstLastTurn;
    this.blocRoots = template.blocRoots;
    this.totalMilitary = template.totalMilitary;
  }

  /**
   * The view of the same turn for seat {@code self}: this view's public parts (scenario, turn,
   * states, proximity, alliances, crises, last stances, rules, briefing) with the given seat's own
   * parts. Cheaper than the constructor when one turn's views are built for many seats.
   */
  public PlayerView forSeat(
      String self,
      List<ThreatEntry> threats,
      List<String> principalThreat,
      String principalLeader,
      double coverage,
      List<String> leanings,
      List<OrderOutcome> outcomes,
      String privateBriefing) {
    return new PlayerView(
        this,
        self,
        threats,
        principalThreat,
        principalLeader,
        coverage,
        leanings,
        outcomes,
        privateBriefing);
  }

  public String scenario() {
    return scenario;
  }

  public int turn() {
    return turn;
  }

  public int turns() {
    return turns;
  }

  public String turnLabel() {
    return turnLabel;
  }

  public String self() {
    return self;
  }

  public List<NationView> nations() {
    return nations;
  }

  public SquareMatrix proximity() {
    return proximity;
  }

  public List<AllianceView> alliances() {
    return alliances;
  }

  public List<CrisisView> crises() {
    return crises;
  }

  public List<ThreatEntry> threats() {
    return threats;
  }

  public List<String> principalThreat() {
    return principalThreat;
  }

  public String principalLeader() {
    return principalLeader;
  }

  public double coverage() {
    return coverage;
  }

  public List<String> leanings() {
    return leanings;
  }

  public List<OrderOutcome> outcomes() {
    return outcomes;
  }

  public List<PublicStance> lastStances() {
    return lastStances;
  }

  public RulesView rules() {
    return rules;
  }

  public String briefing() {
    return briefing;
  }

  public String privateBriefing() {
    return privateBriefing;
  }

  /** The position of state {@code id} in {@link #nations()}, or -1. */
  public int index(String id) {
    // Ids taken from this view are the very strings of its nations: a reference pass finds them
    // without comparing characters; the equality pass serves ids built elsewhere.
    String[] ids = this.ids;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == id) {
        return i;
      }
    }
    if (id != null) {
      for (int i = 0; i < ids.length; i++) {
        if (id.equals(ids[i])) {
          return i;
        }
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

  /** The summed military of the active states. */
  public double totalMilitary() {
    return totalMilitary;
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
    int i = index(a);
    int j = index(b);
    if (allianceMasks != null && i >= 0 && j >= 0) {
      return (allianceMasks[i] & allianceMasks[j]) != 0;
    }
    for (AllianceView al : alliances) {
      if (al.members().contains(a) && al.members().contains(b)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code a} and {@code b} stand against each other: one is the target of an alliance
   * the other is in.
   */
  public boolean alliedAgainst(String a, String b) {
    int i = index(a);
    int j = index(b);
    if (targetMasks != null && i >= 0 && j >= 0) {
      return (allianceMasks[i] & targetMasks[j]) != 0 || (allianceMasks[j] & targetMasks[i]) != 0;
    }
    for (AllianceView al : alliances) {
      if ((b.equals(al.target()) && al.members().contains(a))
          || (a.equals(al.target()) && al.members().contains(b))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The state {@code id} balanced against last turn (by its public stance), or null when its stance
   * was not BALANCE or is unknown.
   */
  public String balancedLastTurn(String id) {
    int i = index(id);
    if (i >= 0) {
      return againstLastTurn[i];
    }
    for (PublicStance ps : lastStances) {
      if (ps.state().equals(id)) {
        return ps.stance() instanceof Stance.Balance b ? b.against() : null;
      }
    }
    return null;
  }

  /**
   * The bloc of {@code id}: the active states connected to it through alliances and patron-client
   * links (itself included), in scenario order. Throws if {@code id} names no state in view.
   */
  public List<String> bloc(String id) {
    int i = index(id);
    if (i < 0) {
      throw new IllegalArgumentException("no state " + id);
    }
    int mine = blocRoots[i];
    List<String> out = new ArrayList<>();
    for (int k = mine; k < ids.length; k++) {
      if (blocRoots[k] == mine && nations.get(k).active()) {
        out.add(ids[k]);
      }
    }
    return out;
  }

  /** The states allied with {@code id}, each once, in scenario order. */
  public List<String> alliesOf(String id) {
    int self = index(id);
    if (allianceMasks == null || self < 0) {
      List<String> out = new ArrayList<>();
      for (String other : ids) {
        if (!other.equals(id) && allied(id, other)) {
          out.add(other);
        }
      }
      return List.copyOf(out);
    }
    long mine = allianceMasks[self];
    if (mine == 0) {
      return List.of();
    }
    String[] out = new String[ids.length];
    int count = 0;
    for (int i = 0; i < ids.length; i++) {
      if (i != self && (allianceMasks[i] & mine) != 0) {
        out[count++] = ids[i];
      }
    }
    return List.of(Arrays.copyOf(out, count));
  }

  // Each state's alliances as a bit set over the first 64 alliances (null when there are more,
  // or when a member names no state in view: then the lookups scan the alliances instead).
  private long[] masks(List<AllianceView> alliances, int n) {
    if (alliances.size() > Long.SIZE) {
      return null;
    }
    long[] masks = new long[n];
    for (int k = 0; k < alliances.size(); k++) {
      for (String m : alliances.get(k).members()) {
        int i = index(m);
        if (i < 0) {
          return null;
        }
        masks[i] |= 1L << k;
      }
    }
    return masks;
  }

  // Each alliance's target as a bit set over the first 64 alliances, the counterpart of masks (null
  // when a target names no state in view: then alliedAgainst scans the alliances instead).
  private long[] targetMasks(List<AllianceView> alliances, int n) {
    long[] masks = new long[n];
    for (int k = 0; k < alliances.size(); k++) {
      String target = alliances.get(k).target();
      if (target != null) {
        int i = index(target);
        if (i < 0) {
          return null;
        }
        masks[i] |= 1L << k;
      }
    }
    return masks;
  }

  // What each state in view balanced last turn, by the first of its public stances (null for none).
  private String[] againstLastTurn(List<PublicStance> stances, int n) {
    String[] against = new String[n];
    boolean[] seen = new boolean[n];
    for (PublicStance ps : stances) {
      int i = index(ps.state());
      if (i >= 0 && !seen[i]) {
        seen[i] = true;
        against[i] = ps.stance() instanceof Stance.Balance b ? b.against() : null;
      }
    }
    return against;
  }

  // The blocs of the states in view: connected through alliances (members not in view ignored) and
  // patron-client links, each named by its first position (union-find, the lower root kept).
  private int[] blocRoots(int n) {
    int[] root = new int[n];
    for (int i = 0; i < n; i++) {
      root[i] = i;
    }
    for (AllianceView al : alliances) {
      int first = al.members().isEmpty() ? -1 : index(al.members().get(0));
      for (String m : al.members()) {
        union(root, first, index(m));
      }
    }
    for (int i = 0; i < n; i++) {
      String patron = nations.get(i).patron();
      if (patron != null) {
        union(root, i, index(patron));
      }
    }
    for (int i = 0; i < n; i++) {
      root[i] = find(root, i);
    }
    return root;
  }

  private static int find(int[] root, int i) {
    while (root[i] != i) {
      i = root[i];
    }
    return i;
  }

  private static void union(int[] root, int a, int b) {
    if (a < 0 || b < 0) {
      return;
    }
    int ra = find(root, a);
    int rb = find(root, b);
    if (ra != rb) {
      root[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlayerView v
        && turn == v.turn
        && turns == v.turns
        && Double.compare(coverage, v.coverage) == 0
        && Objects.equals(scenario, v.scenario)
        && Objects.equals(turnLabel, v.turnLabel)
        && Objects.equals(self, v.self)
        && nations.equals(v.nations)
        && Objects.equals(proximity, v.proximity)
        && alliances.equals(v.alliances)
        && crises.equals(v.crises)
        && threats.equals(v.threats)
        && principalThreat.equals(v.principalThreat)
        && Objects.equals(principalLeader, v.principalLeader)
        && leanings.equals(v.leanings)
        && outcomes.equals(v.outcomes)
        && lastStances.equals(v.lastStances)
        && Objects.equals(rules, v.rules)
        && Objects.equals(briefing, v.briefing)
        && Objects.equals(privateBriefing, v.privateBriefing);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        scenario,
        turn,
        turns,
        turnLabel,
        self,
        nations,
        proximity,
        alliances,
        crises,
        threats,
        principalThreat,
        principalLeader,
        coverage,
        leanings,
        outcomes,
        lastStances,
        rules,
        briefing,
        privateBriefing);
  }

  @Override
  public String toString() {
    return "PlayerView[scenario="
        + scenario
        + ", turn="
        + turn
        + ", turns="
        + turns
        + ", turnLabel="
        + turnLabel
        + ", self="
        + self
        + ", nations="
        + nations
        + ", proximity="
        + proximity
        + ", alliances="
        + alliances
        + ", crises="
        + crises
        + ", threats="
        + threats
        + ", principalThreat="
        + principalThreat
        + ", principalLeader="
        + principalLeader
        + ", coverage="
        + coverage
        + ", leanings="
        + leanings
        + ", outcomes="
        + outcomes
        + ", lastStances="
        + lastStances
        + ", rules="
        + rules
        + ", briefing="
        + briefing
        + ", privateBriefing="
        + privateBriefing
        + "]";
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

  /**
   * A standing alliance: its members, the state it balances ({@code target}, null only in views
   * built by older code), the bloc that state belonged to when the alliance formed ({@code
   * targetBloc}, the target first; empty when the view does not say, e.g. from a server that does
   * not send it) and whether members also join each other's attacks ({@code kind}).
   */
  public record AllianceView(
      String id,
      List<String> members,
      double cohesion,
      int formedTurn,
      String target,
      List<String> targetBloc,
      AllianceKind kind) {
    public AllianceView {
      members = List.copyOf(members);
      targetBloc = targetBloc == null ? List.of() : List.copyOf(targetBloc);
      kind = kind == null ? AllianceKind.DEFENSIVE : kind;
    }

    /** An alliance whose target's bloc is not known (views built by older code). */
    public AllianceView(
        String id,
        List<String> members,
        double cohesion,
        int formedTurn,
        String target,
        AllianceKind kind) {
      this(id, members, cohesion, formedTurn, target, List.of(), kind);
    }

    /** A defensive alliance with no recorded target (tests and tools that predate targets). */
    public AllianceView(String id, List<String> members, double cohesion, int formedTurn) {
      this(id, members, cohesion, formedTurn, null, List.of(), AllianceKind.DEFENSIVE);
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
