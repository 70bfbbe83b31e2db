package org.entente.server.game;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Map;

/**
 * Checks on what clients choose: the length of names and texts, and numbers. Every check names the
 * field and the limit, so the error tells the client what to change.
 */
final class Fields {
  /** Game names, member names, client names. */
  static final int MAX_NAME_CHARS = 64;

  /** Messages, notes, inject texts. */
  static final int MAX_TEXT_CHARS = 4000;

  /** No counter, index or duration on the wire needs more (a uint32 above it reads negative). */
  static final long MAX_UINT32 = Integer.MAX_VALUE;

  private Fields() {}

  /** Null if {@code value} is at most {@code max} characters, else the error naming both. */
  static String tooLong(String field, String value, int max) {
    if (value.length() <= max) {
      return null;
    }
    return field + ": " + value.length() + " characters, the limit is " + max;
  }

  /** {@code value} as an error message may quote it: at most 40 characters. */
  static String quote(String value) {
    return value.length() <= 40
        ? value
        : value.substring(0, 40) + "... (" + value.length() + " characters)";
  }

  /**
   * The first number in {@code m} that no request may carry, named by its path ({@code
   * instructor.inject.capability.economy}), or null: a double or float that is NaN or infinite, or
   * a uint32 at or above 2^31 (read as a negative int). Ranges of particular fields are checked
   * where they are used.
   */
  static String badNumber(Message m) {
    return badNumber(m, "");
  }

  private static String badNumber(Message m, String prefix) {
    for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      String name = prefix + f.getName();
      if (f.isMapField()) {
        continue; // maps of strings only on this wire
      }
      if (f.isRepeated()) {
        List<?> values = (List<?>) e.getValue();
        for (int i = 0; i < values.size(); i++) {
          String p = badValue(f, values.get(i), name + "[" + i + "]");
          if (p != null) {
            return p;
          }
        }
      } else {
        String p = badValue(f, e.getValue(), name);
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }

  private static String badValue(FieldDescriptor f, Object v, String name) {
    switch (f.getJavaType()) {
      case MESSAGE:
        return badNumber((Message) v, name + ".");
      case DOUBLE:
      case FLOAT:
        double d = ((Number) v).doubleValue();
        return Double.isFinite(d) ? null : name + ": " + d + " is not a finite number";
      case INT:
        if (f.getType() == FieldDescriptor.Type.UINT32
            || f.getType() == FieldDescriptor.Type.FIXED32) {
          long u = Integer.toUnsignedLong((Integer) v);
          return u <= MAX_UINT32
              ? null
              : name + ": " + u + " is out of range (at most " + MAX_UINT32 + ")";
        }
        return null;
      default:
        return null;
    }
  }
}
