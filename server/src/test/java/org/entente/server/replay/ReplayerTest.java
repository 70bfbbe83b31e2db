package org.entente.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.entente.api.PlayerView;
import org.entente.server.engine.GameState;
import org.entente.server.engine.StateHasher;
import org.entente.server.engine.Views;
import org.entente.server.engine.World;
import org.entente.server.history.GameHistory;
import org.entente.server.journal.JournalReader;
import org.entente.server.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReplayerTest {
  @TempDir Path dir;

  static List<String> scenarios() {
    return ScenarioLoader.builtinIds();
  }

  @SuppressWarnings("unchecked")
  static Map<String, List<String>> golden() throws Exception {
    return new ObjectMapper()
        .readValue(Path.of("src/test/resources/golden/hashes.json").toFile(), Map.class);
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void replayingAGoldenGameReproducesEveryStoredHashColdThenBackwardsFromTheCache(String id)
      throws Exception {
    List<String> expected = golden().get(id);
    assertThat(expected).isNotNull();
    Path file = Journals.simulate(dir, id);
    Replayer r = Replayer.open(file, 4, Replayer.DEFAULT_CACHE_BYTES);
    assertThat(r.turns()).isEqualTo(expected.size());
    // cold: every turn opened with an empty cache
    for (int t = 1; t <= r.turns(); t++) {
      r.clearCache();
      assertThat(r.report(t).stateHash())
          .as("%s turn %d cold", id, t)
          .isEqualTo(expected.get(t - 1));
      assertThat(StateHasher.hash(r.state(t + 1))).isEqualTo(expected.get(t - 1));
      assertThat(r.hash(t)).isEqualTo(expected.get(t - 1));
    }
    // warm the cache going forward, then step backwards N..1 from it
    r.clearCache();
    for (int t = 1; t <= r.turns() + 1; t++) {
      r.state(t);
    }
    assertThat(r.cached()).isPositive();
    for (int t = r.turns(); t >= 1; t--) {
      assertThat(r.report(t).stateHash())
          .as("%s turn %d back", id, t)
          .isEqualTo(expected.get(t - 1));
      assertThat(StateHasher.hash(r.state(t + 1))).isEqualTo(expected.get(t - 1));
    }
  }

  @Test
  void aReplayFromAHistoryMatchesTheJournal() throws Exception {
    String id = scenarios().get(0);
    Path file = Journals.simulate(dir, id);
    GameHistory h = JournalReader.history(file);
    Replayer fromJournal = Replayer.open(file);
    Replayer fromHistory = Replayer.of(h);
    assertThat(fromHistory.turns()).isEqualTo(fromJournal.turns());
    for (int t = 1; t <= h.reports().size(); t++) {
      assertThat(fromHistory.report(t).stateHash()).isEqualTo(fromJournal.report(t).stateHash());
      assertThat(fromJournal.orders(t)).isNotNull();
    }
    assertThat(fromJournal.history().reports()).hasSameSizeAs(h.reports());
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void aSeatSeesOnlyWhatItsSeatKnew(String id) throws Exception {
    Path file = Journals.simulate(dir, id);
    GameHistory h = JournalReader.history(file);
    Replayer r = Replayer.open(file);
    World w = r.world();
    for (int t = 1; t <= r.turns(); t++) {
      GameState s = h.states().get(t - 1);
      for (int j = 0; j < w.size(); j++) {
        String seat = w.start().get(j).id();
        PlayerView v = r.view(t, seat);
        PlayerView engine = Views.of(s, t == 1 ? null : h.reports().get(t - 2), seat);
        assertThat(v).usingRecursiveComparison().isEqualTo(engine);
        ReplayView rv = r.view(t, Role.seat(seat));
        assertThat(rv).isInstanceOf(ReplayView.SeatView.class);
        assertThat(((ReplayView.SeatView) rv).view()).usingRecursiveComparison().isEqualTo(engine);
        assertThat(v.privateBriefing()).isEqualTo(w.privateBriefings().get(j));
        String text = v.toString();
        for (int k = 0; k < w.size(); k++) {
          String other = w.privateBriefings().get(k);
          if (k != j
              && other != null
              && !other.isBlank()
              && !other.equals(w.privateBriefings().get(j))) {
            assertThat(text)
                .as("%s sees %s's briefing", seat, w.start().get(k).id())
                .doesNotContain(other);
          }
        }
        // the threat row carries this seat's own intent row only
        for (PlayerView.ThreatEntry e : v.threats()) {
          assertThat(e.intent()).isEqualTo(s.intent().get(j, w.index(e.actor())));
        }
        assertThat(v.outcomes()).allMatch(o -> o.state().equals(seat));
      }
      ReplayView obs = r.view(t, Role.OBSERVER);
      assertThat(obs).isInstanceOf(ReplayView.ObserverView.class);
      ReplayView ins = r.view(t, Role.INSTRUCTOR);
      assertThat(((ReplayView.InstructorView) ins).seats()).hasSize(w.size());
      assertThat(((ReplayView.InstructorView) ins).orders()).isEqualTo(r.orders(t));
    }
  }
}
