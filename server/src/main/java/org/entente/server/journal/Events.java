package org.entente.server.journal;

import java.util.List;
import org.entente.proto.v1.CapabilityShock;
import org.entente.proto.v1.ForcedCrisis;
import org.entente.proto.v1.IntentShift;
import org.entente.proto.v1.JournalEvent;
import org.entente.proto.v1.JournalInject;
import org.entente.server.engine.ScheduledEvent;

/** Concrete injected events to and from the journal. */
public final class Events {
  private Events() {}

  /** The journal form of {@code events}. */
  public static JournalInject toJournal(List<? extends ScheduledEvent> events) {
    JournalInject.Builder b = JournalInject.newBuilder();
    for (ScheduledEvent e : events) {
      JournalEvent.Builder j = JournalEvent.newBuilder().setTurn(e.turn()).setText(e.text());
      if (e instanceof ScheduledEvent.CapabilityShock c) {
        j.setCapability(
            CapabilityShock.newBuilder()
                .setState(c.state())
                .setPopulation(c.population())
                .setEconomy(c.economy())
                .setMilitary(c.military())
                .setTechnology(c.technology()));
      } else if (e instanceof ScheduledEvent.IntentShift i) {
        j.setIntent(
            IntentShift.newBuilder()
                .setObserver(i.observer() == null ? "" : i.observer())
                .setActor(i.actor())
                .setDelta(i.delta()));
      } else if (e instanceof ScheduledEvent.ForcedCrisis f) {
        j.setCrisis(ForcedCrisis.newBuilder().setAggressor(f.aggressor()).setTarget(f.target()));
      }
      b.addEvents(j);
    }
    return b.build();
  }

  /** The engine's events of a journaled inject. */
  public static List<ScheduledEvent> fromJournal(JournalInject inject) {
    return inject.getEventsList().stream().map(Events::event).toList();
  }

  private static ScheduledEvent event(JournalEvent j) {
    return switch (j.getKindCase()) {
      case CAPABILITY -> {
        var c = j.getCapability();
        yield new ScheduledEvent.CapabilityShock(
            j.getTurn(),
            j.getText(),
            c.getState(),
            c.getPopulation(),
            c.getEconomy(),
            c.getMilitary(),
            c.getTechnology());
      }
      case INTENT -> {
        var i = j.getIntent();
        yield new ScheduledEvent.IntentShift(
            j.getTurn(),
            j.getText(),
            i.getObserver().isEmpty() ? null : i.getObserver(),
            i.getActor(),
            i.getDelta());
      }
      case CRISIS ->
          new ScheduledEvent.ForcedCrisis(
              j.getTurn(), j.getText(), j.getCrisis().getAggressor(), j.getCrisis().getTarget());
      case KIND_NOT_SET -> throw new IllegalArgumentException("a journaled event with no kind");
    };
  }
}
