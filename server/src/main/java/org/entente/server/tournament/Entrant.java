package org.entente.server.tournament;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.entente.client.bots.Strategies;

/**
 * One competitor of a tournament: a unique name and what plays it. A built-in entrant names a
 * strategy of {@link Strategies}, optionally with a {@code #suffix} so the same strategy can enter
 * twice ({@code threat-balancer} and {@code threat-balancer#2} are two entrants playing the same
 * code). A remote entrant is a bot registered under that name on a server.
 *
 * @param name the unique name shown in the standings
 * @param strategy the built-in strategy, or the remote entrant's name when {@code remote}
 * @param remote whether a remote bot plays it (see {@link RemoteGames})
 */
public record Entrant(String name, String strategy, boolean remote) {

  /** A built-in entrant from {@code name} or {@code name#suffix}; throws on an unknown strategy. */
  public static Entrant builtin(String name) {
    String trimmed = name.strip();
    int hash = trimmed.indexOf('#');
    String strategy = hash < 0 ? trimmed : trimmed.substring(0, hash);
    if (hash >= 0 && hash == trimmed.length() - 1) {
      throw new IllegalArgumentException(
          "--strategies: '"
              + name
              + "' has an empty suffix after '#'; write e.g. "
              + strategy
              + "#2");
    }
    if (!Strategies.names().contains(strategy)) {
      throw new IllegalArgumentException(
          "--strategies: unknown strategy '"
              + strategy
              + "'; known: "
              + String.join(", ", Strategies.names()));
    }
    return new Entrant(trimmed, strategy, false);
  }

  /** A remote entrant: a bot registered on the server under {@code name}. */
  public static Entrant remote(String name) {
    String trimmed = name.strip();
    if (!trimmed.matches("[A-Za-z0-9_.#-]{1,64}")) {
      throw new IllegalArgumentException(
          "--remote: '"
              + name
              + "' is not a valid entrant name (1 to 64 letters, digits, '_', '.', '#' or '-')");
    }
    return new Entrant(trimmed, trimmed, true);
  }

  /**
   * The entrants of a command line: built-in ones first, then remote ones, in the order given.
   * Throws when there are fewer than two or when a name repeats.
   */
  public static List<Entrant> parse(List<String> builtins, List<String> remotes) {
    List<Entrant> out = new ArrayList<>();
    builtins.forEach(s -> out.add(builtin(s)));
    remotes.forEach(s -> out.add(remote(s)));
    Set<String> seen = new HashSet<>();
    for (Entrant e : out) {
      if (!seen.add(e.name())) {
        throw new IllegalArgumentException(
            "entrant '"
                + e.name()
                + "' is named twice; to enter a strategy twice give the copy a suffix, e.g. "
                + e.strategy()
                + "#2");
      }
    }
    if (out.size() < 2) {
      throw new IllegalArgumentException(
          "a tournament needs at least two entrants (--strategies and --remote), got "
              + out.size());
    }
    return List.copyOf(out);
  }
}
