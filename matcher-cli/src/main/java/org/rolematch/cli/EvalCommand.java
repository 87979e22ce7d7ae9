package org.rolematch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rolematch eval}: measures the parsers against gold annotations. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Measures a parser against gold annotations (precision, recall, F1).",
    subcommands = {EvalPostingsCommand.class, EvalResumesCommand.class})
final class EvalCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
