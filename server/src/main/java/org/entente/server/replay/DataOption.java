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
}
