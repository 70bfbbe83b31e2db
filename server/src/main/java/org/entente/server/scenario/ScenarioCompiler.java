package org.entente.server.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.api.AllianceKind;
import org.entente.api.Posture;
import org.entente.api.SquareMatrix;
import org.entente.api.Stance.BandwagonKind;
import org.entente.server.engine.Alliance;
import org.entente.server.engine.ClientLink;
import org.entente.server.engine.Nation;
import org.entente.server.engine.Objective;
import org.entente.server.engine.Params;
import org.entente.server.engine.ScheduledEvent;
import org.entente.server.engine.TargetBloc;
import org.entente.server.engine.World;
import org.entente.server.scenario.ScenarioFile.EventEntry;
import org.entente.server.scenario.ScenarioFile.StateEntry;

/**
 * Checks a schema-valid scenario for meaning (every reference names a state, ids are unique,
 * constants are known and consistent, events fall inside the game) and compiles it into the
 * engine's {@link World}: capabilities rescaled to 1,000 points each, distances, proximity and the
 * baseline intent matrix.
 */
final class ScenarioCompiler {
  private static final double POINTS = 1000;

  private final String source;
  private final ScenarioFile f;
  private final List<ScenarioProblem> problems = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();

  private ScenarioCompiler(String source, ScenarioFile f) {
    this.source = source;
    this.f = f;
  }

  static World compile(String source, ScenarioFile f) throws ScenarioException {
    ScenarioCompiler c = new ScenarioCompiler(source, f);
    c.checkStates();
    Params params = c.params();
    List<String> labels = c.labels();
    c.checkReferences();
    c.checkKorean();
    if (!c.problems.isEmpty()) {
      throw new ScenarioException(c.problems);
    }
    return c.build(params, labels);
  }

  private void problem(String path, String message) {
    problems.add(new ScenarioProblem(source, path, message));
  }

  // A Korean version of a text (the fields ending in "Ko") must be written in Korean: at least one
  // Hangul syllable, so an English text pasted in the wrong field is caught.
  private void checkKorean() {
    korean("$.nameKo", f.nameKo());
    korean("$.briefingKo", f.briefingKo());
    for (int i = 0; i < f.states().size(); i++) {
      ScenarioFile.StateEntry s = f.states().get(i);
      korean("$.states[" + i + "].nameKo", s.nameKo());
      korean("$.states[" + i + "].privateBriefingKo", s.privateBriefingKo());
    }
    List<ScenarioFile.EventEntry> events = f.events() == null ? List.of() : f.events();
    for (int i = 0; i < events.size(); i++) {
      korean("$.events[" + i + "].textKo", events.get(i).textKo());
    }
  }

