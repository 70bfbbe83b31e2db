package org.entente.server.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The bloc an alliance balances (RULES.md section 3a): its target and every state linked to the
 * target by alliances and patron-client links, found without passing through the alliance's own
 * members. Without that exclusion a member that shares some other alliance with the target's bloc
 * would end up in the bloc its own alliance balances (in 1936, Poland is allied with France, and
 * France with the USSR, so a bloc followed through Poland would put Poland and Romania inside the
 * bloc of their own alliance against the USSR).
 */
public final class TargetBloc {
  private TargetBloc() {}

  /**
   * The target first, then the states reached from it in breadth-first order.
   *
   * @param alliances the member lists of the standing alliances
   * @param links the patron-client links as {client, patron} pairs
   * @param excluded the alliance's own members, never part of the bloc nor passed through
   */
  public static List<String> of(
      String target,
      List<? extends Collection<String>> alliances,
      List<String[]> links,
      Collection<String> excluded) {
    List<String> bloc = new ArrayList<>(List.of(target));
    for (int k = 0; k < bloc.size(); k++) {
      String s = bloc.get(k);
      for (Collection<String> members : alliances) {
        if (members.contains(s)) {
          for (String m : members) {
            if (!bloc.contains(m) && !excluded.contains(m)) {
              bloc.add(m);
            }
          }
        }
      }
      for (String[] link : links) {
        String other = link[0].equals(s) ? link[1] : link[1].equals(s) ? link[0] : null;
        if (other != null && !bloc.contains(other) && !excluded.contains(other)) {
          bloc.add(other);
        }
      }
    }
    return bloc;
  }
}
