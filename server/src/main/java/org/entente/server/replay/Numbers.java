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

  /**
   * A share in [0,1] as a percentage, as the client's {@code pct}: one decimal below 10% ("4.5%"),
   * whole percents above ("37%"), "<0.1%" for a tiny share, "0%" for none.
   */
  public static String pct(double x) {
    double v = 100 * x;
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0%" : Double.toString(v);
    }
    if (Math.abs(v) < 0.05) {
      return v > 0 ? "<0.1%" : ">-0.1%";
    }
    return fixed(v, Math.abs(v) < 10 ? 1 : 0) + "%";
  }

  /** A threat in [0,1] as a percentage with two decimals, as the client's {@code threatPct}. */
  public static String threatPct(double x) {
    double v = 100 * x;
    if (v == 0) {
      return "0%";
    }
    if (v < 0.005) {
      return "<0.01%";
    }
    return fixed(v, 2) + "%";
  }

  /** {@code v} with exactly {@code digits} decimals, rounded half up, as JavaScript's toFixed. */
  private static String fixed(double v, int digits) {
    return new BigDecimal(Double.toString(v))
        .setScale(digits, RoundingMode.HALF_UP)
        .toPlainString();
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
