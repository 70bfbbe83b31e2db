package org.entente.server.chaos;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.server.sim.Simulation;

/**
 * A game the chaos run created: its scenario, each seat's strategy and its seed, which are all an
 * uninterrupted run needs to play it again, and the seats' tokens.
 */
final class ChaosGame {
  final String id;
  final Simulation.Setup setup;
  final long seed;
  final Map<String, String> tokens = new ConcurrentHashMap<>();
  volatile boolean finished;

  ChaosGame(String id, Simulation.Setup setup, long seed) {
    this.id = id;
    this.setup = setup;
    this.seed = seed;
  }
}
