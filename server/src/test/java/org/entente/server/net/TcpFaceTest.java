package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.server.net.NetTesting.assertError;
import static org.entente.server.net.NetTesting.concat;
import static org.entente.server.net.NetTesting.frame;
import static org.entente.server.net.NetTesting.hello;
import static org.entente.server.net.NetTesting.ping;
import static org.entente.server.net.NetTesting.replies;
import static org.entente.server.net.NetTesting.writeBytes;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.ServerMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The raw TCP face, socketless: framing, limits and refusals. */
class TcpFaceTest {
  private final StubHandler handler = new StubHandler();
  private final AtomicLong nanos = new AtomicLong();
  private final EmbeddedChannel channel =
      NetTesting.channel(NetTesting.config(), handler, nanos::get);

  @AfterEach
  void releaseAll() {
    channel.finishAndReleaseAll();
  }

  @Test
  void aMessageSplitAcrossManyReadsArrivesWhole() {
    for (byte b : frame(ping("split"))) {
      writeBytes(channel, new byte[] {b});
    }

    List<ServerMessage> replies = replies(channel);
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).hasPong()).isTrue();
    assertThat(replies.get(0).getRequestId()).isEqualTo("split");
    assertThat(handler.opened).hasSize(1);
    assertThat(handler.opened.get(0).id()).startsWith("tcp-");
  }

  @Test
  void severalMessagesInOneReadAreEachHandled() {
    writeBytes(channel, concat(frame(ping("a")), frame(ping("b")), frame(ping("c"))));

    assertThat(replies(channel))
        .extracting(ServerMessage::getRequestId)
        .containsExactly("a", "b", "c");
  }

  @Test
  void aFrameOverTheLimitIsRefusedFromItsLengthAlone() {
    // Only the 5-byte length of a 2 GiB frame: the refusal must not wait for (or buffer) the body.
    writeBytes(channel, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07});

    List<ServerMessage> replies = replies(channel);
    assertThat(replies).hasSize(1);
    assertError(replies.get(0), ErrorCode.FRAME_TOO_LARGE, "");
    assertThat(replies.get(0).getError().getMessage()).contains("2147483647", "1024");
    assertThat(channel.isOpen()).isFalse();
    assertThat(handler.closes).hasValue(1);
  }

  @Test
  void aFrameJustOverTheLimitIsRefused() {
    byte[] big = frame(hello("big", "x".repeat(1100)));
    writeBytes(channel, big);

    List<ServerMessage> replies = replies(channel);
    assertError(replies.get(0), ErrorCode.FRAME_TOO_LARGE, "");
    assertThat(channel.isOpen()).isFalse();
    assertThat(handler.received).isEmpty();
  }

  @Test
  void bytesThatAreNotAClientMessageAreMalformed() {
    // A 3-byte frame holding a request_id field that claims 5 bytes.
    writeBytes(channel, new byte[] {3, 0x0a, 0x05, 'a'});

    List<ServerMessage> replies = replies(channel);
    assertThat(replies).hasSize(1);
    assertError(replies.get(0), ErrorCode.MALFORMED_FRAME, "");
    assertThat(replies.get(0).getError().getMessage()).contains("not a ClientMessage", "ended");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void aLengthThatIsNotAVarint32IsMalformed() {
    writeBytes(
        channel, new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80});

    assertError(replies(channel).get(0), ErrorCode.MALFORMED_FRAME, "");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void nothingAfterAMalformedFrameReachesTheHandler() {
    writeBytes(channel, concat(new byte[] {2, 0, 0}, frame(ping("after"))));

    assertThat(replies(channel)).hasSize(1);
    assertThat(handler.received).isEmpty();
  }

  @Test
  void aMessageWithoutAKnownBodyIsUnknownButTheConnectionStays() {
    ClientMessage fromTheFuture =
        ClientMessage.newBuilder()
            .setRequestId("new")
            .setUnknownFields(
                com.google.protobuf.UnknownFieldSet.newBuilder()
                    .addField(
                        99,
                        com.google.protobuf.UnknownFieldSet.Field.newBuilder().addVarint(1).build())
                    .build())
            .build();
    writeBytes(channel, concat(frame(fromTheFuture), frame(ping("next"))));

    List<ServerMessage> replies = replies(channel);
    assertError(replies.get(0), ErrorCode.UNKNOWN_MESSAGE, "new");
    assertThat(replies.get(0).getError().getMessage()).contains("99");
    assertThat(replies.get(1).hasPong()).isTrue();
    assertThat(channel.isOpen()).isTrue();
    assertThat(handler.received).extracting(ClientMessage::getRequestId).containsExactly("next");
  }

  @Test
  void anEmptyFrameIsAnUnknownMessage() {
    writeBytes(channel, new byte[] {0});

    assertError(replies(channel).get(0), ErrorCode.UNKNOWN_MESSAGE, "");
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void aHandlerThatThrowsGetsTheClientAnInternalErrorAndServingGoesOn() {
    writeBytes(channel, concat(frame(hello("h1", "boom")), frame(ping("p2"))));

    List<ServerMessage> replies = replies(channel);
    assertError(replies.get(0), ErrorCode.INTERNAL, "h1");
    assertThat(replies.get(1).hasPong()).isTrue();
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void messagesOverTheRateAreRefusedWithTheirRequestIdAndDropped() {
    EmbeddedChannel limited =
        NetTesting.channel(NetTesting.config(3, Duration.ofSeconds(30)), handler, nanos::get);
    for (int i = 1; i <= 4; i++) {
      writeBytes(limited, frame(ping("r" + i)));
    }

    List<ServerMessage> replies = replies(limited);
    assertThat(replies).hasSize(4);
    assertThat(replies.subList(0, 3)).allMatch(ServerMessage::hasPong);
    assertError(replies.get(3), ErrorCode.RATE_LIMITED, "r4");
    assertThat(handler.received).hasSize(3);
    assertThat(limited.isOpen()).isTrue();

    nanos.addAndGet(Duration.ofSeconds(1).toNanos()); // the bucket refills
    writeBytes(limited, frame(ping("r5")));
    assertThat(replies(limited).get(0).hasPong()).isTrue();
  }

  @Test
  void sustainedAbuseClosesTheConnection() {
    int perSecond = 2;
    EmbeddedChannel limited =
        NetTesting.channel(
            NetTesting.config(perSecond, Duration.ofSeconds(30)), handler, nanos::get);
    int refusalsBeforeClose = ConnectionHandler.ABUSE_FACTOR * perSecond;
    for (int i = 0; i < perSecond + refusalsBeforeClose; i++) {
      writeBytes(limited, frame(ping("m" + i)));
    }

    List<ServerMessage> replies = replies(limited);
    assertThat(replies).hasSize(perSecond + refusalsBeforeClose);
    ServerMessage last = replies.get(replies.size() - 1);
    assertError(last, ErrorCode.RATE_LIMITED, "");
    assertThat(last.getError().getMessage()).contains("in a row");
    assertThat(limited.isOpen()).isFalse();
  }

  @Test
  void onCloseIsCalledExactlyOnce() {
    writeBytes(channel, frame(ping("x")));
    Connection connection = handler.opened.get(0);

    connection.close(ErrorCode.SESSION_REPLACED, "another connection resumed this token");
    connection.close(ErrorCode.SESSION_REPLACED, "again");
    channel.close();

    assertThat(handler.closes).hasValue(1);
    assertThat(connection.isOpen()).isFalse();
    List<ServerMessage> replies = replies(channel);
    assertThat(replies.get(replies.size() - 1).getError().getCode())
        .isEqualTo(ErrorCode.SESSION_REPLACED);
    assertThat(replies).filteredOn(ServerMessage::hasError).hasSize(1);
  }

  @Test
  void sendAfterCloseIsDroppedSilently() {
    writeBytes(channel, frame(ping("x")));
    Connection connection = handler.opened.get(0);
    replies(channel);
    channel.close();

    connection.send(ServerMessage.newBuilder().setRequestId("late").build());

    assertThat(replies(channel)).isEmpty();
  }

  @Test
  void sendFromAnotherThreadIsDelivered() throws Exception {
    writeBytes(channel, frame(ping("x")));
    replies(channel);
    Connection connection = handler.opened.get(0);

    Thread sender =
        new Thread(() -> connection.send(ServerMessage.newBuilder().setRequestId("push").build()));
    sender.start();
    sender.join();
    channel.runPendingTasks();

    assertThat(replies(channel)).extracting(ServerMessage::getRequestId).containsExactly("push");
  }
}
