package org.entente.server.history;

/** An unordered pair of states by Correlates of War country code, the lower code first. */
record Dyad(int low, int high) implements Comparable<Dyad> {
  Dyad {
    if (low >= high) {
      throw new IllegalArgumentException(
          "a dyad needs two codes, lower first: " + low + ", " + high);
    }
  }

  static Dyad of(int a, int b) {
    return a < b ? new Dyad(a, b) : new Dyad(b, a);
  }

  @Override
  public int compareTo(Dyad o) {
    return low != o.low ? Integer.compare(low, o.low) : Integer.compare(high, o.high);
  }
}
