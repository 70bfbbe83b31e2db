package org.entente.server.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.api.OrderSyntax;
import org.entente.api.Orders;
import org.entente.server.engine.Games;
import org.entente.server.engine.World;
import org.entente.server.history.GameHistory;
import org.entente.server.scenario.ScenarioLoader;

/**
 * Short tutorial games with scripted orders in which LEN and OST ally against KAD (rules 2.0: an
 * alliance with a target), defensive or offensive as their BALANCE orders say; for the tests of
 * what the printouts, reports, replays and debriefs say about an alliance's target and kind.
 */
public final class AllianceGames {
  public static final long SEED = 7;

  private AllianceGames() {}

  /** The tutorial world. */
  public static World world() throws Exception {
    return ScenarioLoader.builtin("tutorial").world();
  }

  /** The scripted orders: LEN and OST balance KAD naming each other, KAD hides. */
  public static Map<String, Orders> orders(boolean offensive) {
    String flag = offensive ? " OFFENSIVE" : "";
    Map<String, Orders> out = new LinkedHashMap<>();
    out.put("LEN", OrderSyntax.parse("BALANCE KAD 0.1 OST" + flag));
    out.put("OST", OrderSyntax.parse("BALANCE KAD 0.1 LEN" + flag));
    out.put("KAD", OrderSyntax.parse("HIDE"));
    return out;
  }

  /** {@code turns} turns of the scripted game. */
  public static Games.Played play(boolean offensive, int turns) throws Exception {
    Map<String, Orders> orders = orders(offensive);
    return Games.play(world(), SEED, turns, t -> orders);
  }

  /** The scripted game as a history named {@code gameId}. */
  public static GameHistory history(String gameId, boolean offensive, int turns) throws Exception {
    return GameHistory.of(gameId, world(), SEED, play(offensive, turns), strategies());
  }

  /** Every seat "scripted", for the reports that name strategies. */
  public static Map<String, String> strategies() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String s : new String[] {"KAD", "LEN", "OST"}) {
      out.put(s, "scripted");
    }
    return out;
  }
}
