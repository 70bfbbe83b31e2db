package org.entente.server.net;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;

/** Parses one TCP frame's payload as a {@link ClientMessage}; anything else is MALFORMED_FRAME. */
final class ClientMessageDecoder extends MessageToMessageDecoder<ByteBuf> {

  ClientMessageDecoder() {
    super(ByteBuf.class);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
    out.add(parse(frame));
  }

  /** Parses protobuf bytes, turning a parse failure into a {@link ProtocolException}. */
  static ClientMessage parse(ByteBuf bytes) {
    int size = bytes.readableBytes();
    try {
      return ClientMessage.parseFrom(bytes.nioBuffer());
    } catch (InvalidProtocolBufferException e) {
      throw new ProtocolException(
          ErrorCode.MALFORMED_FRAME,
          "a frame of " + size + " bytes is not a ClientMessage: " + e.getMessage());
    }
  }
}
