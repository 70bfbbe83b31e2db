package org.entente.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.entente.api.OrderOutcome;
import org.entente.api.OrderSyntax;
import org.entente.api.Orders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adjudication cases of {@code src/test/resources/adjudication/*.json}: each a world fragment,
 * the orders of one or more turns, and the expected results, naming the rule of RULES.md it tests.
 * On failure the runner prints the position before, the orders, the position after and every
 * outcome.
 */
class AdjudicationTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> cases() throws IOException, URISyntaxException {
    Path dir = Path.of(AdjudicationTableTest.class.getResource("/adjudication").toURI());
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          for (JsonNode c : JSON.readTree(in).get("cases")) {
            out.add(Arguments.of(f.getFileName() + ": " + c.get("rule").asText(), c));
          }
        }
      }
    }
    return out.stream();
  }

  @Test
  void theTablesCoverEnoughRules() throws Exception {
    assertThat(cases().count()).isGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void adjudicates(String name, JsonNode c) {
    GameState before = Fragments.state(c.get("world"));
    List<Map<String, Orders>> turns = new ArrayList<>();
    if (c.has("turns")) {
      c.get("turns").forEach(t -> turns.add(orders(t)));
    } else {
      turns.add(orders(c.path("orders")));
    }
    long seed = c.path("seed").asLong(1);
    GameState s = before;
    List<TurnReport> reports = new ArrayList<>();
    for (Map<String, Orders> o : turns) {
      TurnResult r = Adjudicator.adjudicate(s, o, seed);
      reports.add(r.report());
      s = r.state();
    }
    Check check = new Check(before, s, reports);
    List<String> failures = new ArrayList<>();
    for (JsonNode e : c.get("expect")) {
      String why = check.failure(e.asText());
      if (why != null) {
        failures.add(e.asText() + "  ->  " + why);
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          name
              + "\nfailed:\n  "
              + String.join("\n  ", failures)
              + "\n"
              + dump(before, turns, s, reports));
    }
  }

  private static Map<String, Orders> orders(JsonNode node) {
    Map<String, Orders> out = new TreeMap<>();
    Fragments.fields(node)
        .forEach(e -> out.put(e.getKey(), OrderSyntax.parse(e.getValue().asText())));
    return out;
  }

  private static String dump(
      GameState before,
      List<Map<String, Orders>> turns,
      GameState after,
      List<TurnReport> reports) {
    StringBuilder b = new StringBuilder("before:\n").append(position(before));
    for (int t = 0; t < turns.size(); t++) {
      b.append("orders turn ").append(t + 1).append(":\n");
      turns
          .get(t)
          .forEach(
              (k, v) ->
                  b.append("  ").append(k).append(": ").append(OrderSyntax.format(v)).append('\n'));
      b.append("outcomes:\n");
      for (OrderOutcome o : reports.get(t).outcomes()) {
        b.append("  ")
            .append(o.state())
            .append(' ')
            .append(o.order())
            .append(' ')
            .append(o.code())
            .append(": ")
            .append(o.reason())
            .append('\n');
      }
      reports
          .get(t)
          .events()
          .forEach(
              e ->
                  b.append("  event ").append(e.kind()).append(": ").append(e.text()).append('\n'));
    }
    return b.append("after:\n").append(position(after)).toString();
  }

  private static String position(GameState s) {
    StringBuilder b = new StringBuilder();
    for (Nation n : s.nations()) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %s pop %.2f eco %.2f mil %.2f tech %.2f%s%n",
              n.id(),
              n.population(),
              n.economy(),
              n.military(),
              n.technology(),
              n.conquered() ? " CONQUERED" : ""));
    }
    s.alliances()
        .forEach(
            a ->
                b.append("  alliance ")
                    .append(a.id())
                    .append(' ')
                    .append(a.members())
                    .append(" cohesion ")
                    .append(a.cohesion())
                    .append('\n'));
    s.clients()
        .forEach(
            l ->
                b.append("  client ")
                    .append(l.client())
                    .append(" of ")
                    .append(l.patron())
                    .append(' ')
                    .append(l.kind())
                    .append('\n'));
    s.crises().forEach(c -> b.append("  crisis ").append(c).append('\n'));
    return b.toString();
  }

  /** Evaluates one expectation line against the result. */
  private record Check(GameState before, GameState after, List<TurnReport> reports) {
    TurnReport last() {
      return reports.get(reports.size() - 1);
    }

    String failure(String line) {
      String[] w = line.trim().split("\\s+");
      if (w.length >= 3 && List.of("=", "~", "<", ">").contains(w[w.length - 2])) {
        double actual = quantity(java.util.Arrays.copyOf(w, w.length - 2));
        double expected = Double.parseDouble(w[w.length - 1]);
        boolean ok =
            switch (w[w.length - 2]) {
              case "=" -> Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected));
              case "~" -> Math.abs(actual - expected) <= 1e-3 * Math.max(1, Math.abs(expected));
              case "<" -> actual < expected;
              default -> actual > expected;
            };
        return ok ? null : "actual " + actual;
      }
      return switch (w[0]) {
        case "outcome" -> has(w[1], w[2]) ? null : "no such outcome";
        case "no-outcome" -> has(w[1], w[2]) ? "outcome present" : null;
        case "allied" -> after.allied(w[1], w[2]) ? null : "not allied";
        case "not-allied" -> after.allied(w[1], w[2]) ? "allied" : null;
        case "alliance-of" -> allianceOf(w[1], w[2], w[3]);
        case "alliance-count" ->
            after.alliances().size() == Integer.parseInt(w[1])
                ? null
                : "count " + after.alliances().size();
        case "client" -> {
          ClientLink l = after.patronOf(w[1]);
          yield l != null && l.patron().equals(w[2]) ? null : "link " + l;
        }
        case "no-client" -> after.patronOf(w[1]) == null ? null : "link " + after.patronOf(w[1]);
        case "crisis" -> pending(w[1], w[2]) ? null : "no such pending crisis";
        case "no-crisis" -> pending(w[1], w[2]) ? "crisis pending" : null;
        case "conquered" -> after.nation(w[1]).conquered() ? null : "still active";
        case "active" -> after.nation(w[1]).conquered() ? "conquered" : null;
        case "war-attackers" ->
            sides(w[1], true).equals(sorted(w[2])) ? null : "attackers " + sides(w[1], true);
        case "war-defenders" ->
            sides(w[1], false).equals(sorted(w[2])) ? null : "defenders " + sides(w[1], false);
        case "war-won" ->
            war(w[1]).attackersWon() == w[2].equals("attackers")
                ? null
                : "attackersWon " + war(w[1]).attackersWon();
        case "no-war" -> last().wars().isEmpty() ? null : "wars " + last().wars();
        case "event" ->
            last().events().stream().anyMatch(e -> e.kind().name().equals(w[1]))
                ? null
                : "no event " + w[1];
        case "principal" ->
            principal(w[1]).equals(sorted(w[2])) ? null : "principal " + principal(w[1]);
        case "lens" -> lens(w[1], w[2], w[3], w.length > 4 ? w[4] : null);
        case "lens-agrees" ->
            lensAgrees(w[1], w[2]) == Boolean.parseBoolean(w[3])
                ? null
                : "agreement " + lensAgrees(w[1], w[2]);
        case "hegemon" -> {
          String h = Scoring.system(after).hegemon();
          yield String.valueOf(h == null ? "none" : h).equals(w[1]) ? null : "hegemon " + h;
        }
        default -> throw new IllegalArgumentException("unknown expectation: " + line);
      };
    }

    double quantity(String[] q) {
      ThreatModel start = Scoring.model(before);
      ThreatModel end = Scoring.model(after);
      World world = after.world();
      return switch (q[0]) {
        case "military" -> after.nation(q[1]).military();
        case "economy" -> after.nation(q[1]).economy();
        case "population" -> after.nation(q[1]).population();
        case "technology" -> after.nation(q[1]).technology();
        case "intent" -> after.intent().get(world.index(q[1]), world.index(q[2]));
        case "baseline" -> after.baseline().get(world.index(q[1]), world.index(q[2]));
        case "cohesion" ->
            after.alliances().stream()
                .filter(a -> a.id().equals(q[1]))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no alliance " + q[1]))
                .cohesion();
        case "coverage" -> standing(q[1]).coverage();
        case "power" -> end.power(world.index(q[1]));
        case "start.power" -> start.power(world.index(q[1]));
        case "start.offensive" -> start.offensive(world.index(q[1]));
        case "start.threat" -> start.threat(world.index(q[1]), world.index(q[2]));
        case "start.coverage" -> start.coverage(world.index(q[1]));
        case "prox" -> world.proximity().get(world.index(q[1]), world.index(q[2]));
        case "war-odds" -> war(q[1]).attackersWinChance();
        case "war-attack" -> war(q[1]).attackStrength();
        case "war-defence" -> war(q[1]).defenceStrength();
        case "score" -> score(q[1], q[2]);
        case "balancing-share" -> Scoring.system(after).balancingShare();
        default -> throw new IllegalArgumentException("unknown quantity: " + String.join(" ", q));
      };
    }

    // "alliance-of A,B target C" or "alliance-of A,B kind OFFENSIVE": the alliance holding every
    // listed state has that target or kind.
    String allianceOf(String members, String field, String expected) {
      List<String> ms = List.of(members.split(","));
      for (Alliance a : after.alliances()) {
        if (a.members().containsAll(ms)) {
          String actual = field.equals("target") ? a.target() : a.kind().name();
          return actual.equals(expected) ? null : field + " " + actual;
        }
      }
      return "no alliance holds " + members;
    }

    boolean has(String state, String code) {
      return reports.stream()
          .flatMap(r -> r.outcomes().stream())
          .anyMatch(o -> o.state().equals(state) && o.code().name().equals(code));
    }

    boolean pending(String a, String t) {
      return after.crises().stream().anyMatch(c -> c.aggressor().equals(a) && c.target().equals(t));
    }

    TurnReport.War war(String crisis) {
      return reports.stream()
          .flatMap(r -> r.wars().stream())
          .filter(x -> x.crisis().equals(crisis))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no war for crisis " + crisis));
    }

    List<String> sides(String crisis, boolean attackers) {
      TurnReport.War x = war(crisis);
      return (attackers ? x.attackers() : x.defenders()).stream().sorted().toList();
    }

    static List<String> sorted(String csv) {
      return csv.equals("-")
          ? List.of()
          : java.util.Arrays.stream(csv.split(",")).sorted().toList();
    }

    List<String> principal(String state) {
      ThreatModel m = Scoring.model(before);
      List<String> out = new ArrayList<>();
      for (int i : m.principal(before.world().index(state))) {
        out.add(before.world().start().get(i).id());
      }
      return out.stream().sorted().toList();
    }

    TurnReport.Standing standing(String state) {
      return last().standings().stream()
          .filter(x -> x.state().equals(state))
          .findFirst()
          .orElseThrow();
    }

    TurnReport.LensEntry lensEntry(String state) {
      return reports.get(0).lens().stream()
          .filter(x -> x.state().equals(state))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no lens entry for " + state));
    }

    String lens(String state, String theory, String kind, String target) {
      TurnReport.LensEntry e = lensEntry(state);
      TurnReport.Prediction p =
          switch (theory) {
            case "threat" -> e.threat();
            case "power" -> e.power();
            default -> e.interests();
          };
      boolean ok = p.kind().name().equals(kind) && (target == null || target.equals(p.target()));
      return ok ? null : "predicted " + p;
    }

    boolean lensAgrees(String state, String theory) {
      TurnReport.LensEntry e = lensEntry(state);
      return switch (theory) {
        case "threat" -> e.agreesThreat();
        case "power" -> e.agreesPower();
        default -> e.agreesInterests();
      };
    }

    double score(String state, String component) {
      Scoring.Score s =
          Scoring.scores(after).stream()
              .filter(x -> x.state().equals(state))
              .findFirst()
              .orElseThrow();
      return switch (component) {
        case "survival" -> s.survival();
        case "security" -> s.security();
        case "autonomy" -> s.autonomy();
        case "power" -> s.power();
        case "objectives" -> s.objectives();
        default -> s.total();
      };
    }
  }
}
