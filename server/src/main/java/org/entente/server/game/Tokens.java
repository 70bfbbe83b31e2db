package org.entente.server.game;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random bearer tokens: 128 bits from a SecureRandom, as 32 hex digits. */
final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  static String next() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
