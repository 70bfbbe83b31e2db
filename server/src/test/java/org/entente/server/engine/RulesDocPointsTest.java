package org.entente.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entente.api.Stance;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.Bandwagon;
import org.junit.jupiter.api.Test;

/**
 * The points docs/rules.md once said two ways, checked against the engine: a forced crisis marks
 * its target as attacked (and one void from the start does not), resolves in its own turn and is
 * reported as data; a BANDWAGON on the wire is DEFENSIVE unless `offensive` is set.
 */
class RulesDocPointsTest {
  private static World world(boolean allied) {
    WorldBuilder b = new WorldBuilder();
    b.state("A");
    b.state("B");
    b.state("C");
    if (allied) {
      b.alliance("a1", "C", "A", "B");
    }
    return b.build();
  }

  @Test
  void aForcedCrisisMarksItsTargetAsAttackedAndResolvesInItsOwnTurn() {
    GameState s = Games.start(world(false)).state();
    int b = s.world().index("B");
    assertThat(s.tallies().get(b).attacked()).isFalse();
    Injects.Applied applied =
        Injects.apply(s, List.of(new ScheduledEvent.ForcedCrisis(s.turn(), "A moves", "A", "B")));
    assertThat(applied.state().tallies().get(b).attacked()).isTrue();
    Crisis c = applied.state().crises().get(applied.state().crises().size() - 1);
    assertThat(c.resolvesTurn()).isEqualTo(s.turn());
    TurnReport.Event declared = applied.events().get(applied.events().size() - 1);
    assertThat(declared.detail())
        .isEqualTo(
            new TurnReport.CrisisChange(
                TurnReport.CrisisChangeKind.DECLARED, c.id(), "A", "B", s.turn(), true, "A moves"));
  }

  @Test
  void aForcedCrisisBetweenAlliesIsVoidAndMarksNobody() {
    GameState s = Games.start(world(true)).state();
    Injects.Applied applied =
        Injects.apply(s, List.of(new ScheduledEvent.ForcedCrisis(s.turn(), "A moves", "A", "B")));
    assertThat(applied.state().tallies().get(s.world().index("B")).attacked()).isFalse();
    assertThat(applied.state().crises()).isEmpty();
    assertThat(applied.events()).hasSize(1);
    assertThat(applied.events().get(0).kind()).isEqualTo(TurnReport.EventKind.CRISIS_VOID);
    assertThat(((TurnReport.CrisisChange) applied.events().get(0).detail()).change())
        .isEqualTo(TurnReport.CrisisChangeKind.VOID);
  }

  @Test
  void aBandwagonOnTheWireIsDefensiveUnlessOffensiveIsSet() {
    var plain =
        org.entente.proto.v1.Stance.newBuilder()
            .setBandwagon(Bandwagon.newBuilder().setWith("A"))
            .build();
    var jackal =
        org.entente.proto.v1.Stance.newBuilder()
            .setBandwagon(Bandwagon.newBuilder().setWith("A").setOffensive(true))
            .build();
    assertThat(((Stance.Bandwagon) Wire.stance(plain, "stance")).bandwagonKind())
        .isEqualTo(Stance.BandwagonKind.DEFENSIVE);
    assertThat(((Stance.Bandwagon) Wire.stance(jackal, "stance")).bandwagonKind())
        .isEqualTo(Stance.BandwagonKind.OFFENSIVE);
  }
}
