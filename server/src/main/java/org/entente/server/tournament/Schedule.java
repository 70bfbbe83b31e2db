package org.entente.server.tournament;

import java.util.List;

/**
 * Who sits where in every game of a tournament, and each game's seed.
 *
 * <p>Games are numbered scenario by scenario: game {@code g} is round {@code r = g mod
 * gamesPerScenario} of scenario {@code g / gamesPerScenario}. Rounds come in blocks of k (the
 * number of entrants); block {@code b} has its own permutation {@code pi} of the entrants, drawn
 * from the tournament seed, and in its round {@code q} seat {@code s} is played by entrant {@code
 * pi[(q + s) mod k]}. Within a block the seating is a cyclic Latin design, so each seat is held
 * once by each entrant: {@code gamesPerScenario} must be a multiple of k, and then every entrant
 * plays every seat of every scenario exactly {@code gamesPerScenario / k} times. The permutation
 * changes which entrants sit next to which from block to block; without it a fixed cyclic order
 * would give two copies of one strategy systematically different opponents at each seat.
 */
public final class Schedule {
  private final List<Arena> arenas;
  private final List<Entrant> entrants;
  private final int gamesPerScenario;
  private final long seed;
  private final int[][] blocks; // per (scenario, block): the entrant permutation

  /**
   * A schedule of {@code gamesPerScenario} games of each of {@code arenas} for {@code entrants};
   * throws {@link IllegalArgumentException} when the games cannot be balanced.
   */
  public Schedule(List<Arena> arenas, List<Entrant> entrants, int gamesPerScenario, long seed) {
    this.arenas = List.copyOf(arenas);
    this.entrants = List.copyOf(entrants);
    if (arenas.isEmpty()) {
      throw new IllegalArgumentException("--scenarios: give at least one scenario");
    }
    int k = entrants.size();
    if (gamesPerScenario < 1 || gamesPerScenario % k != 0) {
      int lower = Math.max(k, gamesPerScenario / k * k);
      int upper = (Math.max(gamesPerScenario, 0) / k + 1) * k;
      throw new IllegalArgumentException(
          "--games "
              + gamesPerScenario
              + " is not a positive multiple of the "
              + k
              + " entrants, so seats cannot be rotated evenly; use "
              + (lower == upper || gamesPerScenario < k ? "" : lower + " or ")
              + upper);
    }
    this.gamesPerScenario = gamesPerScenario;
    this.seed = seed;
    int perScenario = gamesPerScenario / k;
    this.blocks = new int[arenas.size() * perScenario][];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = permutation(k, mix(mix(seed ^ 0x2545F4914F6CDD1DL) + i));
    }
  }

  // A Fisher-Yates shuffle of 0..k-1 driven by a SplitMix64 stream from {@code state}.
  private static int[] permutation(int k, long state) {
    int[] p = new int[k];
    for (int i = 0; i < k; i++) {
      p[i] = i;
    }
    long s = state;
    for (int i = k - 1; i > 0; i--) {
      s += 0x9E3779B97F4A7C15L;
      int j = (int) Long.remainderUnsigned(mix(s), i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** The scenarios, in game order. */
  public List<Arena> arenas() {
    return arenas;
  }

  /** The entrants; seatings refer to them by index. */
  public List<Entrant> entrants() {
    return entrants;
  }

  /** Games played of each scenario. */
  public int gamesPerScenario() {
    return gamesPerScenario;
  }

  /** The tournament seed. */
  public long seed() {
    return seed;
  }

  /** Total number of games. */
  public int games() {
    return arenas.size() * gamesPerScenario;
  }

  /** The index in {@link #arenas()} of game {@code game}'s scenario. */
  public int arena(int game) {
    return game / gamesPerScenario;
  }

  /** The index in {@link #entrants()} of the entrant at {@code seat} in game {@code game}. */
  public int entrantAt(int game, int seat) {
    int k = entrants.size();
    int[] pi = blocks[game / k];
    return pi[(game % k + seat) % k];
  }

  /** The entrant index of every seat of game {@code game}, in seat order. */
  public int[] seating(int game) {
    int[] out = new int[arenas.get(arena(game)).size()];
    for (int s = 0; s < out.length; s++) {
      out[s] = entrantAt(game, s);
    }
    return out;
  }

  /** True when a remote entrant holds a seat of game {@code game}. */
  public boolean remote(int game) {
    int n = arenas.get(arena(game)).size();
    for (int s = 0; s < n; s++) {
      if (entrants.get(entrantAt(game, s)).remote()) {
        return true;
      }
    }
    return false;
  }

  /** Game {@code game}'s seed: a fixed mix of the tournament seed and the game index. */
  public long seed(int game) {
    return mix(mix(seed ^ 0x5DEECE66DL) + 0x9E3779B97F4A7C15L * (game + 1L));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
