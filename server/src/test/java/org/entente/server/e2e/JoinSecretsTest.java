package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.EntenteException;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.GameLinks;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.ReissueSecret;
import org.entente.proto.v1.RevokeMember;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.TurnView;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.entente.server.net.StaticFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Join secrets over real sockets: the links the server builds from its public address, a seat taken
 * only with its secret (or its code alone), a reissued secret that replaces the old one, a revoked
 * member shut out, and all of it as it was after the server restarts on the same journals.
 */
class JoinSecretsTest {
  static final String PUBLIC = "http://192.168.7.20:7470/";
  @TempDir Path data;
  Lobby lobby;
  NetServer server;
  final List<EntenteClient> clients = new ArrayList<>();

  void start() {
    ServerConfig config = Loopback.config(data, 10_000);
    lobby = new Lobby(config, GameClock.system(), new DirectoryJournalStore(data));
    lobby.publicUrl(PUBLIC);
    lobby.recover();
    server = new NetServer(config, lobby, StaticFiles.none());
    server.start();
  }

  void stop() {
    clients.forEach(EntenteClient::close);
    clients.clear();
    server.close();
    lobby.shutdown();
  }

  @AfterEach
  void cleanUp() {
    if (server != null) {
      stop();
    }
  }

  EntenteClient connect() throws Exception {
    EntenteClient c = EntenteClient.connect("127.0.0.1", server.port()).get(10, TimeUnit.SECONDS);
    clients.add(c);
    return c;
  }

  static <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  static ErrorCode refusal(java.util.concurrent.CompletableFuture<?> f) {
    Throwable t = EntenteClient.cause(catchThrowable(() -> f.get(10, TimeUnit.SECONDS)));
    assertThat(t).isInstanceOf(EntenteException.class);
    return ((EntenteException) t).code();
  }

  GameLinks links(EntenteClient instructor, String token) throws Exception {
    return get(instructor.getView(token)).getOmniscient().getLinks();
  }

  @Test
  void aCreateRepeatedWithItsRequestKeyMakesOneGame() throws Exception {
    start();
    EntenteClient a = connect();
    CreateGame create =
        CreateGame.newBuilder()
            .setScenario("tutorial")
            .setSeed(9)
            .setRequestKey("k-5f2c9a0e4b7d4c1a")
            .build();
    GameCreated first = get(a.createGame(create));
    // the same key again, on this connection and on another (a resend after a reconnect)
    GameCreated second = get(a.createGame(create));
    GameCreated third = get(connect().createGame(create));
    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
    assertThat(get(a.listGames()).getGamesList()).hasSize(1);
    // another key is another game
    GameCreated other =
        get(a.createGame(create.toBuilder().setRequestKey("k-0000000000000002").build()));
    assertThat(other.getGameId()).isNotEqualTo(first.getGameId());
    assertThat(get(a.listGames()).getGamesList()).hasSize(2);
    assertThat(refusal(a.createGame(create.toBuilder().setRequestKey("short").build())))
        .isEqualTo(ErrorCode.BAD_REQUEST);
    assertThat(get(a.listGames()).getGamesList()).hasSize(2);
  }

