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
import org.entente.server.scenario.KoreanTexts;
import org.entente.server.scenario.ScenarioLoader;

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
    List<String> l = request.query().get("lang");
    String lang;
    if (l != null && !l.isEmpty()) {
      lang = l.get(0);
      if (!lang.equals("ko") && !lang.equals("en")) {
        return CompletableFuture.completedFuture(
            Response.text(400, "lang must be ko (Korean) or en (English), not '" + lang + "'"));
      }
    } else {
      lang = fromAcceptLanguage(request.headers().getOrDefault("accept-language", ""));
    }
    Texts words = lang.equals("ko") ? KO : EN;
    CompletableFuture<Response> out = new CompletableFuture<>();
    g.execute(
        () -> {
          LiveGame.Member m = token.isEmpty() ? null : g.member(token);
          if (m == null || m.role() != Role.INSTRUCTOR) {
            out.complete(
                Response.text(403, "the handout needs the game's instructor token (?token=...)"));
            return;
          }
          KoreanTexts ko =
              lang.equals("ko") ? ScenarioLoader.korean(g.world.id()) : KoreanTexts.NONE;
          String html =
              page(
                  words,
                  // a game named after its scenario (the default) takes the scenario's Korean name
                  !ko.name().isEmpty() && g.settings.name().equals(g.world.name())
                      ? ko.name()
                      : g.settings.name(),
                  g.id,
                  ko.name().isEmpty() ? g.world.name() : ko.name(),
                  absolute(Links.of(g, token), origin),
                  ko.stateNames(),
                  token);
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

  /** The page's words in one language. */
  record Texts(
      String lang,
      String title,
      String game,
      String lead,
      String lead2,
      String print,
      String observers,
      String joinCode,
      String qr,
      String other,
      String otherLabel) {}

  static final Texts EN =
      new Texts(
          "en",
          "Seat cards: ",
          "Game ",
          ". Each card takes one seat: scan the QR code, open the link, or type the join code"
              + " on the start page, ",
          ". Several students may share one state.",
          "Print this page from the browser (Ctrl+P) and cut the cards apart.",
          "Observers (public view only)",
          "Join code",
          "QR code of the link for ",
          "ko",
          "한국어");

  static final Texts KO =
      new Texts(
          "ko",
          "자리 카드: ",
          "게임 ",
          ". 카드 한 장이 자리 하나입니다. QR 코드를 찍거나, 링크를 열거나, 시작 페이지에서 참가 코드를" + " 입력하세요: ",
          ". 여러 학생이 한 국가를 함께 맡을 수 있습니다.",
          "브라우저에서 이 페이지를 인쇄(Ctrl+P)한 뒤 카드를 잘라 나눠 주세요.",
          "참관인 (공개 정보만)",
          "참가 코드",
          "링크 QR 코드: ",
          "en",
          "English");

  /** "ko" when the browser's first Korean-or-English language is Korean, else "en". */
  static String fromAcceptLanguage(String header) {
    for (String part : header.split(",")) {
      String tag = part.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
      if (tag.startsWith("ko")) {
        return "ko";
      }
      if (tag.startsWith("en")) {
        return "en";
      }
    }
    return "en";
  }

  static String page(String name, String gameId, String scenario, GameLinks links) {
    return page(EN, name, gameId, scenario, links, Map.of(), "");
  }

  static String page(
      Texts w,
      String name,
      String gameId,
      String scenario,
      GameLinks links,
      Map<String, String> stateNames,
      String token) {
    StringBuilder b = new StringBuilder();
    b.append("<!doctype html>\n<html lang=\"")
        .append(w.lang())
        .append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(w.title())
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
        .append("</h1>\n<p class=\"noprint lang\"><a lang=\"")
        .append(w.other())
        .append("\" href=\"?token=")
        .append(esc(token))
        .append("&amp;lang=")
        .append(w.other())
        .append("\">")
        .append(w.otherLabel())
        .append("</a></p>\n<p class=\"lead\">")
        .append(w.game())
        .append("<strong>")
        .append(esc(gameId))
        .append("</strong> · ")
        .append(esc(scenario))
        .append(w.lead())
        .append(esc(links.getBaseUrl().isEmpty() ? "/" : links.getBaseUrl()))
        .append(w.lead2())
        .append("</p>\n")
        .append("<p class=\"noprint\">")
        .append(w.print())
        .append("</p>\n")
        .append("<div class=\"cards\">\n");
    for (SeatLink s : links.getSeatsList()) {
      String shown = stateNames.getOrDefault(s.getState(), s.getName());
      card(b, w, shown + " (" + s.getState() + ")", s, "seat-" + s.getState());
    }
    if (links.hasObservers()) {
      card(b, w, w.observers(), links.getObservers(), "observers");
    }
    b.append("</div>\n</body></html>\n");
    return b.toString();
  }

  private static void card(StringBuilder b, Texts w, String title, SeatLink s, String id) {
    b.append("<section class=\"card\" id=\"")
        .append(esc(id))
        .append("\"><h2>")
        .append(esc(title))
        .append("</h2><div>")
        .append(w.joinCode())
        .append("</div><div class=\"code\">")
        .append(esc(s.getCode()))
        .append("</div>")
        .append(qrSvg(s.getJoinUrl(), w.qr() + title))
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
