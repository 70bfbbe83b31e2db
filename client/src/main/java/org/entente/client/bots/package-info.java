/**
 * The built-in bot strategies, described and created by name through {@link
 * org.entente.client.bots.Strategies}: the reference threat-driven bot of RULES.md section 9, the
 * alternatives the theory tests compare it with, and three adaptive strategies that remember the
 * game. Bots see only their seat's {@link org.entente.api.PlayerView}, declare the parts of it they
 * read ({@link org.entente.client.bots.ViewPart}), and are deterministic given the views they were
 * shown and the {@link org.entente.api.Dice}; the public estimates they share live in {@link
 * org.entente.client.bots.Estimates}. See {@code docs/strategies.md}.
 */
package org.entente.client.bots;
