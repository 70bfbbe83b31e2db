/**
 * The bot SDK: run any {@link org.entente.api.Bot} against an Entente server with {@link
 * org.entente.client.sdk.RemoteBot}.
 *
 * <h2>Writing a bot</h2>
 *
 * Implement {@link org.entente.api.Bot}: {@code name()} and {@code decide(PlayerView, Dice)}. The
 * {@link org.entente.api.PlayerView} is everything the seat may know at the start of a turn: the
 * public table of states ({@code nations()}, {@code alliances()}, {@code crises()}, {@code
 * proximity()}), the seat's own threat row with each term ({@code threats()}, {@code
 * threatFrom(id)}), its principal threat, leader and coverage, last turn's outcomes and stances,
 * and the rule constants ({@code rules()}). Return one stance and at most two actions ({@link
 * org.entente.api.Orders}); see {@link org.entente.api.OrderSyntax} for their one-line text form. A
 * bot must be deterministic given the view and the dice: draw randomness only from the {@link
 * org.entente.api.Dice} handed in, never from the clock or {@code Math.random}. {@link
 * org.entente.client.sdk.example.CautiousBalancer} is a short, commented example.
 *
 * <h2>Running it</h2>
 *
 * <pre>{@code
 * // a seat token comes from JoinSeat (EntenteClient.join) or from the game's instructor
 * RemoteBot runner = new RemoteBot(new MyBot(), token, gameSeed);
 * RemoteBot.Result r = runner.play("localhost", 7470, ClientOptions.defaults()).join();
 * }</pre>
 *
 * The built-in strategies run the same way from the command line: {@code entente bot --server
 * localhost:7470 --token T --strategy threat-balancer --seed N}. To reproduce the state hashes of
 * {@code entente simulate --seed N}, the runner needs the game's seed: a bot's dice are {@code
 * Dice.of(seed, turn, "bot:" + state)}, exactly as for the server's in-process bots.
 *
 * <p>Bots in other languages speak the same protocol ({@code entente/v1/protocol.proto}): a TCP
 * frame is a varint32 length followed by a {@code ClientMessage}; send {@code Hello{major=1}}, then
 * {@code Resume{token}}, answer each pushed {@code TurnView} with {@code SubmitOrders}, and stop at
 * {@code GameEvent{GAME_ENDED}}.
 */
package org.entente.client.sdk;
