package org.entente.server.engine;

import java.util.List;
import org.entente.api.SquareMatrix;

/**
 * Walt's four sources of threat computed for one position (RULES.md section 2): aggregate power,
 * offensive capability, the threat matrix with its terms, blocs, each state's principal threat and
 * its coverage. Conquered states have no power and feel and cast no threat.
 */
public final class ThreatModel {
  private final int n;
  private final double[] power;
  private final double[] offensive;
  private final double[] techShare;
  private final double[] threat; // threat[j * n + i] = T[j][i]
  private final int[] bloc;
  private final int[][] principal;
  private final int[] leader;
  private final double[] coverage;
  private final boolean[] allied;
  private int[] patron;

  private static final int[] NONE = new int[0];

  private ThreatModel(int n) {
    this.n = n;
    power = new double[n];
    offensive = new double[n];
    techShare = new double[n];
    threat = new double[n * n];
    bloc = new int[n];
    principal = new int[n][];
    leader = new int[n];
    coverage = new double[n];
    allied = new boolean[n * n];
  }

  // The last two positions' models on this thread: a turn's views and its adjudication share the
  // start model, and adjudication hands its end model on as the next position's start model.
  private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[4]);

  /**
   * The model of {@code s} at the start of its turn (no catchers). Pure; the last two results on
   * each thread are remembered, since a turn's views and its adjudication both need it.
   */
  public static ThreatModel of(GameState s) {
    Object[] slots = LAST.get();
    if (slots[0] == s) {
      return (ThreatModel) slots[1];
    }
    if (slots[2] == s) {
      // used again: it becomes the most recently used
      ThreatModel m = (ThreatModel) slots[3];
      remember(s, m);
      return m;
    }
    ThreatModel m = compute(s.world(), s.nations(), s.intent(), s.alliances(), s.clients(), null);
    remember(s, m);
    return m;
  }

  /**
   * Remembers {@code m} as the start-of-turn model of {@code s} on this thread; {@code m} must be
   * what {@link #of} would compute for {@code s}.
   */
  static void remember(GameState s, ThreatModel m) {
    Object[] slots = LAST.get();
    slots[2] = slots[0];
    slots[3] = slots[1];
    slots[0] = s;
    slots[1] = m;
  }

  /**
   * Each state's coverage in this model's position with buck-passers' catchers counted as allies,
   * as {@link #compute} with {@code catchers} would find it; the other terms do not depend on them.
   * {@code nations} and {@code intent} must be those the model was computed from.
   */
  double[] coverageWith(World world, List<Nation> nations, SquareMatrix intent, int[] catchers) {
    double[] out = coverage.clone();
    Capabilities caps = null;
    for (int j = 0; j < n; j++) {
      if (catchers[j] >= 0) {
        caps = caps == null ? new Capabilities(nations) : caps;
        out[j] = coverageOf(j, world, caps, intent, catchers[j]);
      }
    }
    return out;
  }

  /**
   * Computes the model. {@code catchers[j]}, when not negative, is a state that balances j's threat
   * this turn while j passes the buck: it counts as j's ally in coverage. Pass null at the start of
   * a turn, when no stance is known yet.
   */
  public static ThreatModel compute(
      World world,
      List<Nation> nations,
      SquareMatrix intent,
      List<Alliance> alliances,
      List<ClientLink> clients,
      int[] catchers) {
    int n = nations.size();
    ThreatModel m = new ThreatModel(n);
    Params p = world.params();
    Capabilities caps = new Capabilities(nations);
    m.powerAndOffense(nations, p);
    m.markAllies(world, alliances);
    m.threats(world, caps, intent, p);
    int[] patron = patrons(world, clients, n);
    m.patron = patron;
    m.blocs(world, alliances, clients);
    double[] sums = new double[n];
    int[] members = new int[n];
    for (int j = 0; j < n; j++) {
      m.principal(j, patron[j], caps, sums, members);
      m.coverage[j] = m.coverageOf(j, world, caps, intent, catchers == null ? -1 : catchers[j]);
    }
    return m;
  }

  // The fields of the states that the O(n^2) loops read, unboxed once.
  private static final class Capabilities {
    final boolean[] gone;
    final double[] military;
    final double[] offense;

    Capabilities(List<Nation> nations) {
      int n = nations.size();
      gone = new boolean[n];
      military = new double[n];
      offense = new double[n];
      for (int i = 0; i < n; i++) {
        Nation s = nations.get(i);
        gone[i] = s.conquered();
        military[i] = s.military();
        offense[i] = s.offense();
      }
    }
  }

  /** Aggregate power P_i of each state (RULES.md section 2), without the rest of the model. */
  public static double[] powers(List<Nation> nations, Params p) {
    int n = nations.size();
    double[] power = new double[n];
    powerAndOffense(nations, p, power, new double[n], new double[n]);
    return power;
  }

  private void powerAndOffense(List<Nation> nations, Params p) {
    powerAndOffense(nations, p, power, offensive, techShare);
  }

  private static void powerAndOffense(
      List<Nation> nations, Params p, double[] power, double[] offensive, double[] techShare) {
    int n = nations.size();
    double pop = 0, eco = 0, mil = 0, tech = 0;
    for (Nation s : nations) {
      pop += s.population();
      eco += s.economy();
      mil += s.military();
      tech += s.technology();
    }
    for (int i = 0; i < n; i++) {
      Nation s = nations.get(i);
      if (s.conquered()) {
        continue;
      }
      power[i] =
          p.weightPopulation() * share(s.population(), pop)
              + p.weightEconomy() * share(s.economy(), eco)
              + p.weightMilitary() * share(s.military(), mil)
              + p.weightTechnology() * share(s.technology(), tech);
      offensive[i] = s.offense() * share(s.military(), mil);
      techShare[i] = share(s.technology(), tech);
    }
  }

  private void markAllies(World world, List<Alliance> alliances) {
    for (Alliance a : alliances) {
      for (String x : a.members()) {
        for (String y : a.members()) {
          if (!x.equals(y)) {
            allied[world.index(x) * n + world.index(y)] = true;
          }
        }
      }
    }
  }

  private void threats(World world, Capabilities caps, SquareMatrix intent, Params p) {
    SquareMatrix prox = world.proximity();
    for (int j = 0; j < n; j++) {
      if (caps.gone[j]) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        if (i == j || caps.gone[i]) {
          continue;
        }
        threat[j * n + i] =
            pow(power[i], p.exponentPower())
                * pow(prox.get(i, j), p.exponentProximity())
                * pow(offensive[i], p.exponentOffense())
                * pow(Math.max(intent.get(j, i), p.intentFloor()), p.exponentIntent());
      }
    }
  }

  private static int[] patrons(World world, List<ClientLink> clients, int n) {
    int[] patron = new int[n];
    java.util.Arrays.fill(patron, -1);
    for (ClientLink l : clients) {
      patron[world.index(l.client())] = world.index(l.patron());
    }
    return patron;
  }

  private void blocs(World world, List<Alliance> alliances, List<ClientLink> clients) {
    for (int i = 0; i < n; i++) {
      bloc[i] = i;
    }
    for (Alliance a : alliances) {
      int first = world.index(a.members().get(0));
      for (String x : a.members()) {
        union(first, world.index(x));
      }
    }
    for (ClientLink l : clients) {
      union(world.index(l.client()), world.index(l.patron()));
    }
    for (int i = 0; i < n; i++) {
      bloc[i] = find(i);
    }
  }

  private int find(int i) {
    while (bloc[i] != i) {
      bloc[i] = bloc[bloc[i]];
      i = bloc[i];
    }
    return i;
  }

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra != rb) {
      bloc[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  // The principal threat: the bloc outside j's own with the highest summed threat; a client also
  // weighs its patron's bloc (without itself). {@code sum} and {@code members} are scratch space.
  private void principal(int j, int patron, Capabilities caps, double[] sum, int[] members) {
    leader[j] = -1;
    principal[j] = NONE;
    if (caps.gone[j]) {
      return;
    }
    java.util.Arrays.fill(sum, 0);
    for (int i = 0; i < n; i++) {
      if (i == j || caps.gone[i]) {
        continue;
      }
      boolean candidate =
          (bloc[i] != bloc[j] || (patron >= 0 && bloc[i] == bloc[patron])) && !allied[j * n + i];
      if (candidate) {
        sum[bloc[i]] += threat[j * n + i];
      }
    }
    int best = -1;
    for (int b = 0; b < n; b++) {
      if (sum[b] > 0 && (best < 0 || sum[b] > sum[best])) {
        best = b;
      }
    }
    if (best < 0) {
      return;
    }
    int count = 0;
    double top = -1;
    for (int i = 0; i < n; i++) {
      if (i != j && bloc[i] == best && !caps.gone[i] && !allied[j * n + i]) {
        members[count++] = i;
        if (threat[j * n + i] > top) {
          top = threat[j * n + i];
          leader[j] = i;
        }
      }
    }
    principal[j] = java.util.Arrays.copyOf(members, count);
  }

  private double coverageOf(
      int j, World world, Capabilities caps, SquareMatrix intent, int catcher) {
    if (caps.gone[j]) {
      return 0;
    }
    SquareMatrix prox = world.proximity();
    Params p = world.params();
    double[] mil = caps.military;
    double support = p.defenseAdvantage() * mil[j];
    for (int k = 0; k < n; k++) {
      if (k != j && (allied[j * n + k] || k == catcher) && !caps.gone[k]) {
        support += mil[k] * prox.get(k, j);
      }
    }
    double danger = 0;
    for (int i : principal[j]) {
      danger +=
          mil[i] * caps.offense[i] * prox.get(i, j) * Math.max(intent.get(j, i), p.intentFloor());
    }
    return danger <= 0 ? 1.0 : support / (support + danger);
  }

  private static double share(double x, double total) {
    return total <= 0 ? 0 : x / total;
  }

  private static double pow(double x, double e) {
    return e == 1 ? x : Math.pow(x, e);
  }

  public int size() {
    return n;
  }

  /** Aggregate power P_i (shares sum to 1 over active states). */
  public double power(int i) {
    return power[i];
  }

  /** Offensive capability O_i. */
  public double offensive(int i) {
    return offensive[i];
  }

  /** State i's share of the active states' technology. */
  public double techShare(int i) {
    return techShare[i];
  }

  /** T[j][i]: the threat j feels from i. */
  public double threat(int j, int i) {
    return threat[j * n + i];
  }

  /** The bloc representative of state i (equal for states of one bloc). */
  public int bloc(int i) {
    return bloc[i];
  }

  /** The members of j's principal threat (empty when nothing threatens j). */
  public int[] principal(int j) {
    return principal[j].clone();
  }

  /** True when i is a member of j's principal threat. */
  public boolean isPrincipal(int j, int i) {
    for (int x : principal[j]) {
      if (x == i) {
        return true;
      }
    }
    return false;
  }

  /** The member of j's principal threat that threatens j most, or -1. */
  public int leader(int j) {
    return leader[j];
  }

  /** Coverage C_j in [0,1]. */
  public double coverage(int j) {
    return coverage[j];
  }

  /** True when state i is some state's client. */
  public boolean isClient(int i) {
    return patron[i] >= 0;
  }

  /** True when i and j share an alliance. */
  public boolean allied(int j, int i) {
    return allied[j * n + i];
  }
}
