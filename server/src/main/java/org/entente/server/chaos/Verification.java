package org.entente.server.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.entente.proto.v1.JournalRecord;
import org.entente.server.engine.TurnReport;
import org.entente.server.journal.JournalReader;
import org.entente.server.journal.Replay;
import org.entente.server.sim.Simulation;

/**
 * Checks each game of a chaos run against its journal, once the server has stopped: every order the
 * server acknowledged is journaled; the journal replays (every turn adjudicated again from the
 * journaled orders gives the journaled hash); and the journal's hashes are those of the same game
 * played without interruption, in-process, with the same seed and strategies.
 */
final class Verification {
  /**
   * One game's verdict.
   *
   * @param acknowledged orders the server acknowledged for it
   * @param lost those not in its journal
   * @param turns turns journaled and replayed
   * @param mismatches turns whose hash differs from the uninterrupted run's (a journal that does
   *     not replay counts one)
   * @param finalHash the journal's last hash ("" before the first turn)
   * @param uninterruptedHash the uninterrupted run's hash for the same turn
   * @param problem why the journal could not be replayed, or null
   */
  record Verdict(
      ChaosGame game,
      int acknowledged,
      int lost,
      int turns,
      int mismatches,
      String finalHash,
      String uninterruptedHash,
      String problem) {}

  private final Path data;

  Verification(Path data) {
    this.data = data;
  }

  List<Verdict> check(List<ChaosGame> games, List<Ledger.Acknowledged> acknowledged) {
    Map<String, List<Ledger.Acknowledged>> byGame =
        acknowledged.stream().collect(Collectors.groupingBy(Ledger.Acknowledged::gameId));
    List<Verdict> out = new ArrayList<>();
    for (ChaosGame game : games) {
      out.add(check(game, byGame.getOrDefault(game.id, List.of())));
    }
    return out;
  }

  private Verdict check(ChaosGame game, List<Ledger.Acknowledged> acks) {
    JournalReader.Contents contents;
    List<String> journaled;
    try {
      contents = JournalReader.read(data.resolve(game.id + ".journal"));
      journaled = Replay.replay(contents).reports().stream().map(TurnReport::stateHash).toList();
    } catch (IOException e) {
      return new Verdict(game, acks.size(), acks.size(), 0, 1, "", "", e.getMessage());
    }
    Set<Ledger.Acknowledged> inJournal = ordersIn(game.id, contents);
    int lost = (int) acks.stream().filter(a -> !inJournal.contains(a)).count();
    List<String> expected = Simulation.hashes(game.setup.play(game.seed));
    int mismatches = 0;
    for (int i = 0; i < journaled.size(); i++) {
      if (i >= expected.size() || !journaled.get(i).equals(expected.get(i))) {
        mismatches++;
      }
    }
    if (game.finished && journaled.size() != expected.size()) {
      mismatches++; // a finished game played another number of turns
    }
    int last = journaled.size() - 1;
    return new Verdict(
        game,
        acks.size(),
        lost,
        journaled.size(),
        mismatches,
        last < 0 ? "" : journaled.get(last),
        last < 0 || last >= expected.size() ? "" : expected.get(last),
        null);
  }

  private static Set<Ledger.Acknowledged> ordersIn(String gameId, JournalReader.Contents contents) {
    Set<Ledger.Acknowledged> out = new HashSet<>();
    for (JournalRecord r : contents.records()) {
      if (r.hasOrdersAccepted()) {
        var o = r.getOrdersAccepted();
        out.add(new Ledger.Acknowledged(gameId, o.getState(), o.getTurn(), o.getOrders()));
      }
    }
    return out;
  }
}
