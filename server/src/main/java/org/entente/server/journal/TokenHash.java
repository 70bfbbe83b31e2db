package org.entente.server.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How journals keep tokens: as {@code sha256:} and the SHA-256 of the token in hex, never the token
 * itself, so a copied journal (or a backup) does not hand out seats and instructor rights. A
 * recovered game knows its members by these hashes and finds a client's token by hashing it. Tokens
 * are 128 random bits, so an unsalted hash cannot be reversed by guessing.
 */
public final class TokenHash {
  static final String PREFIX = "sha256:";

  private TokenHash() {}

  /** The stored form of {@code token} ("" stays ""). */
  public static String of(String token) {
    if (token.isEmpty()) {
      return "";
    }
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * True when {@code s} has the form of a stored hash: a client presenting one is refused, since
   * whoever holds the hash (from a journal) must not hold the seat.
   */
  public static boolean isHash(String s) {
    return s.startsWith(PREFIX);
  }

  /**
   * True when {@code token} is the one {@code stored} keeps (a hash, or the token itself in a
   * journal written before tokens were hashed), compared in constant time.
   */
  public static boolean matches(String stored, String token) {
    if (stored.isEmpty() || token.isEmpty() || isHash(token)) {
      return false;
    }
    String expected = stored.startsWith(PREFIX) ? of(token) : token;
    return MessageDigest.isEqual(
        stored.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
