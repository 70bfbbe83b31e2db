package org.entente.server.load;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Just enough protobuf decoding for the load generator's hot path: it walks a serialized {@code
 * ServerMessage} field by field and reads the few fields a bot needs from a {@code TurnView},
 * skipping the rest (nations, proximity, threats...) without building objects. Field numbers are
 * those of {@code protocol.proto}.
 */
final class LeanWire {
  static final int WT_VARINT = 0;
  static final int WT_FIXED64 = 1;
  static final int WT_LEN = 2;
  static final int WT_FIXED32 = 5;

  // ServerMessage
  static final int SM_REQUEST_ID = 1;
  static final int SM_ERROR = 10;
  static final int SM_WELCOME = 11;
  static final int SM_JOINED = 15;
  static final int SM_ORDERS_ACCEPTED = 17;
  static final int SM_VIEW = 18;
  static final int SM_TURN_RESOLVED = 19;
  static final int SM_GAME_EVENT = 21;
  static final int SM_PONG = 22;

  private LeanWire() {}

  /** The envelope of one server message: its request id and where its body lies in the frame. */
  static final class Envelope {
    String requestId = "";
    int body;
    int bodyIndex;
    int bodyLength;

    /** Reads {@code frame} (whole, from its reader index) without consuming it. */
    Envelope read(ByteBuf frame) {
      requestId = "";
      body = 0;
      int i = frame.readerIndex();
      int end = frame.writerIndex();
      while (i < end) {
        long tagAt = varint(frame, i);
        int tag = (int) tagAt;
        i = next(tagAt);
        int field = tag >>> 3;
        int wt = tag & 7;
        if (wt != WT_LEN) {
          i = skip(frame, i, wt);
          continue;
        }
        long lenAt = varint(frame, i);
        int len = (int) lenAt;
        i = next(lenAt);
        if (field == SM_REQUEST_ID) {
          requestId = frame.toString(i, len, StandardCharsets.UTF_8);
        } else {
          body = field;
          bodyIndex = i;
          bodyLength = len;
        }
        i += len;
      }
      return this;
    }
  }

  /** The parts of a {@code TurnView} a load bot looks at. */
  static final class View {
    String self = "";
    int turn;
    int phase;
    boolean selfActive;
    String principalLeader = "";
    double maxInternal = 0.3;
    // where the NationView bodies lie: self may come after them (the server sends a view's shared
    // public part first and the seat's own fields after it)
    private int[] nations = new int[32];
    private int nationCount;

    View read(ByteBuf b, int from, int length) {
      self = "";
      turn = 0;
      phase = 0;
      selfActive = false;
      principalLeader = "";
      maxInternal = 0.3;
      nationCount = 0;
      int i = from;
      int end = from + length;
      while (i < end) {
        long tagAt = varint(b, i);
        int tag = (int) tagAt;
        i = next(tagAt);
        int field = tag >>> 3;
        int wt = tag & 7;
        if (wt == WT_VARINT && (field == 4 || field == 7)) {
          long v = varint(b, i);
          i = next(v);
          if (field == 4) {
            turn = (int) v;
          } else {
            phase = (int) v;
          }
        } else if (wt == WT_LEN) {
          long lenAt = varint(b, i);
          int len = (int) lenAt;
          i = next(lenAt);
          switch (field) {
            case 3 -> self = b.toString(i, len, StandardCharsets.UTF_8);
            case 10 -> rememberNation(i, len);
            case 16 -> principalLeader = b.toString(i, len, StandardCharsets.UTF_8);
            case 21 -> rules(b, i, len);
            default -> {}
          }
          i += len;
        } else {
          i = skip(b, i, wt);
        }
      }
      for (int n = 0; n < nationCount; n += 2) {
        nation(b, nations[n], nations[n + 1]);
      }
      return this;
    }

    private void rememberNation(int at, int length) {
      if (nationCount + 2 > nations.length) {
        nations = java.util.Arrays.copyOf(nations, nations.length * 2);
      }
      nations[nationCount++] = at;
      nations[nationCount++] = length;
    }

    // NationView: id = 1, active = 13, in that order as protobuf writes them.
    private void nation(ByteBuf b, int from, int length) {
      int i = from;
      int end = from + length;
      boolean mine = false;
      while (i < end) {
        long tagAt = varint(b, i);
        int tag = (int) tagAt;
        i = next(tagAt);
        int field = tag >>> 3;
        int wt = tag & 7;
        if (field == 1 && wt == WT_LEN) {
          long lenAt = varint(b, i);
          int len = (int) lenAt;
          i = next(lenAt);
          mine = equalsAscii(b, i, len, self);
          if (!mine) {
            return;
          }
          i += len;
        } else if (field == 13 && wt == WT_VARINT) {
          long v = varint(b, i);
          i = next(v);
          selfActive = mine && (int) v != 0;
        } else {
          i = skip(b, i, wt);
        }
      }
    }

    // RulesView: max_internal_effort = 2 (double).
    private void rules(ByteBuf b, int from, int length) {
      int i = from;
      int end = from + length;
      while (i < end) {
        long tagAt = varint(b, i);
        int tag = (int) tagAt;
        i = next(tagAt);
        if (tag >>> 3 == 2 && (tag & 7) == WT_FIXED64) {
          maxInternal = Double.longBitsToDouble(b.getLongLE(i));
        }
        i = skip(b, i, tag & 7);
      }
    }
  }

  /** The turn of an {@code OrdersAccepted} body (field 1). */
  static int acceptedTurn(ByteBuf b, int from, int length) {
    return (int) varintField(b, from, length, 1);
  }

  /** The kind of a {@code GameEvent} body (field 1). */
  static int eventKind(ByteBuf b, int from, int length) {
    return (int) varintField(b, from, length, 1);
  }

  private static long varintField(ByteBuf b, int from, int length, int wanted) {
    int i = from;
    int end = from + length;
    while (i < end) {
      long tagAt = varint(b, i);
      int tag = (int) tagAt;
      i = next(tagAt);
      if (tag >>> 3 == wanted && (tag & 7) == WT_VARINT) {
        return (int) varint(b, i);
      }
      i = skip(b, i, tag & 7);
    }
    return 0;
  }

  private static boolean equalsAscii(ByteBuf b, int from, int len, String s) {
    if (len != s.length()) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (b.getByte(from + k) != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the varint at {@code i}: the low 32 bits of the result hold the value (truncated to an
   * int, enough for every field read here), the high 32 bits the index just after it.
   */
  static long varint(ByteBuf b, int i) {
    int value = 0;
    int shift = 0;
    while (true) {
      byte x = b.getByte(i++);
      if (shift < 32) {
        value |= (x & 0x7f) << shift;
      }
      if (x >= 0) {
        break;
      }
      shift += 7;
      if (shift > 63) {
        throw new IllegalArgumentException("malformed varint");
      }
    }
    return ((long) i << 32) | (value & 0xffffffffL);
  }

  static int next(long varintResult) {
    return (int) (varintResult >>> 32);
  }

  /** The index after a field of wire type {@code wt} whose value starts at {@code i}. */
  static int skip(ByteBuf b, int i, int wt) {
    switch (wt) {
      case WT_VARINT:
        return next(varint(b, i));
      case WT_FIXED64:
        return i + 8;
      case WT_LEN:
        long lenAt = varint(b, i);
        return next(lenAt) + (int) lenAt;
      case WT_FIXED32:
        return i + 4;
      default:
        throw new IllegalArgumentException("unsupported wire type " + wt);
    }
  }
}
