package org.entente.server.scenario;

/** One thing wrong with a scenario file: which file, where in it (a JSON path), and what. */
public record ScenarioProblem(String file, String path, String message) {
  @Override
  public String toString() {
    return file + ": " + path + ": " + message;
  }
}
