package org.entente.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.server.engine.World;
import org.entente.server.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One full game per built-in scenario (seed 42, the scenario's default bots) must reproduce the
 * turn hashes recorded in {@code src/test/resources/golden/hashes.json}. A change that moves them
 * is a change of the rules, the bots or a scenario: review it, then regenerate deliberately with
 * {@code mvn -pl server test -Dtest=GoldenGamesTest -Dentente.golden.update=true}.
 */
class GoldenGamesTest {
  static final long SEED = 42;
  static final Path FILE = Path.of("src/test/resources/golden/hashes.json");
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static List<String> scenarios() {
    return ScenarioLoader.builtinIds();
  }

  static List<String> play(String id) throws Exception {
    World w = ScenarioLoader.builtin(id).world();
    return Simulation.hashes(
        Simulation.run(w, SEED, Simulation.strategies(w, Map.of()), w.turns()));
  }

  @SuppressWarnings("unchecked")
  static Map<String, List<String>> recorded() throws Exception {
    return JSON.readValue(FILE.toFile(), Map.class);
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void aFullGameReproducesItsRecordedHashes(String id) throws Exception {
    if (Boolean.getBoolean("entente.golden.update")) {
      return; // regenerating: see regenerate()
    }
    List<String> expected = recorded().get(id);
    assertThat(expected).as("no golden hashes recorded for " + id).isNotNull();
    List<String> actual = play(id);
    for (int t = 0; t < Math.min(expected.size(), actual.size()); t++) {
      assertThat(actual.get(t))
          .as("%s: first divergent turn is %d", id, t + 1)
          .isEqualTo(expected.get(t));
    }
    assertThat(actual).hasSameSizeAs(expected);
  }

  @Test
  void regenerate() throws Exception {
    if (!Boolean.getBoolean("entente.golden.update")) {
      assertThat(recorded().keySet()).containsExactlyInAnyOrderElementsOf(scenarios());
      return;
    }
    Map<String, List<String>> all = new TreeMap<>();
    for (String id : scenarios()) {
      all.put(id, play(id));
    }
    Files.createDirectories(FILE.getParent());
    JSON.writeValue(FILE.toFile(), all);
  }
}
