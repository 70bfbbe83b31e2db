package org.entente.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.EndGame;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GetView;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.net.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --retain-days} over real journals: only finished games' journals older than the retention
 * go, with the game; running, unfinished, recent and unreadable journals stay.
 */
class JournalPrunerTest {
  @TempDir Path dir;
  final List<Lobby> lobbies = new ArrayList<>();

  @AfterEach
  void stop() {
    lobbies.forEach(Lobby::shutdown);
  }

  Lobby lobby() {
    Lobby l =
        new Lobby(ServerConfig.defaults(), GameClock.system(), new DirectoryJournalStore(dir));
    lobbies.add(l);
    return l;
  }

  static void end(Lobby lobby, RecoveryTest.Game g) throws Exception {
    ServerMessage r =
        new Conn(lobby)
            .request(
                ClientMessage.newBuilder()
                    .setInstructor(
                        InstructorCommand.newBuilder()
                            .setToken(g.instructor())
                            .setEndGame(EndGame.getDefaultInstance())));
    assertThat(r.hasError()).as(r.toString()).isFalse();
    Conn.settle(lobby.game(g.id()));
  }

  void age(String gameId, Duration by) throws Exception {
    Path f = dir.resolve(gameId + JournalFormat.SUFFIX);
    Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(by)));
  }

  @Test
  void onlyOldFinishedJournalsAreDeletedAndTheirGamesForgotten() throws Exception {
    Lobby lobby = lobby();
    RecoveryTest.Game oldFinished = RecoveryTest.create(lobby);
    RecoveryTest.Game recentFinished = RecoveryTest.create(lobby);
    RecoveryTest.Game running = RecoveryTest.create(lobby);
    end(lobby, oldFinished);
    end(lobby, recentFinished);
    Conn.settle(lobby.game(running.id()));
    age(oldFinished.id(), Duration.ofDays(10));
    age(recentFinished.id(), Duration.ofDays(2));
    age(running.id(), Duration.ofDays(30)); // a game idle for a month is still not over
    Path unreadable = dir.resolve("g99-broken" + JournalFormat.SUFFIX);
    Files.write(unreadable, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    Files.setLastModifiedTime(unreadable, FileTime.from(Instant.now().minus(Duration.ofDays(40))));

    JournalPruner pruner = new JournalPruner(new DirectoryJournalStore(dir), Duration.ofDays(7));
    List<JournalPruner.Pruned> pruned = pruner.prune(Instant.now(), lobby::runningGame);
    assertThat(pruned).extracting(JournalPruner.Pruned::gameId).containsExactly(oldFinished.id());
    assertThat(pruned.get(0).finishedReason()).isNotBlank();
    assertThat(dir.resolve(oldFinished.id() + JournalFormat.SUFFIX)).doesNotExist();
    assertThat(dir.resolve(recentFinished.id() + JournalFormat.SUFFIX)).exists();
    assertThat(dir.resolve(running.id() + JournalFormat.SUFFIX)).exists();
    assertThat(unreadable).as("left for inspection").exists();

    lobby.forgetFinished(oldFinished.id());
    lobby.forgetFinished(running.id()); // not over: kept
    assertThat(lobby.game(oldFinished.id())).isNull();
    assertThat(lobby.game(running.id())).isNotNull();
    ServerMessage gone =
        new Conn(lobby)
            .request(
                ClientMessage.newBuilder()
                    .setGetView(GetView.newBuilder().setToken(oldFinished.len())));
    assertThat(gone.getError().getCode()).isEqualTo(ErrorCode.BAD_TOKEN);
    assertThat(RecoveryTest.view(lobby, running.len()).getTurn()).isEqualTo(1);

    // a finished game the server still serves as running (read back, say) is never deleted
    age(recentFinished.id(), Duration.ofDays(10));
    assertThat(pruner.prune(Instant.now(), id -> true)).isEmpty();
    assertThat(dir.resolve(recentFinished.id() + JournalFormat.SUFFIX)).exists();
    assertThat(pruner.prune(Instant.now(), lobby::runningGame))
        .extracting(JournalPruner.Pruned::gameId)
        .containsExactly(recentFinished.id());

    lobby.shutdown();
    List<Lobby.Recovered> again = lobby().recover();
    assertThat(again)
        .extracting(Lobby.Recovered::gameId)
        .as("the next start finds only what was kept")
        .contains(running.id())
        .doesNotContain(oldFinished.id(), recentFinished.id());
  }

  @Test
  void aRetentionUnderADayIsRefused() {
    assertThatThrownBy(() -> new JournalPruner(new DirectoryJournalStore(dir), Duration.ZERO))
        .hasMessageContaining("--retain-days must be at least 1");
  }
}
