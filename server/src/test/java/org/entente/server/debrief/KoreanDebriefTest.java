package org.entente.server.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.api.OutcomeCode;
import org.entente.server.engine.Nation;
import org.entente.server.engine.TurnReport;
import org.entente.server.history.GameHistory;
import org.entente.server.replay.Room;
import org.entente.server.scenario.KoreanTexts;
import org.entente.server.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Korean debrief of real games played by bots through the engine is Korean throughout: once the
 * tags, the proper names, the ids, the outcome codes, the numbers and the instructor's own notes
 * are taken out, no English word is left in the HTML or the Markdown.
 */
public class KoreanDebriefTest {
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{3,}");

  /**
   * Every English word left in {@code text} once {@code allowed} (names, user texts) and ids are
   * taken out, each with the text around it.
   */
  public static List<String> english(
      String text, Collection<String> allowed, Collection<String> ids) {
    String s = text;
    List<String> longestFirst = new ArrayList<>(allowed);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    for (String a : longestFirst) {
      if (!a.isEmpty()) {
        s = s.replace(a, " ");
      }
    }
    Set<String> codes = new LinkedHashSet<>(ids);
    for (OutcomeCode c : OutcomeCode.values()) {
      codes.add(c.name());
    }
    // ids stand between non-letters (a Korean particle may follow one)
    for (String id : codes) {
      s = s.replaceAll("(?<![A-Za-z0-9_])" + Pattern.quote(id) + "(?![A-Za-z0-9_])", " ");
    }
    s = s.replaceAll("(?<![A-Za-z])[ac][0-9]+(?![A-Za-z])", " "); // alliance and crisis ids
    s = s.replace("T[j][i]", " ");
    List<String> out = new ArrayList<>();
    Matcher m = LATIN_WORD.matcher(s);
    while (m.find()) {
      int from = Math.max(0, m.start() - 50);
      int to = Math.min(s.length(), m.end() + 50);
      out.add("'" + m.group() + "' in: ..." + s.substring(from, to).replace('\n', ' ') + "...");
    }
    return out;
  }

