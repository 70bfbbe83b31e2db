package org.entente.server.net;

import com.google.protobuf.CodedOutputStream;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.entente.proto.v1.ServerMessage;

/**
 * Encodes a {@link ServerMessage} or a {@link SplicedMessage} straight into one buffer of exactly
 * its size, as a TCP frame (varint length, then the message) or bare (a WebSocket frame's payload):
 * no intermediate byte array, no second copy.
 */
@Sharable
final class ServerMessageEncoder extends MessageToByteEncoder<Object> {
  static final ServerMessageEncoder TCP = new ServerMessageEncoder();

  private ServerMessageEncoder() {
    super(Object.class);
  }

  /** True for what this encoder writes: {@link ServerMessage}s and {@link SplicedMessage}s. */
  static boolean encodes(Object msg) {
    return msg instanceof ServerMessage || msg instanceof SplicedMessage;
  }

  @Override
  public boolean acceptOutboundMessage(Object msg) {
    return encodes(msg);
  }

  @Override
  protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Object msg, boolean preferDirect) {
    int size = sizeOf(msg);
    return ctx.alloc().ioBuffer(CodedOutputStream.computeUInt32SizeNoTag(size) + size);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Object msg, ByteBuf out) {
    write(msg, true, out);
  }

  /** The message's encoded size, without a length prefix. */
  static int sizeOf(Object msg) {
    return msg instanceof SplicedMessage s
        ? s.serializedSize()
        : ((ServerMessage) msg).getSerializedSize();
  }

  /** The message alone, in a buffer of {@code ctx}'s allocator (a WebSocket frame's payload). */
  static ByteBuf bare(ChannelHandlerContext ctx, Object msg) {
    ByteBuf out = ctx.alloc().buffer(sizeOf(msg));
    write(msg, false, out);
    return out;
  }

  private static void write(Object msg, boolean framed, ByteBuf out) {
    int size = sizeOf(msg);
    int length = framed ? CodedOutputStream.computeUInt32SizeNoTag(size) + size : size;
    out.ensureWritable(length);
    int start = out.writerIndex();
    ByteBuffer target = out.nioBufferCount() == 1 ? out.internalNioBuffer(start, length) : null;
    CodedOutputStream cos;
    byte[] scratch = null;
    if (target != null) {
      cos = CodedOutputStream.newInstance(target);
    } else {
      scratch = new byte[length];
      cos = CodedOutputStream.newInstance(scratch);
    }
    try {
      if (framed) {
        cos.writeUInt32NoTag(size);
      }
      if (msg instanceof SplicedMessage s) {
        s.writeTo(cos);
      } else {
        ((ServerMessage) msg).writeTo(cos);
      }
      cos.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an encoder over a buffer does not throw
    }
    cos.checkNoSpaceLeft();
    if (scratch != null) {
      out.writeBytes(scratch);
    } else {
      out.writerIndex(start + length);
    }
  }
}
