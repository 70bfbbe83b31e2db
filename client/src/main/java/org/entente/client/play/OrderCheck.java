package org.entente.client.play;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.entente.api.Action;
import org.entente.api.OrderSyntax;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.NationView;
import org.entente.api.Stance;

/**
 * Checks orders against a seat's view before they are sent, with the static checks the server
 * applies (targets, effort range, aid cap, at most two actions, no attack or aid while hiding, no
 * attack on an ally or own client, LEAVE only of one's alliances), so a player learns what is wrong
 * and the correct form at once. The server stays the judge: it checks again.
 */
public final class OrderCheck {
  /** The most actions that count in a turn. */
  public static final int MAX_ACTIONS = 2;

  /** Parsed orders (null when the line does not parse) and what is wrong with them. */
  public record Checked(Orders orders, List<String> problems) {
    public Checked {
      problems = List.copyOf(problems);
    }

    /** True when the orders parsed and passed every check. */
    public boolean ok() {
      return orders != null && problems.isEmpty();
    }
  }

  private OrderCheck() {}

  /** Parses {@code line} ({@link OrderSyntax}) and checks the orders against {@code view}. */
  public static Checked check(PlayerView view, String line) {
    Orders orders;
    try {
      orders = OrderSyntax.parse(line.trim());
    } catch (IllegalArgumentException e) {
      String balance = balanceHint(line);
      if (balance != null) {
        return new Checked(null, List.of(balance));
      }
      return new Checked(
          null,
          List.of(
              e.getMessage()
                  + "; form: "
                  + Help.ORDERS
                  + ", e.g. BALANCE "
                  + example(view)
                  + " 0.2; type 'help' for every stance and action"));
    }
    return new Checked(orders, problems(view, orders));
  }

  // A BALANCE line that names a kind the way BANDWAGON does: only OFFENSIVE, last, is read.
  private static String balanceHint(String line) {
    String[] w = line.split(";", 2)[0].trim().split("\\s+");
    if (!w[0].equalsIgnoreCase("BALANCE")) {
      return null;
    }
    for (int k = 2; k < w.length; k++) {
      boolean last = k == w.length - 1;
      if (w[k].equalsIgnoreCase("DEFENSIVE")) {
        return "DEFENSIVE is the default for BALANCE: leave it out; form: " + Help.BALANCE;
      }
      if (w[k].equalsIgnoreCase("OFFENSIVE") && !last) {
        return "OFFENSIVE comes last, after the partners; form: " + Help.BALANCE;
      }
    }
    return null;
  }

  /**
   * What valid orders may not do as written, for the player to know before sending (the server
   * accepts them): the OFFENSIVE flag without partners founds nothing; balancing against an ally
   * leaves the alliances shared with it; a partner that is the target of one's alliance (or whose
   * alliance targets oneself) cannot become an ally; bandwagoning with an alliance's target leaves
   * that alliance.
   */
  public static List<String> cautions(PlayerView view, Orders orders) {
    List<String> out = new ArrayList<>();
    String self = view.self();
    List<PlayerView.AllianceView> mine =
        view.alliances().stream().filter(a -> a.members().contains(self)).toList();
    if (orders.stance() instanceof Stance.Balance b) {
      if (b.offensive() && b.partners().isEmpty()) {
        out.add(
            "OFFENSIVE without partners does nothing: it sets the kind of an alliance you found");
      }
      for (PlayerView.AllianceView a : mine) {
        if (a.members().contains(b.against())) {
          out.add(
              b.against()
                  + " is your ally in "
                  + a.id()
                  + ": balancing against it takes you out of "
                  + a.id());
        }
      }
      for (String p : b.partners()) {
        for (PlayerView.AllianceView a : view.alliances()) {
          if (a.members().contains(self) && p.equals(a.target())) {
            out.add(p + " is the target of your alliance " + a.id() + ": it cannot be your ally");
          } else if (!a.members().contains(self)
              && a.members().contains(p)
              && self.equals(a.target())) {
            out.add(p + "'s alliance " + a.id() + " is aimed at you: it cannot be your ally");
          }
        }
      }
    } else if (orders.stance() instanceof Stance.Bandwagon b) {
      for (PlayerView.AllianceView a : mine) {
        if (b.with().equals(a.target())) {
          out.add(a.id() + " is aimed at " + b.with() + ": bandwagoning with it leaves " + a.id());
        }
      }
    }
    return out;
  }

  /** What is wrong with {@code orders} for {@code view.self()}, each with the correct form. */
  public static List<String> problems(PlayerView view, Orders orders) {
    List<String> out = new ArrayList<>();
    if (!view.me().active()) {
      out.add(view.self() + " has been conquered: it can no longer order");
      return out;
    }
    stance(view, orders.stance(), out);
    boolean hiding = orders.stance() instanceof Stance.Hide;
    List<Action> actions = orders.actions();
    if (actions.size() > MAX_ACTIONS) {
      out.add(
          "at most "
              + MAX_ACTIONS
              + " actions a turn, got "
              + actions.size()
              + "; form: "
              + Help.ORDERS);
    }
    Set<String> seen = new HashSet<>();
    double aid = 0;
    for (int k = 0; k < actions.size(); k++) {
      Action a = actions.get(k);
      String where = "action " + (k + 1) + " (" + OrderSyntax.format(a) + ")";
      if (!seen.add(a.kind() + ":" + key(a))) {
        out.add(
            where
                + ": a second "
                + a.kind()
                + " on the same "
                + (a instanceof Action.Leave ? "alliance" : "state")
                + " (one of each a turn)");
        continue;
      }
      String p = action(view, a, hiding);
      if (p != null) {
        out.add(where + ": " + p);
      } else if (a instanceof Action.Aid x) {
        aid += x.amount();
      }
    }
    double cap = view.rules().aidMaxShare() * view.me().economy();
    if (aid > cap + 1e-9) {
      out.add(
          String.format(
              Locale.ROOT,
              "aid: %.1f in total is above the cap of %.1f (%.0f%% of your economy %.1f); form: %s",
              aid,
              cap,
              view.rules().aidMaxShare() * 100,
              view.me().economy(),
              Help.AID));
    }
    return out;
  }

