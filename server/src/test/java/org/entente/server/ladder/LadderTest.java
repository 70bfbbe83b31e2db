package org.entente.server.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.entente.api.Bot;
import org.entente.api.Dice;
import org.entente.api.Orders;
import org.entente.api.PlayerView;
import org.entente.client.bots.Strategies;
import org.entente.client.net.EntenteClient;
import org.entente.client.net.EntenteException;
import org.entente.client.sdk.RemoteBot;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.GetLadder;
import org.entente.proto.v1.Ladder;
import org.entente.proto.v1.LadderEntry;
import org.entente.proto.v1.LadderJoin;
import org.entente.proto.v1.LadderRegister;
import org.entente.proto.v1.ServerMessage;
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
 * The ladder end to end, over real sockets and a real data folder: two remote bots register over
 * the protocol (one always hides, one plays the threat-balancer), offer connections with their
 * ladder tokens and are seated in rated games between the built-in strategies; the server is
 * stopped and started again on the same folder, the bots come back with their tokens, and the
 * ratings carry on from where they were, their intervals narrowing, until the hiding bot is rated
 * below {@code threat-balancer} with intervals that do not overlap.
 */
class LadderTest {
  @TempDir Path data;

  /** One run of the server: lobby, ladder, network. */
  final class Server implements AutoCloseable {
    final Lobby lobby;
    final org.entente.server.ladder.Ladder ladder;
    final NetServer net;

    Server(double share) throws Exception {
      ServerConfig config = Loopback.config(data, 10_000);
      lobby = new Lobby(config, GameClock.system(), new DirectoryJournalStore(data));
      lobby.recover();
      ladder =
          org.entente.server.ladder.Ladder.open(
              lobby,
              data,
              new org.entente.server.ladder.Ladder.Config(
                  share,
                  List.of("peloponnesian-431bc"),
                  List.of("threat-balancer", "random"),
                  5,
                  7));
      net =
          new NetServer(
              config, lobby, StaticFiles.none(), Map.of("/ladder/game/", ladder.gameRoute()));
      net.start();
      ladder.start();
    }

    @Override
    public void close() {
      ladder.close();
      net.close();
      lobby.shutdown();
    }
  }

  final List<EntenteClient> clients = new ArrayList<>();
  Server server;

  @AfterEach
  void stop() {
    clients.forEach(EntenteClient::close);
    if (server != null) {
      server.close();
    }
  }

  EntenteClient connect() throws Exception {
    EntenteClient c =
        EntenteClient.connect("127.0.0.1", server.net.port()).get(10, TimeUnit.SECONDS);
    clients.add(c);
    return c;
  }

  /** Always hides. */
  static final class AlwaysHide implements Bot {
    @Override
    public String name() {
      return "always-hide";
    }

    @Override
    public Orders decide(PlayerView view, Dice dice) {
      return Orders.hide();
    }
  }

  String register(String name) throws Exception {
    ServerMessage m =
        connect()
            .request(
                ClientMessage.newBuilder()
                    .setLadderRegister(LadderRegister.newBuilder().setName(name)))
            .get(10, TimeUnit.SECONDS);
    assertThat(m.getLadderRegistered().getName()).isEqualTo(name);
    return m.getLadderRegistered().getToken();
  }

  // Offers `connections` connections as the bot of `token`, each playing every seat it is given.
  void offer(String token, java.util.function.Supplier<Bot> bot, int connections) throws Exception {
    for (int i = 0; i < connections; i++) {
      EntenteClient c = connect();
      c.onPush(
          m -> {
            if (m.hasJoined()) {
              new RemoteBot(bot.get(), m.getJoined().getToken(), 3).run(c);
            }
          });
      ServerMessage ack =
          c.request(
                  ClientMessage.newBuilder().setLadderJoin(LadderJoin.newBuilder().setToken(token)))
              .get(10, TimeUnit.SECONDS);
      assertThat(ack.getAck().getDetail()).startsWith("offered for ladder games as ");
    }
  }

  Ladder ladder(String entrant) throws Exception {
    return connect()
        .request(
            ClientMessage.newBuilder()
                .setGetLadder(GetLadder.newBuilder().setEntrant(entrant).setRecent(200)))
        .get(10, TimeUnit.SECONDS)
        .getLadder();
  }

