package org.entente.server.game;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.GamePhase;
import org.entente.server.engine.World;
import org.entente.server.net.Connection;

/**
 * The remote entrants registered on the server: connections that asked, with {@code
 * RegisterEntrant}, to be seated in games by name. A game created with {@code entrants} takes, for
 * each such seat, a connection of that name holding no seat of an unfinished game (the one
 * registered first); {@link Lobby} then seats it and pushes it a {@code Joined}.
 */
final class Entrants {
  private static final String NAME = "[A-Za-z0-9_.#-]{1,64}";

  /**
   * A connection reserved for a seat.
   *
   * @param name the entrant's name
   * @param previous the finished game the connection played last, or null: the new seat is pushed
   *     after that game's last messages, so the bot never mistakes them for the new game's
   */
  record Reserved(Connection connection, String name, LiveGame previous) {}

  /** One registered connection and the game it is playing (null when free). */
  private static final class Slot {
    final Connection connection;
    final long order;
    volatile LiveGame game;
    volatile boolean reserved;

    Slot(Connection connection, long order) {
      this.connection = connection;
      this.order = order;
    }

    boolean free() {
      LiveGame g = game;
      return !reserved
          && (g == null || (g.info() != null && g.info().getPhase() == GamePhase.FINISHED));
    }
  }

  private final Map<Connection, String> names = new ConcurrentHashMap<>();
  private final Map<Connection, Slot> slots = new ConcurrentHashMap<>();
  private long registrations;

  /**
   * Registers {@code c} under {@code name}; returns an error message for the client, or null.
   * Registering again under another name moves the connection.
   */
  synchronized String register(Connection c, String name) {
    if (!name.matches(NAME)) {
      return "register_entrant.name: '"
          + name
          + "' is not a valid entrant name (1 to 64 of letters, digits, '_', '.', '#', '-')";
    }
    names.put(c, name);
    slots.putIfAbsent(c, new Slot(c, registrations++));
    return null;
  }

  /**
   * Registers {@code c} under a name the server chose (the ladder's), which need not be a valid
   * {@code RegisterEntrant} name: one that is not cannot be taken by a client.
   */
  synchronized void registerInternal(Connection c, String name) {
    names.put(c, name);
    slots.putIfAbsent(c, new Slot(c, registrations++));
  }

  /** How many connections registered under {@code name} hold no seat of an unfinished game. */
  synchronized int free(String name) {
    int n = 0;
    for (var e : names.entrySet()) {
      Slot s = slots.get(e.getKey());
      if (e.getValue().equals(name) && s != null && s.free() && e.getKey().isOpen()) {
        n++;
      }
    }
    return n;
  }

  /** How many connections are registered under {@code name}. */
  synchronized int count(String name) {
    return (int) names.values().stream().filter(name::equals).count();
  }

  /** Forgets a closed connection. */
  synchronized void remove(Connection c) {
    names.remove(c);
    slots.remove(c);
  }

  /**
   * Checks a request's {@code entrants} against the world and its {@code bots}, and reserves one
   * free connection per seat. Returns the seat-to-connection map, or throws {@link
   * IllegalArgumentException} with a message naming the field (nothing is reserved then).
   */
  synchronized Map<String, Reserved> reserve(CreateGame req, World world) {
    Map<String, Reserved> out = new LinkedHashMap<>();
    if (req.getEntrantsCount() == 0) {
      return out;
    }
    List<Slot> taken = new ArrayList<>();
    for (String seat : new TreeSet<>(req.getEntrantsMap().keySet())) {
      String name = req.getEntrantsMap().get(seat);
      if (world.index(seat) < 0) {
        throw new IllegalArgumentException("entrants: no state '" + seat + "' in " + world.id());
      }
      if (req.getBotsMap().containsKey(seat)) {
        throw new IllegalArgumentException(
            "entrants." + seat + ": the seat is also given to a bot in create_game.bots");
      }
      Slot slot = freeSlot(name, taken);
      if (slot == null) {
        long seats = req.getEntrantsMap().values().stream().filter(name::equals).count();
        throw new IllegalArgumentException(
            "entrants."
                + seat
                + ": remote entrant '"
                + name
                + "' has no free connection ("
                + count(name)
                + " registered, "
                + seats
                + " seats asked in this game; each connection plays one seat at a time)");
      }
      taken.add(slot);
      out.put(seat, new Reserved(slot.connection, name, slot.game));
    }
    taken.forEach(slot -> slot.reserved = true);
    return out;
  }

  private Slot freeSlot(String name, List<Slot> taken) {
    Slot best = null;
    for (var e : names.entrySet()) {
      Slot s = slots.get(e.getKey());
      if (e.getValue().equals(name)
          && s != null
          && s.free()
          && !taken.contains(s)
          && (best == null || s.order < best.order)) {
        best = s;
      }
    }
    return best;
  }

  /** Marks the reserved connections as playing {@code game} (until it finishes). */
  synchronized void assign(Map<String, Reserved> reserved, LiveGame game) {
    for (Reserved r : reserved.values()) {
      Slot s = slots.get(r.connection());
      if (s != null) {
        s.game = game;
        s.reserved = false;
      }
    }
  }

  /** Frees connections reserved for a game that could not be created. */
  synchronized void release(Map<String, Reserved> reserved) {
    for (Reserved r : reserved.values()) {
      Slot s = slots.get(r.connection());
      if (s != null) {
        s.reserved = false;
      }
    }
  }
}
