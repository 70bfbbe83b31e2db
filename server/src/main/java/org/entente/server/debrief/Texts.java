package org.entente.server.debrief;

import java.util.Locale;

/** Number formats and escaping shared by the renderers. */
final class Texts {
  private Texts() {}

  /** A score component or share with two decimals. */
  static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** A score total with one decimal. */
  static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** A power or threat value with three decimals. */
  static String f3(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  /** A rate in [0,1] as a percentage with one decimal. */
  static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  /** Text escaped for HTML and SVG element content and quoted attribute values. */
  static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            b.append(' '); // not allowed in XML
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * Text for Markdown: HTML-significant characters escaped (so raw markup in notes is shown, not
   * run), table pipes escaped, and line breaks folded.
   */
  static String md(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("\r", "")
        .replace("\n", " ");
  }
}
