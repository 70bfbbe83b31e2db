package org.entente.api;

import java.util.List;

/** The one stance a state orders each turn (RULES.md section 3). */
public sealed interface Stance {

  /** The stance's kind, as used in reports and the theory lens. */
  StanceKind kind();

  /**
   * Arm ({@code internal} effort in [0, 0.3]) and/or propose alliances to {@code partners}, against
   * {@code against}; in a crisis, balancing against the aggressor joins the defence. With {@code
   * offensive}, an alliance this proposal founds is OFFENSIVE when every founder sets the flag.
   */
  record Balance(String against, double internal, List<String> partners, boolean offensive)
      implements Stance {
    public Balance {
      partners = List.copyOf(partners);
    }

    /** A balance that proposes defensive alliances only. */
    public Balance(String against, double internal, List<String> partners) {
      this(against, internal, partners, false);
    }

    @Override
    public StanceKind kind() {
      return StanceKind.BALANCE;
    }
  }

  /** Become (or stay) a client of {@code with}; OFFENSIVE clients join the patron's attacks. */
  record Bandwagon(String with, BandwagonKind bandwagonKind) implements Stance {
    @Override
    public StanceKind kind() {
      return StanceKind.BANDWAGON;
    }
  }

  /** Declare neutrality. */
  record Hide() implements Stance {
    @Override
    public StanceKind kind() {
      return StanceKind.HIDE;
    }
  }

  /** Stay out against {@code threat}, hoping {@code catcher} balances it. */
  record BuckPass(String threat, String catcher) implements Stance {
    @Override
    public StanceKind kind() {
      return StanceKind.BUCK_PASS;
    }
  }

  /** The four stance kinds. */
  enum StanceKind {
    BALANCE,
    BANDWAGON,
    HIDE,
    BUCK_PASS
  }

  /**
   * Defensive bandwagoning buys safety; offensive (jackal) bandwagoning joins the patron's wars.
   */
  enum BandwagonKind {
    DEFENSIVE,
    OFFENSIVE
  }

  /** The singleton HIDE stance. */
  Hide HIDE = new Hide();
}
