package org.entente.server.engine;

import java.util.List;
import org.entente.api.OrderOutcome;
import org.entente.api.PlayerView.PublicStance;
import org.entente.api.Stance.StanceKind;

/**
 * Everything a turn did, as data: the stances as adjudicated, an outcome with a code and reason for
 * every order, the public events, the wars, the theory lens, each state's standing at the end of
 * the turn, the news (scheduled injects applied at the start of the next turn), and the hash of the
 * resulting state (null from {@link Adjudicator#adjudicateUnhashed}).
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

  /**
   * A public happening of the turn, in the order it happened: its kind, its words, the states it
   * concerns and, for every happening the adjudication produces, the same as data ({@code detail};
   * null only for an inject's own announcement).
   */
  public record Event(EventKind kind, String text, List<String> states, Detail detail) {
    public Event {
      states = List.copyOf(states);
    }

    public Event(EventKind kind, String text, List<String> states) {
      this(kind, text, states, null);
    }
  }

  /** A happening as data, beside its words. */
  public sealed interface Detail permits AllianceChange, LinkChange, CrisisChange, Conquest, War {}

  /** How an alliance changed. */
  public enum AllianceChangeKind {
    FORMED,
    JOINED,
    LEFT,
    DISSOLVED
  }

  /**
   * An alliance formed, was joined or left, or dissolved. {@code states} are the states that
   * changed (the founders, the state that joined or left, every member at dissolution); {@code
   * members} are the members after the change (empty once dissolved).
   */
  public record AllianceChange(
      AllianceChangeKind change,
      String alliance,
      List<String> states,
      List<String> members,
      String target,
      org.entente.api.AllianceKind kind,
      String reason)
      implements Detail {
    public AllianceChange {
      states = List.copyOf(states);
      members = List.copyOf(members);
    }
  }

  /** A client link formed ({@code formed}) or ended. */
  public record LinkChange(boolean formed, String client, String patron, boolean offensive)
      implements Detail {}

  /** How a crisis changed short of war. */
  public enum CrisisChangeKind {
    DECLARED,
    DEFUSED,
    VOID
  }

  /**
   * A crisis declared (by an ATTACK, or forced by an inject: {@code forced}), defused or void.
   * {@code crisis} is empty for a forced crisis that was void from the start.
   */
  public record CrisisChange(
      CrisisChangeKind change,
      String crisis,
      String aggressor,
      String target,
      int resolvesTurn,
      boolean forced,
      String reason)
      implements Detail {}

  /** A state conquered in a war. */
  public record Conquest(String state, String conqueredBy, String crisis, List<String> attackers)
      implements Detail {
    public Conquest {
      attackers = List.copyOf(attackers);
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
      String reason)
      implements Detail {
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
