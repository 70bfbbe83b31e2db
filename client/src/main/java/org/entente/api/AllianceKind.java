package org.entente.api;

/**
 * What an alliance commits its members to (RULES.md section 3a). A DEFENSIVE alliance binds its
 * members to defend a member that is attacked; an OFFENSIVE one also brings them into every attack
 * a member declares.
 */
public enum AllianceKind {
  DEFENSIVE,
  OFFENSIVE
}
