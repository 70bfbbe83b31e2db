package org.entente.client.net;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.util.List;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ServerMessage;

/**
 * One message per WebSocket frame: sends binary frames of protobuf bytes; reads binary frames, and
 * text frames in protobuf's JSON mapping. Control frames are left to Netty's protocol handler.
 */
final class WebSocketCodec extends MessageToMessageCodec<WebSocketFrame, ClientMessage> {

  @Override
  protected void encode(ChannelHandlerContext ctx, ClientMessage msg, List<Object> out) {
    out.add(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(msg.toByteArray())));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out)
      throws IOException {
    if (frame instanceof BinaryWebSocketFrame) {
      try (ByteBufInputStream in = new ByteBufInputStream(frame.content())) {
        out.add(ServerMessage.parseFrom(in));
      }
    } else if (frame instanceof TextWebSocketFrame text) {
      ServerMessage.Builder b = ServerMessage.newBuilder();
      try {
        JsonFormat.parser().ignoringUnknownFields().merge(text.text(), b);
      } catch (InvalidProtocolBufferException e) {
        throw new IOException("a text frame that is not a ServerMessage in JSON", e);
      }
      out.add(b.build());
    }
  }
}
