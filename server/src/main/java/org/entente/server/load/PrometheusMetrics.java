package org.entente.server.load;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.IntSupplier;
import org.HdrHistogram.Histogram;
import org.entente.proto.v1.GameInfo;
import org.entente.proto.v1.GamePhase;
import org.entente.server.game.LiveGame;
import org.entente.server.game.Lobby;

/**
 * The server's metrics in the Prometheus text format, through a Micrometer registry: the games
 * (live and finished), the open connections, the turns served and how long they took (count, total
 * and quantiles from {@link org.entente.server.game.TurnTimes}), and the JVM's memory, threads, CPU
 * and uptime. Every value is read when scraped; nothing is counted on the game's path.
 */
final class PrometheusMetrics {
  /** The content type of the text format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  PrometheusMetrics(Lobby lobby, IntSupplier connections) {
    Gauge.builder("entente.games", lobby, l -> count(l, false))
        .description("games not finished")
        .tag("phase", "live")
        .register(registry);
    Gauge.builder("entente.games", lobby, l -> count(l, true))
        .description("games finished and still kept in memory")
        .tag("phase", "finished")
        .register(registry);
    Gauge.builder("entente.connections", connections, s -> Math.max(0, s.getAsInt()))
        .description("open connections, every face (TCP, WebSocket, HTTP)")
        // the registry holds gauge objects weakly; this supplier lives nowhere else
        .strongReference(true)
        .register(registry);
    FunctionCounter.builder(
            "entente.turns.served", lobby, l -> l.turnTimes().snapshot().getTotalCount())
        .description("turns closed by a seat's order and served")
        .register(registry);
    FunctionCounter.builder(
            "entente.turns.served.seconds",
            lobby,
            l -> {
              Histogram h = l.turnTimes().snapshot();
              return h.getMean() * h.getTotalCount() / 1e9;
            })
        .description("total time spent serving those turns")
        .register(registry);
    for (double q : new double[] {0.5, 0.9, 0.99, 1.0}) {
      Gauge.builder(
              "entente.turn.served.seconds",
              lobby,
              l -> l.turnTimes().snapshot().getValueAtPercentile(q * 100) / 1e9)
          .description("time to serve a turn once its last order is in, since start")
          .tag("quantile", q == 1.0 ? "1" : Double.toString(q))
          .register(registry);
    }
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  private static int count(Lobby lobby, boolean finished) {
    int n = 0;
    for (LiveGame g : lobby.games()) {
      GameInfo info = g.info();
      boolean over = info != null && info.getPhase() == GamePhase.FINISHED;
      if (over == finished) {
        n++;
      }
    }
    return n;
  }

  /** The text a Prometheus server scrapes. */
  String scrape() {
    return registry.scrape();
  }
}
