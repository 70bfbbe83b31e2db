package org.entente.client.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrategiesTest {

  @Test
  void namesListsTheTenStrategiesReferenceFirst() {
    assertThat(Strategies.names())
        .containsExactly(
            "threat-balancer",
            "power-balancer",
            "bandwagoner",
            "hider",
            "buck-passer",
            "opportunist",
            "random",
            "reciprocator",
            "chain-gang-averse",
            "coalition-builder");
  }

  @Test
  void everyStrategyHasADescriptionAndReadsItsSeatAndTheStates() {
    for (StrategyInfo info : Strategies.all()) {
      assertThat(info.summary()).as(info.name()).isNotBlank().doesNotContain("\n");
      assertThat(info.reads()).as(info.name()).containsAll(ViewPart.core());
      assertThat(Strategies.info(info.name())).isSameAs(info);
    }
    assertThat(Strategies.all().stream().filter(StrategyInfo::adaptive).map(StrategyInfo::name))
        .containsExactly("reciprocator", "chain-gang-averse", "coalition-builder");
  }

  @Test
  void viewPartsNameEveryPartOfThePlayerViewInConstructorOrder() throws Exception {
    // every part has an accessor of its name, and the constructor takes the parts in this order
    var constructors = org.entente.api.PlayerView.class.getConstructors();
    assertThat(constructors).hasSize(1);
    Class<?>[] params = constructors[0].getParameterTypes();
    assertThat(params).hasSize(ViewPart.values().length);
    for (ViewPart part : ViewPart.values()) {
      String camel =
          java.util.regex.Pattern.compile("_([a-z])")
              .matcher(part.name().toLowerCase(java.util.Locale.ROOT))
              .replaceAll(m -> m.group(1).toUpperCase(java.util.Locale.ROOT));
      var accessor = org.entente.api.PlayerView.class.getMethod(camel);
      assertThat(accessor.getReturnType()).as(part.name()).isEqualTo(params[part.ordinal()]);
    }
  }

  @Test
  void createMakesAFreshBotEachTime() {
    for (String name : Strategies.names()) {
      assertThat(Strategies.create(name)).isNotSameAs(Strategies.create(name));
    }
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
