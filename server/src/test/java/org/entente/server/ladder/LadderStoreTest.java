package org.entente.server.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ladder.json}: written whole and read back the same; a bad file is named with its field.
 */
class LadderStoreTest {
  @TempDir Path dir;

  static Book sample() {
    Book b = new Book();
    b.entries.put(
        "threat-balancer",
        new Book.Entry(
            "threat-balancer",
            false,
            "threat-balancer",
            "",
            5,
            new Rating.Belief(0.7, 0.04),
            12,
            1000));
    b.entries.put(
        "my-bot",
        new Book.Entry("my-bot", true, "", "abc123", 9, new Rating.Belief(-0.2, 0.3), 3, 240));
    b.gamesRated = 12;
    b.add(
        new Book.Played(
            12,
            "g7-abcdef",
            "tutorial",
            -42,
            1000,
            List.of(
                new Book.Seat("KAD", "threat-balancer", 88.5, 0.6, 0.7),
                new Book.Seat("LEN", "my-bot", 70.25, -0.1, -0.2))));
    return b;
  }

  @Test
  void aBookComesBackAsItWasWritten() throws Exception {
    LadderStore store = new LadderStore(dir);
    assertThat(store.load().entries).isEmpty();
    store.save(sample());
    Book back = store.load();
    assertThat(back.gamesRated).isEqualTo(12);
    assertThat(back.entries.keySet()).containsExactly("threat-balancer", "my-bot");
    Book.Entry e = back.entries.get("my-bot");
    assertThat(e.remote).isTrue();
    assertThat(e.tokenHash).isEqualTo("abc123");
    assertThat(e.belief).isEqualTo(new Rating.Belief(-0.2, 0.3));
    assertThat(e.games).isEqualTo(3);
    assertThat(back.history).containsExactlyElementsOf(sample().history);
    assertThat(Files.readString(store.file())).contains("\"format\" : 1");
    // written through a temporary file that is gone once the new file is in place
    assertThat(Files.exists(dir.resolve("ladder.json.tmp"))).isFalse();
  }

  @Test
  void aBadFieldIsNamedWithTheFileAndItsPath() throws Exception {
    LadderStore store = new LadderStore(dir);
    store.save(sample());
    String good = Files.readString(store.file());
    Files.writeString(store.file(), good.replace("\"variance\" : 0.3", "\"variance\" : -1"));
    assertThatThrownBy(store::load)
        .isInstanceOf(LadderStore.BadFileException.class)
        .hasMessage(store.file() + ": $.entrants[1].variance: must be positive, got -1.0");
    Files.writeString(store.file(), good.replace("\"score\" : 70.25", "\"score\" : \"high\""));
    assertThatThrownBy(store::load)
        .hasMessage(
            store.file()
                + ": $.games[0].seats[1].score: expected a finite number, got the string \"high\"");
    Files.writeString(
        store.file(), good.replace("\"entrant\" : \"my-bot\"", "\"entrant\" : \"gone\""));
    assertThatThrownBy(store::load)
        .hasMessage(
            store.file() + ": $.games[0].seats[1].entrant: no entrant 'gone' in $.entrants");
    Files.writeString(store.file(), good.replace("\"format\" : 1", "\"format\" : 2"));
    assertThatThrownBy(store::load).hasMessageContaining("$.format: format 2 is not read");
    Files.writeString(store.file(), good.substring(0, good.length() / 2));
    assertThatThrownBy(store::load).hasMessageStartingWith(store.file() + ": not JSON (line ");
  }

  @Test
  void serveRefusesABadLadderFileAndLeavesItAsItIs() throws Exception {
    LadderStore store = new LadderStore(dir);
    store.save(sample());
    String bad = Files.readString(store.file()).replace("\"games\" : 3", "\"games\" : \"three\"");
    Files.writeString(store.file(), bad);
    picocli.CommandLine cli = org.entente.server.cli.Entente.commandLine();
    java.io.StringWriter err = new java.io.StringWriter();
    cli.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
    cli.setErr(new java.io.PrintWriter(err));
    int code =
        cli.execute(
            "serve", "--host", "127.0.0.1", "--port", "0", "--data", dir.toString(), "--ladder");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "entente does not start: ladder: "
                + store.file()
                + ": $.entrants[1].games: expected an integer, got the string \"three\"");
    assertThat(Files.readString(store.file())).isEqualTo(bad);
  }
}
