package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.entente.api.Orders;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.EntenteException;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.EndGame;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.GameInfo;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.Joined;
import org.entente.proto.v1.ListGames;
import org.entente.proto.v1.OpenConsole;
import org.entente.proto.v1.Replay;
import org.entente.proto.v1.Role;
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
 * The games dashboard's server side over real sockets and real journal files: the instructor key
 * lists every game, running and finished; after a restart a finished game is still listed (from its
 * journal, without being replayed) and, on first use, its instructor token, its seat tokens, its
 * replay and its debrief work again.
 */
class GamesDashboardTest {
  static final String KEY = "k3y-for-the-dashboard-0042";
  @TempDir Path data;
  Lobby lobby;
  NetServer server;
  final List<EntenteClient> clients = new ArrayList<>();

  void start() {
    ServerConfig config = Loopback.config(data, 10_000);
    lobby = new Lobby(config, GameClock.system(), new DirectoryJournalStore(data));
    lobby.instructorKey(KEY);
    lobby.recover();
    server =
        new NetServer(config, lobby, StaticFiles.none(), Map.of("/debrief/", lobby.debriefRoute()));
    server.start();
  }

  void stop() {
    clients.forEach(EntenteClient::close);
    clients.clear();
    server.close();
    lobby.shutdown();
    server = null;
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

  static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }

  static ErrorCode refusal(CompletableFuture<?> f) {
    Throwable t = EntenteClient.cause(catchThrowable(() -> f.get(10, TimeUnit.SECONDS)));
    assertThat(t).isInstanceOf(EntenteException.class);
    return ((EntenteException) t).code();
  }

  static List<GameInfo> list(EntenteClient c, ListGames.Builder req) throws Exception {
    return get(c.request(ClientMessage.newBuilder().setListGames(req))).getGames().getGamesList();
  }

