package org.entente.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entente.proto.v1.JournalRecord;
import org.entente.proto.v1.PressMessage;

/**
 * Coverage-guided fuzzing of the journal reader. The fuzzer writes a journal of whole records, then
 * damages it: cuts it, flips bytes, appends zeros or garbage. Whatever it does, reading gives
 * either the records of the journal as they were written, in order, from the first (never a record
 * that was not written), or a {@link JournalCorruptException}; never another exception. A journal
 * only cut (a crash mid-write) always reads, as the records wholly before the cut.
 */
class JournalReaderFuzzTest {
  static final Path FILE = Path.of("fuzz.journal");

  @FuzzTest(maxDuration = "6s")
  void damagedJournalsReadAsAPrefixOrAreRefused(FuzzedDataProvider data) {
    List<JournalRecord> written = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    put(out, JournalFormat.header());
    List<Integer> ends = new ArrayList<>();
    int n = data.consumeInt(0, 6);
    for (int i = 0; i < n; i++) {
      JournalRecord r =
          JournalRecord.newBuilder()
              .setAtEpochMs(data.consumeLong())
              .setPress(PressMessage.newBuilder().setText(data.consumeString(40)))
              .build();
      written.add(r);
      put(out, JournalFormat.frame(r));
      ends.add(out.size());
    }
    byte[] bytes = out.toByteArray();
    boolean onlyCut = true;
    int mutations = data.consumeInt(0, 4);
    for (int i = 0; i < mutations; i++) {
      switch (data.consumeInt(0, 3)) {
        case 0 -> {
          int at =
              data.consumeInt(
                  JournalFormat.HEADER_BYTES, Math.max(JournalFormat.HEADER_BYTES, bytes.length));
          bytes = java.util.Arrays.copyOf(bytes, at);
        }
        case 1 -> {
          if (bytes.length > 0) {
            int at = data.consumeInt(0, bytes.length - 1);
            bytes[at] ^= (byte) data.consumeInt(1, 255);
            onlyCut = false;
          }
        }
        case 2 -> {
          bytes = java.util.Arrays.copyOf(bytes, bytes.length + data.consumeInt(1, 64));
          onlyCut = false;
        }
        default -> {
          byte[] tail = data.consumeBytes(64);
          byte[] joined = java.util.Arrays.copyOf(bytes, bytes.length + tail.length);
          System.arraycopy(tail, 0, joined, bytes.length, tail.length);
          bytes = joined;
          onlyCut = onlyCut && tail.length == 0;
        }
      }
    }
    if (!onlyCut && data.remainingBytes() > 0) {
      // the rest of the input as a whole file too: bytes the fuzzer chooses freely
      bytes = data.consumeRemainingAsBytes();
    }
    JournalReader.Contents c;
    try {
      c = JournalReader.parse(FILE, bytes);
    } catch (JournalCorruptException e) {
      assertThat(onlyCut).as("a journal only cut is a torn tail, not corruption: %s", e).isFalse();
      assertThat(e.getMessage()).contains(FILE.toString());
      return;
    }
    assertThat(c.validLength()).isBetween((long) JournalFormat.HEADER_BYTES, c.fileLength());
    assertThat(c.fileLength()).isEqualTo(bytes.length);
    assertThat(c.records().size()).isLessThanOrEqualTo(written.size());
    assertThat(c.records()).isEqualTo(written.subList(0, c.records().size()));
    if (onlyCut) {
      int whole = 0;
      while (whole < ends.size() && ends.get(whole) <= bytes.length) {
        whole++;
      }
      assertThat(c.records()).hasSize(whole);
    }
  }

  private static void put(ByteArrayOutputStream out, ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.get(a);
    out.writeBytes(a);
  }
}
