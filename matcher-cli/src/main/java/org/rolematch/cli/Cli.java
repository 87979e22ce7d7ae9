package org.rolematch.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.rolematch.taxonomy.Taxonomy;

/** Shared helpers of the subcommands. */
final class Cli {
  private Cli() {}

  /** The bundled taxonomy, extended with a user's file when one is given. */
  static Taxonomy taxonomy(Path extension) throws IOException {
    Taxonomy t = Taxonomy.defaults();
    return extension == null ? t : t.extendedWith(extension);
  }
}
