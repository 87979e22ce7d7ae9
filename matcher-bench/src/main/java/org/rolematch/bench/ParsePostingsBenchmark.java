package org.rolematch.bench;

import java.io.IOException;
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
import org.rolematch.ingest.PostingParser;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Parsing posting pages into roles and requirement clauses ({@link PostingParser}): one operation
 * parses every page of a corpus once. Throughput; the {@code bytes} and {@code documents}
 * secondary results are UTF-8 bytes and pages per second (MB/s = bytes / 1e6). Target: at least
 * 2 MB/s on one core.
 *
 * <ul>
 *   <li>{@code corpus=samples}: the project's own sample postings ({@code samples/postings/*.txt});
 *   <li>{@code corpus=dev}: the real dev-set pages ({@code ../shared/eval/dev/postings}), read in
 *       place, never copied.
 * </ul>
 *
 * <p>Run: {@code ./bench ParsePostings} (or {@code java -jar matcher-bench/target/benchmarks.jar
 * ParsePostings -Drolematch.root=.} from the project root).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class ParsePostingsBenchmark {
  @Param({"samples", "dev"})
  public String corpus;

  private PostingParser parser;
  private ParseCorpus.Texts texts;

  /** Reads the corpus and builds the parser (taxonomy and analysis chain). */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    parser = PostingParser.of(Taxonomy.defaults());
    texts = ParseCorpus.Texts.read(BenchSupport.files(List.of(corpus.equals("dev")
        ? BenchSupport.shared().resolve("eval/dev/postings")
        : BenchSupport.root().resolve("samples/postings")), ".txt"), "postings/" + corpus);
  }

  /** Parses every page of the corpus. */
  @Benchmark
  public void parseAll(ParseCorpus counters, Blackhole bh) throws ParseException {
    List<String> t = texts.texts();
    for (int i = 0; i < t.size(); i++) {
      bh.consume(parser.parse(t.get(i), texts.names().get(i)));
    }
    counters.bytes += texts.bytes();
    counters.documents += t.size();
  }
}
