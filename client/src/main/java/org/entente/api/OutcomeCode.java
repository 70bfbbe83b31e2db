package org.entente.api;

/**
 * Why an order did what it did. Codes are stable: reports, journals and the protocol carry them by
 * name.
 */
public enum OutcomeCode {
  // stances
  BALANCED,
  ARMED,
  BANDWAGONED,
  CLIENT_LINK_FORMED,
  CLIENT_LINK_ENDED,
  HID,
  PASSED_BUCK,
  ALLIANCE_FORMED,
  ALLIANCE_JOINED,
  ALREADY_ALLIED,
  NO_MUTUAL_PROPOSAL,
  // rules 2.0: two states that name each other balance threats of different blocs
  THREATS_DIFFER,
  // rules 2.0: fewer than half of an alliance's members named the state that would join it
  NOT_ENOUGH_MEMBERS,
  // rules 2.0: the two states would be allied while one is the target of the other's alliance
  ALLY_IS_TARGET,
  LEFT_ALLIANCE_FOR_PATRON,
  // rules 2.0: balancing against an ally leaves the alliances shared with it
  LEFT_INCONSISTENT_ALLIANCE,
  DEFAULT_ORDER,
  // actions
  CRISIS_DECLARED,
  AID_SENT,
  PENETRATION_SUCCEEDED,
  PENETRATION_FAILED,
  PENETRATION_DISCOVERED,
  LEFT_ALLIANCE,
  // refusals
  INVALID_TARGET,
  INVALID_PARAMETER,
  NOT_ALLOWED_WHILE_HIDING,
  CANNOT_ATTACK_ALLY,
  CANNOT_ATTACK_CLIENT,
  NOT_A_MEMBER,
  TOO_MANY_ACTIONS,
  DUPLICATE_ACTION,
  NOT_ACTIVE,
  // crises and their aftermath (reported against the states concerned)
  JOINED_ATTACK,
  JOINED_DEFENCE,
  CHAIN_GANGED,
  // rules 2.0: a member of the target's alliance defends it (a defensive commitment binds)
  BOUND_TO_DEFEND,
  // rules 2.0: bound to both sides of a crisis, the state stays out and abandons neither
  BOUND_TO_BOTH,
  ABANDONED_ALLY,
  CRISIS_DEFUSED,
  CRISIS_VOID,
  WAR_WON,
  WAR_LOST,
  CONQUERED,
  ALLIANCE_DISSOLVED
}
