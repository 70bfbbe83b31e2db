package org.entente.server.game;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.Orders;
import org.entente.client.bots.Strategies;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.Ack;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.Inject;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.JournalInstructorAction;
import org.entente.proto.v1.OrdersAccepted;
import org.entente.proto.v1.PressMessage;
import org.entente.proto.v1.Role;
import org.entente.proto.v1.SendPress;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.SubmitOrders;
import org.entente.server.engine.Adjudicator;
import org.entente.server.engine.ScheduledEvent;
import org.entente.server.net.Connection;

/**
 * The requests that act on one live game once its token is known: orders, press and the
 * instructor's commands. Each runs on the game's executor and answers with a reply or an error that
 * names what is wrong.
 */
final class Requests {
  private Requests() {}

  static void submit(LiveGame g, LiveGame.Member m, Connection c, ClientMessage msg) {
    SubmitOrders req = msg.getSubmitOrders();
    String rid = msg.getRequestId();
    if (m.role() != Role.SEAT) {
      Lobby.error(
          c,
          rid,
          ErrorCode.FORBIDDEN,
          "only a seat's token may submit orders (this is " + Lobby.describe(m) + ")");
    } else if (!req.getState().equals(m.state())) {
      Lobby.error(
          c,
          rid,
          ErrorCode.WRONG_STATE,
          "submit_orders.state: this token orders for "
              + m.state()
              + ", not "
              + (req.getState().isEmpty() ? "(empty)" : req.getState()));
    } else if (g.phase == GamePhase.FINISHED) {
      Lobby.error(c, rid, ErrorCode.GAME_OVER, "game " + g.id + " is over");
    } else if (!g.active(m.state())) {
      Lobby.error(
          c,
          rid,
          ErrorCode.SEAT_NOT_ACTIVE,
          "submit_orders: "
              + m.state()
              + " is ELIMINATED and may no longer order ("
              + RoleViews.elimination(g, m.state()).getReason()
              + ")");
    } else if (g.storageProblem() != null) {
      storageError(g, c, rid);
    } else if (req.getTurn() != g.state.turn()) {
      Lobby.error(
          c,
          rid,
          ErrorCode.STALE_TURN,
          "submit_orders.turn: "
              + Integer.toUnsignedLong(req.getTurn())
              + " is not the current turn ("
              + g.state.turn()
              + ")");
    } else if (g.seats.get(m.state()).onAutopilot()) {
      Lobby.error(
          c,
          rid,
          ErrorCode.FORBIDDEN,
          m.state() + " is on autopilot; the instructor must hand it back first");
    } else {
      accept(g, m, c, rid, req);
    }
  }

  private static void accept(
      LiveGame g, LiveGame.Member m, Connection c, String rid, SubmitOrders req) {
    Orders orders;
    try {
      orders = Wire.orders(req.getOrders());
    } catch (IllegalArgumentException e) {
      Lobby.error(c, rid, ErrorCode.INVALID_ORDERS, "submit_orders." + e.getMessage());
      return;
    }
    List<String> problems = Adjudicator.check(g.state, m.state(), orders);
    if (!problems.isEmpty()) {
      Lobby.error(c, rid, ErrorCode.INVALID_ORDERS, String.join("; ", problems));
      return;
    }
    if (!g.submit(g.seats.get(m.state()), orders, m.name())) {
      storageError(g, c, rid);
      return;
    }
    c.send(
        ServerMessage.newBuilder()
            .setRequestId(rid)
            .setOrdersAccepted(
                OrdersAccepted.newBuilder()
                    .setTurn(g.state.turn())
                    .setSubmittedBy(m.name())
                    .setGameId(g.id)
                    .setSelf(m.state()))
            .build());
    g.staleInfo();
    // the team sees at once that orders are in, who sent them and when
    g.pushTeamViews(g.seats.get(m.state()), c);
    g.maybeAdjudicate();
  }

  static final int MAX_DRAFT_NOTE_CHARS = 500;

