package org.entente.server.sim;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.api.Action;
import org.entente.api.Stance;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Games;
import org.entente.server.engine.Scoring;
import org.entente.server.engine.World;

/**
 * Writes a played game's turn reports as JSON (one document: the game, every turn, the debrief).
 */
public final class ReportJson {
  private ReportJson() {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Stance.Balance.class, name = "BALANCE"),
    @JsonSubTypes.Type(value = Stance.Bandwagon.class, name = "BANDWAGON"),
    @JsonSubTypes.Type(value = Stance.Hide.class, name = "HIDE"),
    @JsonSubTypes.Type(value = Stance.BuckPass.class, name = "BUCK_PASS")
  })
  private interface StanceMixin {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Action.Attack.class, name = "ATTACK"),
    @JsonSubTypes.Type(value = Action.Aid.class, name = "AID"),
    @JsonSubTypes.Type(value = Action.Penetrate.class, name = "PENETRATE"),
    @JsonSubTypes.Type(value = Action.Leave.class, name = "LEAVE")
  })
  private interface ActionMixin {}

  /** A mapper that writes the engine's records, with stances and actions tagged by type. */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .addMixIn(Stance.class, StanceMixin.class)
        .addMixIn(Action.class, ActionMixin.class)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** Writes {@code played} to {@code file}. */
  public static void write(
      Path file, World world, long seed, Map<String, String> strategies, Games.Played played)
      throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("scenario", world.id());
    doc.put("seed", seed);
    doc.put("strategies", strategies);
    doc.put("prologue", played.prologue());
    doc.put("turns", played.reports());
    // the alliances standing after each turn (entry k: after turn k+1), each with its target, the
    // target's bloc when it formed, and its kind
    doc.put("alliances", played.states().stream().skip(1).map(GameState::alliances).toList());
    doc.put("scores", Scoring.scores(played.last()));
    doc.put("system", Scoring.system(played.last()));
    mapper().writeValue(file.toFile(), doc);
  }
}
