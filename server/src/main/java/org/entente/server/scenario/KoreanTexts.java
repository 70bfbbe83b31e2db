package org.entente.server.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Korean versions of a scenario's player-facing texts (the fields ending in {@code Ko}: its
 * name and briefing, each state's name and private briefing, each scheduled event's text). The
 * engine plays in English; the server adds these beside the English texts in what it sends, and the
 * web client shows them in Korean mode. A text with no Korean version is shown in English.
 *
 * @param name the scenario's name, or "" when it has none
 * @param briefing the public briefing, or ""
 * @param stateNames state id to name, for the states that have one
 * @param privateBriefings state id to private briefing, for the states that have one
 * @param eventTexts a scheduled event's English text to its Korean text (news arrive as the text of
 *     the event that made them)
 */
public record KoreanTexts(
    String name,
    String briefing,
    Map<String, String> stateNames,
    Map<String, String> privateBriefings,
    Map<String, String> eventTexts) {

  /** No Korean texts at all. */
  public static final KoreanTexts NONE = new KoreanTexts("", "", Map.of(), Map.of(), Map.of());

  /** The Korean texts a scenario file carries. */
  public static KoreanTexts of(ScenarioFile f) {
    Map<String, String> names = new HashMap<>();
    Map<String, String> privates = new HashMap<>();
    for (ScenarioFile.StateEntry s : f.states()) {
      if (s.nameKo() != null) {
        names.put(s.id(), s.nameKo());
      }
      if (s.privateBriefingKo() != null) {
        privates.put(s.id(), s.privateBriefingKo());
      }
    }
    Map<String, String> events = new HashMap<>();
    for (ScenarioFile.EventEntry e :
        f.events() == null ? List.<ScenarioFile.EventEntry>of() : f.events()) {
      if (e.textKo() != null && e.text() != null) {
        events.put(e.text(), e.textKo());
      }
    }
    return new KoreanTexts(
        f.nameKo() == null ? "" : f.nameKo(),
        f.briefingKo() == null ? "" : f.briefingKo(),
        Map.copyOf(names),
        Map.copyOf(privates),
        Map.copyOf(events));
  }

  /** The Korean of a piece of news (a scheduled event's text), or "" when there is none. */
  public String news(String english) {
    return eventTexts.getOrDefault(english, "");
  }

  /** True when {@code text} has at least one Hangul syllable. */
  static boolean hasHangul(String text) {
    return text.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
  }
}
