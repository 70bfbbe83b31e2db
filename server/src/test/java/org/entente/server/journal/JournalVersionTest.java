package org.entente.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journal format 3 (rules 2.0): a journal of another version is refused, by a message that names
 * its version and the one this server reads.
 */
class JournalVersionTest {
  @TempDir Path dir;

  /** A real journal of every record kind, its header's version set to {@code version}. */
  Path journalOfVersion(String id, int version) throws Exception {
    DirectoryJournalStore store = new DirectoryJournalStore(dir);
    try (Journal j = store.create(id)) {
      for (var r : JournalFormatTest.everyKind()) {
        j.append(r);
      }
      j.force();
    }
    Path p = store.path(id);
    byte[] bytes = Files.readAllBytes(p);
    ByteBuffer.wrap(bytes).putInt(4, version);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void theFormatIsVersionThreeAndNewJournalsSaySo() throws Exception {
    assertThat(JournalFormat.VERSION).isEqualTo(3);
    Path p = journalOfVersion("g1-v3", 3);
    assertThat(ByteBuffer.wrap(Files.readAllBytes(p)).getInt(4)).isEqualTo(3);
    assertThat(JournalReader.read(p).records()).hasSize(JournalFormatTest.everyKind().size());
  }

  @Test
  void aVersionTwoJournalIsRefusedNamingBothVersions() throws Exception {
    Path p = journalOfVersion("g2-v2", 2);
    assertThatThrownBy(() -> JournalReader.read(p))
        .isInstanceOf(JournalCorruptException.class)
        .hasMessageContaining(p.toString())
        .hasMessageContaining("journal format version 2")
        .hasMessageContaining("reads version 3")
        .hasMessageContaining("rules 2.0");
  }

  @Test
  void aJournalFromANewerReleaseIsRefusedToo() throws Exception {
    Path p = journalOfVersion("g3-v4", 4);
    assertThatThrownBy(() -> JournalReader.read(p))
        .hasMessageContaining("journal format version 4")
        .hasMessageContaining("reads version 3")
        .hasMessageContaining("newer release");
  }
}
