package org.entente.server.debrief;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import org.entente.server.sim.ReportJson;

/** The debrief as one JSON document (stances tagged by type, as in the turn reports). */
final class JsonRenderer {
  private JsonRenderer() {}

  static String render(Debrief d) {
    try {
      return ReportJson.mapper().writeValueAsString(d) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
