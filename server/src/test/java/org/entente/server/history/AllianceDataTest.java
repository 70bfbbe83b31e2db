package org.entente.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The alliance data as read from the classpath extracts, with and without the artefact filter. */
class AllianceDataTest {
  private static final int UKG = 200;
  private static final int BEL = 211;
  private static final int FRN = 220;
  private static final int GMY = 255;
  private static final int POL = 290;
  private static final int CZE = 315;
  private static final int YUG = 345;
  private static final int ROM = 360;
  private static final int RUS = 365;
  private static final int EGY = 651;
  private static final int SYR = 652;
  private static final int LEB = 660;

  @Test
  void locarnoPairsAreRemovedAndReportedButBilateralPactsStay() {
    AllianceData raw = AllianceData.load("europe_1935_1939", List.of());
    AllianceData filtered = AllianceData.load("europe_1935_1939");
    // Locarno makes France and Germany a defence pair in 1936 in both data sets
    assertThat(raw.pairs(1936)).contains(Dyad.of(FRN, GMY), Dyad.of(BEL, GMY));
    assertThat(filtered.pairs(1936)).doesNotContain(Dyad.of(FRN, GMY), Dyad.of(BEL, GMY));
    assertThat(filtered.removals(1936))
        .contains(new AllianceData.Removal("Locarno", Dyad.of(FRN, GMY), 1936));
    // Britain and France are kept (their own guarantee of 1936), as are France's eastern pacts
    assertThat(filtered.pairs(1936))
        .contains(Dyad.of(UKG, FRN), Dyad.of(FRN, POL), Dyad.of(FRN, CZE), Dyad.of(FRN, RUS));
    assertThat(filtered.removals(1936)).noneMatch(r -> r.dyad().equals(Dyad.of(UKG, FRN)));
  }

  @Test
  void nyonPairsAreRemovedButTheBalkanPactStays() {
    AllianceData filtered = AllianceData.load("europe_1935_1939");
    assertThat(AllianceData.load("europe_1935_1939", List.of()).pairs(1937))
        .contains(Dyad.of(YUG, RUS));
    assertThat(filtered.pairs(1937)).doesNotContain(Dyad.of(YUG, RUS), Dyad.of(UKG, ROM));
    assertThat(filtered.pairs(1937)).contains(Dyad.of(YUG, ROM), Dyad.of(FRN, RUS));
  }

  @Test
  void theArabLeagueTreatyIsRemovedExceptWhereAPactOfItsOwnStood() {
    AllianceData filtered = AllianceData.load("middle_east_1955_1979");
    assertThat(AllianceData.load("middle_east_1955_1979", List.of()).pairs(1960))
        .contains(Dyad.of(EGY, LEB));
    assertThat(filtered.pairs(1960)).doesNotContain(Dyad.of(EGY, LEB));
    assertThat(filtered.pairs(1955)).contains(Dyad.of(EGY, SYR));
    assertThat(filtered.pairs(1962)).doesNotContain(Dyad.of(EGY, SYR));
  }

  @Test
  void presenceFollowsTheNmcRowsAndWindowsCoverTheirYears() {
    AllianceData middleEast = AllianceData.load("middle_east_1955_1979");
    assertThat(middleEast.present(1957)).contains(SYR);
    assertThat(middleEast.present(1959)).doesNotContain(SYR); // the United Arab Republic
    assertThat(middleEast.covers(1955)).isTrue();
    assertThat(middleEast.covers(1980)).isFalse();
    assertThat(middleEast.ccode("EGY")).isEqualTo(EGY);
  }

  @Test
  void quotedCsvFieldsSplit() {
    assertThat(AllianceData.split("2,\"USA\",\"a, b\",\"say \"\"hi\"\"\""))
        .containsExactly("2", "USA", "a, b", "say \"hi\"");
  }
}
