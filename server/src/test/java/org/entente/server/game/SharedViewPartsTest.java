package org.entente.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.ClientMessage;
import org.entente.proto.v1.CreateGame;
import org.entente.proto.v1.Role;
import org.entente.proto.v1.ServerMessage;
import org.entente.proto.v1.TurnView;
import org.entente.server.engine.Views;
import org.entente.server.net.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every seat's view is built from the public part of the position, built once per turn and shared,
 * plus the seat's own part: the result must be exactly the engine's own view of that seat, turn
 * after turn, and must never carry another seat's private part.
 */
class SharedViewPartsTest {
  final ManualClock clock = new ManualClock();
  final Lobby lobby = new Lobby(ServerConfig.defaults(), clock);

  @AfterEach
  void stop() {
    lobby.shutdown();
  }

  @Test
  void eachSeatsViewIsTheEnginesViewOfThatSeatEveryTurn() {
    TestConnection instructor = TestConnection.hello(lobby);
    ServerMessage created =
        instructor.request(
            ClientMessage.newBuilder()
                .setCreateGame(
                    CreateGame.newBuilder()
                        .setScenario("europe-1914")
                        .setSeed(5)
                        .setMaxTurns(6)
                        .putAllBots(Map.of("GMY", "opportunist", "FRN", "threat-balancer"))));
    LiveGame g = lobby.game(created.getGameCreated().getGameId());
    for (int turn = 1; turn <= 4; turn++) {
      TestConnection.settle(g);
      int checked = 0;
      for (String state : g.seats.keySet()) {
        LiveGame.Member seat = new LiveGame.Member("t-" + state, Role.SEAT, state, state);
        TurnView[] views = new TurnView[2];
        g.execute(
            () -> {
              views[0] = RoleViews.view(g, seat);
              views[1] = Wire.view(Views.of(g.state, g.lastReport, state)).build();
            });
        TestConnection.settle(g);
        TurnView expected = views[1];
        TurnView got = views[0];
        assertThat(got.getSelf()).isEqualTo(state);
        assertThat(got.getThreatsList()).isEqualTo(expected.getThreatsList());
        assertThat(got.getPrivateBriefing()).isEqualTo(expected.getPrivateBriefing());
        assertThat(got.getOutcomesList()).isEqualTo(expected.getOutcomesList());
        // the Korean private briefing is the seat's own (the scenario has one for every state)
        assertThat(got.getPrivateBriefingKo())
            .isNotEmpty()
            .isEqualTo(
                org.entente.server.scenario.ScenarioLoader.korean("europe-1914")
                    .privateBriefings()
                    .get(state));
        // the news as data: one entry per line of the news, in the same words
        assertThat(got.getNewsEventsList())
            .extracting(org.entente.proto.v1.TurnEvent::getText)
            .isEqualTo(got.getNewsList());
        // all the engine's fields, public and private, are exactly the engine's view
        assertThat(
                got.toBuilder()
                    .clearGameId()
                    .clearRole()
                    .clearPhase()
                    .clearDeadlineEpochMs()
                    .clearStateHash()
                    .clearNews()
                    .clearNewsEvents()
                    .clearNewsKo()
                    .clearBriefingKo()
                    .clearPrivateBriefingKo()
                    .clearStateNamesKo()
                    .clearMessages()
                    .clearMyOrders()
                    .clearMyOrdersBy()
                    .clearMyOrdersEpochMs()
                    .clearTeamDraft()
                    .clearFinalScores()
                    .build())
            .as("turn %d, seat %s", turn, state)
            .isEqualTo(expected);
        checked++;
      }
      assertThat(checked).isEqualTo(g.seats.size()).isEqualTo(20); // every seat of europe-1914
      g.execute(() -> g.adjudicate("the test moves on"));
    }
  }
}
