package org.entente.server.tournament;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.client.bots.Strategies;
import org.entente.server.engine.Adjudicator;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Games;
import org.entente.server.engine.Scoring;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.TurnResult;
import org.entente.server.engine.Views;
import org.entente.server.engine.World;
import org.entente.server.journal.JournalStore;
import org.entente.server.journal.JournalingSimulation;

/**
 * One tournament game played in-process, exactly as {@code entente simulate} plays it (same views,
 * same dice, same adjudication), but keeping only the current position instead of every turn (and
 * so hashing none).
 */
final class LocalGame {
  private LocalGame() {}

  /** Plays game {@code game} of {@code schedule} and returns its result. */
  static GameResult play(Schedule schedule, int game) {
    Arena arena = schedule.arenas().get(schedule.arena(game));
    int[] seating = schedule.seating(game);
    Bot[] bots = new Bot[seating.length];
    for (int s = 0; s < bots.length; s++) {
      bots[s] = Strategies.create(schedule.entrants().get(seating[s]).strategy());
    }
    GameState last = run(arena, bots, schedule.seed(game));
    return GameResult.of(game, schedule.arena(game), seating, Scoring.scores(last));
  }

  /**
   * Plays game {@code game} and writes its journal to {@code store} as {@code simulate --journal}
   * does; the result is the same as {@link #play}'s.
   */
  static GameResult playJournaled(Schedule schedule, int game, JournalStore store, String gameId)
      throws IOException {
    Arena arena = schedule.arenas().get(schedule.arena(game));
    int[] seating = schedule.seating(game);
    Map<String, String> strategies = new LinkedHashMap<>();
    for (int s = 0; s < seating.length; s++) {
      strategies.put(arena.seats().get(s), schedule.entrants().get(seating[s]).strategy());
    }
    World world = arena.world();
    Games.Played played =
        JournalingSimulation.run(
            store, gameId, arena.bytes(), world, schedule.seed(game), strategies, world.turns());
    return GameResult.of(game, schedule.arena(game), seating, Scoring.scores(played.last()));
  }

  /** The final position of {@code arena}'s game with one bot per seat (in seat order). */
  static GameState run(Arena arena, Bot[] bots, long seed) {
    World world = arena.world();
    String[] purposes = new String[bots.length];
    for (int s = 0; s < bots.length; s++) {
      purposes[s] = "bot:" + arena.seats().get(s);
    }
    GameState state = Games.start(world).state();
    TurnReport last = null;
    while (!state.finished() && state.turn() <= world.turns()) {
      Views.Public pub = Views.publicPart(state, last);
      Map<String, Orders> orders = new HashMap<>(2 * bots.length);
      for (int s = 0; s < bots.length; s++) {
        if (state.nations().get(s).active()) {
          String seat = arena.seats().get(s);
          Dice dice = Dice.of(seed, state.turn(), purposes[s]);
          orders.put(seat, bots[s].decide(Views.of(pub, seat), dice));
        }
      }
      // only the final position counts: no turn's hash is kept, so none is computed
      TurnResult r = Adjudicator.adjudicateUnhashed(state, orders, seed);
      state = r.state();
      last = r.report();
    }
    return state;
  }
}
