package org.entente.server.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario that cannot be used, with every problem found in it. */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<ScenarioProblem> problems;

  public ScenarioException(List<ScenarioProblem> problems) {
    super(
        problems.size()
            + " problem(s):\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<ScenarioProblem> problems() {
    return problems;
  }
}
