package org.entente.server.net;

import java.util.function.LongSupplier;

/**
 * Admits up to {@code perSecond} messages a second, with bursts of the same size. Not thread-safe:
 * each connection owns one and uses it on its event loop.
 */
final class TokenBucket {
  private final double capacity;
  private final double tokensPerNano;
  private final LongSupplier nanoTicker;
  private double tokens;
  private long last;

  /**
   * @param perSecond the sustained rate and the burst size
   * @param nanoTicker a monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
   */
  TokenBucket(int perSecond, LongSupplier nanoTicker) {
    this.capacity = perSecond;
    this.tokensPerNano = perSecond / 1e9;
    this.nanoTicker = nanoTicker;
    this.tokens = perSecond;
    this.last = nanoTicker.getAsLong();
  }

  /** Takes one token if there is one. */
  boolean tryAcquire() {
    long now = nanoTicker.getAsLong();
    tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
