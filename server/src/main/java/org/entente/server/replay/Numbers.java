package org.entente.server.replay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.api.OrderSyntax;
import org.entente.api.Orders;

/**
 * Numbers as the web client shows them: at most a few decimals, trailing zeros dropped, thousands
 * grouped ({@code num} in the client's {@code dom.js}); shares as whole percentages ({@code pct}).
 */
public final class Numbers {
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

  private Numbers() {}

  /** {@code x} with at most {@code digits} decimals, e.g. 1234.5 with 2 digits as "1,234.5". */
  public static String num(double x, int digits) {
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    f.setMaximumFractionDigits(digits);
    f.setMinimumFractionDigits(0);
    f.setRoundingMode(RoundingMode.HALF_UP);
    String s = f.format(new BigDecimal(Double.toString(x)));
    return s.equals("-0") ? "0" : s;
  }

  /** {@code x} with at most two decimals. */
  public static String num(double x) {
    return num(x, 2);
  }

  /** A difference with its sign, at most two decimals ("+1.5", "-0.25", "0"). */
  public static String signed(double x) {
    return signed(x, 2);
  }

  /** A difference with its sign, at most {@code digits} decimals. */
  public static String signed(double x, int digits) {
    String s = num(x, digits);
    return s.equals("0") || s.startsWith("-") ? s : "+" + s;
  }

  /** A share in [0,1] as a whole percentage ("37%"). */
  public static String pct(double x) {
    return num(100 * x, 0) + "%";
  }

  /** Orders in order syntax, their numbers (effort, aid) with at most two decimals. */
  public static String orders(Orders o) {
    return o == null ? "-" : shorten(OrderSyntax.format(o));
  }

  /** {@code text} with every decimal number cut to at most two decimals (5.0 as 5). */
  public static String shorten(String text) {
    Matcher m = DECIMAL.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(num(Double.parseDouble(m.group()), 2)));
    }
    m.appendTail(b);
    return b.toString();
  }
}
