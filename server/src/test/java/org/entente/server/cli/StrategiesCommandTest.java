package org.entente.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.entente.client.bots.Strategies;
import org.junit.jupiter.api.Test;

/** {@code entente strategies} as a user runs it. */
class StrategiesCommandTest {

  @Test
  void listsEveryStrategyWithItsDescriptionAndWhatItReads() {
    LauncherTest.Run r = LauncherTest.run("strategies");

    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Arrays.asList(r.out().split("\\R"));
    assertThat(lines).hasSize(2 * Strategies.names().size());
    for (int i = 0; i < Strategies.names().size(); i++) {
      String name = Strategies.names().get(i);
      assertThat(lines.get(2 * i)).startsWith(name + " ").contains(Strategies.info(name).summary());
      assertThat(lines.get(2 * i + 1)).contains("reads: ").contains("self", "nations", "rules");
    }
    assertThat(r.out())
        .contains("reciprocator", "chain-gang-averse", "coalition-builder")
        .contains("adaptive (remembers earlier turns)");
  }

  @Test
  void showsOnlyTheNamedStrategies() {
    LauncherTest.Run r = LauncherTest.run("strategies", "hider");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("hider  ")
        .contains("reads: self, nations, alliances, principal-leader, rules")
        .doesNotContain("threat-balancer");
  }

  @Test
  void anUnknownNameIsAUsageErrorNamingTheKnownOnes() {
    LauncherTest.Run r = LauncherTest.run("strategies", "appeaser");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown strategy 'appeaser'", "threat-balancer", "reciprocator");
  }
}
