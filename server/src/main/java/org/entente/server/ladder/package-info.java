/**
 * The standing ladder of {@code entente serve --ladder}: a rated field of built-in strategies and
 * registered remote bots that the server plays in the background within a CPU share ({@link
 * org.entente.server.ladder.Ladder}), an online Bayesian Plackett-Luce rating updated after every
 * game ({@link org.entente.server.ladder.Rating}), and the ladder's file in the data folder ({@link
 * org.entente.server.ladder.LadderStore}). See docs/ladder.md.
 */
package org.entente.server.ladder;
