package org.entente.server.debrief;

import java.util.Locale;

/** The forms a debrief can be rendered in. */
public enum Format {
  MD,
  HTML,
  JSON;

  /** The format named {@code s} ("md", "markdown", "html", "json"); throws if unknown. */
  public static Format parse(String s) {
    String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    return switch (k) {
      case "md", "markdown" -> MD;
      case "html", "htm" -> HTML;
      case "json" -> JSON;
      default ->
          throw new IllegalArgumentException(
              "unknown format '" + s + "'; choose one of md, html, json");
    };
  }
}