  /** The visible text of an HTML page (SVG titles and labels included), entities decoded. */
  public static String visible(String html) {
    return html.replaceAll("(?s)<style>.*?</style>", " ")
        .replaceAll("<[^>]*>", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** What a Korean debrief of {@code h} shows as it is: names, notes, untranslated news. */
  public static List<String> names(GameHistory h) {
    List<String> out = new ArrayList<>();
    for (Nation n : h.world().start()) {
      out.add(n.name());
    }
    out.add(h.world().name());
    out.add(h.world().id());
    out.add(h.gameId());
    for (var a : h.annotations()) {
      out.add(a.text());
      out.add(Texts.md(a.text()));
      out.add(a.author());
    }
    // the scenario's news that it has no Korean text for (its own words, as a note is)
    KoreanTexts ko = ScenarioLoader.korean(h.world().id());
    List<TurnReport.Event> news = new ArrayList<>(h.prologue());
    h.reports().forEach(r -> news.addAll(r.news()));
    for (TurnReport.Event e : news) {
      if (ko.news(e.text()).isEmpty()) {
        out.add(e.text());
        out.add(Texts.md(e.text()));
      }
    }
    out.add("--format html"); // a command-line option
    out.add("HTML"); // a file format
    return out;
  }

  /** The state ids of {@code h}. */
  public static List<String> ids(GameHistory h) {
    return h.world().start().stream().map(Nation::id).toList();
  }

  @ParameterizedTest
  @CsvSource({
    "europe-1914, 3",
    "europe-1914, 7",
    "europe-1936, 2",
    "europe-1936, 42",
    "middle-east-1955, 5",
    "peloponnesian-431bc, 2",
    "east-asia-2016, 4",
    "tutorial, 1"
  })
  void theKoreanDebriefHasNoEnglishSentence(String scenario, long seed) throws Exception {
    GameHistory h = DebriefTest.game(scenario, seed);
    Debrief d = Debrief.of(h, Room.of(h), Debrief.Options.instructor(), Words.KO);
    String html = Debriefs.render(d, Format.HTML, Words.KO);
    String md = Debriefs.render(d, Format.MD, Words.KO);
    Path out = Path.of("target", "debrief-ko");
    Files.createDirectories(out);
    Files.writeString(out.resolve(scenario + "-" + seed + ".html"), html);
    Files.writeString(out.resolve(scenario + "-" + seed + ".md"), md);

    assertThat(english(visible(html), names(h), ids(h))).as("English left in the HTML").isEmpty();
    assertThat(english(md, names(h), ids(h))).as("English left in the Markdown").isEmpty();
    // every event has its own Korean sentence, not the generic one built from its kind
    Pattern generic =
        Pattern.compile(
            "(위기 선언: )?(동맹 결성|동맹 가입|동맹 탈퇴|동맹 해체|종속 관계 성립|종속 관계 종료|위기 선언|위기 해소|위기 무효|정복|전쟁)"
                + "(: [A-Z0-9, ]+)?");
    for (Debrief.TurnStory t : d.turns()) {
      for (Debrief.Line l : t.lines()) {
        assertThat(generic.matcher(l.text()).matches())
            .as("turn %d: %s", t.turn(), l.text())
            .isFalse();
      }
    }
    assertThat(d.turningPoints()).isNotEmpty();
    for (Debrief.TurningPoint p : d.turningPoints()) {
      assertThat(p.why()).allMatch(KoreanDebriefTest::hangul, "every reason is in Korean");
    }
  }

  @Test
  void theStudentsPartIsKoreanToo() throws Exception {
    GameHistory h = DebriefTest.game("europe-1914", 3);
    for (Nation n : h.world().start()) {
      Debrief d = Debrief.of(h, Room.of(h), new Debrief.Options(null, true, n.id()), Words.KO);
      String html = Debriefs.render(d, Format.HTML, Words.KO);
      assertThat(english(visible(html), names(h), ids(h)))
          .as("English left in %s's part", n.id())
          .isEmpty();
      // the student's part keeps the turning points that speak of the state, in Korean as in
      // English
      Debrief en = Debrief.of(h, Room.of(h), new Debrief.Options(null, true, n.id()));
      assertThat(d.turningPoints()).hasSameSizeAs(en.turningPoints());
    }
  }

  @Test
  void koreanNamesReasonsAndNumbers() throws Exception {
    GameHistory h = DebriefTest.game("europe-1914", 3);
    Debrief en = Debrief.of(h, Room.of(h), Debrief.Options.instructor());
    Debrief ko = Debrief.of(h, Room.of(h), Debrief.Options.instructor(), Words.KO);
    // the scenario's Korean names
    assertThat(ko.scenarioName()).isNotEqualTo(en.scenarioName()).matches(".*[가-힣].*");
    assertThat(ko.states()).anyMatch(s -> s.id().equals("GMY") && s.name().equals("독일 제국"));
    // the same turning points on the same turns
    assertThat(ko.turningPoints().stream().map(Debrief.TurningPoint::turn).toList())
        .isEqualTo(en.turningPoints().stream().map(Debrief.TurningPoint::turn).toList());
    // reasons told from outcome codes, with the client's words, never the English reason
    String html = Debriefs.render(ko, Format.HTML, Words.KO);
    for (TurnReport r : h.reports()) {
      for (var o : r.outcomes()) {
        if (o.reason().length() > 30) {
          assertThat(html).doesNotContain(Texts.html(o.reason()));
        }
      }
    }
    assertThat(html).contains("동맹 결성").contains("<html lang=\"ko\">");
    // the numbers are formatted as in English
    for (Debrief.StateResult s : en.states()) {
      assertThat(html)
          .contains(
              "<td class=\"num total\">"
                  + org.entente.server.replay.Numbers.num(s.score().total(), 1)
                  + "</td>");
    }
    assertThat(ko.summary()).hasSameSizeAs(en.summary());
    // the English debrief is unchanged by the Korean one
    assertThat(Debriefs.render(Debrief.of(h), Format.HTML))
        .isEqualTo(Debriefs.render(en, Format.HTML));
  }

  @Test
  void theClientsKoreanIsRead() {
    assertThat(WebKorean.rules()).isGreaterThan(100);
    assertThat(WebKorean.t("code.ALLIANCE_FORMED")).isEqualTo("동맹 결성");
    assertThat(WebKorean.engine("formed alliance a1 against GMY: FRN, RUS"))
        .isEqualTo("동맹 a1 결성 (대상 GMY): FRN, RUS");
    // particles fitted to the id before them
    assertThat(WebKorean.engine("FRN attacks GMY (crisis c1)")).isEqualTo("FRN이 GMY를 공격 (위기 c1)");
    assertThat(WebKorean.engine("GMY attacks FRN (crisis c2)")).isEqualTo("GMY가 FRN을 공격 (위기 c2)");
    assertThat(WebKorean.engine("a3 dissolved: cohesion fell below 0.2 (free-riding)"))
        .isEqualTo("a3 해체: 결속력이 0.2 아래로 떨어짐 (무임승차)");
    assertThat(WebKorean.engine("something the client does not know")).isNull();
    assertThat(WebKorean.turnLabel("July 1914")).isEqualTo("1914년 7월");
    assertThat(WebKorean.turnLabel("1 August 1914")).isEqualTo("1914년 8월 1일");
    assertThat(WebKorean.turnLabel("431 BC, summer")).isEqualTo("기원전 431년 여름");
  }

  private static boolean hangul(String s) {
    return s.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
  }
}
