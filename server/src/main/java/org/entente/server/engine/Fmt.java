package org.entente.server.engine;

/** Numbers in outcome reasons, written without {@code String.format} (which is slow). */
final class Fmt {
  private Fmt() {}

  /** {@code x} rounded to one decimal, e.g. "12.3" or "-0.5". */
  static String one(double x) {
    long tenths = Math.round(x * 10);
    long abs = Math.abs(tenths);
    return (tenths < 0 ? "-" : "") + abs / 10 + "." + abs % 10;
  }
}
