package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.JsonFormat;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on the one port over real sockets, with a self-signed certificate made for the test by the
 * JDK's keytool: https, wss and raw TCP protobuf inside TLS, plain clients still served, and a
 * certificate or key that cannot be used refused at start with the file named.
 */
class TlsTest {
  @TempDir static Path keys;
  static Path cert;
  static Path key;
  static Path otherKey;
  static SSLContext clientTls;

  Lobby lobby;
  NetServer server;

  /** keytool makes a key pair and certificate for 127.0.0.1; the test writes them out as PEM. */
  @BeforeAll
  static void makeCertificate() throws Exception {
    cert = keys.resolve("cert.pem");
    key = keys.resolve("key.pem");
    otherKey = keys.resolve("other-key.pem");
    Path store = keystore("server", "san=ip:127.0.0.1,dns:localhost");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(store.toFile())) {
      ks.load(in, "changeit".toCharArray());
    }
    Certificate c = ks.getCertificate("server");
    Files.writeString(cert, pem("CERTIFICATE", c.getEncoded()));
    Files.writeString(
        key, pem("PRIVATE KEY", ks.getKey("server", "changeit".toCharArray()).getEncoded()));
    KeyStore other = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(keystore("other", "dns:localhost").toFile())) {
      other.load(in, "changeit".toCharArray());
    }
    Files.writeString(
        otherKey, pem("PRIVATE KEY", other.getKey("other", "changeit".toCharArray()).getEncoded()));

    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", c);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, tmf.getTrustManagers(), null);
  }

  private static Path keystore(String alias, String san) throws Exception {
    Path store = keys.resolve(alias + ".p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=entente-test",
                "-ext",
                san.startsWith("san=") ? san : "san=" + san,
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return store;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  void start() {
    ServerConfig config = Loopback.config();
    lobby = new Lobby(config, GameClock.system());
    server =
        new NetServer(
            config,
            lobby,
            new ClasspathStaticFiles(TlsTest.class.getClassLoader(), "web/"),
            Map.of(),
            Tls.load(cert, key));
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
      lobby.shutdown();
    }
  }

  @Test
  void httpsServesPagesAndHealthWithTheSecurityHeaders() throws Exception {
    start();
    HttpClient client =
        HttpClient.newBuilder().sslContext(clientTls).connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> health =
        client.send(
            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/health"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.sslSession()).isPresent();
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).containsIgnoringCase("<html");
    assertThat(page.headers().firstValue("content-security-policy")).isPresent();
  }

  @Test
  void wssCarriesJsonMessagesAndTheServersOwnHttpsOriginMayOpenIt() throws Exception {
    start();
    LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
    StringBuilder partial = new StringBuilder();
    WebSocket ws =
        HttpClient.newBuilder()
            .sslContext(clientTls)
            .build()
            .newWebSocketBuilder()
            .header("Origin", "https://127.0.0.1:" + server.port())
            .buildAsync(
                URI.create("wss://127.0.0.1:" + server.port() + "/ws"),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(
                      WebSocket webSocket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                      texts.add(partial.toString());
                      partial.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    ws.sendText("{\"requestId\":\"h\",\"hello\":{\"major\":1,\"client\":\"wss-test\"}}", true)
        .get(10, TimeUnit.SECONDS);
    String text = texts.poll(10, TimeUnit.SECONDS);
    assertThat(text).as("the welcome over wss").isNotNull();
    ServerMessage.Builder b = ServerMessage.newBuilder();
    JsonFormat.parser().merge(text, b);
    assertThat(b.getRequestId()).isEqualTo("h");
    assertThat(b.hasWelcome()).as(text).isTrue();

    ws.sendText("{\"requestId\":\"l\",\"listGames\":{}}", true).get(10, TimeUnit.SECONDS);
    String list = texts.poll(10, TimeUnit.SECONDS);
    assertThat(list).contains("\"requestId\":\"l\"");
    ws.abort();
  }

  @Test
  void rawProtobufFramesWorkInsideTlsAndPlainClientsAreStillServed() throws Exception {
    start();
    try (SSLSocket s =
        (SSLSocket) clientTls.getSocketFactory().createSocket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.startHandshake();
      ServerMessage welcome = ask(s, NetTesting.frame(NetTesting.hello("h1", "tls-bot")));
      assertThat(welcome.hasWelcome()).as(welcome.toString()).isTrue();
      assertThat(welcome.getRequestId()).isEqualTo("h1");
      ServerMessage pong = ask(s, NetTesting.frame(NetTesting.ping("p1")));
      assertThat(pong.getRequestId()).isEqualTo("p1");
      assertThat(pong.hasPong()).isTrue();
    }
    try (Socket plain = new Socket("127.0.0.1", server.port())) {
      plain.setSoTimeout(10_000);
      ServerMessage welcome = ask(plain, NetTesting.frame(NetTesting.hello("h2", "plain-bot")));
      assertThat(welcome.hasWelcome()).isTrue();
    }
  }

  @Test
  void aTlsClientOfAServerWithoutACertificateIsClosedNotAnsweredInTheClear() throws Exception {
    ServerConfig config = Loopback.config();
    lobby = new Lobby(config, GameClock.system());
    server = new NetServer(config, lobby, StaticFiles.none(), Map.of());
    server.start();
    try (SSLSocket s =
        (SSLSocket) clientTls.getSocketFactory().createSocket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      assertThatThrownBy(s::startHandshake).isInstanceOf(IOException.class);
    }
  }

  private static ServerMessage ask(Socket s, byte[] frame) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(frame);
    out.flush();
    ServerMessage m = ServerMessage.parseDelimitedFrom(s.getInputStream());
    assertThat(m).as("a reply").isNotNull();
    return m;
  }

  @Test
  void unusableFilesAreRefusedNamingTheFile() throws Exception {
    Path missing = keys.resolve("nope.pem");
    assertThatThrownBy(() -> Tls.load(missing, key))
        .hasMessageContaining("--tls-cert " + missing)
        .hasMessageContaining("no such file");
    Path garbage = keys.resolve("garbage.pem");
    Files.writeString(garbage, "not a certificate\n");
    assertThatThrownBy(() -> Tls.load(garbage, key))
        .hasMessageContaining("--tls-cert " + garbage)
        .hasMessageContaining("BEGIN CERTIFICATE");
    assertThatThrownBy(() -> Tls.load(cert, garbage))
        .hasMessageContaining("--tls-key " + garbage)
        .hasMessageContaining("BEGIN PRIVATE KEY");
    Path pkcs1 = keys.resolve("rsa.pem");
    Files.writeString(
        pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(() -> Tls.load(cert, pkcs1))
        .hasMessageContaining("--tls-key " + pkcs1)
        .hasMessageContaining("openssl pkcs8 -topk8");
    assertThatThrownBy(() -> Tls.load(cert, otherKey))
        .hasMessageContaining("--tls-key " + otherKey)
        .hasMessageContaining("is not the private key of the certificate CN=entente-test");
    Path broken = keys.resolve("broken-key.pem");
    Files.writeString(broken, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> Tls.load(cert, broken))
        .hasMessageContaining("--tls-key " + broken)
        .hasMessageContaining("not a readable RSA private key");
    assertThat(Tls.load(cert, key).description()).contains("CN=entente-test").contains("cert.pem");
    List.of(cert, key).forEach(p -> assertThat(Files.exists(p)).isTrue());
  }
}
