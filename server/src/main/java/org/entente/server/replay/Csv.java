package org.entente.server.replay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Comma-separated values as RFC 4180 writes them: CRLF line ends, fields quoted when needed. */
final class Csv {
  private Csv() {}

  /**
   * One record: the fields joined by commas, each quoted if it holds a comma, quote or line end.
   */
  static String row(List<String> fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(field(fields.get(i)));
    }
    return b.append("\r\n").toString();
  }

  static String field(String s) {
    if (s == null) {
      return "";
    }
    boolean quote =
        s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  /**
   * A number with at most six decimals, no exponent, no trailing zeros (for spreadsheets and R).
   */
  static String number(double x) {
    if (!Double.isFinite(x)) {
      return "";
    }
    BigDecimal d = new BigDecimal(Double.toString(x)).setScale(6, RoundingMode.HALF_UP);
    String s = d.stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }
}
