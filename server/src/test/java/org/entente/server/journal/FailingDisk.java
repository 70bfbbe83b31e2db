package org.entente.server.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Real journal files behind a disk that can fill up, fail its syncs or turn read-only: a {@link
 * JournalFile.Opener} for {@link DirectoryJournalStore}. When full, a write stores what still fits
 * (a short write, as the kernel does) and then fails with "No space left on device"; cutting a file
 * gives its bytes back.
 */
final class FailingDisk implements JournalFile.Opener {
  private long free = Long.MAX_VALUE;
  private boolean failSync;
  private boolean readOnly;

  /** Leaves only {@code bytes} free. */
  synchronized void fill(long bytes) {
    free = bytes;
  }

  /** Frees the disk and heals it. */
  synchronized void heal() {
    free = Long.MAX_VALUE;
    failSync = false;
    readOnly = false;
  }

  /** Makes every sync fail with an I/O error (writes still land in the page cache). */
  synchronized void failSyncs() {
    failSync = true;
  }

  synchronized void readOnly() {
    readOnly = true;
  }

  @Override
  public JournalFile open(Path path, boolean create) throws IOException {
    synchronized (this) {
      if (readOnly) {
        throw new java.nio.file.FileSystemException(path.toString(), null, "Read-only file system");
      }
    }
    return new Disked(JournalFile.Opener.FILES.open(path, create));
  }

  private final class Disked implements JournalFile {
    private final JournalFile f;

    Disked(JournalFile f) {
      this.f = f;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      synchronized (FailingDisk.this) {
        if (readOnly) {
          throw new IOException("Read-only file system");
        }
        if (free <= 0) {
          throw new IOException("No space left on device");
        }
        int n = (int) Math.min(src.remaining(), free);
        ByteBuffer part = src.duplicate();
        part.limit(part.position() + n);
        int written = f.write(part, position);
        src.position(src.position() + written);
        if (free != Long.MAX_VALUE) {
          free -= written;
        }
        return written;
      }
    }

    @Override
    public void force(boolean metadata) throws IOException {
      synchronized (FailingDisk.this) {
        if (failSync) {
          throw new IOException("Input/output error");
        }
      }
      f.force(metadata);
    }

    @Override
    public long size() throws IOException {
      return f.size();
    }

    @Override
    public void truncate(long size) throws IOException {
      long before = f.size();
      f.truncate(size);
      synchronized (FailingDisk.this) {
        if (free != Long.MAX_VALUE && before > size) {
          free += before - size;
        }
      }
    }

    @Override
    public boolean isOpen() {
      return f.isOpen();
    }

    @Override
    public void close() throws IOException {
      f.close();
    }
  }
}
