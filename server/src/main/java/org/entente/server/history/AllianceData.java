package org.entente.server.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The alliance data of one window of years, read from the extracts on the classpath ({@code
 * /data/cow/}): a pair is allied in a year when ATOP 5.1 codes a defence or offence obligation, or
 * COW 4.1 a defence pact or an entente, after the multilateral artefacts of {@link Artefacts} are
 * removed. A state is in the data in a year when the window's NMC extract has its row for that year
 * (the extracts hold the states the window was cut to; the NMC rows follow COW system membership).
 */
final class AllianceData {
  /** The windows the extracts were cut to (data/cow/README.md). */
  static final List<String> WINDOWS =
      List.of(
          "europe_1900_1914", "europe_1935_1939", "middle_east_1955_1979", "east_asia_2010_2016");

  private static final String ROOT = "/data/cow/";

  /** A run of years in which one data set gives a pair an obligation that counts. */
  record Spell(
      String source, int ccode1, int ccode2, String abb1, String abb2, int first, int last) {}

  /** A pair-year the artefact filter took out. */
  record Removal(String artefact, Dyad dyad, int year) {}

  private final String window;
  private final int firstYear;
  private final int lastYear;
  private final List<Spell> spells;
  private final Map<Integer, Set<Integer>> present;
  private final Map<String, Integer> abbreviations;
  private final List<Artefacts.Artefact> artefacts;

  private AllianceData(
      String window,
      List<Spell> spells,
      Map<Integer, Set<Integer>> present,
      Map<String, Integer> abbreviations,
      List<Artefacts.Artefact> artefacts) {
    this.window = window;
    String[] parts = window.split("_");
    this.firstYear = Integer.parseInt(parts[parts.length - 2]);
    this.lastYear = Integer.parseInt(parts[parts.length - 1]);
    this.spells = List.copyOf(spells);
    this.present = present;
    this.abbreviations = abbreviations;
    this.artefacts = List.copyOf(artefacts);
  }

  /** The extracts of {@code window}, filtered by every artefact of {@link Artefacts#ALL}. */
  static AllianceData load(String window) {
    return load(window, Artefacts.ALL);
  }

  /** The extracts of {@code window}, filtered by {@code artefacts}. */
  static AllianceData load(String window, List<Artefacts.Artefact> artefacts) {
    if (!WINDOWS.contains(window)) {
      throw new IllegalArgumentException("no data window " + window + "; known: " + WINDOWS);
    }
    List<Spell> spells = new ArrayList<>();
    for (String[] row : rows("atop51_spells_" + window + ".csv", "atop_defense", "atop_offense")) {
      spells.add(spell("ATOP 5.1", row));
    }
    for (String[] row : rows("cow41_spells_" + window + ".csv", "cow_defense", "cow_entente")) {
      spells.add(spell("COW 4.1", row));
    }
    Map<Integer, Set<Integer>> present = new TreeMap<>();
    Map<String, Integer> abbreviations = new TreeMap<>();
    List<String[]> nmc = read("nmc70_" + window + ".csv");
    int abb = column(nmc, "stateabb");
    int code = column(nmc, "ccode");
    int year = column(nmc, "year");
    for (String[] row : nmc.subList(1, nmc.size())) {
      int c = Integer.parseInt(row[code]);
      present.computeIfAbsent(Integer.parseInt(row[year]), y -> new TreeSet<>()).add(c);
      abbreviations.put(row[abb], c);
    }
    for (Spell s : spells) {
      abbreviations.putIfAbsent(s.abb1(), s.ccode1());
      abbreviations.putIfAbsent(s.abb2(), s.ccode2());
    }
    return new AllianceData(window, spells, present, abbreviations, artefacts);
  }

  /** Builds data from spells given by hand (tests). */
  static AllianceData of(
      String window,
      List<Spell> spells,
      Map<Integer, Set<Integer>> present,
      List<Artefacts.Artefact> artefacts) {
    Map<String, Integer> abbreviations = new HashMap<>();
    for (Spell s : spells) {
      abbreviations.putIfAbsent(s.abb1(), s.ccode1());
      abbreviations.putIfAbsent(s.abb2(), s.ccode2());
    }
    return new AllianceData(window, spells, present, abbreviations, artefacts);
  }

  String window() {
    return window;
  }

  int firstYear() {
    return firstYear;
  }

  int lastYear() {
    return lastYear;
  }

  /** True when the window covers {@code year}. */
  boolean covers(int year) {
    return year >= firstYear && year <= lastYear;
  }

  /** The country code of a COW abbreviation found in the extracts, or null. */
  Integer ccode(String abbreviation) {
    return abbreviations.get(abbreviation);
  }

  /** The states (by code) in the data in {@code year}. */
  Set<Integer> present(int year) {
    return present.getOrDefault(year, Set.of());
  }

  /** The pairs allied in {@code year} after the artefacts are removed. */
  Set<Dyad> pairs(int year) {
    Set<Dyad> out = new TreeSet<>();
    for (Spell s : spells) {
      if (s.first() <= year && year <= s.last() && removedBy(s, year) == null) {
        out.add(Dyad.of(s.ccode1(), s.ccode2()));
      }
    }
    return out;
  }

  /**
   * The pair-years the artefacts took out in {@code year} (each pair once, by its first artefact).
   */
  List<Removal> removals(int year) {
    Map<Dyad, Removal> out = new TreeMap<>();
    for (Spell s : spells) {
      if (s.first() <= year && year <= s.last()) {
        String by = removedBy(s, year);
        if (by != null) {
          out.putIfAbsent(
              Dyad.of(s.ccode1(), s.ccode2()),
              new Removal(by, Dyad.of(s.ccode1(), s.ccode2()), year));
        }
      }
    }
    return List.copyOf(out.values());
  }

  private String removedBy(Spell s, int year) {
    for (Artefacts.Artefact a : artefacts) {
      if (a.removes(s.abb1(), s.abb2(), year)) {
        return a.name();
      }
    }
    return null;
  }

  private static Spell spell(String source, String[] row) {
    return new Spell(
        source,
        Integer.parseInt(row[0]),
        Integer.parseInt(row[1]),
        row[2],
        row[3],
        Integer.parseInt(row[4]),
        Integer.parseInt(row[5]));
  }

  /**
   * The rows of a spell file whose obligations count (any of {@code flags} is 1), as ccode1,
   * ccode2, abb1, abb2, first_year, last_year.
   */
  private static List<String[]> rows(String file, String... flags) {
    List<String[]> table = read(file);
    int[] cols = {
      column(table, "ccode1"),
      column(table, "ccode2"),
      column(table, "abb1"),
      column(table, "abb2"),
      column(table, "first_year"),
      column(table, "last_year")
    };
    List<String[]> out = new ArrayList<>();
    for (String[] row : table.subList(1, table.size())) {
      boolean counts = false;
      for (String f : flags) {
        counts |= "1".equals(row[column(table, f)]);
      }
      if (counts) {
        String[] picked = new String[cols.length];
        for (int i = 0; i < cols.length; i++) {
          picked[i] = row[cols[i]];
        }
        out.add(picked);
      }
    }
    return out;
  }

  private static int column(List<String[]> table, String name) {
    String[] header = table.get(0);
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("no column " + name + " in a data extract");
  }

  /** A small CSV file from the classpath: comma-separated, fields optionally in double quotes. */
  private static List<String[]> read(String file) {
    try (InputStream in = AllianceData.class.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing resource " + ROOT + file + " (scenarios jar not on the classpath?)");
      }
      List<String[]> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
        if (!line.isBlank()) {
          out.add(split(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String[] split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out.toArray(String[]::new);
  }
}
