package org.entente.server.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.proto.v1.JournalEvent;
import org.entente.proto.v1.JournalGameCreated;
import org.entente.proto.v1.JournalRecord;
import org.entente.proto.v1.PressMessage;
import org.entente.proto.v1.Role;
import org.entente.server.history.GameHistory;
import org.entente.server.journal.JournalCorruptException;
import org.entente.server.journal.JournalReader;
import org.entente.server.journal.Replay;

/**
 * What the room did in a game, as its journal tells it: who joined each seat (the students' names),
 * who played each seat on each turn (a student, the seat's bot, the instructor's autopilot, or no
 * one), the messages sent, and the events the instructor injected. A headless game has only bots.
 *
 * @param seats one per state, in scenario order
 * @param messages every message, oldest first
 * @param injects the instructor's injects, in the order given
 * @param journaled false for a game known only from its history (no members, messages or injects)
 */
public record Room(
    List<Seat> seats, List<Message> messages, List<Inject> injects, boolean journaled) {

  /** Who played a seat on a turn. */
  public enum Kind {
    /** A student sent the orders (or had joined and sent none: the defaults stood). */
    STUDENT,
    /** The seat is a bot's from the start. */
    BOT,
    /** The instructor handed the seat to a bot. */
    AUTOPILOT,
    /** No student ever joined the seat by then and no bot played it: the defaults stood. */
    NOBODY
  }

  /**
   * One seat: the students who joined it (names in joining order, with the turn each joined) and
   * who played it, turn by turn ({@code players.get(t - 1)} for turn t).
   */
  public record Seat(String state, List<Student> students, List<Player> players) {
    /** The seat's turns grouped into runs played the same way. */
    public List<Span> spans() {
      List<Span> out = new ArrayList<>();
      for (int t = 1; t <= players.size(); t++) {
        Player p = players.get(t - 1);
        Span last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last != null && last.player().sameAs(p)) {
          out.set(out.size() - 1, new Span(last.from(), t, last.player()));
        } else {
          out.add(new Span(t, t, p));
        }
      }
      return out;
    }

    /** The students' names, joined by ", "; "" when none joined. */
    public String names() {
      return String.join(", ", students.stream().map(Student::name).toList());
    }
  }

  /** A student who joined a seat before turn {@code turn} was adjudicated. */
  public record Student(String name, int turn) {}

  /**
   * Who played a seat on one turn: the kind, who ({@code name}: the student, or the bot's
   * strategy), and whether orders were sent (false: the defaults stood).
   */
  public record Player(Kind kind, String name, boolean sent) {
    boolean sameAs(Player o) {
      return kind == o.kind && name.equals(o.name) && sent == o.sent;
    }

    /** In words: "student Alice", "bot (balancer)", "autopilot (hider)", "no student joined". */
    public String words() {
      return switch (kind) {
        case STUDENT -> "student " + name + (sent ? "" : " (sent no orders)");
        case BOT -> "bot (" + name + ")";
        case AUTOPILOT -> "autopilot (" + name + ")";
        case NOBODY -> "no student joined";
      };
    }
  }

  /** Turns {@code from} to {@code to} played by {@code player}. */
  public record Span(int from, int to, Player player) {
    /** "turn 3" or "turns 3-7". */
    public String turns() {
      return from == to ? "turn " + from : "turns " + from + "-" + to;
    }
  }

  /**
   * A message: the turn it was sent in, the sending seat ("" for the instructor), the member's
   * name, the addressees (empty: everyone), whether it went to the sender's team only, and the
   * text.
   */
  public record Message(
      int turn, String from, String author, List<String> to, boolean team, String text) {
    /** "FRN (Alice) to UKG" / "the instructor to everyone". */
    public String header() {
      String who =
          from.isEmpty()
              ? "the instructor"
              : from + (author.isEmpty() || author.equals(from) ? "" : " (" + author + ")");
      String whom = team ? "its team" : to.isEmpty() ? "everyone" : String.join(", ", to);
      return who + " to " + whom;
    }
  }

  /** Events the instructor injected during turn {@code turn} (before it was adjudicated). */
  public record Inject(int turn, List<String> texts) {}

  /** The room of a game known only from its history: bots play their seats, no one else joined. */
  public static Room of(GameHistory h) {
    int turns = h.reports().size();
    List<Seat> seats = new ArrayList<>();
    for (var n : h.world().start()) {
      String s = h.strategies().get(n.id());
      List<Player> players = new ArrayList<>();
      for (int t = 1; t <= turns; t++) {
        players.add(s == null ? new Player(Kind.NOBODY, "", false) : new Player(Kind.BOT, s, true));
      }
      seats.add(new Seat(n.id(), List.of(), players));
    }
    return new Room(seats, List.of(), List.of(), false);
  }

  /**
   * The room of the game journaled in {@code contents}: members, submissions (who sent each seat's
   * standing orders), autopilot switches, messages and injects, walked in journal order.
   */
  public static Room of(JournalReader.Contents contents) throws JournalCorruptException {
    List<JournalRecord> records = contents.records();
    JournalGameCreated created = Replay.created(contents);
    List<String> ids =
        Replay.world(contents.path(), created).start().stream().map(n -> n.id()).toList();
    Map<String, String> bots = created.getSettings().getBotsMap();
    Map<String, List<Student>> students = new LinkedHashMap<>();
    Map<String, List<Player>> players = new LinkedHashMap<>();
    Map<String, String> autopilot = new TreeMap<>();
    Map<String, String> by = new TreeMap<>(); // this turn's standing submitter, by state
    List<Message> messages = new ArrayList<>();
    List<Inject> injects = new ArrayList<>();
    LinkedHashSet<String> order = new LinkedHashSet<>(ids);
    int turn = 1;
    for (int i = 1; i < records.size(); i++) {
      JournalRecord r = records.get(i);
      switch (r.getKindCase()) {
        case MEMBER_ADDED -> {
          var m = r.getMemberAdded();
          if (m.getRole() == Role.SEAT && !m.getState().isEmpty()) {
            List<Student> list = students.computeIfAbsent(m.getState(), k -> new ArrayList<>());
            final int joined = turn;
            if (list.stream().noneMatch(s -> s.name().equals(m.getName()))) {
              list.add(new Student(m.getName(), joined));
            }
          }
        }
        case ORDERS_ACCEPTED -> {
          var o = r.getOrdersAccepted();
          if (o.getTurn() == turn) {
            by.put(o.getState(), o.getSubmittedBy());
            order.add(o.getState());
          }
        }
        case PRESS -> messages.add(message(r.getPress()));
        case INSTRUCTOR -> {
          var a = r.getInstructor();
          if (a.hasInject()) {
            List<String> texts = new ArrayList<>();
            for (JournalEvent e : a.getInject().getEventsList()) {
              texts.add(e.getText());
            }
            injects.add(new Inject(a.getTurn() == 0 ? turn : a.getTurn(), texts));
          } else if (a.hasAutopilot()) {
            if (a.getAutopilot().getOn()) {
              autopilot.put(a.getAutopilot().getState(), a.getAutopilot().getStrategy());
            } else {
              autopilot.remove(a.getAutopilot().getState());
            }
          }
        }
        case TURN -> {
          for (String state : r.getTurn().getOrdersMap().keySet()) {
            order.add(state);
          }
          for (String state : allStates(created, r, students, order)) {
            players
                .computeIfAbsent(state, k -> new ArrayList<>())
                .add(player(state, bots, autopilot, by, students));
          }
          by.clear();
          turn++;
        }
        default -> {
          // creation, secrets, revocations, deadlines and the end change no one's seat
        }
      }
    }
    return new Room(seatsInOrder(players, students, turn - 1), messages, injects, true);
  }

  /** The states a turn record speaks of, with every state known so far. */
  private static List<String> allStates(
      JournalGameCreated created,
      JournalRecord r,
      Map<String, List<Student>> students,
      LinkedHashSet<String> known) {
    LinkedHashSet<String> all = new LinkedHashSet<>(known);
    all.addAll(created.getSettings().getBotsMap().keySet());
    all.addAll(students.keySet());
    all.addAll(r.getTurn().getOrdersMap().keySet());
    return new ArrayList<>(all);
  }

  private static Player player(
      String state,
      Map<String, String> bots,
      Map<String, String> autopilot,
      Map<String, String> by,
      Map<String, List<Student>> students) {
    String bot = bots.get(state);
    if (bot != null && !bot.isEmpty()) {
      return new Player(Kind.BOT, bot, true);
    }
    String sub = by.get(state);
    if (sub != null && sub.startsWith("bot:")) {
      return new Player(Kind.AUTOPILOT, sub.substring(4), true);
    }
    if (autopilot.containsKey(state)) {
      String s = autopilot.get(state);
      return new Player(Kind.AUTOPILOT, s.isEmpty() ? "default" : s, sub != null);
    }
    if (sub != null && !sub.isEmpty()) {
      return new Player(Kind.STUDENT, sub, true);
    }
    List<Student> joined = students.getOrDefault(state, List.of());
    if (!joined.isEmpty()) {
      return new Player(
          Kind.STUDENT, String.join(", ", joined.stream().map(Student::name).toList()), false);
    }
    return new Player(Kind.NOBODY, "", false);
  }

  /**
   * The seats in the order they were first seen, each padded to {@code turns} (a seat not named in
   * early turns was played by no one then).
   */
  private static List<Seat> seatsInOrder(
      Map<String, List<Player>> players, Map<String, List<Student>> students, int turns) {
    LinkedHashSet<String> ids = new LinkedHashSet<>(players.keySet());
    ids.addAll(students.keySet());
    List<Seat> out = new ArrayList<>();
    for (String id : ids) {
      List<Player> p = new ArrayList<>(players.getOrDefault(id, List.of()));
      while (p.size() < turns) {
        p.add(0, new Player(Kind.NOBODY, "", false));
      }
      out.add(new Seat(id, List.copyOf(students.getOrDefault(id, List.of())), List.copyOf(p)));
    }
    return out;
  }

  /** The room with its seats in {@code ids} order (seats never seen are played by no one). */
  public Room ordered(List<String> ids, int turns) {
    Map<String, Seat> by = new LinkedHashMap<>();
    seats.forEach(s -> by.put(s.state(), s));
    List<Seat> out = new ArrayList<>();
    for (String id : ids) {
      Seat s = by.get(id);
      if (s == null) {
        List<Player> p = new ArrayList<>();
        for (int t = 0; t < turns; t++) {
          p.add(new Player(Kind.NOBODY, "", false));
        }
        s = new Seat(id, List.of(), p);
      }
      out.add(s);
    }
    return new Room(out, messages, injects, journaled);
  }

  /** The seat of {@code state}, or null. */
  public Seat seat(String state) {
    return seats.stream().filter(s -> s.state().equals(state)).findFirst().orElse(null);
  }

  /** The messages sent during turn {@code t}. */
  public List<Message> messagesOf(int t) {
    return messages.stream().filter(m -> m.turn() == t).toList();
  }

  /** The messages {@code state} sent or could read (to it, to everyone, or its own team's). */
  public List<Message> messagesSeenBy(String state) {
    return messages.stream()
        .filter(
            m ->
                m.from().equals(state)
                    || (!m.team() && (m.to().isEmpty() || m.to().contains(state))))
        .toList();
  }

  /** The injects made during turn {@code t}. */
  public List<Inject> injectsOf(int t) {
    return injects.stream().filter(x -> x.turn() == t).toList();
  }

  private static Message message(PressMessage p) {
    return new Message(
        p.getTurn(),
        p.getFromState(),
        p.getFromMember(),
        List.copyOf(p.getToList()),
        p.getTeam(),
        p.getText());
  }
}
