package org.entente.server.engine;

import org.entente.api.Posture;

/**
 * One state as it stands at the start of a turn: capabilities in points (each capability sums to
 * 1,000 over the scenario's states at the start), fixed traits, and whether it is still in play.
 */
public record Nation(
    String id,
    String name,
    double population,
    double economy,
    double military,
    double technology,
    double offense,
    double reach,
    String ideology,
    boolean divisive,
    double openness,
    Posture posture,
    double growth,
    boolean conquered) {

  Nation withCapabilities(double pop, double eco, double mil, double tech) {
    return new Nation(
        id, name, pop, eco, mil, tech, offense, reach, ideology, divisive, openness, posture,
        growth, conquered);
  }

  Nation asConquered() {
    return new Nation(
        id, name, 0, 0, 0, 0, offense, reach, ideology, divisive, openness, posture, growth, true);
  }

  public boolean active() {
    return !conquered;
  }
}
