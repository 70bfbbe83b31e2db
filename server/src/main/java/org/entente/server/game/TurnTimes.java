package org.entente.server.game;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.HdrHistogram.Histogram;

/**
 * How long the server takes to serve a turn that a seat's order closed: from the moment that last
 * order was read off its connection to the moment every connection of the game has been handed its
 * turn results and next view (the turn's record on disk in between). A cumulative histogram in
 * nanoseconds, safe from any thread; readers take differences between two snapshots.
 */
public final class TurnTimes {
  /** Longest time tracked: a minute (longer ones count as a minute). */
  static final long MAX_NANOS = 60_000_000_000L;

  private final Histogram histogram = new Histogram(MAX_NANOS, 3);

  synchronized void record(long nanos) {
    histogram.recordValue(Math.max(0, Math.min(nanos, MAX_NANOS)));
  }

  /** A copy of everything recorded so far. */
  public synchronized Histogram snapshot() {
    return histogram.copy();
  }

  /** {@link #snapshot()} in HdrHistogram's compressed form, in base64. */
  public String encoded() {
    Histogram h = snapshot();
    ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int length = h.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  /** Reads {@link #encoded()} back. */
  public static Histogram decode(String base64) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(
          ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
    } catch (java.util.zip.DataFormatException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not an encoded turn-time histogram: " + e.getMessage(), e);
    }
  }
}
