package org.entente.server.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.entente.server.engine.World;
import org.junit.jupiter.api.Test;

/**
 * Rules 2.0 at load time (RULES.md sections 1 and 2): military is the mean of the spending share
 * and the personnel share, and distance is the border distance, 0 across a land border, with the
 * scenario's own overrides winning.
 */
class GeographyAndMilitaryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  // The tutorial's three states (KAD, then two others), as written.
  static ObjectNode tutorial() throws Exception {
    return ScenarioValidationTest.tutorial();
  }

  static World load(ObjectNode root) throws Exception {
    return ScenarioLoader.parse("t.json", JSON.writeValueAsBytes(root)).world();
  }

  static String id(ObjectNode root, int i) {
    return root.get("states").get(i).get("id").asText();
  }

  @Test
  void militaryIsTheMeanOfTheSpendingAndPersonnelShares() throws Exception {
    ObjectNode root = tutorial();
    double[] milex = {600, 300, 100};
    double[] milper = {100, 100, 800};
    for (int i = 0; i < 3; i++) {
      ScenarioValidationTest.state(root, i).put("military", milex[i]).put("personnel", milper[i]);
    }
    World w = load(root);
    // shares of spending 0.6, 0.3, 0.1 and of personnel 0.1, 0.1, 0.8
    assertThat(w.start().get(0).military()).isCloseTo(350, offset(1e-9));
    assertThat(w.start().get(1).military()).isCloseTo(200, offset(1e-9));
    assertThat(w.start().get(2).military()).isCloseTo(450, offset(1e-9));
  }

  @Test
  void withoutPersonnelMilitaryIsSpendingAlone() throws Exception {
    ObjectNode root = tutorial();
    double[] milex = {600, 300, 100};
    for (int i = 0; i < 3; i++) {
      ScenarioValidationTest.state(root, i).put("military", milex[i]).remove("personnel");
    }
    World w = load(root);
    assertThat(w.start().get(0).military()).isCloseTo(600, offset(1e-9));
    assertThat(w.start().get(2).military()).isCloseTo(100, offset(1e-9));
  }

  @Test
  void personnelForSomeStatesOnlyIsRefusedWithThePath() throws Exception {
    ObjectNode root = tutorial();
    ScenarioValidationTest.state(root, 0).put("personnel", 10);
    ScenarioValidationTest.state(root, 1).remove("personnel");
    ScenarioValidationTest.state(root, 2).remove("personnel");
    assertThatThrownBy(() -> load(root))
        .isInstanceOfSatisfying(
            ScenarioException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p -> {
                          assertThat(p.path()).isEqualTo("$.states[1].personnel");
                          assertThat(p.message()).contains("1 of 3 states give personnel");
                        }));
  }

  @Test
  void aLandBorderIsDistanceZeroAndABorderDistanceReplacesTheCapitals() throws Exception {
    ObjectNode root = tutorial();
    root.remove("distances");
    String a = id(root, 0);
    String b = id(root, 1);
    String c = id(root, 2);
    double capitals = load(root).distance().get(0, 2);
    ArrayNode borders = root.putArray("borders");
    borders.addObject().put("km", 35).put("contiguity", 1).putArray("between").add(a).add(b);
    borders.addObject().put("km", 120).put("contiguity", 4).putArray("between").add(a).add(c);
    World w = load(root);
    assertThat(w.distance().get(0, 1)).isZero();
    assertThat(w.distance().get(1, 0)).isZero();
    assertThat(w.proximity().get(0, 1)).isEqualTo(1.0);
    assertThat(w.distance().get(0, 2)).isEqualTo(120.0);
    assertThat(capitals).isNotEqualTo(120.0);
  }

  @Test
  void theScenariosOwnOverrideWinsOverTheBorder() throws Exception {
    ObjectNode root = tutorial();
    root.remove("distances");
    String a = id(root, 0);
    String b = id(root, 1);
    root.putArray("borders")
        .addObject()
        .put("km", 0)
        .put("contiguity", 1)
        .putArray("between")
        .add(a)
        .add(b);
    ObjectNode o = root.putArray("distances").addObject();
    o.put("km", 900).put("reason", "the army stands far from the border");
    o.putArray("between").add(b).add(a);
    assertThat(load(root).distance().get(0, 1)).isEqualTo(900.0);
  }

  @Test
  void aBorderWithAnUnknownStateIsRefusedWithThePath() throws Exception {
    ObjectNode root = tutorial();
    root.putArray("borders")
        .addObject()
        .put("km", 3)
        .putArray("between")
        .add(id(root, 0))
        .add("ZZZ");
    assertThatThrownBy(() -> load(root))
        .isInstanceOfSatisfying(
            ScenarioException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(p -> assertThat(p.path()).isEqualTo("$.borders[0].between[1]")));
  }
}