  HttpResponse<String> debrief(String id, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + server.port() + "/debrief/" + id + "?format=md"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void finishedGamesStayListedReplayableAndDebriefableAcrossRestarts() throws Exception {
    start();
    EntenteClient instructor = connect();
    CreateGame create =
        CreateGame.newBuilder()
            .setScenario("tutorial")
            .setSeed(5)
            .setDeadlineSeconds(3600)
            .setName("Tuesday seminar")
            .putBots("KAD", "opportunist")
            .putBots("OST", "hider")
            .build();
    GameCreated done = get(instructor.createGame(create));
    GameCreated running =
        get(instructor.createGame(create.toBuilder().setName("Wednesday").build()));
    EntenteClient student = connect();
    String seat =
        get(student.join(done.getGameId(), "LEN", "Anna", EntenteClient.secret(done, "LEN")))
            .getToken();
    // one turn played, then the instructor ends the game
    get(student.submit(seat, 1, "LEN", Orders.hide()));
    waitForTurn(instructor, done.getInstructorToken(), 2);
    get(
        instructor.instructor(
            done.getInstructorToken(),
            InstructorCommand.newBuilder().setEndGame(EndGame.getDefaultInstance()).build()));
    assertThat(get(instructor.getView(done.getInstructorToken())).getPhase())
        .isEqualTo(GamePhase.FINISHED);

    // the key lists both; a wrong key is refused
    assertThat(list(instructor, ListGames.newBuilder().setInstructorKey(KEY)))
        .extracting(GameInfo::getGameId)
        .containsExactlyInAnyOrder(done.getGameId(), running.getGameId());
    assertThat(
            refusal(
                instructor.request(
                    ClientMessage.newBuilder()
                        .setListGames(ListGames.newBuilder().setInstructorKey("not-the-key")))))
        .isEqualTo(ErrorCode.FORBIDDEN);

    stop();
    start(); // the first restart: the finished game is on the shelf, the running one resumed
    EntenteClient dashboard = connect();
    // without the key or its token, the finished game is not listed (it is not served yet)
    assertThat(list(dashboard, ListGames.newBuilder()))
        .extracting(GameInfo::getGameId)
        .containsExactly(running.getGameId());
    List<GameInfo> all = list(dashboard, ListGames.newBuilder().setInstructorKey(KEY));
    assertThat(all)
        .extracting(GameInfo::getGameId)
        .containsExactlyInAnyOrder(done.getGameId(), running.getGameId());
    GameInfo finished =
        all.stream().filter(i -> i.getGameId().equals(done.getGameId())).findFirst().orElseThrow();
    assertThat(finished.getPhase()).isEqualTo(GamePhase.FINISHED);
    assertThat(finished.getName()).isEqualTo("Tuesday seminar");
    assertThat(finished.getFinishedReason()).contains("instructor");
    // one turn played: listed at turn 2, as the game itself says once it is read back
    assertThat(finished.getTurn()).isEqualTo(2);
    assertThat(finished.getCreatedEpochMs()).isPositive();
    assertThat(lobby.game(done.getGameId())).as("listed without being read back").isNull();
    // the browser's own tokens list its games too, finished or not; a stranger's token lists none
    assertThat(
            list(
                dashboard,
                ListGames.newBuilder()
                    .addInstructorTokens(done.getInstructorToken())
                    .addInstructorTokens("0123456789abcdef0123456789abcdef")))
        .extracting(GameInfo::getGameId)
        .containsExactlyInAnyOrder(done.getGameId(), running.getGameId());

    // the instructor token works again: the console's view, the replay, the debrief
    TurnView console = get(dashboard.getView(done.getInstructorToken()));
    assertThat(list(dashboard, ListGames.newBuilder().setInstructorKey(KEY)))
        .filteredOn(i -> i.getGameId().equals(done.getGameId()))
        .extracting(GameInfo::getTurn, GameInfo::getPhase, GameInfo::getFinishedReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                finished.getTurn(), GamePhase.FINISHED, finished.getFinishedReason()));
    assertThat(console.getPhase()).isEqualTo(GamePhase.FINISHED);
    assertThat(console.getOmniscient().getRosterList())
        .extracting(r -> r.getName())
        .contains("Anna");
    ServerMessage replayed =
        get(
            dashboard.request(
                ClientMessage.newBuilder()
                    .setReplay(
                        Replay.newBuilder()
                            .setToken(done.getInstructorToken())
                            .setFromTurn(1)
                            .setToTurn(1))));
    assertThat(replayed.getReplayed().getTurn()).isEqualTo(1);
    HttpResponse<String> md = debrief(done.getGameId(), done.getInstructorToken());
    assertThat(md.statusCode()).isEqualTo(200);
    assertThat(md.body()).contains(done.getGameId());
    assertThat(debrief(done.getGameId(), seat).statusCode()).isEqualTo(403);
    // the student's seat token too
    EntenteClient back = connect();
    get(back.resume(seat));
    TurnView seatView = get(back.getView(seat));
    assertThat(seatView.getPhase()).isEqualTo(GamePhase.FINISHED);
    assertThat(seatView.getSelf()).isEqualTo("LEN");

    // a note on a finished game is written to its journal, and kept
    get(
        dashboard.instructor(
            done.getInstructorToken(),
            InstructorCommand.newBuilder()
                .setAnnotate(
                    org.entente.proto.v1.Annotate.newBuilder()
                        .setTurn(1)
                        .setText("noted days later"))
                .build()));

    stop();
    start(); // the second restart: still there, and still works
    EntenteClient again = connect();
    assertThat(list(again, ListGames.newBuilder().setInstructorKey(KEY)))
        .extracting(GameInfo::getGameId)
        .contains(done.getGameId());
    assertThat(debrief(done.getGameId(), done.getInstructorToken()).statusCode()).isEqualTo(200);
    assertThat(get(again.getView(seat)).getPhase()).isEqualTo(GamePhase.FINISHED);
    ServerMessage noted =
        get(
            again.request(
                ClientMessage.newBuilder()
                    .setReplay(
                        Replay.newBuilder()
                            .setToken(done.getInstructorToken())
                            .setFromTurn(1)
                            .setToTurn(1))));
    assertThat(noted.getReplayed().getAnnotationsList())
        .extracting(a -> a.getText())
        .contains("noted days later");
    // the game is read back from its journal, which is left as it was
    assertThat(Files.list(data).filter(p -> p.toString().endsWith(".journal")).count())
        .isEqualTo(2);
  }

