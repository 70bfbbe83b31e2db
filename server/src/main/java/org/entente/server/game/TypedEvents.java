package org.entente.server.game;

import org.entente.proto.v1.AllianceChange;
import org.entente.proto.v1.AllianceChanged;
import org.entente.proto.v1.AllianceKind;
import org.entente.proto.v1.ClientLinkChanged;
import org.entente.proto.v1.Conquest;
import org.entente.proto.v1.CrisisDeclared;
import org.entente.proto.v1.CrisisEnded;
import org.entente.proto.v1.CrisisEnding;
import org.entente.proto.v1.TurnEvent;
import org.entente.proto.v1.WarResolved;
import org.entente.proto.v1.WarResult;
import org.entente.server.engine.TurnReport;

/**
 * The engine's public happenings as protocol 1.2 typed events: the same words, and the same
 * happening as data (alliance ids, states, crisis ids, a war's sides, odds and result).
 */
final class TypedEvents {
  private TypedEvents() {}

  static TurnEvent of(TurnReport.Event e) {
    TurnEvent.Builder b = TurnEvent.newBuilder().setText(e.text()).addAllStates(e.states());
    TurnReport.Detail d = e.detail();
    if (d instanceof TurnReport.War w) {
      b.setWar(war(w));
    } else if (d instanceof TurnReport.Conquest c) {
      b.setConquest(
          Conquest.newBuilder()
              .setState(c.state())
              .setConqueredBy(c.conqueredBy())
              .setCrisis(c.crisis())
              .addAllAttackers(c.attackers()));
    } else if (d instanceof TurnReport.AllianceChange a) {
      b.setAlliance(
          AllianceChanged.newBuilder()
              .setAlliance(a.alliance())
              .setChange(change(a.change()))
              .addAllStates(a.states())
              .addAllMembers(a.members())
              .setTarget(a.target() == null ? "" : a.target())
              .setKind(
                  a.kind() == org.entente.api.AllianceKind.OFFENSIVE
                      ? AllianceKind.ALLIANCE_OFFENSIVE
                      : AllianceKind.ALLIANCE_DEFENSIVE)
              .setReason(a.reason()));
    } else if (d instanceof TurnReport.LinkChange l) {
      b.setClientLink(
          ClientLinkChanged.newBuilder()
              .setClient(l.client())
              .setPatron(l.patron())
              .setFormed(l.formed())
              .setOffensive(l.offensive()));
    } else if (d instanceof TurnReport.CrisisChange c) {
      if (c.change() == TurnReport.CrisisChangeKind.DECLARED) {
        b.setCrisisDeclared(
            CrisisDeclared.newBuilder()
                .setCrisis(c.crisis())
                .setAggressor(c.aggressor())
                .setTarget(c.target())
                .setResolvesTurn(c.resolvesTurn())
                .setForced(c.forced()));
      } else {
        b.setCrisisEnded(
            CrisisEnded.newBuilder()
                .setCrisis(c.crisis())
                .setAggressor(c.aggressor())
                .setTarget(c.target())
                .setEnding(
                    c.change() == TurnReport.CrisisChangeKind.DEFUSED
                        ? CrisisEnding.CRISIS_ENDING_DEFUSED
                        : CrisisEnding.CRISIS_ENDING_VOID)
                .setReason(c.reason())
                .setForced(c.forced()));
      }
    }
    return b.build();
  }

  private static WarResolved war(TurnReport.War w) {
    return WarResolved.newBuilder()
        .setCrisis(w.crisis())
        .setAggressor(w.aggressor())
        .setTarget(w.target())
        .addAllAttackers(w.attackers())
        .addAllDefenders(w.defenders())
        .setAttackStrength(w.attackStrength())
        .setDefenceStrength(w.defenceStrength())
        .setAttackersWinChance(w.attackersWinChance())
        .setResult(
            !w.attackersWon()
                ? WarResult.WAR_RESULT_DEFENDERS_HELD
                : w.conquered()
                    ? WarResult.WAR_RESULT_CONQUEST
                    : WarResult.WAR_RESULT_ATTACKERS_WON)
        .setReason(w.reason())
        .build();
  }

  private static AllianceChange change(TurnReport.AllianceChangeKind k) {
    return switch (k) {
      case FORMED -> AllianceChange.ALLIANCE_CHANGE_FORMED;
      case JOINED -> AllianceChange.ALLIANCE_CHANGE_JOINED;
      case LEFT -> AllianceChange.ALLIANCE_CHANGE_LEFT;
      case DISSOLVED -> AllianceChange.ALLIANCE_CHANGE_DISSOLVED;
    };
  }
}