  /**
   * A member's draft of this turn's orders, shown to its team-mates (not journaled, not orders):
   * kept as the seat's draft for the turn and pushed to the other members' connections.
   */
  static void shareDraft(LiveGame g, LiveGame.Member m, Connection c, ClientMessage msg) {
    var req = msg.getShareDraft();
    String rid = msg.getRequestId();
    if (m.role() != Role.SEAT) {
      Lobby.error(c, rid, ErrorCode.FORBIDDEN, "share_draft: only a seat's member has a team");
    } else if (g.phase == GamePhase.FINISHED) {
      Lobby.error(c, rid, ErrorCode.GAME_OVER, "game " + g.id + " is over");
    } else if (!g.active(m.state())) {
      Lobby.error(
          c, rid, ErrorCode.SEAT_NOT_ACTIVE, "share_draft: " + m.state() + " has been conquered");
    } else if (req.getTurn() != g.state.turn()) {
      Lobby.error(
          c,
          rid,
          ErrorCode.STALE_TURN,
          "share_draft.turn: "
              + Integer.toUnsignedLong(req.getTurn())
              + " is not the current turn ("
              + g.state.turn()
              + ")");
    } else if (req.getNote().length() > MAX_DRAFT_NOTE_CHARS) {
      Lobby.error(
          c,
          rid,
          ErrorCode.TOO_LONG,
          Fields.tooLong("share_draft.note", req.getNote(), MAX_DRAFT_NOTE_CHARS));
    } else {
      Seat seat = g.seats.get(m.state());
      seat.draft =
          org.entente.proto.v1.TeamDraft.newBuilder()
              .setGameId(g.id)
              .setSelf(m.state())
              .setTurn(g.state.turn())
              .setMember(m.name())
              .setOrders(req.getOrders())
              .setNote(req.getNote())
              .setSharedEpochMs(g.clock.millis())
              .build();
      ServerMessage push = ServerMessage.newBuilder().setTeamDraft(seat.draft).build();
      int sent = 0;
      for (String t : seat.memberTokens) {
        Connection to = g.connections.get(t);
        if (to != null && !t.equals(m.token())) {
          to.send(push);
          sent++;
        }
      }
      ack(c, rid, "draft shared with " + sent + " connected team-mate(s)");
    }
  }

  static void press(LiveGame g, LiveGame.Member m, Connection c, ClientMessage msg) {
    SendPress req = msg.getSendPress();
    String rid = msg.getRequestId();
    if (m.role() == Role.OBSERVER) {
      Lobby.error(c, rid, ErrorCode.FORBIDDEN, "observers cannot send messages");
      return;
    }
    if (req.getText().isBlank()) {
      Lobby.error(
          c,
          rid,
          ErrorCode.BAD_REQUEST,
          "send_press.text: must be 1 to " + LiveGame.MAX_PRESS_CHARS + " characters");
      return;
    }
    if (req.getText().length() > LiveGame.MAX_PRESS_CHARS) {
      Lobby.error(
          c,
          rid,
          ErrorCode.TOO_LONG,
          Fields.tooLong("send_press.text", req.getText(), LiveGame.MAX_PRESS_CHARS));
      return;
    }
    if (g.storageProblem() != null) {
      storageError(g, c, rid);
      return;
    }
    if (req.getTeam() && m.role() != Role.SEAT) {
      Lobby.error(c, rid, ErrorCode.FORBIDDEN, "send_press.team: only a seat has a team channel");
      return;
    }
    for (int i = 0; i < req.getToCount(); i++) {
      if (!g.seats.containsKey(req.getTo(i))) {
        Lobby.error(
            c,
            rid,
            ErrorCode.UNKNOWN_SEAT,
            "send_press.to[" + i + "]: no state '" + Fields.quote(req.getTo(i)) + "'");
        return;
      }
    }
    PressMessage p =
        PressMessage.newBuilder()
            .setId(g.nextPressId())
            .setTurn(g.state.turn())
            .setFromState(m.role() == Role.SEAT ? m.state() : "")
            .setFromMember(m.name())
            .addAllTo(req.getTeam() ? List.of() : req.getToList())
            .setTeam(req.getTeam())
            .setText(req.getText())
            .setSentEpochMs(g.clock.millis())
            .setGameId(g.id)
            .build();
    if (!g.addPress(p)) {
      storageError(g, c, rid);
      return;
    }
    ServerMessage push = ServerMessage.newBuilder().setPress(p).build();
    for (var e : g.connections.entrySet()) {
      LiveGame.Member to = g.members.get(e.getKey());
      if (RoleViews.visible(p, to)) {
        // a seat's copy names the seat it was delivered to
        e.getValue()
            .send(
                to.role() == Role.SEAT
                    ? ServerMessage.newBuilder().setPress(p.toBuilder().setSelf(to.state())).build()
                    : push);
      }
    }
    ack(c, rid, "message " + p.getId() + " sent");
  }

