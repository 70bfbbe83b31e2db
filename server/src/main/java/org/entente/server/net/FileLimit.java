package org.entente.server.net;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Keeps the connection limit below the process's open-file limit: every connection holds a file
 * descriptor, and so does every live game's journal, the JVM's jars and the event loops. A server
 * that reaches the file limit cannot accept anyone (new clients wait in the backlog with no
 * answer); one that reaches its connection limit first tells them it is full.
 *
 * @param fileLimit the process's open-file limit, or -1 when the system does not say
 * @param openNow the descriptors open at start, or -1
 * @param requested the connection limit asked for
 * @param chosen the connection limit to use
 * @param reason what was chosen and why, for the log
 */
public record FileLimit(long fileLimit, long openNow, int requested, int chosen, String reason) {
  /** Descriptors kept free beyond those open at start and the journals: the JVM, logs, sockets. */
  static final int SPARE = 64;

  /** The limit for this process, from its open-file limit. */
  public static FileLimit of(int requested, int maxGames) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return choose(
          unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount(), requested, maxGames);
    }
    return choose(-1, -1, requested, maxGames);
  }

  /**
   * The connection limit for a process allowed {@code fileLimit} open files with {@code openNow}
   * open: what is left after those, one journal per game ({@code maxGames}, at most a quarter of
   * the limit) and {@value #SPARE} spare, if that is below {@code requested}.
   */
  public static FileLimit choose(long fileLimit, long openNow, int requested, int maxGames) {
    if (fileLimit <= 0) {
      return new FileLimit(
          fileLimit,
          openNow,
          requested,
          requested,
          "the open-file limit is unknown here; connections limited to " + requested);
    }
    long journals = Math.min(maxGames, fileLimit / 4);
    long room = fileLimit - Math.max(0, openNow) - journals - SPARE;
    int chosen = (int) Math.max(1, Math.min(requested, room));
    String reason =
        chosen < requested
            ? "open-file limit "
                + fileLimit
                + " ("
                + openNow
                + " open at start, "
                + journals
                + " kept for journals, "
                + SPARE
                + " spare): connections limited to "
                + chosen
                + " instead of "
                + requested
                + "; raise the limit (ulimit -n) to allow more"
            : "open-file limit "
                + fileLimit
                + " ("
                + openNow
                + " open at start): connections limited to "
                + chosen;
    return new FileLimit(fileLimit, openNow, requested, chosen, reason);
  }
}
