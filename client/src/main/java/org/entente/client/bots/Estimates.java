package org.entente.client.bots;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.AllianceView;
import org.entente.api.PlayerView.CrisisView;
import org.entente.api.PlayerView.NationView;
import org.entente.api.PlayerView.ThreatEntry;
import org.entente.api.Stance.BandwagonKind;

/**
 * Computes, from public data only, the estimates that several built-in bots need: who is weak, how
 * exposed one state is to another, whether a state could hold alone, the odds of an attack, blocs,
 * and which orders the engine would accept. Another state's perceived intent is private, so threat
 * between two other states is estimated with intent at a neutral constant. Every method is a pure
 * function of the view; lists come back in scenario order unless said otherwise.
 */
public final class Estimates {
  /** How much of its power a state must project to another to cover it (the lens's ally reach). */
  public static final double ALLY_REACH = 0.3;

  private Estimates() {}

  /** True when {@code id} names an active state other than this seat. */
  public static boolean isActiveOther(PlayerView v, String id) {
    if (id == null || id.equals(v.self())) {
      return false;
    }
    int i = v.index(id);
    return i >= 0 && v.nations().get(i).active();
  }

  /** The active states other than this seat. */
  public static List<NationView> activeOthers(PlayerView v) {
    List<NationView> nations = v.nations();
    int self = v.index(v.self());
    NationView[] out = new NationView[nations.size()];
    int count = 0;
    for (int i = 0; i < out.length; i++) {
      NationView n = nations.get(i);
      if (n.active() && i != self) {
        out[count++] = n;
      }
    }
    return List.of(Arrays.copyOf(out, count));
  }

  /** The number of states still in play (this seat included if active). */
  public static int activeCount(PlayerView v) {
    int count = 0;
    for (NationView n : v.nations()) {
      count += n.active() ? 1 : 0;
    }
    return count;
  }

  /** True when {@code id}'s power is below weakShare / (number of active states). */
  public static boolean weak(PlayerView v, String id) {
    int n = Math.max(1, activeCount(v));
    return v.nation(id).power() < v.rules().weakShare() / n;
  }

  /** True when this seat is weak. */
  public static boolean weak(PlayerView v) {
    return weak(v, v.self());
  }

  /** The summed military of all states (conquered states have none). */
  public static double totalMilitary(PlayerView v) {
    return v.totalMilitary();
  }

  /** Offensive capability O = offense * military / total military. */
  public static double offenseShare(PlayerView v, String id) {
    double total = totalMilitary(v);
    NationView n = v.nation(id);
    return total <= 0 ? 0 : n.offense() * n.military() / total;
  }

  /**
   * The public estimate of the threat {@code to} feels from {@code from}: power * prox(from -> to)
   * * offensive capability, with intent at a neutral constant.
   */
  public static double publicThreat(PlayerView v, String from, String to) {
    return publicThreat(v, checked(v, from), checked(v, to));
  }

  // publicThreat between positions in the view.
  private static double publicThreat(PlayerView v, int from, int to) {
    NationView f = v.nations().get(from);
    double total = v.totalMilitary();
    if (!f.active() || from == to) {
      return 0;
    }
    double offense = total <= 0 ? 0 : f.offense() * f.military() / total;
    return f.power() * v.proximity().get(from, to) * offense;
  }

  /** The military that {@code attacker} can project onto {@code target}: military*offense*prox. */
  public static double projected(PlayerView v, String attacker, String target) {
    return projected(v, checked(v, attacker), checked(v, target));
  }

  private static double projected(PlayerView v, int attacker, int target) {
    NationView a = v.nations().get(attacker);
    return a.active() ? a.military() * a.offense() * v.proximity().get(attacker, target) : 0;
  }

  // The position of id, which must name a state in view.
  private static int checked(PlayerView v, String id) {
    int i = v.index(id);
    if (i < 0) {
      throw new IllegalArgumentException("no state " + id);
    }
    return i;
  }

  /**
   * True when {@code k} could hold against {@code threat} alone: defenseAdvantage * military_k is
   * at least what the threat projects onto k.
   */
  public static boolean canHoldAlone(PlayerView v, String k, String threat) {
    return v.rules().defenseAdvantage() * v.nation(k).military() >= projected(v, threat, k);
  }

  /**
   * The strength defending {@code target} by public data: defenseAdvantage * its military plus, for
   * each ally, military * prox(ally -> target).
   */
  public static double defence(PlayerView v, String target) {
    int t = checked(v, target);
    double d = v.rules().defenseAdvantage() * v.nations().get(t).military();
    for (String k : v.alliesOf(target)) {
      int a = v.index(k);
      NationView ally = v.nations().get(a);
      if (ally.active()) {
        d += ally.military() * v.proximity().get(a, t);
      }
    }
    return d;
  }

  /**
   * The strength {@code attacker} brings against {@code target}: its own projection plus that of
   * its OFFENSIVE clients (jackals join their patron's attacks), the target excluded.
   */
  public static double attack(PlayerView v, String attacker, String target) {
    int t = checked(v, target);
    double a = projected(v, checked(v, attacker), t);
    List<NationView> nations = v.nations();
    for (int i = 0; i < nations.size(); i++) {
      NationView n = nations.get(i);
      if (n.active()
          && attacker.equals(n.patron())
          && n.clientKind() == BandwagonKind.OFFENSIVE
          && i != t) {
        a += projected(v, i, t);
      }
    }
    return a;
  }

