package org.entente.server.engine;

import java.util.List;
import org.entente.api.OrderOutcome;
import org.entente.api.PlayerView.PublicStance;
import org.entente.api.Stance.StanceKind;

/**
 * Everything a turn did, as data: the stances as adjudicated, an outcome with a code and reason for
 * every order, the public events, the wars, the theory lens, each state's standing at the end of
 * the turn, the news (scheduled injects applied at the start of the next turn), and the hash of the
 * resulting state.
 */
public record TurnReport(
    int turn,
    String label,
    List<PublicStance> stances,
    List<OrderOutcome> outcomes,
    List<Event> events,
    List<War> wars,
    List<LensEntry> lens,
    List<Standing> standings,
    List<Event> news,
    String stateHash) {

  public TurnReport {
    stances = List.copyOf(stances);
    outcomes = List.copyOf(outcomes);
    events = List.copyOf(events);
    wars = List.copyOf(wars);
    lens = List.copyOf(lens);
    standings = List.copyOf(standings);
    news = List.copyOf(news);
  }

  /** The outcomes that concern {@code state}. */
  public List<OrderOutcome> outcomesOf(String state) {
    int count = 0;
    for (OrderOutcome o : outcomes) {
      count += o.state().equals(state) ? 1 : 0;
    }
    if (count == 0) {
      return List.of();
    }
    OrderOutcome[] out = new OrderOutcome[count];
    count = 0;
    for (OrderOutcome o : outcomes) {
      if (o.state().equals(state)) {
        out[count++] = o;
      }
    }
    return List.of(out);
  }

  /** A public happening of the turn, in the order it happened. */
  public record Event(EventKind kind, String text, List<String> states) {
    public Event {
      states = List.copyOf(states);
    }
  }

  /** The kinds of public happening. */
  public enum EventKind {
    INJECT,
    ALLIANCE_FORMED,
    ALLIANCE_JOINED,
    ALLIANCE_LEFT,
    ALLIANCE_DISSOLVED,
    CLIENT_LINK_FORMED,
    CLIENT_LINK_ENDED,
    CRISIS_DECLARED,
    CRISIS_DEFUSED,
    CRISIS_VOID,
    WAR,
    CONQUEST
  }

  /**
   * A crisis resolved by war: who fought on each side, the strength each side brought to the
   * target's location, the attackers' odds, the draw and its consequences.
   */
  public record War(
      String crisis,
      String aggressor,
      String target,
      List<String> attackers,
      List<String> defenders,
      double attackStrength,
      double defenceStrength,
      double attackersWinChance,
      boolean attackersWon,
      boolean conquered,
      String reason) {
    public War {
      attackers = List.copyOf(attackers);
      defenders = List.copyOf(defenders);
    }
  }

  /** A theory's prediction for a state and turn: a stance kind and, for alignment, a target. */
  public record Prediction(StanceKind kind, String target) {}

  /** The stance a state took beside the three theories' predictions. */
  public record LensEntry(
      String state,
      StanceKind actual,
      String actualTarget,
      Prediction threat,
      Prediction power,
      Prediction interests,
      boolean agreesThreat,
      boolean agreesPower,
      boolean agreesInterests) {}

  /** A state's position at the end of the turn. */
  public record Standing(
      String state,
      double power,
      double coverage,
      List<String> principalThreat,
      String patron,
      boolean conquered) {
    public Standing {
      principalThreat = List.copyOf(principalThreat);
    }
  }
}
