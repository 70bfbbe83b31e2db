package org.entente.server.chaos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.entente.client.net.EntenteClient;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.ErrorCode;

/**
 * Sends a burst of what a server must survive: random bytes and impossible frames on the TCP face,
 * raw JSON, malformed JSON and a bad frame on the WebSocket, and an oversize name. A piece counts
 * as rejected when the server answers it (an error, an HTTP status) or closes the connection,
 * rather than leaving it hanging.
 */
final class Garbage {
  private static final int ANSWER_MILLIS = 5_000;

  private final int port;
  private final Random random;
  private final Ledger ledger;

  Garbage(int port, Random random, Ledger ledger) {
    this.port = port;
    this.random = random;
    this.ledger = ledger;
  }

  /** One burst of every kind of garbage. */
  void burst() {
    byte[] noise = new byte[16 + random.nextInt(4096)];
    random.nextBytes(noise);
    send(noise);
    send(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f}); // a 4 GiB frame
    send(new byte[] {0x05, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
    send("{\"requestId\":\"1\",\"hello\":{\"major\":1}}\n".getBytes(StandardCharsets.US_ASCII));
    for (byte[] frame :
        List.of(
            textFrame("{\"requestId\":\"1\",\"hello\":"),
            textFrame("{\"requestId\":\"1\",\"hello\":{\"major\":\"one\"}}"),
            frame(0x3, new byte[] {1, 2, 3}))) {
      sendWebSocket(frame);
    }
    oversizeName();
  }

  /** Raw bytes on the TCP face, then end of input: the server must answer or close. */
  private void send(byte[] bytes) {
    ledger.garbageSent.incrementAndGet();
    try (Socket s = open()) {
      s.getOutputStream().write(bytes);
      s.getOutputStream().flush();
      s.shutdownOutput();
      if (answeredOrClosed(s.getInputStream())) {
        ledger.garbageRejected.incrementAndGet();
      }
    } catch (IOException e) {
      ledger.garbageRejected.incrementAndGet(); // reset by the server
    }
  }

  /** A WebSocket handshake on {@code /ws}, then one frame. */
  private void sendWebSocket(byte[] frame) {
    ledger.garbageSent.incrementAndGet();
    try (Socket s = open()) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String head = readHead(s.getInputStream());
      if (!head.startsWith("HTTP/1.1 101")) {
        ledger.garbageRejected.incrementAndGet(); // refused at the handshake: an answer too
        return;
      }
      out.write(frame);
      out.flush();
      if (answeredOrClosed(s.getInputStream())) {
        ledger.garbageRejected.incrementAndGet();
      }
    } catch (IOException e) {
      ledger.garbageRejected.incrementAndGet();
    }
  }

  /** A game name far above its limit: must be refused with {@code TOO_LONG}. */
  private void oversizeName() {
    ledger.garbageSent.incrementAndGet();
    try (EntenteClient c = EntenteClient.connect("127.0.0.1", port).get(5, TimeUnit.SECONDS)) {
      c.createGame(
              CreateGame.newBuilder().setScenario("tutorial").setName("x".repeat(100_000)).build())
          .get(ANSWER_MILLIS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (EntenteClient.codeOf(e) == ErrorCode.TOO_LONG) {
        ledger.garbageRejected.incrementAndGet();
      }
    } catch (Exception e) {
      // no answer in time, or no connection: not rejected
    }
  }

  private Socket open() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), ANSWER_MILLIS);
    s.setSoTimeout(ANSWER_MILLIS);
    return s;
  }

  /** True when the server sends something or closes within the time allowed. */
  private static boolean answeredOrClosed(InputStream in) throws IOException {
    try {
      in.read();
      return true; // a byte, or the end of the stream
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      String s = head.toString(StandardCharsets.US_ASCII);
      if (s.endsWith("\r\n\r\n")) {
        return s;
      }
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private byte[] textFrame(String text) {
    return frame(0x1, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A final, masked client frame of under 126 bytes with the given opcode. */
  private byte[] frame(int opcode, byte[] payload) {
    byte[] mask = new byte[4];
    random.nextBytes(mask);
    byte[] out = new byte[2 + 4 + payload.length];
    out[0] = (byte) (0x80 | opcode);
    out[1] = (byte) (0x80 | payload.length);
    System.arraycopy(mask, 0, out, 2, 4);
    for (int i = 0; i < payload.length; i++) {
      out[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    return out;
  }
}
