package org.entente.server.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.entente.proto.v1.JournalRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journals as files {@code <dir>/<gameId>.journal}. Files are opened through a {@link
 * JournalFile.Opener} (real files by default), so tests can put a full or failing disk in front.
 *
 * <p>A write that fails (no space left, an I/O error, a read-only file system) never leaves a
 * partial record in the middle of a journal: the file is cut back to the end of its last whole
 * record before anything else is written, so the records already there stay readable.
 */
public final class DirectoryJournalStore implements JournalStore {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryJournalStore.class);
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
  private final Path dir;
  private final JournalFile.Opener opener;

  public DirectoryJournalStore(Path dir) {
    this(dir, JournalFile.Opener.FILES);
  }

  /** A store whose files are opened by {@code opener}. */
  public DirectoryJournalStore(Path dir, JournalFile.Opener opener) {
    this.dir = dir;
    this.opener = opener;
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /** The file of {@code gameId}'s journal. */
  public Path path(String gameId) {
    if (!SAFE_ID.matcher(gameId).matches() || gameId.startsWith(".")) {
      throw new IllegalArgumentException("not a usable game id for a file name: '" + gameId + "'");
    }
    return dir.resolve(gameId + JournalFormat.SUFFIX);
  }

  /**
   * Checks that journals can be written in the directory (created if missing): a small file is
   * written, forced to disk and deleted.
   *
   * @throws IOException naming the directory and what failed
   */
  public void checkWritable() throws IOException {
    Path probe = dir.resolve(".entente-write-check");
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(probe);
      try (JournalFile f = opener.open(probe, true)) {
        writeFully(f, JournalFormat.header(), 0);
        f.force(true);
      }
    } catch (IOException e) {
      throw notWritable(e);
    } finally {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException e) {
        LOG.warn("cannot delete {}: {}", probe, e.toString());
      }
    }
  }

  private IOException notWritable(IOException e) {
    return new IOException(
        "the data folder "
            + dir.toAbsolutePath()
            + " is not writable ("
            + e
            + "); games could not be journaled",
        e);
  }

  @Override
  public Journal create(String gameId) throws IOException {
    Files.createDirectories(dir);
    Path path = path(gameId);
    JournalFile f = opener.open(path, true);
    try {
      writeFully(f, JournalFormat.header(), 0);
      f.force(true);
    } catch (IOException e) {
      closeQuietly(f);
      deleteQuietly(path);
      throw e;
    }
    return new FileJournal(f, JournalFormat.HEADER_BYTES);
  }

  @Override
  public void delete(String gameId) {
    deleteQuietly(path(gameId));
  }

  @Override
  public Journal reopen(String gameId, long validLength) throws IOException {
    JournalFile f = opener.open(path(gameId), false);
    try {
      if (f.size() > validLength) {
        f.truncate(validLength);
        f.force(true);
      }
    } catch (IOException e) {
      closeQuietly(f);
      throw e;
    }
    return new FileJournal(f, validLength);
  }

  @Override
  public long length(String gameId) throws IOException {
    return Files.size(path(gameId));
  }

  @Override
  public JournalReader.Contents read(String gameId) throws IOException {
    return JournalReader.read(path(gameId));
  }

  @Override
  public List<String> list() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(JournalFormat.SUFFIX))
          .map(n -> n.substring(0, n.length() - JournalFormat.SUFFIX.length()))
          .filter(n -> SAFE_ID.matcher(n).matches() && !n.startsWith("."))
          .sorted()
          .forEach(out::add);
    }
    return out;
  }

  private static long writeFully(JournalFile f, ByteBuffer b, long at) throws IOException {
    while (b.hasRemaining()) {
      at += f.write(b, at);
    }
    return at;
  }

  private static void closeQuietly(JournalFile f) {
    try {
      f.close();
    } catch (IOException e) {
      LOG.warn("cannot close a journal file: {}", e.toString());
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", path, e.toString());
    }
  }

  /**
   * An open journal file; used from one game's executor at a time (and the sync threads). It keeps
   * the end of its last whole record: a write that fails is cut back to it, at once if the disk
   * lets it, else before the next write.
   */
  private static final class FileJournal implements Journal {
    private final JournalFile f;
    private long good; // the end of the last record written whole
    private boolean dirty; // bytes past `good` may be in the file: cut them before writing

    FileJournal(JournalFile f, long good) {
      this.f = f;
      this.good = good;
    }

    @Override
    public synchronized void append(JournalRecord record) throws IOException {
      ByteBuffer b = JournalFormat.frame(record);
      cutIfDirty();
      long end;
      try {
        end = writeFully(f, b, good);
      } catch (IOException e) {
        dirty = true;
        cutQuietly();
        throw e;
      }
      good = end;
    }

    @Override
    public synchronized void force() throws IOException {
      cutIfDirty();
      f.force(false);
    }

    @Override
    public synchronized long size() throws IOException {
      return f.size();
    }

    @Override
    public synchronized long mark() {
      return good;
    }

    @Override
    public synchronized void rollback(long mark) {
      if (mark < good) {
        good = mark;
        dirty = true;
        cutQuietly();
      }
    }

    private void cutIfDirty() throws IOException {
      if (dirty) {
        f.truncate(good);
        dirty = false;
      }
    }

    private void cutQuietly() {
      try {
        cutIfDirty();
      } catch (IOException e) {
        LOG.warn("cannot cut a failed write off a journal yet: {}", e.toString());
      }
    }

    @Override
    public synchronized void close() throws IOException {
      if (f.isOpen()) {
        try {
          cutIfDirty();
          f.force(false);
        } finally {
          f.close();
        }
      }
    }
  }
}
