package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.server.net.NetTesting.assertError;
import static org.entente.server.net.NetTesting.frame;
import static org.entente.server.net.NetTesting.outboundBytes;
import static org.entente.server.net.NetTesting.ping;
import static org.entente.server.net.NetTesting.replies;
import static org.entente.server.net.NetTesting.writeBytes;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.net.PortUnification.Face;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Port unification: the first bytes choose TCP or HTTP (or refuse raw JSON). */
class PortUnificationTest {
  private final StubHandler handler = new StubHandler();

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "'', UNDECIDED",
    "G, UNDECIDED",
    "GE, UNDECIDED",
    "GET, UNDECIDED",
    "'GET ', HTTP",
    "'GET /health HTTP/1.1', HTTP",
    "'POST /x', HTTP",
    "'HEAD /', HTTP",
    "OPTIO, UNDECIDED",
    "'OPTIONS *', HTTP",
    "'PATCH /', HTTP",
    "'PUT /', HTTP",
    "'DELETE /', HTTP",
    // capital letters could still start another method ("GX" is no method, "GXY " would be)
    "GX, UNDECIDED",
    "'GX1', TCP",
    "'GET/', TCP",
    "get, TCP",
    "P, UNDECIDED",
    "PO, UNDECIDED",
    "PZ, UNDECIDED",
    "'PZ0', TCP",
    // other HTTP methods are HTTP too, answered by the HTTP face instead of waiting for a frame
    "TRAC, UNDECIDED",
    "'TRACE /', HTTP",
    "'CONNECT host:1 HTTP/1.1', HTTP",
    "'PRI * HTTP/2.0', HTTP",
    "ABCDEFGHIJK, TCP",
    // JSON written straight to the socket
    "'{', UNDECIDED",
    "'{ ', UNDECIDED",
    "'{\"requestId\":\"1\"}', JSON",
    "'{ }', JSON",
    "'{x', TCP",
  })
  void sniffsTheFace(String start, Face expected) {
    assertThat(PortUnification.sniff(Unpooled.copiedBuffer(start, StandardCharsets.US_ASCII)))
        .isEqualTo(expected);
  }

  @Test
  void aTcpFrameIsNeverTakenForHttp() {
    assertThat(PortUnification.sniff(Unpooled.wrappedBuffer(frame(ping("1"))))).isEqualTo(Face.TCP);
    assertThat(PortUnification.sniff(Unpooled.wrappedBuffer(new byte[] {0}))).isEqualTo(Face.TCP);
  }

  @Test
  void httpBytesArrivingOneByOneInstallTheHttpFace() {
    EmbeddedChannel channel = NetTesting.channel(NetTesting.config(), handler, System::nanoTime);
    writeBytes(channel, "GE".getBytes(StandardCharsets.US_ASCII));
    assertThat(channel.pipeline().get(PortUnification.class)).isNotNull();
    assertThat(outboundBytes(channel)).isEmpty();

    writeBytes(
        channel,
        "T /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    assertThat(channel.pipeline().get(PortUnification.class)).isNull();
    assertThat(channel.pipeline().get(HttpServerCodec.class)).isNotNull();
    String response = new String(outboundBytes(channel), StandardCharsets.UTF_8);
    assertThat(response).startsWith("HTTP/1.1 200 OK").endsWith("{\"status\":\"ok\"}");
    assertThat(handler.opened).as("plain HTTP is no game connection").isEmpty();
  }

  @Test
  void tcpBytesInstallTheTcpFace() {
    EmbeddedChannel channel = NetTesting.channel(NetTesting.config(), handler, System::nanoTime);
    writeBytes(channel, frame(ping("t")));

    assertThat(channel.pipeline().get(PortUnification.class)).isNull();
    assertThat(channel.pipeline().get(VarintFrameDecoder.class)).isNotNull();
    assertThat(replies(channel)).extracting(ServerMessage::getRequestId).containsExactly("t");
  }

  @Test
  void overTheConnectionLimitATcpClientIsToldTheServerIsFull() {
    ServerConfig oneSeat =
        new ServerConfig("127.0.0.1", 0, Path.of("data"), 1024, 10, Duration.ofSeconds(30), 1, 1);
    // Channels set up by one initializer share its count.
    NetInitializer initializer =
        new NetInitializer(
            oneSeat,
            handler,
            StaticFiles.none(),
            Map.of(),
            WriteLimits.defaults(oneSeat),
            System::nanoTime);
    EmbeddedChannel a = new EmbeddedChannel(initializer);
    EmbeddedChannel b = new EmbeddedChannel(initializer);
    writeBytes(b, frame(ping("b")));

    List<ServerMessage> replies = replies(b);
    assertThat(replies).hasSize(1);
    assertError(replies.get(0), ErrorCode.SERVER_FULL, "");
    assertThat(replies.get(0).getError().getMessage()).startsWith("server full: 1 connections");
    assertThat(b.isOpen()).isFalse();
    assertThat(handler.opened).isEmpty();

    writeBytes(a, frame(ping("a")));
    assertThat(replies(a).get(0).hasPong()).isTrue();
  }
}
