package org.entente.server.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that the historical scenarios' capabilities come from the Correlates of War extracts in
 * {@code scenarios/src/main/resources/data/cow} (the project's copy of the extracts), by the rules
 * of {@code scenarios/SOURCES.md}: population = tpop, economy = pec, technology = irst, military =
 * milex of the base year; a missing milex is milper times the median milex/milper ratio of the
 * scenario's other states (rounded half up); a zero or missing irst or pec is 1% of the smallest
 * positive value of that column among the scenario's states. The same rules are in {@code
 * scenarios/tools/cow_extract.py}.
 */
class CowProvenanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** COW column for each capability, in the scenario files' field names. */
  private static final Map<String, String> COLUMNS =
      orderedMap("population", "tpop", "economy", "pec", "military", "milex", "technology", "irst");

  /**
   * One historical scenario: its COW extract window, its base year, and the states that have no row
   * in the extract at all and so carry the author's documented estimates.
   */
  record Case(String id, String window, int year, Set<String> estimated) {
    @Override
    public String toString() {
      return id + " (" + year + ")";
    }
  }

  static Stream<Case> historicalScenarios() {
    return Stream.of(
        new Case("europe-1914", "europe_1900_1914", 1913, Set.of("SRB")),
        new Case("europe-1936", "europe_1935_1939", 1936, Set.of()),
        new Case("middle-east-1955", "middle_east_1955_1979", 1955, Set.of()),
        new Case("east-asia-2016", "east_asia_2010_2016", 2016, Set.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("historicalScenarios")
  void capabilitiesAreTheCowNumbersOfTheBaseYear(Case c) throws IOException {
    JsonNode scenario = readScenario(c.id());
    assertThat(scenario.path("capabilityUnits").asText())
        .as("%s names its base year in capabilityUnits", c.id())
        .contains("COW NMC 7.0")
        .contains("base year " + c.year());

    Map<String, Map<String, Double>> rows = readCowRows(c.window(), c.year());
    Map<String, JsonNode> states = new LinkedHashMap<>();
    scenario.path("states").forEach(s -> states.put(s.path("id").asText(), s));

    List<String> withRow = new ArrayList<>();
    for (String id : states.keySet()) {
      if (rows.containsKey(id)) {
        withRow.add(id);
      } else {
        assertThat(c.estimated())
            .as(
                "%s: state %s has no COW row in %d and is not a documented estimate",
                c.id(), id, c.year())
            .contains(id);
      }
    }
    assertThat(states.keySet()).as("%s: documented estimates", c.id()).containsAll(c.estimated());
    assertThat(withRow).as("%s: states with a COW row", c.id()).isNotEmpty();

    Map<String, Double> floors = new HashMap<>();
    for (String column : List.of("irst", "pec")) {
      double smallest =
          withRow.stream()
              .map(id -> rows.get(id).get(column))
              .filter(v -> v != null && v > 0)
              .mapToDouble(Double::doubleValue)
              .min()
              .orElseThrow();
      floors.put(column, smallest / 100.0);
    }

    for (String id : withRow) {
      Map<String, Double> row = rows.get(id);
      for (Map.Entry<String, String> e : COLUMNS.entrySet()) {
        double expected = expected(e.getValue(), id, row, rows, withRow, floors);
        JsonNode actual = states.get(id).path(e.getKey());
        assertThat(actual.isNumber()).as("%s %s.%s is a number", c.id(), id, e.getKey()).isTrue();
        assertThat(actual.asDouble())
            .as("%s %s.%s = COW %s of %d", c.id(), id, e.getKey(), e.getValue(), c.year())
            .isEqualTo(expected);
      }
    }
    for (String id : c.estimated()) {
      for (String capability : COLUMNS.keySet()) {
        assertThat(states.get(id).path(capability).asDouble())
            .as("%s %s.%s (documented estimate) is positive", c.id(), id, capability)
            .isPositive();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("historicalScenarios")
  void scenarioIsListedInTheIndex(Case c) throws IOException {
    List<String> index = Files.readAllLines(scenarioDir().resolve("index.txt"));
    assertThat(index).contains(c.id());
  }

  /** The value the rules give for one state and COW column. */
  private static double expected(
      String column,
      String id,
      Map<String, Double> row,
      Map<String, Map<String, Double>> rows,
      List<String> withRow,
      Map<String, Double> floors) {
    Double value = row.get(column);
    if (column.equals("milex") && value == null) {
      List<Double> ratios = new ArrayList<>();
      for (String other : withRow) {
        Double milex = rows.get(other).get("milex");
        Double milper = rows.get(other).get("milper");
        if (!other.equals(id) && milex != null && milper != null && milper > 0) {
          ratios.add(milex / milper);
        }
      }
      assertThat(ratios).as("milex/milper ratios to estimate %s", id).isNotEmpty();
      assertThat(row.get("milper")).as("milper of %s", id).isNotNull();
      return Math.floor(row.get("milper") * median(ratios) + 0.5);
    }
    if (floors.containsKey(column) && (value == null || value <= 0)) {
      return floors.get(column);
    }
    assertThat(value).as("COW %s of %s", column, id).isNotNull();
    return value;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private static Path repo() {
    String repo = System.getProperty("entente.repo");
    if (repo == null || repo.isBlank()) {
      fail("system property entente.repo (the repository root) is not set; run through Maven");
    }
    return Path.of(repo).toAbsolutePath().normalize();
  }

  private static Path scenarioDir() {
    return repo().resolve("scenarios/src/main/resources/scenarios");
  }

  private static Path cowDir() {
    // The project's own copy of the extracts (with their citations), so a fresh clone checks its
    // numbers with nothing beside it.
    Path dir = repo().resolve("scenarios/src/main/resources/data/cow").normalize();
    if (!Files.isDirectory(dir)) {
      fail(
          "the COW data directory "
              + dir
              + " is missing: the scenario numbers cannot be checked against their source.");
    }
    return dir;
  }

  private static JsonNode readScenario(String id) throws IOException {
    Path file = scenarioDir().resolve(id + ".json");
    assertThat(file).as("scenario file").exists();
    return JSON.readTree(file.toFile());
  }

  /** The NMC rows of one year, by stateabb; "NA" and empty cells are null. */
  private static Map<String, Map<String, Double>> readCowRows(String window, int year)
      throws IOException {
    Path file = cowDir().resolve("nmc70_" + window + ".csv");
    if (!Files.isRegularFile(file)) {
      fail("COW extract " + file + " is missing");
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> header = splitCsv(lines.get(0));
    Map<String, Map<String, Double>> rows = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = splitCsv(line);
      Map<String, String> cell = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        cell.put(header.get(i), cells.get(i));
      }
      if (Integer.parseInt(cell.get("year")) != year) {
        continue;
      }
      Map<String, Double> row = new HashMap<>();
      for (String column : List.of("milex", "milper", "irst", "pec", "tpop")) {
        String text = cell.get(column);
        row.put(column, text.isEmpty() || text.equals("NA") ? null : Double.parseDouble(text));
      }
      rows.put(cell.get("stateabb"), row);
    }
    assertThat(rows).as("COW rows of %d in %s", year, file).isNotEmpty();
    return rows;
  }

  /** Splits one CSV line, removing the quotes around quoted cells. */
  private static List<String> splitCsv(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (char ch : line.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString().trim());
    return cells;
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