  static void instructor(LiveGame g, LiveGame.Member m, Connection c, ClientMessage msg) {
    String rid = msg.getRequestId();
    if (m.role() != Role.INSTRUCTOR) {
      Lobby.error(
          c,
          rid,
          ErrorCode.FORBIDDEN,
          "only the instructor's token may do this (this is " + Lobby.describe(m) + ")");
      return;
    }
    InstructorCommand cmd = msg.getInstructor();
    if (g.storageProblem() != null && g.phase != GamePhase.FINISHED) {
      storageError(g, c, rid);
      return;
    }
    if (cmd.getCommandCase() == InstructorCommand.CommandCase.ANNOTATE) {
      annotate(g, m, c, rid, cmd.getAnnotate());
      return;
    }
    if (g.phase == GamePhase.FINISHED) {
      Lobby.error(c, rid, ErrorCode.GAME_OVER, "game " + g.id + " is over");
      return;
    }
    switch (cmd.getCommandCase()) {
      case PAUSE -> {
        if (g.pause()) {
          ack(c, rid, "paused");
        } else {
          storageError(g, c, rid);
        }
      }
      case RESUME -> {
        if (!g.resume(() -> ack(c, rid, "resumed"))) {
          storageError(g, c, rid);
        }
      }
      case EXTEND_DEADLINE -> {
        long seconds = Integer.toUnsignedLong(cmd.getExtendDeadline().getSeconds());
        if (seconds == 0 || seconds > MAX_EXTEND_SECONDS) {
          Lobby.error(
              c,
              rid,
              ErrorCode.BAD_REQUEST,
              "extend_deadline.seconds: must be 1 to "
                  + MAX_EXTEND_SECONDS
                  + " (a week), got "
                  + seconds);
          return;
        }
        if (g.extend(cmd.getExtendDeadline().getSeconds() * 1000L)) {
          ack(c, rid, "deadline extended");
        } else {
          storageError(g, c, rid);
        }
      }
      case ADJUDICATE_NOW -> {
        if (g.phase == GamePhase.PAUSED) {
          Lobby.error(c, rid, ErrorCode.GAME_PAUSED, "resume the game before adjudicating");
          return;
        }
        if (!g.journalInstructor(
            JournalInstructorAction.newBuilder()
                .setAdjudicateNow(org.entente.proto.v1.AdjudicateNow.getDefaultInstance()))) {
          storageError(g, c, rid);
          return;
        }
        ack(c, rid, "adjudicating turn " + g.state.turn());
        g.adjudicate("the instructor adjudicated now");
      }
      case INJECT -> inject(g, c, rid, cmd.getInject());
      case AUTOPILOT -> autopilot(g, c, rid, cmd.getAutopilot());
      case REVOKE_MEMBER -> {
        String id = cmd.getRevokeMember().getMemberId();
        LiveGame.Member gone = g.revoke(id);
        if (gone == null) {
          Lobby.error(
              c,
              rid,
              ErrorCode.BAD_REQUEST,
              "revoke_member.member_id: no member '"
                  + id
                  + "' in game "
                  + g.id
                  + " (see the roster in the instructor's view)");
          return;
        }
        ack(c, rid, "removed " + Lobby.describe(gone));
        g.broadcastEvent(
            org.entente.proto.v1.GameEventKind.MEMBER_REMOVED,
            "the instructor removed " + Lobby.describe(gone));
        g.pushInstructorViews();
      }
      case REISSUE_SECRET -> {
        String st = cmd.getReissueSecret().getState();
        if (!st.isEmpty() && !known(g, c, rid, st, "reissue_secret.state")) {
          return;
        }
        String secret = g.issueSecret(st);
        ack(
            c,
            rid,
            "new join code for "
                + (st.isEmpty() ? "the observers" : st)
                + ": "
                + JoinSecrets.code(secret)
                + " (the old one no longer works)");
        g.pushInstructorViews();
      }
      case END_GAME -> {
        if (!g.journalInstructor(
            JournalInstructorAction.newBuilder()
                .setEndGame(org.entente.proto.v1.EndGame.getDefaultInstance()))) {
          storageError(g, c, rid);
          return;
        }
        ack(c, rid, "ending the game");
        g.finish("the instructor ended it");
      }
      default -> Lobby.error(c, rid, ErrorCode.UNKNOWN_MESSAGE, "instructor: no command set");
    }
  }

