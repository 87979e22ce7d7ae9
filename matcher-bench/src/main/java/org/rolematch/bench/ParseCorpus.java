package org.rolematch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secondary results of the parse benchmarks: bytes (UTF-8) and documents parsed. In throughput
 * mode JMH reports them per second, so the JSON carries bytes/s and documents/s directly.
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class ParseCorpus {
  /** UTF-8 bytes parsed. */
  public long bytes;
  /** Documents parsed. */
  public long documents;

  /** Zeroes the counters before each iteration. */
  @Setup(Level.Iteration)
  public void reset() {
    bytes = 0;
    documents = 0;
  }

  /** Texts and their sizes, read once. */
  record Texts(List<String> names, List<String> texts, long bytes) {
    static Texts read(List<Path> files, String what) throws IOException {
      if (files.isEmpty()) {
        throw new IllegalStateException("no " + what + " found; run from the project root or "
            + "pass -Drolematch.root=... (and -Drolematch.shared=... for the dev set)");
      }
      List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
      List<String> texts = new java.util.ArrayList<>();
      long b = 0;
      for (Path f : files) {
        String t = Files.readString(f, StandardCharsets.UTF_8);
        texts.add(t);
        b += t.getBytes(StandardCharsets.UTF_8).length;
      }
      BenchSupport.note("%s: %d documents, %d bytes", what, files.size(), b);
      return new Texts(names, List.copyOf(texts), b);
    }
  }
}
