package org.entente.server.engine;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.AllianceKind;
import org.entente.api.Dice;
import org.entente.api.OutcomeCode;
import org.entente.api.Stance;
import org.entente.api.Stance.BandwagonKind;
import org.entente.server.engine.TurnReport.EventKind;
import org.entente.server.engine.TurnReport.War;

/**
 * Step 2 of a turn: the crises due this turn are resolved (RULES.md section 5): sides bound by
 * defensive commitments (and offensive ones), chosen sides, abandonment, strength at the target's
 * location, a seeded draw, losses, spoils, reparations and conquest.
 */
final class Wars {
  private Wars() {}

  /** The two sides of one crisis. */
  private record Sides(Crisis crisis, List<Integer> attackers, List<Integer> defenders) {}

  static void resolve(TurnWork w) {
    List<Sides> due = new ArrayList<>();
    for (Crisis c : List.copyOf(w.crises)) {
      if (c.resolvesTurn() == w.turn) {
        w.crises.remove(c);
        due.add(sides(w, c));
      }
    }
    int[] wars = new int[w.n];
    for (Sides s : due) {
      s.attackers().forEach(i -> wars[i]++);
      s.defenders().forEach(i -> wars[i]++);
    }
    double[] committed = new double[w.n];
    for (int i = 0; i < w.n; i++) {
      committed[i] = wars[i] == 0 ? 0 : w.mil[i] / wars[i];
    }
    Dice dice = Dice.of(w.seed, w.turn, "war");
    for (int k = 0; k < due.size(); k++) {
      fight(w, due.get(k), committed, dice.at(k));
    }
  }

  // RULES.md 5 (2.0). Attackers: the aggressor, its OFFENSIVE clients and OFFENSIVE allies, and
  // states balancing against the target. Defenders: the target, its patron, its allies (a
  // commitment binds) and states balancing against the aggressor. The aggressor's defensive allies
  // join only by choice.
  private static Sides sides(TurnWork w, Crisis c) {
    int aggressor = w.index(c.aggressor());
    int target = w.index(c.target());
    List<Integer> att = new ArrayList<>(List.of(aggressor));
    List<Integer> def = new ArrayList<>(List.of(target));
    ClientLink targetLink = w.linkOf(target);
    for (int i = 0; i < w.n; i++) {
      if (i == aggressor || i == target || !w.active(i)) {
        continue;
      }
      String order = "crisis " + c.id();
      boolean boundToAttack = offensivelyBound(w, i, aggressor, target);
      boolean boundToDefend =
          w.allied(i, target) || (targetLink != null && targetLink.patron().equals(w.id(i)));
      int against = w.balancesAgainst(i);
      if (boundToAttack && boundToDefend) {
        w.outcome(
            i,
            order,
            OutcomeCode.BOUND_TO_BOTH,
            "bound to both " + c.aggressor() + " and " + c.target() + ": stays out");
      } else if (boundToDefend) {
        if (w.staysOut(i) || bandwagonsWith(w, i, c.aggressor())) {
          abandon(w, c, i, target);
        } else {
          def.add(i);
          w.outcome(
              i,
              order,
              OutcomeCode.BOUND_TO_DEFEND,
              "bound to defend " + c.target() + " against " + c.aggressor());
        }
      } else if (boundToAttack) {
        if (w.staysOut(i)) {
          abandon(w, c, i, aggressor);
        } else {
          att.add(i);
          ClientLink link = w.linkOf(i);
          boolean jackal = link != null && link.patron().equals(c.aggressor());
          w.outcome(
              i,
              order,
              jackal ? OutcomeCode.JOINED_ATTACK : OutcomeCode.CHAIN_GANGED,
              jackal
                  ? "jackal: joins its patron " + c.aggressor() + " against " + c.target()
                  : "joins the attack of its offensive ally " + c.aggressor());
        }
      } else if (against == target) {
        att.add(i);
        w.outcome(
            i,
            order,
            OutcomeCode.JOINED_ATTACK,
            "balances against " + c.target() + ": joins the attack");
      } else if (against == aggressor) {
        def.add(i);
        w.outcome(
            i,
            order,
            OutcomeCode.JOINED_DEFENCE,
            "balances against " + c.aggressor() + ": joins the defence of " + c.target());
      }
    }
    return new Sides(c, att, def);
  }