  private void korean(String path, String text) {
    if (text != null && !KoreanTexts.hasHangul(text)) {
      problem(
          path, "a Korean text must be written in Korean (Hangul), not '" + shorten(text) + "'");
    }
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  private void checkStates() {
    for (int i = 0; i < f.states().size(); i++) {
      String id = f.states().get(i).id();
      if (index.putIfAbsent(id, i) != null) {
        problem("$.states[" + i + "].id", "duplicate state id '" + id + "'");
      }
    }
  }

  private boolean known(String id, String path) {
    if (!index.containsKey(id)) {
      problem(path, "unknown state id '" + id + "'");
      return false;
    }
    return true;
  }

  private Params params() {
    Map<String, Double> overrides = new LinkedHashMap<>();
    if (f.parameters() != null) {
      for (var e : f.parameters().entrySet()) {
        if (Params.names().contains(e.getKey())) {
          overrides.put(e.getKey(), e.getValue());
        } else {
          problem(
              "$.parameters." + e.getKey(),
              "unknown parameter '" + e.getKey() + "' (docs/rules.md lists them)");
        }
      }
    }
    Params p = Params.DEFAULTS.with(overrides);
    String wrong = p.problem();
    if (wrong != null) {
      problem("$.parameters", wrong);
    }
    return p;
  }

  private List<String> labels() {
    try {
      List<String> labels = TurnCalendar.labels(f.calendar(), f.turns());
      if (f.calendar().labels() != null && f.calendar().labels().size() != f.turns()) {
        problem(
            "$.calendar.labels",
            f.calendar().labels().size() + " labels for " + f.turns() + " turns");
      }
      return labels;
    } catch (IllegalArgumentException e) {
      problem("$.calendar.start", e.getMessage());
      return List.of();
    }
  }

  private void checkReferences() {
    List<ScenarioFile.BorderEntry> borders = list(f.borders());
    for (int i = 0; i < borders.size(); i++) {
      List<String> b = borders.get(i).between();
      String path = "$.borders[" + i + "].between";
      if (known(b.get(0), path + "[0]") & known(b.get(1), path + "[1]")
          && b.get(0).equals(b.get(1))) {
        problem(path, "a border needs two different states");
      }
    }
    checkPersonnel();
    List<ScenarioFile.DistanceEntry> distances = list(f.distances());
    for (int i = 0; i < distances.size(); i++) {
      List<String> b = distances.get(i).between();
      String path = "$.distances[" + i + "].between";
      if (known(b.get(0), path + "[0]") & known(b.get(1), path + "[1]")
          && b.get(0).equals(b.get(1))) {
        problem(path, "a distance needs two different states");
      }
    }
    List<ScenarioFile.IntentEntry> intent = list(f.intent());
    for (int i = 0; i < intent.size(); i++) {
      var e = intent.get(i);
      if (!"*".equals(e.observer())) {
        known(e.observer(), "$.intent[" + i + "].observer");
      }
      known(e.actor(), "$.intent[" + i + "].actor");
      if (e.observer().equals(e.actor())) {
        problem("$.intent[" + i + "]", "a state's intent toward itself is always 0");
      }
    }
    checkAlignments();
    for (int i = 0; i < f.states().size(); i++) {
      checkObjectives(i, f.states().get(i));
    }
    List<EventEntry> events = list(f.events());
    for (int i = 0; i < events.size(); i++) {
      checkEvent("$.events[" + i + "]", events.get(i));
    }
  }

  // Military is the mean of the spending and personnel shares when every state gives personnel,
  // spending alone when none does; a mix would silently weigh states differently.
  private void checkPersonnel() {
    long with = f.states().stream().filter(s -> s.personnel() != null).count();
    if (with > 0 && with < f.states().size()) {
      for (int i = 0; i < f.states().size(); i++) {
        if (f.states().get(i).personnel() == null) {
          problem(
              "$.states[" + i + "].personnel",
              "missing: "
                  + with
                  + " of "
                  + f.states().size()
                  + " states give personnel, and military mixes spending and personnel only when"
                  + " every state gives both");
        }
      }
    }
    if (with == f.states().size()
        && f.states().stream().mapToDouble(s -> s.personnel()).sum() <= 0) {
      problem(
          "$.states", "personnel sums to 0: leave it out to measure military by spending alone");
    }
  }

  private void checkAlignments() {
    Set<String> ids = new HashSet<>();
    List<ScenarioFile.AllianceEntry> alliances = list(f.alliances());
    for (int i = 0; i < alliances.size(); i++) {
      var a = alliances.get(i);
      String path = "$.alliances[" + i + "]";
      if (!ids.add(a.id())) {
        problem(path + ".id", "duplicate alliance id '" + a.id() + "'");
      }
      if (a.target() == null) {
        problem(path + ".target", "an alliance needs the state it balances (rules 2.0)");
      } else if (known(a.target(), path + ".target") && a.members().contains(a.target())) {
        problem(
            path + ".target", "'" + a.target() + "' cannot be a member of an alliance against it");
      }
      Set<String> seen = new HashSet<>();
      for (int m = 0; m < a.members().size(); m++) {
        known(a.members().get(m), path + ".members[" + m + "]");
        if (!seen.add(a.members().get(m))) {
          problem(path + ".members[" + m + "]", "member '" + a.members().get(m) + "' listed twice");
        }
      }
    }
    Set<String> clients = new HashSet<>();
    List<ScenarioFile.ClientEntry> links = list(f.clients());
    for (int i = 0; i < links.size(); i++) {
      var c = links.get(i);
      String path = "$.clients[" + i + "]";
      known(c.client(), path + ".client");
      known(c.patron(), path + ".patron");
      if (c.client().equals(c.patron())) {
        problem(path, "a state cannot be its own patron");
      }
      if (!clients.add(c.client())) {
        problem(path + ".client", "'" + c.client() + "' already has a patron");
      }
    }
  }

  private void checkObjectives(int s, StateEntry st) {
    List<ScenarioFile.ObjectiveEntry> objectives = list(st.objectives());
    for (int k = 0; k < objectives.size(); k++) {
      var o = objectives.get(k);
      String path = "$.states[" + s + "].objectives[" + k + "]";
      boolean needsState = Set.of("ALLIED_WITH", "CONQUER", "PATRON_OF").contains(o.kind());
      if (needsState && o.state() == null) {
        problem(path + ".state", o.kind() + " needs a state");
      } else if (needsState && known(o.state(), path + ".state") && o.state().equals(st.id())) {
        problem(path + ".state", o.kind() + " cannot name the state itself");
      }
      if ("POWER_AT_LEAST".equals(o.kind())
          && (o.value() == null || o.value() < 0 || o.value() > 1)) {
        problem(path + ".value", "POWER_AT_LEAST needs a value in [0,1]");
      }
    }
  }

  private void checkEvent(String path, EventEntry e) {
    if (e.turn() > f.turns()) {
      problem(path + ".turn", "turn " + e.turn() + " is after the last turn (" + f.turns() + ")");
    }
    switch (e.kind()) {
      case "CAPABILITY" -> {
        if (e.state() == null) {
          problem(path + ".state", "a CAPABILITY event needs a state");
        } else {
          known(e.state(), path + ".state");
        }
        if (e.factors() == null || e.factors().isEmpty()) {
          problem(path + ".factors", "a CAPABILITY event needs at least one factor");
        }
      }
      case "INTENT" -> {
        if (e.actor() == null || e.delta() == null) {
          problem(path, "an INTENT event needs an actor and a delta");
        } else {
          known(e.actor(), path + ".actor");
        }
        if (e.observer() != null && !"*".equals(e.observer())) {
          known(e.observer(), path + ".observer");
        }
      }
      default -> {
        if (e.aggressor() == null || e.target() == null) {
          problem(path, "a CRISIS event needs an aggressor and a target");
        } else if (known(e.aggressor(), path + ".aggressor") & known(e.target(), path + ".target")
            && e.aggressor().equals(e.target())) {
          problem(path + ".target", "a state cannot attack itself");
        }
      }
    }
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }

  private World build(Params params, List<String> labels) {
    List<StateEntry> states = f.states();
    int n = states.size();
    double[] totals = new double[5];
    for (StateEntry s : states) {
      totals[0] += s.population();
      totals[1] += s.economy();
      totals[2] += s.military();
      totals[3] += s.technology();
      totals[4] += s.personnel() == null ? 0 : s.personnel();
    }
    boolean personnel = states.stream().allMatch(s -> s.personnel() != null) && totals[4] > 0;
    List<Nation> nations = new ArrayList<>();
    for (StateEntry s : states) {
      nations.add(
          new Nation(
              s.id(),
              s.name(),
              POINTS * s.population() / totals[0],
              POINTS * s.economy() / totals[1],
              POINTS * military(s, totals, personnel),
              POINTS * s.technology() / totals[3],
              s.offense(),
              s.reach(),
              s.ideology(),
              Boolean.TRUE.equals(s.divisive()),
              s.openness(),
              "revisionist".equals(s.posture()) ? Posture.REVISIONIST : Posture.STATUS_QUO,
              s.growth() == null ? params.growth() : s.growth(),
              false));
    }
    SquareMatrix distance = distances(states);
    double[] prox = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        prox[i * n + j] = i == j ? 1 : World.proximity(distance.get(i, j), states.get(i).reach());
      }
    }
    return World.of(
        f.id(),
        f.name(),
        f.briefing(),
        f.turns(),
        labels,
        params,
        nations,
        distance,
        SquareMatrix.wrap(n, prox),
        baseline(n),
        alliances(),
        clients(),
        events(),
        states.stream().map(this::objectives).toList(),
        states.stream().map(StateEntry::privateBriefing).toList(),
        states.stream().map(StateEntry::strategy).toList());
  }

  // RULES.md 1 (2.0): the mean of the spending share and the personnel share, as COW's CINC does.
  private static double military(StateEntry s, double[] totals, boolean personnel) {
    double spending = s.military() / totals[2];
    return personnel ? (spending + s.personnel() / totals[4]) / 2 : spending;
  }

  // RULES.md 2 (2.0): minimum border distance, 0 across a land border, else between capitals;
  // the scenario's own overrides win.
  private SquareMatrix distances(List<StateEntry> states) {
    int n = states.size();
    double[] d = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        var a = states.get(i).location();
        var b = states.get(j).location();
        d[i * n + j] = i == j ? 0 : World.greatCircleKm(a.lat(), a.lon(), b.lat(), b.lon());
      }
    }
    for (var o : list(f.borders())) {
      int i = index.get(o.between().get(0));
      int j = index.get(o.between().get(1));
      double km = o.contiguity() != null && o.contiguity() == 1 ? 0 : o.km();
      d[i * n + j] = km;
      d[j * n + i] = km;
    }
    for (var o : list(f.distances())) {
      int i = index.get(o.between().get(0));
      int j = index.get(o.between().get(1));
      d[i * n + j] = o.km();
      d[j * n + i] = o.km();
    }
    return SquareMatrix.wrap(n, d);
  }

  private SquareMatrix baseline(int n) {
    double def = f.defaultIntent() == null ? 0.2 : f.defaultIntent();
    double[] m = new double[n * n];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        m[j * n + i] = i == j ? 0 : def;
      }
    }
    for (var e : list(f.intent())) {
      int actor = index.get(e.actor());
      for (int j = 0; j < n; j++) {
        boolean applies = "*".equals(e.observer()) ? j != actor : j == index.get(e.observer());
        if (applies) {
          m[j * n + actor] = e.value();
        }
      }
    }
    return SquareMatrix.wrap(n, m);
  }

  private List<Alliance> alliances() {
    return list(f.alliances()).stream()
        .map(
            a ->
                new Alliance(
                    a.id(),
                    inOrder(a.members()),
                    0,
                    a.cohesion() == null ? 1.0 : a.cohesion(),
                    a.target(),
                    startBloc(a.target(), a.members()),
                    "OFFENSIVE".equals(a.kind()) ? AllianceKind.OFFENSIVE : AllianceKind.DEFENSIVE))
        .toList();
  }

  // The target's bloc in the starting alignments, not passing through the alliance's own members.
  private List<String> startBloc(String target, List<String> members) {
    return TargetBloc.of(
        target,
        list(f.alliances()).stream().map(a -> a.members()).toList(),
        list(f.clients()).stream().map(c -> new String[] {c.client(), c.patron()}).toList(),
        members);
  }

  private List<String> inOrder(List<String> ids) {
    return ids.stream().sorted(java.util.Comparator.comparingInt(index::get)).toList();
  }

  private List<ClientLink> clients() {
    return list(f.clients()).stream()
        .map(
            c ->
                new ClientLink(
                    c.client(),
                    c.patron(),
                    c.kind() == null ? BandwagonKind.DEFENSIVE : BandwagonKind.valueOf(c.kind()),
                    0))
        .toList();
  }

  private List<ScheduledEvent> events() {
    List<ScheduledEvent> out = new ArrayList<>();
    for (EventEntry e : list(f.events())) {
      out.add(
          switch (e.kind()) {
            case "CAPABILITY" -> {
              Map<String, Double> x = e.factors();
              yield new ScheduledEvent.CapabilityShock(
                  e.turn(),
                  e.text(),
                  e.state(),
                  x.getOrDefault("population", 1.0),
                  x.getOrDefault("economy", 1.0),
                  x.getOrDefault("military", 1.0),
                  x.getOrDefault("technology", 1.0));
            }
            case "INTENT" ->
                new ScheduledEvent.IntentShift(
                    e.turn(),
                    e.text(),
                    e.observer() == null || "*".equals(e.observer()) ? null : e.observer(),
                    e.actor(),
                    e.delta());
            default ->
                new ScheduledEvent.ForcedCrisis(e.turn(), e.text(), e.aggressor(), e.target());
          });
    }
    return out;
  }

  private List<Objective> objectives(StateEntry s) {
    return list(s.objectives()).stream()
        .map(
            o ->
                new Objective(
                    Objective.Kind.valueOf(o.kind()),
                    o.state(),
                    o.value() == null ? 0 : o.value(),
                    o.text()))
        .toList();
  }
}
