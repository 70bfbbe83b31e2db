package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.entente.api.OrderOutcome;
import org.entente.api.OutcomeCode;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The refusal codes are a stable contract: each is unique, documented for client authors, and
 * produced by some condition in the server; every engine outcome code survives the wire.
 */
class ErrorCodesTest {
  static final Path REPO = Path.of(System.getProperty("entente.repo", ".."));

  static Set<ErrorCode> codes() {
    return Stream.of(ErrorCode.values())
        .filter(c -> c != ErrorCode.UNRECOGNIZED && c != ErrorCode.ERROR_CODE_UNSPECIFIED)
        .collect(Collectors.toSet());
  }

  @Test
  void everyCodeHasItsOwnNumber() {
    Set<Integer> numbers = new HashSet<>();
    for (ErrorCode c : codes()) {
      assertThat(numbers.add(c.getNumber())).as(c + " shares its number").isTrue();
    }
    assertThat(ErrorCode.getDescriptor().getOptions().getAllowAlias()).isFalse();
  }

  @Test
  void everyCodeIsDocumentedForClientAuthors() throws IOException {
    String doc = Files.readString(REPO.resolve("docs/protocol.md"));
    for (ErrorCode c : codes()) {
      assertThat(doc).as("docs/protocol.md mentions " + c).contains("`" + c.name() + "`");
    }
  }

  @Test
  void everyCodeIsProducedBySomeConditionInTheServer() throws IOException {
    String sources;
    try (Stream<Path> files = Files.walk(REPO.resolve("server/src/main/java"))) {
      sources =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .map(ErrorCodesTest::read)
              .collect(Collectors.joining("\n"));
    }
    for (ErrorCode c : codes()) {
      assertThat(sources).as(c + " is never sent by the server").contains("ErrorCode." + c.name());
    }
  }

  @Test
  void everyEngineOutcomeCodeCrossesTheWireIntact() {
    for (OutcomeCode code : OutcomeCode.values()) {
      Outcome wire = Wire.outcome(new OrderOutcome("A", "stance", code, "why"));
      assertThat(OutcomeCode.valueOf(wire.getCode())).isEqualTo(code);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
