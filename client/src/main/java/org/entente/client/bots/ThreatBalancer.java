package org.entente.client.bots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.AllianceView;
import org.entente.api.PlayerView.CrisisView;
import org.entente.api.PlayerView.NationView;
import org.entente.api.Stance;
import org.entente.api.Stance.BandwagonKind;

/**
 * Plays Walt's balance of threat, the reference threat-driven bot of RULES.md section 9: it
 * balances its principal threat and proposes alliances to the states that balance the same threat
 * and are most exposed to it, bandwagons when weak with no ally in reach, passes the buck when a
 * more exposed state could hold alone (counting the defense advantage), and takes a side in crises
 * that concern it. It never attacks.
 *
 * <p>Order of decisions: a crisis against this seat; a crisis against an ally (a defensive
 * commitment binds: it defends, unless defending is hopeless and it is weak); a crisis started by
 * an ally (it joins only when losing that ally would cost much coverage and offence dominates:
 * chain-ganging as Christensen and Snyder explain it); a crisis started by its principal leader; no
 * threat (HIDE); weak and alone (BANDWAGON DEFENSIVE); buck-passing; else BALANCE against the
 * principal leader with effort scaled by how uncovered the seat is.
 *
 * <p>Partners (rules 2.0, section 3a): never a state that balanced a different threat last turn,
 * never one this seat is allied against, and enough names for admission: a seat joining an alliance
 * that stands against its threat names at least half of its members, and a member of such an
 * alliance names the states outside it that balance the same threat, so the alliance can admit
 * them. Among equally useful partners, like-minded ones (a shared ideology that is not divisive)
 * come first.
 */
public final class ThreatBalancer implements Bot {
  /** The strategy's name. */
  public static final String NAME = "threat-balancer";

  /** How many alliance proposals a turn, besides the names admission needs. */
  static final int MAX_PARTNERS = 3;

  /** How many states a turn's proposals may name in all, admission included. */
  static final int MAX_NAMED = 6;

  /** Share of the members of an alliance that must name a joiner (the engine's joinQuorum). */
  static final double JOIN_QUORUM = 0.5;

  /** Share of the maximum internal effort when joining another state's defence. */
  static final double JOIN_EFFORT = 0.5;

  /** Share of own economy sent to an ally under attack. */
  static final double AID_SHARE = 0.05;

  /** Coverage at or above which this seat is comfortable enough to pass the buck. */
  static final double BUCK_PASS_COVERAGE = 0.75;

  /**
   * The coverage an ally's loss must cost, per unit of defense advantage, for this seat to join the
   * ally's attack: at a defense advantage of 1.0 a loss of 0.1, at 1.5 a loss of 0.15.
   */
  static final double CHAIN_GANG_LOSS = 0.1;

  /** Defense advantage at or above which this seat never joins an ally's attack. */
  static final double CHAIN_GANG_MAX_DA = 1.8;

  /** Defence odds below which defending an attacked ally is hopeless. */
  static final double HOPELESS = 0.1;

  /** Relative weight a like-minded partner gains in the ranking: a tie-break, not a cause. */
  static final double LIKE_MINDED = 0.05;

  /**
   * How far this seat's judgement scales a partner's weight either way (a factor drawn from the
   * seat's dice in [0.6, 1.4]): partners within a factor of about 2.3 of each other are ranked
   * differently from seed to seed; a partner exposed more than that always comes first.
   */
  static final double JUDGEMENT = 0.4;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Orders decide(PlayerView view, Dice dice) {
    if (!view.me().active()) {
      return Orders.hide();
    }
    ActionPlan plan = new ActionPlan(view, stance(view, dice));
    addActions(view, plan);
    return plan.orders();
  }

  /** Adds this strategy's actions: aid to allies under attack, leaving alliances of clients. */
  static void addActions(PlayerView view, ActionPlan plan) {
    aidAlliesUnderAttack(view, plan);
    leaveAlliancesOfClients(view, plan);
  }

  /** This turn's stance (see the class comment for the order of decisions). */
  static Stance stance(PlayerView v) {
    return stance(v, null);
  }

  /**
   * This turn's stance, with partners weighed by {@code judgement} (this seat's dice for the turn,
   * see {@link #partners}); null weighs them by exposure alone.
   */
  static Stance stance(PlayerView v, Dice judgement) {
    return stance(v, judgement, true);
  }

