package org.entente.server.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.entente.client.bots.Strategies;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.EntenteException;
import org.entente.client.net.HostPort;
import org.entente.client.sdk.RemoteBot;
import org.entente.client.sdk.RemoteEntrant;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.Joined;
import org.entente.proto.v1.RegisterEntrant;
import org.entente.server.game.GameClock;
import org.entente.server.game.Lobby;
import org.entente.server.net.Loopback;
import org.entente.server.net.NetServer;
import org.entente.server.net.ServerConfig;
import org.entente.server.net.StaticFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote entrants over a real loopback socket: a Java bot registers with {@code RegisterEntrant},
 * is seated by the server in the tournament's live games, and plays them with a {@link RemoteBot}.
 * With a strategy that never rolls dice the remote entrant must score exactly what the same
 * strategy scores in-process, game by game.
 */
class RemoteEntrantTest {
  Lobby lobby;
  NetServer server;
  final List<EntenteClient> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    ServerConfig config = Loopback.config(ServerConfig.defaults().data(), 10_000);
    lobby = new Lobby(config, GameClock.system());
    server = new NetServer(config, lobby, StaticFiles.none());
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

  RemoteEntrant entrant(String name, String strategy, int connections, List<Joined> seated)
      throws Exception {
    RemoteEntrant e =
        new RemoteEntrant(
            name,
            Strategies.create(strategy),
            0,
            new RemoteEntrant.Listener() {
              @Override
              public void seated(Joined joined) {
                seated.add(joined);
              }
            });
    for (int i = 0; i < connections; i++) {
      e.register(connect()).get(10, TimeUnit.SECONDS);
    }
    return e;
  }

  static Schedule schedule(List<Entrant> entrants, int games) {
    return new Schedule(List.of(Arena.load("tutorial", false)), entrants, games, 77);
  }

  @Test
  void aRemoteEntrantPlaysItsSeatsAndScoresWhatTheSameStrategyScoresInProcess() throws Exception {
    List<Joined> seated = new CopyOnWriteArrayList<>();
    RemoteEntrant remote = entrant("remote-hider", "hider", 1, seated);
    Schedule withRemote =
        schedule(
            List.of(
                Entrant.builtin("threat-balancer"),
                Entrant.builtin("random"),
                Entrant.remote("remote-hider")),
            6);
    RemoteGames games = new RemoteGames(new HostPort("127.0.0.1", server.port()), 1, 30);
    List<GameResult> live = new Tournament(withRemote, 2, null, games).run();

    Schedule inProcess =
        schedule(
            List.of(
                Entrant.builtin("threat-balancer"),
                Entrant.builtin("random"),
                Entrant.builtin("hider")),
            6);
    List<GameResult> local = new Tournament(inProcess, 2, null, null).run();

    assertThat(seated).hasSize(6); // 3 entrants on 3 seats: the remote one is in every game
    assertThat(remote.gamesPlayed()).isEqualTo(6);
    for (int g = 0; g < 6; g++) {
      assertThat(live.get(g).entrants()).isEqualTo(local.get(g).entrants());
      assertThat(live.get(g).scores()).as("game %d", g).isEqualTo(local.get(g).scores());
      assertThat(live.get(g).survived()).isEqualTo(local.get(g).survived());
    }
    Standings st = Standings.of(withRemote, live);
    assertThat(StandingsWriter.text(st)).contains("remote-hider (remote)");
    assertThat(st.rows(Standings.Scope.OVERALL, ""))
        .extracting(Standings.Row::entrant)
        .contains("remote-hider");
  }

  @Test
  void gamesRunInParallelOnSeveralConnectionsOfOneEntrant() throws Exception {
    List<Joined> seated = new CopyOnWriteArrayList<>();
    entrant("remote-hider", "hider", 2, seated);
    Schedule s =
        schedule(List.of(Entrant.builtin("threat-balancer"), Entrant.remote("remote-hider")), 4);
    // 2 entrants on 3 seats: the remote one holds one or two seats a game
    RemoteGames games = new RemoteGames(new HostPort("127.0.0.1", server.port()), 1, 30);
    List<GameResult> results = new Tournament(s, 1, null, games).run();
    int remoteSeats = 0;
    for (GameResult r : results) {
      for (int e : r.entrants()) {
        remoteSeats += e == 1 ? 1 : 0;
      }
    }
    assertThat(seated).hasSize(remoteSeats);
    assertThat(seated.stream().map(Joined::getGameId).distinct()).hasSize(4);
  }

  @Test
  void anEntrantWithTooFewConnectionsOrNoneIsNamedInTheError() throws Exception {
    Schedule s =
        schedule(List.of(Entrant.builtin("threat-balancer"), Entrant.remote("nobody-home")), 2);
    RemoteGames games = new RemoteGames(new HostPort("127.0.0.1", server.port()), 1, 30);
    assertThatThrownBy(() -> new Tournament(s, 1, null, games).run())
        .isInstanceOf(Tournament.TournamentException.class)
        .hasMessageContaining("remote entrant 'nobody-home' has no free connection")
        .hasMessageContaining("0 registered");
  }

  @Test
  void aBadEntrantNameIsRefused() throws Exception {
    EntenteClient c = connect();
    assertThatThrownBy(
            () ->
                c.request(
                        ClientMessage.newBuilder()
                            .setRegisterEntrant(RegisterEntrant.newBuilder().setName("no spaces")))
                    .get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(EntenteException.class)
        .satisfies(e -> assertThat(EntenteClient.codeOf(e)).isEqualTo(ErrorCode.BAD_REQUEST))
        .hasMessageContaining("register_entrant.name");
  }

  @Test
  void fromTheCommandLineAnEntrantAndATournamentMeetOnTheServer(@TempDir Path dir)
      throws Exception {
    String address = "127.0.0.1:" + server.port();
    TournamentCommandTest.Run[] entrantRun = new TournamentCommandTest.Run[1];
    Thread entrant =
        new Thread(
            () ->
                entrantRun[0] =
                    TournamentCommandTest.run(
                        "entrant",
                        "--server",
                        address,
                        "--name",
                        "cli-hider",
                        "--strategy",
                        "hider",
                        "--games",
                        "3"));
    entrant.start();
    // the tournament fails with a clear error until the entrant has registered
    TournamentCommandTest.Run t = null;
    for (int attempt = 0; attempt < 100; attempt++) {
      t =
          TournamentCommandTest.run(
              "tournament",
              "--scenarios",
              "tutorial",
              "--strategies",
              "threat-balancer,random",
              "--remote",
              "cli-hider",
              "--server",
              address,
              "--games",
              "3",
              "--seed",
              "77",
              "--progress",
              "none",
              "--out",
              dir.toString());
      if (t.code() == 0 || !t.err().contains("no free connection")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(t.code()).as(t.err()).isZero();
    assertThat(t.out()).contains("cli-hider (remote)");
    entrant.join(30_000);
    assertThat(entrantRun[0].code()).as(entrantRun[0].err()).isZero();
    assertThat(entrantRun[0].out())
        .contains("registered 1 connection(s) as cli-hider")
        .contains("game over for")
        .contains("(3 games)");
  }
}
