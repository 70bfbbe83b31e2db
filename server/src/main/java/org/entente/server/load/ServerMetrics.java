package org.entente.server.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.entente.server.game.TurnTimes;

/**
 * One reading of the server's {@code GET /metrics} (see {@link MetricsRoute}).
 *
 * @param liveGames games not finished
 * @param finishedGames games finished (the server keeps them)
 * @param connections open connections, every face (this reader's HTTP connection included)
 * @param heapUsedBytes heap in use, garbage not yet collected included
 * @param processCpuNanos the server process's CPU time
 * @param threads the server's live threads
 * @param uptimeMillis the server's uptime
 * @param turnServed how long turns closed by a seat's order took to serve, so far (nanoseconds)
 */
public record ServerMetrics(
    int liveGames,
    int finishedGames,
    int connections,
    long heapUsedBytes,
    long processCpuNanos,
    int threads,
    long uptimeMillis,
    Histogram turnServed) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses the route's JSON. */
  static ServerMetrics parse(String json) throws IOException {
    JsonNode n = JSON.readTree(json);
    return new ServerMetrics(
        n.path("games").path("live").asInt(),
        n.path("games").path("finished").asInt(),
        n.path("connections").asInt(),
        n.path("heapUsedBytes").asLong(),
        n.path("processCpuNanos").asLong(),
        n.path("threads").asInt(),
        n.path("uptimeMillis").asLong(),
        n.hasNonNull("turnServedNanos")
            ? TurnTimes.decode(n.get("turnServedNanos").asText())
            : new Histogram(3));
  }

  /** Reads the metrics of the server at {@code host:port}. */
  static ServerMetrics fetch(HttpClient http, String host, int port)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/metrics"))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "application/json")
            .GET();
    String token = System.getenv("ENTENTE_METRICS_TOKEN");
    if (token != null && !token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET /metrics answered "
              + response.statusCode()
              + " (is the server an entente serve with the /metrics route?)");
    }
    return parse(response.body());
  }
}