  /**
   * This turn's stance as {@link #stance(PlayerView)} decides it, but a BALANCE names no partners:
   * for strategies that choose their partners themselves (the search for partners is skipped).
   */
  static Stance stanceWithoutPartners(PlayerView v) {
    return stance(v, null, false);
  }

  // The stance; with partners named only when {@code named}.
  private static Stance stance(PlayerView v, Dice judgement, boolean named) {
    double max = v.rules().maxInternalEffort();
    String leader = Estimates.leader(v);
    boolean weakAlone = leader != null && Estimates.weak(v) && !Estimates.allyInReach(v, leader);

    CrisisView against = crisisAgainstMe(v);
    if (against != null) {
      String aggressor = against.aggressor();
      if (weakAlone && aggressor.equals(leader) && Estimates.canBandwagonWith(v, aggressor)) {
        // Finland: too weak to resist and no one to help; becoming a client defuses the crisis.
        return new Stance.Bandwagon(aggressor, BandwagonKind.DEFENSIVE);
      }
      return new Stance.Balance(aggressor, max, partners(v, aggressor, null, judgement, named));
    }
    CrisisView bound = crisisAgainstAlly(v);
    if (bound != null) {
      Stance s = defend(v, bound, leader, judgement, named);
      if (s != null) {
        return s;
      }
    }
    CrisisView byAlly = crisisByAlly(v);
    if (byAlly != null && chainGangs(v, byAlly.aggressor())) {
      // Offence dominance: a war lost is decisive, and this ally's loss would cost much coverage.
      return new Stance.Balance(
          byAlly.target(), max * JOIN_EFFORT, partners(v, byAlly.target(), null, judgement, named));
    }
    if (!weakAlone && bound == null) {
      CrisisView join = crisisByLeader(v, leader);
      if (join != null) {
        return new Stance.Balance(
            join.aggressor(),
            max * JOIN_EFFORT,
            partners(v, join.aggressor(), join.target(), judgement, named));
      }
    }
    if (leader == null) {
      return bound == null ? Stance.HIDE : new Stance.Balance(bound.aggressor(), 0, List.of());
    }
    if (weakAlone && bound == null && Estimates.canBandwagonWith(v, leader)) {
      return new Stance.Bandwagon(leader, BandwagonKind.DEFENSIVE);
    }
    String catcher = bound == null ? catcher(v, leader) : null;
    if (catcher != null) {
      return new Stance.BuckPass(leader, catcher);
    }
    double e = max * clamp(1.2 - v.coverage(), 0.2, 1);
    return new Stance.Balance(
        leader, Estimates.effort(v, e), partners(v, leader, null, judgement, named));
  }

  // The first crisis resolving this turn that targets this seat, by an active aggressor.
  private static CrisisView crisisAgainstMe(PlayerView v) {
    for (CrisisView c : Estimates.dueCrises(v)) {
      if (c.target().equals(v.self()) && Estimates.isActiveOther(v, c.aggressor())) {
        return c;
      }
    }
    return null;
  }

  // The first crisis resolving this turn whose target is an ally of this seat (the seat is bound
  // to defend it), by an active aggressor that is not this seat's client.
  private static CrisisView crisisAgainstAlly(PlayerView v) {
    String self = v.self();
    for (CrisisView c : Estimates.dueCrises(v)) {
      if (Estimates.isActiveOther(v, c.aggressor())
          && Estimates.isActiveOther(v, c.target())
          && v.allied(self, c.target())
          && !Estimates.isClientOf(v, c.aggressor(), self)) {
        return c;
      }
    }
    return null;
  }

  /**
   * The stance that defends the attacked ally of crisis {@code c}, or null to decide as if there
   * were no such crisis. Bound by the alliance, the seat joins the defence by any stance but HIDE,
   * BUCK_PASS or BANDWAGON with the aggressor. It balances the aggressor, unless it is allied with
   * the aggressor too (balancing an ally would leave that alliance: its ordinary stance defends
   * already). Weak and facing a hopeless defence, it abandons the ally (HIDE, at a cost to the
   * alliance's cohesion).
   */
  private static Stance defend(
      PlayerView v, CrisisView c, String leader, Dice judgement, boolean named) {
    String aggressor = c.aggressor();
    double odds =
        1
            - Estimates.winChance(
                Estimates.attack(v, aggressor, c.target()), Estimates.defence(v, c.target()));
    if (odds < HOPELESS && Estimates.weak(v)) {
      return Stance.HIDE;
    }
    if (v.allied(v.self(), aggressor)) {
      return null;
    }
    double e = v.rules().maxInternalEffort() * JOIN_EFFORT;
    return new Stance.Balance(aggressor, e, partners(v, aggressor, c.target(), judgement, named));
  }

