package org.entente.client.bots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.AllianceView;
import org.entente.api.PlayerView.CrisisView;
import org.entente.api.PlayerView.NationView;
import org.entente.api.PlayerView.PublicStance;
import org.entente.api.PlayerView.RulesView;
import org.entente.api.PlayerView.ThreatEntry;
import org.entente.api.Posture;
import org.entente.api.SquareMatrix;
import org.entente.api.Stance;
import org.entente.api.Stance.BandwagonKind;

/**
 * Builds {@link PlayerView}s for tests. Power, the seat's threat row, its principal threat, leader
 * and coverage are computed as the engine's ThreatModel does (RULES.md section 2) from the
 * capabilities, proximities, alignments and the seat's intent row, unless a test overrides them.
 */
final class ViewBuilder {
  private static final double INTENT_FLOOR = 0.05;

  /** One state's facts; public fields so tests can tweak them. */
  static final class Spec {
    final String id;
    double population = 100;
    double economy = 100;
    double military = 100;
    double technology = 100;
    double offense = 0.5;
    double reach = 1000;
    Posture posture = Posture.STATUS_QUO;
    boolean active = true;
    String patron;
    BandwagonKind clientKind;
    double intent = 0.2; // the seat's perceived intent of this state
    String ideology = "none";
    boolean divisive;

    Spec(String id) {
      this.id = id;
    }
  }

  private final Map<String, Spec> specs = new LinkedHashMap<>();
  private final Map<String, Double> prox = new LinkedHashMap<>();
  private final List<AllianceView> alliances = new ArrayList<>();
  private final List<CrisisView> crises = new ArrayList<>();
  private final List<PublicStance> lastStances = new ArrayList<>();
  private final List<org.entente.api.OrderOutcome> outcomes = new ArrayList<>();
  private double defaultProx = 0.1;
  private int turn = 3;
  private RulesView rules = new RulesView(1.5, 0.3, 0.1, 0.03, 0.5);
  private Double coverage;
  private String leader;
  private List<String> principal;
  private boolean principalSet;

  /** Adds a state with economy, military and the other capabilities at 100 points. */
  ViewBuilder nation(String id) {
    specs.put(id, new Spec(id));
    return this;
  }

  /** Adds a state with the given economy and military (population, technology 100). */
  ViewBuilder nation(String id, double economy, double military) {
    Spec s = new Spec(id);
    s.economy = economy;
    s.military = military;
    specs.put(id, s);
    return this;
  }

  /** The spec of {@code id}, to adjust. */
  Spec spec(String id) {
    return specs.get(id);
  }

  ViewBuilder capabilities(String id, double pop, double eco, double mil, double tech) {
    Spec s = specs.get(id);
    s.population = pop;
    s.economy = eco;
    s.military = mil;
    s.technology = tech;
    return this;
  }

  ViewBuilder offense(String id, double offense) {
    specs.get(id).offense = offense;
    return this;
  }

  ViewBuilder revisionist(String id) {
    specs.get(id).posture = Posture.REVISIONIST;
    return this;
  }

  ViewBuilder conquered(String id) {
    Spec s = specs.get(id);
    s.active = false;
    s.population = 0;
    s.economy = 0;
    s.military = 0;
    s.technology = 0;
    return this;
  }

  ViewBuilder client(String client, String patron, BandwagonKind kind) {
    specs.get(client).patron = patron;
    specs.get(client).clientKind = kind;
    return this;
  }

  /** The seat's perceived intent of {@code actor}. */
  ViewBuilder intent(String actor, double intent) {
    specs.get(actor).intent = intent;
    return this;
  }

  /** prox(from -> to). */
  ViewBuilder prox(String from, String to, double value) {
    prox.put(from + ">" + to, value);
    return this;
  }

  /** prox both ways between {@code a} and {@code b}. */
  ViewBuilder near(String a, String b, double value) {
    return prox(a, b, value).prox(b, a, value);
  }

