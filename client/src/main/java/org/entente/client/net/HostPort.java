package org.entente.client.net;

/** A server address as given on the command line: {@code HOST:PORT}, {@code [v6]:PORT} or HOST. */
public record HostPort(String host, int port) {
  /** The server's default port. */
  public static final int DEFAULT_PORT = 7470;

  public HostPort {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host is missing");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be in [1, 65535], got " + port);
    }
  }

  /**
   * Parses {@code HOST:PORT} (port defaults to {@value #DEFAULT_PORT} when absent); throws {@link
   * IllegalArgumentException} saying what is wrong.
   */
  public static HostPort parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("expected HOST:PORT, got an empty string");
    }
    String host;
    String port;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("expected [IPv6]:PORT, got '" + text + "'");
      }
      host = s.substring(1, close);
      String rest = s.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw new IllegalArgumentException("expected [IPv6]:PORT, got '" + text + "'");
      }
      port = rest.isEmpty() ? null : rest.substring(1);
    } else {
      int colon = s.lastIndexOf(':');
      if (colon >= 0 && s.indexOf(':') != colon) {
        throw new IllegalArgumentException(
            "expected HOST:PORT, got '" + text + "' (write an IPv6 address as [addr]:PORT)");
      }
      host = colon < 0 ? s : s.substring(0, colon);
      port = colon < 0 ? null : s.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("expected HOST:PORT, got '" + text + "': no host");
    }
    if (port == null) {
      return new HostPort(host, DEFAULT_PORT);
    }
    try {
      int p = Integer.parseInt(port);
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException(
            "expected HOST:PORT, got '" + text + "': port " + p + " is not in [1, 65535]");
      }
      return new HostPort(host, p);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected HOST:PORT, got '" + text + "': '" + port + "' is not a port number");
    }
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
