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
 * <p>With TLS set ({@code --tls-cert}), a connection that starts with a TLS handshake record gets
 * the TLS handler and a second unification behind it, which chooses the face from the decrypted
 * bytes: raw TCP protobuf, HTTP and WebSocket all work inside TLS.
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
    /** JSON written straight to the socket: told to use WebSocket text frames, then closed. */
    JSON,
    UNDECIDED
  }

  /** The longest method name a request line may start with ("OPTIONS", "CONNECT"...). */
  private static final int MAX_METHOD = 10;

  private static final List<byte[]> METHODS =
      List.of("GET ", "POST ", "PUT ", "HEAD ", "DELETE ", "OPTIONS ", "PATCH ").stream()
          .map(m -> m.getBytes(StandardCharsets.US_ASCII))
          .toList();

  private final NetInitializer faces;
  private final boolean serverFull;
  // true for the second unification, behind the TLS handler: the bytes it sees are decrypted
  private final boolean insideTls;
  private boolean refused;

  PortUnification(NetInitializer faces, boolean serverFull) {
    this(faces, serverFull, false);
  }

  PortUnification(NetInitializer faces, boolean serverFull, boolean insideTls) {
    this.faces = faces;
    this.serverFull = serverFull;
    this.insideTls = insideTls;
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
    if (undecided || readable == 0) {
      return Face.UNDECIDED;
    }
    Face json = sniffJson(in, start, readable);
    if (json != Face.TCP) {
      return json;
    }
    return sniffMethod(in, start, readable);
  }

  /**
   * JSON: "{" then JSON white space then a quote or "}". A TCP frame of 123 bytes (0x7B) starts so
   * only if its next byte is a field tag; the only tag among those bytes is 0x0A (a request id),
   * and then the request id's length byte would have to be a quote (34), so "{" LF QUOTE is read as
   * JSON (a raw TCP client whose first frame is 123 bytes long with a 34-byte request id would be
   * misread; such a client should use a shorter request id for its Hello).
   */
  private static Face sniffJson(ByteBuf in, int start, int readable) {
    if (in.getByte(start) != '{') {
      return Face.TCP;
    }
    for (int i = 1; i < readable; i++) {
      byte b = in.getByte(start + i);
      if (b == '"' || b == '}') {
        return Face.JSON;
      }
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return Face.TCP;
      }
    }
    return Face.UNDECIDED;
  }

  /**
   * Another HTTP method ("CONNECT ", "TRACE ", "PRI "): capital letters then a space, read as HTTP
   * (which answers it). A TCP frame cannot start so: its Hello's first field tag is never a capital
   * letter.
   */
  private static Face sniffMethod(ByteBuf in, int start, int readable) {
    int n = Math.min(readable, MAX_METHOD + 1);
    for (int i = 0; i < n; i++) {
      byte b = in.getByte(start + i);
      if (b == ' ' && i >= 3) {
        return Face.HTTP;
      }
      if (b < 'A' || b > 'Z') {
        return Face.TCP;
      }
    }
    return readable > MAX_METHOD ? Face.TCP : Face.UNDECIDED;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (refused) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (!insideTls) {
      if (Tls.looksLikeTls(in)) {
        if (faces.tlsEnabled()) {
          // Decrypt first; a second unification behind the TLS handler sniffs the plain bytes.
          // Leaving the pipeline hands the bytes read so far to the TLS handler.
          faces.installTls(ctx, serverFull);
          ctx.pipeline().remove(this);
        } else {
          refused = true;
          in.skipBytes(in.readableBytes());
          faces.refuseTls(ctx.channel());
        }
        return;
      }
      if (Tls.mayBeTls(in)) {
        return;
      }
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
      case JSON -> {
        refused = true;
        in.skipBytes(in.readableBytes());
        faces.refuseJson(ctx.channel());
        return;
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
