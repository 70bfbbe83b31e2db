package org.entente.server.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.server.engine.Scoring;
import org.entente.server.engine.World;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.journal.Replay;
import org.entente.server.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole tournaments: reproducible across thread counts, and able to tell strategies apart. */
class TournamentTest {

  static Schedule schedule(List<String> scenarios, List<String> strategies, int games, long seed) {
    List<Arena> arenas = new ArrayList<>();
    scenarios.forEach(id -> arenas.add(Arena.load(id, true)));
    return new Schedule(arenas, Entrant.parse(strategies, List.of()), games, seed);
  }

  static List<GameResult> run(Schedule s, int threads) throws InterruptedException {
    return new Tournament(s, threads, null, null).run();
  }

  @Test
  void theSameSeedGivesByteIdenticalStandingsWithOneAndTwoThreads(@TempDir Path dir)
      throws Exception {
    Schedule s =
        schedule(
            List.of("tutorial", "east-asia-2016"),
            List.of("threat-balancer", "random", "opportunist"),
            12,
            2026);
    StandingsWriter.writeAll(Standings.of(s, run(s, 1)), dir.resolve("one"));
    StandingsWriter.writeAll(Standings.of(s, run(s, 2)), dir.resolve("two"));
    for (String f : StandingsWriter.FILES) {
      byte[] one = Files.readAllBytes(dir.resolve("one").resolve(f));
      byte[] two = Files.readAllBytes(dir.resolve("two").resolve(f));
      assertThat(one).as(f).isNotEmpty().isEqualTo(two);
    }
    // and a different seed changes them
    Schedule other =
        schedule(
            List.of("tutorial", "east-asia-2016"),
            List.of("threat-balancer", "random", "opportunist"),
            12,
            2027);
    assertThat(StandingsWriter.json(Standings.of(other, run(other, 2))))
        .isNotEqualTo(Files.readString(dir.resolve("one").resolve("standings.json")));
  }

  @Test
  void aBetterStrategyIsSignificantlyAheadAndTwoCopiesAreNot() throws Exception {
    Schedule s =
        schedule(
            List.of("tutorial"), List.of("threat-balancer", "threat-balancer#2", "random"), 150, 8);
    Standings st = Standings.of(s, run(s, 2));
    Standings.Pair vsRandom = st.pair("threat-balancer", "random");
    Standings.Pair copyVsRandom = st.pair("threat-balancer#2", "random");
    Standings.Pair copies = st.pair("threat-balancer", "threat-balancer#2");
    assertThat(vsRandom.significant()).as("threat-balancer vs random: %s", vsRandom).isTrue();
    assertThat(vsRandom.diff()).isGreaterThan(0);
    assertThat(copyVsRandom.significant()).as("copy vs random: %s", copyVsRandom).isTrue();
    assertThat(copies.significant()).as("two copies: %s", copies).isFalse();
    List<Standings.Row> overall = st.rows(Standings.Scope.OVERALL, "");
    assertThat(overall.get(2).entrant()).isEqualTo("random");
    assertThat(overall.get(2).rating()).isLessThan(overall.get(0).rating());
    assertThat(StandingsWriter.text(st))
        .containsPattern("threat-balancer(#2)? +> random")
        .containsPattern("threat-balancer(#2)? +~ threat-balancer");
  }

  @Test
  void aTournamentGameIsTheGameSimulatePlays() throws Exception {
    Schedule s = schedule(List.of("europe-1914"), List.of("threat-balancer", "opportunist"), 4, 3);
    List<GameResult> results = run(s, 2);
    for (int g = 0; g < s.games(); g++) {
      Arena a = s.arenas().get(0);
      Map<String, String> strategies = new LinkedHashMap<>();
      for (int seat = 0; seat < a.size(); seat++) {
        strategies.put(a.seats().get(seat), s.entrants().get(s.entrantAt(g, seat)).strategy());
      }
      World w = a.world();
      List<Scoring.Score> expected =
          Scoring.scores(Simulation.run(w, s.seed(g), strategies, w.turns()).last());
      for (int seat = 0; seat < a.size(); seat++) {
        assertThat(results.get(g).scores()[seat])
            .as("game %d seat %s", g, a.seats().get(seat))
            .isEqualTo(expected.get(seat).total());
      }
    }
  }

  @Test
  void journaledGamesReplayToTheSameHashesAndResults(@TempDir Path dir) throws Exception {
    Schedule s = schedule(List.of("tutorial"), List.of("threat-balancer", "random"), 4, 5);
    DirectoryJournalStore store = new DirectoryJournalStore(dir);
    Tournament t = new Tournament(s, 2, store, null);
    List<GameResult> journaled = t.run();
    List<GameResult> plain = run(s, 1);
    for (int g = 0; g < s.games(); g++) {
      assertThat(journaled.get(g).scores()).isEqualTo(plain.get(g).scores());
      Replay.Replayed r = Replay.replay(store.read(t.journalId(g)));
      assertThat(r.finished()).isTrue();
      assertThat(Scoring.scores(r.state()).get(0).total()).isEqualTo(plain.get(g).scores()[0]);
    }
    // a second run into the same directory refuses to overwrite, naming the game
    assertThatThrownBy(() -> new Tournament(s, 1, store, null).run())
        .isInstanceOf(Tournament.TournamentException.class)
        .hasMessageContaining("game ")
        .hasMessageContaining("journal exists");
  }

  @Test
  void winSharesSplitTiesAtTheTop() {
    GameResult r =
        new GameResult(
            0,
            0,
            new int[] {0, 1, 2},
            new double[] {70, 70, 10},
            new boolean[] {true, true, false});
    assertThat(r.winShares()).containsExactly(0.5, 0.5, 0.0);
  }
}
