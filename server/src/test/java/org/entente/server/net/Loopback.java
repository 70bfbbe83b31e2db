package org.entente.server.net;

import java.nio.file.Path;

/** The configuration of a server that tests start in process: loopback only, a free port. */
public final class Loopback {
  private Loopback() {}

  /**
   * The embedded defaults on 127.0.0.1 and an ephemeral port, with journals in {@code data} and
   * {@code perSecond} messages a second allowed per connection.
   */
  public static ServerConfig config(Path data, int perSecond) {
    ServerConfig d = ServerConfig.defaults();
    return new ServerConfig(
        "127.0.0.1",
        0,
        data,
        d.maxFrameBytes(),
        perSecond,
        d.idleTimeout(),
        d.maxGames(),
        d.maxConnections());
  }

  /** {@link #config(Path, int)} with the default data folder and message rate. */
  public static ServerConfig config() {
    ServerConfig d = ServerConfig.defaults();
    return config(d.data(), d.maxMessagesPerSecond());
  }
}