  /** prox between states not set otherwise (0.1 unless changed). */
  ViewBuilder defaultProx(double value) {
    defaultProx = value;
    return this;
  }

  ViewBuilder alliance(String id, String... members) {
    alliances.add(new AllianceView(id, List.of(members), 1.0, 1));
    return this;
  }

  /** A defensive alliance of {@code members} against {@code target}. */
  ViewBuilder allianceAgainst(String id, String target, String... members) {
    alliances.add(
        new AllianceView(
            id, List.of(members), 1.0, 1, target, org.entente.api.AllianceKind.DEFENSIVE));
    return this;
  }

  /** The ideology of {@code id} (every state's is "none", not divisive, unless set). */
  ViewBuilder ideology(String id, String ideology, boolean divisive) {
    specs.get(id).ideology = ideology;
    specs.get(id).divisive = divisive;
    return this;
  }

  /** A crisis declared last turn, resolving this turn. */
  ViewBuilder crisis(String aggressor, String target) {
    crises.add(new CrisisView("c" + (crises.size() + 1), aggressor, target, turn - 1, turn));
    return this;
  }

  ViewBuilder crisis(CrisisView c) {
    crises.add(c);
    return this;
  }

  ViewBuilder lastStance(String state, Stance stance) {
    lastStances.add(new PublicStance(state, stance));
    return this;
  }

  /** One of the seat's outcomes from last turn. */
  ViewBuilder outcome(String order, org.entente.api.OutcomeCode code) {
    outcomes.add(new org.entente.api.OrderOutcome("?", order, code, code.name()));
    return this;
  }

  ViewBuilder turn(int turn) {
    this.turn = turn;
    return this;
  }

  ViewBuilder rules(RulesView rules) {
    this.rules = rules;
    return this;
  }

  ViewBuilder defenseAdvantage(double da) {
    rules =
        new RulesView(
            da,
            rules.maxInternalEffort(),
            rules.aidMaxShare(),
            rules.tributeRate(),
            rules.weakShare());
    return this;
  }

  /** Overrides the computed coverage. */
  ViewBuilder coverage(double c) {
    coverage = c;
    return this;
  }

  /** Overrides the computed principal threat and leader. */
  ViewBuilder principal(String leader, String... members) {
    this.leader = leader;
    this.principal = List.of(members);
    this.principalSet = true;
    return this;
  }