  /** The attackers' chance of winning with strengths {@code a} and {@code d}: a^2/(a^2+d^2). */
  public static double winChance(double a, double d) {
    double a2 = a * a;
    double d2 = d * d;
    return a2 + d2 <= 0 ? 0 : a2 / (a2 + d2);
  }

  /** True when {@code k} is a client of {@code patron}. */
  public static boolean isClientOf(PlayerView v, String k, String patron) {
    return patron != null && patron.equals(v.nation(k).patron());
  }

  /**
   * The bloc of {@code id}: every state connected to it through alliances and patron-client links
   * (including itself), in scenario order.
   */
  public static List<String> bloc(PlayerView v, String id) {
    return v.bloc(id);
  }

  /** The crises that resolve this turn: the ones whose sides are chosen by this turn's stances. */
  public static List<CrisisView> dueCrises(PlayerView v) {
    List<CrisisView> crises = v.crises();
    int due = 0;
    for (CrisisView c : crises) {
      due += c.resolvesTurn() == v.turn() ? 1 : 0;
    }
    if (due == crises.size()) {
      return crises;
    }
    CrisisView[] out = new CrisisView[due];
    int count = 0;
    for (CrisisView c : crises) {
      if (c.resolvesTurn() == v.turn()) {
        out[count++] = c;
      }
    }
    return List.of(out);
  }

