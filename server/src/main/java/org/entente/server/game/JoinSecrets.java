package org.entente.server.game;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Join secrets: what a student types or scans to take a seat. Eight characters from an alphabet
 * without the look-alikes 0/O, 1/I/L (31 symbols, about 40 bits), drawn from a SecureRandom; shown
 * as {@code ABCD-EFGH}, read back with case, spaces and dashes ignored.
 */
final class JoinSecrets {
  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int LENGTH = 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  private JoinSecrets() {}

  /** A fresh secret. */
  static String next() {
    StringBuilder b = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  /** What the user typed, without spaces and dashes, in upper case. */
  static String normalize(String typed) {
    return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  /** The secret as shown: ABCD-EFGH. */
  static String code(String secret) {
    return secret.length() == LENGTH ? secret.substring(0, 4) + "-" + secret.substring(4) : secret;
  }

  /** True when {@code typed} is {@code secret} (in time independent of where they differ). */
  static boolean matches(String secret, String typed) {
    return secret != null
        && MessageDigest.isEqual(
            secret.getBytes(StandardCharsets.UTF_8),
            normalize(typed).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A member's public id: a digest of its token's journal hash, which the token cannot be read back
   * from; the same before and after a restart (when the server knows only the hash).
   */
  static String memberId(String token) {
    String key =
        org.entente.server.journal.TokenHash.isHash(token)
            ? token
            : org.entente.server.journal.TokenHash.of(token);
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "m" + HexFormat.of().formatHex(d, 0, 5);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
