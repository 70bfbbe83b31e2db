package org.entente.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where serve's instructor key comes from, and that a drawn one is kept, private, for restarts. */
class InstructorKeyTest {
  @TempDir Path data;

  @Test
  void aDrawnKeyIsKeptInAPrivateFileAndReadBackAtTheNextStart() throws Exception {
    InstructorKey.Chosen first = InstructorKey.choose(null, data);
    assertThat(first.key()).matches("[0-9a-f]{32}");
    assertThat(first.why()).contains("new", "instructor-key", "0600");
    Path file = data.resolve("instructor-key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    InstructorKey.Chosen again = InstructorKey.choose(null, data);
    assertThat(again.key()).isEqualTo(first.key());
    assertThat(again.why()).startsWith("kept in");
    // a key on the command line wins, and leaves the file alone
    assertThat(InstructorKey.choose("given-key-0123456789", data).key())
        .isEqualTo("given-key-0123456789");
    assertThat(Files.readString(file).trim()).isEqualTo(first.key());
  }

  @Test
  void badKeysAreRefusedNamingWhy() throws Exception {
    assertThat(InstructorKey.problem("short")).contains("16 to 128", "got 5");
    assertThat(InstructorKey.problem("has a space in it 0123")).contains("without spaces");
    assertThat(InstructorKey.problem("a-good-key-0123456789")).isNull();
    Files.writeString(data.resolve("instructor-key"), "tiny\n");
    assertThatThrownBy(() -> InstructorKey.choose(null, data))
        .hasMessageContaining("instructor-key")
        .hasMessageContaining("delete the file");
  }
}
