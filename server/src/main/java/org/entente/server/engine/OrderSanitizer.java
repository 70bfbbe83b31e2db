package org.entente.server.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.api.Action;
import org.entente.api.Orders;
import org.entente.api.OutcomeCode;
import org.entente.api.Stance;

/**
 * Step 0: every active state gets exactly one valid stance (its own, else its default) and the
 * actions that pass their static checks; everything refused gets an outcome saying why. Checks that
 * depend on this turn's alignments (attacking an ally) happen when crises are declared.
 */
final class OrderSanitizer {
  private OrderSanitizer() {}

  static void sanitize(TurnWork w, Map<String, Orders> orders) {
    // Orders from unknown or conquered states are rare: only then are the seats walked in
    // name order, as the report lists them.
    int known = 0;
    boolean fromConquered = false;
    for (int i = 0; i < w.n; i++) {
      if (orders.containsKey(w.id(i))) {
        known++;
        fromConquered |= !w.active(i);
      }
    }
    if (known < orders.size() || fromConquered) {
      for (String seat : new java.util.TreeSet<>(orders.keySet())) {
        int i = w.index(seat);
        if (i < 0) {
          throw new IllegalArgumentException("orders for unknown state " + seat);
        }
        if (!w.active(i)) {
          w.outcome(
              i, "stance", OutcomeCode.NOT_ACTIVE, seat + " has been conquered and cannot act");
        }
      }
    }
    for (int i = 0; i < w.n; i++) {
      if (w.active(i)) {
        Orders o = orders.get(w.id(i));
        w.stance[i] = stanceFor(w, i, o);
        if (o != null) {
          actionsFor(w, i, o.actions());
        }
      }
    }
  }

  private static Stance stanceFor(TurnWork w, int i, Orders o) {
    if (o == null) {
      Stance fallback = defaultStance(w, i);
      w.outcome(i, "stance", OutcomeCode.DEFAULT_ORDER, "no orders: " + describe(fallback));
      return fallback;
    }
    String problem = stanceProblem(w, i, o.stance());
    if (problem == null) {
      return o.stance(); // valid: the default stance is not needed, so it is not checked
    }
    Stance fallback = defaultStance(w, i);
    OutcomeCode code =
        problem.startsWith("internal") || problem.startsWith("bandwagon kind")
            ? OutcomeCode.INVALID_PARAMETER
            : OutcomeCode.INVALID_TARGET;
    w.outcome(i, "stance", code, problem + "; " + describe(fallback) + " instead");
    return fallback;
  }

  /**
   * What is wrong with {@code o} as state {@code i}'s orders in this position: the same static
   * checks adjudication applies (targets, effort, aid cap, actions), as messages naming the field;
   * empty when the orders are valid. Checks that depend on other states' orders happen at
   * adjudication.
   */
  static List<String> problems(TurnWork w, int i, Orders o) {
    List<String> out = new java.util.ArrayList<>();
    if (!w.active(i)) {
      out.add(w.id(i) + " has been conquered and cannot act");
      return out;
    }
    String stance = stanceProblem(w, i, o.stance());
    if (stance != null) {
      out.add("stance: " + stance);
    }
    w.stance[i] = stance == null ? o.stance() : defaultStance(w, i);
    int before = w.outcomes.size();
    actionsFor(w, i, o.actions());
    for (int k = before; k < w.outcomes.size(); k++) {
      var refusal = w.outcomes.get(k);
      out.add(refusal.order() + ": " + refusal.reason());
    }
    return out;
  }

  /** Repeat the last stance if it is still valid, else HIDE (RULES.md section 3). */
  static Stance defaultStance(TurnWork w, int i) {
    Stance last = w.before.lastStances().get(i);
    return last != null && stanceProblem(w, i, last) == null ? last : Stance.HIDE;
  }

  private static String describe(Stance s) {
    return s instanceof Stance.Hide ? "hides" : "repeats last turn's " + s.kind();
  }

  /** Null when {@code s} is a valid stance for state {@code i} now, else what is wrong. */
  static String stanceProblem(TurnWork w, int i, Stance s) {
    if (s instanceof Stance.Balance b) {
      return balanceProblem(w, i, b);
    }
    if (s instanceof Stance.Bandwagon b) {
      String p = targetProblem(w, i, b.with(), "with");
      if (p == null && b.bandwagonKind() == null) {
        p = "bandwagon kind is missing";
      }
      ClientLink theirs = p == null ? w.linkOf(w.index(b.with())) : null;
      if (theirs != null && theirs.patron().equals(w.id(i))) {
        p = "with: " + b.with() + " is your own client";
      }
      return p;
    }
    if (s instanceof Stance.BuckPass b) {
      String p = targetProblem(w, i, b.threat(), "threat");
      if (p == null) {
        p = targetProblem(w, i, b.catcher(), "catcher");
      }
      if (p == null && b.threat().equals(b.catcher())) {
        p = "catcher: cannot be the threat itself";
      }
      return p;
    }
    return null; // HIDE
  }