  private static void inject(LiveGame g, Connection c, String rid, Inject inj) {
    List<ScheduledEvent> events = new ArrayList<>();
    int turn = g.state.turn();
    String text = inj.getText();
    if (text.length() > Fields.MAX_TEXT_CHARS) {
      Lobby.error(
          c, rid, ErrorCode.TOO_LONG, Fields.tooLong("inject.text", text, Fields.MAX_TEXT_CHARS));
      return;
    }
    switch (inj.getKindCase()) {
      case SCHEDULED_INDEX -> {
        long i = Integer.toUnsignedLong(inj.getScheduledIndex());
        if (i >= g.world.events().size()) {
          Lobby.error(
              c,
              rid,
              ErrorCode.BAD_REQUEST,
              "inject.scheduled_index: "
                  + i
                  + " is past the scenario's "
                  + g.world.events().size()
                  + " events");
          return;
        }
        events.add(g.world.events().get((int) i));
      }
      case CAPABILITY -> {
        var x = inj.getCapability();
        if (!known(g, c, rid, x.getState(), "inject.capability.state")) {
          return;
        }
        String bad =
            badFactor("inject.capability.population", x.getPopulation()) != null
                ? badFactor("inject.capability.population", x.getPopulation())
                : badFactor("inject.capability.economy", x.getEconomy()) != null
                    ? badFactor("inject.capability.economy", x.getEconomy())
                    : badFactor("inject.capability.military", x.getMilitary()) != null
                        ? badFactor("inject.capability.military", x.getMilitary())
                        : badFactor("inject.capability.technology", x.getTechnology());
        if (bad != null) {
          Lobby.error(c, rid, ErrorCode.BAD_REQUEST, bad);
          return;
        }
        events.add(
            new ScheduledEvent.CapabilityShock(
                turn,
                text.isEmpty() ? "capabilities of " + x.getState() + " change" : text,
                x.getState(),
                factor(x.getPopulation()),
                factor(x.getEconomy()),
                factor(x.getMilitary()),
                factor(x.getTechnology())));
      }
      case INTENT -> {
        var x = inj.getIntent();
        if (!known(g, c, rid, x.getActor(), "inject.intent.actor")
            || (!x.getObserver().isEmpty()
                && !known(g, c, rid, x.getObserver(), "inject.intent.observer"))) {
          return;
        }
        if (!(x.getDelta() >= -1 && x.getDelta() <= 1)) {
          Lobby.error(
              c,
              rid,
              ErrorCode.BAD_REQUEST,
              "inject.intent.delta: must be a number in [-1, 1], got " + x.getDelta());
          return;
        }
        events.add(
            new ScheduledEvent.IntentShift(
                turn,
                text.isEmpty() ? "perceptions of " + x.getActor() + " change" : text,
                x.getObserver().isEmpty() ? null : x.getObserver(),
                x.getActor(),
                x.getDelta()));
      }
      case CRISIS -> {
        var x = inj.getCrisis();
        if (!known(g, c, rid, x.getAggressor(), "inject.crisis.aggressor")
            || !known(g, c, rid, x.getTarget(), "inject.crisis.target")) {
          return;
        }
        if (x.getAggressor().equals(x.getTarget())) {
          Lobby.error(c, rid, ErrorCode.BAD_REQUEST, "inject.crisis: a state cannot attack itself");
          return;
        }
        events.add(
            new ScheduledEvent.ForcedCrisis(
                turn,
                text.isEmpty() ? x.getAggressor() + " attacks " + x.getTarget() : text,
                x.getAggressor(),
                x.getTarget()));
      }
      default -> {
        Lobby.error(
            c,
            rid,
            ErrorCode.BAD_REQUEST,
            "inject: set scheduled_index, capability, intent or crisis");
        return;
      }
    }
    if (!g.inject(events, () -> ack(c, rid, "injected"))) {
      storageError(g, c, rid);
    }
  }

