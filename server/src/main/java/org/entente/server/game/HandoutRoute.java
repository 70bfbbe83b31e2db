package org.entente.server.game;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.entente.proto.v1.GameLinks;
import org.entente.proto.v1.Role;
import org.entente.proto.v1.SeatLink;
import org.entente.server.net.HttpRoute;

/**
 * {@code GET /handout/{game}?token=T}: a printable page for the instructor to cut up and hand out,
 * one card per seat people play (the state, its join code, its link and the link as a QR code), and
 * one for observers. The QR codes are drawn here as SVG (no outside service). Only the game's
 * instructor token opens it, since it holds every seat's secret.
 */
final class HandoutRoute implements HttpRoute {
  private final Lobby lobby;

  HandoutRoute(Lobby lobby) {
    this.lobby = lobby;
  }

  @Override
  public CompletionStage<Response> handle(Request request) {
    if (!request.method().equals("GET")) {
      return CompletableFuture.completedFuture(Response.text(405, "only GET"));
    }
    String id = request.path().substring("/handout/".length());
    LiveGame g = lobby.game(id);
    if (g == null) {
      return CompletableFuture.completedFuture(Response.text(404, "no game '" + id + "'"));
    }
    // links relative to the server (no public address known) are completed with the Host the
    // instructor's browser used, so the QR codes hold whole URLs
    String host = request.headers().getOrDefault("host", "");
    String origin = host.isEmpty() ? "" : "http://" + host;
    List<String> t = request.query().get("token");
    String token = t == null || t.isEmpty() ? "" : t.get(0);
    CompletableFuture<Response> out = new CompletableFuture<>();
    g.execute(
        () -> {
          LiveGame.Member m = token.isEmpty() ? null : g.member(token);
          if (m == null || m.role() != Role.INSTRUCTOR) {
            out.complete(
                Response.text(403, "the handout needs the game's instructor token (?token=...)"));
            return;
          }
          String html =
              page(g.settings.name(), g.id, g.world.name(), absolute(Links.of(g), origin));
          out.complete(
              new Response(
                  200,
                  "text/html; charset=utf-8",
                  html.getBytes(StandardCharsets.UTF_8),
                  Map.of("Cache-Control", "no-store")));
        });
    return out;
  }

  /** {@code links} with every link that starts with "/" prefixed by {@code origin}. */
  static GameLinks absolute(GameLinks links, String origin) {
    if (origin.isEmpty() || !links.getBaseUrl().isEmpty()) {
      return links;
    }
    GameLinks.Builder b = links.toBuilder().setBaseUrl(origin + "/");
    for (SeatLink.Builder s : b.getSeatsBuilderList()) {
      s.setJoinUrl(origin + s.getJoinUrl());
    }
    if (b.hasObservers()) {
      b.getObserversBuilder().setJoinUrl(origin + b.getObservers().getJoinUrl());
    }
    return b.build();
  }

  static String page(String name, String gameId, String scenario, GameLinks links) {
    StringBuilder b = new StringBuilder();
    b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Seat cards: ")
        .append(esc(name))
        .append("</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:1.5rem;color:#111}")
        .append("h1{font-size:1.4rem;margin:0 0 .2rem}p.lead{margin:0 0 1rem;color:#333}")
        .append(".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));")
        .append("gap:1rem}")
        .append(".card{border:2px dashed #555;border-radius:.5rem;padding:1rem;")
        .append("break-inside:avoid;page-break-inside:avoid}")
        .append(".card h2{font-size:1.25rem;margin:0 0 .5rem}")
        .append(".code{font:700 1.6rem/1.2 ui-monospace,monospace;letter-spacing:.08em}")
        .append(".url{font:.8rem ui-monospace,monospace;word-break:break-all}")
        .append("svg.qr{width:11rem;height:11rem;display:block;margin:.5rem 0}")
        .append("@media print{body{margin:0}.noprint{display:none}}")
        .append("</style></head><body>\n");
    b.append("<h1>")
        .append(esc(name))
        .append("</h1>\n<p class=\"lead\">Game <strong>")
        .append(esc(gameId))
        .append("</strong> · ")
        .append(esc(scenario))
        .append(
            ". Each card takes one seat: scan the QR code, open the link, or type the join code")
        .append(" on the start page, ")
        .append(esc(links.getBaseUrl().isEmpty() ? "/" : links.getBaseUrl()))
        .append(". Several students may share one state.</p>\n")
        .append("<p class=\"noprint\">Print this page from the browser (Ctrl+P) and cut the")
        .append(" cards apart.</p>\n")
        .append("<div class=\"cards\">\n");
    for (SeatLink s : links.getSeatsList()) {
      card(b, s.getName() + " (" + s.getState() + ")", s, "seat-" + s.getState());
    }
    if (links.hasObservers()) {
      card(b, "Observers (public view only)", links.getObservers(), "observers");
    }
    b.append("</div>\n</body></html>\n");
    return b.toString();
  }

  private static void card(StringBuilder b, String title, SeatLink s, String id) {
    b.append("<section class=\"card\" id=\"")
        .append(esc(id))
        .append("\"><h2>")
        .append(esc(title))
        .append("</h2><div>Join code</div><div class=\"code\">")
        .append(esc(s.getCode()))
        .append("</div>")
        .append(qrSvg(s.getJoinUrl(), "QR code of the link for " + title))
        .append("<div class=\"url\"><a href=\"")
        .append(esc(s.getJoinUrl()))
        .append("\">")
        .append(esc(s.getJoinUrl()))
        .append("</a></div></section>\n");
  }

  /** {@code text} as a QR code (error correction M, a quiet zone of 2 modules), in SVG. */
  static String qrSvg(String text, String label) {
    BitMatrix m;
    try {
      m =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.MARGIN,
                      2,
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot draw a QR code of " + text, e);
    }
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        if (m.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + m.getWidth()
        + " "
        + m.getHeight()
        + "\" role=\"img\" aria-label=\""
        + esc(label)
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
