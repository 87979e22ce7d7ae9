package org.rolematch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rolematch} command. Exit codes: 0 ok, 1 bad input, 2 usage. */
@Command(
    name = "rolematch",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Reads job postings and resumes requirement by requirement, and matches them.",
    subcommands = {
      DemoCommand.class,
      MatchCommand.class,
      RankCommand.class,
      AuditCommand.class,
      IndexCommand.class,
      ParseCommand.class,
      ParseResumeCommand.class,
      EvalCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Lucene logs through java.util.logging that it would like the incubating vector module; that
   * is advice for operators, not output for a person reading matches, so it is kept quiet here.
   */
  private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests and embedding). */
  public static int run(String... args) {
    CommandLine cl = commandLine();
    return cl.execute(args);
  }

  /** The configured picocli command line. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("rolematch: " + message(ex));
          return 1;
        });
    return cl;
  }

  /**
   * What went wrong, in words: the file-system exceptions' own messages are only the path.
   */
  static String message(Exception ex) {
    if (ex instanceof java.nio.file.NoSuchFileException e) {
      return "no such file or folder: " + e.getFile();
    }
    if (ex instanceof java.nio.file.AccessDeniedException e) {
      return "permission denied: " + e.getFile();
    }
    if (ex instanceof java.nio.file.FileSystemException e && e.getReason() == null) {
      return "cannot read or write " + e.getFile();
    }
    return ex.getMessage();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"rolematch " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }
}
