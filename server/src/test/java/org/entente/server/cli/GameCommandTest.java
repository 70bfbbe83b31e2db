package org.entente.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.client.cli.GameCommand;
import org.entente.client.net.EntenteClient;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.entente.server.net.StaticFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code entente game create|join|list} against a real server on a loopback port. */
class GameCommandTest {
  @TempDir Path data;
  Lobby lobby;
  NetServer server;
  String address;

  @BeforeEach
  void start() {
    ServerConfig config = Loopback.config(data, 10_000);
    lobby = new Lobby(config, GameClock.system(), new DirectoryJournalStore(data));
    lobby.publicUrl("http://192.168.3.4:7470/");
    server = new NetServer(config, lobby, StaticFiles.none());
    server.start();
    address = "127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.close();
    lobby.shutdown();
  }

  static LauncherTest.Run run(String... args) {
    return LauncherTest.run(args);
  }

  static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
    assertThat(m.find()).as("/%s/ in:%n%s", regex, text).isTrue();
    return m.group(1);
  }

  @Test
  void createJoinAndListFromTheTerminal() throws Exception {
    LauncherTest.Run created =
        run(
            "game",
            "create",
            "--server",
            address,
            "--scenario",
            "tutorial",
            "--seed",
            "4",
            "--students",
            "LEN,ost",
            "--name",
            "Friday");
    assertThat(created.code()).as(created.err()).isZero();
    String game = group(created.out(), "^game (\\S+) created$");
    String token = group(created.out(), "^instructor token: ([0-9a-f]{32}) ");
    String lenCode =
        group(created.out(), "^LEN +(\\S{4}-\\S{4}) +http://192\\.168\\.3\\.4:7470/#/join/");
    String ostCode = group(created.out(), "^OST +(\\S{4}-\\S{4}) ");
    String watch = group(created.out(), "^- +(\\S{4}-\\S{4}) .*\\(observers\\)$");
    assertThat(created.out())
        .contains("console:    http://192.168.3.4:7470/#/instructor/" + token)
        .contains("seat cards: http://192.168.3.4:7470/handout/" + game + "?token=" + token)
        .contains("KAD   played by the scenario's bot")
        .doesNotContainPattern("(?m)^KAD +\\S{4}-\\S{4}");

    LauncherTest.Run listed = run("game", "list", "--server", address);
    assertThat(listed.code()).isZero();
    assertThat(listed.out())
        .contains(
            game, "tutorial", "1/8", "orders", "KAD:bot", "LEN:free", "OST:free", "\"Friday\"");

    LauncherTest.Run joined =
        run("game", "join", "--server", address, "--code", lenCode.toLowerCase(), "--name", "Ana");
    assertThat(joined.code()).as(joined.err()).isZero();
    assertThat(joined.out()).contains("joined game " + game + " seat LEN as Ana");
    String seatToken = group(joined.out(), "^token: ([0-9a-f]{32}) ");
    assertThat(joined.out())
        .contains("play it: entente play --server " + address + " --token " + seatToken);
    EntenteClient c = EntenteClient.connect("127.0.0.1", server.port()).get(10, TimeUnit.SECONDS);
    try {
      assertThat(c.getView(seatToken).get(10, TimeUnit.SECONDS).getSelf()).isEqualTo("LEN");
    } finally {
      c.close();
    }
    assertThat(run("game", "list", "--server", address).out()).contains("LEN:1 off");

    LauncherTest.Run wrong =
        run("game", "join", "--server", address, "--code", "2222-2222", "--name", "Eve");
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.err()).contains("join_seat refused: WRONG_SECRET", "2222-2222");

    LauncherTest.Run watching =
        run("game", "join", "--server", address, "--code", watch, "--name", "Obs", "--observe");
    assertThat(watching.code()).as(watching.err()).isZero();
    assertThat(watching.out()).contains("joined game " + game + " as an observer");

    // --play goes straight into the terminal client on the seat
    CommandLine cli = Entente.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    ((GameCommand.Join) cli.getSubcommands().get("game").getSubcommands().get("join").getCommand())
        .readFrom(new ByteArrayInputStream("orders HIDE\nquit\n".getBytes(StandardCharsets.UTF_8)));
    int code =
        cli.execute(
            "game", "join", "--server", address, "--code", ostCode, "--name", "Olga", "--play");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("joined game " + game + " seat OST as Olga");
    assertThat(out.toString()).containsIgnoringCase("accepted");
  }

  @Test
  void badOptionsAreNamed() {
    LauncherTest.Run both =
        run(
            "game",
            "create",
            "--server",
            address,
            "--scenario",
            "tutorial",
            "--bot",
            "KAD",
            "--students",
            "LEN");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--bot and --students");
    LauncherTest.Run unknown =
        run("game", "create", "--server", address, "--scenario", "tutorial", "--students", "ATL");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--students: no state 'ATL' in tutorial");
    LauncherTest.Run noScenario =
        run("game", "create", "--server", address, "--scenario", "atlantis");
    assertThat(noScenario.code()).isEqualTo(1);
    assertThat(noScenario.err()).contains("create_game refused: UNKNOWN_SCENARIO");
    LauncherTest.Run nowhere = run("game", "list", "--server", "127.0.0.1:1");
    assertThat(nowhere.code()).isEqualTo(2);
    assertThat(nowhere.err()).contains("cannot reach 127.0.0.1:1");
  }
}
