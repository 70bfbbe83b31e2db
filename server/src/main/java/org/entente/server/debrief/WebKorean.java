package org.entente.server.debrief;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web client's Korean, read from its own files so the debrief and the seminar pages word things
 * alike: the dictionary ({@code web/js/i18n/ko.js}: outcome codes, strategies, named alliances) and
 * the patterns that turn the engine's English sentences into Korean ({@code
 * web/js/i18n/engine.js}), applied as the client applies them. Particles after a substituted id or
 * number are fitted to how it is read ("FRN과", "GMY와").
 */
final class WebKorean {
  private WebKorean() {}

  private record Rule(Pattern re, String ko, boolean nested) {}

  private static final Pattern ENTRY =
      Pattern.compile(
          "^\\s*'([^']+)':\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'),?\\s*$");
  private static final Pattern CONST = Pattern.compile("^const (\\w+) = '((?:[^'\\\\]|\\\\.)*)';$");
  private static final Pattern RULE =
      Pattern.compile(
          "^\\s*\\[(`[^`]*`|'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"),\\s*'((?:[^'\\\\]|\\\\.)*)'\\],\\s*$");
  // a scenario's named alliance: the client names the hyphenated ones; "nato" is named here too
  private static final Pattern NAMED_ALLIANCE = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
  private static final Pattern LOWER_WORD = Pattern.compile("[a-z]{2,}");

  private static Map<String, String> dict;
  private static List<Rule> rules;

  private static String read(String path) {
    try (InputStream in = WebKorean.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the web client's " + path + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 'n' ? '\n' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static synchronized void load() {
    if (dict != null) {
      return;
    }
    Map<String, String> d = new HashMap<>();
    for (String line : read("web/js/i18n/ko.js").split("\n")) {
      Matcher m = ENTRY.matcher(line);
      if (m.matches()) {
        d.put(m.group(1), unescape(m.group(2) != null ? m.group(2) : m.group(3)));
      }
    }
    Map<String, String> consts = new HashMap<>();
    List<Rule> r = new ArrayList<>();
    boolean inRules = false;
    for (String line : read("web/js/i18n/engine.js").split("\n")) {
      Matcher c = CONST.matcher(line);
      if (c.matches()) {
        consts.put(c.group(1), unescape(c.group(2)));
        continue;
      }
      if (line.startsWith("const RULES = [")) {
        inRules = true;
        continue;
      }
      if (inRules && line.startsWith("];")) {
        break;
      }
      Matcher m = inRules ? RULE.matcher(line) : null;
      if (m == null || !m.matches()) {
        continue;
      }
      String en = m.group(1);
      en = unescape(en.substring(1, en.length() - 1));
      for (Map.Entry<String, String> k : consts.entrySet()) {
        en = en.replace("${" + k.getKey() + "}", k.getValue());
      }
      boolean nested = en.contains("{REST}");
      en = en.replace("{REST}", "(.+)");
      r.add(new Rule(Pattern.compile("^" + en + "$"), unescape(m.group(2)), nested));
    }
    // sentences the client's patterns do not know yet
    r.add(
        new Rule(
            Pattern.compile("^cohesion fell below ([0-9][0-9.,]*) \\((.+)\\)$"),
            "결속력이 $1 아래로 떨어짐 ($2)",
            true));
    if (d.size() < 100 || r.size() < 50) {
      throw new IllegalStateException(
          "could not read the web client's Korean ("
              + d.size()
              + " words, "
              + r.size()
              + " rules)");
    }
    rules = List.copyOf(r);
    dict = Map.copyOf(d);
  }

  /** The client's Korean for {@code key}, or null. */
  static String t(String key) {
    load();
    return dict.get(key);
  }

  /** How many engine patterns were read (for the tests). */
  static int rules() {
    load();
    return rules.size();
  }

  /** Korean for one sentence the engine wrote, or null when no pattern knows it. */
  static String engine(String text) {
    load();
    String s = text == null ? "" : text.trim();
    if (s.isEmpty()) {
      return "";
    }
    for (Rule r : rules) {
      Matcher m = r.re().matcher(s);
      if (!m.matches()) {
        continue;
      }
      String out = fill(r, m);
      if (out != null) {
        return out;
      }
    }
    if (s.contains("; ")) {
      List<String> parts = new ArrayList<>();
      for (String p : s.split("; ")) {
        String k = engine(p);
        if (k == null) {
          return null;
        }
        parts.add(k);
      }
      return String.join("; ", parts);
    }
    return null;
  }

  private static String fill(Rule r, Matcher m) {
    String ko = r.ko();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < ko.length(); i++) {
      char c = ko.charAt(i);
      if (c != '$' || i + 1 >= ko.length() || !Character.isDigit(ko.charAt(i + 1))) {
        b.append(c);
        continue;
      }
      int j = i + 1;
      while (j < ko.length() && Character.isDigit(ko.charAt(j))) {
        j++;
      }
      int k = Integer.parseInt(ko.substring(i + 1, j));
      String part = k <= m.groupCount() && m.group(k) != null ? m.group(k) : "";
      String named = NAMED_ALLIANCE.matcher(part).matches() ? t("allianceId." + part) : null;
      if (named != null) {
        part = named;
      } else if (r.nested()) {
        String inner = engine(part);
        if (inner == null && LOWER_WORD.matcher(part).find()) {
          return null;
        }
        part = inner == null ? part : inner;
      }
      b.append(part);
      i = j - 1;
      // the particle right after the part, fitted to it
      if (j < ko.length()) {
        String fitted = Josa.fit(part, ko.charAt(j));
        if (fitted != null) {
          b.append(fitted);
          i = j;
        }
      }
    }
    return b.toString();
  }

  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };

  private static int month(String name) {
    for (int i = 0; i < MONTHS.length; i++) {
      if (MONTHS[i].equals(name)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static final Pattern DAY = Pattern.compile("^([0-9]{1,2}) ([A-Z][a-z]+) (-?[0-9]+)$");
  private static final Pattern MONTH = Pattern.compile("^([A-Z][a-z]+) (-?[0-9]+)$");
  private static final Pattern YEAR = Pattern.compile("^([0-9]+)( BC)?(?:, (summer|winter))?$");
  private static final Pattern TURN = Pattern.compile("^turn ([0-9]+)$");

  /**
   * A turn's calendar label ("July 1914", "1 August 1914", "431 BC, summer") in Korean, as the
   * client's {@code turnLabel}; a label of another form is kept.
   */
  static String turnLabel(String label) {
    String s = label == null ? "" : label;
    Matcher m = DAY.matcher(s);
    if (m.matches() && month(m.group(2)) > 0) {
      return m.group(3) + "년 " + month(m.group(2)) + "월 " + m.group(1) + "일";
    }
    m = MONTH.matcher(s);
    if (m.matches() && month(m.group(1)) > 0) {
      return m.group(2) + "년 " + month(m.group(1)) + "월";
    }
    m = YEAR.matcher(s);
    if (m.matches()) {
      return (m.group(2) != null ? "기원전 " : "")
          + m.group(1)
          + "년"
          + (m.group(3) == null ? "" : m.group(3).equals("summer") ? " 여름" : " 겨울");
    }
    m = TURN.matcher(s);
    if (m.matches()) {
      return m.group(1) + "턴";
    }
    return s;
  }
}
