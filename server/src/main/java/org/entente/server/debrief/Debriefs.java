package org.entente.server.debrief;

import java.util.List;
import org.entente.server.history.GameHistory;

/**
 * The entry point: renders the debrief of any {@link GameHistory} (a headless simulation, a live
 * game, a journal) in any {@link Format}.
 */
public final class Debriefs {
  private Debriefs() {}

  /** The debrief of {@code history} in {@code format}, charts at the turning points. */
  public static String render(GameHistory history, Format format) {
    return render(Debrief.of(history), format);
  }

  /**
   * The debrief of {@code history} in {@code format}, with the threat and alliance charts after the
   * given numbers of turns (null or empty: the start, the turning points and the end).
   */
  public static String render(GameHistory history, Format format, List<Integer> chartPositions) {
    return render(Debrief.of(history, chartPositions), format);
  }

  /** Renders a built debrief, its HTML headings in English. */
  public static String render(Debrief d, Format format) {
    return render(d, format, Words.EN);
  }

  /**
   * Renders a built debrief; the HTML and Markdown forms' headings and fixed texts in {@code lang}
   * (build the debrief in the same language for its sentences: {@link Debrief#of(GameHistory,
   * org.entente.server.replay.Room, Debrief.Options, Words)}).
   */
  public static String render(Debrief d, Format format, Words lang) {
    return switch (format) {
      case MD -> MarkdownRenderer.render(d, lang);
      case HTML -> HtmlRenderer.render(d, lang);
      case JSON -> JsonRenderer.render(d);
    };
  }
}
