package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.net.ChannelConnection.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The WebSocket codec, socketless: JSON text and binary frames, replies in the client's format. */
class WebSocketMessageCodecTest {
  private final StubHandler handler = new StubHandler();
  private final EmbeddedChannel channel = new EmbeddedChannel();

  WebSocketMessageCodecTest() {
    ChannelConnection connection = new ChannelConnection(channel, Transport.WEBSOCKET, 7, 1 << 20);
    channel
        .pipeline()
        .addLast(
            new WebSocketMessageCodec(),
            new ConnectionHandler(
                connection,
                handler,
                new TokenBucket(100, System::nanoTime),
                100,
                Duration.ofSeconds(30),
                Duration.ofSeconds(30)));
  }

  @AfterEach
  void releaseAll() {
    channel.finishAndReleaseAll();
  }

  private ServerMessage readText() throws Exception {
    Object out = channel.readOutbound();
    assertThat(out).isInstanceOf(TextWebSocketFrame.class);
    TextWebSocketFrame frame = (TextWebSocketFrame) out;
    try {
      ServerMessage.Builder builder = ServerMessage.newBuilder();
      JsonFormat.parser().merge(frame.text(), builder);
      return builder.build();
    } finally {
      frame.release();
    }
  }

  private ServerMessage readBinary() throws Exception {
    Object out = channel.readOutbound();
    assertThat(out).isInstanceOf(BinaryWebSocketFrame.class);
    BinaryWebSocketFrame frame = (BinaryWebSocketFrame) out;
    try {
      return ServerMessage.parseFrom(frame.content().nioBuffer());
    } finally {
      frame.release();
    }
  }

  @Test
  void aJsonTextFrameGetsAJsonTextReply() throws Exception {
    channel.writeInbound(
        new TextWebSocketFrame("{\"requestId\":\"j1\",\"ping\":{},\"someFutureField\":3}"));

    assertThat(handler.opened.get(0).id()).startsWith("ws-7 ");
    assertThat(handler.received.get(0).getRequestId()).isEqualTo("j1");
    ServerMessage reply = readText();
    assertThat(reply.hasPong()).isTrue();
    assertThat(reply.getRequestId()).isEqualTo("j1");
  }

  @Test
  void repliesFollowTheFormatTheClientLastUsed() throws Exception {
    channel.writeInbound(
        new BinaryWebSocketFrame(Unpooled.wrappedBuffer(NetTesting.ping("b1").toByteArray())));
    assertThat(readBinary().getRequestId()).isEqualTo("b1");

    channel.writeInbound(new TextWebSocketFrame("{\"requestId\":\"t2\",\"ping\":{}}"));
    assertThat(readText().getRequestId()).isEqualTo("t2");

    // A push from the game goes out in the current format too.
    handler.opened.get(0).send(ServerMessage.newBuilder().setRequestId("push").build());
    assertThat(readText().getRequestId()).isEqualTo("push");
  }

  @Test
  void aTextFrameThatIsNotAClientMessageIsMalformedInJson() throws Exception {
    channel.writeInbound(new TextWebSocketFrame("{\"requestId\": 12, \"ping\": [}"));

    ServerMessage reply = readText();
    assertThat(reply.getError().getCode()).isEqualTo(ErrorCode.MALFORMED_FRAME);
    Object close = channel.readOutbound();
    assertThat(close).isInstanceOf(CloseWebSocketFrame.class);
    assertThat(((CloseWebSocketFrame) close).statusCode())
        .isEqualTo(WebSocketCloseStatus.INVALID_PAYLOAD_DATA.code());
    ReferenceCountUtil.release(close);
    assertThat(channel.isOpen()).isFalse();
    assertThat(handler.closes).hasValue(1);
  }

  @Test
  void deeplyNestedJsonIsRefusedNotFatal() throws Exception {
    String deep = "{\"requestId\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}";
    channel.writeInbound(new TextWebSocketFrame(deep));

    assertThat(readText().getError().getCode()).isEqualTo(ErrorCode.MALFORMED_FRAME);
  }

  @Test
  void binaryGarbageIsMalformed() throws Exception {
    ByteBuf garbage = Unpooled.wrappedBuffer(new byte[] {0x0a, 0x09, 'x'});
    channel.writeInbound(new BinaryWebSocketFrame(garbage));

    assertThat(readBinary().getError().getCode()).isEqualTo(ErrorCode.MALFORMED_FRAME);
  }

  @Test
  void anUnknownBodyInJsonIsAnUnknownMessage() throws Exception {
    channel.writeInbound(new TextWebSocketFrame("{\"requestId\":\"f\",\"teleport\":{}}"));

    ServerMessage reply = readText();
    assertThat(reply.getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_MESSAGE);
    assertThat(reply.getError().getRequestId()).isEqualTo("f");
    assertThat(channel.isOpen()).isTrue();
  }
}
