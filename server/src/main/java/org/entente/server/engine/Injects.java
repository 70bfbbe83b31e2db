package org.entente.server.engine;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.SquareMatrix;
import org.entente.server.engine.ScheduledEvent.CapabilityShock;
import org.entente.server.engine.ScheduledEvent.ForcedCrisis;
import org.entente.server.engine.ScheduledEvent.IntentShift;
import org.entente.server.engine.TurnReport.Event;
import org.entente.server.engine.TurnReport.EventKind;

/**
 * Applies injects to a position: the scenario's scheduled events at the start of their turn, and
 * (from the server) an instructor's ad hoc shocks. Pure: returns the new position and the events
 * that say what happened.
 */
public final class Injects {
  private Injects() {}

  /** A position with the events applied, and the public events describing them. */
  public record Applied(GameState state, List<Event> events) {}

  /** Applies the scenario's events scheduled for {@code state.turn()}. */
  public static Applied scheduled(GameState state) {
    List<ScheduledEvent> due = new ArrayList<>(0);
    for (ScheduledEvent e : state.world().events()) {
      if (e.turn() == state.turn()) {
        due.add(e);
      }
    }
    return due.isEmpty() ? new Applied(state, List.of()) : apply(state, due);
  }

  /** Applies {@code events} in order (their {@code turn} is ignored). */
  public static Applied apply(GameState state, List<? extends ScheduledEvent> events) {
    GameState s = state;
    List<Event> out = new ArrayList<>();
    for (ScheduledEvent e : events) {
      if (e instanceof CapabilityShock c) {
        s = shock(s, c);
        out.add(new Event(EventKind.INJECT, e.text(), List.of(c.state())));
      } else if (e instanceof IntentShift i) {
        s = shift(s, i);
        out.add(new Event(EventKind.INJECT, e.text(), List.of(i.actor())));
      } else if (e instanceof ForcedCrisis f) {
        GameState next = force(s, f);
        if (next != s) {
          out.add(new Event(EventKind.INJECT, e.text(), List.of(f.aggressor(), f.target())));
          out.add(
              new Event(
                  EventKind.CRISIS_DECLARED,
                  f.aggressor() + " attacks " + f.target() + " (crisis c" + next.nextCrisis() + ")",
                  List.of(f.aggressor(), f.target()),
                  new TurnReport.CrisisChange(
                      TurnReport.CrisisChangeKind.DECLARED,
                      "c" + next.nextCrisis(),
                      f.aggressor(),
                      f.target(),
                      next.turn(),
                      true,
                      e.text())));
        } else {
          out.add(
              new Event(
                  EventKind.CRISIS_VOID,
                  e.text() + " (void: a party is conquered, or they are allied)",
                  List.of(f.aggressor(), f.target()),
                  new TurnReport.CrisisChange(
                      TurnReport.CrisisChangeKind.VOID,
                      "",
                      f.aggressor(),
                      f.target(),
                      s.turn(),
                      true,
                      "a party is conquered, or they are allied")));
        }
        s = next;
      }
    }
    return new Applied(s, out);
  }

  private static GameState shock(GameState s, CapabilityShock c) {
    int i = s.world().index(c.state());
    List<Nation> nations = new ArrayList<>(s.nations());
    Nation n = nations.get(i);
    if (n.conquered()) {
      return s;
    }
    nations.set(
        i,
        n.withCapabilities(
            n.population() * c.population(),
            n.economy() * c.economy(),
            n.military() * c.military(),
            n.technology() * c.technology()));
    return with(s, nations, s.intent(), s.crises(), s.nextCrisis());
  }

  private static GameState shift(GameState s, IntentShift e) {
    int n = s.world().size();
    int actor = s.world().index(e.actor());
    double[] intent = s.intent().toArray();
    for (int j = 0; j < n; j++) {
      boolean applies = e.observer() == null ? j != actor : j == s.world().index(e.observer());
      if (applies && j != actor) {
        intent[j * n + actor] = Math.max(0, Math.min(1, intent[j * n + actor] + e.delta()));
      }
    }
    return with(s, s.nations(), SquareMatrix.wrap(n, intent), s.crises(), s.nextCrisis());
  }

  private static GameState force(GameState s, ForcedCrisis f) {
    if (s.nation(f.aggressor()).conquered()
        || s.nation(f.target()).conquered()
        || s.allied(f.aggressor(), f.target())) {
      return s;
    }
    int id = s.nextCrisis() + 1;
    List<Crisis> crises = new ArrayList<>(s.crises());
    crises.add(new Crisis("c" + id, f.aggressor(), f.target(), s.turn(), s.turn()));
    GameState.SystemTally t = s.system();
    GameState.SystemTally counted =
        new GameState.SystemTally(
            t.wars(), t.conquests(), t.alliancesFormed(), t.alliancesEnded(), t.crises() + 1);
    List<Tally> tallies = new ArrayList<>(s.tallies());
    int target = s.world().index(f.target());
    tallies.set(target, tallies.get(target).withAttacked());
    return new GameState(
        s.world(),
        s.turn(),
        s.nations(),
        s.intent(),
        s.baseline(),
        s.alliances(),
        s.clients(),
        crises,
        s.lastStances(),
        s.leanings(),
        tallies,
        counted,
        s.nextAlliance(),
        id);
  }

  private static GameState with(
      GameState s, List<Nation> nations, SquareMatrix intent, List<Crisis> crises, int nextCrisis) {
    return new GameState(
        s.world(),
        s.turn(),
        nations,
        intent,
        s.baseline(),
        s.alliances(),
        s.clients(),
        crises,
        s.lastStances(),
        s.leanings(),
        s.tallies(),
        s.system(),
        s.nextAlliance(),
        nextCrisis);
  }
}
