package org.rolematch.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared development set is. Tests that need it call {@link #require()}: in a clone
 * without {@code ../shared} they are skipped with a message saying so (CI always has it, and
 * {@code .ci/run} fails without it).
 */
public final class DevSet {
  private DevSet() {}

  /** The {@code shared/eval/dev} folder, or a skipped test when it is absent. */
  public static Path require() {
    String prop = System.getProperty("rolematch.shared", "../shared");
    Path dev = Path.of(prop).resolve("eval/dev").toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(dev.resolve("postings")),
        "skipped: the development set is not at " + dev
            + " (clone the project beside its 'shared' folder, or pass -Drolematch.shared=PATH)");
    return dev;
  }
}
