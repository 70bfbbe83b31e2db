package org.entente.client.net;

import org.entente.proto.v1.ErrorCode;

/**
 * A request the server refused ({@link #code()} is the server's {@code ErrorCode}), or a local
 * failure such as no connection or a closed connection ({@link #code()} is {@code
 * ERROR_CODE_UNSPECIFIED}). Timeouts are reported as {@link java.util.concurrent.TimeoutException}.
 */
public final class EntenteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String detail;

  /** A refusal by the server, or a local failure when {@code code} is unspecified. */
  public EntenteException(ErrorCode code, String detail) {
    this(code, detail, null);
  }

  /** As {@link #EntenteException(ErrorCode, String)}, with a cause. */
  public EntenteException(ErrorCode code, String detail, Throwable cause) {
    super(code == ErrorCode.ERROR_CODE_UNSPECIFIED ? detail : code + ": " + detail, cause);
    this.code = code;
    this.detail = detail;
  }

  /** A local failure (no server reply involved). */
  public static EntenteException local(String detail, Throwable cause) {
    return new EntenteException(ErrorCode.ERROR_CODE_UNSPECIFIED, detail, cause);
  }

  /** The server's error code; {@code ERROR_CODE_UNSPECIFIED} for a local failure. */
  public ErrorCode code() {
    return code;
  }

  /** The message without the code prefix. */
  public String detail() {
    return detail;
  }

  /** True when the server sent this refusal. */
  public boolean fromServer() {
    return code != ErrorCode.ERROR_CODE_UNSPECIFIED;
  }
}
