package org.entente.server.replay;

/** Who is looking at a replayed turn: a seat, an observer or the instructor. */
public sealed interface Role {
  /** A seat: only what that state knew at that turn. */
  record Seat(String state) implements Role {}

  /** An observer: the public part. */
  record Observer() implements Role {}

  /** The instructor: everything. */
  record Instructor() implements Role {}

  Role OBSERVER = new Observer();
  Role INSTRUCTOR = new Instructor();

  /** A seat's role. */
  static Role seat(String state) {
    return new Seat(state);
  }
}
