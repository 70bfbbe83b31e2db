package org.entente.server.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the scenario parser and compiler. The fuzzer starts from the tutorial
 * scenario and changes values anywhere in it (numbers out of range, wrong types, empty or missing
 * lists and objects, odd strings), or gives raw bytes: the result is a scenario or a {@link
 * ScenarioException} listing problems with their place, never another exception.
 */
class ScenarioParserFuzzTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNode TUTORIAL = tutorial();

  static JsonNode tutorial() {
    try (InputStream in =
        ScenarioParserFuzzTest.class
            .getClassLoader()
            .getResourceAsStream("scenarios/tutorial.json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "6s")
  void scenariosCompileOrNameTheirProblems(FuzzedDataProvider data) throws IOException {
    byte[] bytes;
    if (data.consumeBoolean()) {
      JsonNode tree = TUTORIAL.deepCopy();
      int changes = data.consumeInt(1, 4);
      for (int i = 0; i < changes; i++) {
        change(tree, data);
      }
      bytes = JSON.writeValueAsBytes(tree);
    } else {
      bytes = data.consumeRemainingAsBytes();
    }
    try {
      ScenarioLoader.Loaded loaded = ScenarioLoader.parse("fuzz.json", bytes);
      assertThat(loaded).isNotNull();
    } catch (ScenarioException e) {
      assertThat(e.getMessage()).as("the problems are listed").isNotBlank();
      assertThat(e.getMessage()).contains("fuzz.json");
    }
  }

  // Replaces one value of the tree (an object field or an array element) with a fuzzed one, or
  // removes it.
  private static void change(JsonNode tree, FuzzedDataProvider data) {
    List<JsonNode> containers = new ArrayList<>();
    collect(tree, containers);
    JsonNode parent = containers.get(data.consumeInt(0, containers.size() - 1));
    JsonNode value = value(data);
    if (parent instanceof ObjectNode o && o.size() > 0) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      String name = names.get(data.consumeInt(0, names.size() - 1));
      if (value == null) {
        o.remove(name);
      } else {
        o.set(name, value);
      }
    } else if (parent instanceof ArrayNode a && a.size() > 0) {
      int at = data.consumeInt(0, a.size() - 1);
      if (value == null) {
        a.remove(at);
      } else {
        a.set(at, value);
      }
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.forEach(child -> collect(child, out));
    }
  }

  private static JsonNode value(FuzzedDataProvider data) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (data.consumeInt(0, 9)) {
      case 0 -> null;
      case 1 -> f.numberNode(data.consumeInt());
      case 2 -> f.numberNode(data.consumeDouble());
      case 3 -> f.numberNode(data.consumeLong());
      case 4 -> f.textNode(data.consumeString(20));
      case 5 -> f.booleanNode(data.consumeBoolean());
      case 6 -> f.arrayNode();
      case 7 -> f.objectNode();
      case 8 -> f.nullNode();
      default -> f.numberNode(data.consumeInt(-3, 3));
    };
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
