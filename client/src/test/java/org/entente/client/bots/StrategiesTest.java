package org.entente.client.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrategiesTest {

  @Test
  void namesListsTheSevenStrategiesReferenceFirst() {
    assertThat(Strategies.names())
        .containsExactly(
            "threat-balancer",
            "power-balancer",
            "bandwagoner",
            "hider",
            "buck-passer",
            "opportunist",
            "random");
  }

  @Test
  void createMakesABotOfEachNameThatReportsThatName() {
    for (String name : Strategies.names()) {
      assertThat(Strategies.create(name).name()).isEqualTo(name);
    }
  }

  @Test
  void createRejectsAnUnknownNameAndListsTheKnownOnes() {
    assertThatThrownBy(() -> Strategies.create("appeaser"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("appeaser")
        .hasMessageContaining("threat-balancer")
        .hasMessageContaining("random");
  }

  @Test
  void createRejectsNull() {
    assertThatThrownBy(() -> Strategies.create(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("known strategies");
  }
}
