package org.rolematch.bench.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Baseline 2: a keyword-overlap scorer, TF-IDF cosine between posting text and resume text, the
 * way popular open-source resume matchers do it (scikit-learn's {@code TfidfVectorizer} defaults
 * and {@code cosine_similarity}): lower-cased tokens of two or more word characters, raw term
 * frequency, smoothed idf {@code ln((1 + n) / (1 + df)) + 1} fitted on the indexed documents, L2
 * normalised vectors; the score of a document is the dot product with the query vector.
 *
 * <h2>Design note</h2>
 *
 * <p>Documents are stored as an inverted index (per term: document ids and weights, in flat
 * arrays), so a query touches only the postings of its own terms, accumulates into one dense
 * {@code float[]}, and the top k are taken from it. This is at least as fast as the sparse
 * matrix-vector product those matchers run. It ranks by shared words, not by requirements: it
 * cannot tell "PhD required" from "no PhD", nor a met any-of group from a missed one.
 *
 * <p>Immutable after construction; {@link #rank} reuses a working array, so one index serves one
 * thread.
 */
public final class TfIdfIndex {
  private final Map<String, Integer> vocab;
  private final float[] idf;
  private final int[] postStart;
  private final int[] postDoc;
  private final float[] postWeight;
  private final String[] ids;
  private final float[] acc;

  /**
   * Indexes {@code n} documents.
   *
   * @param n number of documents
   * @param text the text of document {@code i}
   * @param ids the id of document {@code i}, for tie-breaking and results
   */
  public TfIdfIndex(int n, IntFunction<String> text, String[] ids) {
    this.ids = ids;
    // pass 1: vocabulary and document frequencies; keep each document's term counts compactly
    Map<String, Integer> voc = new HashMap<>();
    int[] df = new int[1024];
    int[][] docTerms = new int[n][];
    int[][] docCounts = new int[n][];
    Map<Integer, int[]> counts = new HashMap<>();
    for (int d = 0; d < n; d++) {
      counts.clear();
      for (String tok : tokens(text.apply(d))) {
        Integer t = voc.get(tok);
        if (t == null) {
          t = voc.size();
          voc.put(tok, t);
          if (t == df.length) {
            df = Arrays.copyOf(df, t * 2);
          }
        }
        counts.computeIfAbsent(t, x -> new int[1])[0]++;
      }
      int[] terms = new int[counts.size()];
      int[] cs = new int[counts.size()];
      int i = 0;
      for (Map.Entry<Integer, int[]> e : counts.entrySet()) {
        terms[i] = e.getKey();
        cs[i] = e.getValue()[0];
        df[terms[i]]++;
        i++;
      }
      docTerms[d] = terms;
      docCounts[d] = cs;
    }
    vocab = Map.copyOf(voc);
    int v = voc.size();
    idf = new float[v];
    for (int t = 0; t < v; t++) {
      idf[t] = (float) (Math.log((1.0 + n) / (1.0 + df[t])) + 1.0);
    }
    // pass 2: postings, weights L2-normalised per document
    postStart = new int[v + 1];
    for (int t = 0; t < v; t++) {
      postStart[t + 1] = postStart[t] + df[t];
    }
    int[] cursor = Arrays.copyOf(postStart, v);
    postDoc = new int[postStart[v]];
    postWeight = new float[postStart[v]];
    for (int d = 0; d < n; d++) {
      int[] terms = docTerms[d];
      int[] cs = docCounts[d];
      double norm = 0;
      for (int i = 0; i < terms.length; i++) {
        double w = cs[i] * idf[terms[i]];
        norm += w * w;
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < terms.length; i++) {
        int at = cursor[terms[i]]++;
        postDoc[at] = d;
        postWeight[at] = (float) (cs[i] * idf[terms[i]] / norm);
      }
      docTerms[d] = null;
      docCounts[d] = null;
    }
    acc = new float[n];
  }

  /** Lower-cased tokens of two or more letters or digits (scikit-learn's default pattern). */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !isWord(text.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < n && isWord(text.charAt(i))) {
        i++;
      }
      if (i - s >= 2) {
        out.add(text.substring(s, i).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }

  private static boolean isWord(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Number of indexed documents. */
  public int size() {
    return acc.length;
  }

  /** Heap bytes of the postings. */
  public long postingBytes() {
    return 8L * postDoc.length + 4L * postStart.length + 4L * idf.length;
  }

  /** The best {@code k} documents for a query text by cosine, best first (then by id). */
  public List<Hit> rank(String queryText, int k) {
    Map<Integer, int[]> counts = new HashMap<>();
    for (String tok : tokens(queryText)) {
      Integer t = vocab.get(tok);
      if (t != null) {
        counts.computeIfAbsent(t, x -> new int[1])[0]++;
      }
    }
    double norm = 0;
    for (Map.Entry<Integer, int[]> e : counts.entrySet()) {
      double w = e.getValue()[0] * idf[e.getKey()];
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    Arrays.fill(acc, 0f);
    if (norm > 0) {
      for (Map.Entry<Integer, int[]> e : counts.entrySet()) {
        int t = e.getKey();
        float qw = (float) (e.getValue()[0] * idf[t] / norm);
        for (int j = postStart[t], end = postStart[t + 1]; j < end; j++) {
          acc[postDoc[j]] += qw * postWeight[j];
        }
      }
    }
    TopHits top = new TopHits(k, ids);
    for (int d = 0; d < acc.length; d++) {
      float s = acc[d];
      if (s >= top.threshold()) {
        top.offer(s, d);
      }
    }
    return top.hits();
  }
}
