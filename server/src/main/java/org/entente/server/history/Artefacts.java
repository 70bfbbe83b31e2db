package org.entente.server.history;

import java.util.List;
import java.util.Set;

/**
 * Multilateral treaties that the alliance data spell out as pairs although they aligned nobody with
 * anybody in particular. The extracts give obligations per pair and year, not per treaty, so an
 * artefact is removed by pair and year: every pair of its parties within its years loses its
 * obligations in both data sets, except the pairs listed as kept, which had a treaty of their own
 * in those years. Each entry and each kept pair carries the reason for the judgement.
 */
final class Artefacts {
  private Artefacts() {}

  /** A multilateral treaty removed from the data. Parties are COW state abbreviations. */
  record Artefact(
      String name, int first, int last, Set<String> parties, String reason, List<Kept> kept) {
    Artefact {
      parties = Set.copyOf(parties);
      kept = List.copyOf(kept);
    }

    /** True when this artefact removes the pair {@code a}-{@code b} in {@code year}. */
    boolean removes(String a, String b, int year) {
      if (year < first || year > last || !parties.contains(a) || !parties.contains(b)) {
        return false;
      }
      return kept.stream().noneMatch(k -> k.covers(a, b, year));
    }
  }

  /** A pair of an artefact's parties that stays, in the years its own treaty stood. */
  record Kept(String a, String b, int first, int last, String reason) {
    boolean covers(String x, String y, int year) {
      return year >= first
          && year <= last
          && ((a.equals(x) && b.equals(y)) || (a.equals(y) && b.equals(x)));
    }
  }

  private static final String BALKAN_PACT =
      "Balkan Pact of February 1934 (Greece, Romania, Turkey, Yugoslavia), a defence treaty of its"
          + " own";

