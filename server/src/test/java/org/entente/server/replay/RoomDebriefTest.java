package org.entente.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.server.replay.Journals.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The debrief of a classroom game played over real sockets ({@link RoomGame}): everything the room
 * did (students, who played each seat when, injects, notes, messages), the summary, the lens once,
 * the student part and the Korean headings, through {@code entente debrief}.
 */
class RoomDebriefTest {
  @TempDir static Path data;
  static Path journal;

  @BeforeAll
  static void play() throws Exception {
    journal = RoomGame.play(data);
  }

  static String debrief(String... extra) throws Exception {
    Path out = Files.createTempFile(data, "debrief", ".out");
    String[] args = new String[extra.length + 4];
    args[0] = "debrief";
    args[1] = journal.toString();
    args[2] = "--out";
    args[3] = out.toString();
    System.arraycopy(extra, 0, args, 4, extra.length);
    Run r = Journals.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return Files.readString(out);
  }

  /** Text as the HTML debrief escapes it. */
  static String esc(String s) {
    return s.replace("&", "&amp;").replace("'", "&#39;");
  }

  @Test
  void theInstructorsDebriefTellsWhatTheRoomDid() throws Exception {
    String html = debrief("--format", "html");
    assertThat(html)
        .contains(
            "Alice Kim (turn 1)",
            "turns 1-2: student Alice Kim",
            "turns 3-4: autopilot (",
            "turns 5-8: student Alice Kim",
            "turns 1-8: bot (threat-balancer)",
            "turns 1-8: no student joined",
            "Injected events",
            esc(RoomGame.INJECT_TEXT),
            esc(RoomGame.NOTE_1),
            esc(RoomGame.NOTE_5),
            "LEN (Alice Kim) to OST:</b> " + RoomGame.ALICE_MESSAGE,
            "the instructor to everyone:</b> " + RoomGame.INSTRUCTOR_MESSAGE)
        .doesNotContain("human");
    // the injected event and the messages stand at their turn
    int turn1 = html.indexOf("id=\"turn-1\"");
    int turn2 = html.indexOf("id=\"turn-2\"");
    assertThat(html.indexOf("<li class=\"inject\">", turn1)).isBetween(turn1, turn2);
    assertThat(html.indexOf(RoomGame.ALICE_MESSAGE, turn1)).isBetween(turn1, turn2);
    int turn5 = html.indexOf("id=\"turn-5\"");
    assertThat(html.indexOf(RoomGame.INSTRUCTOR_MESSAGE, turn5))
        .isBetween(turn5, html.indexOf("id=\"turn-6\""));
    // the summary counts the room's doings
    assertThat(html)
        .contains(
            "1 seat by students (1 joined), 1 seat by bots, 1 seat on autopilot for a while, and 1"
                + " seat no student ever joined",
            "The instructor injected 1 event and wrote 2 notes; the room sent 2 messages.");
    // the lens: one span table, one per-state table, decisions per state
    assertThat(html.split("class=\"lens-spans\"", -1)).hasSize(2);
    assertThat(html).contains("id=\"decisions-LEN\"", "id=\"decisions-OST\"");
    assertThat(html).doesNotContain("<table class=\"lens\">");

    String quiet = debrief("--format", "html", "--no-messages");
    assertThat(quiet).doesNotContain(RoomGame.ALICE_MESSAGE).contains(esc(RoomGame.INJECT_TEXT));
  }

  @Test
  void markdownAndJsonCarryTheRoomToo() throws Exception {
    String md = debrief("--format", "md");
    assertThat(md)
        .contains(
            "## Who played",
            "| OST | no student joined | turns 1-8: no student joined |",
            "- Turn 1: " + RoomGame.INJECT_TEXT,
            "- Message, LEN (Alice Kim) to OST: " + RoomGame.ALICE_MESSAGE)
        .doesNotContain("human");
    JsonNode json = new ObjectMapper().readTree(debrief("--format", "json"));
    assertThat(json.get("seats")).hasSize(3);
    JsonNode len = json.get("seats").get(1);
    assertThat(len.get("state").asText()).isEqualTo("LEN");
    assertThat(len.get("students").get(0).get("name").asText()).isEqualTo(RoomGame.STUDENT);
    assertThat(len.get("spans").get(1).get("player").get("kind").asText()).isEqualTo("AUTOPILOT");
    assertThat(json.get("messages")).hasSize(2);
    assertThat(json.get("injects").get(0).get("turn").asInt()).isEqualTo(1);
    assertThat(json.get("summary").size()).isBetween(3, 7);
    assertThat(json.get("lensSpans")).isNotEmpty();
  }

  @Test
  void theStudentPartIsTheirOwnStateAndView() throws Exception {
    String html = debrief("--format", "html", "--state", "OST");
    assertThat(html)
        .contains("Debrief for OST", "id=\"decisions-OST\"", RoomGame.ALICE_MESSAGE)
        .doesNotContain(
            "id=\"decisions-LEN\"",
            RoomGame.NOTE_1,
            "Threat matrix",
            "Injected events",
            "Alice Kim (turn 1)");
    // KAD's student part: the message to OST is not KAD's to read
    assertThat(debrief("--format", "html", "--state", "KAD"))
        .doesNotContain(RoomGame.ALICE_MESSAGE)
        .contains(RoomGame.INSTRUCTOR_MESSAGE);
    Run bad = Journals.run("debrief", journal.toString(), "--state", "XXX");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown state 'XXX'", "KAD, LEN, OST");
  }

