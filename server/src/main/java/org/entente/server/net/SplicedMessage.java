package org.entente.server.net;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.entente.proto.v1.ServerMessage;

/**
 * A {@link ServerMessage} whose body is sent as two encoded parts: a part shared by many
 * recipients, encoded once, and the recipient's own fields. A turn's views are the case: every seat
 * gets the same public world and its own threat row, outcomes and briefing.
 *
 * <p>Protobuf merges the concatenated encodings of a message, so the shared bytes followed by the
 * recipient's bytes decode as one body with the fields of both. The two parts must set disjoint
 * fields (a field set in both would be merged, not replaced); {@link #whole()} is the message a
 * client decodes, which the JSON face prints and tests compare.
 */
public final class SplicedMessage {

  /** The shared part of a body, with its encoding, for one {@link ServerMessage} body field. */
  public static final class Shared {
    private final FieldDescriptor field;
    private final Message part;
    private final byte[] bytes;

    private Shared(FieldDescriptor field, Message part) {
      this.field = field;
      this.part = part;
      this.bytes = part.toByteArray();
    }

    /**
     * The shared part of bodies of {@code ServerMessage} field {@code fieldNumber} (for example
     * {@link ServerMessage#VIEW_FIELD_NUMBER}), encoded now, once.
     */
    public static Shared of(int fieldNumber, Message part) {
      FieldDescriptor field = ServerMessage.getDescriptor().findFieldByNumber(fieldNumber);
      if (field == null
          || field.getRealContainingOneof() == null
          || field.getType() != FieldDescriptor.Type.MESSAGE
          || field.getMessageType() != part.getDescriptorForType()) {
        throw new IllegalArgumentException(
            "ServerMessage field "
                + fieldNumber
                + " is not a body of type "
                + part.getDescriptorForType().getFullName());
      }
      return new Shared(field, part);
    }

    /** A message to one recipient: these shared fields plus {@code own}. */
    public SplicedMessage with(String requestId, Message own) {
      return new SplicedMessage(this, requestId, own);
    }

    /** The shared part, as a message. */
    public Message part() {
      return part;
    }
  }

  private final Shared shared;
  private final String requestId;
  private final Message own;
  private final int bodySize;
  private final int size;
  private ServerMessage whole;

  private SplicedMessage(Shared shared, String requestId, Message own) {
    if (own.getDescriptorForType() != shared.part.getDescriptorForType()) {
      throw new IllegalArgumentException(
          "own part is a "
              + own.getDescriptorForType().getFullName()
              + ", the shared part a "
              + shared.part.getDescriptorForType().getFullName());
    }
    assert disjoint(shared.part, own) : "shared and own parts set the same fields";
    this.shared = shared;
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.own = own;
    this.bodySize = shared.bytes.length + own.getSerializedSize();
    int envelope =
        requestId.isEmpty()
            ? 0
            : CodedOutputStream.computeStringSize(ServerMessage.REQUEST_ID_FIELD_NUMBER, requestId);
    this.size =
        envelope
            + CodedOutputStream.computeTagSize(shared.field.getNumber())
            + CodedOutputStream.computeUInt32SizeNoTag(bodySize)
            + bodySize;
  }

  /** The message as one {@code ServerMessage}: what a client decodes from the spliced bytes. */
  public ServerMessage whole() {
    ServerMessage w = whole;
    if (w == null) {
      Message body = shared.part.toBuilder().mergeFrom(own).build();
      w = ServerMessage.newBuilder().setRequestId(requestId).setField(shared.field, body).build();
      whole = w;
    }
    return w;
  }

  /** The recipient's own fields. */
  public Message own() {
    return own;
  }

  /** The size of the encoded {@code ServerMessage}, in bytes. */
  public int serializedSize() {
    return size;
  }

  /** Writes the encoded {@code ServerMessage}: request id, then the body's shared and own bytes. */
  public void writeTo(CodedOutputStream out) {
    try {
      if (!requestId.isEmpty()) {
        out.writeString(ServerMessage.REQUEST_ID_FIELD_NUMBER, requestId);
      }
      out.writeTag(shared.field.getNumber(), WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(bodySize);
      out.writeRawBytes(shared.bytes);
      own.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // only an encoder over a stream throws
    }
  }

  /** The encoded {@code ServerMessage}. */
  public byte[] toByteArray() {
    byte[] bytes = new byte[serializedSize()];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    writeTo(out);
    out.checkNoSpaceLeft();
    return bytes;
  }

  private static boolean disjoint(Message a, Message b) {
    for (FieldDescriptor f : a.getAllFields().keySet()) {
      if (b.getAllFields().containsKey(f)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "spliced " + whole();
  }
}
