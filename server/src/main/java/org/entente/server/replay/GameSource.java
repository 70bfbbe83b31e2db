package org.entente.server.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.server.journal.DirectoryJournalStore;

/** Finds a game for the commands: a journal file's path, or a game id in a data directory. */
final class GameSource {
  private GameSource() {}

  /** Thrown when there is no such game; the message says where it was looked for. */
  static final class NoSuchGame extends Exception {
    NoSuchGame(String message) {
      super(message);
    }
  }

  /** The journal file of {@code game}: itself if it is a file, else {@code data/<game>.journal}. */
  static Path find(String game, Path data) throws NoSuchGame {
    Path p = Path.of(game);
    if (Files.isRegularFile(p)) {
      return p;
    }
    DirectoryJournalStore store = new DirectoryJournalStore(data);
    Path file;
    try {
      file = store.path(game);
    } catch (IllegalArgumentException e) {
      throw new NoSuchGame("no such game: " + game + " is neither a journal file nor a game id");
    }
    if (!Files.isRegularFile(file)) {
      List<String> known;
      try {
        known = store.list();
      } catch (IOException e) {
        known = List.of();
      }
      throw new NoSuchGame(
          "no such game: "
              + game
              + " (no file "
              + game
              + ", no "
              + file
              + "; games in "
              + data
              + ": "
              + (known.isEmpty() ? "none" : String.join(", ", known))
              + ")");
    }
    return file;
  }

  /** Opens {@code game}. */
  static Replayer open(String game, Path data) throws NoSuchGame, IOException {
    return Replayer.open(find(game, data));
  }
}
