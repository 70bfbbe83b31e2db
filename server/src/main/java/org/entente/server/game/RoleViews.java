package org.entente.server.game;

import org.entente.api.PlayerView;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.CatalogueEvent;
import org.entente.proto.v1.Elimination;
import org.entente.proto.v1.GameInfo;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.IntentRow;
import org.entente.proto.v1.Omniscient;
import org.entente.proto.v1.PressMessage;
import org.entente.proto.v1.PublicStance;
import org.entente.proto.v1.Role;
import org.entente.proto.v1.SeatStatus;
import org.entente.proto.v1.SubmittedOrders;
import org.entente.proto.v1.TurnResolved;
import org.entente.proto.v1.TurnView;
import org.entente.server.engine.GameState;
import org.entente.server.engine.ThreatModel;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.Views;
import org.entente.server.net.SplicedMessage;
import org.entente.server.scenario.KoreanTexts;
import org.entente.server.scenario.ScenarioLoader;

/**
 * What each role may see of a live game. A seat gets the engine's view of its own state (its own
 * intent, threat row, coverage, outcomes and private briefing) and the messages addressed to it; an
 * observer gets the public world and public messages; the instructor gets everything, including
 * every seat's intent and the orders in so far. Nothing private to a seat is ever copied into
 * another role's view.
 */
final class RoleViews {
  private RoleViews() {}

  /** The member's view of the current position, whole. */
  static TurnView view(LiveGame g, LiveGame.Member m) {
    if (m.role() == Role.SEAT) {
      return seatView(g, m, "").whole().getView();
    }
    Views.Public pub = g.publicView();
    TurnView.Builder b = publicFields(g, Math.min(g.state.turn(), g.world.turns()), pub);
    if (m.role() == Role.INSTRUCTOR) {
      b.setOmniscient(omniscient(g, pub, m.token()));
    }
    return common(g, m, b).build();
  }

  // The public part of turn t's view, as the observer and the instructor see it.
  private static TurnView.Builder publicFields(LiveGame g, int t, Views.Public pub) {
    TurnView.Builder b =
        TurnView.newBuilder()
            .setScenario(g.world.id())
            .setTurn(t)
            .setTurns(g.world.turns())
            .setTurnLabel(g.world.label(t))
            .setBriefing(g.world.briefing());
    Wire.publicPart(
        b,
        pub.nations(),
        g.world.proximity(),
        pub.alliances(),
        pub.crises(),
        pub.lastStances(),
        pub.rules());
    return b;
  }

  /**
   * A seat's view of the current position as sent: the public part of the position, encoded once
   * for all the seats ({@link LiveGame#sharedView}), and the seat's own part (its engine view's
   * private fields, its orders, the game's phase and clock, news and the messages it may read).
   */
  static SplicedMessage seatView(LiveGame g, LiveGame.Member m, String requestId) {
    PlayerView pv = Views.of(g.publicView(), m.state());
    TurnView.Builder b = TurnView.newBuilder();
    Wire.seatPart(b, pv);
    Seat seat = g.seats.get(m.state());
    if (seat.orders() != null) {
      b.setMyOrders(Wire.orders(seat.orders()));
      b.setMyOrdersBy(seat.submittedBy() == null ? "" : seat.submittedBy());
      b.setMyOrdersEpochMs(seat.submittedAt());
    }
    if (seat.draft != null && g.phase != GamePhase.FINISHED) {
      b.setTeamDraft(seat.draft);
    }
    if (g.phase == GamePhase.FINISHED) {
      b.addAllFinalScores(g.finalScores());
    }
    return g.sharedView(pv).with(requestId, common(g, m, b).build());
  }

  // The fields of every role's view that change within a position.
  private static TurnView.Builder common(LiveGame g, LiveGame.Member m, TurnView.Builder b) {
    GamePhase phase = g.phase;
    if (m.role() == Role.SEAT && !g.active(m.state())) {
      b.setEliminated(elimination(g, m.state()));
      phase = phase == GamePhase.FINISHED ? phase : GamePhase.ELIMINATED;
    }
    b.setGameId(g.id)
        .setRole(m.role())
        .setPhase(phase)
        .setDeadlineEpochMs(g.deadline)
        .setStateHash(g.lastReport == null ? "" : g.lastReport.stateHash());
    g.news.forEach(e -> b.addNews(e.text()).addNewsEvents(TypedEvents.of(e)));
    korean(g, m, b);
    for (PressMessage p : g.press) {
      if (visible(p, m)) {
        b.addMessages(p);
      }
    }
    return b;
  }

