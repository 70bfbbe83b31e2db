package org.entente.server.debrief;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entente.server.engine.Games;
import org.entente.server.engine.World;
import org.entente.server.history.GameHistory;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.journal.JournalCorruptException;
import org.entente.server.journal.JournalReader;
import org.entente.server.journal.Replay;
import org.entente.server.replay.Room;
import org.entente.server.sim.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code entente debrief}: renders the debrief of a journaled game ({@code entente debrief GAME}, a
 * journal file or a game id in {@code --data}), or plays a game headless ({@code --scenario}), as
 * Markdown, HTML or JSON. The rendering half, {@link #emit}, takes a {@link GameHistory} from any
 * source.
 */
@Command(
    name = "debrief",
    mixinStandardHelpOptions = true,
    description =
        "Render the debrief of a journaled game (GAME), or play a game with bots (--scenario)"
            + " and render its debrief: scores, system view, narrative, theory lens and (in"
            + " HTML) charts.")
public final class DebriefCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "GAME",
      description = "a journal file, or the id of a game journaled in --data")
  String game;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "where game journals live, for GAME given as an id (default: ${DEFAULT-VALUE})")
  Path data = Path.of("data");

  @Option(
      names = "--scenario",
      paramLabel = "ID|FILE",
      description = "a built-in scenario id or a scenario file")
  String scenario;

  @Option(names = "--seed", description = "the game seed (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(
      names = "--bots",
      split = ",",
      paramLabel = "SEAT=STRATEGY",
      description =
          "strategies per seat (default: the scenario's, else "
              + Simulation.FALLBACK_STRATEGY
              + ")")
  Map<String, String> bots = Map.of();

  @Option(
      names = "--turns",
      paramLabel = "N",
      description = "stop after N turns (default: the scenario's length)")
  Integer turns;

  @Option(
      names = "--format",
      paramLabel = "md|html|json",
      description = "the form of the debrief (default: ${DEFAULT-VALUE})")
  String format = "md";

  @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (default: stdout)")
  Path out;

  @Option(
      names = "--charts-at",
      split = ",",
      paramLabel = "N",
      description =
          "draw the threat and alliance charts after these numbers of turns (0 = the start;"
              + " default: first, middle, last)")
  List<Integer> chartsAt = List.of();

  @Option(
      names = "--state",
      paramLabel = "STATE",
      description =
          "the student part: only this state's seat, decisions, turning points and the messages"
              + " it could read, without the instructor's notes and the threat matrix")
  String state;

  @Option(
      names = "--lang",
      paramLabel = "en|ko",
      description = "the language of the HTML form's headings and fixed texts (default: en)")
  String lang = "en";

  @Option(
      names = "--no-messages",
      negatable = true,
      description = "leave the messages out (default: shown)")
  boolean messages = true;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Format f;
    Words w;
    try {
      f = Format.parse(format);
      w = Words.parse(lang);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    Debrief.Options opts = new Debrief.Options(chartsAt, messages, state);
    if (game != null) {
      if (scenario != null) {
        err.println("give either GAME (a journal) or --scenario, not both");
        return 2;
      }
      if (!bots.isEmpty() || turns != null) {
        err.println("--bots and --turns apply to --scenario; a journal was played already");
        return 2;
      }
      GameHistory h;
      Room room;
      try {
        JournalReader.Contents contents = JournalReader.read(journal(game, data));
        h = Replay.replay(contents).history();
        room = Room.of(contents);
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        return 2;
      } catch (JournalCorruptException e) {
        err.println("cannot debrief " + game + ": " + e.getMessage());
        return 2;
      } catch (IOException e) {
        err.println("cannot read the journal of " + game + ": " + e);
        return 2;
      }
      return emit(h, room, opts, f, w, out, spec.commandLine().getOut(), err);
    }
    if (scenario == null) {
      err.println("give GAME (a journal file or a game id in --data) or --scenario ID|FILE");
      return 2;
    }
    Simulation.Setup setup;
    try {
      setup = Simulation.prepare(scenario, bots, turns);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    World world = setup.world();
    Map<String, String> strategies = setup.strategies();
    Games.Played played =
        Simulation.run(world, seed, strategies, turns == null ? world.turns() : turns);
    GameHistory h = GameHistory.of(world.id() + "-seed-" + seed, world, seed, played, strategies);
    return emit(h, Room.of(h), opts, f, w, out, spec.commandLine().getOut(), err);
  }

  /**
   * The journal file of {@code game}: the file itself when it exists, else the journal of the game
   * with that id in {@code data}. Throws {@link IllegalArgumentException} naming both when neither
   * exists.
   */
  static Path journal(String game, Path data) {
    Path file = Path.of(game);
    if (Files.isRegularFile(file)) {
      return file;
    }
    Path inData;
    try {
      inData = new DirectoryJournalStore(data).path(game);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("no journal file " + game + " (and not a game id)");
    }
    if (!Files.isRegularFile(inData)) {
      throw new IllegalArgumentException(
          "no journal " + game + ": neither a file nor a game in " + data + " (no " + inData + ")");
    }
    return inData;
  }

  /**
   * Renders {@code history} in {@code format} to {@code file}, or to {@code stdout} when {@code
   * file} is null. Returns the exit code: 0, or 1 when the file cannot be written.
   */
  public static int emit(
      GameHistory history,
      Format format,
      List<Integer> chartsAt,
      Path file,
      PrintWriter stdout,
      PrintWriter err) {
    return emit(
        history,
        Room.of(history),
        new Debrief.Options(chartsAt, true, null),
        format,
        Words.EN,
        file,
        stdout,
        err);
  }

  /**
   * Renders the debrief of {@code history} played by {@code room} as {@code options} asks, to
   * {@code file} or {@code stdout}. Returns the exit code: 0; 2 for an unknown state; 1 when the
   * file cannot be written.
   */
  public static int emit(
      GameHistory history,
      Room room,
      Debrief.Options options,
      Format format,
      Words lang,
      Path file,
      PrintWriter stdout,
      PrintWriter err) {
    String text;
    try {
      Words words = format == Format.JSON || lang == null ? Words.EN : lang;
      text = Debriefs.render(Debrief.of(history, room, options, words), format, words);
    } catch (IllegalArgumentException e) {
      err.println("--state: " + e.getMessage());
      err.flush();
      return 2;
    }
    if (file == null) {
      stdout.print(text);
      stdout.flush();
      return 0;
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("cannot write " + file + ": " + e.getMessage());
      err.flush();
      return 1;
    }
    stdout.println("debrief written to " + file);
    stdout.flush();
    return 0;
  }
}
