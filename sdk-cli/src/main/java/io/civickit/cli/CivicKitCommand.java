package io.civickit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code civickit} command: lint and preview forms, render templates, compute KPIs, rotate keys. */
@Command(name = "civickit", mixinStandardHelpOptions = true, version = "civickit 0.1.0-SNAPSHOT",
    subcommands = {TemplateCommand.class, FormCommand.class, KpiCommand.class, KeysCommand.class},
    description = "CivicKit tools for a council's own CI: forms, templates and KPIs.")
public final class CivicKitCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command and returns its exit status, for tests and embedding. */
  public static int run(String... args) {
    return new CommandLine(new CivicKitCommand()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
