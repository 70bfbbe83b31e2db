package org.entente.server.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entente.api.AllianceKind;
import org.entente.api.Dice;
import org.entente.api.Posture;
import org.entente.api.SquareMatrix;

/**
 * Test worlds in code: states on a plane (positions in km), capabilities in points, intent toward
 * each state. {@link #vary(long)} jitters a world per seed as RULES.md section 9 asks: capabilities
 * about 15%, positions about 100 km, starting intent about 0.1.
 */
public final class WorldBuilder {
  private final List<Spec> specs = new ArrayList<>();
  private final Map<String, Double> params = new HashMap<>();
  private final List<Alliance> alliances = new ArrayList<>();
  private int turns = 30;
  private long variation = -1;

  /** One state's description; setters return this for chaining. */
  public static final class Spec {
    final String id;
    double pop = 100, eco = 100, mil = 100, tech = 100, offense = 0.5, reach = 1000, x, y;
    double intentToward = 0.2, openness = 0.5;
    Posture posture = Posture.STATUS_QUO;
    String ideology;

    Spec(String id) {
      this.id = id;
      this.ideology = "ideology-" + id;
    }

    public Spec caps(double pop, double eco, double mil, double tech) {
      this.pop = pop;
      this.eco = eco;
      this.mil = mil;
      this.tech = tech;
      return this;
    }

    public Spec size(double all) {
      return caps(all, all, all, all);
    }

    public Spec offense(double o) {
      this.offense = o;
      return this;
    }

    public Spec reach(double km) {
      this.reach = km;
      return this;
    }

    public Spec at(double xKm, double yKm) {
      this.x = xKm;
      this.y = yKm;
      return this;
    }

    /** How aggressive every other state initially believes this one to be. */
    public Spec feared(double intent) {
      this.intentToward = intent;
      return this;
    }

    public Spec revisionist() {
      this.posture = Posture.REVISIONIST;
      return this;
    }

    public Spec openness(double o) {
      this.openness = o;
      return this;
    }
  }

  public Spec state(String id) {
    Spec s = new Spec(id);
    specs.add(s);
    return s;
  }

  public WorldBuilder turns(int t) {
    this.turns = t;
    return this;
  }

  public WorldBuilder param(String name, double value) {
    params.put(name, value);
    return this;
  }

  /** A defensive alliance of {@code members} against {@code target} standing at the start. */
  public WorldBuilder alliance(String id, String target, String... members) {
    alliances.add(
        new Alliance(
            id, List.of(members), 0, 1.0, target, List.of(target), AllianceKind.DEFENSIVE));
    return this;
  }

  /** Jitter the built world with this seed (capabilities, positions, intent). */
  public WorldBuilder vary(long seed) {
    this.variation = seed;
    return this;
  }

  public World build() {
    Dice d = Dice.of(variation, 0, "test-world");
    boolean vary = variation >= 0;
    int n = specs.size();
    Params p = Params.DEFAULTS.with(params);
    List<Nation> nations = new ArrayList<>();
    double[] xs = new double[n];
    double[] ys = new double[n];
    double[] fear = new double[n];
    for (int i = 0; i < n; i++) {
      Spec s = specs.get(i);
      double f = vary ? 1 + 0.3 * (d.nextDouble() - 0.5) : 1;
      double g = vary ? 1 + 0.3 * (d.nextDouble() - 0.5) : 1;
      xs[i] = s.x + (vary ? 200 * (d.nextDouble() - 0.5) : 0);
      ys[i] = s.y + (vary ? 200 * (d.nextDouble() - 0.5) : 0);
      fear[i] =
          Math.max(0, Math.min(1, s.intentToward + (vary ? 0.2 * (d.nextDouble() - 0.5) : 0)));
      nations.add(
          new Nation(
              s.id,
              s.id,
              s.pop * f,
              s.eco * g,
              s.mil * f,
              s.tech * g,
              s.offense,
              s.reach,
              s.ideology,
              false,
              s.openness,
              s.posture,
              p.growth(),
              false));
    }
    double[] dist = new double[n * n];
    double[] prox = new double[n * n];
    double[] intent = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        dist[i * n + j] = Math.hypot(xs[i] - xs[j], ys[i] - ys[j]);
        prox[i * n + j] = i == j ? 1 : World.proximity(dist[i * n + j], specs.get(i).reach);
        intent[j * n + i] = i == j ? 0 : fear[i];
      }
    }
    List<String> labels = new ArrayList<>();
    for (int t = 1; t <= turns; t++) {
      labels.add("turn " + t);
    }
    List<List<Objective>> objectives = new ArrayList<>(Collections.nCopies(n, List.of()));
    return World.of(
        "test",
        "test world",
        "a test world",
        turns,
        labels,
        p,
        nations,
        SquareMatrix.wrap(n, dist),
        SquareMatrix.wrap(n, prox),
        SquareMatrix.wrap(n, intent),
        alliances,
        List.of(),
        List.of(),
        objectives,
        Collections.nCopies(n, "private"),
        Collections.nCopies(n, (String) null));
  }
}