  // partners, or none when not {@code named}.
  private static List<String> partners(
      PlayerView v, String threat, String first, Dice judgement, boolean named) {
    return named ? partners(v, threat, first, judgement) : List.of();
  }

  // The first crisis resolving this turn started by an ally of this seat against a state that is
  // neither this seat's ally nor its client (the aggressor's defensive allies are not bound).
  private static CrisisView crisisByAlly(PlayerView v) {
    String self = v.self();
    for (CrisisView c : Estimates.dueCrises(v)) {
      String a = c.aggressor();
      String t = c.target();
      if (Estimates.isActiveOther(v, a)
          && Estimates.isActiveOther(v, t)
          && v.allied(self, a)
          && !v.allied(self, t)
          && !Estimates.isClientOf(v, t, self)) {
        return c;
      }
    }
    return null;
  }

  /**
   * True when this seat joins the attack of its ally {@code ally}: the coverage it would lose with
   * that ally is at least {@link #CHAIN_GANG_LOSS} times the defense advantage, and the defense
   * advantage is below {@link #CHAIN_GANG_MAX_DA}. Under offence dominance wars are decisive and a
   * lost ally is lost for good, so a threat-driven state fights to keep it (Christensen and
   * Snyder's chain gang); under defence dominance it stays out.
   */
  static boolean chainGangs(PlayerView v, String ally) {
    double da = v.rules().defenseAdvantage();
    if (da >= CHAIN_GANG_MAX_DA) {
      return false;
    }
    double loss = v.coverage() - Estimates.coverageWithout(v, ally);
    return loss >= CHAIN_GANG_LOSS * da;
  }

  // A crisis resolving this turn whose aggressor is the principal leader, against a state that is
  // not allied with the aggressor's side of this seat (neither party allied with this seat).
  private static CrisisView crisisByLeader(PlayerView v, String leader) {
    String self = v.self();
    for (CrisisView c : Estimates.dueCrises(v)) {
      String a = c.aggressor();
      String t = c.target();
      if (a.equals(leader)
          && Estimates.isActiveOther(v, a)
          && Estimates.isActiveOther(v, t)
          && !v.allied(self, a)
          && !Estimates.isClientOf(v, a, self)) {
        return c;
      }
    }
    return null;
  }

  /**
   * The alliance proposals against {@code threat}: {@code first} if given and eligible; the names
   * admission needs (a seat in an alliance aimed at the threat names the states outside it that
   * balanced the threat last turn; a seat outside names at least half the members of the alliance
   * aimed at the threat that its best partner sits in); then, up to {@link #MAX_PARTNERS}, the
   * states that balanced the threat last turn and the states most exposed to it. Never this seat,
   * the threat's bloc or clients, current allies, a state this seat is allied against, or a state
   * that balanced a different threat last turn. Like-minded states win near ties.
   */
  static List<String> partners(PlayerView v, String threat, String first, Dice judgement) {
    List<String> bloc = Estimates.bloc(v, threat);
    List<String> principal = v.principalThreat();
    boolean principalIsThreat = principal.contains(threat);
    String self = v.self();
    List<String> ranked =
        Estimates.mostExposedTo(
            v,
            threat,
            k ->
                !bloc.contains(k.id())
                    && !(principalIsThreat && principal.contains(k.id()))
                    && !Estimates.isClientOf(v, k.id(), threat)
                    && !v.allied(self, k.id())
                    && !Estimates.alliedAgainst(v, self, k.id())
                    && !Estimates.balancesOtherThreat(v, k.id(), bloc)
                    && (Estimates.publicThreat(v, threat, k.id()) > 0
                        || Estimates.balancesSameThreat(v, k.id(), bloc)));
    List<String> weighed = likeMindedFirst(v, threat, ranked, judgement);
    List<String> ordered = new ArrayList<>(weighed.size());
    for (String k : weighed) {
      if (Estimates.balancesSameThreat(v, k, bloc)) {
        ordered.add(k);
      }
    }
    for (String k : weighed) {
      if (!Estimates.balancesSameThreat(v, k, bloc)) {
        ordered.add(k);
      }
    }
    return proposals(v, bloc, first, ordered, MAX_PARTNERS);
  }

