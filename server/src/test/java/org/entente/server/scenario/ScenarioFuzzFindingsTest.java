package org.entente.server.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Inputs the scenario fuzzer ({@link ScenarioParserFuzzTest}) found, kept as plain tests. */
class ScenarioFuzzFindingsTest {

  /**
   * Five bytes that Jackson takes for UCS-4 text of an unsupported byte order threw an
   * UncheckedIOException out of the parser (and out of `entente scenarios validate`) instead of a
   * problem naming the file.
   */
  @Test
  void bytesInNoJsonEncodingAreAProblemNotACrash() {
    byte[] bytes = {0x00, 0x00, (byte) 0xf7, 0x00, 0x04};
    assertThatThrownBy(() -> ScenarioLoader.parse("odd.json", bytes))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("odd.json")
        .hasMessageContaining("not valid JSON (not UTF-8 text)");
  }
}
