package org.entente.client.bots;

import static org.entente.client.bots.ViewPart.ALLIANCES;
import static org.entente.client.bots.ViewPart.COVERAGE;
import static org.entente.client.bots.ViewPart.CRISES;
import static org.entente.client.bots.ViewPart.LAST_STANCES;
import static org.entente.client.bots.ViewPart.OUTCOMES;
import static org.entente.client.bots.ViewPart.PRINCIPAL_LEADER;
import static org.entente.client.bots.ViewPart.PRINCIPAL_THREAT;
import static org.entente.client.bots.ViewPart.PROXIMITY;
import static org.entente.client.bots.ViewPart.THREATS;
import static org.entente.client.bots.ViewPart.TURN;

import java.util.List;
import java.util.Set;
import org.entente.api.Bot;

/**
 * Names, describes and creates the built-in bot strategies (see {@code docs/strategies.md}): the
 * reference threat-driven bot {@code threat-balancer}, {@code power-balancer}, {@code bandwagoner},
 * {@code hider}, {@code buck-passer}, {@code opportunist}, {@code random}, and the adaptive {@code
 * reciprocator}, {@code chain-gang-averse} and {@code coalition-builder}.
 *
 * <p>Create one bot per seat per game: adaptive strategies remember earlier turns of their game
 * (the others are stateless, so sharing them would be harmless, but nothing should rely on it).
 */
public final class Strategies {
  private static final Set<ViewPart> THREAT_BALANCER_READS =
      ViewPart.coreAnd(
          TURN,
          PROXIMITY,
          ALLIANCES,
          CRISES,
          THREATS,
          PRINCIPAL_THREAT,
          PRINCIPAL_LEADER,
          COVERAGE,
          LAST_STANCES);

  private static final List<StrategyInfo> ENTRIES =
      List.of(
          new StrategyInfo(
              ThreatBalancer.NAME,
              "balance of threat (Walt): balances its principal threat with the states it"
                  + " threatens most; bandwagons when weak and alone",
              THREAT_BALANCER_READS,
              false,
              ThreatBalancer::new),
          new StrategyInfo(
              PowerBalancer.NAME,
              "balance of power: balances the strongest state whatever its intent",
              ViewPart.coreAnd(TURN, ALLIANCES, CRISES, LAST_STANCES),
              false,
              PowerBalancer::new),
          new StrategyInfo(
              Bandwagoner.NAME,
              "bandwagons with its principal threat (or the strongest state); a jackal with"
                  + " revisionists",
              ViewPart.coreAnd(CRISES, PRINCIPAL_LEADER),
              false,
              Bandwagoner::new),
          new StrategyInfo(
              Hider.NAME,
              "hides every turn (Melos), leaving its alliances and penetrating its threat",
              ViewPart.coreAnd(ALLIANCES, PRINCIPAL_LEADER),
              false,
              Hider::new),
          new StrategyInfo(
              BuckPasser.NAME,
              "passes the buck to the state most exposed to its threat and subsidises it",
              ViewPart.coreAnd(TURN, PROXIMITY, CRISES, PRINCIPAL_THREAT, PRINCIPAL_LEADER),
              false,
              BuckPasser::new),
          new StrategyInfo(
              Opportunist.NAME,
              "balance of interests (Schweller): revisionists prey or jackal, status-quo states"
                  + " balance revisionists",
              // an insecure revisionist names partners as the threat-balancer does
              THREAT_BALANCER_READS,
              false,
              Opportunist::new),
          new StrategyInfo(
              RandomBot.NAME,
              "random valid orders: the baseline every strategy should beat",
              ViewPart.coreAnd(ALLIANCES, CRISES),
              false,
              RandomBot::new),
          new StrategyInfo(
              Reciprocator.NAME,
              "reciprocity: balances threats, but stays out of the crises of allies that abandoned"
                  + " it and favours those that stood by it",
              THREAT_BALANCER_READS,
              true,
              Reciprocator::new),
          new StrategyInfo(
              ChainGangAverse.NAME,
              "Christensen & Snyder: under offence dominance arms alone and hides from"
                  + " allies' wars; under defence dominance passes the buck",
              plus(THREAT_BALANCER_READS, OUTCOMES),
              true,
              ChainGangAverse::new),
          new StrategyInfo(
              CoalitionBuilder.NAME,
              "courts the states most threatened by its own principal threat, with"
                  + " proposals and aid, trying others when ignored",
              THREAT_BALANCER_READS,
              true,
              CoalitionBuilder::new));

  private Strategies() {}

  /** The names of the built-in strategies, the reference bot first. */
  public static List<String> names() {
    return ENTRIES.stream().map(StrategyInfo::name).toList();
  }

  /** Every built-in strategy with its description and what it reads, in {@link #names()} order. */
  public static List<StrategyInfo> all() {
    return ENTRIES;
  }

  /**
   * The description of strategy {@code name}.
   *
   * @throws IllegalArgumentException if no built-in strategy has that name
   */
  public static StrategyInfo info(String name) {
    for (StrategyInfo e : ENTRIES) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "unknown strategy '" + name + "'; known strategies: " + String.join(", ", names()));
  }

  /**
   * A new bot playing the strategy {@code name}, for one seat of one game.
   *
   * @throws IllegalArgumentException if no built-in strategy has that name
   */
  public static Bot create(String name) {
    return info(name).create();
  }

  private static Set<ViewPart> plus(Set<ViewPart> base, ViewPart more) {
    Set<ViewPart> out = ViewPart.coreAnd(more);
    out.addAll(base);
    return out;
  }
}
