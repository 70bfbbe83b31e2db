package org.entente.server.net;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ServerMessage;

/**
 * Turns WebSocket data frames into {@link ClientMessage}s (binary frames: protobuf bytes; text
 * frames: protobuf's JSON mapping) and {@link ServerMessage}s and {@link SplicedMessage}s into
 * frames of the format the client last used (binary until the client sends text).
 *
 * <p>Both directions run on the channel's event loop, so the format needs no locking.
 */
final class WebSocketMessageCodec extends MessageToMessageCodec<WebSocketFrame, Object> {
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().omittingInsignificantWhitespace();

  private boolean text;

  WebSocketMessageCodec() {
    super(WebSocketFrame.class, Object.class);
  }

  @Override
  public boolean acceptOutboundMessage(Object msg) {
    return ServerMessageEncoder.encodes(msg);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
    if (frame instanceof TextWebSocketFrame textFrame) {
      text = true;
      out.add(parseJson(textFrame.text()));
    } else if (frame instanceof BinaryWebSocketFrame) {
      text = false;
      out.add(ClientMessageDecoder.parse(frame.content()));
    }
    // Control frames are answered by WebSocketServerProtocolHandler and continuations are joined
    // by WebSocketFrameAggregator before this point; nothing else reaches here.
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Object message, List<Object> out) {
    if (text) {
      ServerMessage whole =
          message instanceof SplicedMessage s ? s.whole() : (ServerMessage) message;
      try {
        out.add(new TextWebSocketFrame(PRINTER.print(whole)));
      } catch (InvalidProtocolBufferException e) {
        throw new EncoderException("cannot print a ServerMessage as JSON", e);
      }
    } else {
      out.add(new BinaryWebSocketFrame(ServerMessageEncoder.bare(ctx, message)));
    }
  }

  /** True once the client's last data frame was text. */
  boolean text() {
    return text;
  }

  /**
   * A text frame's message, read strictly ({@link StrictJson}): a mistake is refused with an error
   * naming the field, and the connection stays open ({@link StrictJson.Refusal}).
   */
  static ClientMessage parseJson(String json) {
    return StrictJson.parse(json);
  }
}
