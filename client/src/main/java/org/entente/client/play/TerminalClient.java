package org.entente.client.play;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.entente.api.OrderSyntax;
import org.entente.api.PlayerView;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.EntenteException;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.GameEventKind;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.Role;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.TurnView;

/**
 * The terminal client for human players: it resumes a token, shows the situation at the start of
 * every turn (and whatever the server pushes in between), and reads commands line by line: {@code
 * orders}, {@code say}, {@code view}, {@code help}, {@code quit}. Input and output are streams
 * passed in, so it runs the same on a terminal and in a test. Plain text, no ANSI codes.
 */
public final class TerminalClient {
  /** Exit status: the player quit, or the input ended. */
  public static final int OK = 0;

  /** Exit status: the connection was lost. */
  public static final int CONNECTION_LOST = 1;

  /** Exit status: the server refused the token. */
  public static final int REFUSED = 2;

  private static final String PROMPT = "> ";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final EntenteClient client;
  private final String token;
  private final BufferedReader in;
  private final PrintWriter out;
  private final Clock clock;
  private final AtomicReference<TurnView> view = new AtomicReference<>();
  private final Set<String> seenMessages = new HashSet<>();
  private volatile boolean ended;
  private volatile boolean reading;
  private volatile boolean finished;

  /** A client reading {@code in} and writing {@code out} (UTF-8), with the system clock. */
  public TerminalClient(EntenteClient client, String token, InputStream in, PrintStream out) {
    this(
        client,
        token,
        in,
        new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true),
        Clock.systemDefaultZone());
  }

  /** A client reading {@code in} and writing {@code out}; {@code clock} times the deadline. */
  public TerminalClient(
      EntenteClient client, String token, InputStream in, PrintWriter out, Clock clock) {
    this.client = client;
    this.token = token;
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
    this.clock = clock;
  }

  /**
   * Resumes the token, then reads commands until {@code quit} or the end of the input. Returns
   * {@link #OK}, {@link #REFUSED} when the server refuses the token, or {@link #CONNECTION_LOST}.
   */
  public int run() {
    EntenteClient.Registration reg = client.onPush(this::onPush);
    try {
      try {
        client.resume(token).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        Throwable cause = EntenteClient.cause(e);
        boolean refused = cause instanceof EntenteException x && x.fromServer();
        print(
            (refused ? "The server refused the token: " : "Cannot resume: ") + cause.getMessage());
        return refused ? REFUSED : CONNECTION_LOST;
      }
      try {
        show(client.getView(token).get(WAIT.toMillis(), TimeUnit.MILLISECONDS), false);
      } catch (Exception e) {
        print("No view yet (" + EntenteClient.cause(e).getMessage() + "); waiting for the turn.");
      }
      print("Type 'help' for the orders and commands.");
      reading = true;
      prompt();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!command(line.trim())) {
          return OK;
        }
        if (!client.isOpen()) {
          print("The connection to " + client.address() + " is closed.");
          return ended ? OK : CONNECTION_LOST;
        }
        prompt();
      }
      return OK;
    } catch (IOException e) {
      print("Cannot read input: " + e.getMessage());
      return OK;
    } finally {
      finished = true;
      reg.remove();
    }
  }

  // ---------------------------------------------------------------- pushes

  private void onPush(ServerMessage m) {
    if (finished) {
      return;
    }
    switch (m.getBodyCase()) {
      case VIEW -> show(m.getView(), true);
      case TURN_RESOLVED -> print(Screen.resolved(m.getTurnResolved()));
      case PRESS -> {
        synchronized (seenMessages) {
          if (!seenMessages.add(Screen.key(m.getPress()))) {
            return;
          }
        }
        print("Message " + Screen.message(m.getPress()));
        prompt();
      }
      case GAME_EVENT -> {
        print(Screen.event(m.getGameEvent()));
        if (m.getGameEvent().getKind() == GameEventKind.GAME_ENDED) {
          ended = true;
          print("Type quit to leave.");
        }
        prompt();
      }
      case ERROR -> print("Server: " + m.getError().getCode() + ": " + m.getError().getMessage());
      default -> {}
    }
  }

  // Renders a view unless it is the one already shown.
  private void show(TurnView v, boolean withPrompt) {
    TurnView before = view.getAndSet(v);
    if (v.equals(before)) {
      return;
    }
    String screen;
    synchronized (seenMessages) {
      screen = Screen.render(v, clock, seenMessages);
    }
    print(screen);
    if (v.getPhase() == GamePhase.FINISHED) {
      ended = true;
      print("The game is over.");
    }
    if (withPrompt) {
      prompt();
    }
  }

  // ---------------------------------------------------------------- commands

  // Runs one command line; false to leave.
  private boolean command(String line) {
    if (line.isEmpty()) {
      return true;
    }
    String[] w = line.split("\\s+", 2);
    String verb = w[0].toLowerCase(Locale.ROOT);
    String rest = w.length > 1 ? w[1].trim() : "";
    switch (verb) {
      case "quit", "exit" -> {
        finished = true;
        print("Bye. Your seat stays yours: come back with the same token.");
        return false;
      }
      case "help", "?" -> print(Help.text(playerView()));
      case "view" -> redraw();
      case "orders", "order" -> orders(rest);
      case "say" -> say(rest);
      case "balance", "bandwagon", "hide", "buck_pass" -> orders(line);
      default ->
          print(
              "Unknown command '"
                  + w[0]
                  + "'. Commands: orders, say, view, help, quit (type 'help' for details).");
    }
    return true;
  }

  private void redraw() {
    TurnView v = view.get();
    if (v == null) {
      print("No view yet: waiting for the turn to start.");
      return;
    }
    String screen;
    synchronized (seenMessages) {
      // Show every message again on request.
      screen = Screen.render(v, clock, new HashSet<>());
    }
    print(screen);
  }

  private void orders(String line) {
    TurnView v = view.get();
    if (v == null) {
      print("No view yet: wait for the turn to start.");
      return;
    }
    if (v.getRole() != Role.SEAT) {
      print("Only a seat can order: this token is " + v.getRole() + ".");
      return;
    }
    if (v.getPhase() == GamePhase.ELIMINATED) {
      print("Your state is out of the game: " + v.getEliminated().getReason() + ".");
      return;
    }
    if (v.getPhase() != GamePhase.ORDERS) {
      print("Orders are closed: the game is " + v.getPhase() + ".");
      return;
    }
    if (line.isEmpty()) {
      print("Usage: orders " + Help.ORDERS + ", e.g. orders HIDE. Type 'help' for the forms.");
      return;
    }
    PlayerView pv = playerView();
    OrderCheck.Checked checked;
    if (pv != null) {
      checked = OrderCheck.check(pv, line);
    } else {
      try {
        checked = new OrderCheck.Checked(OrderSyntax.parse(line), List.of());
      } catch (IllegalArgumentException e) {
        checked = new OrderCheck.Checked(null, List.of(e.getMessage()));
      }
    }
    if (!checked.ok()) {
      List<String> lines = new ArrayList<>();
      lines.add("Not sent: " + checked.problems().size() + " problem(s):");
      checked.problems().forEach(p -> lines.add(Screen.wrap("  - " + p, "    ").stripTrailing()));
      print(String.join("\n", lines));
      return;
    }
    if (pv != null) {
      for (String c : OrderCheck.cautions(pv, checked.orders())) {
        print(Screen.wrap("Note: " + c, "  ").stripTrailing());
      }
    }
    String text = OrderSyntax.format(checked.orders());
    try {
      // Printed on the client's thread, so it comes before any push that followed the reply.
      client
          .submit(token, v.getTurn(), v.getSelf(), checked.orders())
          .thenAccept(
              a ->
                  print(
                      "Orders for turn "
                          + a.getTurn()
                          + " accepted: "
                          + text
                          + (a.getSubmittedBy().isEmpty()
                              ? ""
                              : " (standing, by " + a.getSubmittedBy() + ")")))
          .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      print("The server refused the orders: " + EntenteClient.cause(e).getMessage());
    }
  }

  private void say(String rest) {
    String[] w = rest.split("\\s+", 2);
    if (w.length < 2 || w[1].isBlank()) {
      print("Usage: say <STATE,...|all|team> <text>, e.g. say all We seek peace.");
      return;
    }
    List<String> to = new ArrayList<>();
    boolean team = false;
    String target = w[0];
    if (target.equalsIgnoreCase("team")) {
      team = true;
    } else if (!target.equalsIgnoreCase("all")) {
      TurnView v = view.get();
      for (String id : target.split(",")) {
        if (id.isEmpty()) {
          continue;
        }
        if (v != null && v.getNationsList().stream().noneMatch(n -> n.getId().equals(id))) {
          print(
              "No state "
                  + id
                  + "; states: "
                  + String.join(", ", v.getNationsList().stream().map(n -> n.getId()).toList())
                  + " (or all, or team).");
          return;
        }
        to.add(id);
      }
    }
    try {
      String whom = team ? "your team" : to.isEmpty() ? "all" : String.join(",", to);
      client
          .press(token, to, team, w[1].trim())
          .thenAccept(reply -> print("Sent to " + whom + "."))
          .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      print("Not sent: " + EntenteClient.cause(e).getMessage());
    }
  }

  // The seat's view in API form, or null (no view yet, not a seat, or unreadable).
  private PlayerView playerView() {
    TurnView v = view.get();
    if (v == null || v.getRole() != Role.SEAT || v.getSelf().isEmpty()) {
      return null;
    }
    try {
      return Wire.view(v);
    } catch (RuntimeException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- output

  private void print(String text) {
    synchronized (out) {
      out.println(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
      out.flush();
    }
  }

  private void prompt() {
    if (!reading) {
      return;
    }
    synchronized (out) {
      out.print(PROMPT);
      out.flush();
    }
  }
}
