package org.entente.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.entente.proto.v1.ErrorCode;

/**
 * Splits a TCP byte stream into frames of (varint32 length, payload), refusing a frame above the
 * limit as soon as its length is read, before any of it is buffered.
 *
 * <p>Like Netty's {@code ProtobufVarint32FrameDecoder}, with a maximum size. After a refusal it
 * discards everything that follows: the connection is being closed.
 */
final class VarintFrameDecoder extends ByteToMessageDecoder {
  private static final int MAX_VARINT32_BYTES = 5;

  private final int maxFrameBytes;
  private boolean failed;

  VarintFrameDecoder(int maxFrameBytes) {
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    int start = in.readerIndex();
    long length = 0;
    for (int i = 0; ; i++) {
      if (!in.isReadable()) {
        in.readerIndex(start); // the length itself is incomplete
        return;
      }
      byte b = in.readByte();
      length |= (long) (b & 0x7f) << (7 * i);
      if (b >= 0) {
        break;
      }
      if (i == MAX_VARINT32_BYTES - 1) {
        throw fail(in, ErrorCode.MALFORMED_FRAME, "frame length is not a varint32");
      }
    }
    if (length > maxFrameBytes) {
      throw fail(
          in,
          ErrorCode.FRAME_TOO_LARGE,
          "frame of " + length + " bytes exceeds the limit of " + maxFrameBytes + " bytes");
    }
    if (in.readableBytes() < length) {
      in.readerIndex(start);
      return;
    }
    out.add(in.readRetainedSlice((int) length));
  }

  private ProtocolException fail(ByteBuf in, ErrorCode code, String message) {
    failed = true;
    in.skipBytes(in.readableBytes());
    return new ProtocolException(code, message);
  }
}
