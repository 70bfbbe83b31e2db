package org.entente.server.cli;

import org.entente.server.load.LoadTestCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code entente} launcher: one jar, one subcommand per job. */
@Command(
    name = "entente",
    mixinStandardHelpOptions = true,
    version = "entente 0.1.0",
    description = "A balance-of-threat crisis wargame: scenarios, headless simulation and more.",
    subcommands = {
      ServeCommand.class,
      ScenariosCommand.class,
      SimulateCommand.class,
      org.entente.client.cli.PlayCommand.class,
      org.entente.client.cli.GameCommand.class,
      org.entente.client.cli.BotCommand.class,
      LoadTestCommand.class,
      org.entente.server.chaos.ChaosCommand.class,
      org.entente.server.debrief.DebriefCommand.class,
      org.entente.server.replay.ReplayCommand.class,
      org.entente.server.replay.BranchCommand.class,
      org.entente.server.replay.DiffCommand.class,
      org.entente.server.replay.NoteCommand.class,
      org.entente.server.replay.ExportCommand.class,
      org.entente.server.tournament.TournamentCommand.class,
      org.entente.server.history.HistoryCommand.class,
      org.entente.client.cli.EntrantCommand.class,
      org.entente.client.cli.StrategiesCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Entente implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (also used by tests). */
  public static CommandLine commandLine() {
    return new CommandLine(new Entente()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
