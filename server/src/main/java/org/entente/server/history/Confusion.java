package org.entente.server.history;

/**
 * Agreement between the game's alliance pairs and the data's over one set of state pairs: how many
 * pairs both call allied ({@code both}), only the game ({@code gameOnly}), only the data ({@code
 * dataOnly}) or neither. The data are the reference: precision is the share of the game's pairs
 * that the data hold, recall the share of the data's pairs that the game holds, and Cohen's kappa
 * the agreement beyond what two independent codings with the same rates would reach by chance.
 */
record Confusion(int both, int gameOnly, int dataOnly, int neither) {
  static final Confusion EMPTY = new Confusion(0, 0, 0, 0);

  Confusion plus(Confusion o) {
    return new Confusion(
        both + o.both, gameOnly + o.gameOnly, dataOnly + o.dataOnly, neither + o.neither);
  }

  /** Every pair counted. */
  int pairs() {
    return both + gameOnly + dataOnly + neither;
  }

  /** The pairs the data call allied. */
  int dataPairs() {
    return both + dataOnly;
  }

  /** The pairs the game calls allied. */
  int gamePairs() {
    return both + gameOnly;
  }

  /** Share of the game's pairs that the data hold; 0 when the game has none. */
  double precision() {
    return gamePairs() == 0 ? 0 : (double) both / gamePairs();
  }

  /** Share of the data's pairs that the game holds; 0 when the data have none. */
  double recall() {
    return dataPairs() == 0 ? 0 : (double) both / dataPairs();
  }

  /**
   * Cohen's kappa, (observed - chance) / (1 - chance); 0 when chance agreement is already total
   * (both codings put every pair in the same class, so agreement shows no skill) or nothing is
   * counted.
   */
  double kappa() {
    double n = pairs();
    if (n == 0) {
      return 0;
    }
    double observed = (both + neither) / n;
    double chance =
        ((double) gamePairs() * dataPairs() + (double) (dataOnly + neither) * (gameOnly + neither))
            / (n * n);
    return chance >= 1 ? 0 : (observed - chance) / (1 - chance);
  }
}
