package org.entente.client.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.api.OrderOutcome;
import org.entente.api.OutcomeCode;
import org.entente.proto.v1.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Outcome codes on the wire: every engine code has its OutcomeCode enum value (OUTCOME_ + name) and
 * one documented meaning in docs/protocol.md, and every enum value is an engine code.
 */
class OutcomeCodesTest {
  static final Path PROTOCOL_MD = Path.of("../docs/protocol.md");

  @Test
  void everyEngineCodeGoesOnTheWireAsItsEnumBesideItsName() {
    for (OutcomeCode code : OutcomeCode.values()) {
      Outcome o = Wire.outcome(new OrderOutcome("LEN", "stance", code, "why"));
      assertThat(o.getCode()).isEqualTo(code.name());
      assertThat(o.getCodeEnum().name()).isEqualTo("OUTCOME_" + code.name());
    }
    List<String> enumNames = new ArrayList<>();
    for (org.entente.proto.v1.OutcomeCode w : org.entente.proto.v1.OutcomeCode.values()) {
      if (w != org.entente.proto.v1.OutcomeCode.UNRECOGNIZED
          && w != org.entente.proto.v1.OutcomeCode.OUTCOME_CODE_UNSPECIFIED) {
        enumNames.add(w.name().substring("OUTCOME_".length()));
      }
    }
    List<String> engine = new ArrayList<>();
    for (OutcomeCode c : OutcomeCode.values()) {
      engine.add(c.name());
    }
    assertThat(enumNames).containsExactlyInAnyOrderElementsOf(engine);
  }

  @Test
  void everyCodeHasOneMeaningInTheProtocolDocument() throws Exception {
    String doc = Files.readString(PROTOCOL_MD);
    int start = doc.indexOf("## Outcome codes");
    assertThat(start).as("docs/protocol.md has a section 'Outcome codes'").isPositive();
    String section = doc.substring(start);
    Matcher m = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\| (.+) \\|$").matcher(section);
    Map<String, String> meanings = new LinkedHashMap<>();
    while (m.find()) {
      assertThat(meanings.put(m.group(1), m.group(2)))
          .as("documented twice: " + m.group(1))
          .isNull();
    }
    List<String> engine = new ArrayList<>();
    for (OutcomeCode c : OutcomeCode.values()) {
      engine.add(c.name());
    }
    assertThat(meanings.keySet()).containsExactlyElementsOf(engine);
    meanings.forEach((code, meaning) -> assertThat(meaning.length()).as(code).isGreaterThan(20));
  }
}
