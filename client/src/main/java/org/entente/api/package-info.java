/**
 * The public face shared by the engine, the built-in bots and any bot an author writes: orders
 * ({@link org.entente.api.Stance}, {@link org.entente.api.Action}, {@link org.entente.api.Orders}),
 * what a seat may see ({@link org.entente.api.PlayerView}), why an order succeeded or failed
 * ({@link org.entente.api.OrderOutcome}), and the {@link org.entente.api.Bot} interface.
 *
 * <p>Everything here is an immutable value. A bot sees exactly the {@code PlayerView} that a remote
 * player of the same seat would get, never the engine's state.
 */
package org.entente.api;
