package org.entente.server.engine;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.Action;
import org.entente.api.OutcomeCode;
import org.entente.server.engine.TurnReport.EventKind;

/**
 * Step 6 of a turn: ATTACK orders become public crises, resolved next turn. An attack is checked
 * against the alignments that step 1 produced: no attacking an ally or one's own client.
 */
final class Declarations {
  private Declarations() {}

  /** The attacks that stand, as (attacker, target) pairs, with outcomes for those that do not. */
  static List<int[]> validAttacks(TurnWork w) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < w.n; i++) {
      for (Action a : w.actions.get(i)) {
        if (!(a instanceof Action.Attack atk)) {
          continue;
        }
        int t = w.index(atk.target());
        String order = "ATTACK " + atk.target();
        ClientLink link = w.linkOf(t);
        if (!w.active(i) || !w.active(t)) {
          w.outcome(i, order, OutcomeCode.NOT_ACTIVE, "a party was conquered this turn");
        } else if (w.allied(i, t)) {
          w.outcome(i, order, OutcomeCode.CANNOT_ATTACK_ALLY, atk.target() + " is an ally");
        } else if (link != null && link.patron().equals(w.id(i))) {
          w.outcome(i, order, OutcomeCode.CANNOT_ATTACK_CLIENT, atk.target() + " is your client");
        } else {
          out.add(new int[] {i, t});
        }
      }
    }
    return out;
  }

  static void declare(TurnWork w, List<int[]> attacks) {
    for (int[] atk : attacks) {
      Crisis c = new Crisis("c" + (++w.nextCrisis), w.id(atk[0]), w.id(atk[1]), w.turn, w.turn + 1);
      w.crises.add(c);
      w.crisesDeclared++;
      w.attackedNow[atk[1]] = true;
      w.outcome(
          atk[0],
          "ATTACK " + c.target(),
          OutcomeCode.CRISIS_DECLARED,
          "crisis " + c.id() + " declared against " + c.target() + ": resolved next turn");
      w.event(
          EventKind.CRISIS_DECLARED,
          c.aggressor() + " attacks " + c.target() + " (crisis " + c.id() + ")",
          new TurnReport.CrisisChange(
              TurnReport.CrisisChangeKind.DECLARED,
              c.id(),
              c.aggressor(),
              c.target(),
              c.resolvesTurn(),
              false,
              ""),
          c.aggressor(),
          c.target());
    }
  }
}
