package org.entente.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Chooses a connection's face from its first bytes: an HTTP request line installs the HTTP
 * handlers, anything else the raw TCP protobuf handlers; then it leaves the pipeline, handing on
 * the bytes it has read.
 *
 * <p>It waits while the bytes so far could still start a request line ("G", "GE"...). A TCP frame
 * never looks like one: a length of 128 or more starts with a byte above ASCII, and after a shorter
 * one comes a {@code ClientMessage} field tag, none of which continues a method name.
 */
final class PortUnification extends ByteToMessageDecoder {

  /** What the first bytes say. */
  enum Face {
    HTTP,
    TCP,
    UNDECIDED
  }

  private static final List<byte[]> METHODS =
      List.of("GET ", "POST ", "PUT ", "HEAD ", "DELETE ", "OPTIONS ", "PATCH ").stream()
          .map(m -> m.getBytes(StandardCharsets.US_ASCII))
          .toList();

  private final NetInitializer faces;
  private final boolean serverFull;
  private boolean refused;

  PortUnification(NetInitializer faces, boolean serverFull) {
    this.faces = faces;
    this.serverFull = serverFull;
  }

  /** Reads (without consuming) the start of {@code in}. */
  static Face sniff(ByteBuf in) {
    int readable = in.readableBytes();
    int start = in.readerIndex();
    boolean undecided = false;
    for (byte[] method : METHODS) {
      int n = Math.min(readable, method.length);
      boolean matches = true;
      for (int i = 0; i < n && matches; i++) {
        matches = in.getByte(start + i) == method[i];
      }
      if (matches && n == method.length) {
        return Face.HTTP;
      }
      undecided |= matches;
    }
    return undecided || readable == 0 ? Face.UNDECIDED : Face.TCP;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (refused) {
      in.skipBytes(in.readableBytes());
      return;
    }
    switch (sniff(in)) {
      case HTTP -> faces.installHttp(ctx.channel(), serverFull);
      case TCP -> {
        if (serverFull) {
          refused = true;
          in.skipBytes(in.readableBytes());
          faces.refuseTcp(ctx.channel());
          return;
        }
        faces.installTcp(ctx.channel());
      }
      case UNDECIDED -> {
        return;
      }
    }
    ctx.pipeline().remove(this);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      // Silent since it connected: only a TCP client waits without a word; tell it why in its
      // framing.
      faces.idleBeforeFirstBytes(ctx.channel());
    } else {
      super.userEventTriggered(ctx, event);
    }
  }
}
