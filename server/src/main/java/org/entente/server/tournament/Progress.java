package org.entente.server.tournament;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Shows a tournament's progress on stderr: a bar redrawn in place (games done, rate, time left)
 * when stderr is a terminal, otherwise a plain line every few seconds. It only reads a counter, so
 * the games never wait for it.
 */
public final class Progress implements AutoCloseable {
  /** How progress is shown. */
  public enum Mode {
    /** A bar if stderr is a terminal, else lines. */
    AUTO,
    BAR,
    LINES,
    NONE
  }

  private final PrintWriter err;
  private final IntSupplier done;
  private final int total;
  private final Mode mode;
  private final long start = System.nanoTime();
  private final ScheduledExecutorService timer;

  /** Starts showing the progress of {@code total} games, {@code done} of them finished. */
  public Progress(PrintWriter err, IntSupplier done, int total, Mode mode) {
    this.err = err;
    this.done = done;
    this.total = total;
    this.mode = mode == Mode.AUTO ? (stderrIsTerminal() ? Mode.BAR : Mode.LINES) : mode;
    if (this.mode == Mode.NONE) {
      timer = null;
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tournament-progress");
              t.setDaemon(true);
              return t;
            });
    long period = this.mode == Mode.BAR ? 200 : 5000;
    timer.scheduleAtFixedRate(this::show, period, period, TimeUnit.MILLISECONDS);
  }

  /** The mode in use (AUTO resolved). */
  public Mode mode() {
    return mode;
  }

  private void show() {
    String line = line(done.getAsInt(), total, System.nanoTime() - start, mode == Mode.BAR);
    synchronized (err) {
      if (mode == Mode.BAR) {
        err.print("\r" + line);
      } else {
        err.println(line);
      }
      err.flush();
    }
  }

  /**
   * The progress text for {@code done} of {@code total} games after {@code elapsedNanos}: with a
   * bar of 30 cells, or as a plain sentence.
   */
  public static String line(int done, int total, long elapsedNanos, boolean bar) {
    double seconds = elapsedNanos / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    String left = rate > 0 ? clock((total - done) / rate) : "?";
    if (!bar) {
      return String.format(
          Locale.ROOT,
          "tournament: %d/%d games, %.0f games/s, about %s left",
          done,
          total,
          rate,
          left);
    }
    int cells = 30;
    int filled = total == 0 ? cells : (int) ((long) done * cells / total);
    return String.format(
        Locale.ROOT,
        "[%s%s] %d/%d games  %.0f/s  %s left ",
        "#".repeat(filled),
        ".".repeat(cells - filled),
        done,
        total,
        rate,
        left);
  }

  /** {@code seconds} as m:ss, or h:mm:ss past an hour. */
  static String clock(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Stops the display; a bar is completed and ended with a newline. */
  @Override
  public void close() {
    if (timer == null) {
      return;
    }
    timer.shutdownNow();
    try {
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    show();
    if (mode == Mode.BAR) {
      synchronized (err) {
        err.println();
        err.flush();
      }
    }
  }

  /** True when this process's stderr is a terminal (Linux: fd 2 is a tty or pts device). */
  static boolean stderrIsTerminal() {
    try {
      Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
      String t = target.toString();
      return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
