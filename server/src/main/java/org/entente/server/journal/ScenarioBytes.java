package org.entente.server.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.server.scenario.ScenarioLoader;

/**
 * The bytes of a scenario file as a game's journal keeps them, so the game can be rebuilt even if
 * the library changes.
 *
 * @param id the built-in id, or the file's path
 * @param source the name the loader gives the scenario in messages
 */
public record ScenarioBytes(String id, String source, byte[] bytes) {

  /** A built-in scenario's file. */
  public static ScenarioBytes builtin(String id) {
    try (InputStream in =
        ScenarioLoader.class.getClassLoader().getResourceAsStream("scenarios/" + id + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no built-in scenario file for '" + id + "'");
      }
      return new ScenarioBytes(id, id + ".json", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A built-in id, or else a file on disk (as {@link ScenarioLoader#resolve} reads them). */
  public static ScenarioBytes resolve(String idOrFile) throws IOException {
    if (ScenarioLoader.builtinIds().contains(idOrFile)) {
      return builtin(idOrFile);
    }
    Path p = Path.of(idOrFile);
    return new ScenarioBytes(idOrFile, p.toString(), Files.readAllBytes(p));
  }
}
