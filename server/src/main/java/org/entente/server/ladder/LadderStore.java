package org.entente.server.ladder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ladder's file, {@code ladder.json} in the data folder: a versioned JSON document holding
 * every entrant's rating and the latest rated games (see docs/ladder.md for its fields). It is
 * written whole to a temporary file, forced to the disk and moved over the old one, so a crash
 * leaves either the old file or the new one, never a mix. Reading checks every field and names the
 * file and the JSON path of the first one that is wrong.
 */
final class LadderStore {
  /** The format written; a file of another format is refused with a message saying so. */
  static final int FORMAT = 1;

  static final String FILE = "ladder.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  LadderStore(Path dataFolder) {
    this.file = dataFolder.resolve(FILE);
  }

  Path file() {
    return file;
  }

  /** A bad ladder file: the message names the file and the field. */
  static final class BadFileException extends IOException {
    BadFileException(String message) {
      super(message);
    }
  }

  /** The book in the file, or an empty book when there is no file yet. */
  Book load() throws IOException {
    if (!Files.exists(file)) {
      return new Book();
    }
    byte[] bytes = Files.readAllBytes(file);
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new BadFileException(
          file
              + ": not JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + "): "
              + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw bad("$", "expected an object");
    }
    JsonNode format = root.get("format");
    if (format == null || !format.isInt()) {
      throw bad("$.format", "expected the format number " + FORMAT);
    }
    if (format.asInt() != FORMAT) {
      throw bad(
          "$.format",
          "format "
              + format.asInt()
              + " is not read by this server (it reads format "
              + FORMAT
              + "); use the entente version that wrote it");
    }
    Book book = new Book();
    book.gamesRated = nonNegativeLong(root, "gamesRated", "$");
    ArrayNode entrants = array(root, "entrants", "$");
    for (int i = 0; i < entrants.size(); i++) {
      String at = "$.entrants[" + i + "]";
      JsonNode e = object(entrants.get(i), at);
      String name = text(e, "name", at);
      if (!Ladder.validName(name)) {
        throw bad(at + ".name", "'" + name + "' is not a valid entrant name");
      }
      if (book.entries.containsKey(name)) {
        throw bad(at + ".name", "'" + name + "' is named twice");
      }
      boolean remote = bool(e, "remote", at);
      String strategy = text(e, "strategy", at);
      String tokenHash = text(e, "tokenHash", at);
      if (remote && tokenHash.isEmpty()) {
        throw bad(at + ".tokenHash", "a remote entrant needs its token's hash");
      }
      if (!remote && strategy.isEmpty()) {
        throw bad(at + ".strategy", "a built-in entrant needs its strategy");
      }
      double mean = number(e, "mean", at);
      double variance = number(e, "variance", at);
      if (!(variance > 0)) {
        throw bad(at + ".variance", "must be positive, got " + variance);
      }
      long games = nonNegativeLong(e, "games", at);
      double scoreSum = number(e, "scoreSum", at);
      long registered = nonNegativeLong(e, "registeredMillis", at);
      book.entries.put(
          name,
          new Book.Entry(
              name,
              remote,
              strategy,
              tokenHash,
              registered,
              new Rating.Belief(mean, variance),
              (int) Math.min(games, Integer.MAX_VALUE),
              scoreSum));
    }
    ArrayNode games = array(root, "games", "$");
    Set<Long> numbers = new HashSet<>();
    for (int i = 0; i < games.size(); i++) {
      String at = "$.games[" + i + "]";
      JsonNode g = object(games.get(i), at);
      long number = nonNegativeLong(g, "number", at);
      if (!numbers.add(number)) {
        throw bad(at + ".number", "game " + number + " is listed twice");
      }
      String gameId = text(g, "gameId", at);
      String scenario = text(g, "scenario", at);
      long seed = integer(g, "seed", at);
      long ended = nonNegativeLong(g, "endedMillis", at);
      ArrayNode seats = array(g, "seats", at);
      List<Book.Seat> list = new ArrayList<>();
      for (int s = 0; s < seats.size(); s++) {
        String sat = at + ".seats[" + s + "]";
        JsonNode seat = object(seats.get(s), sat);
        String entrant = text(seat, "entrant", sat);
        if (!book.entries.containsKey(entrant)) {
          throw bad(sat + ".entrant", "no entrant '" + entrant + "' in $.entrants");
        }
        list.add(
            new Book.Seat(
                text(seat, "state", sat),
                entrant,
                number(seat, "score", sat),
                number(seat, "before", sat),
                number(seat, "after", sat)));
      }
      book.add(new Book.Played(number, gameId, scenario, seed, ended, list));
    }
    return book;
  }

  /** Writes {@code book} atomically (temporary file, force, move). */
  void save(Book book) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("gamesRated", book.gamesRated);
    ArrayNode entrants = root.putArray("entrants");
    for (Book.Entry e : book.entries.values()) {
      ObjectNode o = entrants.addObject();
      o.put("name", e.name);
      o.put("remote", e.remote);
      o.put("strategy", e.strategy);
      o.put("tokenHash", e.tokenHash);
      o.put("mean", e.belief.mean());
      o.put("variance", e.belief.variance());
      o.put("games", e.games);
      o.put("scoreSum", e.scoreSum);
      o.put("registeredMillis", e.registeredMillis);
    }
    ArrayNode games = root.putArray("games");
    for (Book.Played p : book.history) {
      ObjectNode o = games.addObject();
      o.put("number", p.number());
      o.put("gameId", p.gameId());
      o.put("scenario", p.scenario());
      o.put("seed", p.seed());
      o.put("endedMillis", p.endedMillis());
      ArrayNode seats = o.putArray("seats");
      for (Book.Seat s : p.seats()) {
        seats
            .addObject()
            .put("state", s.state())
            .put("entrant", s.entrant())
            .put("score", s.score())
            .put("before", s.before())
            .put("after", s.after());
      }
    }
    byte[] bytes =
        JSON.writerWithDefaultPrettyPrinter()
            .writeValueAsString(root)
            .concat("\n")
            .getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(FILE + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      var buf = java.nio.ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private BadFileException bad(String path, String what) {
    return new BadFileException(file + ": " + path + ": " + what);
  }

  private JsonNode field(JsonNode o, String name, String at) throws BadFileException {
    JsonNode v = o.get(name);
    if (v == null || v.isNull()) {
      throw bad(at + "." + name, "missing");
    }
    return v;
  }

  private JsonNode object(JsonNode v, String at) throws BadFileException {
    if (v == null || !v.isObject()) {
      throw bad(at, "expected an object");
    }
    return v;
  }

  private ArrayNode array(JsonNode o, String name, String at) throws BadFileException {
    JsonNode v = field(o, name, at);
    if (!v.isArray()) {
      throw bad(at + "." + name, "expected an array, got " + kind(v));
    }
    return (ArrayNode) v;
  }

  private String text(JsonNode o, String name, String at) throws BadFileException {
    JsonNode v = field(o, name, at);
    if (!v.isTextual()) {
      throw bad(at + "." + name, "expected a string, got " + kind(v));
    }
    return v.asText();
  }

  private boolean bool(JsonNode o, String name, String at) throws BadFileException {
    JsonNode v = field(o, name, at);
    if (!v.isBoolean()) {
      throw bad(at + "." + name, "expected true or false, got " + kind(v));
    }
    return v.asBoolean();
  }

  private double number(JsonNode o, String name, String at) throws BadFileException {
    JsonNode v = field(o, name, at);
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw bad(at + "." + name, "expected a finite number, got " + kind(v));
    }
    return v.asDouble();
  }

  private long integer(JsonNode o, String name, String at) throws BadFileException {
    JsonNode v = field(o, name, at);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw bad(at + "." + name, "expected an integer, got " + kind(v));
    }
    return v.asLong();
  }

  private long nonNegativeLong(JsonNode o, String name, String at) throws BadFileException {
    long v = integer(o, name, at);
    if (v < 0) {
      throw bad(at + "." + name, "must not be negative, got " + v);
    }
    return v;
  }

  private static String kind(JsonNode v) {
    return v.isTextual() ? "the string " + v : v.getNodeType().toString().toLowerCase() + " " + v;
  }
}
