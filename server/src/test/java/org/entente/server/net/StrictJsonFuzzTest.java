package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import org.entente.proto.v1.ClientMessage;

/**
 * Coverage-guided fuzzing of the JSON mapping of WebSocket text frames ({@link StrictJson}): any
 * text gives a ClientMessage or a refusal naming what is wrong (a {@link ProtocolException} that
 * closes, or a {@link StrictJson.Refusal} answered with the request id), never another exception.
 */
class StrictJsonFuzzTest {

  @FuzzTest(maxDuration = "6s")
  @DictionaryEntries({
    "{\"requestId\":\"r\",",
    "\"hello\":{\"major\":1}",
    "\"createGame\":{\"scenario\":\"tutorial\",\"seed\":",
    "\"submitOrders\":{\"token\":\"t\",\"turn\":1,\"orders\":[",
    "\"instructor\":{\"token\":\"t\",\"inject\":{\"scheduledIndex\":",
    "\"extendDeadline\":{\"seconds\":",
    "\"capability\":{\"economy\":",
    "4294967295",
    "1e400",
    "\"NaN\"",
    "-0",
    "null",
    "[]",
    "{}"
  })
  void textFramesParseOrAreRefusedByName(@NotNull String json) {
    try {
      ClientMessage m = StrictJson.parse(json);
      assertThat(m.getBodyCase()).isNotEqualTo(ClientMessage.BodyCase.BODY_NOT_SET);
    } catch (StrictJson.Refusal e) {
      assertThat(e.getMessage()).isNotBlank();
    } catch (ProtocolException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
