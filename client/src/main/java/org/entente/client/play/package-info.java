/**
 * The terminal client for human players: {@link org.entente.client.play.TerminalClient} (the
 * command loop), {@link org.entente.client.play.Screen} (plain-text rendering), {@link
 * org.entente.client.play.OrderCheck} (local validation of orders against the seat's view) and
 * {@link org.entente.client.play.Help}.
 */
package org.entente.client.play;
