package org.entente.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.entente.api.OrderSyntax;
import org.entente.proto.v1.AdjudicateNow;
import org.entente.proto.v1.Autopilot;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.EndGame;
import org.entente.proto.v1.JournalInstructorAction;
import org.entente.proto.v1.JournalRecord;
import org.entente.proto.v1.Pause;
import org.entente.proto.v1.PressMessage;
import org.entente.proto.v1.ResumeGame;
import org.entente.proto.v1.Role;
import org.entente.server.engine.ScheduledEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's bytes: every record kind round-trips; torn and corrupt records are caught. */
class JournalFormatTest {
  @TempDir Path dir;

  static List<JournalRecord> everyKind() {
    var orders = OrderSyntax.parse("BALANCE KAD 0.2 OST");
    List<ScheduledEvent> events =
        List.of(
            new ScheduledEvent.CapabilityShock(2, "boom", "KAD", 1.1, 0.9, 1, 1.2),
            new ScheduledEvent.IntentShift(2, "whispers", null, "OST", 0.3),
            new ScheduledEvent.IntentShift(2, "whispers", "LEN", "OST", -0.1),
            new ScheduledEvent.ForcedCrisis(2, "war", "KAD", "LEN"));
    return List.of(
        Records.created(
            1,
            "g1-abc",
            ScenarioBytes.builtin("tutorial"),
            CreateGame.newBuilder().setScenario("tutorial").setSeed(7).putBots("KAD", "x").build(),
            7,
            "itok",
            false),
        Records.member(2, "tok1", Role.SEAT, "LEN", "alice"),
        Records.member(2, "tok2", Role.OBSERVER, "", "observer"),
        Records.orders(3, 1, "LEN", orders, "alice"),
        Records.press(
            4,
            PressMessage.newBuilder()
                .setId("g1-abc-m1")
                .setTurn(1)
                .setFromState("LEN")
                .setFromMember("alice")
                .addTo("OST")
                .setText("hello")
                .build()),
        Records.instructor(
            5,
            JournalInstructorAction.newBuilder().setTurn(1).setPause(Pause.getDefaultInstance())),
        Records.instructor(
            5,
            JournalInstructorAction.newBuilder()
                .setTurn(1)
                .setResume(ResumeGame.getDefaultInstance())),
        Records.instructor(
            5, JournalInstructorAction.newBuilder().setTurn(1).setExtendMillis(30_000)),
        Records.instructor(
            5, JournalInstructorAction.newBuilder().setTurn(1).setInject(Events.toJournal(events))),
        Records.instructor(
            5,
            JournalInstructorAction.newBuilder()
                .setTurn(1)
                .setAutopilot(Autopilot.newBuilder().setState("OST").setOn(true).setStrategy("s"))),
        Records.instructor(
            5,
            JournalInstructorAction.newBuilder()
                .setTurn(1)
                .setAdjudicateNow(AdjudicateNow.getDefaultInstance())),
        Records.instructor(
            5,
            JournalInstructorAction.newBuilder()
                .setTurn(1)
                .setEndGame(EndGame.getDefaultInstance())),
        Records.annotation(6, 1, "instructor", "a good move"),
        Records.turn(7, 1, Map.of("LEN", orders, "KAD", orders), "abc123", "deadline"),
        Records.finished(8, "over"));
  }

  Path write(String id, List<JournalRecord> records) throws Exception {
    DirectoryJournalStore store = new DirectoryJournalStore(dir);
    try (Journal j = store.create(id)) {
      for (JournalRecord r : records) {
        j.append(r);
      }
      j.force();
    }
    return store.path(id);
  }

