package org.entente.server.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seat rotation is exactly balanced, and each game's seed is fixed by the tournament seed. */
class ScheduleTest {

  static List<Arena> arenas(String... ids) {
    List<Arena> out = new ArrayList<>();
    for (String id : ids) {
      out.add(Arena.load(id, false));
    }
    return out;
  }

  static List<Entrant> entrants(String... names) {
    return Entrant.parse(List.of(names), List.of());
  }

  /** counts[arena][seat][entrant] over every game. */
  static int[][][] counts(Schedule s) {
    int[][][] c = new int[s.arenas().size()][][];
    for (int a = 0; a < c.length; a++) {
      c[a] = new int[s.arenas().get(a).size()][s.entrants().size()];
    }
    for (int g = 0; g < s.games(); g++) {
      int[] seating = s.seating(g);
      for (int seat = 0; seat < seating.length; seat++) {
        c[s.arena(g)][seat][seating[seat]]++;
      }
    }
    return c;
  }

  @Test
  void everyEntrantPlaysEverySeatOfEveryScenarioEquallyOften() {
    // 3 entrants on a 3-seat and an 8-seat scenario (fewer entrants than seats), and 10 entrants
    // on the same (more entrants than seats)
    List<Schedule> schedules =
        List.of(
            new Schedule(
                arenas("tutorial", "peloponnesian-431bc"),
                entrants("threat-balancer", "random", "hider"),
                12,
                5),
            new Schedule(
                arenas("tutorial", "peloponnesian-431bc"),
                entrants(
                    "threat-balancer",
                    "random",
                    "hider",
                    "bandwagoner",
                    "buck-passer",
                    "opportunist",
                    "power-balancer",
                    "random#2",
                    "hider#2",
                    "threat-balancer#2"),
                30,
                9));
    for (Schedule s : schedules) {
      int expected = s.gamesPerScenario() / s.entrants().size();
      int[][][] c = counts(s);
      for (int a = 0; a < c.length; a++) {
        for (int seat = 0; seat < c[a].length; seat++) {
          for (int e = 0; e < s.entrants().size(); e++) {
            assertThat(c[a][seat][e])
                .as("scenario %s seat %d entrant %s", s.arenas().get(a).id(), seat, e)
                .isEqualTo(expected);
          }
        }
      }
    }
  }

  @Test
  void blocksUseDifferentOrdersSoCopiesMeetDifferentNeighbours() {
    Schedule s =
        new Schedule(arenas("tutorial"), entrants("threat-balancer", "random", "hider"), 60, 3);
    Set<List<Integer>> seatings = new HashSet<>();
    for (int g = 0; g < s.games(); g++) {
      seatings.add(java.util.Arrays.stream(s.seating(g)).boxed().toList());
    }
    assertThat(seatings).as("all 3! seatings of 3 entrants on 3 seats appear").hasSize(6);
  }

  @Test
  void gamesThatCannotBeBalancedAreRefusedWithTheNearestCounts() {
    assertThatThrownBy(
            () ->
                new Schedule(
                    arenas("tutorial"), entrants("threat-balancer", "random", "hider"), 10, 1))
        .hasMessageContaining("--games 10")
        .hasMessageContaining("3 entrants")
        .hasMessageContaining("use 9 or 12");
    assertThatThrownBy(
            () -> new Schedule(arenas("tutorial"), entrants("threat-balancer", "random"), 0, 1))
        .hasMessageContaining("use 2");
  }

  @Test
  void seedsDependOnlyOnTheTournamentSeedAndTheGameIndex() {
    Schedule a = new Schedule(arenas("tutorial"), entrants("threat-balancer", "random"), 20, 42);
    Schedule b =
        new Schedule(arenas("tutorial", "europe-1914"), entrants("hider", "random"), 10, 42);
    Schedule c = new Schedule(arenas("tutorial"), entrants("threat-balancer", "random"), 20, 43);
    Set<Long> seen = new HashSet<>();
    for (int g = 0; g < a.games(); g++) {
      assertThat(a.seed(g)).isEqualTo(b.seed(g));
      assertThat(a.seed(g)).isNotEqualTo(c.seed(g));
      seen.add(a.seed(g));
    }
    assertThat(seen).hasSize(a.games());
  }

  @Test
  void entrantNamesAreCheckedAndCopiesNeedASuffix() {
    assertThatThrownBy(() -> entrants("threat-balancer", "threat-balancer"))
        .hasMessageContaining("named twice")
        .hasMessageContaining("threat-balancer#2");
    assertThatThrownBy(() -> entrants("threat-balancer", "no-such-bot"))
        .hasMessageContaining("unknown strategy 'no-such-bot'");
    assertThatThrownBy(() -> entrants("threat-balancer")).hasMessageContaining("at least two");
    assertThat(entrants("random", "random#b").get(1).strategy()).isEqualTo("random");
  }
}
