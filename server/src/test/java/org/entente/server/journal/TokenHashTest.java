package org.entente.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.JournalRecord;
import org.entente.proto.v1.Resume;
import org.entente.proto.v1.ServerMessage;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.net.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journals keep hashes of tokens, never the tokens: the file does not contain them, a recovered
 * game still knows every member by their token, and a hash copied out of a journal is not a token.
 */
class TokenHashTest {
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

  static ServerMessage resume(Lobby l, String token) {
    return new Conn(l)
        .request(ClientMessage.newBuilder().setResume(Resume.newBuilder().setToken(token)));
  }

  @Test
  void theJournalHoldsHashesAndARecoveredGameStillKnowsEveryToken() throws Exception {
    Lobby first = lobby();
    RecoveryTest.Game g = RecoveryTest.create(first);
    RecoveryTest.playTurns(first, g, 1, 1);
    Conn.settle(first.game(g.id()));
    first.shutdown();

    Path p = dir.resolve(g.id() + ".journal");
    String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    for (String token : List.of(g.instructor(), g.len(), g.ost())) {
      assertThat(bytes).doesNotContain(token).contains(TokenHash.of(token));
    }
    List<JournalRecord> records = JournalReader.read(p).records();
    assertThat(records.get(0).getGameCreated().getInstructorToken())
        .isEqualTo(TokenHash.of(g.instructor()));

    Lobby second = lobby();
    assertThat(second.recover())
        .singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(Lobby.Recovered.Outcome.RESUMED));
    Conn.settle(second.game(g.id()));
    assertThat(resume(second, g.len()).getAck().getDetail()).contains("alice of LEN");
    assertThat(resume(second, g.instructor()).getAck().getDetail()).contains("instructor");
    RecoveryTest.playTurns(second, g, 2, 2);

    ServerMessage stolen = resume(second, TokenHash.of(g.ost()));
    assertThat(stolen.getError().getCode()).isEqualTo(ErrorCode.BAD_TOKEN);
  }

  @Test
  void journalsWrittenWithPlainTokensStillMatch() {
    assertThat(TokenHash.matches("abc123", "abc123")).isTrue();
    assertThat(TokenHash.matches(TokenHash.of("abc123"), "abc123")).isTrue();
    assertThat(TokenHash.matches(TokenHash.of("abc123"), TokenHash.of("abc123"))).isFalse();
    assertThat(TokenHash.matches("", "")).isFalse();
  }
}