  /** True when {@code id} is the aggressor or the target of a crisis in view. */
  public static boolean inCrisis(PlayerView v, String id) {
    for (CrisisView c : v.crises()) {
      if (c.aggressor().equals(id) || c.target().equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code id} is the target of a crisis that resolves this turn. */
  public static boolean underAttack(PlayerView v, String id) {
    for (CrisisView c : v.crises()) {
      if (c.resolvesTurn() == v.turn() && c.target().equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** True when a crisis between {@code a} and {@code b}, either way round, is pending. */
  public static boolean crisisBetween(PlayerView v, String a, String b) {
    for (CrisisView c : v.crises()) {
      if ((c.aggressor().equals(a) && c.target().equals(b))
          || (c.aggressor().equals(b) && c.target().equals(a))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the engine would accept an ATTACK on {@code target} by this seat, judged on the
   * current alignments: an active other state, neither ally nor own client, no attack already
   * pending.
   */
  public static boolean canAttack(PlayerView v, String target) {
    if (!isActiveOther(v, target)
        || v.allied(v.self(), target)
        || isClientOf(v, target, v.self())) {
      return false;
    }
    for (CrisisView c : v.crises()) {
      if (c.aggressor().equals(v.self()) && c.target().equals(target)) {
        return false;
      }
    }
    return true;
  }

  /** True when this seat may BANDWAGON with {@code patron}: active, other, not its own client. */
  public static boolean canBandwagonWith(PlayerView v, String patron) {
    return isActiveOther(v, patron) && !isClientOf(v, patron, v.self());
  }

  /** {@code e} clamped to the allowed internal effort [0, maxInternalEffort]. */
  public static double effort(PlayerView v, double e) {
    return Math.max(0, Math.min(v.rules().maxInternalEffort(), e));
  }

  /** The most aid this seat may send in one turn (in total). */
  public static double aidCap(PlayerView v) {
    return Math.max(0, v.rules().aidMaxShare() * v.me().economy());
  }

  /**
   * True when some active state other than this seat, outside its principal threat and not a client
   * of {@code leader}, with some military, projects more than {@link #ALLY_REACH} of its power to
   * this seat: an ally that could cover it.
   */
  public static boolean allyInReach(PlayerView v, String leader) {
    List<NationView> nations = v.nations();
    int self = checked(v, v.self());
    for (int i = 0; i < nations.size(); i++) {
      NationView k = nations.get(i);
      if (k.active()
          && i != self
          && !v.principalThreat().contains(k.id())
          && !k.id().equals(leader)
          && !(leader != null && leader.equals(k.patron()))
          && k.military() > 0
          && v.proximity().get(i, self) > ALLY_REACH) {
        return true;
      }
    }
    return false;
  }

  /**
   * The active states other than this seat that satisfy {@code filter}, most exposed to {@code
   * threat} (by {@link #publicThreat}) first, ties in scenario order; {@code threat} itself is
   * never listed.
   */
  public static List<String> mostExposedTo(
      PlayerView v, String threat, Predicate<NationView> filter) {
    List<NationView> nations = v.nations();
    int from = checked(v, threat);
    int self = v.index(v.self());
    int[] order = new int[nations.size()];
    double[] key = new double[nations.size()];
    int count = 0;
    for (int i = 0; i < nations.size(); i++) {
      NationView k = nations.get(i);
      if (k.active() && i != self && i != from && filter.test(k)) {
        order[count] = i;
        key[i] = publicThreat(v, from, i);
        count++;
      }
    }
    return ranked(nations, order, count, key);
  }

  // The ids of the first count positions of order, highest key first, ties in scenario order.
  // An insertion sort: the lists are a few states long and it is stable.
  private static List<String> ranked(
      List<NationView> nations, int[] order, int count, double[] key) {
    for (int a = 1; a < count; a++) {
      int x = order[a];
      int b = a - 1;
      while (b >= 0 && key[order[b]] < key[x]) {
        order[b + 1] = order[b];
        b--;
      }
      order[b + 1] = x;
    }
    String[] out = new String[count];
    for (int a = 0; a < count; a++) {
      out[a] = nations.get(order[a]).id();
    }
    return List.of(out);
  }

  /**
   * The strongest active state other than this seat (by power) that satisfies {@code filter}, the
   * first in scenario order on a tie, or null.
   */
  public static String strongest(PlayerView v, Predicate<NationView> filter) {
    List<String> ranked = byPower(v, filter);
    return ranked.isEmpty() ? null : ranked.get(0);
  }

  /** The active states other than this seat that satisfy {@code filter}, strongest first. */
  public static List<String> byPower(PlayerView v, Predicate<NationView> filter) {
    List<NationView> nations = v.nations();
    int self = v.index(v.self());
    int[] order = new int[nations.size()];
    double[] key = new double[nations.size()];
    int count = 0;
    for (int i = 0; i < nations.size(); i++) {
      NationView k = nations.get(i);
      if (k.active() && i != self && filter.test(k)) {
        order[count++] = i;
        key[i] = k.power();
      }
    }
    return ranked(nations, order, count, key);
  }

  /** The actor of this seat's highest threat entry among active states, or null. */
  public static String topThreat(PlayerView v) {
    ThreatEntry best = null;
    for (ThreatEntry t : v.threats()) {
      if (isActiveOther(v, t.actor()) && (best == null || t.threat() > best.threat())) {
        best = t;
      }
    }
    return best == null || best.threat() <= 0 ? null : best.actor();
  }

  /**
   * The principal leader if it names an active state other than this seat (as the engine always
   * does), else null.
   */
  public static String leader(PlayerView v) {
    String l = v.principalLeader();
    return isActiveOther(v, l) ? l : null;
  }

  /**
   * The state {@code k} balanced against last turn (its public stance), or null when its stance was
   * not BALANCE or is unknown.
   */
  public static String balancedLastTurn(PlayerView v, String k) {
    return v.balancedLastTurn(k);
  }

  /**
   * True when {@code k}'s last stance was BALANCE against a member of {@code threatBloc}: it
   * balances the same threat, so an alliance with it may form (RULES.md 3a).
   */
  public static boolean balancesSameThreat(PlayerView v, String k, List<String> threatBloc) {
    String against = balancedLastTurn(v, k);
    return against != null && threatBloc.contains(against);
  }

  /**
   * True when {@code k}'s last stance was BALANCE against a state outside {@code threatBloc}: it
   * balances a different threat, and the engine forms no alliance of the two against this one.
   */
  public static boolean balancesOtherThreat(PlayerView v, String k, List<String> threatBloc) {
    String against = balancedLastTurn(v, k);
    return against != null && !threatBloc.contains(against);
  }

  /**
   * True when {@code a} and {@code b} stand against each other: one is the target of an alliance
   * the other is in. The engine never allies the two.
   */
  public static boolean alliedAgainst(PlayerView v, String a, String b) {
    return v.alliedAgainst(a, b);
  }

  /**
   * The first alliance {@code member} is in whose target belongs to {@code threatBloc} (an alliance
   * aimed at that threat), or null.
   */
  public static AllianceView allianceAimedAt(PlayerView v, List<String> threatBloc, String member) {
    for (AllianceView al : v.alliances()) {
      if (al.target() != null
          && threatBloc.contains(al.target())
          && al.members().contains(member)) {
        return al;
      }
    }
    return null;
  }

  /**
   * True when {@code a} and {@code b} share an ideology that is not divisive: like-minded states, a
   * weak pull toward alignment (RULES.md section 6).
   */
  public static boolean likeMinded(PlayerView v, String a, String b) {
    NationView x = v.nation(a);
    NationView y = v.nation(b);
    return x.ideology() != null
        && x.ideology().equals(y.ideology())
        && !x.divisive()
        && !y.divisive();
  }

  /**
   * The coverage this seat would have without its ally {@code ally} (RULES.md section 2): the
   * support S is the public part of {@link #defence}, the danger T follows from the seat's own
   * coverage C as T = S (1 - C) / C, and the ally's military * prox(ally -> seat) leaves S.
   */
  public static double coverageWithout(PlayerView v, String ally) {
    double c = v.coverage();
    if (c >= 1 || c <= 0 || !v.allied(v.self(), ally)) {
      return c;
    }
    double s = defence(v, v.self());
    double t = s * (1 - c) / c;
    NationView a = v.nation(ally);
    double rest = s - (a.active() ? a.military() * v.prox(ally, v.self()) : 0);
    return rest + t <= 0 ? 0 : Math.max(0, rest) / (rest + t);
  }
}
