package org.entente.server.replay;

import java.util.ArrayList;
import java.util.List;
import org.entente.proto.v1.JournalGameCreated;
import org.entente.server.history.GameHistory;

/**
 * Where a branch comes from: its parent game, the turn it was forked at (positions before it are
 * the parent's), and its ancestors from the root game to the parent. Kept in a branch's journal in
 * its creation record ({@code parent_game_id}, {@code fork_turn}, {@code ancestors}) and, for
 * people reading replays and debriefs, as an annotation by {@link #AUTHOR}.
 *
 * @param ancestors the game ids from the root to the parent, in order
 */
public record Lineage(String parentId, int forkTurn, List<String> ancestors) {
  /** The author of the annotation that records a branch's lineage. */
  public static final String AUTHOR = "entente-branch";

  private static final String PREFIX = "branch of ";

  public Lineage {
    ancestors = List.copyOf(ancestors);
  }

  /** The annotation text: {@code branch of PARENT at turn T; lineage ROOT>...>PARENT}. */
  public String text() {
    return PREFIX + parentId + " at turn " + forkTurn + "; lineage " + String.join(">", ancestors);
  }

  /** The lineage recorded in {@code text}, or null if it is not a lineage annotation. */
  public static Lineage parse(String text) {
    if (!text.startsWith(PREFIX)) {
      return null;
    }
    try {
      int at = text.indexOf(" at turn ");
      int semi = text.indexOf("; lineage ");
      String parent = text.substring(PREFIX.length(), at);
      int turn = Integer.parseInt(text.substring(at + " at turn ".length(), semi));
      List<String> anc = List.of(text.substring(semi + "; lineage ".length()).split(">"));
      return new Lineage(parent, turn, anc);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The lineage recorded in {@code history}'s annotations, or null for a root game. */
  public static Lineage of(GameHistory history) {
    for (GameHistory.Annotation a : history.annotations()) {
      if (AUTHOR.equals(a.author())) {
        Lineage l = parse(a.text());
        if (l != null) {
          return l;
        }
      }
    }
    return null;
  }

  /** The lineage recorded in a journal's creation record, or null for a root game. */
  public static Lineage of(JournalGameCreated created) {
    if (created.getParentGameId().isEmpty()) {
      return null;
    }
    List<String> anc =
        created.getAncestorsCount() == 0
            ? List.of(created.getParentGameId())
            : created.getAncestorsList();
    return new Lineage(created.getParentGameId(), created.getForkTurn(), anc);
  }

  /** {@code created} with this lineage recorded in it. */
  public JournalGameCreated recordIn(JournalGameCreated created) {
    return created.toBuilder()
        .setParentGameId(parentId)
        .setForkTurn(forkTurn)
        .clearAncestors()
        .addAllAncestors(ancestors)
        .build();
  }

  /** Every game id in the line of {@code gameId}: its ancestors, then itself. */
  public static List<String> line(String gameId, Lineage lineage) {
    List<String> out = new ArrayList<>();
    if (lineage != null) {
      out.addAll(lineage.ancestors());
    }
    out.add(gameId);
    return out;
  }
}