  /**
   * The Korean versions of the scenario's texts in a view (briefing, the seat's private briefing,
   * the states' names and the news already in {@code b}), when the scenario has them.
   */
  private static void korean(LiveGame g, LiveGame.Member m, TurnView.Builder b) {
    KoreanTexts k = ScenarioLoader.korean(g.world.id());
    if (k == KoreanTexts.NONE) {
      return;
    }
    b.setBriefingKo(k.briefing()).putAllStateNamesKo(k.stateNames());
    if (m.role() == Role.SEAT) {
      b.setPrivateBriefingKo(k.privateBriefings().getOrDefault(m.state(), ""));
    }
    b.clearNewsKo();
    for (String n : b.getNewsList()) {
      b.addNewsKo(k.news(n));
    }
  }

  /**
   * How {@code state} (conquered) left the game: the turn whose adjudication conquered it, the
   * aggressor and every attacker of that war, and the engine's words. Found once in the game's
   * reports; a state out of play with no conquest in them (a branch's record is whole, so only a
   * world that starts with it out) says so.
   */
  static Elimination elimination(LiveGame g, String state) {
    Elimination known = g.eliminations.get(state);
    if (known != null) {
      return known;
    }
    Elimination.Builder b = Elimination.newBuilder();
    search:
    for (TurnReport r : g.pastReports()) {
      for (TurnReport.Event e : r.events()) {
        if (e.kind() == TurnReport.EventKind.CONQUEST && e.states().get(0).equals(state)) {
          String by = e.states().size() > 1 ? e.states().get(1) : "";
          String why = "";
          for (TurnReport.War w : r.wars()) {
            if (w.conquered() && w.target().equals(state)) {
              b.addAllAttackers(w.attackers());
              by = w.aggressor();
              why = ": " + w.reason();
            }
          }
          b.setTurn(r.turn())
              .setTurnLabel(r.label())
              .setConqueredBy(by)
              .setReason(
                  e.text()
                      + " in turn "
                      + r.turn()
                      + " ("
                      + r.label()
                      + ")"
                      + why
                      + "; the seat may watch and send press but no longer orders");
          break search;
        }
      }
    }
    if (b.getReason().isEmpty()) {
      b.setReason(state + " is out of play, conquered before this game's record begins");
    }
    Elimination out = b.build();
    g.eliminations.put(state, out);
    return out;
  }

  /**
   * What the member's role saw at the start of past turn {@code t}: a seat its own engine view of
   * that position, others the public part (the instructor with every intent row).
   */
  static TurnView pastView(LiveGame g, LiveGame.Member m, int t) {
    org.entente.server.engine.GameState s = g.pastStates().get(t - 1);
    TurnReport before = t >= 2 ? g.pastReports().get(t - 2) : null;
    Views.Public pub = Views.publicPart(s, before);
    TurnView.Builder b;
    if (m.role() == Role.SEAT) {
      b = Wire.view(Views.of(pub, m.state()));
    } else {
      b = publicFields(g, t, pub);
      if (m.role() == Role.INSTRUCTOR) {
        b.setOmniscient(matrices(g, s, pub.model()));
      }
    }
    // the messages sent during turn t that the role could read, at their turn
    for (PressMessage p : g.press) {
      if (p.getTurn() == t && visible(p, m)) {
        b.addMessages(p);
      }
    }
    b.setGameId(g.id)
        .setRole(m.role())
        .setPhase(GamePhase.FINISHED)
        .setStateHash(before == null ? "" : before.stateHash());
    korean(g, m, b);
    return b.build();
  }

  /**
   * The instructor's omniscient matrices of one position: every intent row, every threat row (T[j]
   * [i]), every coverage, and the scenario's event catalogue.
   */
  private static Omniscient.Builder matrices(LiveGame g, GameState s, ThreatModel model) {
    Omniscient.Builder o = Omniscient.newBuilder();
    int n = g.world.size();
    for (int j = 0; j < n; j++) {
      String observer = g.world.start().get(j).id();
      IntentRow.Builder intent = IntentRow.newBuilder().setObserver(observer);
      IntentRow.Builder threat = IntentRow.newBuilder().setObserver(observer);
      for (int i = 0; i < n; i++) {
        intent.addValues(s.intent().get(j, i));
        threat.addValues(model.threat(j, i));
      }
      o.addIntent(intent).addThreat(threat).addCoverage(model.coverage(j));
    }
    var events = g.world.events();
    for (int k = 0; k < events.size(); k++) {
      o.addCatalogue(
          CatalogueEvent.newBuilder()
              .setIndex(k)
              .setTurn(events.get(k).turn())
              .setText(events.get(k).text())
              .setTextKo(ScenarioLoader.korean(g.world.id()).news(events.get(k).text())));
    }
    return o;
  }

