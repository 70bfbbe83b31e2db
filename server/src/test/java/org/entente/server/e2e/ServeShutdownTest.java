package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.entente.client.net.EntenteClient;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.GameList;
import org.entente.proto.v1.Hello;
import org.entente.proto.v1.ListScenarios;
import org.entente.server.journal.JournalReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code entente serve} process stopped with SIGTERM ({@link Process#destroy()}) while it
 * holds live games, connected seats, clients that have stopped reading with output piling up, and
 * idle raw sockets: it must exit by itself within a generous bound (this asserts that shutdown
 * terminates, not how fast), closing every journal cleanly.
 */
class ServeShutdownTest {
  /** Far above a normal shutdown (about a second); a hang lasts until killed. */
  static final long EXIT_BOUND_SECONDS = 20;

  @TempDir Path data;
  Process server;
  Path log;
  final List<EntenteClient> clients = new ArrayList<>();
  final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    clients.forEach(EntenteClient::close);
    for (Socket s : sockets) {
      s.close();
    }
    if (server != null && server.isAlive()) {
      server.destroyForcibly();
    }
  }

  @Test
  void sigtermStopsALoadedServerWithinTheBound() throws Exception {
    log = data.resolve("serve.log");
    server = start();
    int port = awaitPort();

    // live games: each has a connected seat that never submits, so the games wait for orders
    List<String> games = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      EntenteClient instructor = connect(port);
      GameCreated created =
          instructor
              .createGame(
                  CreateGame.newBuilder()
                      .setScenario("europe-1914")
                      .setSeed(i)
                      .setDeadlineSeconds(3600)
                      .build())
              .get(10, TimeUnit.SECONDS);
      games.add(created.getGameId());
      EntenteClient seat = connect(port);
      seat.join(created.getGameId(), "UKG", "ukg", EntenteClient.secret(created, "UKG"))
          .get(10, TimeUnit.SECONDS);
    }
    GameList listed = connect(port).listGames().get(10, TimeUnit.SECONDS);
    assertThat(listed.getGamesList()).hasSize(games.size());

    // clients that stopped reading while the server writes to them, and silent raw sockets
    for (int i = 0; i < 20; i++) {
      Socket s = new Socket();
      s.setReceiveBufferSize(4096);
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      sockets.add(s);
      if (i % 2 == 0) {
        OutputStream out = s.getOutputStream();
        out.write(frame(ClientMessage.newBuilder().setHello(Hello.newBuilder().setMajor(1))));
        for (int k = 0; k < 150; k++) {
          out.write(frame(ClientMessage.newBuilder().setListScenarios(ListScenarios.newBuilder())));
        }
        out.flush();
      }
    }
    InputStream firstByte = sockets.get(0).getInputStream();
    assertThat(firstByte.read()).as("the server answers the non-reading client").isNotNegative();

    long start = System.nanoTime();
    server.destroy(); // SIGTERM
    boolean exited = server.waitFor(EXIT_BOUND_SECONDS, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(exited)
        .as(
            "entente serve exits within %d s of SIGTERM; its output:%n%s",
            EXIT_BOUND_SECONDS, output())
        .isTrue();
    assertThat(output())
        .as("the shutdown hook finished (status %d)", server.exitValue())
        .contains("entente stopped");

    // every live game's journal was closed on a record boundary: it reads back whole
    for (String id : games) {
      Path journal = data.resolve("journals").resolve(id + ".journal");
      assertThat(Files.exists(journal)).as(journal.toString()).isTrue();
      JournalReader.Contents contents = JournalReader.read(journal);
      assertThat(contents.needsCut()).as(id + ": " + contents.tailProblem()).isFalse();
    }
    System.out.println("entente serve exited " + millis + " ms after SIGTERM");
  }

  // entente serve with its output in a file, read whole after it exits
  private Process start() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "org.entente.server.cli.Entente",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--data",
            data.resolve("journals").toString(),
            "--rate",
            "10000")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private int awaitPort() throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < end && server.isAlive()) {
      Matcher m = CrashRecoveryTest.SERVING.matcher(output());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("entente serve did not start; its output:\n" + output());
  }

  private String output() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private EntenteClient connect(int port) throws Exception {
    EntenteClient c = EntenteClient.connect("127.0.0.1", port).get(10, TimeUnit.SECONDS);
    clients.add(c);
    return c;
  }

  private static byte[] frame(ClientMessage.Builder m) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    m.build().writeDelimitedTo(out);
    return out.toByteArray();
  }
}
