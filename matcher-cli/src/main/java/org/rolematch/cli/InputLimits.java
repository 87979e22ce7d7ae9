package org.rolematch.cli;

import org.rolematch.ingest.ParseLimits;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --max-input-bytes} option of the commands that read posting or resume files. */
final class InputLimits {
  @Option(names = "--max-input-bytes", paramLabel = "N",
      description = "Largest posting or resume file accepted, in bytes (default: ${DEFAULT-VALUE});"
          + " a larger one is refused with a message naming it.",
      defaultValue = "" + ParseLimits.DEFAULT_MAX_DOCUMENT_BYTES)
  int maxInputBytes = ParseLimits.DEFAULT_MAX_DOCUMENT_BYTES;

  /** The parse limits the option gives, or a usage error for a value below 1. */
  ParseLimits limits(CommandLine cl) {
    if (maxInputBytes < 1) {
      throw new CommandLine.ParameterException(cl,
          "--max-input-bytes must be at least 1, got " + maxInputBytes);
    }
    return ParseLimits.builder().maxDocumentBytes(Math.min(maxInputBytes, Integer.MAX_VALUE - 8))
        .build();
  }
}
