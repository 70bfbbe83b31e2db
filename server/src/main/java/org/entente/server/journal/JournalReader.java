package org.entente.server.journal;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entente.proto.v1.JournalRecord;
import org.entente.server.history.GameHistory;

/**
 * Reads a journal file record by record, checking each frame's length and CRC32C.
 *
 * <ul>
 *   <li>A torn or corrupt <em>last</em> record (the file ends inside it, or its checksum fails and
 *       nothing follows) is reported in {@link Contents#tailProblem()} and left out; {@link
 *       Contents#validLength()} is where the file must be cut before appending again.
 *   <li>A bad header, or a corrupt record with more bytes after it, throws {@link
 *       JournalCorruptException}: the records after it cannot be trusted, nor can be skipped.
 * </ul>
 *
 * A record whose length runs past the end of the file is a torn write (the common crash) only if no
 * whole record follows it: a damaged length field in the middle of a file also runs past the end,
 * but whole records (length, CRC and all) still follow it, and then the journal is refused with the
 * record's byte offset instead of being cut.
 */
public final class JournalReader {
  private JournalReader() {}

  /**
   * What a journal holds.
   *
   * @param records the good records, in order
   * @param offsets the byte offset of each record's frame
   * @param validLength the end of the last good record
   * @param fileLength the file's length as read
   * @param tailProblem what was wrong with the tail (null when the file ends cleanly)
   */
  public record Contents(
      Path path,
      List<JournalRecord> records,
      List<Long> offsets,
      long validLength,
      long fileLength,
      String tailProblem) {
    public Contents {
      records = List.copyOf(records);
      offsets = List.copyOf(offsets);
    }

    /** True when the tail was torn or corrupt and must be cut. */
    public boolean needsCut() {
      return tailProblem != null;
    }
  }

  /** Reads {@code path}. */
  public static Contents read(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    return parse(path, bytes);
  }

  /** The history of the game journaled in {@code path}, rebuilt by re-running the engine. */
  public static GameHistory history(Path path) throws IOException {
    return Replay.replay(read(path)).history();
  }

  static Contents parse(Path path, byte[] bytes) throws JournalCorruptException {
    if (bytes.length < JournalFormat.HEADER_BYTES) {
      throw new JournalCorruptException(
          path,
          "truncated header: the file has "
              + bytes.length
              + " bytes, a journal starts with "
              + JournalFormat.HEADER_BYTES);
    }
    if (!Arrays.equals(bytes, 0, 4, JournalFormat.MAGIC, 0, 4)) {
      throw new JournalCorruptException(path, "not a journal: the file does not start with ENTJ");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int version = b.getInt(4);
    if (version != JournalFormat.VERSION) {
      throw new JournalCorruptException(
          path,
          "journal format version "
              + version
              + " is not read by this server, which reads version "
              + JournalFormat.VERSION
              + (version < JournalFormat.VERSION
                  ? " (rules 2.0: a game journaled under older rules cannot be re-run; replay it"
                      + " with the release that wrote it)"
                  : " (written by a newer release)"));
    }
    List<JournalRecord> records = new ArrayList<>();
    List<Long> offsets = new ArrayList<>();
    int off = JournalFormat.HEADER_BYTES;
    String tail = null;
    while (off < bytes.length) {
      int left = bytes.length - off;
      if (left < JournalFormat.FRAME_BYTES) {
        tail =
            "torn record at byte offset "
                + off
                + ": only "
                + left
                + " bytes of its 8-byte frame header";
        break;
      }
      int len = b.getInt(off);
      int crc = b.getInt(off + 4);
      if (len <= 0 || len > JournalFormat.MAX_RECORD_BYTES) {
        if (allZero(bytes, off)) {
          tail = "zero-filled tail from byte offset " + off + " (" + left + " bytes)";
          break;
        }
        throw new JournalCorruptException(
            path,
            "corrupt record at byte offset " + off + ": impossible length " + len + "; stopping");
      }
      long end = (long) off + JournalFormat.FRAME_BYTES + len;
      if (end > bytes.length) {
        int next = nextWholeRecord(bytes, off + JournalFormat.FRAME_BYTES);
        if (next >= 0) {
          throw new JournalCorruptException(
              path,
              "corrupt record #"
                  + (records.size() + 1)
                  + " at byte offset "
                  + off
                  + ": its length field says "
                  + len
                  + " bytes, past the end of the file, but a whole record follows at byte offset "
                  + next
                  + " (a damaged length, not a torn write); refusing to recover this game and"
                  + " leaving the file as it is");
        }
        tail =
            "torn record at byte offset "
                + off
                + ": its length says "
                + len
                + " bytes but only "
                + (left - JournalFormat.FRAME_BYTES)
                + " follow";
        break;
      }
      int actual = JournalFormat.crc(bytes, off + JournalFormat.FRAME_BYTES, len);
      if (actual != crc) {
        if (end == bytes.length) {
          tail =
              "corrupt last record at byte offset "
                  + off
                  + ": CRC32C "
                  + hex(actual)
                  + " but the frame says "
                  + hex(crc);
          break;
        }
        throw new JournalCorruptException(
            path,
            "corrupt record #"
                + (records.size() + 1)
                + " at byte offset "
                + off
                + ": CRC32C "
                + hex(actual)
                + " but the frame says "
                + hex(crc)
                + ", and "
                + (bytes.length - end)
                + " bytes of records follow it; refusing to recover this game");
      }
      JournalRecord r;
      try {
        r =
            JournalRecord.parseFrom(
                ByteBuffer.wrap(bytes, off + JournalFormat.FRAME_BYTES, len).slice());
      } catch (InvalidProtocolBufferException e) {
        throw new JournalCorruptException(
            path,
            "record at byte offset " + off + " has a good CRC but is not a JournalRecord: " + e);
      }
      records.add(r);
      offsets.add((long) off);
      off = (int) end;
    }
    return new Contents(path, records, offsets, off, bytes.length, tail);
  }

  /**
   * The offset of the first whole record (a plausible length that fits in the file and a matching
   * CRC32C) starting at or after {@code from}, or -1.
   */
  static int nextWholeRecord(byte[] bytes, int from) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    for (int p = from; p + JournalFormat.FRAME_BYTES < bytes.length; p++) {
      int len = b.getInt(p);
      if (len <= 0
          || len > JournalFormat.MAX_RECORD_BYTES
          || (long) p + JournalFormat.FRAME_BYTES + len > bytes.length) {
        continue;
      }
      if (JournalFormat.crc(bytes, p + JournalFormat.FRAME_BYTES, len) == b.getInt(p + 4)) {
        return p;
      }
    }
    return -1;
  }

  private static boolean allZero(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String hex(int v) {
    return String.format("%08x", v);
  }
}
