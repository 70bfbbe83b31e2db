package org.entente.client.bots;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.entente.api.Action;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.Stance;

/**
 * Checks orders against the engine's rules (OrderSanitizer and Declarations), judged on the view:
 * the problems found, empty when the orders are valid. Also refuses an ATTACK on a state named as
 * partner this turn, which could become an ally before attacks are checked.
 */
final class OrderValidity {
  private OrderValidity() {}

  static List<String> problems(PlayerView v, Orders o) {
    List<String> out = new ArrayList<>();
    if (!v.me().active()) {
      if (!(o.stance() instanceof Stance.Hide) || !o.actions().isEmpty()) {
        out.add("a conquered seat should just hide");
      }
      return out;
    }
    stance(v, o.stance(), out);
    actions(v, o, out);
    return out;
  }

  private static void stance(PlayerView v, Stance s, List<String> out) {
    if (s instanceof Stance.Balance b) {
      target(v, b.against(), "against", out);
      double max = v.rules().maxInternalEffort();
      if (!(b.internal() >= 0 && b.internal() <= max)) {
        out.add("internal " + b.internal() + " outside [0, " + max + "]");
      }
      Set<String> seen = new HashSet<>();
      for (String p : b.partners()) {
        target(v, p, "partner", out);
        if (!seen.add(p)) {
          out.add("partner named twice: " + p);
        }
      }
    } else if (s instanceof Stance.Bandwagon b) {
      target(v, b.with(), "with", out);
      if (b.bandwagonKind() == null) {
        out.add("bandwagon kind missing");
      }
      if (b.with() != null
          && v.index(b.with()) >= 0
          && v.self().equals(v.nation(b.with()).patron())) {
        out.add("bandwagon with own client " + b.with());
      }
    } else if (s instanceof Stance.BuckPass b) {
      target(v, b.threat(), "threat", out);
      target(v, b.catcher(), "catcher", out);
      if (b.threat() != null && b.threat().equals(b.catcher())) {
        out.add("catcher is the threat");
      }
    }
  }

  private static void actions(PlayerView v, Orders o, List<String> out) {
    if (o.actions().size() > 2) {
      out.add("more than two actions");
    }
    boolean hiding = o.stance() instanceof Stance.Hide;
    Set<String> keys = new HashSet<>();
    double aid = 0;
    for (Action a : o.actions()) {
      if (a instanceof Action.Attack x) {
        keys(keys, "ATTACK:" + x.target(), out);
        if (hiding) {
          out.add("attack while hiding");
        }
        target(v, x.target(), "attack target", out);
        if (v.allied(v.self(), x.target())) {
          out.add("attack on ally " + x.target());
        }
        if (v.index(x.target()) >= 0 && v.self().equals(v.nation(x.target()).patron())) {
          out.add("attack on own client " + x.target());
        }
        if (v.crises().stream()
            .anyMatch(c -> c.aggressor().equals(v.self()) && c.target().equals(x.target()))) {
          out.add("attack already pending on " + x.target());
        }
        if (o.stance() instanceof Stance.Balance b && b.partners().contains(x.target())) {
          out.add("attack on a state named as partner " + x.target());
        }
      } else if (a instanceof Action.Aid x) {
        keys(keys, "AID:" + x.to(), out);
        if (hiding) {
          out.add("aid while hiding");
        }
        target(v, x.to(), "aid to", out);
        if (!(x.amount() > 0)) {
          out.add("aid amount not positive: " + x.amount());
        }
        aid += x.amount();
      } else if (a instanceof Action.Penetrate x) {
        keys(keys, "PENETRATE:" + x.target(), out);
        target(v, x.target(), "penetrate target", out);
      } else if (a instanceof Action.Leave x) {
        keys(keys, "LEAVE:" + x.alliance(), out);
        boolean member =
            v.alliances().stream()
                .anyMatch(al -> al.id().equals(x.alliance()) && al.members().contains(v.self()));
        if (!member) {
          out.add("leave of an alliance it is not in: " + x.alliance());
        }
      }
    }
    double cap = v.rules().aidMaxShare() * v.me().economy();
    if (aid > cap + 1e-9) {
      out.add("aid " + aid + " exceeds cap " + cap);
    }
  }

  private static void keys(Set<String> keys, String key, List<String> out) {
    if (!keys.add(key)) {
      out.add("duplicate action " + key);
    }
  }

  private static void target(PlayerView v, String id, String field, List<String> out) {
    if (id == null) {
      out.add(field + " missing");
    } else if (v.index(id) < 0) {
      out.add(field + ": no state " + id);
    } else if (id.equals(v.self())) {
      out.add(field + ": names itself");
    } else if (!v.nation(id).active()) {
      out.add(field + ": " + id + " is conquered");
    }
  }
}
