package org.entente.server.game;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.entente.proto.v1.PressMessage;
import org.entente.proto.v1.Role;
import org.entente.server.net.HttpRoute;

/**
 * {@code GET /transcript/{game}} with {@code Authorization: Bearer TOKEN}: every message of the
 * game (public, private, team and the instructor's) as CSV (RFC 4180, UTF-8), for grading. Only the
 * game's instructor token opens it; a finished game kept in the data folder is read back first.
 */
final class TranscriptRoute implements HttpRoute {
  static final String HEADER = "turn,sent_at_utc,from_state,from_member,to,team_only,text";
  private final Lobby lobby;

  TranscriptRoute(Lobby lobby) {
    this.lobby = lobby;
  }

  @Override
  public CompletionStage<Response> handle(Request request) {
    if (!request.method().equals("GET")) {
      return CompletableFuture.completedFuture(Response.text(405, "only GET"));
    }
    String id = request.path().substring("/transcript/".length());
    String auth = request.headers().getOrDefault("authorization", "");
    String token = auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : "";
    return lobby
        .gameOrShelved(id)
        .handle((g, e) -> g)
        .thenCompose(
            g -> {
              if (g == null) {
                return CompletableFuture.completedFuture(
                    Response.text(404, "no game '" + id + "'"));
              }
              CompletableFuture<Response> out = new CompletableFuture<>();
              g.execute(
                  () -> {
                    LiveGame.Member m = token.isEmpty() ? null : g.member(token);
                    if (m == null || m.role() != Role.INSTRUCTOR) {
                      out.complete(
                          Response.text(
                              403,
                              "the transcript needs the game's instructor token in the header"
                                  + " Authorization: Bearer TOKEN"));
                      return;
                    }
                    out.complete(
                        new Response(
                            200,
                            "text/csv; charset=utf-8",
                            csv(g.press).getBytes(StandardCharsets.UTF_8),
                            Map.of(
                                "Content-Disposition",
                                "attachment; filename=\"" + id + "-messages.csv\"")));
                  });
              return out;
            });
  }

  /** Every message, oldest first, one CSV row each under {@link #HEADER}. */
  static String csv(List<PressMessage> press) {
    StringBuilder b = new StringBuilder(HEADER).append("\r\n");
    for (PressMessage p : press) {
      b.append(p.getTurn())
          .append(',')
          .append(Instant.ofEpochMilli(p.getSentEpochMs()))
          .append(',')
          .append(cell(p.getFromState().isEmpty() ? "instructor" : p.getFromState()))
          .append(',')
          .append(cell(p.getFromMember()))
          .append(',')
          .append(
              cell(
                  p.getTeam()
                      ? "team"
                      : p.getToList().isEmpty() ? "everyone" : String.join(" ", p.getToList())))
          .append(',')
          .append(p.getTeam() ? "yes" : "no")
          .append(',')
          .append(cell(p.getText()))
          .append("\r\n");
    }
    return b.toString();
  }

  // RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. A cell that a
  // spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
  static String cell(String s) {
    String v = s;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
