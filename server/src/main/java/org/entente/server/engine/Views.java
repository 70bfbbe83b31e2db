package org.entente.server.engine;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.OrderOutcome;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.AllianceView;
import org.entente.api.PlayerView.CrisisView;
import org.entente.api.PlayerView.NationView;
import org.entente.api.PlayerView.PublicStance;
import org.entente.api.PlayerView.RulesView;
import org.entente.api.PlayerView.ThreatEntry;

/**
 * Builds what one seat may see: the public world plus that seat's own intent and threat row,
 * principal threat, coverage, outcomes and private briefing. Nothing private to another seat is
 * copied in.
 */
public final class Views {
  private Views() {}

  /** The public part shared by every seat's view of one position. */
  public static final class Public {
    final GameState state;
    final ThreatModel model;
    final List<NationView> nations;
    final List<AllianceView> alliances;
    final List<CrisisView> crises;
    final List<PublicStance> lastStances;
    final TurnReport last;
    final RulesView rules;
    final List<List<OrderOutcome>> outcomes; // last turn's outcomes by state position
    final PlayerView template; // the public parts, for PlayerView.forSeat

    private Public(GameState state, TurnReport last) {
      this.state = state;
      this.last = last;
      this.model = Scoring.model(state);
      this.nations = Views.nations(state, model);
      this.alliances = allianceViews(state.alliances());
      this.crises = crisisViews(state.crises());
      this.lastStances = last == null ? List.of() : last.stances();
      this.rules = Views.rules(state.world().params());
      this.outcomes = outcomesByState(state.world(), last);
      World w = state.world();
      this.template =
          new PlayerView(
              w.id(),
              state.turn(),
              w.turns(),
              w.label(state.turn()),
              w.start().get(0).id(),
              nations,
              w.proximity(),
              alliances,
              crises,
              List.of(),
              List.of(),
              null,
              0,
              List.of(),
              List.of(),
              lastStances,
              rules,
              w.briefing(),
              null);
    }

    /** The threat model of the position (computed once for all seats). */
    public ThreatModel model() {
      return model;
    }

    /** Every state's public facts. */
    public List<NationView> nations() {
      return nations;
    }

    /** The standing alliances. */
    public List<AllianceView> alliances() {
      return alliances;
    }

    /** The pending crises. */
    public List<CrisisView> crises() {
      return crises;
    }

    /** Last turn's adjudicated stances (empty on turn 1). */
    public List<PublicStance> lastStances() {
      return lastStances;
    }

    /** The rule constants players see. */
    public RulesView rules() {
      return rules;
    }
  }

  // The lists below are built as arrays and wrapped once: PlayerView keeps such lists as they are.
  private static List<AllianceView> allianceViews(List<Alliance> alliances) {
    AllianceView[] out = new AllianceView[alliances.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = view(alliances.get(k));
    }
    return List.of(out);
  }

  /** An alliance as players see it. */
  public static AllianceView view(Alliance a) {
    return new AllianceView(
        a.id(), a.members(), a.cohesion(), a.formedTurn(), a.target(), a.targetBloc(), a.kind());
  }

  private static List<CrisisView> crisisViews(List<Crisis> crises) {
    CrisisView[] out = new CrisisView[crises.size()];
    for (int k = 0; k < out.length; k++) {
      Crisis c = crises.get(k);
      out[k] =
          new CrisisView(c.id(), c.aggressor(), c.target(), c.declaredTurn(), c.resolvesTurn());
    }
    return List.of(out);
  }

  /** The public part of {@code state}'s views; {@code last} is the report that produced it. */
  public static Public publicPart(GameState state, TurnReport last) {
    return new Public(state, last);
  }

  /** The view of seat {@code self}. */
  public static PlayerView of(GameState state, TurnReport last, String self) {
    return of(publicPart(state, last), self);
  }

  /** The view of seat {@code self}, reusing the shared public part. */
  public static PlayerView of(Public pub, String self) {
    GameState s = pub.state;
    World w = s.world();
    int j = w.index(self);
    if (j < 0) {
      throw new IllegalArgumentException("no state " + self);
    }
    ThreatModel m = pub.model;
    ThreatEntry[] threats = new ThreatEntry[w.size()];
    int count = 0;
    for (int i = 0; i < w.size(); i++) {
      if (i != j && s.nations().get(i).active()) {
        threats[count++] =
            new ThreatEntry(
                w.start().get(i).id(),
                m.power(i),
                w.proximity().get(i, j),
                m.offensive(i),
                s.intent().get(j, i),
                m.threat(j, i));
      }
    }
    int[] principalIndexes = m.principal(j);
    String[] principal = new String[principalIndexes.length];
    for (int k = 0; k < principal.length; k++) {
      principal[k] = w.start().get(principalIndexes[k]).id();
    }
    List<String> leanings = List.of();
    for (GameState.Leaning l : s.leanings()) {
      if (l.target().equals(self)) {
        leanings = leanings.isEmpty() ? new ArrayList<>(2) : leanings;
        leanings.add(l.actor());
      }
    }
    return pub.template.forSeat(
        w.start().get(j).id(),
        List.of(count == threats.length ? threats : java.util.Arrays.copyOf(threats, count)),
        List.of(principal),
        m.leader(j) < 0 ? null : w.start().get(m.leader(j)).id(),
        m.coverage(j),
        leanings,
        pub.outcomes.get(j),
        w.privateBriefings().get(j));
  }

  // Each state's outcomes in the report, in report order, in one pass over it.
  private static List<List<OrderOutcome>> outcomesByState(World w, TurnReport last) {
    int n = w.size();
    if (last == null || last.outcomes().isEmpty()) {
      return java.util.Collections.nCopies(n, List.of());
    }
    List<List<OrderOutcome>> by = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      by.add(new ArrayList<>(4));
    }
    for (OrderOutcome o : last.outcomes()) {
      int i = w.index(o.state());
      if (i >= 0) {
        by.get(i).add(o);
      }
    }
    for (int i = 0; i < n; i++) {
      by.set(i, List.copyOf(by.get(i)));
    }
    return by;
  }

  static RulesView rules(Params p) {
    return new RulesView(
        p.defenseAdvantage(),
        p.maxInternalEffort(),
        p.aidMaxShare(),
        p.tributeRate(),
        p.weakShare());
  }

  private static List<NationView> nations(GameState s, ThreatModel m) {
    NationView[] out = new NationView[s.nations().size()];
    for (int i = 0; i < out.length; i++) {
      Nation n = s.nations().get(i);
      ClientLink link = s.patronOf(n.id());
      out[i] =
          new NationView(
              n.id(),
              n.name(),
              n.population(),
              n.economy(),
              n.military(),
              n.technology(),
              m.power(i),
              n.offense(),
              n.reach(),
              n.ideology(),
              n.divisive(),
              n.posture(),
              n.active(),
              link == null ? null : link.patron(),
              link == null ? null : link.kind());
    }
    return List.of(out);
  }
}