  private static double factor(double f) {
    return f == 0 ? 1 : f;
  }

  /** The largest capability multiplier an inject may apply. */
  static final double MAX_FACTOR = 10;

  /** The longest deadline extension, in seconds: a week. */
  static final long MAX_EXTEND_SECONDS = 7L * 24 * 3600;

  private static String badFactor(String field, double f) {
    if (f == 0 || (f > 0 && f <= MAX_FACTOR)) {
      return null;
    }
    return field
        + ": a multiplier must be a finite number in (0, "
        + (int) MAX_FACTOR
        + "] (0 leaves it unchanged), got "
        + f;
  }

  private static boolean known(LiveGame g, Connection c, String rid, String state, String field) {
    if (!g.seats.containsKey(state)) {
      Lobby.error(
          c, rid, ErrorCode.UNKNOWN_SEAT, field + ": no state '" + Fields.quote(state) + "'");
      return false;
    }
    return true;
  }

  private static void autopilot(
      LiveGame g, Connection c, String rid, org.entente.proto.v1.Autopilot a) {
    if (!known(g, c, rid, a.getState(), "autopilot.state")) {
      return;
    }
    Seat seat = g.seats.get(a.getState());
    if (seat.reservedForBot()) {
      Lobby.error(
          c,
          rid,
          ErrorCode.BAD_REQUEST,
          "autopilot.state: " + a.getState() + " is a bot's seat in this game");
      return;
    }
    String strategy =
        a.getStrategy().isEmpty()
            ? GameSettings.defaultStrategy(g.world, a.getState())
            : a.getStrategy();
    if (a.getOn() && !Strategies.names().contains(strategy)) {
      Lobby.error(
          c,
          rid,
          ErrorCode.BAD_REQUEST,
          "autopilot.strategy: unknown strategy '"
              + Fields.quote(strategy)
              + "'; known: "
              + Strategies.names());
      return;
    }
    String detail = a.getState() + (a.getOn() ? " on autopilot" : " back to its players");
    if (!g.autopilot(a.getState(), a.getOn(), strategy, () -> ack(c, rid, detail))) {
      storageError(g, c, rid);
    }
  }

  // Notes may be added during the game and after it, for the debrief.
  private static void annotate(
      LiveGame g, LiveGame.Member m, Connection c, String rid, org.entente.proto.v1.Annotate a) {
    int last = Math.min(g.state.turn(), g.world.turns());
    long turn = a.getTurn() == 0 ? last : Integer.toUnsignedLong(a.getTurn());
    if (turn > last) {
      Lobby.error(
          c,
          rid,
          ErrorCode.BAD_REQUEST,
          "annotate.turn: " + turn + " has not been reached (current turn " + last + ")");
    } else if (a.getText().isBlank()) {
      Lobby.error(
          c,
          rid,
          ErrorCode.BAD_REQUEST,
          "annotate.text: must be 1 to " + LiveGame.MAX_PRESS_CHARS + " characters");
    } else if (a.getText().length() > LiveGame.MAX_PRESS_CHARS) {
      Lobby.error(
          c,
          rid,
          ErrorCode.TOO_LONG,
          Fields.tooLong("annotate.text", a.getText(), LiveGame.MAX_PRESS_CHARS));
    } else {
      if (g.annotate(m.name(), (int) turn, a.getText())) {
        ack(c, rid, "note added to turn " + turn);
      } else {
        storageError(g, c, rid);
      }
    }
  }

