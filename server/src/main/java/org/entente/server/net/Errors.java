package org.entente.server.net;

import org.entente.proto.v1.Error;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.ServerMessage;

/** Builds the {@code Error} replies the network layer sends. */
final class Errors {
  private Errors() {}

  /** A {@code ServerMessage} carrying {@code Error{code, message, requestId}}. */
  static ServerMessage error(ErrorCode code, String message, String requestId) {
    return ServerMessage.newBuilder()
        .setRequestId(requestId)
        .setError(
            Error.newBuilder().setCode(code).setMessage(message).setRequestId(requestId).build())
        .build();
  }
}
