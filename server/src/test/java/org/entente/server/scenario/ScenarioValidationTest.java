package org.entente.server.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.entente.server.engine.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in scenario loads; each kind of mistake is reported with its JSON path. */
class ScenarioValidationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode tutorial() throws IOException {
    try (InputStream in =
        ScenarioLoader.class.getClassLoader().getResourceAsStream("scenarios/tutorial.json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  static ObjectNode state(ObjectNode root, int i) {
    return (ObjectNode) root.get("states").get(i);
  }

  @Test
  void theKoreanTextsOfABuiltInScenarioReachItsKoreanTexts() {
    KoreanTexts ko = ScenarioLoader.korean("europe-1914");
    assertThat(ko.name()).isEqualTo("유럽, 1914년 7월");
    assertThat(ko.stateNames()).containsEntry("FRN", "프랑스 공화국").hasSize(20);
    assertThat(ko.privateBriefings()).hasSize(20);
    assertThat(
            ko.news(
                "The German warships Goeben and Breslau escape to the Dardanelles and are"
                    + " 'sold' to the Ottoman navy, which now outguns Russia's Black Sea Fleet."))
        .contains("괴벤");
    assertThat(ScenarioLoader.korean("no-such-scenario")).isSameAs(KoreanTexts.NONE);
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        mistake("an unknown top-level field", r -> r.put("colour", "red"), "$", "colour"),
        mistake(
            "a Korean briefing written in English",
            r -> r.put("briefingKo", "Three invented states"),
            "$.briefingKo",
            "must be written in Korean"),
        mistake(
            "a Korean state name written in English",
            r -> state(r, 2).put("nameKo", "Ostvald"),
            "$.states[2].nameKo",
            "must be written in Korean"),
        mistake(
            "a Korean event text written in English",
            r -> ((ObjectNode) r.get("events").get(1)).put("textKo", "Troops cross"),
            "$.events[1].textKo",
            "must be written in Korean"),
        mistake(
            "a Korean text under a misspelt field",
            r -> r.put("briefing_ko", "세 나라"),
            "$",
            "briefing_ko"),
        mistake(
            "an empty Korean private briefing",
            r -> state(r, 0).put("privateBriefingKo", ""),
            "$.states[0].privateBriefingKo",
            ""),
        mistake(
            "an unknown field in a state", r -> state(r, 1).put("army", 3), "$.states[1]", "army"),
        mistake(
            "intent outside [0,1]",
            r -> ((ObjectNode) r.get("intent").get(0)).put("value", 1.5),
            "$.intent[0].value",
            "1"),
        mistake(
            "power weights not summing to 1",
            r -> r.putObject("parameters").put("weightPopulation", 0.5),
            "$.parameters",
            "sum to 1"),
        mistake(
            "an unknown parameter",
            r -> r.putObject("parameters").put("defenceAdvantage", 2.0),
            "$.parameters.defenceAdvantage",
            "unknown parameter"),
        mistake(
            "duplicate state ids",
            r -> state(r, 1).put("id", "KAD"),
            "$.states[1].id",
            "duplicate state id 'KAD'"),
        mistake(
            "an unknown state in an alliance",
            r -> {
              ObjectNode a = r.putArray("alliances").addObject();
              a.put("id", "pact").put("target", "ZZY").put("reason", "a test");
              a.set("members", JSON.createArrayNode().add("KAD").add("ZZZ"));
            },
            "$.alliances[0].members[1]",
            "unknown state id 'ZZZ'"),
        mistake(
            "an alliance without a target (rules 2.0)",
            r ->
                r.putArray("alliances")
                    .addObject()
                    .put("id", "pact")
                    .put("reason", "a test")
                    .set("members", JSON.createArrayNode().add("KAD").add("ZZZ")),
            "$.alliances[0]",
            "target"),
        mistake(
            "an event after the last turn",
            r -> ((ObjectNode) r.get("events").get(0)).put("turn", 99),
            "$.events[0].turn",
            "after the last turn"),
        mistake("a missing required field", r -> r.remove("briefing"), "$", "briefing"),
        mistake(
            "offense above 1", r -> state(r, 0).put("offense", 1.2), "$.states[0].offense", "1"),
        mistake("a wrong type", r -> r.put("turns", "eight"), "$.turns", "integer"),
        mistake(
            "a malformed month",
            r -> ((ObjectNode) r.get("calendar")).put("unit", "month").put("start", "July 1914"),
            "$.calendar.start",
            "YYYY-MM"),
        mistake(
            "an objective missing its state",
            r -> ((ObjectNode) state(r, 0).get("objectives").get(0)).remove("state"),
            "$.states[0].objectives[0].state",
            "needs a state"),
        mistake(
            "an unknown intent actor",
            r -> ((ObjectNode) r.get("intent").get(0)).put("actor", "XYZ"),
            "$.intent[0].actor",
            "unknown state id 'XYZ'"),
        mistake(
            "an unknown posture",
            r -> state(r, 2).put("posture", "aggressive"),
            "$.states[2].posture",
            "enum"),
        mistake(
            "a client of itself",
            r -> r.putArray("clients").addObject().put("client", "LEN").put("patron", "LEN"),
            "$.clients[0]",
            "own patron"));
  }

