package org.entente.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.entente.server.journal.JournalReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the room did, read from the journal of a classroom game played over real sockets ({@link
 * RoomGame}): the student per seat, who played each seat when, the messages and the injects.
 */
class RoomTest {
  @TempDir static Path data;
  static Path journal;

  @BeforeAll
  static void play() throws Exception {
    journal = RoomGame.play(data);
  }

  @Test
  void eachSeatSaysWhoPlayedItTurnByTurn() throws Exception {
    Room room = Room.of(JournalReader.read(journal));
    assertThat(room.journaled()).isTrue();

    Room.Seat len = room.seat("LEN");
    assertThat(len.students()).extracting(Room.Student::name).containsExactly(RoomGame.STUDENT);
    assertThat(len.players()).hasSize(8);
    List<Room.Span> spans = len.spans();
    assertThat(spans)
        .extracting(s -> s.turns() + ": " + s.player().words())
        .containsExactly(
            "turns 1-2: student Alice Kim",
            "turns 3-4: autopilot (" + len.players().get(2).name() + ")",
            "turns 5-8: student Alice Kim");
    assertThat(len.players().get(2).kind()).isEqualTo(Room.Kind.AUTOPILOT);

    Room.Seat kad = room.seat("KAD");
    assertThat(kad.students()).isEmpty();
    assertThat(kad.spans())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.player().kind()).isEqualTo(Room.Kind.BOT);
              assertThat(s.player().words()).isEqualTo("bot (threat-balancer)");
            });

    // OST was never joined: no one played it, and nothing calls it human
    Room.Seat ost = room.seat("OST");
    assertThat(ost.students()).isEmpty();
    assertThat(ost.spans())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.from()).isEqualTo(1);
              assertThat(s.to()).isEqualTo(8);
              assertThat(s.player().kind()).isEqualTo(Room.Kind.NOBODY);
              assertThat(s.player().words()).isEqualTo("no student joined").doesNotContain("human");
            });
  }

  @Test
  void messagesAndInjectsAreKeptWithTheirTurns() throws Exception {
    Room room = Room.of(JournalReader.read(journal));
    assertThat(room.messages())
        .extracting(m -> m.turn() + " " + m.header() + ": " + m.text())
        .containsExactly(
            "1 LEN (Alice Kim) to OST: " + RoomGame.ALICE_MESSAGE,
            "5 the instructor to everyone: " + RoomGame.INSTRUCTOR_MESSAGE);
    assertThat(room.messagesSeenBy("OST")).hasSize(2);
    assertThat(room.messagesSeenBy("KAD"))
        .extracting(Room.Message::text)
        .containsExactly(RoomGame.INSTRUCTOR_MESSAGE);
    assertThat(room.injects())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.turn()).isEqualTo(1);
              assertThat(x.texts()).singleElement().asString().contains("harvest fails");
            });
  }

  @Test
  void theProtocolsReplayShowsTheMessagesAtTheirTurn() {
    assertThat(RoomGame.REPLAYED_MESSAGES)
        .containsExactly("1 " + RoomGame.ALICE_MESSAGE, "5 " + RoomGame.INSTRUCTOR_MESSAGE);
  }
}
