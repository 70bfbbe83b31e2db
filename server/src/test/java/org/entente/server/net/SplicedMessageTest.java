package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.util.JsonFormat;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.entente.proto.v1.NationView;
import org.entente.proto.v1.Outcome;
import org.entente.proto.v1.RulesView;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.ThreatEntry;
import org.entente.proto.v1.TurnResolved;
import org.entente.proto.v1.TurnView;
import org.junit.jupiter.api.Test;

/**
 * A message sent as a shared encoded part plus the recipient's own part decodes, on every face, as
 * the one message it stands for.
 */
class SplicedMessageTest {
  static final TurnView PUBLIC =
      TurnView.newBuilder()
          .setScenario("europe-1914")
          .setTurn(3)
          .setTurns(24)
          .setTurnLabel("September 1914")
          .addNations(NationView.newBuilder().setId("FRN").setName("France").setActive(true))
          .addNations(NationView.newBuilder().setId("GMY").setName("Germany").setPower(0.31))
          .addProximity(1.0)
          .addProximity(0.8)
          .setRules(RulesView.newBuilder().setMaxInternalEffort(0.3))
          .setBriefing("Sarajevo, 28 June: " + "é".repeat(200)) // long and not ASCII
          .build();
  static final TurnView OWN =
      TurnView.newBuilder()
          .setGameId("g7")
          .setSelf("FRN")
          .setCoverage(0.42)
          .addThreats(ThreatEntry.newBuilder().setActor("GMY").setThreat(0.7))
          .setPrivateBriefing("only France reads this")
          .addNews("an inject")
          .build();
  static final TurnView WHOLE = PUBLIC.toBuilder().mergeFrom(OWN).build();

  final SplicedMessage.Shared shared =
      SplicedMessage.Shared.of(ServerMessage.VIEW_FIELD_NUMBER, PUBLIC);

  @Test
  void theSplicedBytesDecodeAsTheWholeMessage() throws Exception {
    for (String requestId : new String[] {"", "r-17"}) {
      SplicedMessage m = shared.with(requestId, OWN);
      ServerMessage expected =
          ServerMessage.newBuilder().setRequestId(requestId).setView(WHOLE).build();

      assertThat(m.whole()).isEqualTo(expected);
      byte[] bytes = m.toByteArray();
      assertThat(bytes).hasSize(m.serializedSize());
      assertThat(ServerMessage.parseFrom(bytes)).isEqualTo(expected);
      // the same size as the whole message encoded in field order: only the order differs
      assertThat(m.serializedSize()).isEqualTo(expected.getSerializedSize());
    }
  }

  @Test
  void everyRecipientSharesTheSameEncodedPartAndKeepsItsOwn() throws Exception {
    TurnView germany = OWN.toBuilder().setSelf("GMY").setPrivateBriefing("only Germany").build();
    ServerMessage forFrance = ServerMessage.parseFrom(shared.with("", OWN).toByteArray());
    ServerMessage forGermany = ServerMessage.parseFrom(shared.with("", germany).toByteArray());

    assertThat(forFrance.getView().getPrivateBriefing()).isEqualTo("only France reads this");
    assertThat(forGermany.getView().getPrivateBriefing()).isEqualTo("only Germany");
    assertThat(forGermany.getView().getNationsList()).isEqualTo(PUBLIC.getNationsList());
    assertThat(forGermany.toString()).doesNotContain("only France");
  }

  @Test
  void theTcpEncoderFramesItWithItsLength() throws Exception {
    EmbeddedChannel channel = new EmbeddedChannel(ServerMessageEncoder.TCP);
    SplicedMessage m = shared.with("r-1", OWN);
    ServerMessage plain = ServerMessage.newBuilder().setRequestId("r-2").build();

    assertThat(channel.writeOutbound(m, plain)).isTrue();
    for (ServerMessage expected : new ServerMessage[] {m.whole(), plain}) {
      ByteBuf frame = channel.readOutbound();
      try {
        CodedInputStream in = CodedInputStream.newInstance(frame.nioBuffer());
        int length = in.readRawVarint32();
        assertThat(length).isEqualTo(frame.readableBytes() - in.getTotalBytesRead());
        assertThat(ServerMessage.parseFrom(in.readRawBytes(length))).isEqualTo(expected);
      } finally {
        frame.release();
      }
    }
    assertThat(channel.finish()).isFalse();
  }

  @Test
  void theWebSocketFacesSendBinaryBytesOrTheWholeMessageInJson() throws Exception {
    EmbeddedChannel channel = new EmbeddedChannel(new WebSocketMessageCodec());
    SplicedMessage m = shared.with("w-1", OWN);

    channel.writeOutbound(m);
    BinaryWebSocketFrame binary = channel.readOutbound();
    try {
      assertThat(ServerMessage.parseFrom(binary.content().nioBuffer())).isEqualTo(m.whole());
    } finally {
      binary.release();
    }

    channel.writeInbound(new TextWebSocketFrame("{\"requestId\":\"t\",\"ping\":{}}"));
    channel.writeOutbound(m);
    TextWebSocketFrame text = channel.readOutbound();
    try {
      ServerMessage.Builder parsed = ServerMessage.newBuilder();
      JsonFormat.parser().merge(text.text(), parsed);
      assertThat(parsed.build()).isEqualTo(m.whole());
    } finally {
      text.release();
    }
    channel.finishAndReleaseAll();
  }

  @Test
  void turnResultsSpliceTheSameWay() throws Exception {
    TurnResolved common =
        TurnResolved.newBuilder().setTurn(3).setStateHash("ab12").addEvents("war").build();
    TurnResolved own =
        TurnResolved.newBuilder().addOutcomes(Outcome.newBuilder().setState("FRN")).build();
    SplicedMessage m =
        SplicedMessage.Shared.of(ServerMessage.TURN_RESOLVED_FIELD_NUMBER, common).with("", own);

    ServerMessage parsed = ServerMessage.parseFrom(m.toByteArray());
    assertThat(parsed.getTurnResolved())
        .isEqualTo(common.toBuilder().mergeFrom(own).build())
        .isEqualTo(m.whole().getTurnResolved());
  }

  @Test
  void partsOfTheWrongTypeOrThatOverlapAreRefused() {
    assertThatThrownBy(
            () ->
                SplicedMessage.Shared.of(
                    ServerMessage.VIEW_FIELD_NUMBER, TurnResolved.getDefaultInstance()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 18 is not a body of type entente.v1.TurnResolved");
    assertThatThrownBy(
            () ->
                SplicedMessage.Shared.of(
                    ServerMessage.REQUEST_ID_FIELD_NUMBER, TurnView.getDefaultInstance()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> shared.with("", TurnResolved.getDefaultInstance()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("own part is a entente.v1.TurnResolved");
    // the tests run with assertions on: a field in both parts would be merged, not replaced
    assertThatThrownBy(() -> shared.with("", OWN.toBuilder().setTurn(4).build()))
        .isInstanceOf(AssertionError.class);
  }
}
