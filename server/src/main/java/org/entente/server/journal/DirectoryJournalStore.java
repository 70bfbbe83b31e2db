package org.entente.server.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.entente.proto.v1.JournalRecord;

/** Journals as files {@code <dir>/<gameId>.journal}, written through a {@link FileChannel}. */
public final class DirectoryJournalStore implements JournalStore {
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
  private final Path dir;

  public DirectoryJournalStore(Path dir) {
    this.dir = dir;
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

  @Override
  public Journal create(String gameId) throws IOException {
    Files.createDirectories(dir);
    FileChannel ch =
        FileChannel.open(path(gameId), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      writeFully(ch, JournalFormat.header());
      ch.force(true);
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    return new FileJournal(ch);
  }

  @Override
  public Journal reopen(String gameId, long validLength) throws IOException {
    FileChannel ch = FileChannel.open(path(gameId), StandardOpenOption.WRITE);
    try {
      if (ch.size() > validLength) {
        ch.truncate(validLength);
        ch.force(true);
      }
      ch.position(ch.size());
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    return new FileJournal(ch);
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
          .filter(n -> SAFE_ID.matcher(n).matches())
          .sorted()
          .forEach(out::add);
    }
    return out;
  }

  private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  /** An open journal file; used from one game's executor at a time. */
  private static final class FileJournal implements Journal {
    private final FileChannel ch;

    FileJournal(FileChannel ch) {
      this.ch = ch;
    }

    @Override
    public synchronized void append(JournalRecord record) throws IOException {
      writeFully(ch, JournalFormat.frame(record));
    }

    @Override
    public synchronized void force() throws IOException {
      ch.force(false);
    }

    @Override
    public synchronized long size() throws IOException {
      return ch.size();
    }

    @Override
    public synchronized void close() throws IOException {
      if (ch.isOpen()) {
        ch.force(false);
        ch.close();
      }
    }
  }
}
