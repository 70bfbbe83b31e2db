package org.entente.server.replay;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.entente.api.AllianceKind;
import org.entente.api.OrderSyntax;
import org.entente.api.Orders;
import org.entente.api.PlayerView.PublicStance;
import org.entente.server.engine.Alliance;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Nation;
import org.entente.server.engine.Scoring;
import org.entente.server.engine.TurnReport;
import org.entente.server.history.GameHistory;

/**
 * The differences between two games of one lineage (same world and seed, one an ancestor of the
 * other or both branches of one line), from the first turn whose hashes differ: turn by turn the
 * stances that differ, then at the end each state's score difference, the alliances standing in one
 * and not the other, the wars (by crisis aggressor, target and outcome) fought in one and not the
 * other, and the states conquered in one and not the other.
 */
public record Diff(
    String a,
    String b,
    int forkTurn,
    List<TurnDiff> turns,
    Map<String, Double> scoreDelta,
    Map<String, double[]> scores,
    List<String> alliancesOnlyA,
    List<String> alliancesOnlyB,
    List<String> warsOnlyA,
    List<String> warsOnlyB,
    List<String> conqueredOnlyA,
    List<String> conqueredOnlyB,
    Map<String, double[]> power,
    int turnsA,
    int turnsB) {

  /**
   * One turn's differences: the stances as adjudicated that differ, by state ("A" then "B", in
   * order syntax); the actions that differ, by state (from the journaled orders; empty when a game
   * kept none); the public events of the turn in one game and not the other (wars and conquests
   * among them); the alliances standing after the turn in one game and not the other (an alliance
   * whose members differ is in both lists).
   */
  public record TurnDiff(
      int turn,
      String hashA,
      String hashB,
      Map<String, String[]> stances,
      Map<String, String[]> actions,
      List<String> eventsOnlyA,
      List<String> eventsOnlyB,
      List<String> alliancesOnlyA,
      List<String> alliancesOnlyB) {

    /** True when a person would see a difference in this turn (not only in the hashes). */
    public boolean readable() {
      return !stances.isEmpty()
          || !actions.isEmpty()
          || !eventsOnlyA.isEmpty()
          || !eventsOnlyB.isEmpty()
          || !alliancesOnlyA.isEmpty()
          || !alliancesOnlyB.isEmpty();
    }
  }

  /** True when the games differ in nothing. */
  public boolean same() {
    return turns.isEmpty()
        && alliancesOnlyA.isEmpty()
        && alliancesOnlyB.isEmpty()
        && warsOnlyA.isEmpty()
        && warsOnlyB.isEmpty()
        && conqueredOnlyA.isEmpty()
        && conqueredOnlyB.isEmpty()
        && scoreDelta.values().stream().allMatch(d -> d == 0);
  }

  /** Thrown when the two games share no lineage or world. */
  public static final class Unrelated extends IllegalArgumentException {
    Unrelated(String message) {
      super(message);
    }
  }

  /**
   * The differences between games {@code a} and {@code b}, their lineages read from their lineage
   * annotations; throws {@link Unrelated}.
   */
  public static Diff of(GameHistory a, GameHistory b) {
    return of(a, Lineage.of(a), b, Lineage.of(b));
  }

  /**
   * The differences between game {@code a} of lineage {@code la} and game {@code b} of lineage
   * {@code lb} (null: a root game); throws {@link Unrelated} unless one is an ancestor of the other
   * or both descend from one game.
   */
  public static Diff of(GameHistory a, Lineage la, GameHistory b, Lineage lb) {
    return of(a, la, null, b, lb, null);
  }

  /** The differences between the games {@code a} and {@code b} replay, with their orders. */
  public static Diff of(Replayer a, Replayer b) {
    return of(
        a.history(),
        a.lineage(),
        a.journaled() ? a::orders : null,
        b.history(),
        b.lineage(),
        b.journaled() ? b::orders : null);
  }

  /**
   * As {@link #of(GameHistory, Lineage, GameHistory, Lineage)}, with each game's orders by turn
   * (null when a game kept none) to compare the actions too.
   */
  public static Diff of(
      GameHistory a,
      Lineage la,
      IntFunction<Map<String, Orders>> ordersA,
      GameHistory b,
      Lineage lb,
      IntFunction<Map<String, Orders>> ordersB) {
    if (!a.world().id().equals(b.world().id()) || a.seed() != b.seed()) {
      throw new Unrelated(
          a.gameId()
              + " ("
              + a.world().id()
              + ", seed "
              + a.seed()
              + ") and "
              + b.gameId()
              + " ("
              + b.world().id()
              + ", seed "
              + b.seed()
              + ") are not games of one world");
    }
    Set<String> lineA = new HashSet<>(Lineage.line(a.gameId(), la));
    List<String> lineB = Lineage.line(b.gameId(), lb);
    if (lineB.stream().noneMatch(lineA::contains)) {
      throw new Unrelated(a.gameId() + " and " + b.gameId() + " share no lineage");
    }
    int common = Math.min(a.reports().size(), b.reports().size());
    int fork = common + 1;
    for (int t = 1; t <= common; t++) {
      if (!a.reports().get(t - 1).stateHash().equals(b.reports().get(t - 1).stateHash())) {
        fork = t;
        break;
      }
    }
    List<TurnDiff> turns = new ArrayList<>();
    int longest = Math.max(a.reports().size(), b.reports().size());
    for (int t = fork; t <= longest; t++) {
      TurnReport ra = t <= a.reports().size() ? a.reports().get(t - 1) : null;
      TurnReport rb = t <= b.reports().size() ? b.reports().get(t - 1) : null;
      Map<String, String> sa = stances(ra);
      Map<String, String> sb = stances(rb);
      Map<String, String[]> diff = differing(sa, sb);
      Map<String, String[]> actions =
          ordersA == null || ordersB == null
              ? Map.of()
              : differing(actions(ordersA, a, t), actions(ordersB, b, t));
      List<String> ea = events(ra);
      List<String> eb = events(rb);
      Set<String> alA = t < a.states().size() ? alliances(a.states().get(t)) : Set.of();
      Set<String> alB = t < b.states().size() ? alliances(b.states().get(t)) : Set.of();
      turns.add(
          new TurnDiff(
              t,
              ra == null ? "-" : ra.stateHash(),
              rb == null ? "-" : rb.stateHash(),
              diff,
              actions,
              minusMulti(ea, eb),
              minusMulti(eb, ea),
              minus(alA, alB),
              minus(alB, alA)));
    }
    GameState ea = a.last();
    GameState eb = b.last();
    Map<String, Double> delta = new TreeMap<>();
    Map<String, double[]> scores = new TreeMap<>();
    List<Scoring.Score> sa = Scoring.scores(ea);
    List<Scoring.Score> sb = Scoring.scores(eb);
    for (int i = 0; i < sa.size(); i++) {
      delta.put(sa.get(i).state(), sb.get(i).total() - sa.get(i).total());
      scores.put(sa.get(i).state(), new double[] {sa.get(i).total(), sb.get(i).total()});
    }
    Set<String> alA = alliances(ea);
    Set<String> alB = alliances(eb);
    Map<String, double[]> power = new TreeMap<>();
    Map<String, Double> pa = power(a);
    Map<String, Double> pb = power(b);
    pa.forEach((st, v) -> power.put(st, new double[] {v, pb.getOrDefault(st, 0.0)}));
    List<String> warsA = wars(a, fork);
    List<String> warsB = wars(b, fork);
    Set<String> cA = conquered(ea);
    Set<String> cB = conquered(eb);
    return new Diff(
        a.gameId(),
        b.gameId(),
        fork,
        turns,
        delta,
        scores,
        minus(alA, alB),
        minus(alB, alA),
        minusMulti(warsA, warsB),
        minusMulti(warsB, warsA),
        minus(cA, cB),
        minus(cB, cA),
        power,
        a.reports().size(),
        b.reports().size());
  }

  private static Map<String, String[]> differing(Map<String, String> sa, Map<String, String> sb) {
    Map<String, String[]> diff = new TreeMap<>();
    Set<String> seats = new TreeSet<>(sa.keySet());
    seats.addAll(sb.keySet());
    for (String s : seats) {
      String x = sa.getOrDefault(s, "-");
      String y = sb.getOrDefault(s, "-");
      if (!x.equals(y)) {
        diff.put(s, new String[] {x, y});
      }
    }
    return diff;
  }

  /** Each state's actions of turn {@code t} in order syntax ("none" for orders without). */
  private static Map<String, String> actions(
      IntFunction<Map<String, Orders>> orders, GameHistory h, int t) {
    Map<String, String> out = new TreeMap<>();
    if (t > h.reports().size()) {
      return out;
    }
    Map<String, Orders> o = orders.apply(t);
    if (o == null) {
      return out;
    }
    o.forEach(
        (st, x) ->
            out.put(
                st,
                x.actions().isEmpty()
                    ? "none"
                    : String.join(
                        "; ",
                        x.actions().stream()
                            .map(ac -> Numbers.shorten(OrderSyntax.format(ac)))
                            .toList())));
    return out;
  }

  private static List<String> events(TurnReport r) {
    List<String> out = new ArrayList<>();
    if (r != null) {
      for (TurnReport.Event e : r.events()) {
        out.add(Numbers.shorten(e.text()));
      }
    }
    return out;
  }

  /** Each state's power at the end of game {@code h} (0 for a conquered state). */
  private static Map<String, Double> power(GameHistory h) {
    Map<String, Double> out = new TreeMap<>();
    if (!h.reports().isEmpty()) {
      for (TurnReport.Standing st : h.reports().get(h.reports().size() - 1).standings()) {
        out.put(st.state(), st.power());
      }
    }
    return out;
  }

  private static Map<String, String> stances(TurnReport r) {
    Map<String, String> out = new TreeMap<>();
    if (r != null) {
      for (PublicStance ps : r.stances()) {
        out.put(ps.state(), Numbers.shorten(OrderSyntax.format(ps.stance())));
      }
    }
    return out;
  }

  private static Set<String> alliances(GameState s) {
    Set<String> out = new LinkedHashSet<>();
    for (Alliance al : s.alliances()) {
      // members, target and kind: two alliances of the same members against different targets
      // (or of different kinds) are different alignments
      out.add(
          String.join("+", new TreeSet<>(al.members()))
              + " against "
              + (al.target() == null ? "-" : al.target())
              + (al.kind() == AllianceKind.OFFENSIVE ? " (offensive)" : ""));
    }
    return out;
  }

  private static List<String> wars(GameHistory h, int from) {
    List<String> out = new ArrayList<>();
    for (int t = from; t <= h.reports().size(); t++) {
      for (TurnReport.War w : h.reports().get(t - 1).wars()) {
        out.add(
            w.aggressor()
                + " vs "
                + w.target()
                + ": "
                + (w.attackersWon() ? (w.conquered() ? "conquered" : "attackers won") : "held"));
      }
    }
    return out;
  }

  private static Set<String> conquered(GameState s) {
    Set<String> out = new TreeSet<>();
    for (Nation n : s.nations()) {
      if (n.conquered()) {
        out.add(n.id());
      }
    }
    return out;
  }

  private static List<String> minus(Set<String> x, Set<String> y) {
    return x.stream().filter(e -> !y.contains(e)).sorted().toList();
  }

  private static List<String> minusMulti(List<String> x, List<String> y) {
    List<String> rest = new ArrayList<>(y);
    List<String> out = new ArrayList<>();
    for (String e : x) {
      if (!rest.remove(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The diff as the protocol's {@code GameDiff}; {@code turnsA}, {@code turnsB}: games' lengths.
   */
  public org.entente.proto.v1.GameDiff toWire(int turnsA, int turnsB) {
    var b =
        org.entente.proto.v1.GameDiff.newBuilder()
            .setGameA(a)
            .setGameB(this.b)
            .setFirstDivergentTurn(turns.isEmpty() ? 0 : forkTurn)
            .setSame(same())
            .setTurnsA(turnsA)
            .setTurnsB(turnsB)
            .addAllAlliancesOnlyA(alliancesOnlyA)
            .addAllAlliancesOnlyB(alliancesOnlyB)
            .addAllWarsOnlyA(warsOnlyA)
            .addAllWarsOnlyB(warsOnlyB)
            .addAllConqueredOnlyA(conqueredOnlyA)
            .addAllConqueredOnlyB(conqueredOnlyB);
    for (TurnDiff t : turns) {
      var wt =
          org.entente.proto.v1.DiffTurn.newBuilder()
              .setTurn(t.turn())
              .setHashA(t.hashA())
              .setHashB(t.hashB())
              .setReadable(t.readable())
              .addAllEventsOnlyA(t.eventsOnlyA())
              .addAllEventsOnlyB(t.eventsOnlyB())
              .addAllAlliancesOnlyA(t.alliancesOnlyA())
              .addAllAlliancesOnlyB(t.alliancesOnlyB());
      t.stances().forEach((s, v) -> wt.addStances(side(s, v)));
      t.actions().forEach((s, v) -> wt.addActions(side(s, v)));
      b.addTurns(wt);
    }
    scores.forEach(
        (s, v) -> {
          double[] p = power.getOrDefault(s, new double[] {0, 0});
          b.addScores(
              org.entente.proto.v1.DiffScore.newBuilder()
                  .setState(s)
                  .setA(v[0])
                  .setB(v[1])
                  .setDelta(v[1] - v[0])
                  .setPowerA(p[0])
                  .setPowerB(p[1])
                  .setPowerDelta(p[1] - p[0]));
        });
    StringWriter report = new StringWriter();
    print(new PrintWriter(report));
    return b.setReport(report.toString()).build();
  }

  private static org.entente.proto.v1.DiffStance side(String state, String[] v) {
    return org.entente.proto.v1.DiffStance.newBuilder()
        .setState(state)
        .setA(v[0])
        .setB(v[1])
        .build();
  }

  /**
   * Prints the diff for a person: per turn from the first divergent one, the stances and actions
   * that differ, the events and alliances in one game only (turns where only the hashes differ are
   * counted, not listed); then at the end each state's score and power in A and B and the gap, and
   * the wars and conquests in one game only. Numbers are rounded as the web client rounds them.
   */
  public void print(PrintWriter out) {
    out.println("diff " + a + " (A, " + turnsA + " turns) vs " + b + " (B, " + turnsB + " turns)");
    if (turns.isEmpty()) {
      out.println("no turn differs");
    } else {
      out.println("first divergent turn: " + forkTurn);
    }
    int quiet = 0;
    for (TurnDiff t : turns) {
      if (!t.readable()) {
        quiet++;
        continue;
      }
      out.println("turn " + t.turn() + ":");
      Set<String> seats = new TreeSet<>(t.stances().keySet());
      seats.addAll(t.actions().keySet());
      for (String s : seats) {
        String[] st = t.stances().get(s);
        if (st != null) {
          out.println("  " + s + " stance:  A " + st[0] + "  |  B " + st[1]);
        }
        String[] ac = t.actions().get(s);
        if (ac != null) {
          out.println("  " + s + " actions: A " + ac[0] + "  |  B " + ac[1]);
        }
      }
      list(out, "  only in A: ", t.eventsOnlyA());
      list(out, "  only in B: ", t.eventsOnlyB());
      list(out, "  alliances after the turn only in A: ", t.alliancesOnlyA());
      list(out, "  alliances after the turn only in B: ", t.alliancesOnlyB());
    }
    if (quiet > 0) {
      out.println(
          quiet
              + " later turn"
              + (quiet == 1 ? " differs" : "s differ")
              + " only in the positions' details (no stance, action, event or alliance"
              + " differs)");
    }
    out.println("at the end:");
    out.println(
        String.format(
            Locale.ROOT,
            "  %-6s %10s %10s %9s   %10s %10s %9s",
            "state",
            "score A",
            "score B",
            "B - A",
            "power A",
            "power B",
            "B - A"));
    for (var e : scores.entrySet()) {
      double[] v = e.getValue();
      double[] p = power.getOrDefault(e.getKey(), new double[] {0, 0});
      out.println(
          String.format(
              Locale.ROOT,
              "  %-6s %10s %10s %9s   %10s %10s %9s",
              e.getKey(),
              Numbers.num(v[0]),
              Numbers.num(v[1]),
              Numbers.signed(v[1] - v[0]),
              Numbers.num(p[0], 3),
              Numbers.num(p[1], 3),
              Numbers.signed(p[1] - p[0], 3)));
    }
    out.println("  alliances standing only in A: " + text(alliancesOnlyA));
    out.println("  alliances standing only in B: " + text(alliancesOnlyB));
    out.println("  wars since turn " + forkTurn + " only in A: " + text(warsOnlyA));
    out.println("  wars since turn " + forkTurn + " only in B: " + text(warsOnlyB));
    out.println("  conquered only in A: " + text(conqueredOnlyA));
    out.println("  conquered only in B: " + text(conqueredOnlyB));
    out.flush();
  }

  private static void list(PrintWriter out, String label, List<String> items) {
    if (!items.isEmpty()) {
      out.println(label + String.join("; ", items));
    }
  }

  private static String text(List<String> items) {
    return items.isEmpty() ? "none" : String.join("; ", items);
  }
}
