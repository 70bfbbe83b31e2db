package org.entente.server.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A scenario file as written (scenario.schema.json): capabilities in source units, references by
 * state id. The player-facing texts may come with a Korean version (the fields ending in {@code
 * Ko}), which the web client shows in Korean mode; see {@link KoreanTexts}. {@link
 * ScenarioCompiler} checks it and turns it into the engine's {@code World}.
 */
public record ScenarioFile(
    @JsonProperty("$schema") String schema,
    String id,
    String name,
    String nameKo,
    String briefing,
    String briefingKo,
    Integer turns,
    Calendar calendar,
    String capabilityUnits,
    Double defaultIntent,
    Map<String, Double> parameters,
    List<StateEntry> states,
    List<DistanceEntry> distances,
    List<BorderEntry> borders,
    List<IntentEntry> intent,
    List<AllianceEntry> alliances,
    List<ClientEntry> clients,
    List<EventEntry> events,
    List<Source> sources) {

  /** How turns are labelled. */
  public record Calendar(String unit, Object start, Integer step, List<String> labels) {}

  /** One state. */
  public record StateEntry(
      String id,
      String name,
      String nameKo,
      Double population,
      Double economy,
      Double military,
      Double technology,
      Double personnel,
      Integer ccode,
      Double offense,
      Double reach,
      Location location,
      String ideology,
      Boolean divisive,
      Double openness,
      String posture,
      Double growth,
      String strategy,
      List<ObjectiveEntry> objectives,
      String privateBriefing,
      String privateBriefingKo) {}

  /** A capital's position in degrees. */
  public record Location(Double lat, Double lon) {}

  /** A scored objective. */
  public record ObjectiveEntry(String kind, String state, Double value, String text) {}

  /**
   * The minimum distance between two states' borders (cshapes) and their COW contiguity type (1: a
   * land border, which makes the distance 0).
   */
  public record BorderEntry(List<String> between, Double km, Integer contiguity) {}

  /** An override of every other distance (sea lanes, an army already in place), with a reason. */
  public record DistanceEntry(List<String> between, Double km, String reason) {}

  /** A starting perceived intent (observer "*" means every other state). */
  public record IntentEntry(String observer, String actor, Double value, String reason) {}

  /** An alliance standing at the start. */
  public record AllianceEntry(
      String id,
      List<String> members,
      Double cohesion,
      String target,
      String kind,
      String reason) {}

  /** A patron-client link standing at the start. */
  public record ClientEntry(String client, String patron, String kind) {}

  /** A scheduled inject. */
  public record EventEntry(
      Integer turn,
      String kind,
      String text,
      String textKo,
      String state,
      Map<String, Double> factors,
      String observer,
      String actor,
      Double delta,
      String aggressor,
      String target,
      String source) {}

  /** Where numbers and judgements come from. */
  public record Source(String what, String citation) {}
}
