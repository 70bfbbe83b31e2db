package org.entente.server.net;

import io.netty.handler.codec.DecoderException;
import org.entente.proto.v1.ErrorCode;

/**
 * A refusal found while decoding (a frame too large, bytes that are not a message): carries the
 * error code the client gets before the connection is closed.
 */
final class ProtocolException extends DecoderException {
  private final ErrorCode code;

  ProtocolException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  ErrorCode code() {
    return code;
  }
}
