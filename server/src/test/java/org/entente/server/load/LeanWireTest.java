package org.entente.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.entente.proto.v1.NationView;
import org.entente.proto.v1.RulesView;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.TurnView;
import org.entente.server.net.SplicedMessage;
import org.junit.jupiter.api.Test;

/** The load bots' lean decoding reads a view's fields in whatever order they come. */
class LeanWireTest {
  static final TurnView PUBLIC =
      TurnView.newBuilder()
          .setTurn(5)
          .addNations(NationView.newBuilder().setId("ATH").setActive(false))
          .addNations(NationView.newBuilder().setId("SPA").setActive(true))
          .setRules(RulesView.newBuilder().setMaxInternalEffort(0.4))
          .build();
  static final TurnView OWN =
      TurnView.newBuilder().setSelf("SPA").setPrincipalLeader("ATH").build();

  @Test
  void aViewWhoseOwnPartComesAfterTheNationsIsReadWhole() {
    byte[] spliced =
        SplicedMessage.Shared.of(ServerMessage.VIEW_FIELD_NUMBER, PUBLIC)
            .with("", OWN)
            .toByteArray();
    byte[] inOrder =
        ServerMessage.newBuilder().setView(PUBLIC.toBuilder().mergeFrom(OWN)).build().toByteArray();

    for (byte[] bytes : new byte[][] {spliced, inOrder}) {
      ByteBuf frame = Unpooled.wrappedBuffer(bytes);
      LeanWire.Envelope envelope = new LeanWire.Envelope().read(frame);
      assertThat(envelope.body).isEqualTo(LeanWire.SM_VIEW);
      LeanWire.View view = new LeanWire.View().read(frame, envelope.bodyIndex, envelope.bodyLength);
      assertThat(view.self).isEqualTo("SPA");
      assertThat(view.turn).isEqualTo(5);
      assertThat(view.selfActive).isTrue();
      assertThat(view.principalLeader).isEqualTo("ATH");
      assertThat(view.maxInternal).isEqualTo(0.4);
    }
  }
}
