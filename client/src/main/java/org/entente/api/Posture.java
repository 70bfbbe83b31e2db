package org.entente.api;

/** Schweller's distinction: satisfied powers and those that want to change the order. */
public enum Posture {
  STATUS_QUO,
  REVISIONIST
}
