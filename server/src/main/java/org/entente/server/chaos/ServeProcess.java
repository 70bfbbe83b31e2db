package org.entente.server.chaos;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@code entente serve} child process on a fixed data folder and port, started with the same
 * Java and class path as this one, that can be killed with SIGKILL and started again. Its output is
 * appended to a log file (not in the data folder, whose disk may be full).
 */
final class ServeProcess implements AutoCloseable {
  /** Far above a start (seconds, plus the listing of every finished game's journal). */
  private static final long START_SECONDS = 600;

  private final Path data;
  private final int port;
  private final Path log;
  private volatile Process process;
  private boolean serving;

  ServeProcess(Path data, int port, Path log) {
    this.data = data;
    this.port = port;
    this.log = log;
  }

  int port() {
    return port;
  }

  Path log() {
    return log;
  }

  /** Starts the server and waits until {@code /health} answers; throws if it does not. */
  void start() throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (System.nanoTime() < end) {
      long logged = Files.exists(log) ? Files.size(log) : 0;
      process = launch();
      while (process.isAlive() && System.nanoTime() < end) {
        if (healthy()) {
          serving(true);
          return;
        }
        Thread.sleep(50);
      }
      if (process.isAlive()) {
        break;
      }
      // the port may still be held by the killed process's sockets for a moment: try again
      if (!tail(logged).contains("Address already in use")) {
        throw new IOException("entente serve exited at start:\n" + tail(logged));
      }
      Thread.sleep(200);
    }
    throw new IOException("entente serve did not answer /health within " + START_SECONDS + " s");
  }

  /** SIGKILL, then waits for the process to be gone. */
  void kill() throws InterruptedException {
    serving(false);
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Waits until the server has been started (again) after a kill, at most {@code millis}: clients
   * that lost their connection wait here rather than hammer a port nobody listens on.
   */
  synchronized void awaitServing(long millis) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (!serving && System.currentTimeMillis() < end) {
      wait(Math.max(1, end - System.currentTimeMillis()));
    }
  }

  private synchronized void serving(boolean now) {
    serving = now;
    notifyAll();
  }

  /** True when {@code GET /health} answers 200 within two seconds. */
  boolean healthy() {
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + "/health").toURL().openConnection();
      c.setConnectTimeout(2000);
      c.setReadTimeout(2000);
      try {
        return c.getResponseCode() == 200;
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  /** SIGTERM (a clean stop that closes every journal), then SIGKILL if it hangs. */
  @Override
  public void close() throws InterruptedException {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  private Process launch() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(org.entente.server.cli.Entente.class.getName());
    command.addAll(
        List.of(
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--data",
            data.toString(),
            "--rate",
            "10000",
            "--max-games",
            "100000"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  private String tail(long from) throws IOException {
    byte[] all = Files.readAllBytes(log);
    int start = (int) Math.min(from, all.length);
    return new String(all, start, all.length - start, java.nio.charset.StandardCharsets.UTF_8);
  }
}