  /** Every artefact removed, in the order reported. */
  static final List<Artefact> ALL =
      List.of(
          new Artefact(
              "Locarno",
              1925,
              1936,
              Set.of("UKG", "FRN", "GMY", "BEL", "ITA"),
              "Rhineland Pact of 1925: Britain and Italy guaranteed the Franco-German and"
                  + " Belgian-German borders against whichever side broke them, so it appears as"
                  + " a defence pact between Germany and the states it was aimed at; Germany"
                  + " repudiated it in March 1936 (named in the data README)",
              List.of(
                  new Kept(
                      "UKG",
                      "FRN",
                      1936,
                      1936,
                      "after the Rhineland, Britain bound itself to France directly (London"
                          + " agreement of 19 March 1936, staff talks in April); ATOP carries"
                          + " the pair on to 1938 after Locarno ends"))),
          new Artefact(
              "Nyon",
              1937,
              1939,
              Set.of("UKG", "FRN", "RUS", "TUR", "GRC", "YUG", "ROM", "BUL"),
              "Nyon Arrangement of September 1937, a joint naval patrol against submarine"
                  + " piracy in the Mediterranean; its signatories (with Egypt, outside the"
                  + " extract) are exactly the states coded as mutual defence pairs from 1937,"
                  + " among them pairs with no treaty of their own: Britain and Bulgaria, and"
                  + " Yugoslavia and the Soviet Union (Yugoslavia recognised it only in 1940)",
              List.of(
                  new Kept(
                      "UKG",
                      "FRN",
                      1937,
                      1939,
                      "the Anglo-French guarantee of 1936 and the staff agreements that"
                          + " followed, coded as a defence pact before Nyon"),
                  new Kept(
                      "FRN",
                      "RUS",
                      1937,
                      1939,
                      "Franco-Soviet Treaty of Mutual Assistance of May 1935"),
                  new Kept(
                      "FRN",
                      "ROM",
                      1937,
                      1939,
                      "Franco-Romanian treaty of friendship of 1926, coded by COW as an"
                          + " entente before Nyon"),
                  new Kept(
                      "FRN",
                      "YUG",
                      1937,
                      1939,
                      "Franco-Yugoslav treaty of friendship of 1927, coded by COW as an"
                          + " entente before Nyon"),
                  new Kept("YUG", "ROM", 1937, 1939, "Little Entente and " + BALKAN_PACT),
                  new Kept("YUG", "GRC", 1937, 1939, BALKAN_PACT),
                  new Kept("YUG", "TUR", 1937, 1939, BALKAN_PACT),
                  new Kept("GRC", "ROM", 1937, 1939, BALKAN_PACT),
                  new Kept("GRC", "TUR", 1937, 1939, BALKAN_PACT),
                  new Kept("ROM", "TUR", 1937, 1939, BALKAN_PACT),
                  new Kept(
                      "UKG",
                      "TUR",
                      1939,
                      1939,
                      "Anglo-Turkish declaration of May 1939 and the Anglo-Franco-Turkish"
                          + " treaty of October 1939"),
                  new Kept(
                      "FRN",
                      "TUR",
                      1939,
                      1939,
                      "Franco-Turkish declaration of June 1939 and the Anglo-Franco-Turkish"
                          + " treaty of October 1939"))),
          new Artefact(
              "Arab League",
              1950,
              1979,
              Set.of(
                  "EGY", "IRQ", "JOR", "LEB", "SAU", "SYR", "YAR", "LIB", "SUD", "KUW", "ALG",
                  "YPR"),
              "Joint Defence and Economic Co-operation Treaty of the Arab League (1950): every"
                  + " member joins a defence pact with every other, rivals included (Egypt and"
                  + " Saudi Arabia fought a proxy war in Yemen in 1962-67), so the data show"
                  + " nearly every Arab pair allied for 1955-79 (named in the data README)",
              List.of(
                  new Kept(
                      "EGY",
                      "SYR",
                      1955,
                      1957,
                      "Egyptian-Syrian defence pact of October 1955 with a joint command, then"
                          + " the union of 1958"),
                  new Kept(
                      "EGY",
                      "SYR",
                      1966,
                      1974,
                      "Egyptian-Syrian defence pact of November 1966, through the joint war"
                          + " of October 1973 until the split over the Sinai disengagement"),
                  new Kept("EGY", "SAU", 1955, 1957, "Egyptian-Saudi defence pact of October 1955"),
                  new Kept(
                      "SYR",
                      "SAU",
                      1955,
                      1957,
                      "the Egyptian-Syrian-Saudi alignment of March 1955 against the Baghdad"
                          + " Pact (the scenario's starting alliance)"),
                  new Kept(
                      "EGY",
                      "JOR",
                      1956,
                      1957,
                      "joint military command of Egypt, Jordan and Syria of October 1956"),
                  new Kept(
                      "SYR",
                      "JOR",
                      1956,
                      1957,
                      "joint military command of Egypt, Jordan and Syria of October 1956"),
                  new Kept(
                      "EGY",
                      "YAR",
                      1956,
                      1967,
                      "Jidda Pact of April 1956, the United Arab States of 1958-61 (ATOP codes"
                          + " an offence pact), then Egypt's defence of the Yemeni republic"
                          + " until 1967"),
                  new Kept("SAU", "YAR", 1956, 1961, "Jidda Pact of April 1956"),
                  new Kept(
                      "IRQ",
                      "JOR",
                      1958,
                      1958,
                      "Arab Federation of Iraq and Jordan, February to July 1958 (ATOP codes an"
                          + " offence pact)"),
                  new Kept(
                      "JOR",
                      "SAU",
                      1962,
                      1979,
                      "Taif military pact of August 1962 (ATOP codes an offence pact to"
                          + " 1979)"),
                  new Kept(
                      "EGY", "JOR", 1967, 1967, "Egyptian-Jordanian defence pact of 30 May 1967"),
                  new Kept(
                      "EGY",
                      "IRQ",
                      1967,
                      1967,
                      "Iraq's accession to the Egyptian-Jordanian pact on 4 June 1967"))));
}
