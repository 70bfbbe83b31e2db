package org.entente.server.replay;

import java.util.List;
import java.util.Map;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.AllianceView;
import org.entente.api.PlayerView.CrisisView;
import org.entente.api.PlayerView.NationView;
import org.entente.api.PlayerView.PublicStance;
import org.entente.server.engine.GameState;
import org.entente.server.engine.TurnReport;

/** What one role sees of the position at the start of a replayed turn. */
public sealed interface ReplayView {
  /** The turn. */
  int turn();

  /** A seat's view: exactly the engine's {@code Views.of(state(t), report(t-1), seat)}. */
  record SeatView(int turn, PlayerView view) implements ReplayView {}

  /**
   * The public part: every state's public facts, the alliances, the pending crises, last turn's
   * stances, public events and wars.
   */
  record ObserverView(
      int turn,
      String label,
      List<NationView> nations,
      List<AllianceView> alliances,
      List<CrisisView> crises,
      List<PublicStance> lastStances,
      List<TurnReport.Event> lastEvents,
      List<TurnReport.War> lastWars)
      implements ReplayView {
    public ObserverView {
      nations = List.copyOf(nations);
      alliances = List.copyOf(alliances);
      crises = List.copyOf(crises);
      lastStances = List.copyOf(lastStances);
      lastEvents = List.copyOf(lastEvents);
      lastWars = List.copyOf(lastWars);
    }
  }

  /**
   * Everything: the whole position, the last report, the orders adjudicated this turn (null when
   * the source kept none) and every seat's view.
   */
  record InstructorView(
      int turn,
      GameState state,
      TurnReport lastReport,
      Map<String, Orders> orders,
      Map<String, PlayerView> seats)
      implements ReplayView {}
}
