package org.entente.client.bots;

import java.util.EnumSet;
import java.util.Set;

/**
 * The parts of a {@link org.entente.api.PlayerView}, one per constructor parameter, so a strategy
 * can declare which of them its decisions depend on. A test perturbs every part a strategy does not
 * declare, over whole games of every scenario, and checks that its orders do not change.
 */
public enum ViewPart {
  SCENARIO,
  TURN,
  TURNS,
  TURN_LABEL,
  SELF,
  NATIONS,
  PROXIMITY,
  ALLIANCES,
  CRISES,
  THREATS,
  PRINCIPAL_THREAT,
  PRINCIPAL_LEADER,
  COVERAGE,
  LEANINGS,
  OUTCOMES,
  LAST_STANCES,
  RULES,
  BRIEFING,
  PRIVATE_BRIEFING;

  /** The parts every strategy reads: who it is, the states, and the rule constants. */
  static Set<ViewPart> core() {
    return EnumSet.of(SELF, NATIONS, RULES);
  }

  /** {@link #core()} plus {@code more}. */
  static Set<ViewPart> coreAnd(ViewPart... more) {
    Set<ViewPart> out = core();
    out.addAll(Set.of(more));
    return out;
  }

  /** The lower-case, hyphenated name used in listings ({@code principal-leader}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
