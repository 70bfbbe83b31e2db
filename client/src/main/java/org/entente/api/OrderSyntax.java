package org.entente.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A one-line text form of orders, for terminals and test tables: the stance first, then up to two
 * actions, separated by semicolons.
 *
 * <pre>
 * BALANCE against [effort] [partner,partner...] [OFFENSIVE]
 * BANDWAGON with [DEFENSIVE|OFFENSIVE]
 * HIDE                                             BUCK_PASS threat catcher
 * ATTACK target   AID to amount   PENETRATE target   LEAVE alliance
 * </pre>
 *
 * Example: {@code BALANCE GMY 0.2 RUS,UKG; AID SRB 10}.
 */
public final class OrderSyntax {
  private OrderSyntax() {}

  /** Parses one line; throws {@link IllegalArgumentException} saying what is wrong and where. */
  public static Orders parse(String line) {
    String[] parts = line.split(";");
    Stance stance = stance(parts[0].trim());
    List<Action> actions = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].isBlank()) {
        actions.add(action(parts[i].trim()));
      }
    }
    return new Orders(stance, actions);
  }

  /** Parses a stance. */
  public static Stance stance(String text) {
    String[] w = text.split("\\s+");
    String verb = w[0].toUpperCase(Locale.ROOT);
    switch (verb) {
      case "BALANCE":
        boolean offensive = w.length > 2 && w[w.length - 1].equalsIgnoreCase("OFFENSIVE");
        if (offensive) {
          w = Arrays.copyOf(w, w.length - 1);
        }
        need(w, 2, 4, "BALANCE against [effort] [partners] [OFFENSIVE]");
        double effort = w.length > 2 ? number(w[2], "effort") : 0;
        List<String> partners = w.length > 3 ? List.of(w[3].split(",")) : List.of();
        return new Stance.Balance(w[1], effort, partners, offensive);
      case "BANDWAGON":
        need(w, 2, 3, "BANDWAGON with [DEFENSIVE|OFFENSIVE]");
        Stance.BandwagonKind kind = w.length > 2 ? kind(w[2]) : Stance.BandwagonKind.DEFENSIVE;
        return new Stance.Bandwagon(w[1], kind);
      case "HIDE":
        need(w, 1, 1, "HIDE");
        return Stance.HIDE;
      case "BUCK_PASS":
        need(w, 3, 3, "BUCK_PASS threat catcher");
        return new Stance.BuckPass(w[1], w[2]);
      default:
        throw new IllegalArgumentException(
            "unknown stance '" + w[0] + "': use BALANCE, BANDWAGON, HIDE or BUCK_PASS");
    }
  }

  /** Parses an action. */
  public static Action action(String text) {
    String[] w = text.split("\\s+");
    switch (w[0].toUpperCase(Locale.ROOT)) {
      case "ATTACK":
        need(w, 2, 2, "ATTACK target");
        return new Action.Attack(w[1]);
      case "AID":
        need(w, 3, 3, "AID to amount");
        return new Action.Aid(w[1], number(w[2], "amount"));
      case "PENETRATE":
        need(w, 2, 2, "PENETRATE target");
        return new Action.Penetrate(w[1]);
      case "LEAVE":
        need(w, 2, 2, "LEAVE alliance");
        return new Action.Leave(w[1]);
      default:
        throw new IllegalArgumentException(
            "unknown action '" + w[0] + "': use ATTACK, AID, PENETRATE or LEAVE");
    }
  }

  /** The text form of {@code orders}, which {@link #parse} reads back. */
  public static String format(Orders orders) {
    StringBuilder b = new StringBuilder(format(orders.stance()));
    for (Action a : orders.actions()) {
      b.append("; ").append(format(a));
    }
    return b.toString();
  }

  /** The text form of a stance. */
  public static String format(Stance s) {
    if (s instanceof Stance.Balance b) {
      return "BALANCE "
          + b.against()
          + " "
          + b.internal()
          + (b.partners().isEmpty() ? "" : " " + String.join(",", b.partners()))
          + (b.offensive() ? " OFFENSIVE" : "");
    }
    if (s instanceof Stance.Bandwagon b) {
      return "BANDWAGON " + b.with() + " " + b.bandwagonKind();
    }
    if (s instanceof Stance.BuckPass b) {
      return "BUCK_PASS " + b.threat() + " " + b.catcher();
    }
    return "HIDE";
  }

  /** The text form of an action. */
  public static String format(Action a) {
    if (a instanceof Action.Attack x) {
      return "ATTACK " + x.target();
    }
    if (a instanceof Action.Aid x) {
      return "AID " + x.to() + " " + x.amount();
    }
    if (a instanceof Action.Penetrate x) {
      return "PENETRATE " + x.target();
    }
    return "LEAVE " + ((Action.Leave) a).alliance();
  }

  private static void need(String[] w, int min, int max, String form) {
    if (w.length < min || w.length > max) {
      throw new IllegalArgumentException(
          "expected '" + form + "', got '" + String.join(" ", w) + "'");
    }
  }

  private static double number(String s, String what) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + ": '" + s + "' is not a number");
    }
  }

  private static Stance.BandwagonKind kind(String s) {
    try {
      return Stance.BandwagonKind.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "bandwagon kind: '" + s + "' is not DEFENSIVE or OFFENSIVE");
    }
  }
}
