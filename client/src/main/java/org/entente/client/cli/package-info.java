/**
 * The client's subcommands of the {@code entente} launcher, as plain picocli commands: {@link
 * org.entente.client.cli.BotCommand} ({@code entente bot}) and {@link
 * org.entente.client.cli.PlayCommand} ({@code entente play}).
 */
package org.entente.client.cli;