  // An OFFENSIVE client of the aggressor, or a member of one of its OFFENSIVE alliances.
  private static boolean offensivelyBound(TurnWork w, int i, int aggressor, int target) {
    ClientLink link = w.linkOf(i);
    if (link != null
        && link.patron().equals(w.id(aggressor))
        && link.kind() == BandwagonKind.OFFENSIVE) {
      return true;
    }
    for (Alliance al : w.alliances) {
      if (al.kind() == AllianceKind.OFFENSIVE
          && al.has(w.id(i))
          && al.has(w.id(aggressor))
          && !al.has(w.id(target))) {
        return true;
      }
    }
    return false;
  }

  private static boolean bandwagonsWith(TurnWork w, int i, String patron) {
    return w.stance[i] instanceof Stance.Bandwagon b && b.with().equals(patron);
  }

  // A bound ally that stayed out has abandoned the party: the alliances they share lose cohesion.
  private static void abandon(TurnWork w, Crisis c, int k, int party) {
    for (Alliance al : w.alliances) {
      if (al.has(w.id(k)) && al.has(w.id(party)) && !w.abandonedAlliances.contains(al.id())) {
        w.abandonedAlliances.add(al.id());
      }
    }
    String how =
        w.hides(k)
            ? "hid"
            : w.kind(k) == Stance.StanceKind.BUCK_PASS ? "passed the buck" : "bandwagoned";
    w.outcome(
        k,
        "crisis " + c.id(),
        OutcomeCode.ABANDONED_ALLY,
        w.id(k) + " " + how + " while its ally " + w.id(party) + " was in a crisis");
  }

  private static double strength(
      TurnWork w, int i, int target, boolean attacker, double committed) {
    double tech = 1 + w.start.techShare(i);
    Nation s = w.nation(i);
    if (attacker) {
      return committed * s.offense() * w.world.proximity().get(i, target) * tech;
    }
    if (i == target) {
      return w.params.defenseAdvantage() * committed * tech;
    }
    return committed * w.world.proximity().get(i, target) * tech;
  }

  private static void fight(TurnWork w, Sides s, double[] committed, double draw) {
    Crisis c = s.crisis();
    int aggressor = w.index(c.aggressor());
    int target = w.index(c.target());
    if (!w.active(aggressor) || !w.active(target) || w.hides(aggressor)) {
      String why =
          w.hides(aggressor)
              ? c.aggressor() + " hid instead of pressing its attack: the crisis is called off"
              : "a party was conquered earlier this turn";
      w.event(
          EventKind.CRISIS_VOID,
          "crisis " + c.id() + " is void: " + why,
          new TurnReport.CrisisChange(
              TurnReport.CrisisChangeKind.VOID,
              c.id(),
              c.aggressor(),
              c.target(),
              c.resolvesTurn(),
              false,
              why),
          c.aggressor(),
          c.target());
      for (int i : s.attackers()) {
        w.outcome(i, "crisis " + c.id(), OutcomeCode.CRISIS_VOID, why);
      }
      for (int i : s.defenders()) {
        w.outcome(i, "crisis " + c.id(), OutcomeCode.CRISIS_VOID, why);
      }
      return;
    }
    List<Integer> att = active(w, s.attackers());
    List<Integer> def = active(w, s.defenders());
    double[] str = new double[w.n];
    double a = 0;
    double d = 0;
    for (int i : att) {
      str[i] = strength(w, i, target, true, committed[i]);
      a += str[i];
    }
    for (int i : def) {
      str[i] = strength(w, i, target, false, committed[i]);
      d += str[i];
    }
    double k = w.params.warExponent();
    double ak = Math.pow(a, k);
    double dk = Math.pow(d, k);
    double p = ak + dk <= 0 ? 0 : ak / (ak + dk);
    boolean attackersWon = draw < p;
    double total = a + d;
    for (int i : att) {
      w.mil[i] -= w.params.warLossRate() * (total <= 0 ? 0 : d / total) * committed[i];
      w.warredNow[i] = true;
    }
    for (int i : def) {
      w.mil[i] -= w.params.warLossRate() * (total <= 0 ? 0 : a / total) * committed[i];
      w.warredNow[i] = true;
    }
    boolean conquest = attackersWon && a >= w.params.conquestRatio() * d;
    String reason = consequences(w, c, att, def, str, a, d, attackersWon, conquest);
    w.warsFought++;
    War war =
        new War(
            c.id(),
            c.aggressor(),
            c.target(),
            ids(w, att),
            ids(w, def),
            a,
            d,
            p,
            attackersWon,
            conquest,
            reason);
    w.wars.add(war);
    w.event(EventKind.WAR, reason, war, c.aggressor(), c.target());
    for (int i : att) {
      w.outcome(
          i, "crisis " + c.id(), attackersWon ? OutcomeCode.WAR_WON : OutcomeCode.WAR_LOST, reason);
    }
    for (int i : def) {
      OutcomeCode code =
          attackersWon
              ? (conquest && i == target ? OutcomeCode.CONQUERED : OutcomeCode.WAR_LOST)
              : OutcomeCode.WAR_WON;
      w.outcome(i, "crisis " + c.id(), code, reason);
    }
  }

