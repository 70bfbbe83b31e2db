package org.entente.server.engine;

import java.util.List;
import org.entente.api.Stance;

/**
 * The hash of a position's canonical serialization: every field of the state in a fixed order,
 * doubles by their bits (with -0.0 and NaN canonicalised), strings by their UTF-16 code units, fed
 * to two independent 64-bit streams. Same position, same hash, on every JVM.
 */
public final class StateHasher {
  private long h1 = 0x243F6A8885A308D3L;
  private long h2 = 0x13198A2E03707344L;

  private StateHasher() {}

  /** The 32-hex-digit hash of {@code s}. */
  public static String hash(GameState s) {
    StateHasher h = new StateHasher();
    h.str(s.world().id());
    h.num(s.turn());
    for (Nation n : s.nations()) {
      h.str(n.id());
      h.dbl(n.population());
      h.dbl(n.economy());
      h.dbl(n.military());
      h.dbl(n.technology());
      h.num(n.conquered() ? 1 : 0);
    }
    int size = s.intent().size();
    for (int j = 0; j < size; j++) {
      for (int i = 0; i < size; i++) {
        h.dbl(s.intent().get(j, i));
        h.dbl(s.baseline().get(j, i));
      }
    }
    h.num(s.alliances().size());
    for (Alliance a : s.alliances()) {
      h.str(a.id());
      h.strings(a.members());
      h.num(a.formedTurn());
      h.dbl(a.cohesion());
      h.str(a.target());
      h.strings(a.targetBloc());
      h.str(a.kind().name());
    }
    h.num(s.clients().size());
    for (ClientLink l : s.clients()) {
      h.str(l.client());
      h.str(l.patron());
      h.str(l.kind().name());
      h.num(l.since());
    }
    h.num(s.crises().size());
    for (Crisis c : s.crises()) {
      h.str(c.id());
      h.str(c.aggressor());
      h.str(c.target());
      h.num(c.declaredTurn());
      h.num(c.resolvesTurn());
    }
    for (Stance st : s.lastStances()) {
      h.stance(st);
    }
    h.num(s.leanings().size());
    for (GameState.Leaning l : s.leanings()) {
      h.str(l.target());
      h.str(l.actor());
    }
    for (Tally t : s.tallies()) {
      h.tally(t);
    }
    GameState.SystemTally st = s.system();
    h.num(st.wars());
    h.num(st.conquests());
    h.num(st.alliancesFormed());
    h.num(st.alliancesEnded());
    h.num(st.crises());
    h.num(s.nextAlliance());
    h.num(s.nextCrisis());
    return hex(mix(h.h1), mix(h.h2 ^ h.h1));
  }

  private static String hex(long a, long b) {
    char[] out = new char[32];
    for (int k = 0; k < 16; k++) {
      out[k] = DIGITS[(int) (a >>> (60 - 4 * k)) & 0xF];
      out[16 + k] = DIGITS[(int) (b >>> (60 - 4 * k)) & 0xF];
    }
    return new String(out);
  }

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private void tally(Tally t) {
    dbl(t.coverageSum());
    num(t.turns());
    num(t.autonomousTurns());
    num(
        (t.dependentLast() ? 1 : 0)
            | (t.dependentBefore() ? 2 : 0)
            | (t.attacked() ? 4 : 0)
            | (t.warred() ? 8 : 0));
    num(t.balanced());
    num(t.bandwagoned());
    num(t.agreeThreat());
    num(t.agreePower());
    num(t.agreeInterests());
    num(t.lensTurns());
  }

  private void stance(Stance s) {
    if (s == null) {
      num(-1);
    } else if (s instanceof Stance.Balance b) {
      num(0);
      str(b.against());
      dbl(b.internal());
      strings(b.partners());
    } else if (s instanceof Stance.Bandwagon b) {
      num(1);
      str(b.with());
      str(b.bandwagonKind().name());
    } else if (s instanceof Stance.Hide) {
      num(2);
    } else if (s instanceof Stance.BuckPass b) {
      num(3);
      str(b.threat());
      str(b.catcher());
    }
  }

  private void strings(List<String> list) {
    num(list.size());
    list.forEach(this::str);
  }

  // Length and String.hashCode, whose value the Java Language Specification fixes on every JVM.
  private void str(String s) {
    num(((long) s.length() << 32) ^ s.hashCode());
  }

  private void dbl(double d) {
    if (d == 0) {
      d = 0.0; // -0.0 and 0.0 hash alike
    }
    num(Double.isNaN(d) ? 0x7ff8000000000000L : Double.doubleToLongBits(d));
  }

  // Two streams, each one xor or add, one rotation and one multiply by an odd constant a value:
  // both steps are bijections, so every field changes the state, and the dependency chain stays
  // short (a full avalanche per value made hashing a quarter of a turn). The final mix spreads
  // the last values over every bit.
  private void num(long v) {
    h1 = Long.rotateLeft(h1 ^ v, 29) * 0x9E3779B97F4A7C15L;
    h2 = Long.rotateLeft(h2 + v, 37) * 0xC2B2AE3D27D4EB4FL;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
