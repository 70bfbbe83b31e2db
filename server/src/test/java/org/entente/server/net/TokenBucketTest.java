package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-connection token bucket. */
class TokenBucketTest {
  private final AtomicLong nanos = new AtomicLong(1_000);

  @Test
  void allowsABurstOfTheRateThenRefillsAtTheRate() {
    TokenBucket bucket = new TokenBucket(10, nanos::get);
    for (int i = 0; i < 10; i++) {
      assertThat(bucket.tryAcquire()).isTrue();
    }
    assertThat(bucket.tryAcquire()).isFalse();

    nanos.addAndGet(100_000_000); // 0.1 s: one token
    assertThat(bucket.tryAcquire()).isTrue();
    assertThat(bucket.tryAcquire()).isFalse();

    nanos.addAndGet(60_000_000_000L); // a minute: never more than the burst
    int granted = 0;
    while (bucket.tryAcquire()) {
      granted++;
    }
    assertThat(granted).isEqualTo(10);
  }
}