  private static String balanceProblem(TurnWork w, int i, Stance.Balance b) {
    String p = targetProblem(w, i, b.against(), "against");
    if (p != null) {
      return p;
    }
    double e = b.internal();
    if (!(e >= 0 && e <= w.params.maxInternalEffort())) {
      return "internal effort " + e + " is outside [0, " + w.params.maxInternalEffort() + "]";
    }
    List<String> partners = b.partners();
    for (int k = 0; k < partners.size(); k++) {
      String partner = partners.get(k);
      String q = targetProblem(w, i, partner, "partners");
      if (q != null) {
        return q;
      }
      if (partners.subList(0, k).contains(partner)) {
        return "partners: " + partner + " is named twice";
      }
    }
    return null;
  }

  private static String targetProblem(TurnWork w, int i, String target, String field) {
    if (target == null) {
      return field + ": missing";
    }
    int t = w.index(target);
    if (t < 0) {
      return field + ": no state " + target;
    }
    if (t == i) {
      return field + ": cannot name yourself";
    }
    if (!w.active(t)) {
      return field + ": " + target + " has been conquered";
    }
    return null;
  }

  private static void actionsFor(TurnWork w, int i, List<Action> actions) {
    List<Action> done = new ArrayList<>(2);
    double aidTotal = 0;
    for (int k = 0; k < actions.size(); k++) {
      Action a = actions.get(k);
      String order = "action[" + k + "]";
      if (k >= 2) {
        w.outcome(i, order, OutcomeCode.TOO_MANY_ACTIONS, "at most two actions a turn");
        continue;
      }
      String problem = actionProblem(w, i, a);
      if (problem == null && sameAsOneOf(a, done)) {
        w.outcome(i, order, OutcomeCode.DUPLICATE_ACTION, "the same action twice");
        continue;
      }
      done.add(a);
      if (problem == null && a instanceof Action.Aid aid) {
        aidTotal += aid.amount();
        if (aidTotal > w.params.aidMaxShare() * w.eco[i] + 1e-9) {
          problem = "amount: aid this turn exceeds " + w.params.aidMaxShare() + " of economy";
        }
      }
      if (problem != null) {
        w.outcome(i, order, codeFor(problem), problem);
      } else {
        w.actions.get(i).add(a);
      }
    }
  }

  // True when an action of a's kind with a's target is among done (amounts do not matter).
  private static boolean sameAsOneOf(Action a, List<Action> done) {
    for (Action d : done) {
      if (d.kind() == a.kind() && key(d).equals(key(a))) {
        return true;
      }
    }
    return false;
  }

  private static String key(Action a) {
    if (a instanceof Action.Attack x) {
      return x.target();
    }
    if (a instanceof Action.Aid x) {
      return x.to();
    }
    if (a instanceof Action.Penetrate x) {
      return x.target();
    }
    return ((Action.Leave) a).alliance();
  }

  private static OutcomeCode codeFor(String problem) {
    if (problem.startsWith("hiding")) {
      return OutcomeCode.NOT_ALLOWED_WHILE_HIDING;
    }
    if (problem.startsWith("alliance")) {
      return OutcomeCode.NOT_A_MEMBER;
    }
    return problem.startsWith("amount")
        ? OutcomeCode.INVALID_PARAMETER
        : OutcomeCode.INVALID_TARGET;
  }

  private static String actionProblem(TurnWork w, int i, Action a) {
    if (a instanceof Action.Attack x) {
      return w.hides(i)
          ? "hiding: a hiding state cannot attack"
          : targetProblem(w, i, x.target(), "target");
    }
    if (a instanceof Action.Aid x) {
      if (w.hides(i)) {
        return "hiding: a hiding state sends no aid";
      }
      String p = targetProblem(w, i, x.to(), "to");
      if (p == null && !(x.amount() > 0)) {
        p = "amount: must be positive";
      }
      return p;
    }
    if (a instanceof Action.Penetrate x) {
      return targetProblem(w, i, x.target(), "target");
    }
    Action.Leave x = (Action.Leave) a;
    boolean member = false;
    for (Alliance al : w.alliances) {
      member |= al.id().equals(x.alliance()) && al.has(w.id(i));
    }
    return member ? null : "alliance: " + w.id(i) + " is not a member of " + x.alliance();
  }
}
