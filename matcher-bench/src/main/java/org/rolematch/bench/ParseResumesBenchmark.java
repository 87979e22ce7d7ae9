package org.rolematch.bench;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.ResumeParser;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Parsing plain-text resumes into candidate profiles ({@link ResumeParser}): one operation parses
 * every resume of a corpus once. Throughput; the {@code bytes} and {@code documents} secondary
 * results are UTF-8 bytes and resumes per second.
 *
 * <ul>
 *   <li>{@code corpus=samples}: the project's fictional test resumes ({@code
 *       matcher-core/src/test/resources/resumes/*.txt}, and {@code samples/resumes/*.txt} when
 *       present);
 *   <li>{@code corpus=dev}: the fictional dev-set resumes ({@code ../shared/eval/dev/resumes}).
 * </ul>
 *
 * <p>Run: {@code ./bench ParseResumes}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class ParseResumesBenchmark {
  @Param({"samples", "dev"})
  public String corpus;

  private ResumeParser parser;
  private ParseCorpus.Texts texts;

  /** Reads the corpus and builds the parser, with a fixed clock so that years are repeatable. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    parser = ResumeParser.builder().taxonomy(Taxonomy.defaults())
        .asOf(LocalDate.of(2025, 6, 1)).build();
    List<java.nio.file.Path> dirs = corpus.equals("dev")
        ? List.of(BenchSupport.shared().resolve("eval/dev/resumes"))
        : List.of(BenchSupport.root().resolve("matcher-core/src/test/resources/resumes"),
            BenchSupport.root().resolve("samples/resumes"));
    texts = ParseCorpus.Texts.read(BenchSupport.files(dirs, ".txt"), "resumes/" + corpus);
  }

  /** Parses every resume of the corpus. */
  @Benchmark
  public void parseAll(ParseCorpus counters, Blackhole bh) throws ParseException {
    List<String> t = texts.texts();
    for (int i = 0; i < t.size(); i++) {
      bh.consume(parser.parse(texts.names().get(i), t.get(i)));
    }
    counters.bytes += texts.bytes();
    counters.documents += t.size();
  }
}
