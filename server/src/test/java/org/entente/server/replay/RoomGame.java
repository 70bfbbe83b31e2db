package org.entente.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.entente.api.OrderSyntax;
import org.entente.client.net.EntenteClient;
import org.entente.proto.v1.AdjudicateNow;
import org.entente.proto.v1.Annotate;
import org.entente.proto.v1.Autopilot;
import org.entente.proto.v1.CapabilityShock;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.Inject;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.entente.server.net.StaticFiles;

/**
 * A classroom game played through a real server over loopback sockets and journaled by it: the
 * tutorial (8 turns) with KAD a bot, LEN played by the student "Alice Kim" (who sends messages),
 * handed to the autopilot for turns 3 and 4 and given back, and OST never joined by anyone. The
 * instructor injects an event in turn 1, sends a message and writes notes on turns 1 and 5; each
 * turn is closed with adjudicate-now (OST's defaults stand).
 */
public final class RoomGame {
  /** The student's name. */
  public static final String STUDENT = "Alice Kim";

  /** The text of the injected event. */
  public static final String INJECT_TEXT = "Kadath's harvest fails: its economy shrinks";

  /** Alice's message to OST in turn 1. */
  public static final String ALICE_MESSAGE = "Ostrava, shall we stand together against Kadath?";

  /** The instructor's message to everyone in turn 5. */
  public static final String INSTRUCTOR_MESSAGE = "Halfway: think about who threatens you most.";

  /** The note on turn 1. */
  public static final String NOTE_1 = "Watch how LEN reads the harvest failure.";

  /** The note on turn 5. */
  public static final String NOTE_5 = "LEN is back in Alice's hands.";

  /**
   * The messages the instructor's protocol replay (turns 1 to 8) showed at each turn, as "TURN
   * TEXT", filled by {@link #play}.
   */
  public static final java.util.List<String> REPLAYED_MESSAGES =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private RoomGame() {}

  /** Plays the game with a server journaling into {@code data}; returns the journal's path. */
  public static Path play(Path data) throws Exception {
    ServerConfig config = Loopback.config(data, 10_000);
    Lobby lobby = new Lobby(config, GameClock.system(), new DirectoryJournalStore(data));
    NetServer server = new NetServer(config, lobby, StaticFiles.none());
    server.start();
    try (EntenteClient teacher = connect(server);
        EntenteClient alice = connect(server)) {
      GameCreated g =
          teacher
              .createGame(
                  CreateGame.newBuilder()
                      .setScenario("tutorial")
                      .setSeed(7)
                      .putBots("KAD", "threat-balancer")
                      .build())
              .get(10, TimeUnit.SECONDS);
      String t = g.getInstructorToken();
      String a =
          alice
              .join(g.getGameId(), "LEN", STUDENT, EntenteClient.secret(g, "LEN"))
              .get(10, TimeUnit.SECONDS)
              .getToken();
      for (int turn = 1; turn <= 8; turn++) {
        if (turn == 1) {
          ok(
              teacher.instructor(
                  t,
                  InstructorCommand.newBuilder()
                      .setInject(
                          Inject.newBuilder()
                              .setCapability(
                                  CapabilityShock.newBuilder().setState("KAD").setEconomy(0.8))
                              .setText(INJECT_TEXT))
                      .build()));
          ok(alice.press(a, List.of("OST"), false, ALICE_MESSAGE));
          ok(teacher.instructor(t, annotate(1, NOTE_1)));
        }
        if (turn == 3) {
          ok(
              teacher.instructor(
                  t,
                  InstructorCommand.newBuilder()
                      .setAutopilot(Autopilot.newBuilder().setState("LEN").setOn(true))
                      .build()));
        }
        if (turn == 5) {
          ok(
              teacher.instructor(
                  t,
                  InstructorCommand.newBuilder()
                      .setAutopilot(Autopilot.newBuilder().setState("LEN").setOn(false))
                      .build()));
          ok(teacher.press(t, List.of(), false, INSTRUCTOR_MESSAGE));
          ok(teacher.instructor(t, annotate(5, NOTE_5)));
        }
        if (turn < 3 || turn > 4) {
          String orders = turn % 2 == 1 ? "BALANCE KAD 0.3" : "HIDE";
          alice.submit(a, turn, "LEN", OrderSyntax.parse(orders)).get(10, TimeUnit.SECONDS);
        }
        ok(
            teacher.instructor(
                t,
                InstructorCommand.newBuilder()
                    .setAdjudicateNow(AdjudicateNow.getDefaultInstance())
                    .build()));
        waitForTurn(teacher, t, turn + 1);
      }
      REPLAYED_MESSAGES.clear();
      for (int turn = 1; turn <= 8; turn++) {
        // one turn per request: its first reply is the replayed turn
        ServerMessage m =
            teacher
                .request(
                    org.entente.proto.v1.ClientMessage.newBuilder()
                        .setReplay(
                            org.entente.proto.v1.Replay.newBuilder()
                                .setToken(t)
                                .setFromTurn(turn)
                                .setToTurn(turn)))
                .get(10, TimeUnit.SECONDS);
        assertThat(m.hasReplayed()).as(m.toString()).isTrue();
        for (var p : m.getReplayed().getView().getMessagesList()) {
          REPLAYED_MESSAGES.add(m.getReplayed().getTurn() + " " + p.getText());
        }
      }
      return data.resolve(g.getGameId() + ".journal");
    } finally {
      server.close();
      lobby.shutdown();
    }
  }

  private static InstructorCommand annotate(int turn, String text) {
    return InstructorCommand.newBuilder()
        .setAnnotate(Annotate.newBuilder().setTurn(turn).setText(text))
        .build();
  }

  private static EntenteClient connect(NetServer server) throws Exception {
    return EntenteClient.connect("127.0.0.1", server.port()).get(10, TimeUnit.SECONDS);
  }

  private static void ok(java.util.concurrent.CompletableFuture<ServerMessage> f) throws Exception {
    ServerMessage m = f.get(10, TimeUnit.SECONDS);
    assertThat(m.hasError()).as(m.toString()).isFalse();
  }

  /** Waits until the game has moved past {@code turn - 1} (or has ended after the last turn). */
  private static void waitForTurn(EntenteClient c, String token, int turn) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < until) {
      var v = c.getView(token).get(10, TimeUnit.SECONDS);
      if (v.getTurn() >= turn || v.getPhase() == org.entente.proto.v1.GamePhase.FINISHED) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the game did not reach turn " + turn);
  }

  /** A copy of the journal in {@code dir} (the fixture is played once per test class). */
  static Path copy(Path journal, Path dir) throws Exception {
    Files.createDirectories(dir);
    return Files.copy(journal, dir.resolve(journal.getFileName()));
  }
}