  /**
   * {@code ranked} (the eligible partners, best first) made into a turn's proposals against {@code
   * threat}: {@code first} if ranked; the names admission to an alliance aimed at the threat needs
   * (RULES.md 3a); then the rest of {@code ranked} in order while fewer than {@code fill} are
   * named. At most {@link #MAX_NAMED} names.
   */
  static List<String> proposals(
      PlayerView v, String threat, String first, List<String> ranked, int fill) {
    return proposals(v, Estimates.bloc(v, threat), first, ranked, fill);
  }

  // proposals against the threat whose bloc is {@code bloc}.
  private static List<String> proposals(
      PlayerView v, List<String> bloc, String first, List<String> ranked, int fill) {
    String self = v.self();
    List<String> out = new ArrayList<>();
    if (first != null && ranked.contains(first)) {
      out.add(first);
    }
    AllianceView mine = Estimates.allianceAimedAt(v, bloc, self);
    if (mine != null) {
      // let the alliance admit the states that balance its threat from outside it
      for (String k : ranked) {
        if (Estimates.balancesSameThreat(v, k, bloc)
            && !mine.members().contains(k)
            && !out.contains(k)
            && out.size() < MAX_NAMED
            && fitsAlliance(v, k, mine.members(), out)) {
          out.add(k);
        }
      }
    } else {
      for (String k : ranked) {
        AllianceView theirs = Estimates.allianceAimedAt(v, bloc, k);
        if (theirs != null) {
          nameForAdmission(v, bloc, theirs, ranked, out);
          break;
        }
      }
    }
    for (String k : ranked) {
      if (out.size() >= Math.min(fill, MAX_NAMED)) {
        break;
      }
      if (!out.contains(k)
          && (mine == null || fitsAlliance(v, k, mine.members(), out))
          && fitsAlliance(v, k, List.of(), out)) {
        out.add(k);
      }
    }
    return out;
  }

  // True when admitting k beside the members and the other states named would ally no state with
  // the target of its own alliance, nor with a state a member balanced last turn: k and the others
  // are admitted in the same turn, so this seat keeps them apart itself.
  private static boolean fitsAlliance(
      PlayerView v, String k, List<String> members, List<String> named) {
    for (String m : members) {
      if (Estimates.alliedAgainst(v, k, m) || k.equals(Estimates.balancedLastTurn(v, m))) {
        return false;
      }
    }
    for (String other : named) {
      if (Estimates.alliedAgainst(v, k, other)) {
        return false;
      }
    }
    return true;
  }

  // Adds members of alliance al until at least half of them (rounded up) are named: ranked ones
  // first, then the others in the alliance's order; never one that balanced a different threat or
  // that this seat is allied against.
  private static void nameForAdmission(
      PlayerView v, List<String> bloc, AllianceView al, List<String> ranked, List<String> out) {
    int need = (int) Math.ceil(JOIN_QUORUM * al.members().size() - 1e-9);
    List<String> order = new ArrayList<>();
    for (String k : ranked) {
      if (al.members().contains(k)) {
        order.add(k);
      }
    }
    for (String m : al.members()) {
      if (!order.contains(m)) {
        order.add(m);
      }
    }
    int named = 0;
    for (String m : order) {
      named += out.contains(m) ? 1 : 0;
    }
    for (String m : order) {
      if (named >= need || out.size() >= MAX_NAMED) {
        return;
      }
      if (!out.contains(m)
          && Estimates.isActiveOther(v, m)
          && !Estimates.balancesOtherThreat(v, m, bloc)
          && !Estimates.alliedAgainst(v, v.self(), m)) {
        out.add(m);
        named++;
      }
    }
  }