  private static Omniscient omniscient(LiveGame g, Views.Public pub, String token) {
    Omniscient.Builder o = matrices(g, g.state, pub.model());
    for (Seat seat : g.seats.values()) {
      if (seat.orders() != null) {
        o.addSubmitted(
            SubmittedOrders.newBuilder()
                .setState(seat.state)
                .setOrders(Wire.orders(seat.orders()))
                .setSubmittedBy(seat.submittedBy()));
      }
    }
    o.setLinks(Links.of(g, token));
    for (LiveGame.Member m : g.members.values()) {
      if (m.role() != Role.INSTRUCTOR) {
        o.addRoster(
            org.entente.proto.v1.RosterEntry.newBuilder()
                .setMemberId(JoinSecrets.memberId(m.token()))
                .setRole(m.role())
                .setState(m.state())
                .setName(m.name())
                .setConnected(g.connections.containsKey(m.token())));
      }
    }
    return o.build();
  }

  /**
   * Who may read a message: its sender's team, its addressees, everyone if broadcast, the
   * instructor.
   */
  static boolean visible(PressMessage p, LiveGame.Member m) {
    if (m.role() == Role.INSTRUCTOR) {
      return true;
    }
    boolean broadcast = p.getToCount() == 0 && !p.getTeam();
    if (m.role() == Role.OBSERVER) {
      return broadcast;
    }
    if (broadcast || p.getFromState().equals(m.state())) {
      return true;
    }
    return !p.getTeam() && p.getToList().contains(m.state());
  }

  /** What the member's role learns of an adjudicated turn. */
  static TurnResolved resolved(LiveGame g, LiveGame.Member m, TurnReport r) {
    return resolvedShared(g.id, r).toBuilder().mergeFrom(resolvedOwn(m, r)).build();
  }

  /** What every role learns of an adjudicated turn: its events and every state's stance. */
  static TurnResolved resolvedShared(String gameId, TurnReport r) {
    TurnResolved.Builder b =
        TurnResolved.newBuilder()
            .setGameId(gameId)
            .setTurn(r.turn())
            .setTurnLabel(r.label())
            .setStateHash(r.stateHash());
    r.events().forEach(e -> b.addEvents(e.text()).addTypedEvents(TypedEvents.of(e)));
    r.wars().forEach(w -> b.addEvents("war " + w.crisis() + ": " + w.reason()));
    for (var ps : r.stances()) {
      b.addStances(
          PublicStance.newBuilder().setState(ps.state()).setStance(Wire.stance(ps.stance())));
    }
    return b.build();
  }

  /** The outcomes of an adjudicated turn the member may see: a seat its own, the instructor all. */
  static TurnResolved resolvedOwn(LiveGame.Member m, TurnReport r) {
    TurnResolved.Builder b = TurnResolved.newBuilder();
    if (m.role() == Role.SEAT) {
      b.setSelf(m.state());
    }
    for (var o : r.outcomes()) {
      if (m.role() == Role.INSTRUCTOR || (m.role() == Role.SEAT && o.state().equals(m.state()))) {
        b.addOutcomes(Wire.outcome(o));
      }
    }
    return b.build();
  }

  static GameInfo info(LiveGame g) {
    GameInfo.Builder b =
        GameInfo.newBuilder()
            .setGameId(g.id)
            .setScenario(g.world.id())
            .setName(g.settings.name())
            .setTurn(Math.min(g.state.turn(), g.settings.maxTurns()))
            .setTurns(g.settings.maxTurns())
            .setPhase(g.phase)
            .setPausedReason(g.pausedReason())
            .setFinishedReason(g.finishedReason)
            .setCreatedEpochMs(g.createdAt)
            .setParentGameId(g.parentGameId)
            .setForkTurn(g.forkTurn);
    for (Seat seat : g.seats.values()) {
      boolean connected = seat.memberTokens.stream().anyMatch(g.connections::containsKey);
      b.addSeats(
          SeatStatus.newBuilder()
              .setState(seat.state)
              .setBot(seat.botStrategy() != null)
              .setStrategy(seat.botStrategy() == null ? "" : seat.botStrategy())
              .setMembers(seat.memberTokens.size())
              .setConnected(connected)
              .setSubmitted(seat.orders() != null)
              .setActive(g.state.nation(seat.state).active())
              .setAutopilot(seat.onAutopilot()));
    }
    return b.build();
  }
}
