package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.Hello;
import org.entente.proto.v1.Ping;
import org.entente.proto.v1.ServerMessage;

/** Shared helpers for the network tests: configs, frames, embedded pipelines. */
final class NetTesting {
  private NetTesting() {}

  static ServerConfig config(int perSecond, Duration idle) {
    return new ServerConfig("127.0.0.1", 0, Path.of("data"), 1024, perSecond, idle, 10, 100);
  }

  static ServerConfig config() {
    return config(100, Duration.ofSeconds(30));
  }

  static ClientMessage ping(String requestId) {
    return ClientMessage.newBuilder()
        .setRequestId(requestId)
        .setPing(Ping.getDefaultInstance())
        .build();
  }

  static ClientMessage hello(String requestId, String client) {
    return ClientMessage.newBuilder()
        .setRequestId(requestId)
        .setHello(Hello.newBuilder().setMajor(1).setClient(client))
        .build();
  }

  /** A (varint32 length, bytes) frame. */
  static byte[] frame(ClientMessage message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      message.writeDelimitedTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** A channel with the server's whole pipeline, before the first byte. */
  static EmbeddedChannel channel(ServerConfig config, MessageHandler handler, LongSupplier ticker) {
    return channel(config, handler, StaticFiles.none(), Map.of(), ticker);
  }

  static EmbeddedChannel channel(
      ServerConfig config,
      MessageHandler handler,
      StaticFiles files,
      Map<String, HttpRoute> routes,
      LongSupplier ticker) {
    return new EmbeddedChannel(
        new NetInitializer(config, handler, files, routes, WriteLimits.defaults(config), ticker));
  }

  static void writeBytes(EmbeddedChannel channel, byte[] bytes) {
    channel.writeInbound(Unpooled.wrappedBuffer(bytes));
  }

  /** Every outbound byte so far, concatenated. */
  static byte[] outboundBytes(EmbeddedChannel channel) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object o; (o = channel.readOutbound()) != null; ) {
      ByteBuf buf = (ByteBuf) o;
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      buf.release();
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  /** Every varint-framed ServerMessage written so far. */
  static List<ServerMessage> replies(EmbeddedChannel channel) {
    byte[] bytes = outboundBytes(channel);
    List<ServerMessage> messages = new ArrayList<>();
    try (InputStream in = new ByteBufInputStream(Unpooled.wrappedBuffer(bytes), true)) {
      for (ServerMessage m; (m = ServerMessage.parseDelimitedFrom(in)) != null; ) {
        messages.add(m);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return messages;
  }

  static void assertError(ServerMessage message, ErrorCode code, String requestId) {
    assertThat(message.hasError()).as("an Error, got %s", message).isTrue();
    assertThat(message.getError().getCode()).isEqualTo(code);
    assertThat(message.getError().getRequestId()).isEqualTo(requestId);
    assertThat(message.getRequestId()).isEqualTo(requestId);
  }
}