  static LadderEntry entry(Ladder l, String name) {
    return l.getEntriesList().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  // Waits (at most `seconds`) until the ladder satisfies `done`; returns the last ladder read.
  Ladder await(Predicate<Ladder> done, int seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    Ladder l = ladder("");
    while (!done.test(l) && System.nanoTime() < end) {
      Thread.sleep(200);
      l = ladder("");
    }
    return l;
  }

  @Test
  void remoteBotsAreRatedThroughARestartAndTheHiderEndsBelowTheThreatBalancer() throws Exception {
    long began = System.nanoTime();
    server = new Server(1.0);
    String hide = register("always-hide");
    String balancer = register("balancer");

    // the protocol's mistakes are named
    EntenteClient probe = connect();
    assertThatThrownBy(
            () ->
                probe
                    .request(
                        ClientMessage.newBuilder()
                            .setLadderRegister(LadderRegister.newBuilder().setName("balancer")))
                    .get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(EntenteException.class)
        .hasMessageContaining("ladder_register.name: 'balancer' is already on the ladder");
    assertThatThrownBy(
            () ->
                probe
                    .request(
                        ClientMessage.newBuilder()
                            .setLadderJoin(LadderJoin.newBuilder().setToken("00ff")))
                    .get(10, TimeUnit.SECONDS))
        .satisfies(e -> assertThat(EntenteClient.codeOf(e)).isEqualTo(ErrorCode.BAD_TOKEN))
        .hasMessageContaining("ladder_join.token: no ladder entrant has this token");

    offer(hide, AlwaysHide::new, 2);
    offer(balancer, () -> Strategies.create("threat-balancer"), 2);

    Ladder first =
        await(
            l -> entry(l, "always-hide").getGames() >= 8 && entry(l, "balancer").getGames() >= 8,
            40);
    LadderEntry hide1 = entry(first, "always-hide");
    LadderEntry bal1 = entry(first, "balancer");
    assertThat(hide1.getGames()).isGreaterThanOrEqualTo(8);
    assertThat(hide1.getSd()).isLessThan(Rating.PRIOR.sd());
    assertThat(bal1.getSd()).isLessThan(Rating.PRIOR.sd());
    // the recent games of one bot are its own, each with its replay read from its journal
    Ladder mine = ladder("always-hide");
    assertThat(mine.getGamesList()).isNotEmpty();
    assertThat(mine.getGamesList())
        .allSatisfy(
            g -> assertThat(g.getSeatsList()).anyMatch(s -> s.getEntrant().equals("always-hide")));
    var game = mine.getGames(0);
    assertThat(data.resolve(game.getGameId() + ".journal")).exists();
    HttpResponse<String> replay =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.net.port() + game.getReplayUrl()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.headers().firstValue("content-type").orElse("")).startsWith("text/html");
    assertThat(replay.body()).contains(game.getGameId());

    // restart on the same data folder: the bots' connections go with the old server
    clients.forEach(EntenteClient::close);
    clients.clear();
    server.close();
    server = null;
    String file = Files.readString(data.resolve("ladder.json"));
    assertThat(file).contains("\"format\" : 1").contains("always-hide").doesNotContain(hide);
    Book saved = new LadderStore(data).load();
    server = new Server(1.0);
    Ladder again = ladder("");
    // the bots are not seated until they come back, so their ratings are exactly as saved
    for (String name : List.of("always-hide", "balancer")) {
      LadderEntry e = entry(again, name);
      assertThat(e.getMean()).isEqualTo(saved.entries.get(name).belief.mean());
      assertThat(e.getSd()).isEqualTo(saved.entries.get(name).belief.sd());
      assertThat(e.getGames()).isEqualTo(saved.entries.get(name).games);
      assertThat(e.getConnections()).isZero();
    }
    assertThat(again.getGamesRated()).isGreaterThanOrEqualTo(saved.gamesRated);

    // back with their tokens: rated on, until the hider is clearly below the threat-balancer
    offer(hide, AlwaysHide::new, 2);
    offer(balancer, () -> Strategies.create("threat-balancer"), 2);
    int hideBefore = entry(again, "always-hide").getGames();
    Ladder last =
        await(
            l ->
                entry(l, "always-hide").getGames() >= hideBefore + 8
                    && entry(l, "always-hide").getHigh() < entry(l, "threat-balancer").getLow(),
            40);
    LadderEntry hide2 = entry(last, "always-hide");
    LadderEntry bal2 = entry(last, "balancer");
    LadderEntry tb = entry(last, "threat-balancer");
    assertThat(hide2.getGames()).isGreaterThanOrEqualTo(hideBefore + 8);
    assertThat(hide2.getSd()).isLessThan(hide1.getSd());
    assertThat(bal2.getSd()).isLessThan(bal1.getSd());
    assertThat(hide2.getHigh())
        .as("always-hide's interval is below threat-balancer's: %s vs %s", hide2, tb)
        .isLessThan(tb.getLow());
    assertThat(hide2.getMean()).isLessThan(tb.getMean());
    assertThat(last.getCpuShare()).isEqualTo(1.0);
    assertThat(System.nanoTime() - began).isLessThan(TimeUnit.SECONDS.toNanos(90));
  }
}
