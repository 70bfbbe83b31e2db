package org.entente.server.debrief;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.TurnReport.LensEntry;
import org.entente.server.engine.TurnReport.Prediction;

/**
 * The theory lens read over the whole game: agreement per span of turns (one table for the game,
 * not one per turn), the decisions no theory predicted, and per state its decisions beside what
 * each theory predicted, consecutive identical turns folded into one row.
 */
final class Lens {
  /** How many spans the game's turns are cut into at most. */
  static final int SPANS = 10;

  /** The fewest turns a span holds (short games get fewer spans). */
  static final int MIN_SPAN = 5;

  /** How many of the decisions no theory predicted are listed (all are counted). */
  static final int MISSES_SHOWN = 30;

  /** How many rows a state's decision table keeps (the rest are counted). */
  static final int DECISION_ROWS = 40;

  private Lens() {}

  /** The turns the spans cover: {@code [from, to]} pairs. */
  static List<int[]> spans(int turns) {
    List<int[]> out = new ArrayList<>();
    if (turns <= 0) {
      return out;
    }
    int size = Math.max(MIN_SPAN, (turns + SPANS - 1) / SPANS);
    for (int from = 1; from <= turns; from += size) {
      out.add(new int[] {from, Math.min(turns, from + size - 1)});
    }
    return out;
  }

  /** Agreement of every judged stance in each span with each theory. */
  static List<Debrief.LensSpan> agreement(List<TurnReport> reports) {
    List<Debrief.LensSpan> out = new ArrayList<>();
    for (int[] s : spans(reports.size())) {
      int n = 0;
      int t = 0;
      int p = 0;
      int i = 0;
      for (int turn = s[0]; turn <= s[1]; turn++) {
        for (LensEntry e : reports.get(turn - 1).lens()) {
          n++;
          t += e.agreesThreat() ? 1 : 0;
          p += e.agreesPower() ? 1 : 0;
          i += e.agreesInterests() ? 1 : 0;
        }
      }
      out.add(new Debrief.LensSpan(s[0], s[1], n, rate(t, n), rate(p, n), rate(i, n)));
    }
    return out;
  }

  /** The decisions none of the three theories predicted, in turn order. */
  static List<Debrief.Decision> misses(List<TurnReport> reports, String only) {
    return misses(reports, only, Words.EN);
  }

  /** The decisions none of the three theories predicted, in turn order, worded in {@code w}. */
  static List<Debrief.Decision> misses(List<TurnReport> reports, String only, Words w) {
    List<Debrief.Decision> out = new ArrayList<>();
    for (TurnReport r : reports) {
      for (LensEntry e : r.lens()) {
        if (only != null && !only.equals(e.state())) {
          continue;
        }
        if (!e.agreesThreat() && !e.agreesPower() && !e.agreesInterests()) {
          out.add(decision(r.turn(), r.turn(), e, w));
        }
      }
    }
    return out;
  }

  /** Per state, its decisions beside the predictions, identical consecutive turns folded. */
  static List<Debrief.StateDecisions> perState(List<TurnReport> reports, List<String> ids) {
    return perState(reports, ids, Words.EN);
  }

  /** Per state, its decisions beside the predictions, worded in {@code w}. */
  static List<Debrief.StateDecisions> perState(
      List<TurnReport> reports, List<String> ids, Words w) {
    List<Debrief.StateDecisions> out = new ArrayList<>();
    for (String id : ids) {
      List<Debrief.Decision> rows = new ArrayList<>();
      for (TurnReport r : reports) {
        for (LensEntry e : r.lens()) {
          if (!e.state().equals(id)) {
            continue;
          }
          Debrief.Decision d = decision(r.turn(), r.turn(), e, w);
          Debrief.Decision last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
          if (last != null && last.to() == r.turn() - 1 && last.sameAs(d)) {
            rows.set(rows.size() - 1, last.through(r.turn()));
          } else {
            rows.add(d);
          }
        }
      }
      int more = Math.max(0, rows.size() - DECISION_ROWS);
      out.add(
          new Debrief.StateDecisions(
              id, List.copyOf(rows.subList(0, Math.min(rows.size(), DECISION_ROWS))), more));
    }
    return out;
  }

  private static Debrief.Decision decision(int from, int to, LensEntry e, Words w) {
    return new Debrief.Decision(
        from,
        to,
        e.state(),
        Debrief.stanceWords(e.actual(), e.actualTarget(), w),
        words(e.threat(), w),
        words(e.power(), w),
        words(e.interests(), w),
        e.agreesThreat(),
        e.agreesPower(),
        e.agreesInterests());
  }

  private static String words(Prediction p, Words w) {
    return p == null ? "-" : Debrief.stanceWords(p.kind(), p.target(), w);
  }

  private static double rate(int a, int n) {
    return n == 0 ? 0 : (double) a / n;
  }

  /** Whether two decisions read the same apart from their turns. */
  static boolean same(Debrief.Decision a, Debrief.Decision b) {
    return Objects.equals(a.actual(), b.actual())
        && Objects.equals(a.threat(), b.threat())
        && Objects.equals(a.power(), b.power())
        && Objects.equals(a.interests(), b.interests());
  }
}
