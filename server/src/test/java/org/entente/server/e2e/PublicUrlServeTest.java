package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.client.net.EntenteClient;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.GameCreated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code entente serve} process builds every link from {@code --public-url}, else from the
 * address it is bound to, prints which at start, and refuses a URL that is not one.
 */
class PublicUrlServeTest {
  static final Pattern LINKS = Pattern.compile("links for students: (\\S+) \\((.+)\\)");
  @TempDir Path data;
  final List<Process> servers = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (Process p : servers) {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  Process serve(Path log, String... extra) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.entente.server.cli.Entente",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--data",
                data.resolve("journals-" + log.getFileName()).toString()));
    cmd.addAll(List.of(extra));
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    servers.add(p);
    return p;
  }

  static Matcher await(Process p, Path log, Pattern pattern) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < end && p.isAlive()) {
      Matcher m = pattern.matcher(Files.exists(log) ? Files.readString(log) : "");
      if (m.find()) {
        return m;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no /" + pattern + "/ in:\n" + Files.readString(log));
  }

  static GameCreated create(int port) throws Exception {
    EntenteClient c = EntenteClient.connect("127.0.0.1", port).get(10, TimeUnit.SECONDS);
    try {
      return c.createGame(CreateGame.newBuilder().setScenario("tutorial").setSeed(1).build())
          .get(10, TimeUnit.SECONDS);
    } finally {
      c.close();
    }
  }

  @Test
  void linksStartWithThePublicUrlOrTheBoundAddress() throws Exception {
    Path a = data.resolve("a.log");
    Process withUrl = serve(a, "--public-url", "https://war.example.edu/seminar");
    int portA = Integer.parseInt(await(withUrl, a, CrashRecoveryTest.SERVING).group(1));
    Matcher printed = await(withUrl, a, LINKS);
    assertThat(printed.group(1)).isEqualTo("https://war.example.edu/seminar/");
    assertThat(printed.group(2)).isEqualTo("from --public-url");
    GameCreated g = create(portA);
    assertThat(g.getLinks().getSeats(0).getJoinUrl())
        .startsWith("https://war.example.edu/seminar/#/join/" + g.getGameId() + "/");
    assertThat(g.getLinks().getHandoutUrl())
        .isEqualTo(
            "https://war.example.edu/seminar/handout/"
                + g.getGameId()
                + "?token="
                + g.getInstructorToken());

    Path b = data.resolve("b.log");
    Process bound = serve(b);
    int portB = Integer.parseInt(await(bound, b, CrashRecoveryTest.SERVING).group(1));
    Matcher chosen = await(bound, b, LINKS);
    assertThat(chosen.group(1)).isEqualTo("http://127.0.0.1:" + portB + "/");
    assertThat(chosen.group(2)).isEqualTo("the address the server is bound to");
    assertThat(create(portB).getLinks().getConsoleUrl())
        .startsWith("http://127.0.0.1:" + portB + "/#/instructor/");
  }

  @Test
  void aPublicUrlThatIsNotOneIsRefused() throws Exception {
    Path log = data.resolve("bad.log");
    Process p = serve(log, "--public-url", "ftp://files.example");
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(Files.readString(log))
        .contains(
            "bad configuration: --public-url: 'ftp://files.example' must be an http:// or"
                + " https:// URL with a host");
  }
}
