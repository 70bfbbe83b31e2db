package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.Hello;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.net.FileLimit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code entente serve} started under a low open-file limit ({@code ulimit -n 320}) sets its
 * connection limit below it, says so, and tells one client too many that it is full instead of
 * leaving it hanging.
 */
class FileLimitTest {
  static final Pattern LIMITED =
      Pattern.compile("open-file limit (\\d+) .*connections limited to (\\d+) instead of 20000");

  @TempDir Path data;
  Process server;
  final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (Socket s : sockets) {
      s.close();
    }
    if (server != null) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theChoiceLeavesRoomForJournalsAndTheJvm() {
    FileLimit f = FileLimit.choose(1024, 40, 20000, 1000);
    assertThat(f.chosen()).isEqualTo(1024 - 40 - 256 - 64);
    assertThat(f.reason()).contains("open-file limit 1024").contains("instead of 20000");
    assertThat(FileLimit.choose(1_000_000, 40, 500, 1000).chosen()).isEqualTo(500);
    assertThat(FileLimit.choose(-1, -1, 500, 1000).reason()).contains("unknown");
    assertThat(FileLimit.of(20000, 1000).fileLimit())
        .as("this process's limit is read")
        .isPositive();
  }

  @Test
  void underALowFileLimitTheServerSaysWhatItChoseAndRefusesTheExtraClient() throws Exception {
    Path log = data.resolve("serve.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        "ulimit -n 320 && exec '"
            + java
            + "' -cp '"
            + System.getProperty("java.class.path")
            + "' org.entente.server.cli.Entente serve --host 127.0.0.1 --port 0 --data '"
            + data.resolve("journals")
            + "'";
    server =
        new ProcessBuilder("bash", "-c", command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    int port = -1;
    String out = "";
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (port < 0 && System.nanoTime() < end && server.isAlive()) {
      out = Files.readString(log);
      Matcher m = CrashRecoveryTest.SERVING.matcher(out);
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
      }
      Thread.sleep(20);
    }
    assertThat(port).as(out).isPositive();
    Matcher limited = LIMITED.matcher(out);
    assertThat(limited.find()).as(out).isTrue();
    assertThat(limited.group(1)).isEqualTo("320");
    int chosen = Integer.parseInt(limited.group(2));
    assertThat(chosen).isBetween(1, 320 - 80 - 64);

    for (int i = 0; i < chosen; i++) {
      Socket s = new Socket("127.0.0.1", port);
      sockets.add(s);
      assertThat(hello(s).hasWelcome()).isTrue();
    }
    Socket extra = new Socket("127.0.0.1", port);
    sockets.add(extra);
    extra.setSoTimeout(10_000);
    ServerMessage refusal = hello(extra);
    assertThat(refusal.getError().getCode()).isEqualTo(ErrorCode.SERVER_FULL);
    assertThat(refusal.getError().getMessage()).contains("server full: " + chosen + " connections");
    assertThat(extra.getInputStream().read()).as("closed by the server").isEqualTo(-1);

    // room again once someone leaves
    sockets.remove(0).close();
    Thread.sleep(200);
    Socket again = new Socket("127.0.0.1", port);
    sockets.add(again);
    assertThat(hello(again).hasWelcome()).isTrue();
    assertThat(Files.readString(log)).doesNotContain("Too many open files");
  }

  static ServerMessage hello(Socket s) throws Exception {
    s.setSoTimeout(10_000);
    OutputStream out = s.getOutputStream();
    ClientMessage.newBuilder()
        .setRequestId("h")
        .setHello(Hello.newBuilder().setMajor(1))
        .build()
        .writeDelimitedTo(out);
    out.flush();
    InputStream in = s.getInputStream();
    return ServerMessage.parseDelimitedFrom(in);
  }
}
