package org.entente.server.game;

/** Test access to a live game's join secrets (the instructor reads them in GameCreated.links). */
public final class JoinSecretsOf {
  private JoinSecretsOf() {}

  /** The secret standing for {@code state} ("" for the observers) of {@code game}. */
  public static String of(Lobby lobby, String game, String state) {
    String s = lobby.game(game).secrets().get(state);
    if (s == null) {
      throw new AssertionError("game " + game + " has no secret for '" + state + "'");
    }
    return s;
  }
}