  /** The view of seat {@code self}. */
  PlayerView build(String self) {
    List<Spec> ss = new ArrayList<>(specs.values());
    int n = ss.size();
    int me = indexOf(ss, self);
    double[] cells = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        cells[i * n + j] =
            i == j ? 1 : prox.getOrDefault(ss.get(i).id + ">" + ss.get(j).id, defaultProx);
      }
    }
    SquareMatrix matrix = SquareMatrix.of(n, cells);
    double[] power = new double[n];
    double[] offensive = new double[n];
    double pop = 0, eco = 0, mil = 0, tech = 0;
    for (Spec s : ss) {
      pop += s.population;
      eco += s.economy;
      mil += s.military;
      tech += s.technology;
    }
    for (int i = 0; i < n; i++) {
      Spec s = ss.get(i);
      if (!s.active) {
        continue;
      }
      power[i] =
          0.2 * share(s.population, pop)
              + 0.3 * share(s.economy, eco)
              + 0.3 * share(s.military, mil)
              + 0.2 * share(s.technology, tech);
      offensive[i] = s.offense * share(s.military, mil);
    }
    List<NationView> nations = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Spec s = ss.get(i);
      nations.add(
          new NationView(
              s.id,
              s.id.toUpperCase(java.util.Locale.ROOT),
              s.population,
              s.economy,
              s.military,
              s.technology,
              power[i],
              s.offense,
              s.reach,
              s.ideology,
              s.divisive,
              s.posture,
              s.active,
              s.patron,
              s.clientKind));
    }
    double[] threat = new double[n];
    List<ThreatEntry> threats = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Spec s = ss.get(i);
      if (i == me || !s.active || !ss.get(me).active) {
        continue;
      }
      threat[i] = power[i] * matrix.get(i, me) * offensive[i] * Math.max(s.intent, INTENT_FLOOR);
      threats.add(
          new ThreatEntry(s.id, power[i], matrix.get(i, me), offensive[i], s.intent, threat[i]));
    }
    int[] bloc = blocs(ss);
    List<String> principalIds = principal;
    String leaderId = leader;
    if (!principalSet) {
      principalIds = new ArrayList<>();
      leaderId = null;
      int patron = ss.get(me).patron == null ? -1 : indexOf(ss, ss.get(me).patron);
      double[] sum = new double[n];
      for (int i = 0; i < n; i++) {
        boolean candidate = bloc[i] != bloc[me] || (patron >= 0 && bloc[i] == bloc[patron]);
        if (i != me && ss.get(i).active && candidate) {
          sum[bloc[i]] += threat[i];
        }
      }
      int best = -1;
      for (int b = 0; b < n; b++) {
        if (sum[b] > 0 && (best < 0 || sum[b] > sum[best])) {
          best = b;
        }
      }
      double top = -1;
      for (int i = 0; best >= 0 && i < n; i++) {
        if (i != me && bloc[i] == best && ss.get(i).active) {
          principalIds.add(ss.get(i).id);
          if (threat[i] > top) {
            top = threat[i];
            leaderId = ss.get(i).id;
          }
        }
      }
    }
    double cov = coverage == null ? coverage(ss, matrix, me, principalIds) : coverage;
    return new PlayerView(
        "test",
        turn,
        30,
        "turn " + turn,
        self,
        nations,
        matrix,
        alliances,
        crises,
        threats,
        principalIds,
        leaderId,
        cov,
        List.of(),
        outcomes,
        lastStances,
        rules,
        "",
        "");
  }

  private double coverage(List<Spec> ss, SquareMatrix m, int me, List<String> principalIds) {
    Spec self = ss.get(me);
    if (!self.active) {
      return 0;
    }
    double support = rules.defenseAdvantage() * self.military;
    for (int k = 0; k < ss.size(); k++) {
      if (k != me && ss.get(k).active && allied(self.id, ss.get(k).id)) {
        support += ss.get(k).military * m.get(k, me);
      }
    }
    double danger = 0;
    for (String id : principalIds) {
      int i = indexOf(ss, id);
      Spec t = ss.get(i);
      danger += t.military * t.offense * m.get(i, me) * Math.max(t.intent, INTENT_FLOOR);
    }
    return danger <= 0 ? 1.0 : support / (support + danger);
  }

  private boolean allied(String a, String b) {
    return alliances.stream().anyMatch(al -> al.members().contains(a) && al.members().contains(b));
  }

  private int[] blocs(List<Spec> ss) {
    int n = ss.size();
    int[] root = new int[n];
    Arrays.setAll(root, i -> i);
    for (AllianceView al : alliances) {
      int first = indexOf(ss, al.members().get(0));
      for (String m : al.members()) {
        union(root, first, indexOf(ss, m));
      }
    }
    for (int i = 0; i < n; i++) {
      if (ss.get(i).patron != null) {
        union(root, i, indexOf(ss, ss.get(i).patron));
      }
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = find(root, i);
    }
    return out;
  }

  private static int find(int[] root, int i) {
    while (root[i] != i) {
      i = root[i];
    }
    return i;
  }

  private static void union(int[] root, int a, int b) {
    int ra = find(root, a);
    int rb = find(root, b);
    if (ra != rb) {
      root[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  private static int indexOf(List<Spec> ss, String id) {
    for (int i = 0; i < ss.size(); i++) {
      if (ss.get(i).id.equals(id)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no state " + id);
  }

  private static double share(double x, double total) {
    return total <= 0 ? 0 : x / total;
  }
}
