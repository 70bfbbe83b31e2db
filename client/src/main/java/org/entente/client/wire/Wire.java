package org.entente.client.wire;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.Action;
import org.entente.api.AllianceKind;
import org.entente.api.OrderOutcome;
import org.entente.api.OutcomeCode;
import org.entente.api.PlayerView;
import org.entente.api.Posture;
import org.entente.api.SquareMatrix;
import org.entente.api.Stance;
import org.entente.proto.v1.Aid;
import org.entente.proto.v1.AllianceView;
import org.entente.proto.v1.Attack;
import org.entente.proto.v1.Balance;
import org.entente.proto.v1.Bandwagon;
import org.entente.proto.v1.BuckPass;
import org.entente.proto.v1.CrisisView;
import org.entente.proto.v1.Hide;
import org.entente.proto.v1.Leave;
import org.entente.proto.v1.NationView;
import org.entente.proto.v1.Orders;
import org.entente.proto.v1.Outcome;
import org.entente.proto.v1.Penetrate;
import org.entente.proto.v1.PublicStance;
import org.entente.proto.v1.RulesView;
import org.entente.proto.v1.ThreatEntry;
import org.entente.proto.v1.TurnView;

/**
 * Converts between the Java API ({@code org.entente.api}) and the wire messages ({@code
 * entente.v1}): orders both ways, and a seat's view both ways, so a remote bot sees exactly the
 * {@link PlayerView} an in-process bot would.
 */
public final class Wire {
  private Wire() {}

  /** The wire form of orders. */
  public static Orders orders(org.entente.api.Orders o) {
    Orders.Builder b = Orders.newBuilder().setStance(stance(o.stance()));
    for (Action a : o.actions()) {
      b.addActions(action(a));
    }
    return b.build();
  }

