package org.entente.server.net;

import java.time.Duration;

/**
 * How much a connection may leave unsent before it counts as a slow consumer and is closed.
 *
 * @param lowWaterMark pending bytes under which an unwritable channel becomes writable again
 * @param highWaterMark pending bytes above which the channel turns unwritable
 * @param unwritableTimeout how long a channel may stay unwritable before it is closed
 * @param maxPendingBytes pending bytes above which a send closes the connection at once
 */
record WriteLimits(
    int lowWaterMark, int highWaterMark, Duration unwritableTimeout, long maxPendingBytes) {

  WriteLimits {
    if (lowWaterMark < 0 || highWaterMark < lowWaterMark || maxPendingBytes < highWaterMark) {
      throw new IllegalArgumentException(
          "need 0 <= lowWaterMark <= highWaterMark <= maxPendingBytes, got "
              + lowWaterMark
              + ", "
              + highWaterMark
              + ", "
              + maxPendingBytes);
    }
    if (unwritableTimeout.isNegative() || unwritableTimeout.isZero()) {
      throw new IllegalArgumentException("unwritableTimeout must be positive");
    }
  }

  /** The defaults: room for a few of the largest frames, 30 seconds to drain them. */
  static WriteLimits defaults(ServerConfig config) {
    int high = Math.max(1 << 20, config.maxFrameBytes());
    return new WriteLimits(high / 4, high, Duration.ofSeconds(30), 4L * high);
  }
}
