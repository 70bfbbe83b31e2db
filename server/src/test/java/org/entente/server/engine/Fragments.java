package org.entente.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.entente.api.AllianceKind;
import org.entente.api.Posture;
import org.entente.api.SquareMatrix;
import org.entente.api.Stance;
import org.entente.api.Stance.BandwagonKind;

/**
 * Small test worlds written as JSON fragments: capabilities in points (no rescaling), distances in
 * km with a default, intent entries as "observer>actor", alignments and pending crises. Anything
 * not given takes a plain default, so a case states only what its rule needs.
 */
final class Fragments {
  private Fragments() {}

  static GameState state(JsonNode w) {
    World world = world(w);
    GameState s = Games.start(world).state();
    List<Crisis> crises = new ArrayList<>();
    int k = 0;
    for (JsonNode c : iter(w.path("crises"))) {
      k++;
      crises.add(
          new Crisis(
              c.path("id").asText("c" + k),
              c.get("aggressor").asText(),
              c.get("target").asText(),
              0,
              c.path("resolves").asInt(1)));
    }
    List<Stance> last = new ArrayList<>(Collections.nCopies(world.size(), (Stance) null));
    for (var e : fields(w.path("lastStances"))) {
      last.set(world.index(e.getKey()), org.entente.api.OrderSyntax.stance(e.getValue().asText()));
    }
    double[] now = s.intent().toArray();
    for (var e : fields(w.path("intentNow"))) {
      String[] oa = e.getKey().split(">");
      now[world.index(oa[0]) * world.size() + world.index(oa[1])] = e.getValue().asDouble();
    }
    return new GameState(
        world,
        s.turn(),
        s.nations(),
        SquareMatrix.wrap(world.size(), now),
        s.baseline(),
        s.alliances(),
        s.clients(),
        crises,
        last,
        s.leanings(),
        s.tallies(),
        s.system(),
        s.nextAlliance(),
        k);
  }

  static World world(JsonNode w) {
    Map<String, Double> overrides = new HashMap<>();
    // One rule at a time: misperception noise and the ideology pull are off unless a case turns
    // them on (their own cases do).
    overrides.put("misperceptionSigma", 0.0);
    overrides.put("ideologyAffinity", 0.0);
    for (var e : fields(w.path("params"))) {
      overrides.put(e.getKey(), e.getValue().asDouble());
    }
    Params p = Params.DEFAULTS.with(overrides);
    List<Nation> nations = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (JsonNode s : iter(w.get("states"))) {
      ids.add(s.get("id").asText());
      nations.add(
          new Nation(
              s.get("id").asText(),
              s.get("id").asText(),
              s.path("pop").asDouble(100),
              s.path("eco").asDouble(100),
              s.path("mil").asDouble(100),
              s.path("tech").asDouble(100),
              s.path("offense").asDouble(0.5),
              s.path("reach").asDouble(1000),
              s.path("ideology").asText("ideology-" + s.get("id").asText()),
              s.path("divisive").asBoolean(false),
              s.path("openness").asDouble(0.5),
              "revisionist".equals(s.path("posture").asText())
                  ? Posture.REVISIONIST
                  : Posture.STATUS_QUO,
              s.path("growth").asDouble(p.growth()),
              false));
    }
    int n = nations.size();
    double[] dist = new double[n * n];
    double def = w.path("distance").path("default").asDouble(1000);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        dist[i * n + j] = i == j ? 0 : def;
      }
    }
    for (var e : fields(w.path("distance"))) {
      if (!e.getKey().equals("default")) {
        String[] ab = e.getKey().split("-");
        int a = ids.indexOf(ab[0]);
        int b = ids.indexOf(ab[1]);
        dist[a * n + b] = e.getValue().asDouble();
        dist[b * n + a] = e.getValue().asDouble();
      }
    }
    double[] prox = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        prox[i * n + j] = i == j ? 1 : World.proximity(dist[i * n + j], nations.get(i).reach());
      }
    }
    double[] intent = new double[n * n];
    double di = w.path("intent").path("default").asDouble(0.2);
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        intent[j * n + i] = i == j ? 0 : di;
      }
    }
    for (var e : fields(w.path("intent"))) {
      if (!e.getKey().equals("default")) {
        String[] oa = e.getKey().split(">");
        intent[ids.indexOf(oa[0]) * n + ids.indexOf(oa[1])] = e.getValue().asDouble();
      }
    }
    List<Alliance> alliances = new ArrayList<>();
    for (JsonNode a : iter(w.path("alliances"))) {
      List<String> members = new ArrayList<>();
      a.get("members").forEach(m -> members.add(m.asText()));
      members.sort(java.util.Comparator.comparingInt(ids::indexOf));
      if (!a.hasNonNull("target")) {
        throw new IllegalArgumentException(
            "alliance " + a.get("id").asText() + " needs a target (rules 2.0)");
      }
      String target = a.get("target").asText();
      List<String> bloc = new ArrayList<>(List.of(target));
      for (JsonNode other : iter(w.path("alliances"))) {
        List<String> m = new ArrayList<>();
        other.get("members").forEach(x -> m.add(x.asText()));
        if (m.contains(target)) {
          m.stream().filter(x -> !bloc.contains(x)).forEach(bloc::add);
        }
      }
      alliances.add(
          new Alliance(
              a.get("id").asText(),
              members,
              0,
              a.path("cohesion").asDouble(1.0),
              target,
              bloc,
              AllianceKind.valueOf(a.path("kind").asText("DEFENSIVE"))));
    }
    List<ClientLink> clients = new ArrayList<>();
    for (JsonNode c : iter(w.path("clients"))) {
      clients.add(
          new ClientLink(
              c.get("client").asText(),
              c.get("patron").asText(),
              BandwagonKind.valueOf(c.path("kind").asText("DEFENSIVE")),
              0));
    }
    List<List<Objective>> objectives = new ArrayList<>();
    for (String id : ids) {
      List<Objective> list = new ArrayList<>();
      for (JsonNode o : iter(w.path("objectives").path(id))) {
        list.add(
            new Objective(
                Objective.Kind.valueOf(o.get("kind").asText()),
                o.path("state").asText(null),
                o.path("value").asDouble(0),
                null));
      }
      objectives.add(list);
    }
    int turns = w.path("turns").asInt(30);
    List<String> labels = new ArrayList<>();
    for (int t = 1; t <= turns; t++) {
      labels.add("turn " + t);
    }
    return World.of(
        "fragment",
        "fragment",
        "a test world",
        turns,
        labels,
        p,
        nations,
        SquareMatrix.wrap(n, dist),
        SquareMatrix.wrap(n, prox),
        SquareMatrix.wrap(n, intent),
        alliances,
        clients,
        List.of(),
        objectives,
        Collections.nCopies(n, "private"),
        Collections.nCopies(n, (String) null));
  }

  static Iterable<JsonNode> iter(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(out::add);
    }
    return out;
  }

  static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    if (node != null && node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        out.add(it.next());
      }
    }
    return out;
  }
}
