package org.rolematch;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.rolematch.ingest.ParseLimits;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Builds a {@link Matcher}. Each option is checked when it is set; a bad value gives an {@link
 * IllegalArgumentException} naming the option and the value. Not thread-safe; {@link #build()}
 * may be called more than once (each call opens new indexes, so give each its own directory).
 *
 * <pre>{@code
 * Matcher m = Matcher.builder()
 *     .taxonomy(Taxonomy.defaults())
 *     .policy(ScoringPolicy.builder().preferredWeight(0.5).build())
 *     .directory(Path.of("data/rolematch"))       // omit for an in-memory matcher
 *     .resumeClock(LocalDate.of(2025, 7, 1))      // "Present" in resumes; default: today
 *     .build();
 * }</pre>
 */
public final class MatcherBuilder {
  private Taxonomy taxonomy;
  private ScoringPolicy policy = ScoringPolicy.defaults();
  private Path directory;
  private LocalDate resumeClock;
  private int maxBufferedDocs;
  private ParseLimits parseLimits = ParseLimits.defaults();

  MatcherBuilder() {}

  /**
   * The limits the matcher's posting and resume parsers apply ({@link Matcher#addPosting},
   * {@link Matcher#parseResume}; default {@link ParseLimits#defaults()}).
   */
  public MatcherBuilder parseLimits(ParseLimits limits) {
    this.parseLimits = requireNonNull(limits, "parseLimits");
    return this;
  }

  /** The taxonomy (default: {@link Taxonomy#defaults()}). */
  public MatcherBuilder taxonomy(Taxonomy taxonomy) {
    this.taxonomy = requireNonNull(taxonomy, "taxonomy");
    return this;
  }

  /** The scoring policy (default: {@link ScoringPolicy#defaults()}). */
  public MatcherBuilder policy(ScoringPolicy policy) {
    this.policy = requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Keeps the indexes on disk in this directory (sub-directories {@code roles} and {@code
   * candidates}); reopening restores everything committed.
   */
  public MatcherBuilder directory(Path directory) {
    requireNonNull(directory, "directory");
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new IllegalArgumentException(
          "directory must be a directory (or not exist yet), got the file " + directory);
    }
    this.directory = directory;
    return this;
  }

  /** Keeps the indexes in memory (the default). */
  public MatcherBuilder inMemory() {
    this.directory = null;
    return this;
  }

  /** The date "Present" means in resumes (default: today, when the matcher is built). */
  public MatcherBuilder resumeClock(LocalDate date) {
    requireNonNull(date, "resumeClock");
    if (date.getYear() < 1950 || date.getYear() > 2200) {
      throw new IllegalArgumentException("resumeClock must lie in 1950..2200, got " + date);
    }
    this.resumeClock = date;
    return this;
  }

  /**
   * Flushes an index segment every {@code n} documents instead of by RAM use (0, the default,
   * flushes by RAM use). Small values make many segments: useful in tests only.
   */
  public MatcherBuilder maxBufferedDocs(int n) {
    if (n < 0 || n == 1) {
      throw new IllegalArgumentException("maxBufferedDocs must be 0 or at least 2, got " + n);
    }
    this.maxBufferedDocs = n;
    return this;
  }

  /**
   * Opens the matcher.
   *
   * @throws org.rolematch.index.IndexFolderException if the directory is not a usable index
   *     (damaged, written by another version, not a RoleMatch index, in use by another process):
   *     its message names the folder, says what is wrong and what to do; Lucene's exception is
   *     its cause
   * @throws IOException if the directory cannot be opened for another reason
   */
  public Matcher build() throws IOException {
    Taxonomy t = taxonomy != null ? taxonomy : Taxonomy.defaults();
    LocalDate clock = resumeClock != null ? resumeClock : LocalDate.now();
    return new DefaultMatcher(t, policy, directory, clock, maxBufferedDocs, parseLimits);
  }
}
