package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Duration;
import java.util.List;
import org.entente.api.Stance;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.AllianceView;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.TurnView;
import org.entente.server.net.ChannelConnection.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rules 2.0 over WebSocket JSON (what the web client reads and sends): an alliance's target, kind
 * and target bloc, and BALANCE's offensive flag, round-trip through the codec.
 */
class AllianceJsonTest {
  private final StubHandler handler = new StubHandler();
  private final EmbeddedChannel channel = new EmbeddedChannel();

  AllianceJsonTest() {
    ChannelConnection connection = new ChannelConnection(channel, Transport.WEBSOCKET, 9, 1 << 20);
    channel
        .pipeline()
        .addLast(
            new WebSocketMessageCodec(),
            new ConnectionHandler(
                connection,
                handler,
                new TokenBucket(100, System::nanoTime),
                100,
                Duration.ofSeconds(30),
                Duration.ofSeconds(30)));
  }

  @AfterEach
  void releaseAll() {
    channel.finishAndReleaseAll();
  }

  private String readText() {
    TextWebSocketFrame frame = channel.readOutbound();
    try {
      return frame.text();
    } finally {
      frame.release();
    }
  }

  @Test
  void theWebClientsOffensiveBalanceArrivesWithItsFlag() {
    // exactly what orders.js sends for a BALANCE with the offensive box ticked
    channel.writeInbound(
        new TextWebSocketFrame(
            "{\"requestId\":\"o1\",\"submitOrders\":{\"token\":\"t\",\"turn\":1,\"state\":\"LEN\","
                + "\"orders\":{\"stance\":{\"balance\":{\"against\":\"KAD\",\"internal\":0.1,"
                + "\"partners\":[\"OST\"],\"offensive\":true}}}}}"));
    channel.writeInbound(
        new TextWebSocketFrame(
            "{\"requestId\":\"o2\",\"submitOrders\":{\"token\":\"t\",\"turn\":1,\"state\":\"LEN\","
                + "\"orders\":{\"stance\":{\"balance\":{\"against\":\"KAD\"}}}}}"));
    assertThat(Wire.orders(handler.received.get(0).getSubmitOrders().getOrders()).stance())
        .isEqualTo(new Stance.Balance("KAD", 0.1, List.of("OST"), true));
    assertThat(Wire.orders(handler.received.get(1).getSubmitOrders().getOrders()).stance())
        .isEqualTo(new Stance.Balance("KAD", 0, List.of(), false));
  }

  @Test
  void anAlliancesTargetKindAndBlocArePrintedAndReadBack() throws Exception {
    channel.writeInbound(new TextWebSocketFrame("{\"requestId\":\"p\",\"ping\":{}}"));
    readText(); // the pong: replies now go out as JSON
    TurnView.Builder view =
        TurnView.newBuilder()
            .setTurn(2)
            .addAlliances(
                AllianceView.newBuilder()
                    .setId("a1")
                    .addAllMembers(List.of("LEN", "OST"))
                    .setCohesion(1.0)
                    .setFormedTurn(1)
                    .setTarget("KAD")
                    .setKind(org.entente.proto.v1.AllianceKind.ALLIANCE_OFFENSIVE)
                    .addTargetBloc("KAD"))
            .addAlliances(
                AllianceView.newBuilder()
                    .setId("a2")
                    .addAllMembers(List.of("KAD", "OST"))
                    .setCohesion(0.5)
                    .setFormedTurn(2)
                    .setTarget("LEN")
                    .setKind(org.entente.proto.v1.AllianceKind.ALLIANCE_DEFENSIVE));
    ServerMessage sent = ServerMessage.newBuilder().setView(view).build();
    handler.opened.get(0).send(sent);
    String json = readText();
    assertThat(json)
        .contains(
            "\"alliances\":[{\"id\":\"a1\",\"members\":[\"LEN\",\"OST\"],\"cohesion\":1.0,"
                + "\"formedTurn\":1,\"target\":\"KAD\",\"kind\":\"ALLIANCE_OFFENSIVE\","
                + "\"targetBloc\":[\"KAD\"]}")
        // DEFENSIVE is the enum's zero: proto3 JSON leaves it out, and readers take absent as it
        .contains(
            "{\"id\":\"a2\",\"members\":[\"KAD\",\"OST\"],\"cohesion\":0.5,\"formedTurn\":2,"
                + "\"target\":\"LEN\"}");
    ServerMessage.Builder back = ServerMessage.newBuilder();
    com.google.protobuf.util.JsonFormat.parser().merge(json, back);
    assertThat(back.build()).isEqualTo(sent);
    List<AllianceView> alliances = back.getView().getAlliancesList();
    assertThat(alliances.get(1).getKind())
        .isEqualTo(org.entente.proto.v1.AllianceKind.ALLIANCE_DEFENSIVE);
  }
}
