package org.entente.server.journal;

import com.google.protobuf.ByteString;
import java.util.Map;
import org.entente.api.Orders;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.JournalAnnotation;
import org.entente.proto.v1.JournalGameCreated;
import org.entente.proto.v1.JournalGameFinished;
import org.entente.proto.v1.JournalInstructorAction;
import org.entente.proto.v1.JournalMemberAdded;
import org.entente.proto.v1.JournalOrdersAccepted;
import org.entente.proto.v1.JournalRecord;
import org.entente.proto.v1.JournalTurnAdjudicated;
import org.entente.proto.v1.PressMessage;
import org.entente.proto.v1.Role;

/** Builds the journal's records. */
public final class Records {
  private Records() {}

  public static JournalRecord created(
      long at,
      String gameId,
      ScenarioBytes scenario,
      CreateGame settings,
      long seed,
      String instructorToken,
      boolean headless) {
    return JournalRecord.newBuilder()
        .setAtEpochMs(at)
        .setGameCreated(
            JournalGameCreated.newBuilder()
                .setGameId(gameId)
                .setScenarioId(scenario.id())
                .setScenarioSource(scenario.source())
                .setScenarioBytes(ByteString.copyFrom(scenario.bytes()))
                // the create's request key is kept hashed too: after a restart it still finds the
                // game it made (and so yields an instructor token) for whoever resends the create
                .setSettings(
                    settings.toBuilder().setRequestKey(TokenHash.of(settings.getRequestKey())))
                .setSeed(seed)
                .setInstructorToken(TokenHash.of(instructorToken))
                .setHeadless(headless))
        .build();
  }

  public static JournalRecord member(long at, String token, Role role, String state, String name) {
    return JournalRecord.newBuilder()
        .setAtEpochMs(at)
        .setMemberAdded(
            JournalMemberAdded.newBuilder()
                .setToken(TokenHash.of(token))
                .setRole(role)
                .setState(state)
                .setName(name))
        .build();
  }

  public static JournalRecord orders(long at, int turn, String state, Orders orders, String by) {
    return JournalRecord.newBuilder()
        .setAtEpochMs(at)
        .setOrdersAccepted(
            JournalOrdersAccepted.newBuilder()
                .setTurn(turn)
                .setState(state)
                .setOrders(Wire.orders(orders))
                .setSubmittedBy(by))
        .build();
  }

  public static JournalRecord press(long at, PressMessage p) {
    return JournalRecord.newBuilder().setAtEpochMs(at).setPress(p).build();
  }

  public static JournalRecord instructor(long at, JournalInstructorAction.Builder action) {
    return JournalRecord.newBuilder().setAtEpochMs(at).setInstructor(action).build();
  }

  public static JournalRecord annotation(long at, int turn, String author, String text) {
    return JournalRecord.newBuilder()
        .setAtEpochMs(at)
        .setAnnotation(JournalAnnotation.newBuilder().setTurn(turn).setAuthor(author).setText(text))
        .build();
  }

  public static JournalRecord turn(
      long at, int turn, Map<String, Orders> orders, String hash, String reason) {
    JournalTurnAdjudicated.Builder b =
        JournalTurnAdjudicated.newBuilder().setTurn(turn).setStateHash(hash).setReason(reason);
    orders.forEach((k, v) -> b.putOrders(k, Wire.orders(v)));
    return JournalRecord.newBuilder().setAtEpochMs(at).setTurn(b).build();
  }

  public static JournalRecord finished(long at, String reason) {
    return JournalRecord.newBuilder()
        .setAtEpochMs(at)
        .setFinished(JournalGameFinished.newBuilder().setReason(reason))
        .build();
  }

  public static JournalRecord secret(long at, String state, String secret) {
    return JournalRecord.newBuilder()
        .setAtEpochMs(at)
        .setSecretIssued(
            org.entente.proto.v1.JournalSecretIssued.newBuilder().setState(state).setSecret(secret))
        .build();
  }

  public static JournalRecord revoked(long at, String token) {
    return JournalRecord.newBuilder()
        .setAtEpochMs(at)
        .setMemberRevoked(
            org.entente.proto.v1.JournalMemberRevoked.newBuilder()
                .setToken(TokenHash.isHash(token) ? token : TokenHash.of(token)))
        .build();
  }
}
