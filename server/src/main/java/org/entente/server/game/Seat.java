package org.entente.server.game;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.Orders;

/**
 * One state's seat in a live game: played by a scenario bot, by its team of people (each with a
 * token), or by an autopilot bot the instructor handed it to. Holds the orders standing for this
 * turn and who sent them (the last submission before adjudication stands).
 */
final class Seat {
  final String state;
  private final String scenarioBot;
  private String autopilot;
  final List<String> memberTokens = new ArrayList<>();
  private Orders orders;
  private String submittedBy;
  private long submittedAt; // when (epoch ms; 0 when unknown)
  org.entente.proto.v1.TeamDraft draft; // the team's shared draft of this turn, if any
  String secret; // the join secret now standing (see JoinSecrets)

  Seat(String state, String scenarioBot) {
    this.state = state;
    this.scenarioBot = scenarioBot;
  }

  /** The strategy playing this seat now, or null when people play it. */
  String botStrategy() {
    return autopilot != null ? autopilot : scenarioBot;
  }

  /** True when the game's settings made this seat a bot's (people cannot join it). */
  boolean reservedForBot() {
    return scenarioBot != null;
  }

  boolean onAutopilot() {
    return autopilot != null;
  }

  void setAutopilot(String strategy) {
    this.autopilot = strategy;
  }

  Orders orders() {
    return orders;
  }

  String submittedBy() {
    return submittedBy;
  }

  long submittedAt() {
    return submittedAt;
  }

  void submit(Orders o, String by) {
    submit(o, by, 0);
  }

  void submit(Orders o, String by, long at) {
    this.orders = o;
    this.submittedBy = by;
    this.submittedAt = at;
  }

  void clearOrders() {
    orders = null;
    submittedBy = null;
    submittedAt = 0;
    draft = null;
  }
}
