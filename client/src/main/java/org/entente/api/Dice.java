package org.entente.api;

/**
 * A counter-based random stream: every draw is a pure function of (seed, turn, purpose, index), so
 * results never depend on call order across states, thread scheduling or arrival order. One {@code
 * Dice} walks the index for one (seed, turn, purpose).
 */
public final class Dice {
  private final long base;
  private long index;

  private Dice(long base) {
    this.base = base;
  }

  /** The stream for a (seed, turn, purpose); purposes are small stable strings. */
  public static Dice of(long seed, int turn, String purpose) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    h = mix(h ^ turn);
    for (int i = 0; i < purpose.length(); i++) {
      h = mix(h ^ purpose.charAt(i));
    }
    return new Dice(h);
  }

  /** A uniform double in [0, 1) for the given index, without moving this stream. */
  public double at(long i) {
    return (mix(base + i * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
  }

  /**
   * A standard normal draw for the given index, without moving this stream: the sum of four
   * uniforms taken from one 64-bit draw (Irwin-Hall), centred and scaled to variance 1. Its tails
   * stop at about 3.5 standard deviations, which is all a small noise term needs, and it costs one
   * hash instead of a logarithm and a cosine.
   */
  public double normalAt(long i) {
    long z = mix(base + i * 0x9E3779B97F4A7C15L);
    double sum =
        (z & 0xFFFF) + ((z >>> 16) & 0xFFFF) + ((z >>> 32) & 0xFFFF) + ((z >>> 48) & 0xFFFF);
    return (sum * 0x1.0p-16 + 2 * 0x1.0p-17 - 2) * SQRT3;
  }

  private static final double SQRT3 = Math.sqrt(3);

  /** The next uniform double in [0, 1). */
  public double nextDouble() {
    return at(index++);
  }

  /** The next int in [0, bound). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return (int) (nextDouble() * bound);
  }

  /** True with probability {@code p}. */
  public boolean chance(double p) {
    return nextDouble() < p;
  }

  // SplitMix64's finaliser: a good 64-bit mixer.
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
