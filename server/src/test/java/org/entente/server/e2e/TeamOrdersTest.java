package org.entente.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.entente.api.Orders;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.EntenteException;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.EndGame;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GameCreated;
import org.entente.proto.v1.GamePhase;
import org.entente.proto.v1.InstructorCommand;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.ShareDraft;
import org.entente.proto.v1.TurnView;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.journal.DirectoryJournalStore;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.entente.server.net.StaticFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team of two on one state, over real sockets: a shared draft reaches the team-mate (and no one
 * else) before anything is sent, the orders one member sends reach the other at once with who sent
 * them and when, the instructor's private message reaches the whole team only, the transcript of
 * every message comes out as CSV for the instructor only, and at the end every seat's final view
 * carries the final scores.
 */
class TeamOrdersTest {
  @TempDir Path data;
  Lobby lobby;
  NetServer server;
  final List<EntenteClient> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    ServerConfig config = Loopback.config(data, 10_000);
    lobby = new Lobby(config, GameClock.system(), new DirectoryJournalStore(data));
    server =
        new NetServer(
            config, lobby, StaticFiles.none(), Map.of("/transcript/", lobby.transcriptRoute()));
    server.start();
  }

  @AfterEach
  void stop() {
    clients.forEach(EntenteClient::close);
    server.close();
    lobby.shutdown();
  }

  EntenteClient connect() throws Exception {
    EntenteClient c = EntenteClient.connect("127.0.0.1", server.port()).get(10, TimeUnit.SECONDS);
    clients.add(c);
    return c;
  }

  static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  /** Every push a client receives, in order. */
  static LinkedBlockingQueue<ServerMessage> pushes(EntenteClient c) {
    LinkedBlockingQueue<ServerMessage> q = new LinkedBlockingQueue<>();
    c.onPush(q::add);
    return q;
  }

  static ServerMessage await(LinkedBlockingQueue<ServerMessage> q, Predicate<ServerMessage> p)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      ServerMessage m = q.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new AssertionError("no such push within 10 s");
      }
      if (p.test(m)) {
        return m;
      }
    }
  }

  HttpResponse<String> transcript(String id, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/transcript/" + id))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aTeamSeesItsDraftItsOrdersAndWhoSentThem() throws Exception {
    EntenteClient instructor = connect();
    GameCreated g =
        get(
            instructor.createGame(
                CreateGame.newBuilder()
                    .setScenario("tutorial")
                    .setSeed(4)
                    .setDeadlineSeconds(3600)
                    .putBots("KAD", "opportunist")
                    .build()));
    String id = g.getGameId();
    String it = g.getInstructorToken();
    EntenteClient anna = connect();
    EntenteClient ben = connect();
    EntenteClient olga = connect();
    String a = get(anna.join(id, "LEN", "Anna", EntenteClient.secret(g, "LEN"))).getToken();
    String b = get(ben.join(id, "LEN", "Ben", EntenteClient.secret(g, "LEN"))).getToken();
    String o = get(olga.join(id, "OST", "Olga", EntenteClient.secret(g, "OST"))).getToken();
    LinkedBlockingQueue<ServerMessage> toBen = pushes(ben);
    LinkedBlockingQueue<ServerMessage> toAnna = pushes(anna);
    LinkedBlockingQueue<ServerMessage> toOlga = pushes(olga);

    // the console knows who is connected, by name
    TurnView console = get(instructor.getView(it));
    assertThat(console.getOmniscient().getRosterList())
        .filteredOn(r -> r.getState().equals("LEN"))
        .extracting(r -> r.getName() + ":" + r.getConnected())
        .containsExactlyInAnyOrder("Anna:true", "Ben:true");

    // Anna shares a draft: Ben sees it, Olga (another state) does not
    Orders draft = Orders.hide();
    get(
        anna.request(
            ClientMessage.newBuilder()
                .setShareDraft(
                    ShareDraft.newBuilder()
                        .setToken(a)
                        .setTurn(1)
                        .setOrders(Wire.orders(draft))
                        .setNote("hide for now?"))));
    ServerMessage shared = await(toBen, ServerMessage::hasTeamDraft);
    assertThat(shared.getTeamDraft().getMember()).isEqualTo("Anna");
    assertThat(shared.getTeamDraft().getNote()).isEqualTo("hide for now?");
    assertThat(shared.getTeamDraft().getOrders().getStance().hasHide()).isTrue();
    // a draft is not orders: nothing stands for LEN yet, and the draft is in the team's views
    TurnView benView = get(ben.getView(b));
    assertThat(benView.hasMyOrders()).isFalse();
    assertThat(benView.getTeamDraft().getMember()).isEqualTo("Anna");
    assertThat(get(olga.getView(o)).hasTeamDraft()).isFalse();
    // a stale turn is refused
    Throwable stale =
        EntenteClient.cause(
            catchThrowable(
                () ->
                    get(
                        ben.request(
                            ClientMessage.newBuilder()
                                .setShareDraft(ShareDraft.newBuilder().setToken(b).setTurn(7))))));
    assertThat(((EntenteException) stale).code()).isEqualTo(ErrorCode.STALE_TURN);

    // Anna sends the orders: Ben's page gets a view with them, by Anna, with the time
    long before = System.currentTimeMillis();
    get(anna.submit(a, 1, "LEN", Orders.hide()));
    ServerMessage seen =
        await(toBen, m -> m.hasView() && m.getView().getMyOrdersBy().equals("Anna"));
    assertThat(seen.getView().getMyOrders().getStance().hasHide()).isTrue();
    assertThat(seen.getView().getMyOrdersEpochMs()).isBetween(before, System.currentTimeMillis());
    assertThat(get(olga.getView(o)).hasMyOrders()).isFalse();

    // the instructor writes privately to LEN: both of its members get it, OST does not
    get(instructor.press(it, List.of("LEN"), false, "LEN, see me after class, \"quietly\""));
    await(toAnna, m -> m.hasPress() && m.getPress().getText().startsWith("LEN, see me"));
    await(toBen, m -> m.hasPress() && m.getPress().getText().startsWith("LEN, see me"));
    get(olga.press(o, List.of(), false, "=hello all"));
    await(toOlga, m -> m.hasPress() && m.getPress().getText().equals("=hello all"));
    assertThat(get(olga.getView(o)).getMessagesList())
        .extracting(p -> p.getText())
        .doesNotContain("LEN, see me after class, \"quietly\"");

    // the transcript: every message, as CSV, for the instructor only
    HttpResponse<String> csv = transcript(id, it);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).isEqualTo("turn,sent_at_utc,from_state,from_member,to,team_only,text");
    assertThat(lines).hasSize(3);
    assertThat(lines[1])
        .startsWith("1,")
        .endsWith(",instructor,instructor,LEN,no,\"LEN, see me after class, \"\"quietly\"\"\"");
    assertThat(lines[2]).endsWith(",OST,Olga,everyone,no,'=hello all");
    assertThat(transcript(id, a).statusCode()).isEqualTo(403);
    assertThat(transcript("g999-none", it).statusCode()).isEqualTo(404);

    // the end: every seat's final view has every state's score with its components
    get(
        instructor.instructor(
            it, InstructorCommand.newBuilder().setEndGame(EndGame.getDefaultInstance()).build()));
    TurnView last = get(ben.getView(b));
    assertThat(last.getPhase()).isEqualTo(GamePhase.FINISHED);
    assertThat(last.getFinalScoresList())
        .extracting(s -> s.getState())
        .containsExactlyInAnyOrder("LEN", "KAD", "OST");
    assertThat(last.getFinalScoresList())
        .allSatisfy(s -> assertThat(s.getTotal()).isBetween(0.0, 100.0));
    assertThat(last.hasTeamDraft()).isFalse();
  }
}