  // ranked, re-sorted (stably) by public exposure to threat with like-minded states weighted up by
  // LIKE_MINDED (the ideology hypothesis as a tie-break among equally useful partners) and, when
  // judgement is given, each weight scaled by a factor in [1 - JUDGEMENT, 1 + JUDGEMENT] drawn from
  // it: statesmen weigh nearly equal partners differently, so seeds give different coalitions
  // while a clearly more exposed partner still comes first.
  private static List<String> likeMindedFirst(
      PlayerView v, String threat, List<String> ranked, Dice judgement) {
    int count = ranked.size();
    String[] out = ranked.toArray(new String[count]);
    double[] key = new double[count]; // minus the weight, so that ascending puts the heaviest first
    for (int a = 0; a < count; a++) {
      String k = out[a];
      double w = Estimates.publicThreat(v, threat, k);
      w *= Estimates.likeMinded(v, v.self(), k) ? 1 + LIKE_MINDED : 1;
      if (judgement != null) {
        w *= 1 + JUDGEMENT * (2 * judgement.at(v.index(k)) - 1);
      }
      key[a] = -w;
    }
    // a stable insertion sort by Double.compare, as List.sort with comparingDouble would order them
    for (int a = 1; a < count; a++) {
      String x = out[a];
      double kx = key[a];
      int b = a - 1;
      while (b >= 0 && Double.compare(key[b], kx) > 0) {
        out[b + 1] = out[b];
        key[b + 1] = key[b];
        b--;
      }
      out[b + 1] = x;
      key[b + 1] = kx;
    }
    return new ArrayList<>(Arrays.asList(out));
  }

  /**
   * The state to pass the buck to, or null: the most exposed state that is more exposed to the
   * leader than this seat and could hold alone, provided this seat is comfortably covered, has no
   * ally (passing inside an alliance is free-riding that wears it down) and no crisis involves it.
   */
  static String catcher(PlayerView v, String leader) {
    if (v.coverage() < BUCK_PASS_COVERAGE || crisisNearMe(v) || !v.alliesOf(v.self()).isEmpty()) {
      return null;
    }
    return holdingCatcher(v, leader);
  }

  /**
   * The most exposed state to {@code leader} that is more exposed than this seat and could hold
   * alone, outside the principal threat and the leader's clients; null if there is none.
   */
  static String holdingCatcher(PlayerView v, String leader) {
    double mine = Estimates.publicThreat(v, leader, v.self());
    for (String k :
        Estimates.mostExposedTo(
            v,
            leader,
            n ->
                !v.principalThreat().contains(n.id())
                    && !Estimates.isClientOf(v, n.id(), leader))) {
      if (Estimates.publicThreat(v, leader, k) <= mine) {
        return null; // the rest are no more exposed than this seat
      }
      if (Estimates.canHoldAlone(v, k, leader)) {
        return k;
      }
    }
    return null;
  }

  // True when a crisis in view has this seat or one of its allies as a party.
  private static boolean crisisNearMe(PlayerView v) {
    String self = v.self();
    for (CrisisView c : v.crises()) {
      String a = c.aggressor();
      String t = c.target();
      if (a.equals(self) || t.equals(self) || v.allied(self, a) || v.allied(self, t)) {
        return true;
      }
    }
    return false;
  }

  // AID each ally that is the target of a crisis resolving this turn.
  private static void aidAlliesUnderAttack(PlayerView v, ActionPlan plan) {
    for (CrisisView c : Estimates.dueCrises(v)) {
      String t = c.target();
      if (Estimates.isActiveOther(v, t)
          && v.allied(v.self(), t)
          && !v.allied(v.self(), c.aggressor())) {
        plan.aidShare(t, AID_SHARE);
      }
    }
  }

  // LEAVE an alliance whose other members all bandwagon with this seat's threat: it now binds the
  // seat to the threat's bloc.
  private static void leaveAlliancesOfClients(PlayerView v, ActionPlan plan) {
    List<String> threats = new ArrayList<>();
    if (Estimates.leader(v) != null) {
      threats.add(Estimates.leader(v));
    }
    String top = Estimates.topThreat(v);
    if (top != null && !threats.contains(top)) {
      threats.add(top);
    }
    for (AllianceView al : v.alliances()) {
      if (!al.members().contains(v.self())) {
        continue;
      }
      boolean allClients = true;
      for (String m : al.members()) {
        if (!m.equals(v.self())) {
          NationView n = v.nation(m);
          allClients &= n.patron() != null && threats.contains(n.patron());
        }
      }
      if (allClients && !threats.isEmpty()) {
        plan.leave(al.id());
      }
    }
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
