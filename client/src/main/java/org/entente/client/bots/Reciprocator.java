package org.entente.client.bots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.AllianceView;
import org.entente.api.PlayerView.CrisisView;
import org.entente.api.PlayerView.PublicStance;
import org.entente.api.Stance;

/**
 * Balances threats as the reference bot does, but keeps a record of how each state behaved when
 * this seat was in a crisis: an ally that hid, passed the buck or walked out counts as having
 * abandoned it; an ally that stood by it, or any state that balanced against its aggressor, as
 * having honoured it. A state that abandoned it more often than it honoured it is a defector: the
 * reciprocator stays out of the defector's crises (passing the buck to it), stops proposing
 * alliances to it and leaves alliances made only of defectors. States that honoured it come first
 * among its partners and get its aid when attacked.
 */
public final class Reciprocator extends AdaptiveBot {
  /** The strategy's name. */
  public static final String NAME = "reciprocator";

  /** Share of own economy sent to a loyal ally under attack. */
  static final double AID_SHARE = 0.05;

  // per state: [times it honoured this seat, times it abandoned it]
  private final Map<String, int[]> record = new TreeMap<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  void forget() {
    record.clear();
  }

  @Override
  void remember(PlayerView before, PlayerView now) {
    String self = before.self();
    for (CrisisView c : Estimates.dueCrises(before)) {
      boolean target = c.target().equals(self);
      if (!target && !c.aggressor().equals(self)) {
        continue;
      }
      String other = target ? c.aggressor() : c.target();
      for (String ally : before.alliesOf(self)) {
        if (ally.equals(other) || before.allied(ally, other)) {
          continue; // torn between both sides: the engine keeps it out
        }
        Stance s = stanceOf(now, ally);
        boolean walkedOut = !now.allied(self, ally) && !against(s, other);
        if (s instanceof Stance.Hide || s instanceof Stance.BuckPass || walkedOut) {
          tally(ally)[1]++;
        } else if (s != null) {
          tally(ally)[0]++;
        }
      }
      if (target) {
        for (PublicStance ps : now.lastStances()) {
          if (!before.allied(self, ps.state()) && against(ps.stance(), other)) {
            tally(ps.state())[0]++;
          }
        }
      }
    }
  }

  /** True when {@code state} abandoned this seat more often than it honoured it. */
  boolean defector(String state) {
    int[] t = record.get(state);
    return t != null && t[1] > t[0];
  }

  /** True when {@code state} honoured this seat more often than it abandoned it. */
  boolean loyal(String state) {
    int[] t = record.get(state);
    return t != null && t[0] > t[1];
  }

  @Override
  Orders choose(PlayerView v, Dice dice) {
    Stance stance = ThreatBalancer.stance(v, dice);
    CrisisView shun = defectorsCrisis(v);
    if (shun != null) {
      String defector = v.allied(v.self(), shun.target()) ? shun.target() : shun.aggressor();
      String other = defector.equals(shun.target()) ? shun.aggressor() : shun.target();
      stance = new Stance.BuckPass(other, defector);
    } else if (stance instanceof Stance.Balance b) {
      stance = new Stance.Balance(b.against(), b.internal(), rankPartners(b.partners()));
    }
    ActionPlan plan = new ActionPlan(v, stance);
    for (String ally : rankPartners(v.alliesOf(v.self()))) {
      if (Estimates.underAttack(v, ally) && Estimates.isActiveOther(v, ally)) {
        plan.aidShare(ally, AID_SHARE);
      }
    }
    for (AllianceView al : v.alliances()) {
      if (al.members().contains(v.self()) && onlyDefectors(v, al)) {
        plan.leave(al.id());
      }
    }
    return plan.orders();
  }

  // A crisis resolving this turn, not involving this seat, with an allied defector on one side
  // only (its alliance would drag this seat in).
  private CrisisView defectorsCrisis(PlayerView v) {
    String self = v.self();
    for (CrisisView c : Estimates.dueCrises(v)) {
      if (c.target().equals(self) || c.aggressor().equals(self)) {
        return null; // its own crisis comes first
      }
    }
    for (CrisisView c : Estimates.dueCrises(v)) {
      boolean withTarget = v.allied(self, c.target());
      boolean withAggressor = v.allied(self, c.aggressor());
      String party = withTarget == withAggressor ? null : withTarget ? c.target() : c.aggressor();
      String other = party == null ? null : party.equals(c.target()) ? c.aggressor() : c.target();
      if (party != null
          && defector(party)
          && Estimates.isActiveOther(v, party)
          && Estimates.isActiveOther(v, other)) {
        return c;
      }
    }
    return null;
  }

  // Loyal states first, then the rest in the given order; defectors dropped.
  private List<String> rankPartners(List<String> given) {
    List<String> out = new ArrayList<>(given.size());
    for (String k : given) {
      if (loyal(k)) {
        out.add(k);
      }
    }
    for (String k : given) {
      if (!loyal(k) && !defector(k)) {
        out.add(k);
      }
    }
    return out;
  }

  private boolean onlyDefectors(PlayerView v, AllianceView al) {
    return al.members().stream().filter(m -> !m.equals(v.self())).allMatch(this::defector);
  }

  private int[] tally(String state) {
    return record.computeIfAbsent(state, k -> new int[2]);
  }

  private static Stance stanceOf(PlayerView v, String state) {
    for (PublicStance ps : v.lastStances()) {
      if (ps.state().equals(state)) {
        return ps.stance();
      }
    }
    return null;
  }

  private static boolean against(Stance s, String state) {
    return s instanceof Stance.Balance b && b.against().equals(state);
  }
}
