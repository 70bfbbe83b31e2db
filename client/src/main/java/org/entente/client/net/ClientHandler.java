package org.entente.client.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import org.entente.proto.v1.ServerMessage;

/**
 * The last handler of a client pipeline: tells the client when the connection is ready (TCP
 * connected, or WebSocket handshake done), hands it every decoded message, and reports the close.
 * Runs on the channel's event loop; the client moves everything user-visible off it.
 */
final class ClientHandler extends SimpleChannelInboundHandler<ServerMessage> {
  private final EntenteClient client;
  private final boolean webSocket;

  ClientHandler(EntenteClient client, boolean webSocket) {
    this.client = client;
    this.webSocket = webSocket;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (!webSocket) {
      client.onReady(ctx.channel());
    }
    super.channelActive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent e && e.state() == IdleState.WRITER_IDLE) {
      client.onWriterIdle();
      return;
    }
    if (webSocket && evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
      client.onReady(ctx.channel());
    } else if (webSocket && evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
      client.onTransportError(new IllegalStateException("WebSocket handshake timed out"));
      ctx.close();
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ServerMessage msg) {
    client.onMessage(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    client.onInactive();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    client.onTransportError(cause);
    ctx.close();
  }
}