  private static void stance(PlayerView v, Stance s, List<String> out) {
    if (s instanceof Stance.Balance b) {
      add(out, target(v, b.against(), "against"), Help.BALANCE);
      double max = v.rules().maxInternalEffort();
      if (!(b.internal() >= 0 && b.internal() <= max)) {
        out.add(
            "effort "
                + b.internal()
                + " is outside [0, "
                + max
                + "]; form: "
                + Help.BALANCE
                + ", e.g. BALANCE "
                + b.against()
                + " "
                + Help.fmt(Math.min(0.2, max)));
      }
      Set<String> named = new HashSet<>();
      for (String p : b.partners()) {
        add(out, target(v, p, "partner"), Help.BALANCE);
        if (!named.add(p)) {
          out.add("partner " + p + " is named twice; form: " + Help.BALANCE);
        }
      }
    } else if (s instanceof Stance.Bandwagon b) {
      String p = target(v, b.with(), "with");
      if (p == null && isClientOf(v, b.with(), v.self())) {
        p = "with: " + b.with() + " is your own client";
      }
      add(out, p, Help.BANDWAGON);
    } else if (s instanceof Stance.BuckPass b) {
      add(out, target(v, b.threat(), "threat"), Help.BUCK_PASS);
      add(out, target(v, b.catcher(), "catcher"), Help.BUCK_PASS);
      if (b.threat().equals(b.catcher())) {
        out.add("catcher: cannot be the threat itself; form: " + Help.BUCK_PASS);
      }
    }
  }

  private static String action(PlayerView v, Action a, boolean hiding) {
    if (a instanceof Action.Attack x) {
      if (hiding) {
        return "a hiding state cannot attack: drop the ATTACK or choose another stance";
      }
      String p = target(v, x.target(), "target");
      if (p == null && v.allied(v.self(), x.target())) {
        p = x.target() + " is your ally" + allianceHint(v, x.target()) + ": you cannot attack it";
      }
      if (p == null && isClientOf(v, x.target(), v.self())) {
        p = x.target() + " is your own client: you cannot attack it";
      }
      return p == null ? null : p + "; form: " + Help.ATTACK;
    }
    if (a instanceof Action.Aid x) {
      if (hiding) {
        return "a hiding state sends no aid: drop the AID or choose another stance";
      }
      String p = target(v, x.to(), "to");
      if (p == null && !(x.amount() > 0)) {
        p = "amount must be positive, got " + x.amount();
      }
      return p == null ? null : p + "; form: " + Help.AID + ", e.g. AID " + x.to() + " 10";
    }
    if (a instanceof Action.Penetrate x) {
      String p = target(v, x.target(), "target");
      return p == null ? null : p + "; form: " + Help.PENETRATE;
    }
    Action.Leave x = (Action.Leave) a;
    List<String> mine =
        v.alliances().stream()
            .filter(al -> al.members().contains(v.self()))
            .map(PlayerView.AllianceView::id)
            .toList();
    if (mine.contains(x.alliance())) {
      return null;
    }
    return "you are not in an alliance "
        + x.alliance()
        + (mine.isEmpty() ? " (you are in none)" : " (yours: " + String.join(", ", mine) + ")")
        + "; form: "
        + Help.LEAVE;
  }

  // Null when id names an active state other than the seat, else what is wrong.
  private static String target(PlayerView v, String id, String field) {
    int i = v.index(id);
    if (i < 0) {
      String near = null;
      for (NationView n : v.nations()) {
        if (n.id().equalsIgnoreCase(id)) {
          near = n.id();
        }
      }
      return field
          + ": no state "
          + id
          + (near != null ? " (did you mean " + near + "?)" : " (states: " + ids(v) + ")");
    }
    if (id.equals(v.self())) {
      return field + ": cannot name yourself";
    }
    if (!v.nations().get(i).active()) {
      return field + ": " + id + " has been conquered";
    }
    return null;
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

  private static void add(List<String> out, String problem, String form) {
    if (problem != null) {
      out.add(problem + "; form: " + form);
    }
  }

  private static boolean isClientOf(PlayerView v, String k, String patron) {
    int i = v.index(k);
    return i >= 0 && patron.equals(v.nations().get(i).patron());
  }

  private static String allianceHint(PlayerView v, String ally) {
    for (PlayerView.AllianceView al : v.alliances()) {
      if (al.members().contains(v.self()) && al.members().contains(ally)) {
        return " (alliance " + al.id() + "; LEAVE " + al.id() + " first)";
      }
    }
    return "";
  }

  private static String ids(PlayerView v) {
    return String.join(", ", v.nations().stream().map(NationView::id).toList());
  }

  private static String example(PlayerView v) {
    if (v.principalLeader() != null) {
      return v.principalLeader();
    }
    return v.nations().stream()
        .map(NationView::id)
        .filter(id -> !id.equals(v.self()))
        .findFirst()
        .orElse("X");
  }
}
