package org.entente.server.net;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;

/**
 * Reads a WebSocket text frame as a {@link ClientMessage} in protobuf's JSON mapping, strictly:
 * every known field must hold a value of its type and an enum field one of its values (by name or
 * number). A mistake is a {@link Refusal} naming the field's path (e.g. {@code
 * createGame.defaultPolicy}) and what is wrong; the connection stays open. A frame with no body
 * this server knows is refused with the unknown names it had. Text that is not JSON at all is a
 * malformed frame (the connection is closed, as for binary garbage).
 */
final class StrictJson {
  private static final int MAX_DEPTH = 64;
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          // '{...}N' is not JSON: nothing may follow the object
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  // unknown fields were checked (a body must be known; other unknown fields are a newer client's)
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  private StrictJson() {}

  /** A JSON request refused without closing the connection. */
  static final class Refusal extends io.netty.handler.codec.DecoderException {
    private final ErrorCode code;
    private final String requestId;

    Refusal(ErrorCode code, String message, String requestId) {
      super(message);
      this.code = code;
      this.requestId = requestId;
    }

    ErrorCode code() {
      return code;
    }

    String requestId() {
      return requestId;
    }
  }

  /** The message in {@code json}, or a {@link Refusal} saying what is wrong and where. */
  static ClientMessage parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      // not JSON at all (or nested too deeply): the frame is refused and the connection closed
      throw new ProtocolException(
          ErrorCode.MALFORMED_FRAME,
          "a text frame is not a ClientMessage in JSON: " + e.getOriginalMessage() + location(e));
    }
    if (root == null || !root.isObject()) {
      throw new Refusal(
          ErrorCode.BAD_REQUEST,
          "a text frame must hold one JSON object (a ClientMessage), not "
              + (root == null ? "nothing" : kind(root)),
          "");
    }
    String requestId = requestId(root);
    Descriptor d = ClientMessage.getDescriptor();
    List<String> unknown = new ArrayList<>();
    List<String> nullBodies = new ArrayList<>();
    boolean body = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      FieldDescriptor f = field(d, e.getKey());
      if (f == null) {
        unknown.add(e.getKey());
      } else if (f.getContainingOneof() != null) {
        // a body given as null is no body (the JSON mapping reads null as "not set")
        if (e.getValue().isNull()) {
          nullBodies.add(e.getKey());
        } else {
          body = true;
        }
      }
    }
    if (!body) {
      String why;
      if (!nullBodies.isEmpty()) {
        why =
            String.join(", ", nullBodies)
                + ": a message body cannot be null (send {} for one"
                + " with no fields)";
      } else if (unknown.isEmpty()) {
        why = "the message has no body";
      } else {
        why = "no message body this server knows; unknown field(s): " + String.join(", ", unknown);
      }
      throw new Refusal(
          nullBodies.isEmpty() ? ErrorCode.UNKNOWN_MESSAGE : ErrorCode.BAD_REQUEST,
          why + "; a ClientMessage has requestId and one of " + bodies(d),
          requestId);
    }
    String problem = check(d, root, "");
    if (problem != null) {
      throw new Refusal(ErrorCode.BAD_REQUEST, problem, requestId);
    }
    ClientMessage.Builder b = ClientMessage.newBuilder();
    try {
      PARSER.merge(json, b);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new Refusal(
          ErrorCode.BAD_REQUEST, "the JSON is not a ClientMessage: " + e.getMessage(), requestId);
    }
    return b.build();
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  private static String requestId(JsonNode root) {
    JsonNode id = root.has("requestId") ? root.get("requestId") : root.get("request_id");
    return id != null && id.isTextual() ? id.asText() : "";
  }

  /** The field {@code name} (JSON or proto name) of {@code d}, or null. */
  private static FieldDescriptor field(Descriptor d, String name) {
    FieldDescriptor f = d.findFieldByName(name);
    if (f != null) {
      return f;
    }
    for (FieldDescriptor x : d.getFields()) {
      if (x.getJsonName().equals(name)) {
        return x;
      }
    }
    return null;
  }

  private static String bodies(Descriptor d) {
    List<String> out = new ArrayList<>();
    for (FieldDescriptor f : d.getOneofs().get(0).getFields()) {
      out.add(f.getJsonName());
    }
    return String.join(", ", out);
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /**
   * The first problem of {@code node} as a {@code d}, or null. Fields this server does not know are
   * skipped, as protobuf's binary format skips them: a newer client's additions reach an older
   * server unharmed (only a body must be known, see {@link #parse}).
   */
  private static String check(Descriptor d, JsonNode node, String path) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      FieldDescriptor f = field(d, e.getKey());
      if (f == null) {
        continue;
      }
      String p = join(path, f.getJsonName());
      JsonNode v = e.getValue();
      if (v.isNull()) {
        continue; // null is the field's default in the JSON mapping
      }
      String problem;
      if (f.isMapField()) {
        problem = checkMap(f, v, p);
      } else if (f.isRepeated()) {
        if (!v.isArray()) {
          return p + ": expected a list, got " + kind(v);
        }
        problem = null;
        for (int i = 0; i < v.size() && problem == null; i++) {
          problem = checkValue(f, v.get(i), p + "[" + i + "]");
        }
      } else {
        problem = checkValue(f, v, p);
      }
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String checkMap(FieldDescriptor f, JsonNode v, String path) {
    if (!v.isObject()) {
      return path + ": expected an object (a map), got " + kind(v);
    }
    FieldDescriptor value = f.getMessageType().findFieldByName("value");
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String problem = checkValue(value, e.getValue(), path + "." + e.getKey());
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String checkValue(FieldDescriptor f, JsonNode v, String path) {
    switch (f.getJavaType()) {
      case MESSAGE:
        return v.isObject()
            ? check(f.getMessageType(), v, path)
            : path + ": expected an object (" + f.getMessageType().getName() + "), got " + kind(v);
      case ENUM:
        return checkEnum(f.getEnumType(), v, path);
      case STRING:
        return v.isTextual() ? null : path + ": expected a string, got " + kind(v);
      case BOOLEAN:
        return v.isBoolean() ? null : path + ": expected true or false, got " + kind(v);
      case INT:
      case LONG:
        return checkInteger(f, v, path);
      case FLOAT:
      case DOUBLE:
        if (v.isNumber() || (v.isTextual() && (isNumber(v.asText()) || isSpecial(v.asText())))) {
          return null;
        }
        return path + ": expected a number, got " + kind(v);
      case BYTE_STRING:
        return v.isTextual() ? null : path + ": expected a base64 string, got " + kind(v);
      default:
        return null;
    }
  }

  private static String checkEnum(EnumDescriptor type, JsonNode v, String path) {
    if (v.isTextual()) {
      if (type.findValueByName(v.asText()) != null) {
        return null;
      }
    } else if (v.isIntegralNumber() && v.canConvertToInt()) {
      if (type.findValueByNumber(v.asInt()) != null) {
        return null;
      }
    } else {
      return path + ": expected a " + type.getName() + " name, got " + kind(v);
    }
    TreeSet<String> names = new TreeSet<>();
    List<String> ordered = new ArrayList<>();
    for (EnumValueDescriptor x : type.getValues()) {
      if (names.add(x.getName())) {
        ordered.add(x.getName());
      }
    }
    return path
        + ": "
        + v
        + " is not a "
        + type.getName()
        + " (one of "
        + String.join(", ", ordered)
        + ")";
  }

  private static String checkInteger(FieldDescriptor f, JsonNode v, String path) {
    BigDecimal d;
    if (v.isIntegralNumber()) {
      d = new BigDecimal(v.bigIntegerValue());
    } else if (v.isNumber()) {
      // a literal too large for a double (1e400) is read as an infinity, which has no decimal value
      if (!Double.isFinite(v.doubleValue())) {
        return path + ": " + v + " is out of range for " + f.getType().name().toLowerCase();
      }
      d = v.decimalValue();
    } else if (v.isTextual() && isNumber(v.asText())) {
      d = new BigDecimal(v.asText().trim());
    } else {
      return path + ": expected a whole number, got " + kind(v);
    }
    // more than 20 digits before the point is beyond every integer type (and "1e99999999" would
    // otherwise be expanded into a hundred million digits)
    if (d.precision() - d.scale() > 20) {
      return path + ": " + v + " is out of range for " + f.getType().name().toLowerCase();
    }
    if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
      return path + ": expected a whole number, got " + v;
    }
    BigInteger n = d.toBigInteger();
    BigInteger min;
    BigInteger max;
    switch (f.getType()) {
      case UINT32, FIXED32 -> {
        min = BigInteger.ZERO;
        max = BigInteger.valueOf(0xFFFFFFFFL);
      }
      case UINT64, FIXED64 -> {
        min = BigInteger.ZERO;
        max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
      }
      case INT64, SINT64, SFIXED64 -> {
        min = BigInteger.valueOf(Long.MIN_VALUE);
        max = BigInteger.valueOf(Long.MAX_VALUE);
      }
      default -> {
        min = BigInteger.valueOf(Integer.MIN_VALUE);
        max = BigInteger.valueOf(Integer.MAX_VALUE);
      }
    }
    if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
      return path
          + ": "
          + n
          + " is out of range for "
          + f.getType().name().toLowerCase()
          + " ["
          + min
          + ", "
          + max
          + "]";
    }
    return null;
  }

  private static boolean isNumber(String s) {
    try {
      new BigDecimal(s.trim());
      return !s.isBlank();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isSpecial(String s) {
    return s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity");
  }

  /** What a JSON value is, for messages: "a string \"x\"", "a number 3", "an object"... */
  static String kind(JsonNode v) {
    if (v.isTextual()) {
      String t = v.asText();
      return "a string "
          + (t.length() > 40 ? v.toString().substring(0, 40) + "...\"" : v.toString());
    } else if (v.isNumber()) {
      return "a number " + v;
    } else if (v.isBoolean()) {
      return v.toString();
    } else if (v.isArray()) {
      return "a list";
    } else if (v.isObject()) {
      return "an object";
    }
    return v.toString();
  }
}
