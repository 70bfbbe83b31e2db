package org.entente.server.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in scenario is playable in Korean: each player-facing text that the schema gives a
 * Korean field (a property {@code xKo} beside a property {@code x}: the name, the briefing, each
 * state's name and private briefing, each scheduled event's news) has its Korean version, every
 * Korean field is written in Hangul, and a Korean text keeps every number of its English one. Which
 * fields are translatable is read from scenario.schema.json, so a Korean field added to the schema
 * later is demanded of every scenario at once. Failures name the file and the JSON path.
 */
class ScenarioKoreanCompletenessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:,\\d{3})*(?:\\.\\d+)?");

  /** A translatable text: where its objects are (e.g. "$.states[]") and its English field. */
  record Translatable(String where, String english) {
    String korean() {
      return english + "Ko";
    }
  }

  static List<String> scenarios() {
    return ScenarioLoader.builtinIds();
  }

  static JsonNode resource(String name) throws IOException {
    try (InputStream in =
        ScenarioLoader.class.getClassLoader().getResourceAsStream("scenarios/" + name)) {
      assertThat(in).as("resource scenarios/%s", name).isNotNull();
      return JSON.readTree(in);
    }
  }

  /** Every xKo/x pair of the schema, with where its objects sit in a scenario file. */
  static List<Translatable> translatables() throws IOException {
    JsonNode schema = resource("scenario.schema.json");
    List<Translatable> out = new ArrayList<>();
    collect(schema, schema, "$", out, 0);
    return out;
  }

  private static void collect(
      JsonNode schema, JsonNode node, String where, List<Translatable> out, int depth) {
    if (depth > 8) {
      return;
    }
    if (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      node = schema.at(ref.substring(1)); // "#/$defs/state" -> "/$defs/state"
    }
    if (node.has("items")) {
      collect(schema, node.get("items"), where + "[]", out, depth + 1);
      return;
    }
    JsonNode props = node.get("properties");
    if (props == null) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      String name = p.getKey();
      if (name.endsWith("Ko") && props.has(name.substring(0, name.length() - 2))) {
        out.add(new Translatable(where, name.substring(0, name.length() - 2)));
      } else {
        collect(schema, p.getValue(), where + "." + name, out, depth + 1);
      }
    }
  }

  /** The objects a template such as "$.states[]" stands for, with their concrete paths. */
  private static Map<String, JsonNode> at(JsonNode root, String where) {
    Map<String, JsonNode> nodes = new java.util.LinkedHashMap<>(Map.of("$", root));
    for (String step : where.substring(1).split("\\.")) {
      if (step.isEmpty()) {
        continue;
      }
      boolean array = step.endsWith("[]");
      String field = array ? step.substring(0, step.length() - 2) : step;
      Map<String, JsonNode> next = new java.util.LinkedHashMap<>();
      nodes.forEach(
          (path, n) -> {
            JsonNode child = n.get(field);
            if (child == null) {
              return;
            }
            if (!array) {
              next.put(path + "." + field, child);
            } else {
              for (int i = 0; i < child.size(); i++) {
                next.put(path + "." + field + "[" + i + "]", child.get(i));
              }
            }
          });
      nodes = next;
    }
    return nodes;
  }

  static boolean hasHangul(String s) {
    return s.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
  }

  private static Set<String> numbers(String s) {
    Set<String> out = new TreeSet<>();
    Matcher m = NUMBER.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  @Test
  void theSchemaNamesTheTranslatableTexts() throws IOException {
    assertThat(translatables())
        .contains(
            new Translatable("$", "name"),
            new Translatable("$", "briefing"),
            new Translatable("$.states[]", "name"),
            new Translatable("$.states[]", "privateBriefing"),
            new Translatable("$.events[]", "text"));
  }

  @Test
  void everyScenarioOfTheLibraryIsChecked() {
    assertThat(scenarios())
        .contains(
            "tutorial",
            "europe-1914",
            "europe-1936",
            "middle-east-1955",
            "east-asia-2016",
            "peloponnesian-431bc");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyPlayerFacingTextHasItsKoreanVersionInHangulWithItsNumbers(String id)
      throws IOException {
    String file = id + ".json";
    JsonNode root = resource(file);
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Translatable t : translatables()) {
      for (Map.Entry<String, JsonNode> e : at(root, t.where()).entrySet()) {
        JsonNode en = e.getValue().get(t.english());
        if (en == null || !en.isTextual() || en.asText().isBlank()) {
          continue;
        }
        checked++;
        String path = e.getKey() + "." + t.korean();
        JsonNode ko = e.getValue().get(t.korean());
        if (ko == null || !ko.isTextual() || ko.asText().isBlank()) {
          problems.add(file + " " + path + ": missing (the Korean of '" + shorten(en) + "')");
          continue;
        }
        Set<String> lost = numbers(en.asText());
        lost.removeAll(numbers(ko.asText()));
        if (!lost.isEmpty()) {
          problems.add(file + " " + path + ": lacks the English text's numbers " + lost);
        }
      }
    }
    koreanFieldsInHangul(file, root, "$", problems);
    assertThat(checked).as("%s has player-facing texts", file).isGreaterThan(3);
    assertThat(problems).as("Korean texts of %s", file).isEmpty();
  }

  /** Every field whose name ends in "Ko", anywhere in the file, has a Hangul syllable. */
  private static void koreanFieldsInHangul(
      String file, JsonNode node, String path, List<String> problems) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              f -> {
                String p = path + "." + f.getKey();
                if (f.getKey().endsWith("Ko")
                    && !(f.getValue().isTextual() && hasHangul(f.getValue().asText()))) {
                  problems.add(file + " " + p + ": not written in Korean (no Hangul)");
                }
                koreanFieldsInHangul(file, f.getValue(), p, problems);
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        koreanFieldsInHangul(file, node.get(i), path + "[" + i + "]", problems);
      }
    }
  }

  private static String shorten(JsonNode en) {
    String s = en.asText();
    return s.length() <= 50 ? s : s.substring(0, 50) + "…";
  }
}