  @Test
  void theKoreanDebriefOfTheRoomIsKoreanThroughout() throws Exception {
    org.entente.server.history.GameHistory h =
        org.entente.server.journal.JournalReader.history(journal);
    Room room = Room.of(org.entente.server.journal.JournalReader.read(journal));
    // what the room wrote (names, messages, injects, notes) is shown as written
    java.util.List<String> allowed = new java.util.ArrayList<>();
    allowed.add(RoomGame.STUDENT);
    allowed.add(h.world().id());
    allowed.add(journal.getFileName().toString().replace(".journal", ""));
    h.world().start().forEach(n -> allowed.add(n.name()));
    room.messages().forEach(m -> allowed.add(m.text()));
    room.injects().forEach(x -> allowed.addAll(x.texts()));
    h.annotations().forEach(a -> allowed.add(a.text()));
    h.annotations().forEach(a -> allowed.add(a.author()));
    for (String text : java.util.List.copyOf(allowed)) {
      allowed.add(org.entente.server.debrief.KoreanDebriefTest.visible(esc(text)));
      allowed.add(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    }
    allowed.add("--format html");
    allowed.add("HTML");
    java.util.List<String> ids = h.world().start().stream().map(n -> n.id()).toList();
    String html = debrief("--format", "html", "--lang", "ko");
    assertThat(
            org.entente.server.debrief.KoreanDebriefTest.english(
                org.entente.server.debrief.KoreanDebriefTest.visible(html), allowed, ids))
        .as("English left in the Korean HTML")
        .isEmpty();
    assertThat(html).contains("1-2턴: 학생 " + RoomGame.STUDENT, "3-4턴: 자동 조종(");
    String md = debrief("--format", "md", "--lang", "ko");
    Path out = Path.of("target", "debrief-ko");
    Files.createDirectories(out);
    Files.writeString(out.resolve("room-game.html"), html);
    Files.writeString(out.resolve("room-game.md"), md);
    assertThat(org.entente.server.debrief.KoreanDebriefTest.english(md, allowed, ids))
        .as("English left in the Korean Markdown")
        .isEmpty();
    assertThat(md).contains("## 누가 플레이했나", "## 전환점");
    // the JSON form stays data in English whatever the language
    assertThat(debrief("--format", "json", "--lang", "ko")).isEqualTo(debrief("--format", "json"));
  }

  @Test
  void koreanHeadings() throws Exception {
    String html = debrief("--format", "html", "--lang", "ko");
    assertThat(html).contains("<html lang=\"ko\">", ">요약</h2>", ">전환점</h2>", ">누가 플레이했나</h2>");
    Run bad = Journals.run("debrief", journal.toString(), "--lang", "fr");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown language 'fr'");
  }

  @Test
  void exportsPerStudentAndPerGameSayWhoPlayed() throws Exception {
    Path out = data.resolve("csv");
    Run r = Journals.run("export", journal.toString(), "--csv", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String id = journal.getFileName().toString().replace(".journal", "");
    java.util.List<String> game = Files.readAllLines(out.resolve(id + "-orders.csv"));
    assertThat(game.get(0)).isEqualTo(String.join(",", ExportCommand.ORDERS_HEADER));
    assertThat(game).anyMatch(l -> l.startsWith("1,LEN,") && l.endsWith(",student Alice Kim"));
    assertThat(game).anyMatch(l -> l.startsWith("3,LEN,") && l.contains(",autopilot ("));
    assertThat(game).anyMatch(l -> l.startsWith("2,OST,") && l.endsWith(",no student joined"));
    assertThat(game).noneMatch(l -> l.contains("human"));

    java.util.List<String> alice = Files.readAllLines(out.resolve(id + "-student-Alice_Kim.csv"));
    assertThat(alice.get(0)).isEqualTo(String.join(",", ExportCommand.STUDENT_HEADER));
    // turns 1, 2 and 5 to 8 played by Alice (3 and 4 were the autopilot's)
    assertThat(alice.subList(1, alice.size()))
        .extracting(l -> l.substring(0, l.indexOf(',')))
        .containsExactly("1", "2", "5", "6", "7", "8");
    assertThat(alice.get(1))
        .startsWith("1,Alice Kim,LEN,BALANCE KAD")
        .contains("to OST: " + RoomGame.ALICE_MESSAGE);
    assertThat(alice.get(2)).startsWith("2,Alice Kim,LEN,HIDE");
    assertThat(alice.get(1).split(",", -1).length)
        .isGreaterThanOrEqualTo(ExportCommand.STUDENT_HEADER.size());
  }

  @Test
  void replayShowsWhoPlayedTheInjectsAndTheMessagesAtTheirTurn() throws Exception {
    Run one = Journals.run("replay", journal.toString(), "--turn", "1");
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(one.out())
        .contains(
            "played by:",
            "  LEN: student Alice Kim",
            "  OST: no student joined",
            "  KAD: bot (threat-balancer)",
            "injected by the instructor during turn 1:\n  " + RoomGame.INJECT_TEXT,
            "messages of turn 1:\n  LEN (Alice Kim) to OST: " + RoomGame.ALICE_MESSAGE);
    Run three = Journals.run("replay", journal.toString(), "--turn", "3");
    assertThat(three.out()).contains("  LEN: autopilot (").doesNotContain(RoomGame.ALICE_MESSAGE);
    Run asKad = Journals.run("replay", journal.toString(), "--turn", "1", "--as", "KAD");
    assertThat(asKad.out()).doesNotContain(RoomGame.ALICE_MESSAGE);
    Run five = Journals.run("replay", journal.toString(), "--turn", "5", "--as", "KAD");
    assertThat(five.out())
        .contains("messages of turn 5 that KAD could read:", RoomGame.INSTRUCTOR_MESSAGE);
  }
}
