package org.entente.server.game;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.entente.proto.v1.GameLinks;
import org.entente.proto.v1.SeatLink;

/**
 * The links a game hands out, all built from the address students use (see {@code serve
 * --public-url}): join links carry the seat's secret, the instructor's carry its token. Without a
 * known address they start with "/" (relative to the server).
 */
final class Links {
  private Links() {}

  /** The base every link starts with: the public URL ending in "/", or "/". */
  static String base(String publicUrl) {
    if (publicUrl == null || publicUrl.isBlank()) {
      return "/";
    }
    return publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
  }

  /**
   * The links of {@code g} as they stand (on the game's executor), the instructor's carrying {@code
   * token}: the token of the instructor they are for, so a console opened with the instructor key
   * never sees another instructor's token.
   */
  static GameLinks of(LiveGame g, String token) {
    String base = base(g.publicBase.get());
    String game = enc(g.id);
    GameLinks.Builder b = GameLinks.newBuilder().setBaseUrl(base.equals("/") ? "" : base);
    // a game recovered from its journal knows only hashes of its members' tokens: the links
    // that carry the token are then left empty (the instructor's page holds the token)
    if (token != null && !token.isEmpty() && !org.entente.server.journal.TokenHash.isHash(token)) {
      b.setConsoleUrl(base + "#/instructor/" + token)
          .setReplayUrl(base + "#/replay/" + token)
          .setDebriefUrl(base + "#/debrief/" + game + "/" + token)
          .setHandoutUrl(base + "handout/" + game + "?token=" + token);
    }
    for (var n : g.world.start()) {
      Seat seat = g.seats.get(n.id());
      if (seat.reservedForBot() || seat.secret == null) {
        continue;
      }
      b.addSeats(
          SeatLink.newBuilder()
              .setState(n.id())
              .setName(n.name())
              .setSecret(seat.secret)
              .setCode(JoinSecrets.code(seat.secret))
              .setJoinUrl(base + "#/join/" + game + "/" + enc(n.id()) + "/" + seat.secret));
    }
    if (g.observerSecret != null) {
      b.setObservers(
          SeatLink.newBuilder()
              .setName("observers")
              .setSecret(g.observerSecret)
              .setCode(JoinSecrets.code(g.observerSecret))
              .setJoinUrl(base + "#/watch/" + game + "/" + g.observerSecret));
    }
    return b.build();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
