package org.entente.server.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.entente.proto.v1.JournalRecord;

/**
 * The bytes of a journal file: an 8-byte header ({@code "ENTJ"}, then the format version as a
 * big-endian int32), then records framed as {@code [int32 length][int32 CRC32C][payload]}, the
 * payload a serialized {@link JournalRecord}.
 */
public final class JournalFormat {
  public static final byte[] MAGIC = "ENTJ".getBytes(StandardCharsets.US_ASCII);

  /**
   * The format version. 2: the turn hashes use the current state hash (version 1 journals hold
   * hashes of an earlier hash function, so they are refused rather than reported as divergent). 3:
   * rules 2.0 (alliances with a target and a kind, a learning baseline, misperception noise): a
   * version 2 journal re-run under these rules would diverge at its first turn, so it is refused.
   */
  public static final int VERSION = 3;

  public static final int HEADER_BYTES = 8;
  public static final int FRAME_BYTES = 8;

  /** No record is larger (a scenario file is well below). */
  public static final int MAX_RECORD_BYTES = 64 << 20;

  public static final String SUFFIX = ".journal";

  private JournalFormat() {}

  /** The file header. */
  public static ByteBuffer header() {
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
    b.put(MAGIC).putInt(VERSION).flip();
    return b;
  }

  /** One framed record. */
  public static ByteBuffer frame(JournalRecord record) {
    byte[] payload = record.toByteArray();
    ByteBuffer b = ByteBuffer.allocate(FRAME_BYTES + payload.length);
    b.putInt(payload.length).putInt(crc(payload, 0, payload.length)).put(payload).flip();
    return b;
  }

  static int crc(byte[] bytes, int off, int len) {
    CRC32C c = new CRC32C();
    c.update(bytes, off, len);
    return (int) c.getValue();
  }
}
