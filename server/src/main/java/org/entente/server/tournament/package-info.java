/**
 * Tournaments: many seeded games played headless on every core (or, for remote entrants, as live
 * games on a server), with seats rotated so every entrant plays every seat of every scenario
 * equally often, and standings with confidence intervals, significance marks and a Plackett-Luce
 * rating.
 *
 * <p>The pieces: {@link org.entente.server.tournament.Entrant} and {@link
 * org.entente.server.tournament.Schedule} (who sits where in game i, and its seed), {@link
 * org.entente.server.tournament.LocalGame} (one game in-process), {@link
 * org.entente.server.tournament.Tournament} (the games on a thread pool, results by index), {@link
 * org.entente.server.tournament.Standings} with {@link org.entente.server.tournament.Stats} and
 * {@link org.entente.server.tournament.PlackettLuce}, and {@link
 * org.entente.server.tournament.StandingsWriter} (text, CSV, JSON). Results never depend on the
 * thread count: each game's seed is a function of the tournament seed and the game's index, each
 * result is stored at its index, and every sum runs in index order.
 */
package org.entente.server.tournament;
