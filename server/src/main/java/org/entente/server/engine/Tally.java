package org.entente.server.engine;

/**
 * What the scores and the theory lens need to remember about one state over the game so far.
 *
 * @param coverageSum the sum of end-of-turn coverage over the turns played
 * @param turns turns played
 * @param autonomousTurns turns ended neither a client nor conquered
 * @param dependentLast whether the last turn ended with the state a client or conquered
 * @param dependentBefore the same for the turn before the last
 * @param attacked whether the state was ever the target of a crisis
 * @param warred whether the state ever fought in a war
 * @param balanced alignment decisions that were BALANCE
 * @param bandwagoned alignment decisions that were BANDWAGON
 * @param agreeThreat turns the stance agreed with the balance-of-threat prediction
 * @param agreePower the same for balance of power
 * @param agreeInterests the same for balance of interests
 * @param lensTurns turns the lens judged (the state was active)
 */
public record Tally(
    double coverageSum,
    int turns,
    int autonomousTurns,
    boolean dependentLast,
    boolean dependentBefore,
    boolean attacked,
    boolean warred,
    int balanced,
    int bandwagoned,
    int agreeThreat,
    int agreePower,
    int agreeInterests,
    int lensTurns) {

  /** This tally with the state marked as the target of a crisis. */
  Tally withAttacked() {
    return new Tally(
        coverageSum,
        turns,
        autonomousTurns,
        dependentLast,
        dependentBefore,
        true,
        warred,
        balanced,
        bandwagoned,
        agreeThreat,
        agreePower,
        agreeInterests,
        lensTurns);
  }

  public static final Tally EMPTY =
      new Tally(0, 0, 0, false, false, false, false, 0, 0, 0, 0, 0, 0);
}