  /** Streams turns already played, each as the member's role knew it then, then an Ack. */
  static void replay(LiveGame g, LiveGame.Member m, Connection c, ClientMessage msg) {
    String rid = msg.getRequestId();
    var req = msg.getReplay();
    int played = g.pastReports().size();
    int from = Math.max(1, req.getFromTurn());
    int to = req.getToTurn() == 0 ? played : req.getToTurn();
    if (played == 0) {
      Lobby.error(c, rid, ErrorCode.BAD_REQUEST, "replay: no turn has been adjudicated yet");
      return;
    }
    LiveGame.Member as = replayRole(g, m, c, rid, req);
    if (as == null) {
      return;
    }
    if (from > to || to > played) {
      Lobby.error(
          c,
          rid,
          ErrorCode.BAD_REQUEST,
          "replay: turns " + from + " to " + to + " are not in 1.." + played);
      return;
    }
    for (int t = from; t <= to; t++) {
      org.entente.proto.v1.ReplayedTurn.Builder b =
          org.entente.proto.v1.ReplayedTurn.newBuilder()
              .setTurn(t)
              .setView(RoleViews.pastView(g, as, t))
              .setResolved(RoleViews.resolved(g, as, g.pastReports().get(t - 1)));
      for (var note : g.annotations) {
        if (note.turn() == t) {
          b.addAnnotations(
              org.entente.proto.v1.AnnotationView.newBuilder()
                  .setTurn(t)
                  .setAuthor(note.author())
                  .setText(note.text()));
        }
      }
      c.send(ServerMessage.newBuilder().setRequestId(rid).setReplayed(b).build());
    }
    ack(c, rid, "replayed turns " + from + " to " + to);
  }

  /**
   * Whose eyes a replay uses: the member's own, or, for the instructor only, a seat's ({@code
   * as_state}) or an observer's ({@code as_observer}). Null after an error was sent.
   */
  private static LiveGame.Member replayRole(
      LiveGame g, LiveGame.Member m, Connection c, String rid, org.entente.proto.v1.Replay req) {
    boolean asOther = !req.getAsState().isEmpty() || req.getAsObserver();
    if (!asOther) {
      return m;
    }
    if (m.role() != Role.INSTRUCTOR) {
      Lobby.error(
          c,
          rid,
          ErrorCode.FORBIDDEN,
          "replay.as_state/as_observer: only the instructor may replay as another role (this is "
              + Lobby.describe(m)
              + ")");
      return null;
    }
    if (!req.getAsState().isEmpty() && req.getAsObserver()) {
      Lobby.error(c, rid, ErrorCode.BAD_REQUEST, "replay: set as_state or as_observer, not both");
      return null;
    }
    if (req.getAsObserver()) {
      return new LiveGame.Member(m.token(), Role.OBSERVER, "", m.name());
    }
    if (!known(g, c, rid, req.getAsState(), "replay.as_state")) {
      return null;
    }
    return new LiveGame.Member(m.token(), Role.SEAT, req.getAsState(), m.name());
  }

  /** The game's journal cannot be written: nothing was recorded, and the game is paused. */
  static void storageError(LiveGame g, Connection c, String rid) {
    String why = g.storageProblem();
    Lobby.error(
        c,
        rid,
        ErrorCode.JOURNAL_UNAVAILABLE,
        why != null ? why : "the server cannot write game " + g.id + "'s journal");
  }

  static void ack(Connection c, String rid, String detail) {
    c.send(
        ServerMessage.newBuilder()
            .setRequestId(rid)
            .setAck(Ack.newBuilder().setDetail(detail))
            .build());
  }
}