  static Arguments mistake(String what, Consumer<ObjectNode> edit, String path, String message) {
    return Arguments.of(what, edit, path, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void eachMistakeIsReportedWithFileAndPath(
      String what, Consumer<ObjectNode> edit, String path, String message) throws Exception {
    ObjectNode root = tutorial();
    edit.accept(root);
    byte[] bytes = JSON.writeValueAsBytes(root);
    assertThatThrownBy(() -> ScenarioLoader.parse("broken.json", bytes))
        .isInstanceOfSatisfying(
            ScenarioException.class,
            e ->
                assertThat(e.problems())
                    .as(what + ": " + e.problems())
                    .anySatisfy(
                        p -> {
                          assertThat(p.file()).isEqualTo("broken.json");
                          assertThat(p.path()).isEqualTo(path);
                          assertThat(p.message()).contains(message);
                        }));
  }

  @Test
  void severalMistakesAreAllReported() throws Exception {
    ObjectNode root = tutorial();
    state(root, 0).put("offense", 2.0);
    ((ObjectNode) root.get("intent").get(0)).put("value", -1.0);
    root.put("colour", "red");
    ScenarioException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ScenarioException.class,
            () -> ScenarioLoader.parse("x.json", JSON.writeValueAsBytes(root)));
    assertThat(e.problems())
        .extracting(ScenarioProblem::path)
        .contains("$", "$.states[0].offense", "$.intent[0].value");
  }

  @Test
  void invalidJsonNamesLineAndColumn() {
    byte[] bytes = "{\n  \"id\": \"x\",\n  \"name\": \n}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ScenarioLoader.parse("bad.json", bytes))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("bad.json: line 4")
        .hasMessageContaining("not valid JSON");
  }

  static List<String> builtins() {
    return ScenarioLoader.builtinIds();
  }

  @ParameterizedTest
  @MethodSource("builtins")
  void everyBuiltInScenarioLoads(String id) throws Exception {
    World w = ScenarioLoader.builtin(id).world();
    assertThat(w.id()).isEqualTo(id);
    assertThat(w.labels()).hasSize(w.turns());
    double[] totals = new double[4];
    w.start()
        .forEach(
            n -> {
              totals[0] += n.population();
              totals[1] += n.economy();
              totals[2] += n.military();
              totals[3] += n.technology();
            });
    for (double t : totals) {
      assertThat(t).isCloseTo(1000.0, org.assertj.core.data.Offset.offset(1e-6));
    }
    assertThat(w.privateBriefings()).allSatisfy(b -> assertThat(b).isNotBlank());
    assertThat(w.briefing()).isNotBlank();
  }

  @Test
  void theLibraryHasTheScenariosTheIssueAsksFor() throws Exception {
    assertThat(builtins())
        .contains(
            "tutorial",
            "peloponnesian-431bc",
            "europe-1914",
            "europe-1936",
            "middle-east-1955",
            "east-asia-2016");
    assertThat(ScenarioLoader.builtin("tutorial").world().size()).isEqualTo(3);
    assertThat(ScenarioLoader.builtin("tutorial").world().turns()).isEqualTo(8);
    assertThat(ScenarioLoader.builtin("europe-1936").world().size()).isGreaterThanOrEqualTo(15);
    World me = ScenarioLoader.builtin("middle-east-1955").world();
    assertThat(me.label(me.turns())).isEqualTo("1979");
    assertThat(me.start()).extracting(n -> n.id()).contains("USA", "RUS");
    World pel = ScenarioLoader.builtin("peloponnesian-431bc").world();
    for (String city :
        List.of("Athens", "Sparta", "Corinth", "Corcyra", "Melos", "Mytilene", "Thebes", "Argos")) {
      assertThat(pel.start()).as(city).anySatisfy(n -> assertThat(n.name()).startsWith(city));
    }
  }

  @Test
  void anUnknownBuiltInIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> ScenarioLoader.builtin("atlantis"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("no built-in scenario 'atlantis'")
        .hasMessageContaining("tutorial");
  }

  @Test
  void turnLabelsFollowTheCalendar() {
    assertThat(TurnCalendar.labels(new ScenarioFile.Calendar("year", -431, 1, null), 3))
        .containsExactly("431 BC", "430 BC", "429 BC");
    assertThat(TurnCalendar.labels(new ScenarioFile.Calendar("season", -431, 1, null), 3))
        .containsExactly("431 BC, summer", "431 BC, winter", "430 BC, summer");
    assertThat(TurnCalendar.labels(new ScenarioFile.Calendar("month", "1914-11", 1, null), 3))
        .containsExactly("November 1914", "December 1914", "January 1915");
    assertThat(TurnCalendar.labels(new ScenarioFile.Calendar("day", "1914-07-30", 1, null), 3))
        .containsExactly("30 July 1914", "31 July 1914", "1 August 1914");
    assertThat(TurnCalendar.labels(new ScenarioFile.Calendar("month", "1936-03", 3, null), 2))
        .containsExactly("March 1936", "June 1936");
  }
}
