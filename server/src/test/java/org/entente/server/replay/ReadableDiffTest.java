package org.entente.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.entente.api.OrderSyntax;
import org.entente.api.Orders;
import org.entente.server.engine.Alliance;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Games;
import org.entente.server.history.GameHistory;
import org.entente.server.sim.AllianceGames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code entente diff} prints what a person reads, for games kept in two data directories. */
class ReadableDiffTest {
  @TempDir Path dir;

  @Test
  void diffOfABranchKeptElsewhereIsReadable() throws Exception {
    Path parent = Journals.simulate(dir, "europe-1914");
    Path branches = dir.resolve("elsewhere");
    Journals.Run br =
        Journals.run(
            "branch",
            parent.toString(),
            "--turn",
            "3",
            "--orders",
            "FRN=BALANCE GMY 0.15 RUS,UKG; AID RUS 5",
            "--journal",
            branches.toString());
    assertThat(br.code()).as(br.err()).isZero();
    Path branch;
    try (Stream<Path> files = Files.list(branches)) {
      branch = files.toList().get(0);
    }
    Journals.Run r = Journals.run("diff", parent.toString(), branch.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String out = r.out();
    // no 16-digit floats, no empty Java lists
    assertThat(Pattern.compile("\\d\\.\\d{4,}").matcher(out).find()).as(out).isFalse();
    assertThat(Pattern.compile("\\d\\.0\\b").matcher(out).find()).as(out).isFalse();
    assertThat(out).doesNotContain("[]");
    assertThat(out).contains("first divergent turn: 3").contains("turn 3:");
    assertThat(out).contains("FRN actions: A ").contains("|  B AID RUS 5\n");
    assertThat(out).contains("score A").contains("power B");

    // the HTML report: power and score over time in each game side by side, then the diff
    Path page = dir.resolve("whatif/diff.html");
    Journals.Run h =
        Journals.run(
            "diff",
            parent.toString(),
            branch.toString(),
            "--format",
            "html",
            "--out",
            page.toString());
    assertThat(h.code()).as(h.err()).isZero();
    String html = Files.readString(page);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<h2 id=\"power\">Power over time</h2>", "<h2 id=\"score\">Score over time</h2>")
        .contains("first divergent turn: 3", "FRN actions: A ");
    assertThat(html.split("<svg", -1)).hasSize(5); // two pairs of charts
    assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script", "http");
    Journals.Run badFormat =
        Journals.run("diff", parent.toString(), branch.toString(), "--format", "pdf");
    assertThat(badFormat.code()).isEqualTo(2);
    assertThat(badFormat.err()).contains("unknown format 'pdf'");

    // by game ids, each in its own data directory
    String idA = parent.getFileName().toString().replace(".journal", "");
    String idB = branch.getFileName().toString().replace(".journal", "");
    Journals.Run byId =
        Journals.run(
            "diff",
            idA,
            idB,
            "--data",
            parent.getParent().toString(),
            "--data-b",
            branches.toString());
    assertThat(byId.code()).as(byId.err()).isZero();
    assertThat(byId.out()).isEqualTo(out);
  }

  @Test
  void anAllianceThatStandsInOneGameOnlyIsNamedAtItsTurn() throws Exception {
    // A: LEN and OST stand allied against KAD for four turns; B: OST leaves on turn 2
    var world = AllianceGames.world();
    var plain = AllianceGames.orders(false);
    var a = Games.play(world, AllianceGames.SEED, 4, t -> plain);
    String alliance = a.states().get(1).alliances().get(0).id();
    Map<String, Orders> leave = new TreeMap<>(plain);
    leave.put("OST", OrderSyntax.parse("HIDE; LEAVE " + alliance));
    var b = Games.play(world, AllianceGames.SEED, 4, t -> t.state().turn() == 2 ? leave : plain);
    Diff d =
        Diff.of(
            GameHistory.of("g", world, AllianceGames.SEED, a, AllianceGames.strategies()),
            null,
            GameHistory.of("g", world, AllianceGames.SEED, b, AllianceGames.strategies()),
            null);
    StringWriter w = new StringWriter();
    d.print(new PrintWriter(w));
    String out = w.toString();
    assertThat(out)
        .contains("first divergent turn: 2")
        .contains("turn 2:\n  OST stance:  A BALANCE KAD 0.1 LEN  |  B HIDE\n")
        .contains("alliances after the turn only in A: LEN+OST against KAD")
        .contains("only in B: OST left " + alliance)
        // they ally again on turn 3: the games end with the same alliance, and only the turns
        // tell that B broke it for a turn
        .contains("turn 3:\n  only in B: alliance ")
        .contains("alliances standing only in A: none")
        .contains("alliances standing only in B: none")
        .doesNotContain("[]");
  }

  private static List<String> alliances(GameState s) {
    return s.alliances().stream()
        .map((Alliance al) -> String.join("+", new TreeSet<>(al.members())))
        .toList();
  }
}
