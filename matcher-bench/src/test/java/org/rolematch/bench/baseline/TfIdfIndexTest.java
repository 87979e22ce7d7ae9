package org.rolematch.bench.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rolematch.bench.data.SyntheticData;

/** The inverted-index TF-IDF scorer agrees with a plain vector-space reference. */
class TfIdfIndexTest {
  @Test
  void tokensAreLowerCasedWordsOfTwoOrMoreCharacters() {
    assertEquals(List.of("python", "java", "node", "js", "3d"),
        TfIdfIndex.tokens("Python, a C++/Java; Node.js 3D"));
  }

  @Test
  void ranksAsThePlainCosineOfSmoothedTfIdfVectors() {
    SyntheticData data = SyntheticData.defaults();
    int n = 300;
    List<String> docs = new ArrayList<>();
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      docs.add(SyntheticData.postingText(data.role(i)));
      ids[i] = SyntheticData.roleId(i);
    }
    TfIdfIndex index = new TfIdfIndex(n, docs::get, ids);
    // reference: dense maps, idf = ln((1 + n) / (1 + df)) + 1, L2 norm, dot product
    Map<String, Integer> df = new HashMap<>();
    for (String d : docs) {
      Set<String> seen = new HashSet<>(TfIdfIndex.tokens(d));
      seen.forEach(t -> df.merge(t, 1, Integer::sum));
    }
    for (int q = 0; q < 10; q++) {
      String query = SyntheticData.resumeText(data.profile(q));
      Map<String, Double> qv = vector(query, df, n, true);
      List<Hit> expected = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Map<String, Double> dv = vector(docs.get(i), df, n, false);
        double s = 0;
        for (Map.Entry<String, Double> e : qv.entrySet()) {
          s += e.getValue() * dv.getOrDefault(e.getKey(), 0.0);
        }
        expected.add(new Hit(ids[i], s));
      }
      expected.sort(Comparator.comparingDouble(Hit::score).reversed()
          .thenComparing(Hit::id));
      List<Hit> actual = index.rank(query, 20);
      for (int r = 0; r < 20; r++) {
        assertEquals(expected.get(r).score(), actual.get(r).score(), 1e-5, "rank " + r);
      }
    }
  }

  private static Map<String, Double> vector(String text, Map<String, Integer> df, int n,
      boolean query) {
    Map<String, Double> v = new HashMap<>();
    for (String t : TfIdfIndex.tokens(text)) {
      if (df.containsKey(t) || !query) {
        v.merge(t, 1.0, Double::sum);
      }
    }
    double norm = 0;
    for (Map.Entry<String, Double> e : v.entrySet()) {
      double w = e.getValue() * (Math.log((1.0 + n) / (1.0 + df.getOrDefault(e.getKey(), 0))) + 1);
      e.setValue(w);
      norm += w * w;
    }
    double nn = Math.sqrt(norm);
    v.replaceAll((k, w) -> w / nn);
    return v;
  }
}
