package org.entente.server.replay;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} option of the commands that open journaled games by file or by id. */
final class DataOption {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "where game ids are looked up (default: ${DEFAULT-VALUE})")
  Path data;

  /** Opens {@code game}: a journal file, or the id of a game journaled in {@code --data}. */
  Replayer open(String game) throws GameSource.NoSuchGame, IOException {
    return GameSource.open(game, data);
  }

  /**
   * Opens {@code game} as {@link #open} does, or prints why it cannot be opened on {@code err} and
   * returns null (the command then exits with 2).
   */
  Replayer openOrSay(String game, java.io.PrintWriter err) {
    try {
      return open(game);
    } catch (GameSource.NoSuchGame e) {
      err.println(e.getMessage());
    } catch (IOException e) {
      err.println("cannot replay " + game + ": " + e.getMessage());
    }
    err.flush();
    return null;
  }
}
