package org.entente.server.game;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.entente.proto.v1.Role;
import org.entente.server.debrief.Debrief;
import org.entente.server.debrief.Debriefs;
import org.entente.server.debrief.Format;
import org.entente.server.debrief.Words;
import org.entente.server.history.GameHistory;
import org.entente.server.net.HttpRoute;
import org.entente.server.replay.Room;

/**
 * {@code GET /debrief/{game}?token=T[&format=html|md|json][&lang=en|ko][&state=S][&messages=0|1]}:
 * the debrief of a live or finished game (with {@code state}: that state's student part) as a
 * download. Only the instructor's token may fetch it, since the debrief shows every seat's
 * decisions; the history is read on the game's own executor.
 */
final class DebriefRoute implements HttpRoute {
  private final Lobby lobby;

  DebriefRoute(Lobby lobby) {
    this.lobby = lobby;
  }

  @Override
  public CompletionStage<Response> handle(Request request) {
    if (!request.method().equals("GET")) {
      return done(Response.text(405, "only GET"));
    }
    String id = request.path().substring("/debrief/".length());
    // a finished game kept in the data folder is read back from its journal on first use
    return lobby
        .gameOrShelved(id)
        .handle((g, e) -> g)
        .thenCompose(
            g ->
                g == null
                    ? done(Response.text(404, "no game '" + id + "'"))
                    : handle(request, id, g));
  }

  private CompletionStage<Response> handle(Request request, String id, LiveGame g) {
    // the token from the Authorization header (it stays out of URLs, histories and logs), else
    // from the query, as older clients send it
    String auth = request.headers().getOrDefault("authorization", "");
    String token =
        auth.regionMatches(true, 0, "Bearer ", 0, 7)
            ? auth.substring(7).trim()
            : first(request.query(), "token");
    Format format;
    Words lang;
    try {
      format =
          Format.parse(
              first(request.query(), "format").isEmpty()
                  ? "html"
                  : first(request.query(), "format"));
    } catch (IllegalArgumentException e) {
      return done(Response.text(400, "format: " + e.getMessage()));
    }
    try {
      lang = Words.parse(first(request.query(), "lang"));
    } catch (IllegalArgumentException e) {
      return done(Response.text(400, "lang: " + e.getMessage()));
    }
    String state = first(request.query(), "state");
    String messages = first(request.query(), "messages");
    if (!messages.isEmpty() && !messages.equals("0") && !messages.equals("1")) {
      return done(Response.text(400, "messages: 1 (shown, the default) or 0 (left out)"));
    }
    Debrief.Options options =
        new Debrief.Options(null, !messages.equals("0"), state.isEmpty() ? null : state);
    CompletableFuture<Response> out = new CompletableFuture<>();
    g.execute(
        () -> {
          LiveGame.Member m = token.isEmpty() ? null : g.member(token);
          if (m == null || m.role() != Role.INSTRUCTOR) {
            out.complete(
                Response.text(
                    403,
                    "the debrief needs the game's instructor token (Authorization: Bearer TOKEN,"
                        + " or ?token=...)"));
            return;
          }
          GameHistory history = g.history();
          Room room;
          try {
            room = lobby.room(id);
          } catch (java.io.IOException e) {
            out.complete(
                Response.text(500, "cannot read the game's journal for the debrief: " + e));
            return;
          }
          Debrief d;
          try {
            // the JSON form is data: its sentences stay in English whatever the language
            d =
                Debrief.of(
                    history,
                    room == null ? Room.of(history) : room,
                    options,
                    format == Format.JSON ? Words.EN : lang);
          } catch (IllegalArgumentException e) {
            out.complete(Response.text(400, "state: " + e.getMessage()));
            return;
          }
          byte[] body = Debriefs.render(d, format, lang).getBytes(StandardCharsets.UTF_8);
          String ext = format == Format.HTML ? "html" : format == Format.MD ? "md" : "json";
          String type =
              format == Format.HTML
                  ? "text/html; charset=utf-8"
                  : format == Format.MD ? "text/markdown; charset=utf-8" : "application/json";
          out.complete(
              new Response(
                  200,
                  type,
                  body,
                  Map.of(
                      "Content-Disposition",
                      "attachment; filename=\"" + id + "-debrief." + ext + "\"")));
        });
    return out;
  }

  private static String first(Map<String, List<String>> query, String key) {
    List<String> v = query.get(key);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  private static CompletionStage<Response> done(Response r) {
    return CompletableFuture.completedFuture(r);
  }
}
