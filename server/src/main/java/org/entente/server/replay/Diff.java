package org.entente.server.replay;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.entente.api.AllianceKind;
import org.entente.api.OrderSyntax;
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
    List<String> conqueredOnlyB) {

  /** One turn's differences: the stances that differ, by state ("A" then "B"). */
  public record TurnDiff(int turn, String hashA, String hashB, Map<String, String[]> stances) {}

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
      turns.add(
          new TurnDiff(
              t, ra == null ? "-" : ra.stateHash(), rb == null ? "-" : rb.stateHash(), diff));
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
        minus(cB, cA));
  }

  private static Map<String, String> stances(TurnReport r) {
    Map<String, String> out = new TreeMap<>();
    if (r != null) {
      for (PublicStance ps : r.stances()) {
        out.put(ps.state(), OrderSyntax.format(ps.stance()));
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
              .setHashB(t.hashB());
      t.stances()
          .forEach(
              (s, v) ->
                  wt.addStances(
                      org.entente.proto.v1.DiffStance.newBuilder()
                          .setState(s)
                          .setA(v[0])
                          .setB(v[1])));
      b.addTurns(wt);
    }
    scores.forEach(
        (s, v) ->
            b.addScores(
                org.entente.proto.v1.DiffScore.newBuilder()
                    .setState(s)
                    .setA(v[0])
                    .setB(v[1])
                    .setDelta(v[1] - v[0])));
    return b.build();
  }

  /** Prints the diff. */
  public void print(PrintWriter out) {
    out.println("diff " + a + " (A) vs " + b + " (B)");
    if (turns.isEmpty()) {
      out.println("no turn differs");
    } else {
      out.println("first divergent turn: " + forkTurn);
    }
    for (TurnDiff t : turns) {
      out.println("turn " + t.turn() + ": A " + t.hashA() + "  B " + t.hashB());
      t.stances().forEach((s, v) -> out.println("  " + s + ": A " + v[0] + " | B " + v[1]));
    }
    out.println("scores at the end (B - A):");
    scores.forEach(
        (s, v) ->
            out.println(
                String.format(
                    Locale.ROOT, "  %-6s A %6.1f  B %6.1f  %+6.1f", s, v[0], v[1], v[1] - v[0])));
    out.println("alliances only in A: " + alliancesOnlyA);
    out.println("alliances only in B: " + alliancesOnlyB);
    out.println("wars only in A: " + warsOnlyA);
    out.println("wars only in B: " + warsOnlyB);
    out.println("conquered only in A: " + conqueredOnlyA);
    out.println("conquered only in B: " + conqueredOnlyB);
    out.flush();
  }
}
