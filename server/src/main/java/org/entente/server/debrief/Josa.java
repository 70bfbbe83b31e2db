package org.entente.server.debrief;

/**
 * Korean particles fitted to the word before them: 이/가, 을/를, 은/는, 과/와, 으로/로, chosen by whether the
 * word, read aloud, ends in a consonant. A state id is read letter by letter in English ("FRN" ends
 * in 엔, "GMY" in 와이), a number digit by digit in Sino-Korean.
 */
final class Josa {
  private Josa() {}

  /** Latin letters whose Korean names end in a consonant: L 엘, M 엠, N 엔, R 알. */
  private static final String LATIN_FINAL = "LMNRlmnr";

  /** Digits whose readings end in a consonant: 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔. */
  private static final String DIGIT_FINAL = "013678";

  /** 0: ends in a vowel; 1: in ㄹ; 2: in another consonant. */
  private static int ending(String word) {
    for (int i = word.length() - 1; i >= 0; i--) {
      char c = word.charAt(i);
      if (c >= 0xAC00 && c <= 0xD7A3) {
        int jong = (c - 0xAC00) % 28;
        return jong == 0 ? 0 : jong == 8 ? 1 : 2;
      }
      if (Character.isLetter(c)) {
        return LATIN_FINAL.indexOf(c) < 0
            ? 0
            : "Ll".indexOf(c) >= 0 || "Rr".indexOf(c) >= 0 ? 1 : 2;
      }
      if (Character.isDigit(c)) {
        return DIGIT_FINAL.indexOf(c) < 0 ? 0 : "178".indexOf(c) >= 0 ? 1 : 2;
      }
      if (c == '%') {
        return 0; // 퍼센트
      }
      // brackets, spaces and punctuation are read through
    }
    return 0;
  }

  /** {@code word} followed by the subject particle 이/가. */
  static String iGa(String word) {
    return word + (ending(word) == 0 ? "가" : "이");
  }

  /** {@code word} followed by the object particle 을/를. */
  static String eulReul(String word) {
    return word + (ending(word) == 0 ? "를" : "을");
  }

  /** {@code word} followed by the topic particle 은/는. */
  static String eunNeun(String word) {
    return word + (ending(word) == 0 ? "는" : "은");
  }

  /** {@code word} followed by 과/와. */
  static String gwaWa(String word) {
    return word + (ending(word) == 0 ? "와" : "과");
  }

  /** {@code word} followed by 으로/로 (ㄹ takes 로). */
  static String euro(String word) {
    return word + (ending(word) == 2 ? "으로" : "로");
  }

  /**
   * The particle {@code p} (one of 이가을를은는과와) fitted to {@code word}, or null when {@code p} is not
   * one of them.
   */
  static String fit(String word, char p) {
    boolean vowel = ending(word) == 0;
    return switch (p) {
      case '이', '가' -> vowel ? "가" : "이";
      case '을', '를' -> vowel ? "를" : "을";
      case '은', '는' -> vowel ? "는" : "은";
      case '과', '와' -> vowel ? "와" : "과";
      default -> null;
    };
  }
}
