package org.entente.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.entente.api.OrderSyntax;
import org.entente.client.wire.Wire;
import org.entente.server.engine.Adjudicator;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Games;
import org.entente.server.engine.Views;
import org.entente.server.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The web order form refuses exactly the orders the server refuses: the form's checks (run by
 * Node.js on {@code web/js/orders.js}) and the engine's {@code Adjudicator.check} are given the
 * same view and the same orders, and must agree on which are valid.
 */
class OrderFormChecksTest {
  private static final Path E2E =
      Path.of(System.getProperty("entente.repo", "..")).resolve("server/src/test/e2e");

  // Lennmark in the tutorial's first turn (no alliances yet).
  private static final List<String> TUTORIAL_LEN =
      List.of(
          "BALANCE KAD 0.1 OST",
          "BALANCE KAD 0.3",
          "BALANCE KAD 0.5",
          "BALANCE KAD -0.1",
          "BALANCE LEN 0.1",
          "BALANCE XYZ 0.1",
          "BALANCE KAD 0.1 OST,OST",
          "BALANCE KAD 0.1 LEN",
          "BANDWAGON KAD",
          "BANDWAGON KAD OFFENSIVE",
          "BANDWAGON LEN",
          "HIDE",
          "HIDE; ATTACK KAD",
          "HIDE; AID OST 5",
          "HIDE; PENETRATE KAD",
          "BUCK_PASS KAD OST",
          "BUCK_PASS KAD KAD",
          "BALANCE KAD 0.1; AID OST 5",
          "BALANCE KAD 0.1; AID OST 50",
          "BALANCE KAD 0.1; AID OST 0",
          "BALANCE KAD 0.1; AID OST 10; AID OST 10",
          "BALANCE KAD 0.1; ATTACK KAD; PENETRATE OST",
          "BALANCE KAD 0.1; ATTACK KAD; ATTACK KAD",
          "BALANCE KAD 0.1; ATTACK LEN",
          "BALANCE KAD 0.1; LEAVE a9");

  // France in 1914, allied with Russia from the start.
  private static final List<String> EUROPE_FRN =
      List.of(
          "BALANCE GMY 0.1 RUS",
          "BALANCE GMY 0.1; LEAVE franco-russian-alliance",
          "BALANCE GMY 0.1; LEAVE triple-alliance",
          "BALANCE GMY 0.1; LEAVE franco-russian-alliance; ATTACK RUS",
          "HIDE; LEAVE franco-russian-alliance",
          "BALANCE GMY 0.1; AID SRB 20",
          "BALANCE GMY 0.1; AID SRB 2000");

  @Test
  void theFormAndTheServerRefuseTheSameOrders() throws Exception {
    List<String> disagreements = new ArrayList<>();
    disagreements.addAll(compare("tutorial", "LEN", TUTORIAL_LEN));
    disagreements.addAll(compare("europe-1914", "FRN", EUROPE_FRN));
    assertThat(disagreements).isEmpty();
  }

  /** The cases on which the form and the server disagree, each saying who refuses what. */
  private static List<String> compare(String scenario, String state, List<String> lines)
      throws Exception {
    GameState start = Games.start(ScenarioLoader.builtin(scenario).world()).state();
    JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
    String view = printer.print(Wire.view(Views.of(start, null, state)).build());
    List<String> cases = new ArrayList<>();
    List<List<String>> server = new ArrayList<>();
    for (String line : lines) {
      var orders = OrderSyntax.parse(line);
      cases.add(printer.print(Wire.orders(orders)));
      server.add(Adjudicator.check(start, state, orders));
    }
    assertThat(server).as("the cases hold valid and invalid orders").anyMatch(List::isEmpty);
    assertThat(server).anyMatch(p -> !p.isEmpty());
    String input = "{\"view\":" + view + ",\"cases\":[" + String.join(",", cases) + "]}";
    JsonNode answers = new ObjectMapper().readTree(runNode(input));
    assertThat(answers.size()).isEqualTo(lines.size());
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      boolean formValid = answers.get(i).isEmpty();
      if (formValid != server.get(i).isEmpty()) {
        disagreements.add(
            scenario
                + " "
                + state
                + " "
                + lines.get(i)
                + ": form "
                + (formValid ? "accepts" : "refuses " + answers.get(i))
                + ", server "
                + (server.get(i).isEmpty() ? "accepts" : "refuses " + server.get(i)));
      }
    }
    return disagreements;
  }

  private static String runNode(String input) throws Exception {
    Process p;
    try {
      p =
          new ProcessBuilder("node", "validate.mjs")
              .directory(E2E.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
    } catch (java.io.IOException e) {
      throw new AssertionError(
          "node is not installed or not on the PATH (Debian: apt-get install nodejs)", e);
    }
    try (var in = p.getOutputStream()) {
      in.write(input.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
    assertThat(p.exitValue()).as("node validate.mjs: %s", out).isZero();
    return out;
  }
}
