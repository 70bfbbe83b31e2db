package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;

/**
 * Coverage-guided fuzzing of the TCP frame decoders (varint32 length, then a ClientMessage): any
 * bytes, cut into any chunks, give whole messages or a {@link ProtocolException} with a frame error
 * code, never another exception; a frame longer than the limit is refused.
 */
class FrameDecoderFuzzTest {
  static final int LIMIT = 4096;

  @FuzzTest(maxDuration = "6s")
  void framesDecodeOrFailWithAFrameError(FuzzedDataProvider data) {
    EmbeddedChannel channel =
        new EmbeddedChannel(new VarintFrameDecoder(LIMIT), new ClientMessageDecoder());
    try {
      while (data.remainingBytes() > 0) {
        int chunk = data.consumeInt(1, 64);
        byte[] bytes = data.consumeBytes(chunk);
        try {
          channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        } catch (DecoderException e) {
          // thrown as it is by the frame decoder, wrapped by the message decoder's base class
          Throwable cause = e instanceof ProtocolException ? e : e.getCause();
          assertThat(cause)
              .as("a decoder failure is a ProtocolException: %s", e)
              .isInstanceOf(ProtocolException.class);
          ErrorCode code = ((ProtocolException) cause).code();
          assertThat(code).isIn(ErrorCode.MALFORMED_FRAME, ErrorCode.FRAME_TOO_LARGE);
          return;
        }
        for (Object o; (o = channel.readInbound()) != null; ) {
          assertThat(o).isInstanceOf(ClientMessage.class);
          assertThat(((ClientMessage) o).getSerializedSize()).isLessThanOrEqualTo(LIMIT);
        }
      }
    } finally {
      channel.finishAndReleaseAll();
    }
  }
}