  /**
   * Orders from the wire; throws {@link IllegalArgumentException} naming the missing or malformed
   * field.
   */
  public static org.entente.api.Orders orders(Orders o) {
    if (!o.hasStance()) {
      throw new IllegalArgumentException("orders.stance is missing");
    }
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < o.getActionsCount(); i++) {
      actions.add(action(o.getActions(i), "orders.actions[" + i + "]"));
    }
    return new org.entente.api.Orders(stance(o.getStance(), "orders.stance"), actions);
  }

  /** The wire form of a stance. */
  public static org.entente.proto.v1.Stance stance(Stance s) {
    org.entente.proto.v1.Stance.Builder b = org.entente.proto.v1.Stance.newBuilder();
    if (s instanceof Stance.Balance x) {
      b.setBalance(
          Balance.newBuilder()
              .setAgainst(x.against())
              .setInternal(x.internal())
              .addAllPartners(x.partners())
              .setOffensive(x.offensive()));
    } else if (s instanceof Stance.Bandwagon x) {
      b.setBandwagon(
          Bandwagon.newBuilder()
              .setWith(x.with())
              .setOffensive(x.bandwagonKind() == Stance.BandwagonKind.OFFENSIVE));
    } else if (s instanceof Stance.BuckPass x) {
      b.setBuckPass(BuckPass.newBuilder().setThreat(x.threat()).setCatcher(x.catcher()));
    } else {
      b.setHide(Hide.getDefaultInstance());
    }
    return b.build();
  }

  /** A stance from the wire; {@code path} names it in errors. */
  public static Stance stance(org.entente.proto.v1.Stance s, String path) {
    switch (s.getKindCase()) {
      case BALANCE:
        Balance b = s.getBalance();
        return new Stance.Balance(
            required(b.getAgainst(), path + ".balance.against"),
            b.getInternal(),
            b.getPartnersList(),
            b.getOffensive());
      case BANDWAGON:
        return new Stance.Bandwagon(
            required(s.getBandwagon().getWith(), path + ".bandwagon.with"),
            s.getBandwagon().getOffensive()
                ? Stance.BandwagonKind.OFFENSIVE
                : Stance.BandwagonKind.DEFENSIVE);
      case HIDE:
        return Stance.HIDE;
      case BUCK_PASS:
        return new Stance.BuckPass(
            required(s.getBuckPass().getThreat(), path + ".buck_pass.threat"),
            required(s.getBuckPass().getCatcher(), path + ".buck_pass.catcher"));
      default:
        throw new IllegalArgumentException(
            path + ": no stance kind set (balance, bandwagon, hide or buck_pass)");
    }
  }

  private static org.entente.proto.v1.Action action(Action a) {
    org.entente.proto.v1.Action.Builder b = org.entente.proto.v1.Action.newBuilder();
    if (a instanceof Action.Attack x) {
      b.setAttack(Attack.newBuilder().setTarget(x.target()));
    } else if (a instanceof Action.Aid x) {
      b.setAid(Aid.newBuilder().setTo(x.to()).setAmount(x.amount()));
    } else if (a instanceof Action.Penetrate x) {
      b.setPenetrate(Penetrate.newBuilder().setTarget(x.target()));
    } else {
      b.setLeave(Leave.newBuilder().setAlliance(((Action.Leave) a).alliance()));
    }
    return b.build();
  }

  private static Action action(org.entente.proto.v1.Action a, String path) {
    switch (a.getKindCase()) {
      case ATTACK:
        return new Action.Attack(required(a.getAttack().getTarget(), path + ".attack.target"));
      case AID:
        return new Action.Aid(
            required(a.getAid().getTo(), path + ".aid.to"), a.getAid().getAmount());
      case PENETRATE:
        return new Action.Penetrate(
            required(a.getPenetrate().getTarget(), path + ".penetrate.target"));
      case LEAVE:
        return new Action.Leave(required(a.getLeave().getAlliance(), path + ".leave.alliance"));
      default:
        throw new IllegalArgumentException(
            path + ": no action kind set (attack, aid, penetrate or leave)");
    }
  }

  private static String required(String value, String path) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(path + " is missing");
    }
    return value;
  }

  /** The wire form of the parts of a view the engine builds (the server adds game fields). */
  public static TurnView.Builder view(PlayerView v) {
    TurnView.Builder b = publicView(v);
    seatPart(b, v);
    return b;
  }

  /**
   * The parts of {@link #view} that are the same for every seat of a position (scenario, turn,
   * briefing, nations, proximity, alliances, crises, last stances, rules): a server builds them
   * once per turn and adds each seat's {@link #seatPart}.
   */
  public static TurnView.Builder publicView(PlayerView v) {
    TurnView.Builder b =
        TurnView.newBuilder()
            .setScenario(v.scenario())
            .setTurn(v.turn())
            .setTurns(v.turns())
            .setTurnLabel(v.turnLabel())
            .setBriefing(v.briefing());
    publicPart(
        b, v.nations(), v.proximity(), v.alliances(), v.crises(), v.lastStances(), v.rules());
    return b;
  }

  /**
   * Adds what only seat {@code v.self()} sees to a view: itself, its threat row, coverage,
   * principal threat and leader, leanings, private briefing and last outcomes.
   */
  public static void seatPart(TurnView.Builder b, PlayerView v) {
    b.setSelf(v.self())
        .setCoverage(v.coverage())
        .addAllPrincipalThreat(v.principalThreat())
        .addAllLeanings(v.leanings());
    if (v.principalLeader() != null) {
      b.setPrincipalLeader(v.principalLeader());
    }
    if (v.privateBriefing() != null) {
      b.setPrivateBriefing(v.privateBriefing());
    }
    for (PlayerView.ThreatEntry t : v.threats()) {
      b.addThreats(
          ThreatEntry.newBuilder()
              .setActor(t.actor())
              .setPower(t.power())
              .setProximity(t.proximity())
              .setOffense(t.offense())
              .setIntent(t.intent())
              .setThreat(t.threat()));
    }
    v.outcomes().forEach(o -> b.addOutcomes(outcome(o)));
  }

  /** Fills the public part of a view (what every role may see). */
  public static void publicPart(
      TurnView.Builder b,
      List<PlayerView.NationView> nations,
      SquareMatrix proximity,
      List<PlayerView.AllianceView> alliances,
      List<PlayerView.CrisisView> crises,
      List<PlayerView.PublicStance> lastStances,
      PlayerView.RulesView rules) {
    for (PlayerView.NationView n : nations) {
      NationView.Builder nb =
          NationView.newBuilder()
              .setId(n.id())
              .setName(n.name())
              .setPopulation(n.population())
              .setEconomy(n.economy())
              .setMilitary(n.military())
              .setTechnology(n.technology())
              .setPower(n.power())
              .setOffense(n.offense())
              .setReach(n.reach())
              .setIdeology(n.ideology())
              .setDivisive(n.divisive())
              .setRevisionist(n.posture() == Posture.REVISIONIST)
              .setActive(n.active())
              .setOffensiveClient(n.clientKind() == Stance.BandwagonKind.OFFENSIVE);
      if (n.patron() != null) {
        nb.setPatron(n.patron());
      }
      b.addNations(nb);
    }
    for (double d : proximity.toArray()) {
      b.addProximity(d);
    }
    for (PlayerView.AllianceView a : alliances) {
      b.addAlliances(
          AllianceView.newBuilder()
              .setId(a.id())
              .addAllMembers(a.members())
              .setCohesion(a.cohesion())
              .setFormedTurn(a.formedTurn())
              .setTarget(a.target() == null ? "" : a.target())
              .addAllTargetBloc(a.targetBloc())
              .setKind(
                  a.kind() == AllianceKind.OFFENSIVE
                      ? org.entente.proto.v1.AllianceKind.ALLIANCE_OFFENSIVE
                      : org.entente.proto.v1.AllianceKind.ALLIANCE_DEFENSIVE));
    }
    for (PlayerView.CrisisView c : crises) {
      b.addCrises(
          CrisisView.newBuilder()
              .setId(c.id())
              .setAggressor(c.aggressor())
              .setTarget(c.target())
              .setDeclaredTurn(c.declaredTurn())
              .setResolvesTurn(c.resolvesTurn()));
    }
    for (PlayerView.PublicStance ps : lastStances) {
      b.addLastStances(
          PublicStance.newBuilder().setState(ps.state()).setStance(stance(ps.stance())));
    }
    b.setRules(
        RulesView.newBuilder()
            .setDefenseAdvantage(rules.defenseAdvantage())
            .setMaxInternalEffort(rules.maxInternalEffort())
            .setAidMaxShare(rules.aidMaxShare())
            .setTributeRate(rules.tributeRate())
            .setWeakShare(rules.weakShare()));
  }

  /** The wire form of an outcome: its code by name and as the protocol's enum. */
  public static Outcome outcome(OrderOutcome o) {
    return Outcome.newBuilder()
        .setState(o.state())
        .setOrder(o.order())
        .setCode(o.code().name())
        .setCodeEnum(outcomeCode(o.code()))
        .setReason(o.reason())
        .build();
  }

  /**
   * The protocol's enum value of an engine outcome code ({@code OUTCOME_} + its name). Every code
   * has one; a code added to the engine without its enum value fails here, loudly.
   */
  public static org.entente.proto.v1.OutcomeCode outcomeCode(OutcomeCode code) {
    org.entente.proto.v1.OutcomeCode wire = OUTCOME_CODES.get(code);
    if (wire == null) {
      throw new IllegalStateException(
          "outcome code " + code + " has no OUTCOME_" + code + " in protocol.proto's OutcomeCode");
    }
    return wire;
  }

  private static final java.util.Map<OutcomeCode, org.entente.proto.v1.OutcomeCode> OUTCOME_CODES =
      outcomeCodes();

  private static java.util.Map<OutcomeCode, org.entente.proto.v1.OutcomeCode> outcomeCodes() {
    java.util.Map<OutcomeCode, org.entente.proto.v1.OutcomeCode> m =
        new java.util.EnumMap<>(OutcomeCode.class);
    for (org.entente.proto.v1.OutcomeCode w : org.entente.proto.v1.OutcomeCode.values()) {
      if (w.name().startsWith("OUTCOME_") && w != org.entente.proto.v1.OutcomeCode.UNRECOGNIZED) {
        try {
          m.put(OutcomeCode.valueOf(w.name().substring("OUTCOME_".length())), w);
        } catch (IllegalArgumentException notAnEngineCode) {
          // OUTCOME_CODE_UNSPECIFIED
        }
      }
    }
    return m;
  }

  /** A seat's view from the wire: exactly what an in-process bot of that seat would see. */
  public static PlayerView view(TurnView v) {
    List<PlayerView.NationView> nations = new ArrayList<>();
    for (NationView n : v.getNationsList()) {
      nations.add(
          new PlayerView.NationView(
              n.getId(),
              n.getName(),
              n.getPopulation(),
              n.getEconomy(),
              n.getMilitary(),
              n.getTechnology(),
              n.getPower(),
              n.getOffense(),
              n.getReach(),
              n.getIdeology(),
              n.getDivisive(),
              n.getRevisionist() ? Posture.REVISIONIST : Posture.STATUS_QUO,
              n.getActive(),
              n.getPatron().isEmpty() ? null : n.getPatron(),
              n.getPatron().isEmpty()
                  ? null
                  : n.getOffensiveClient()
                      ? Stance.BandwagonKind.OFFENSIVE
                      : Stance.BandwagonKind.DEFENSIVE));
    }
    double[] prox = new double[v.getProximityCount()];
    for (int i = 0; i < prox.length; i++) {
      prox[i] = v.getProximity(i);
    }
    List<PlayerView.AllianceView> alliances = new ArrayList<>();
    v.getAlliancesList()
        .forEach(
            a ->
                alliances.add(
                    new PlayerView.AllianceView(
                        a.getId(),
                        a.getMembersList(),
                        a.getCohesion(),
                        a.getFormedTurn(),
                        a.getTarget().isEmpty() ? null : a.getTarget(),
                        a.getTargetBlocList(),
                        a.getKind() == org.entente.proto.v1.AllianceKind.ALLIANCE_OFFENSIVE
                            ? AllianceKind.OFFENSIVE
                            : AllianceKind.DEFENSIVE)));
    List<PlayerView.CrisisView> crises = new ArrayList<>();
    v.getCrisesList()
        .forEach(
            c ->
                crises.add(
                    new PlayerView.CrisisView(
                        c.getId(),
                        c.getAggressor(),
                        c.getTarget(),
                        c.getDeclaredTurn(),
                        c.getResolvesTurn())));
    List<PlayerView.ThreatEntry> threats = new ArrayList<>();
    v.getThreatsList()
        .forEach(
            t ->
                threats.add(
                    new PlayerView.ThreatEntry(
                        t.getActor(),
                        t.getPower(),
                        t.getProximity(),
                        t.getOffense(),
                        t.getIntent(),
                        t.getThreat())));
    List<OrderOutcome> outcomes = new ArrayList<>();
    v.getOutcomesList()
        .forEach(
            o ->
                outcomes.add(
                    new OrderOutcome(
                        o.getState(),
                        o.getOrder(),
                        OutcomeCode.valueOf(o.getCode()),
                        o.getReason())));
    List<PlayerView.PublicStance> stances = new ArrayList<>();
    for (PublicStance ps : v.getLastStancesList()) {
      stances.add(
          new PlayerView.PublicStance(ps.getState(), stance(ps.getStance(), "last_stances")));
    }
    RulesView r = v.getRules();
    return new PlayerView(
        v.getScenario(),
        v.getTurn(),
        v.getTurns(),
        v.getTurnLabel(),
        v.getSelf(),
        nations,
        SquareMatrix.wrap(nations.size(), prox),
        alliances,
        crises,
        threats,
        v.getPrincipalThreatList(),
        v.getPrincipalLeader().isEmpty() ? null : v.getPrincipalLeader(),
        v.getCoverage(),
        v.getLeaningsList(),
        outcomes,
        stances,
        new PlayerView.RulesView(
            r.getDefenseAdvantage(),
            r.getMaxInternalEffort(),
            r.getAidMaxShare(),
            r.getTributeRate(),
            r.getWeakShare()),
        v.getBriefing(),
        v.getPrivateBriefing().isEmpty() ? null : v.getPrivateBriefing());
  }
}
