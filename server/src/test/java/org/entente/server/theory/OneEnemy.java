package org.entente.server.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.entente.api.PlayerView.PublicStance;
import org.entente.api.Stance;
import org.entente.server.engine.Alliance;
import org.entente.server.engine.GameState;
import org.entente.server.engine.Games;
import org.entente.server.engine.ThreatModel;
import org.entente.server.engine.TurnReport;

/**
 * RULES.md section 9, property 7 (alliances have one enemy), checked at every position of a played
 * game: no alliance holds a member whose principal threat (as the engine computes it for that
 * position) includes another member; no member is allied, in this alliance or another, with the
 * alliance's target; and no member balanced another member in the turn that led to the position
 * (the stance is the threat the member chose). Counts what it checked and lists what it found.
 */
final class OneEnemy {
  int games;
  int positions;
  int memberChecks; // (position, alliance, member) triples
  final List<String> violations = new ArrayList<>();
  final Map<String, Integer> byKind = new TreeMap<>(); // violations per kind
  final Map<String, Integer> gamesBySource = new TreeMap<>(); // games with a violation, by label
  private String source;
  private boolean violated;

  private void violation(String kind, String text) {
    violations.add(text);
    byKind.merge(kind, 1, Integer::sum);
    if (!violated) {
      gamesBySource.merge(source, 1, Integer::sum);
      violated = true;
    }
  }

  /**
   * Checks every position of {@code played}, naming them with {@code label}; games with a violation
   * are counted by {@code source} (a scenario or test world).
   */
  void check(String source, String label, Games.Played played) {
    games++;
    this.source = source;
    this.violated = false;
    List<GameState> states = played.states();
    for (int t = 0; t < states.size(); t++) {
      GameState s = states.get(t);
      TurnReport led = t == 0 ? null : played.reports().get(t - 1);
      position(label + " turn " + s.turn(), s, led);
    }
  }

  private void position(String where, GameState s, TurnReport led) {
    positions++;
    if (s.alliances().isEmpty()) {
      return;
    }
    ThreatModel m = ThreatModel.of(s);
    for (Alliance al : s.alliances()) {
      if (al.has(al.target())) {
        violation(
            "holds its target", where + ": " + al.id() + " holds its own target " + al.target());
      }
      for (String member : al.members()) {
        memberChecks++;
        int j = s.world().index(member);
        for (int i : m.principal(j)) {
          String threat = s.world().start().get(i).id();
          if (al.has(threat)) {
            violation(
                "principal threat is an ally",
                where
                    + ": "
                    + member
                    + "'s principal threat includes its ally "
                    + threat
                    + " in "
                    + al.id());
          }
        }
        if (!member.equals(al.target()) && s.allied(member, al.target())) {
          violation(
              "allied with its alliance's target",
              where
                  + ": "
                  + member
                  + " is allied with "
                  + al.target()
                  + ", the target of its alliance "
                  + al.id());
        }
        if (led != null) {
          for (PublicStance ps : led.stances()) {
            if (ps.state().equals(member)
                && ps.stance() instanceof Stance.Balance b
                && !b.against().equals(member)
                && al.has(b.against())) {
              violations.add(
                  where + ": " + member + " balanced its ally " + b.against() + " in " + al.id());
            }
          }
        }
      }
    }
  }

  @Override
  public String toString() {
    return games
        + " games, "
        + positions
        + " positions, "
        + memberChecks
        + " member checks, "
        + violations.size()
        + " violations"
        + (violations.isEmpty() ? "" : " " + byKind + ", games with one " + gamesBySource);
  }
}