  static CompletableFuture<ServerMessage> openConsole(EntenteClient c, String game, String key) {
    return c.request(
        ClientMessage.newBuilder()
            .setOpenConsole(OpenConsole.newBuilder().setGameId(game).setInstructorKey(key)));
  }

  static String refusalMessage(CompletableFuture<?> f) {
    Throwable t = EntenteClient.cause(catchThrowable(() -> f.get(10, TimeUnit.SECONDS)));
    assertThat(t).isInstanceOf(EntenteException.class);
    return t.getMessage();
  }

  /**
   * The instructor key opens the console of a game created on another connection (another browser):
   * a new instructor token, journaled, that works like the creator's, running or finished, before
   * and after restarts; without the key, or with a wrong one, no console.
   */
  @Test
  void theKeyOpensAnyGamesConsoleFromAnotherConnectionAcrossRestarts() throws Exception {
    start();
    EntenteClient creator = connect();
    CreateGame create =
        CreateGame.newBuilder()
            .setScenario("tutorial")
            .setSeed(9)
            .setDeadlineSeconds(3600)
            .setName("Made on the laptop")
            .putBots("KAD", "opportunist")
            .putBots("OST", "hider")
            .build();
    GameCreated running = get(creator.createGame(create));
    GameCreated ended =
        get(creator.createGame(create.toBuilder().setName("Ended on the laptop").build()));
    // one turn adjudicated (so there is something to replay), then the game is ended
    get(
        creator.instructor(
            ended.getInstructorToken(),
            InstructorCommand.newBuilder()
                .setAdjudicateNow(org.entente.proto.v1.AdjudicateNow.getDefaultInstance())
                .build()));
    waitForTurn(creator, ended.getInstructorToken(), 2);
    get(
        creator.instructor(
            ended.getInstructorToken(),
            InstructorCommand.newBuilder().setEndGame(EndGame.getDefaultInstance()).build()));

    // the phone holds only the key
    EntenteClient phone = connect();
    assertThat(
            refusalMessage(openConsole(phone, running.getGameId(), "not-the-key-but-long-enough")))
        .contains("FORBIDDEN", "open_console.instructor_key", "not this server's instructor key")
        .doesNotContain("not-the-key-but-long-enough");
    assertThat(refusal(openConsole(phone, running.getGameId(), ""))).isEqualTo(ErrorCode.FORBIDDEN);
    // a wrong key learns nothing about which games exist; the right key does
    assertThat(refusal(openConsole(phone, "g999-nosuch", "wrong"))).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(refusal(openConsole(phone, "g999-nosuch", KEY))).isEqualTo(ErrorCode.UNKNOWN_GAME);

    Joined opened = get(openConsole(phone, running.getGameId(), KEY)).getJoined();
    assertThat(opened.getGameId()).isEqualTo(running.getGameId());
    assertThat(opened.getRole()).isEqualTo(Role.INSTRUCTOR);
    assertThat(opened.getState()).isEmpty();
    assertThat(opened.getToken()).hasSize(32).isNotEqualTo(running.getInstructorToken());
    String phoneToken = opened.getToken();
    get(phone.resume(phoneToken));
    TurnView console = get(phone.getView(phoneToken));
    assertThat(console.hasOmniscient()).isTrue();
    // its links carry its own token, never the creator's
    assertThat(console.getOmniscient().getLinks().getConsoleUrl())
        .endsWith("#/instructor/" + phoneToken);
    assertThat(console.getOmniscient().getLinks().toString())
        .doesNotContain(running.getInstructorToken());
    // it is the instructor: it pauses the game the laptop created
    get(
        phone.instructor(
            phoneToken,
            InstructorCommand.newBuilder()
                .setPause(org.entente.proto.v1.Pause.getDefaultInstance())
                .build()));
    assertThat(get(creator.getView(running.getInstructorToken())).getPhase())
        .isEqualTo(GamePhase.PAUSED);
    // each opening is a new token; the creator's keeps working
    String again = get(openConsole(phone, running.getGameId(), KEY)).getJoined().getToken();
    assertThat(again).isNotEqualTo(phoneToken);
    assertThat(get(creator.getView(running.getInstructorToken())).hasOmniscient()).isTrue();

    // a game over, served since it ended
    String endedToken = get(openConsole(phone, ended.getGameId(), KEY)).getJoined().getToken();
    assertThat(get(phone.getView(endedToken)).getPhase()).isEqualTo(GamePhase.FINISHED);

    stop();
    start(); // the finished game is now on the shelf; the running one is resumed
    EntenteClient later = connect();
    // the tokens the key gave before the restart still work
    get(later.resume(phoneToken));
    assertThat(get(later.getView(phoneToken)).getPhase()).isEqualTo(GamePhase.PAUSED);
    assertThat(lobby.game(ended.getGameId())).as("still on the shelf").isNull();
    // the token of a finished game lists it without the key, like the creator's
    assertThat(list(later, ListGames.newBuilder().addInstructorTokens(endedToken)))
        .extracting(GameInfo::getGameId)
        .contains(ended.getGameId());
    assertThat(get(later.getView(endedToken)).getPhase()).isEqualTo(GamePhase.FINISHED);
    assertThat(debrief(ended.getGameId(), endedToken).statusCode()).isEqualTo(200);

    stop();
    start(); // a second restart, and a fresh connection holding only the key
    EntenteClient colleague = connect();
    assertThat(lobby.game(ended.getGameId())).as("on the shelf again").isNull();
    assertThat(refusal(openConsole(colleague, ended.getGameId(), "still-wrong")))
        .isEqualTo(ErrorCode.FORBIDDEN);
    Joined reopened = get(openConsole(colleague, ended.getGameId(), KEY)).getJoined();
    assertThat(reopened.getRole()).isEqualTo(Role.INSTRUCTOR);
    TurnView finished = get(colleague.getView(reopened.getToken()));
    assertThat(finished.getPhase()).isEqualTo(GamePhase.FINISHED);
    assertThat(finished.hasOmniscient()).isTrue();
    ServerMessage replayed =
        get(
            colleague.request(
                ClientMessage.newBuilder()
                    .setReplay(
                        Replay.newBuilder()
                            .setToken(reopened.getToken())
                            .setFromTurn(1)
                            .setToTurn(1))));
    assertThat(replayed.getReplayed().getTurn()).isEqualTo(1);
    assertThat(debrief(ended.getGameId(), reopened.getToken()).statusCode()).isEqualTo(200);
    // the earlier key tokens and the creator's are all still valid
    assertThat(get(colleague.getView(endedToken)).getPhase()).isEqualTo(GamePhase.FINISHED);
    assertThat(get(colleague.getView(ended.getInstructorToken())).getPhase())
        .isEqualTo(GamePhase.FINISHED);

    stop();
    start(); // the token opened on a game already read back from its shelf survives too
    EntenteClient last = connect();
    assertThat(get(last.getView(reopened.getToken())).getPhase()).isEqualTo(GamePhase.FINISHED);
  }

  /** A server started without an instructor key opens no console by key. */
  @Test
  void aServerWithoutAKeyOpensNoConsole() throws Exception {
    start();
    lobby.instructorKey("");
    EntenteClient creator = connect();
    GameCreated g =
        get(
            creator.createGame(
                CreateGame.newBuilder()
                    .setScenario("tutorial")
                    .setSeed(2)
                    .putBots("KAD", "opportunist")
                    .build()));
    assertThat(refusalMessage(openConsole(connect(), g.getGameId(), KEY)))
        .contains("FORBIDDEN", "this server has no instructor key");
  }

  static void waitForTurn(EntenteClient c, String token, int turn) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (get(c.getView(token)).getTurn() < turn) {
      assertThat(System.nanoTime()).as("turn %d within 20 s", turn).isLessThan(end);
      Thread.sleep(50);
    }
  }
}
