package org.entente.server.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.api.Orders;
import org.entente.api.PlayerView.PublicStance;
import org.entente.api.SquareMatrix;
import org.entente.api.Stance;
import org.entente.server.engine.TurnReport.Event;
import org.entente.server.engine.TurnReport.LensEntry;
import org.entente.server.engine.TurnReport.Standing;

/**
 * The rules as a pure function: {@code (position, orders by state, seed) -> (next position, turn
 * report)}. The steps run in the order of RULES.md section 3, each a small class of its own: orders
 * are sanitised, then alignments, last turn's crises, cohesion, economy, perception, new crises and
 * the scores' tallies. Nothing here reads a clock, the network, files or arrival order.
 */
public final class Adjudicator {
  private Adjudicator() {}

  /**
   * Adjudicates {@code state.turn()}. {@code orders} maps state ids to orders; a state with none
   * gets its default. Throws only on a caller's bug (orders for an unknown state, a finished game).
   */
  public static TurnResult adjudicate(GameState state, Map<String, Orders> orders, long seed) {
    return adjudicate(state, orders, seed, true);
  }

  /**
   * As {@link #adjudicate(GameState, Map, long)}, without hashing the next position: the report's
   * {@code stateHash} is null. For callers that keep only the final position, such as in-process
   * tournament games; the position and the rest of the report are the same.
   */
  public static TurnResult adjudicateUnhashed(
      GameState state, Map<String, Orders> orders, long seed) {
    return adjudicate(state, orders, seed, false);
  }

  private static TurnResult adjudicate(
      GameState state, Map<String, Orders> orders, long seed, boolean hashed) {
    if (state.finished()) {
      throw new IllegalStateException("the game is over at turn " + state.turn());
    }
    TurnWork w = new TurnWork(state, seed);
    OrderSanitizer.sanitize(w, orders);
    Alignments.apply(w);
    Wars.resolve(w);
    Cohesion.apply(w);
    Economy.apply(w);
    List<Nation> nations = nations(w);
    List<int[]> attacks = Declarations.validAttacks(w);
    Perception.apply(w, attacks, ThreatModel.powers(nations, w.params));
    Declarations.declare(w, attacks);
    return record(w, nations, hashed);
  }

  /**
   * The problems with {@code orders} as {@code stateId}'s orders for {@code state.turn()}, each
   * naming its field; empty when they would be accepted. Pure, like adjudication.
   */
  public static List<String> check(GameState state, String stateId, Orders orders) {
    int i = state.world().index(stateId);
    if (i < 0) {
      return List.of("no state " + stateId);
    }
    return OrderSanitizer.problems(new TurnWork(state, 0), i, orders);
  }

  private static List<Nation> nations(TurnWork w) {
    List<Nation> out = new ArrayList<>(w.n);
    for (int i = 0; i < w.n; i++) {
      Nation s = w.nation(i);
      out.add(
          w.conquered[i]
              ? s.asConquered()
              : s.withCapabilities(w.pop[i], w.eco[i], Math.max(0, w.mil[i]), w.tech[i]));
    }
    return out;
  }

  // Step 7: coverage and autonomy tallies, the theory lens, then the next position with the injects
  // scheduled for its turn, and its hash (unless not {@code hashed}).
  private static TurnResult record(TurnWork w, List<Nation> nations, boolean hashed) {
    SquareMatrix intent = SquareMatrix.wrap(w.n, w.intent);
    // The end-of-turn model without catchers is the next turn's start model; the catchers change
    // only this turn's coverage.
    ThreatModel end = ThreatModel.compute(w.world, nations, intent, w.alliances, w.clients, null);
    double[] coverage = end.coverageWith(w.world, nations, intent, catchers(w));
    List<Tally> tallies = new ArrayList<>(w.n);
    List<LensEntry> lens = new ArrayList<>();
    List<PublicStance> stances = new ArrayList<>();
    List<Standing> standings = new ArrayList<>(w.n);
    Lens.Position lensPosition = new Lens.Position(w.world, w.before.nations(), w.start);
    ClientLink[] links = new ClientLink[w.n];
    for (ClientLink l : w.clients) {
      links[w.index(l.client())] = l;
    }
    for (int i = 0; i < w.n; i++) {
      LensEntry entry = null;
      if (w.stance[i] != null) {
        entry = Lens.judge(lensPosition, i, w.stance[i]);
        lens.add(entry);
        stances.add(new PublicStance(w.id(i), w.stance[i]));
      }
      ClientLink link = links[i];
      boolean dependent = w.conquered[i] || link != null;
      Tally prev = w.before.tallies().get(i);
      if (w.conquered[i] && w.nation(i).conquered()) {
        tallies.add(Scoring.tally(prev, 0, true, false, false, null));
      } else {
        tallies.add(
            Scoring.tally(prev, coverage[i], dependent, w.attackedNow[i], w.warredNow[i], entry));
      }
      standings.add(standing(w, end, coverage[i], i, link));
    }
    GameState next =
        new GameState(
            w.world,
            w.turn + 1,
            nations,
            intent,
            SquareMatrix.wrap(w.n, w.baseline),
            w.alliances,
            w.clients,
            w.crises,
            java.util.Arrays.asList(w.stance.clone()),
            w.leanings,
            tallies,
            w.systemTally(),
            w.nextAlliance,
            w.nextCrisis);
    List<Event> news = List.of();
    if (!next.finished()) {
      Injects.Applied injected = Injects.scheduled(next);
      if (injected.state() == next) {
        ThreatModel.remember(next, end);
      }
      next = injected.state();
      news = injected.events();
    }
    TurnReport report =
        new TurnReport(
            w.turn,
            w.world.label(w.turn),
            stances,
            w.outcomes,
            w.events,
            w.wars,
            lens,
            standings,
            news,
            hashed ? StateHasher.hash(next) : null);
    return new TurnResult(next, report);
  }

  private static Standing standing(
      TurnWork w, ThreatModel end, double coverage, int i, ClientLink link) {
    int[] members = end.principal(i);
    String[] principal = new String[members.length];
    for (int k = 0; k < members.length; k++) {
      principal[k] = w.id(members[k]);
    }
    return new Standing(
        w.id(i),
        end.power(i),
        coverage,
        List.of(principal),
        link == null ? null : link.patron(),
        w.conquered[i]);
  }

  // A buck-passer's catcher counts as its ally in coverage when it balances the threat this turn.
  private static int[] catchers(TurnWork w) {
    int[] out = new int[w.n];
    for (int j = 0; j < w.n; j++) {
      out[j] = -1;
      if (w.stance[j] instanceof Stance.BuckPass b) {
        int c = w.index(b.catcher());
        if (w.stance[c] instanceof Stance.Balance cb && cb.against().equals(b.threat())) {
          out[j] = c;
        }
      }
    }
    return out;
  }
}
