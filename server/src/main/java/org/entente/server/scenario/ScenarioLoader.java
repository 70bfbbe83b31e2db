package org.entente.server.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.entente.server.engine.World;

/**
 * Reads scenario files: the built-in library (packaged by the {@code scenarios} module) or any file
 * on disk. A file is checked against the JSON Schema first (unknown fields, types, ranges), then
 * for meaning (references, sums, turns); every problem is reported with the file and JSON path.
 */
public final class ScenarioLoader {
  private static final String ROOT = "scenarios/";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final JsonSchema SCHEMA = loadSchema();

  private ScenarioLoader() {}

  /** The ids of the built-in scenarios, in library order. */
  public static List<String> builtinIds() {
    try (InputStream in = resource("index.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A built-in scenario, parsed and checked. */
  public static Loaded builtin(String id) throws ScenarioException {
    if (!builtinIds().contains(id)) {
      throw new ScenarioException(
          List.of(
              new ScenarioProblem(
                  id, "$", "no built-in scenario '" + id + "'; known: " + builtinIds())));
    }
    try (InputStream in = resource(id + ".json")) {
      return parse(id + ".json", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final java.util.Map<String, KoreanTexts> KOREAN =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The Korean texts of built-in scenario {@code id} (read once), or {@link KoreanTexts#NONE} for
   * any other id (a scenario file from disk carries its own, in {@link Loaded#file()}).
   */
  public static KoreanTexts korean(String id) {
    if (!builtinIds().contains(id)) {
      return KoreanTexts.NONE;
    }
    return KOREAN.computeIfAbsent(
        id,
        k -> {
          try {
            return KoreanTexts.of(builtin(k).file());
          } catch (ScenarioException e) {
            throw new IllegalStateException(
                "built-in scenario " + k + " is broken: " + e.getMessage(), e);
          }
        });
  }

  /** A scenario file on disk. */
  public static Loaded file(Path path) throws ScenarioException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ScenarioException(
          List.of(new ScenarioProblem(path.toString(), "$", "cannot read: " + e.getMessage())));
    }
    return parse(path.toString(), bytes);
  }

  /** A built-in id, or else a path to a file. */
  public static Loaded resolve(String idOrFile) throws ScenarioException {
    return builtinIds().contains(idOrFile) ? builtin(idOrFile) : file(Path.of(idOrFile));
  }

  /** A parsed, checked scenario: the file as written and the engine's world. */
  public record Loaded(String source, ScenarioFile file, World world) {}

  /** Parses and checks the bytes of a scenario named {@code source} (for messages). */
  public static Loaded parse(String source, byte[] bytes) throws ScenarioException {
    JsonNode tree;
    try {
      tree = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where =
          loc == null ? "$" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new ScenarioException(
          List.of(new ScenarioProblem(source, where, "not valid JSON: " + e.getOriginalMessage())));
    } catch (IOException e) {
      // bytes in no encoding JSON allows (Jackson guesses UTF-16/32 from the first bytes)
      throw new ScenarioException(
          List.of(
              new ScenarioProblem(
                  source, "$", "not valid JSON (not UTF-8 text): " + e.getMessage())));
    }
    if (tree == null || !tree.isObject()) {
      throw new ScenarioException(
          List.of(new ScenarioProblem(source, "$", "a scenario must be a JSON object")));
    }
    List<ScenarioProblem> problems = schemaProblems(source, tree);
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    ScenarioFile file;
    try {
      file = JSON.treeToValue(tree, ScenarioFile.class);
    } catch (JsonProcessingException e) {
      throw new ScenarioException(
          List.of(
              new ScenarioProblem(
                  source, "$", "does not match the format: " + e.getOriginalMessage())));
    }
    return new Loaded(source, file, ScenarioCompiler.compile(source, file));
  }

  private static List<ScenarioProblem> schemaProblems(String source, JsonNode tree) {
    List<ScenarioProblem> out = new ArrayList<>();
    for (ValidationMessage m : SCHEMA.validate(tree)) {
      String path = m.getInstanceLocation().toString();
      String text = m.getMessage();
      // networknt prefixes the message with the path; keep the message only
      int colon = text.indexOf(": ");
      if (colon > 0 && text.startsWith("$")) {
        text = text.substring(colon + 2);
      }
      out.add(new ScenarioProblem(source, path, text));
    }
    out.sort(Comparator.comparing(ScenarioProblem::path).thenComparing(ScenarioProblem::message));
    return out;
  }

  private static InputStream resource(String name) {
    InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(ROOT + name);
    if (in == null) {
      throw new IllegalStateException(
          "missing resource " + ROOT + name + " (scenarios jar not on the classpath?)");
    }
    return in;
  }

  private static JsonSchema loadSchema() {
    try (InputStream in = resource("scenario.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
