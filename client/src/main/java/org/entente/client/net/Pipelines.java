package org.entente.client.net;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.protobuf.ProtobufDecoder;
import io.netty.handler.codec.protobuf.ProtobufEncoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32FrameDecoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32LengthFieldPrepender;
import java.net.URI;
import org.entente.proto.v1.ServerMessage;

/** The client's pipeline for one transport: varint-framed protobuf over TCP, or WebSocket. */
final class Pipelines extends ChannelInitializer<SocketChannel> {
  /** The largest message the client accepts over WebSocket (views of big scenarios fit easily). */
  static final int MAX_WS_MESSAGE_BYTES = 16 << 20;

  private final EntenteClient client;
  private final ClientOptions.Transport transport;
  private final URI webSocketUri;

  Pipelines(EntenteClient client, ClientOptions.Transport transport, URI webSocketUri) {
    this.client = client;
    this.transport = transport;
    this.webSocketUri = webSocketUri;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ChannelPipeline p = ch.pipeline();
    if (transport == ClientOptions.Transport.TCP) {
      p.addLast("frameDecoder", new ProtobufVarint32FrameDecoder());
      p.addLast("protobufDecoder", new ProtobufDecoder(ServerMessage.getDefaultInstance()));
      p.addLast("frameEncoder", new ProtobufVarint32LengthFieldPrepender());
      p.addLast("protobufEncoder", new ProtobufEncoder());
      p.addLast("client", new ClientHandler(client, false));
    } else {
      p.addLast("http", new HttpClientCodec());
      p.addLast("httpAggregator", new HttpObjectAggregator(64 * 1024));
      p.addLast(
          "webSocket",
          new WebSocketClientProtocolHandler(
              WebSocketClientHandshakerFactory.newHandshaker(
                  webSocketUri,
                  WebSocketVersion.V13,
                  null,
                  false,
                  new DefaultHttpHeaders(),
                  MAX_WS_MESSAGE_BYTES)));
      p.addLast("frameAggregator", new WebSocketFrameAggregator(MAX_WS_MESSAGE_BYTES));
      p.addLast("codec", new WebSocketCodec());
      p.addLast("client", new ClientHandler(client, true));
    }
  }
}