  @Test
  void aCreateResentAfterARestartFindsItsGameWithANewInstructorToken() throws Exception {
    start();
    CreateGame create =
        CreateGame.newBuilder()
            .setScenario("tutorial")
            .setSeed(11)
            .setDeadlineSeconds(3600)
            .setRequestKey("k-7d1e0b9c3a2f4e55")
            .build();
    GameCreated first = get(connect().createGame(create));
    // the journal keeps the key hashed, as it keeps tokens
    String journal =
        new String(
            java.nio.file.Files.readAllBytes(data.resolve(first.getGameId() + ".journal")),
            java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(journal).doesNotContain("k-7d1e0b9c3a2f4e55");
    // the server dies before the answer reaches the instructor, who resends the create
    stop();
    start();
    EntenteClient again = connect();
    GameCreated resent = get(again.createGame(create));
    assertThat(resent.getGameId()).isEqualTo(first.getGameId());
    assertThat(resent.getInstructorToken())
        .as("the first token is known only by its hash now: a new one")
        .isNotEmpty()
        .isNotEqualTo(first.getInstructorToken());
    assertThat(resent.getLinks().getConsoleUrl()).endsWith(resent.getInstructorToken());
    assertThat(get(again.listGames()).getGamesList()).hasSize(1);
    assertThat(java.nio.file.Files.list(data).filter(f -> f.toString().endsWith(".journal")))
        .hasSize(1);
    // the new token is the instructor's: it pauses the game, after one more restart too
    assertThat(
            get(again.instructor(
                    resent.getInstructorToken(),
                    InstructorCommand.newBuilder()
                        .setPause(org.entente.proto.v1.Pause.getDefaultInstance())
                        .build()))
                .hasAck())
        .isTrue();
    stop();
    start();
    assertThat(get(connect().getView(resent.getInstructorToken())).hasOmniscient()).isTrue();
    // another key still makes another game
    GameCreated other =
        get(connect().createGame(create.toBuilder().setRequestKey("k-00000000000000aa").build()));
    assertThat(other.getGameId()).isNotEqualTo(first.getGameId());
  }

  @Test
  void seatsAreTakenOnlyWithTheirSecretsAcrossARestart() throws Exception {
    start();
    EntenteClient instructor = connect();
    GameCreated g =
        get(
            instructor.createGame(
                CreateGame.newBuilder()
                    .setScenario("tutorial")
                    .setSeed(3)
                    .setDeadlineSeconds(3600)
                    .putBots("KAD", "opportunist")
                    .build()));
    String id = g.getGameId();
    String token = g.getInstructorToken();
    GameLinks links = g.getLinks();
    // every link starts with the public address, never with the loopback the client used
    assertThat(links.getBaseUrl()).isEqualTo(PUBLIC);
    String len = EntenteClient.secret(g, "LEN");
    String ost = EntenteClient.secret(g, "OST");
    assertThat(links.getSeatsList()).extracting(s -> s.getState()).containsExactly("LEN", "OST");
    assertThat(links.getSeats(0).getJoinUrl()).isEqualTo(PUBLIC + "#/join/" + id + "/LEN/" + len);
    assertThat(links.getSeats(0).getName()).isNotBlank();
    assertThat(links.getObservers().getJoinUrl())
        .isEqualTo(PUBLIC + "#/watch/" + id + "/" + links.getObservers().getSecret());
    assertThat(links.getConsoleUrl()).isEqualTo(PUBLIC + "#/instructor/" + token);
    assertThat(links.getReplayUrl()).isEqualTo(PUBLIC + "#/replay/" + token);
    assertThat(links.getDebriefUrl()).isEqualTo(PUBLIC + "#/debrief/" + id + "/" + token);
    assertThat(links.getHandoutUrl()).isEqualTo(PUBLIC + "handout/" + id + "?token=" + token);
    assertThat(len).isNotEqualTo(ost).matches("[2-9A-HJKMNP-Z]{8}");
    assertThat(links(instructor, token)).isEqualTo(links);

    // a student with OST's link cannot take LEN, nor without any secret
    EntenteClient anna = connect();
    assertThat(refusal(anna.join(id, "LEN", "anna", ost))).isEqualTo(ErrorCode.WRONG_SECRET);
    assertThat(refusal(anna.join(id, "LEN", "anna", ""))).isEqualTo(ErrorCode.SECRET_REQUIRED);
    String annaToken = get(anna.join(id, "LEN", "anna", len)).getToken();
    // the code alone, typed as shown (ABCD-EFGH), names the seat
    EntenteClient ben = connect();
    var benJoined = get(ben.joinByCode(links.getSeats(0).getCode(), "ben"));
    assertThat(benJoined.getState()).isEqualTo("LEN");
    assertThat(benJoined.getGameId()).isEqualTo(id);
    EntenteClient olga = connect();
    String olgaToken = get(olga.join(id, "OST", "olga", ost)).getToken();

    // the instructor reissues OST's secret: the old one is refused, the new one works
    ServerMessage reissued =
        get(
            instructor.instructor(
                token,
                InstructorCommand.newBuilder()
                    .setReissueSecret(ReissueSecret.newBuilder().setState("OST"))
                    .build()));
    assertThat(reissued.getAck().getDetail()).contains("OST");
    String ost2 =
        links(instructor, token).getSeatsList().stream()
            .filter(s -> s.getState().equals("OST"))
            .findFirst()
            .orElseThrow()
            .getSecret();
    assertThat(ost2).isNotEqualTo(ost);
    assertThat(refusal(connect().join(id, "OST", "mallory", ost)))
        .isEqualTo(ErrorCode.WRONG_SECRET);
    // the members already in keep their seats
    assertThat(get(olga.getView(olgaToken)).getSelf()).isEqualTo("OST");

    // the instructor revokes anna: her connection is told, her token stops working
    LinkedBlockingQueue<ServerMessage> olgaHears = new LinkedBlockingQueue<>();
    olga.onPush(olgaHears::add);
    TurnView all = get(instructor.getView(token));
    String annaId =
        all.getOmniscient().getRosterList().stream()
            .filter(r -> r.getName().equals("anna"))
            .findFirst()
            .orElseThrow()
            .getMemberId();
    assertThat(
            get(instructor.instructor(
                    token,
                    InstructorCommand.newBuilder()
                        .setRevokeMember(RevokeMember.newBuilder().setMemberId(annaId))
                        .build()))
                .getAck()
                .getDetail())
        .contains("anna");
    get(anna.closeFuture());
    // the others are told, and the terminal client says it in words
    ServerMessage told = olgaHears.poll(10, TimeUnit.SECONDS);
    while (told != null && !told.hasGameEvent()) {
      told = olgaHears.poll(10, TimeUnit.SECONDS);
    }
    assertThat(told).isNotNull();
    assertThat(told.getGameEvent().getKind())
        .isEqualTo(org.entente.proto.v1.GameEventKind.MEMBER_REMOVED);
    assertThat(org.entente.client.play.Screen.event(told.getGameEvent()))
        .isEqualTo("*** The instructor removed a player. the instructor removed anna of LEN");
    assertThat(refusal(connect().getView(annaToken))).isEqualTo(ErrorCode.BAD_TOKEN);

    // restart on the same journals: secrets, the reissue and the revocation all stand
    stop();
    start();
    EntenteClient again = connect();
    assertThat(get(again.resume(token)).getDetail()).contains("instructor");
    GameLinks after = links(again, token);
    assertThat(after.getSeatsList()).extracting(s -> s.getSecret()).containsExactly(len, ost2);
    assertThat(after.getObservers().getSecret()).isEqualTo(links.getObservers().getSecret());
    // the server keeps only a hash of the instructor token: links carrying it are left empty
    assertThat(after.getConsoleUrl()).isEmpty();
    assertThat(after.getHandoutUrl()).isEmpty();
    assertThat(after.toString()).doesNotContain(token).doesNotContain("sha256:");
    assertThat(refusal(connect().join(id, "OST", "mallory", ost)))
        .isEqualTo(ErrorCode.WRONG_SECRET);
    assertThat(get(connect().join(id, "OST", "oscar", ost2)).getState()).isEqualTo("OST");
    assertThat(refusal(connect().getView(annaToken))).isEqualTo(ErrorCode.BAD_TOKEN);
    assertThat(get(connect().getView(olgaToken)).getSelf()).isEqualTo("OST");
    assertThat(get(connect().observe(id, after.getObservers().getSecret())).getRole().name())
        .isEqualTo("OBSERVER");
    assertThat(get(again.getView(token)).getOmniscient().getRosterList())
        .extracting(r -> r.getName())
        .contains("ben", "olga", "oscar", "observer")
        .doesNotContain("anna");
  }
}
