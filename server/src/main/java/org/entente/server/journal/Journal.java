package org.entente.server.journal;

import java.io.Closeable;
import java.io.IOException;
import org.entente.proto.v1.JournalRecord;

/** One game's open journal: records are appended in order and forced to disk on demand. */
public interface Journal extends Closeable {
  /** Appends one framed record (not yet forced to disk). */
  void append(JournalRecord record) throws IOException;

  /** Forces everything appended so far to disk (data only, {@code force(false)}). */
  void force() throws IOException;

  /** The journal's size in bytes, header included. */
  long size() throws IOException;

  /**
   * Where the next record will start: the end of the last record written whole. A failed {@link
   * #append} leaves it where it was (the bytes of the failed record are cut before the next write).
   */
  default long mark() {
    return 0;
  }

  /**
   * Takes back every record appended after {@code mark} (a value of {@link #mark()}): they are cut
   * from the file now, or before the next write if the disk refuses now. Used when a turn's record
   * could not be forced to disk, so that the turn can be journaled again once the disk recovers.
   */
  default void rollback(long mark) {}

  @Override
  void close() throws IOException;

  /** A journal that keeps nothing. */
  Journal NONE =
      new Journal() {
        @Override
        public void append(JournalRecord record) {}

        @Override
        public void force() {}

        @Override
        public long size() {
          return 0;
        }

        @Override
        public void close() {}
      };
}
