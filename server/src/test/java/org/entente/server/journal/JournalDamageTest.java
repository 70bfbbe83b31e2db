package org.entente.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entente.proto.v1.JournalRecord;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.net.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged journals on real files: a torn tail is cut, a damaged record with more records after it
 * is refused with its byte offset and the file left untouched, and a journal left empty by a failed
 * creation is ignored with a warning instead of failing every start.
 */
class JournalDamageTest {
  @TempDir Path dir;
  final List<Lobby> lobbies = new ArrayList<>();

  @AfterEach
  void stop() {
    lobbies.forEach(Lobby::shutdown);
  }

  Lobby lobby() {
    Lobby l =
        new Lobby(ServerConfig.defaults(), GameClock.system(), new DirectoryJournalStore(dir));
    lobbies.add(l);
    return l;
  }

  Path write(String id, List<JournalRecord> records) throws Exception {
    DirectoryJournalStore store = new DirectoryJournalStore(dir);
    try (Journal j = store.create(id)) {
      for (JournalRecord r : records) {
        j.append(r);
      }
    }
    return store.path(id);
  }

  @Test
  void oneFlippedBitInAMidFileLengthFieldIsRefusedWithItsOffsetAndTheFileIsUntouched()
      throws Exception {
    List<JournalRecord> all = JournalFormatTest.everyKind();
    Path p = write("g1-abc", all);
    long at = JournalReader.read(p).offsets().get(3);
    byte[] bytes = Files.readAllBytes(p);
    int len = ByteBuffer.wrap(bytes).getInt((int) at);
    bytes[(int) at + 1] ^= 0x01; // bit 16 of the big-endian length: 65536 more bytes
    int damaged = ByteBuffer.wrap(bytes).getInt((int) at);
    assertThat(damaged).isEqualTo(len + 65536);
    assertThat(at + 8 + damaged)
        .as("the damaged length runs past the end")
        .isGreaterThan(bytes.length);
    Files.write(p, bytes);

    assertThatThrownBy(() -> JournalReader.read(p))
        .isInstanceOf(JournalCorruptException.class)
        .hasMessageContaining(p.toString())
        .hasMessageContaining("corrupt record #4 at byte offset " + at)
        .hasMessageContaining("length field says " + damaged)
        .hasMessageContaining("a whole record follows at byte offset " + (at + 8 + len))
        .hasMessageContaining("refusing to recover");
    assertThat(Files.readAllBytes(p)).isEqualTo(bytes);
  }

  @Test
  void aLiveGameWithADamagedLengthIsRefusedAtEveryStartAndNeverCut() throws Exception {
    Lobby first = lobby();
    RecoveryTest.Game g = RecoveryTest.create(first);
    RecoveryTest.playTurns(first, g, 1, 3);
    Conn.settle(first.game(g.id()));
    first.shutdown();
    Path p = dir.resolve(g.id() + ".journal");
    JournalReader.Contents c = JournalReader.read(p);
    // the record of turn 1, with turns 2 and 3 after it
    int i = 0;
    while (!c.records().get(i).hasTurn()) {
      i++;
    }
    long at = c.offsets().get(i);
    byte[] bytes = Files.readAllBytes(p);
    bytes[(int) at + 1] ^= 0x04; // +262144 bytes: past the end
    Files.write(p, bytes);

    for (int start = 0; start < 2; start++) {
      List<Lobby.Recovered> rec = lobby().recover();
      assertThat(rec)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.outcome()).isEqualTo(Lobby.Recovered.Outcome.FAILED);
                assertThat(r.message()).contains("byte offset " + at).contains("length field");
              });
      assertThat(Files.readAllBytes(p)).isEqualTo(bytes);
    }
  }

  @Test
  void aTornLastRecordIsStillCut() throws Exception {
    List<JournalRecord> all = JournalFormatTest.everyKind();
    Path p = write("g2-abc", all);
    JournalReader.Contents whole = JournalReader.read(p);
    long last = whole.offsets().get(all.size() - 1);
    byte[] bytes = Files.readAllBytes(p);
    Files.write(p, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    JournalReader.Contents c = JournalReader.read(p);
    assertThat(c.tailProblem()).contains("torn record at byte offset " + last);
    assertThat(c.records()).hasSize(all.size() - 1);
  }

  @Test
  void emptyAndHeaderOnlyJournalsAreIgnoredWithAWarningAtEveryStart() throws Exception {
    Lobby first = lobby();
    RecoveryTest.Game g = RecoveryTest.create(first);
    RecoveryTest.playTurns(first, g, 1, 1);
    Conn.settle(first.game(g.id()));
    first.shutdown();
    Files.write(dir.resolve("g7-empty.journal"), new byte[0]);
    Files.write(dir.resolve("g8-header.journal"), JournalFormat.header().array());
    byte[] torn = new byte[JournalFormat.HEADER_BYTES + 5];
    System.arraycopy(JournalFormat.header().array(), 0, torn, 0, JournalFormat.HEADER_BYTES);
    torn[JournalFormat.HEADER_BYTES + 3] = 40; // a creation record cut short by a full disk
    Files.write(dir.resolve("g9-torn.journal"), torn);

    for (int start = 0; start < 2; start++) {
      Lobby l = lobby();
      List<Lobby.Recovered> rec = l.recover();
      assertThat(rec).hasSize(4);
      for (Lobby.Recovered r : rec) {
        if (r.gameId().equals(g.id())) {
          assertThat(r.outcome()).as(r.message()).isEqualTo(Lobby.Recovered.Outcome.RESUMED);
        } else {
          assertThat(r.outcome()).as(r.message()).isEqualTo(Lobby.Recovered.Outcome.IGNORED);
          assertThat(r.message()).contains(r.gameId()).contains("ignored");
        }
      }
      assertThat(l.game(g.id())).isNotNull();
      l.shutdown();
    }
    assertThat(Files.size(dir.resolve("g7-empty.journal"))).isZero();
    assertThat(Files.size(dir.resolve("g9-torn.journal"))).isEqualTo(torn.length);
  }

  @Test
  void newJournalsAreReadableAndWritableByTheirOwnerOnly() throws Exception {
    Path p = write("g3-abc", JournalFormatTest.everyKind());
    assertThat(Files.getPosixFilePermissions(p))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
  }
}
