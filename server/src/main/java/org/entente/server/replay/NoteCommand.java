package org.entente.server.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.journal.Journal;
import org.entente.server.journal.JournalReader;
import org.entente.server.journal.Records;
import org.entente.server.journal.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code entente note}: appends an instructor's note on a turn to a finished game's journal, the
 * same annotation record the instructor console's {@code annotate} request journals, so replays and
 * the debrief show it as they show notes added during the game.
 */
@Command(
    name = "note",
    mixinStandardHelpOptions = true,
    description =
        "Add an instructor's note on a turn to a finished game's journal (for replays and the"
            + " debrief).")
public final class NoteCommand implements Callable<Integer> {
  /** The longest note, as over the protocol. */
  static final int MAX_CHARS = 4000;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GAME", description = "a journal file, or a game id")
  String game;

  @Parameters(index = "1..*", paramLabel = "TEXT", arity = "1..*", description = "the note")
  List<String> text;

  @Mixin DataOption data;

  @Option(names = "--turn", required = true, paramLabel = "N", description = "the turn noted")
  int turn;

  @Option(
      names = "--author",
      paramLabel = "NAME",
      defaultValue = "instructor",
      description = "who wrote the note (default: ${DEFAULT-VALUE})")
  String author;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String note = String.join(" ", text).strip();
    if (note.isEmpty() || note.length() > MAX_CHARS) {
      return fail(err, "the note must be 1 to " + MAX_CHARS + " characters, not " + note.length());
    }
    Path file;
    JournalReader.Contents contents;
    Replay.Replayed game;
    try {
      file = GameSource.find(this.game, data.data);
      contents = JournalReader.read(file);
      game = Replay.replay(contents);
    } catch (GameSource.NoSuchGame e) {
      return fail(err, e.getMessage());
    } catch (IOException e) {
      return fail(err, "cannot read " + this.game + ": " + e.getMessage());
    }
    String id = game.created().getGameId();
    int played = game.reports().size();
    // as over the protocol: a turn that has been reached, at most the scenario's last
    int last = Math.min(game.state().turn(), game.world().turns());
    if (turn < 1 || turn > last) {
      return fail(
          err,
          "no turn "
              + turn
              + " to note in "
              + id
              + ": it has turns 1.."
              + last
              + " ("
              + played
              + " adjudicated)");
    }
    if (!game.finished()) {
      return fail(
          err,
          id
              + " is not finished: a server may still be writing its journal; add the note from"
              + " the instructor console while it runs, or here once it has ended");
    }
    if (contents.validLength() != contents.fileLength()) {
      return fail(
          err,
          file
              + " has "
              + (contents.fileLength() - contents.validLength())
              + " bytes after its last good record ("
              + contents.tailProblem()
              + "); nothing appended");
    }
    DirectoryJournalStore store = new DirectoryJournalStore(file.toAbsolutePath().getParent());
    Path expected;
    try {
      expected = store.path(id);
    } catch (IllegalArgumentException e) {
      return fail(err, "game id " + id + " cannot name a journal file: " + e.getMessage());
    }
    if (!expected.equals(file.toAbsolutePath())) {
      return fail(
          err,
          file + " is not named after its game id " + id + " (" + expected.getFileName() + ")");
    }
    try (Journal j = store.reopen(id, contents.validLength())) {
      j.append(Records.annotation(System.currentTimeMillis(), turn, author, note));
      j.force();
    } catch (IOException e) {
      return fail(err, "cannot append to " + file + ": " + e.getMessage());
    }
    out.println("note added to turn " + turn + " of " + id + " by " + author);
    out.flush();
    return 0;
  }

  private static int fail(PrintWriter err, String message) {
    err.println(message);
    err.flush();
    return 2;
  }
}
