package org.entente.server.engine;

/**
 * Every rule constant, named, with the defaults of RULES.md 2.0 (see docs/rules.md for what each
 * means and why it has its value). A scenario overrides any of them by name.
 */
public record Params(
    // section 2: threat
    double weightPopulation,
    double weightEconomy,
    double weightMilitary,
    double weightTechnology,
    double exponentPower,
    double exponentProximity,
    double exponentOffense,
    double exponentIntent,
    double intentFloor,
    double defenseAdvantage,
    // section 3: stances and actions
    double maxInternalEffort,
    double internalConversion,
    double internalGrowthPenalty,
    double tributeRate,
    double hideGrowthBonus,
    double buckPassGrowthBonus,
    double buckPassCohesionPenalty,
    double aidMaxShare,
    double penetrationChance,
    double penetrationDiscovery,
    double penetrationIntentDrop,
    double penetrationIntentRise,
    // section 3a: alliances
    double joinQuorum,
    double allianceWane,
    double ideologyCohesion,
    // section 4: economy
    double growth,
    double upkeep,
    double populationGrowth,
    // section 5: crises and wars
    double warExponent,
    double warLossRate,
    double spoilsShare,
    double conquestRatio,
    double reparationShare,
    double abandonmentPenalty,
    double cohesionRecovery,
    double dissolutionThreshold,
    // section 6: perception
    double attackIntentRise,
    double attackIntentMultiplier,
    double securityDilemma,
    double aidPerceptionDrop,
    double divisiveFactor,
    double intentDrift,
    double hideDriftMultiplier,
    double reputationRate,
    double misperceptionSigma,
    double ideologyAffinity,
    // section 7: scores and lens
    double scoreSurvival,
    double scoreSecurity,
    double scoreAutonomy,
    double scorePower,
    double scoreObjectives,
    double powerRatioCap,
    double hegemonShare,
    double weakShare,
    double lensAllyReach,
    double lensSecureCoverage) {

  /** RULES.md 2.0's defaults. */
  public static final Params DEFAULTS =
      new Params(
          0.2, 0.3, 0.3, 0.2, // weights
          1, 1, 1, 1, // exponents a, b, c, e
          0.05, // intent floor
          1.5, // defense advantage
          0.3, 0.5, 0.25, // internal balancing
          0.03, // tribute
          0.01, 0.01, 0.2, // hide, buck-pass growth; free-riding penalty
          0.10, // aid cap
          0.5, 0.3, 0.1, 0.15, // penetration
          0.5, 0.1, 0.05, // joining quorum, waning, ideology and cohesion
          0.02, 0.05, 0.01, // growth, upkeep, population growth
          2, 0.2, 0.25, 3, 0.2, // war
          0.5, 0.1, 0.2, // cohesion
          0.4, 2, 0.3, 0.05, 0.5, 0.1, 2, // perception
          0.1, 0.03, 0.05, // reputation, misperception, ideology affinity
          40, 25, 15, 10, 10, // score weights
          2, 0.5, 0.5, // power cap, hegemon, weak
          0.3, 0.7); // lens

  /** The names of every constant, in declaration order. */
  public static java.util.List<String> names() {
    return java.util.Arrays.stream(Params.class.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getName)
        .toList();
  }

  /**
   * These constants with some replaced by name; throws {@link IllegalArgumentException} naming the
   * first unknown name.
   */
  public Params with(java.util.Map<String, Double> overrides) {
    java.lang.reflect.RecordComponent[] comps = Params.class.getRecordComponents();
    Object[] values = new Object[comps.length];
    Class<?>[] types = new Class<?>[comps.length];
    try {
      for (int i = 0; i < comps.length; i++) {
        values[i] = comps[i].getAccessor().invoke(this);
        types[i] = double.class;
      }
      for (var e : new java.util.TreeMap<>(overrides).entrySet()) {
        int i = names().indexOf(e.getKey());
        if (i < 0) {
          throw new IllegalArgumentException("unknown parameter '" + e.getKey() + "'");
        }
        values[i] = e.getValue();
      }
      return Params.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Params must be a record of doubles", e);
    }
  }

  /** Checks the constants a scenario may have overridden; returns null or the first problem. */
  public String problem() {
    double w = weightPopulation + weightEconomy + weightMilitary + weightTechnology;
    if (Math.abs(w - 1) > 1e-9) {
      return "power weights must sum to 1, they sum to " + w;
    }
    if (defenseAdvantage <= 0) {
      return "defenseAdvantage must be positive";
    }
    if (maxInternalEffort < 0 || maxInternalEffort > 1) {
      return "maxInternalEffort must be in [0,1]";
    }
    if (intentFloor < 0 || intentFloor > 1) {
      return "intentFloor must be in [0,1]";
    }
    if (conquestRatio < 1) {
      return "conquestRatio must be at least 1";
    }
    if (warExponent <= 0) {
      return "warExponent must be positive";
    }
    if (joinQuorum <= 0 || joinQuorum > 1) {
      return "joinQuorum must be in (0,1]";
    }
    if (misperceptionSigma < 0 || reputationRate < 0 || reputationRate > 1) {
      return "misperceptionSigma must be at least 0 and reputationRate in [0,1]";
    }
    return null;
  }
}
