package org.entente.client.play;

import java.util.Locale;
import org.entente.api.PlayerView;

/**
 * The terminal client's help: every stance and action in one line each, with examples. Partners are
 * written as a comma-separated list without spaces ({@code SYR,JOR}).
 */
public final class Help {
  /** The one-line forms, as {@link org.entente.api.OrderSyntax} reads them. */
  public static final String BALANCE = "BALANCE against [effort] [partners] [OFFENSIVE]";

  public static final String BANDWAGON = "BANDWAGON with [DEFENSIVE|OFFENSIVE]";
  public static final String HIDE = "HIDE";
  public static final String BUCK_PASS = "BUCK_PASS threat catcher";
  public static final String ATTACK = "ATTACK target";
  public static final String AID = "AID to amount";
  public static final String PENETRATE = "PENETRATE target";
  public static final String LEAVE = "LEAVE alliance";

  /** The shape of a whole order line. */
  public static final String ORDERS = "STANCE [; ACTION [; ACTION]]";

  private Help() {}

  /**
   * The help text. Examples use the states and alliances of {@code view} when there is one (its
   * principal threat, an ally...), else placeholders; limits come from its rules.
   */
  public static String text(PlayerView view) {
    String threat = "ISR";
    String other = "UKG";
    String friend = "SYR";
    String alliance = "A1";
    double maxEffort = 0.3;
    double aidShare = 0.1;
    if (view != null && view.nations().size() >= 3) {
      threat = view.principalLeader() != null ? view.principalLeader() : pick(view, null, null);
      friend =
          !view.alliesOf(view.self()).isEmpty()
              ? view.alliesOf(view.self()).get(0)
              : pick(view, threat, null);
      other = pick(view, threat, friend);
      alliance = view.alliances().isEmpty() ? alliance : view.alliances().get(0).id();
      maxEffort = view.rules().maxInternalEffort();
      aidShare = view.rules().aidMaxShare();
    }
    String effort = fmt(Math.min(0.2, maxEffort));
    StringBuilder b = new StringBuilder();
    b.append("Orders: one stance, then at most two actions, separated by ';'\n");
    b.append("  orders ")
        .append(ORDERS)
        .append("   e.g. orders BALANCE ")
        .append(threat)
        .append(' ')
        .append(effort)
        .append(' ')
        .append(friend)
        .append("; AID ")
        .append(friend)
        .append(" 10\n");
    b.append("Stances (exactly one, first):\n");
    // BALANCE's form is longer than the column: it gets a line of its own, then its two uses
    b.append("  ").append(BALANCE).append('\n');
    line(
        b,
        "  against a threat, with partners",
        "arm (0-" + fmt(maxEffort) + "), seek alliances",
        "BALANCE " + threat + " " + effort + " " + friend + "," + other);
    b.append(
        "    OFFENSIVE: the alliance you found also joins its members' attacks, if every founder\n");
    b.append("    sets it (else it is defensive)    e.g. BALANCE ")
        .append(threat)
        .append(' ')
        .append(effort)
        .append(' ')
        .append(friend)
        .append(" OFFENSIVE\n");
    line(b, BANDWAGON, "be with's client (tribute)", "BANDWAGON " + other + " DEFENSIVE");
    line(b, HIDE, "neutral: no attack nor aid", "HIDE");
    line(b, BUCK_PASS, "stay out; catcher balances", "BUCK_PASS " + threat + " " + other);
    b.append("Actions (at most two, after the stance):\n");
    line(b, ATTACK, "crisis, resolved next turn", "ATTACK " + threat);
    line(b, AID, "max " + pct(aidShare) + " of your economy", "AID " + friend + " 10");
    line(b, PENETRATE, "sway its politics to you", "PENETRATE " + other);
    line(b, LEAVE, "leave that alliance", "LEAVE " + alliance);
    b.append(
        "An alliance has a target: partners form one only if they name you and balance the same\n");
    b.append("threat; BALANCE against your own ally takes you out of your alliance with it.\n");
    b.append("In a crisis (see Crises), BALANCE against the aggressor joins the defence and\n");
    b.append(
        "BALANCE against the target joins the attack; allies that HIDE or BUCK_PASS abandon.\n");
    b.append("Commands:\n");
    b.append(
        "  orders <orders>                 submit this turn's orders (replaces earlier ones)\n");
    b.append("  say <STATE,...|all|team> <text> send a message, e.g. say ")
        .append(friend)
        .append(" Hold firm.\n");
    b.append("  view                            redraw the situation\n");
    b.append("  help                            this text\n");
    b.append(
        "  quit                            leave (the seat stays yours: resume with the token)\n");
    return b.toString();
  }

  private static void line(StringBuilder b, String form, String what, String example) {
    b.append(String.format(Locale.ROOT, "  %-36s %-28s e.g. %s%n", form, what, example));
  }

  private static String pick(PlayerView v, String not1, String not2) {
    for (PlayerView.NationView n : v.nations()) {
      String id = n.id();
      if (!id.equals(v.self()) && !id.equals(not1) && !id.equals(not2)) {
        return id;
      }
    }
    return "X";
  }

  static String fmt(double d) {
    String s = String.format(Locale.ROOT, "%.2f", d);
    return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }
}