  @Test
  void everyRecordKindRoundTrips() throws Exception {
    List<JournalRecord> all = everyKind();
    Path p = write("g1-abc", all);
    JournalReader.Contents c = JournalReader.read(p);
    assertThat(c.records()).isEqualTo(all);
    assertThat(c.tailProblem()).isNull();
    assertThat(c.validLength()).isEqualTo(Files.size(p));
    assertThat(new DirectoryJournalStore(dir).list()).containsExactly("g1-abc");
    byte[] head = Files.readAllBytes(p);
    assertThat(new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("ENTJ");
    // the concrete inject events come back as the engine's
    var inject = all.get(8).getInstructor().getInject();
    assertThat(Events.fromJournal(inject))
        .containsExactly(
            new ScheduledEvent.CapabilityShock(2, "boom", "KAD", 1.1, 0.9, 1, 1.2),
            new ScheduledEvent.IntentShift(2, "whispers", null, "OST", 0.3),
            new ScheduledEvent.IntentShift(2, "whispers", "LEN", "OST", -0.1),
            new ScheduledEvent.ForcedCrisis(2, "war", "KAD", "LEN"));
  }

  @Test
  void aTornTailIsDetectedReportedAndCutOnReopen() throws Exception {
    List<JournalRecord> all = everyKind();
    Path p = write("g2-abc", all);
    long full = Files.size(p);
    long lastStart = JournalReader.read(p).offsets().get(all.size() - 1);
    for (long cut : new long[] {lastStart + 3, lastStart + 9, full - 1}) {
      byte[] bytes = Files.readAllBytes(write("t" + cut, all));
      Path torn = dir.resolve("t" + cut + ".journal");
      Files.write(torn, java.util.Arrays.copyOf(bytes, (int) cut));
      JournalReader.Contents c = JournalReader.read(torn);
      assertThat(c.records()).isEqualTo(all.subList(0, all.size() - 1));
      assertThat(c.tailProblem()).contains("torn record at byte offset " + lastStart);
      assertThat(c.validLength()).isEqualTo(lastStart);
      new DirectoryJournalStore(dir).reopen("t" + cut, c.validLength()).close();
      assertThat(Files.size(torn)).isEqualTo(lastStart);
      assertThat(JournalReader.read(torn).tailProblem()).isNull();
    }
  }

  @Test
  void aFlippedByteInTheLastRecordIsDetected() throws Exception {
    List<JournalRecord> all = everyKind();
    Path p = write("g3-abc", all);
    byte[] bytes = Files.readAllBytes(p);
    long lastStart = JournalReader.read(p).offsets().get(all.size() - 1);
    bytes[bytes.length - 2] ^= 0x10;
    Files.write(p, bytes);
    JournalReader.Contents c = JournalReader.read(p);
    assertThat(c.records()).hasSize(all.size() - 1);
    assertThat(c.tailProblem())
        .contains("corrupt last record at byte offset " + lastStart)
        .contains("CRC32C");
    assertThat(c.validLength()).isEqualTo(lastStart);
  }

  @Test
  void aFlippedByteInAMiddleRecordStopsTheGame() throws Exception {
    List<JournalRecord> all = everyKind();
    Path p = write("g4-abc", all);
    long at = JournalReader.read(p).offsets().get(3);
    byte[] bytes = Files.readAllBytes(p);
    bytes[(int) at + 12] ^= 0x01;
    Files.write(p, bytes);
    assertThatThrownBy(() -> JournalReader.read(p))
        .isInstanceOf(JournalCorruptException.class)
        .hasMessageContaining(p.toString())
        .hasMessageContaining("byte offset " + at)
        .hasMessageContaining("CRC32C")
        .hasMessageContaining("refusing to recover");
  }

  @Test
  void aTruncatedHeaderIsAnError() throws Exception {
    Path p = dir.resolve("g5-abc.journal");
    Files.write(p, new byte[] {'E', 'N', 'T'});
    assertThatThrownBy(() -> JournalReader.read(p))
        .isInstanceOf(JournalCorruptException.class)
        .hasMessageContaining(p.toString())
        .hasMessageContaining("truncated header");
    Files.write(p, "XXXX\0\0\0\1".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> JournalReader.read(p)).hasMessageContaining("not a journal");
  }

  @Test
  void aJournalOfOnlyAHeaderIsEmptyAndAZeroFilledTailIsCut() throws Exception {
    Path p = write("g6-abc", List.of());
    assertThat(JournalReader.read(p).records()).isEmpty();
    Path q = write("g7-abc", everyKind());
    long size = Files.size(q);
    Files.write(q, new byte[64], java.nio.file.StandardOpenOption.APPEND);
    JournalReader.Contents c = JournalReader.read(q);
    assertThat(c.records()).hasSize(everyKind().size());
    assertThat(c.tailProblem()).contains("zero-filled");
    assertThat(c.validLength()).isEqualTo(size);
  }
}
