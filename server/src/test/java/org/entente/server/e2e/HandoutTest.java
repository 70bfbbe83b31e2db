package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.client.net.EntenteClient;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.SeatLink;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.entente.server.net.StaticFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printable handout over real HTTP: one card per people's seat and one for observers, each with
 * its code, its link from the public address, and a QR code that a QR reader decodes back to that
 * link; only the instructor's token opens it.
 */
class HandoutTest {
  @TempDir Path data;
  Lobby lobby;
  NetServer server;
  EntenteClient instructor;

  @BeforeEach
  void start() throws Exception {
    ServerConfig config = Loopback.config(data, 10_000);
    lobby = new Lobby(config, GameClock.system(), new DirectoryJournalStore(data));
    lobby.publicUrl("http://10.1.2.3:7470");
    server =
        new NetServer(config, lobby, StaticFiles.none(), Map.of("/handout/", lobby.handoutRoute()));
    server.start();
    instructor = EntenteClient.connect("127.0.0.1", server.port()).get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    instructor.close();
    server.close();
    lobby.shutdown();
  }

  HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theHandoutHasACardPerSeatWithACodeALinkAndAQrCodeOfTheLink() throws Exception {
    GameCreated g =
        instructor
            .createGame(
                CreateGame.newBuilder()
                    .setScenario("europe-1914")
                    .setSeed(1)
                    .setName("Tuesday <seminar>")
                    .putBots("BEL", "hider")
                    .build())
            .get(10, TimeUnit.SECONDS);
    String url = g.getLinks().getHandoutUrl();
    assertThat(url).startsWith("http://10.1.2.3:7470/handout/" + g.getGameId() + "?token=");
    HttpResponse<String> page = get(url.substring("http://10.1.2.3:7470".length()));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    String html = page.body();
    assertThat(html).contains("Tuesday &lt;seminar&gt;").doesNotContain("<seminar>");
    List<SeatLink> cards = new ArrayList<>(g.getLinks().getSeatsList());
    cards.add(g.getLinks().getObservers());
    assertThat(g.getLinks().getSeatsList())
        .extracting(SeatLink::getState)
        .doesNotContain("BEL")
        .contains("GMY", "FRN", "UKG");
    for (SeatLink s : cards) {
      String id = s.getState().isEmpty() ? "observers" : "seat-" + s.getState();
      Matcher card =
          Pattern.compile("<section class=\"card\" id=\"" + id + "\">(.*?)</section>")
              .matcher(html);
      assertThat(card.find()).as("a card for %s", id).isTrue();
      String body = card.group(1);
      assertThat(body).contains(s.getCode()).contains(s.getJoinUrl());
      assertThat(decodeQr(body)).as("the QR code of %s", id).isEqualTo(s.getJoinUrl());
    }
    assertThat(html).doesNotContain("seat-BEL").doesNotContain("http://127.0.0.1");

    assertThat(get("/handout/" + g.getGameId() + "?token=nope").statusCode()).isEqualTo(403);
    assertThat(get("/handout/" + g.getGameId()).statusCode()).isEqualTo(403);
    assertThat(get("/handout/g999-none?token=" + g.getInstructorToken()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void withoutAPublicAddressTheHandoutLinksUseTheAddressTheInstructorOpenedItAt() throws Exception {
    lobby.publicUrl("");
    GameCreated g =
        instructor
            .createGame(CreateGame.newBuilder().setScenario("tutorial").setSeed(2).build())
            .get(10, TimeUnit.SECONDS);
    assertThat(g.getLinks().getBaseUrl()).isEmpty();
    assertThat(g.getLinks().getHandoutUrl()).startsWith("/handout/");
    String html = get(g.getLinks().getHandoutUrl()).body();
    String origin = "http://127.0.0.1:" + server.port();
    for (SeatLink s : g.getLinks().getSeatsList()) {
      Matcher card =
          Pattern.compile(
                  "<section class=\"card\" id=\"seat-" + s.getState() + "\">(.*?)</section>")
              .matcher(html);
      assertThat(card.find()).isTrue();
      assertThat(decodeQr(card.group(1))).isEqualTo(origin + s.getJoinUrl());
    }
  }

  /** Reads the card's SVG QR code back into pixels and decodes it with ZXing's reader. */
  static String decodeQr(String card) throws Exception {
    Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(card);
    assertThat(box.find()).isTrue();
    int w = Integer.parseInt(box.group(1));
    int h = Integer.parseInt(box.group(2));
    int scale = 4;
    int[] pixels = new int[w * scale * h * scale];
    java.util.Arrays.fill(pixels, 0xFFFFFFFF);
    Matcher d = Pattern.compile("<path fill=\"#000\" d=\"([^\"]*)\"").matcher(card);
    assertThat(d.find()).isTrue();
    Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(d.group(1));
    int dark = 0;
    while (module.find()) {
      int x = Integer.parseInt(module.group(1));
      int y = Integer.parseInt(module.group(2));
      for (int dy = 0; dy < scale; dy++) {
        for (int dx = 0; dx < scale; dx++) {
          pixels[(y * scale + dy) * w * scale + x * scale + dx] = 0xFF000000;
        }
      }
      dark++;
    }
    assertThat(dark).isGreaterThan(100);
    var bitmap =
        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w * scale, h * scale, pixels)));
    return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
  }
}