  private static String consequences(
      TurnWork w,
      Crisis c,
      List<Integer> att,
      List<Integer> def,
      double[] str,
      double a,
      double d,
      boolean attackersWon,
      boolean conquest) {
    int target = w.index(c.target());
    int aggressor = w.index(c.aggressor());
    String odds = "strength " + Fmt.one(a) + " against " + Fmt.one(d);
    if (!attackersWon) {
      double paid = w.params.reparationShare() * w.eco[aggressor];
      w.eco[aggressor] -= paid;
      share(w, def, str, d, paid, w.eco);
      return c.target()
          + " held against "
          + c.aggressor()
          + " ("
          + odds
          + "); "
          + c.aggressor()
          + " pays reparations";
    }
    double pop = w.params.spoilsShare() * w.pop[target];
    double eco = w.params.spoilsShare() * w.eco[target];
    w.pop[target] -= pop;
    w.eco[target] -= eco;
    share(w, att, str, a, pop, w.pop);
    share(w, att, str, a, eco, w.eco);
    if (!conquest) {
      return c.aggressor() + " defeated " + c.target() + " (" + odds + "); spoils taken";
    }
    share(w, att, str, a, w.pop[target], w.pop);
    share(w, att, str, a, w.eco[target], w.eco);
    share(w, att, str, a, Math.max(0, w.mil[target]), w.mil);
    share(w, att, str, a, w.tech[target], w.tech);
    w.pop[target] = 0;
    w.eco[target] = 0;
    w.mil[target] = 0;
    w.tech[target] = 0;
    w.conquered[target] = true;
    w.conquests++;
    w.dropFromAlliances(target, c.target() + " was conquered");
    w.clients.removeIf(l -> l.client().equals(c.target()) || l.patron().equals(c.target()));
    w.event(
        EventKind.CONQUEST,
        c.target() + " was conquered by " + c.aggressor(),
        new TurnReport.Conquest(c.target(), c.aggressor(), c.id(), ids(w, att)),
        c.target(),
        c.aggressor());
    return c.aggressor()
        + " conquered "
        + c.target()
        + " ("
        + odds
        + ", at least "
        + w.params.conquestRatio()
        + " to 1)";
  }

  // Distributes an amount over a side by each member's share of the side's strength.
  private static void share(
      TurnWork w, List<Integer> side, double[] str, double total, double amount, double[] into) {
    for (int i : side) {
      into[i] += total <= 0 ? amount / side.size() : amount * str[i] / total;
    }
  }

  private static List<Integer> active(TurnWork w, List<Integer> side) {
    List<Integer> out = new ArrayList<>(side.size());
    for (int i : side) {
      if (w.active(i)) {
        out.add(i);
      }
    }
    return out;
  }

  private static List<String> ids(TurnWork w, List<Integer> side) {
    String[] out = new String[side.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = w.id(side.get(k));
    }
    return List.of(out);
  }
}
