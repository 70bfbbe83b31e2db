package org.entente.server.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.entente.api.OrderSyntax;
import org.entente.api.Orders;
import org.entente.server.journal.DirectoryJournalStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entente branch}: a what-if branch of a journaled game, played on headless. */
@Command(
    name = "branch",
    mixinStandardHelpOptions = true,
    description =
        "Fork a journaled game at a turn with some orders replaced, play it on headless with the"
            + " same strategies, and print how it differs from its parent.")
public final class BranchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GAME", description = "a journal file, or a game id")
  String game;

  @Mixin DataOption data;

  @Option(names = "--turn", required = true, paramLabel = "T", description = "the fork turn")
  int turn;

  @Option(
      names = "--orders",
      paramLabel = "STATE=ORDERS",
      description = "replacement orders on the fork turn, e.g. FRA=\"BALANCE GMY 0.2\"")
  Map<String, String> orders = Map.of();

  @Option(
      names = "--journal",
      paramLabel = "DIR",
      description = "write the branch's journal to DIR/<branch id>.journal")
  Path journal;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Replayer parent = data.openOrSay(game, err);
    if (parent == null) {
      return 2;
    }
    if (turn < 1 || turn > parent.turns()) {
      err.println(
          "no turn " + turn + " in " + parent.gameId() + ": it has turns 1.." + parent.turns());
      err.flush();
      return 2;
    }
    Map<String, Orders> replacements = new TreeMap<>();
    for (var e : new TreeMap<>(orders).entrySet()) {
      String seat = e.getKey();
      String given = "--orders " + seat + "=\"" + e.getValue() + "\"";
      if (parent.world().index(seat) < 0) {
        return refuse(err, given, "no state '" + seat + "' in " + parent.world().id());
      }
      Orders o;
      try {
        o = OrderSyntax.parse(e.getValue());
      } catch (IllegalArgumentException ex) {
        return refuse(err, given, ex.getMessage());
      }
      try {
        // the protocol's branch_game check: the same rules, the same messages
        LiveBranch.check(parent.state(turn), turn, Map.of(seat, o), "--orders");
      } catch (LiveBranch.BadOrders ex) {
        return refuse(err, given, "at turn " + turn + ", " + ex.reason());
      }
      replacements.put(seat, o);
    }
    Branch b = Branch.from(parent, turn, replacements);
    out.println(
        "branch "
            + b.gameId()
            + " of "
            + parent.gameId()
            + " at turn "
            + turn
            + ", played to turn "
            + b.history().reports().size());
    if (journal != null) {
      DirectoryJournalStore store = new DirectoryJournalStore(journal);
      try {
        b.writeJournal(store);
      } catch (IOException | IllegalStateException e) {
        err.println("cannot write the branch's journal in " + journal + ": " + e.getMessage());
        err.flush();
        return 1;
      }
      out.println("journal written to " + store.path(b.gameId()));
    }
    Diff.of(parent.history(), b.history()).print(out);
    out.flush();
    return 0;
  }

  private static int refuse(PrintWriter err, String given, String why) {
    err.println("refused " + given + ": " + why + " (nothing played, nothing written)");
    err.flush();
    return 2;
  }
}
