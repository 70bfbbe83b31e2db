package org.entente.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entente.api.OrderOutcome;
import org.entente.api.OrderSyntax;
import org.entente.server.engine.Scoring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code entente export --csv}: files a spreadsheet reads back to the game's outcomes. */
class ExportCsvTest {
  @TempDir Path dir;

  @Test
  void everyOutcomeAndEveryStatesTurnReadsBack() throws Exception {
    Path file = Journals.simulate(dir, "europe-1914");
    Replayer r = Replayer.open(file);
    Path out = dir.resolve("csv");
    Journals.Run run = Journals.run("export", file.toString(), "--csv", out.toString());
    assertThat(run.code()).as(run.err()).isZero();

    List<List<String>> rows = parse(out.resolve(r.gameId() + "-orders.csv"));
    assertThat(rows.get(0)).isEqualTo(ExportCommand.ORDERS_HEADER);
    List<List<String>> expected = new ArrayList<>();
    boolean quoted = false;
    for (int t = 1; t <= r.turns(); t++) {
      for (OrderOutcome o : r.report(t).outcomes()) {
        var given = r.orders(t).get(o.state());
        String orders = given == null ? "" : OrderSyntax.format(given);
        quoted |= orders.contains(",") || o.reason().contains(",");
        // a simulated game: every seat is its bot's
        expected.add(
            List.of(
                Integer.toString(t),
                o.state(),
                orders,
                o.order(),
                o.code().name(),
                o.reason(),
                "bot (" + r.strategies().get(o.state()) + ")"));
      }
    }
    assertThat(quoted).as("some field needs quoting").isTrue();
    assertThat(rows.subList(1, rows.size())).isEqualTo(expected);

    for (var n : r.world().start()) {
      List<List<String>> st = parse(out.resolve(r.gameId() + "-" + n.id() + ".csv"));
      assertThat(st.get(0)).isEqualTo(ExportCommand.STATE_HEADER);
      assertThat(st).hasSize(r.turns() + 1);
      for (int t = 1; t <= r.turns(); t++) {
        List<String> row = st.get(t);
        assertThat(row).hasSize(ExportCommand.STATE_HEADER.size());
        assertThat(row.get(0)).isEqualTo(Integer.toString(t));
        String seat = n.id();
        double total =
            Scoring.scores(r.state(t + 1)).stream()
                .filter(s -> s.state().equals(seat))
                .findFirst()
                .orElseThrow()
                .total();
        assertThat(Double.parseDouble(row.get(14))).isCloseTo(total, within(1e-6));
        assertThat(row.get(3))
            .isEqualTo(
                String.join(
                    " ", r.report(t).outcomesOf(seat).stream().map(o -> o.code().name()).toList()));
      }
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  /** An RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
  static List<List<String>> parse(Path p) throws Exception {
    String s = Files.readString(p, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    int i = 0;
    boolean inQuotes = false;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (inQuotes) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          f.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          inQuotes = false;
        } else {
          f.append(c);
        }
        i++;
        continue;
      }
      if (c == '"') {
        assertThat(f.length()).as("a quote opens a field only at its start").isZero();
        inQuotes = true;
      } else if (c == ',') {
        row.add(f.toString());
        f.setLength(0);
      } else if (c == '\r') {
        assertThat(s.charAt(i + 1)).as("CR is followed by LF").isEqualTo('\n');
        row.add(f.toString());
        f.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        assertThat(c).as("a bare line feed outside quotes").isNotEqualTo('\n');
        f.append(c);
      }
      i++;
    }
    assertThat(inQuotes).isFalse();
    assertThat(row).isEmpty();
    return rows;
  }
}
