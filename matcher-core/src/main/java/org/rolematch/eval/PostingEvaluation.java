package org.rolematch.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;

/**
 * Compares parsed roles with gold annotations, the way {@code shared/eval/score.py postings}
 * does: roles are paired by title (word-set Jaccard of at least 0.5, best first); each clause
 * becomes items {@code (importance, value)} (a degree clause one item {@code
 * degree:<min>:<status>}, an experience clause {@code years:N}, a publication or prior-internship
 * clause its kind, any other clause one item per concept plus {@code at_least:K}); items are
 * compared as sets per paired role. The headline leaves soft skills out.
 *
 * <p>Use it on your own annotated postings: {@code add(name, gold, predicted)} per document,
 * then read the figures.
 */
public final class PostingEvaluation {
  private static final Map<String, String> ALIASES = new HashMap<>();

  static {
    String[][] pairs = {
      {"ml", "machine learning"}, {"nlp", "natural language processing"}, {"cv", "computer vision"},
      {"recsys", "recommender systems"}, {"recommendation systems", "recommender systems"},
      {"recommender system", "recommender systems"}, {"recommendation system", "recommender systems"},
      {"sklearn", "scikit-learn"}, {"scikit learn", "scikit-learn"}, {"golang", "go"},
      {"js", "javascript"}, {"ts", "typescript"}, {"postgres", "postgresql"}, {"k8s", "kubernetes"},
      {"tf", "tensorflow"}, {"torch", "pytorch"}, {"cs", "computer science"},
      {"ai", "artificial intelligence"}, {"cpp", "c++"}, {"c plus plus", "c++"}, {"csharp", "c#"},
      {"ms", "master"}, {"masters", "master"}, {"bachelors", "bachelor"}, {"doctorate", "phd"},
      {"ph.d.", "phd"}
    };
    for (String[] p : pairs) {
      ALIASES.put(p[0], p[1]);
    }
  }

  private int rolesTp;
  private int rolesFp;
  private int rolesFn;
  private Prf items = Prf.ZERO;
  private Prf strict = Prf.ZERO;
  private final Map<String, Prf> perKind = new TreeMap<>();
  private final List<Document> documents = new ArrayList<>();

  /** Per-document figures. */
  public record Document(String name, int gold, int predicted, int matched, Prf items) {}

  /** Adds one document's gold and predicted roles. */
  public void add(String name, List<Role> gold, List<Role> predicted) {
    List<int[]> pairs = matchRoles(gold, predicted, 0.5);
    rolesTp += pairs.size();
    rolesFp += predicted.size() - pairs.size();
    rolesFn += gold.size() - pairs.size();
    Set<Integer> gUsed = new HashSet<>();
    Set<Integer> pUsed = new HashSet<>();
    List<Role[]> compare = new ArrayList<>();
    for (int[] p : pairs) {
      compare.add(new Role[] {gold.get(p[0]), predicted.get(p[1])});
      gUsed.add(p[0]);
      pUsed.add(p[1]);
    }
    for (int i = 0; i < gold.size(); i++) {
      if (!gUsed.contains(i)) {
        compare.add(new Role[] {gold.get(i), null});
      }
    }
    for (int i = 0; i < predicted.size(); i++) {
      if (!pUsed.contains(i)) {
        compare.add(new Role[] {null, predicted.get(i)});
      }
    }
    Prf doc = Prf.ZERO;
    for (Role[] gp : compare) {
      Map<String, Set<Kind>> gi = roleItems(gp[0], false);
      Map<String, Set<Kind>> pi = roleItems(gp[1], false);
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (Map.Entry<String, Set<Kind>> e : gi.entrySet()) {
        String k = firstKind(e.getValue());
        if (pi.containsKey(e.getKey())) {
          tp++;
          perKind.merge(k, new Prf(1, 0, 0), Prf::plus);
        } else {
          fn++;
          perKind.merge(k, new Prf(0, 0, 1), Prf::plus);
        }
      }
      for (Map.Entry<String, Set<Kind>> e : pi.entrySet()) {
        if (!gi.containsKey(e.getKey())) {
          fp++;
          perKind.merge(firstKind(e.getValue()), new Prf(0, 1, 0), Prf::plus);
        }
      }
      doc = doc.plus(new Prf(tp, fp, fn));
      Set<String> gs = roleItems(gp[0], true).keySet();
      Set<String> ps = roleItems(gp[1], true).keySet();
      Set<String> both = new HashSet<>(gs);
      both.retainAll(ps);
      strict = strict.plus(new Prf(both.size(), ps.size() - both.size(), gs.size() - both.size()));
    }
    items = items.plus(doc);
    documents.add(new Document(name, gold.size(), predicted.size(), pairs.size(), doc));
  }

  private static String firstKind(Set<Kind> kinds) {
    List<String> names = new ArrayList<>();
    for (Kind k : kinds) {
      names.add(k.wireName());
    }
    names.sort(null);
    return names.get(0);
  }

  /** Roles paired by title, best first; {@code [goldIndex, predictedIndex]}. */
  static List<int[]> matchRoles(List<Role> gold, List<Role> pred, double threshold) {
    List<double[]> cands = new ArrayList<>();
    for (int g = 0; g < gold.size(); g++) {
      for (int p = 0; p < pred.size(); p++) {
        cands.add(new double[] {titleSimilarity(gold.get(g).title(), pred.get(p).title()), g, p});
      }
    }
    // score.py sorts tuples (sim, gi, pi) in reverse
    cands.sort((a, b) -> {
      for (int i = 0; i < 3; i++) {
        int c = Double.compare(b[i], a[i]);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    });
    Set<Integer> ug = new HashSet<>();
    Set<Integer> up = new HashSet<>();
    List<int[]> out = new ArrayList<>();
    for (double[] c : cands) {
      if (c[0] < threshold) {
        break;
      }
      int g = (int) c[1];
      int p = (int) c[2];
      if (ug.contains(g) || up.contains(p)) {
        continue;
      }
      ug.add(g);
      up.add(p);
      out.add(new int[] {g, p});
    }
    return out;
  }

  /** Word-set Jaccard similarity of two titles, as score.py computes it. */
  public static double titleSimilarity(String a, String b) {
    Set<String> x = titleTokens(a);
    Set<String> y = titleTokens(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    Set<String> inter = new HashSet<>(x);
    inter.retainAll(y);
    Set<String> union = new HashSet<>(x);
    union.addAll(y);
    return (double) inter.size() / union.size();
  }

  private static Set<String> titleTokens(String t) {
    Set<String> out = new HashSet<>();
    String s = t == null ? "" : t.toLowerCase(Locale.ROOT);
    StringBuilder w = new StringBuilder();
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : ' ';
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        w.append(c);
      } else if (w.length() > 0) {
        out.add(w.toString());
        w.setLength(0);
      }
    }
    out.removeAll(Set.of("the", "a", "an", "of", "and", "at"));
    return out;
  }

  /** The items of a role: "importance|value" (prefixed by kind when {@code withKind}). */
  static Map<String, Set<Kind>> roleItems(Role role, boolean withKind) {
    Map<String, Set<Kind>> out = new HashMap<>();
    if (role == null) {
      return out;
    }
    for (Requirement c : role.requirements()) {
      if (c.kind() == Kind.SOFT_SKILL || c.kind() == Kind.CAREER_STAGE) {
        continue; // soft skills are outside the primary score; career stage is inferred
      }
      for (String it : clauseItems(c)) {
        String key = (withKind ? c.kind().wireName() : "") + "|" + c.importance().wireName() + "|" + it;
        out.computeIfAbsent(key, k -> new HashSet<>()).add(c.kind());
      }
    }
    return out;
  }

  static List<String> clauseItems(Requirement c) {
    List<String> items = new ArrayList<>();
    switch (c.kind()) {
      case DEGREE -> items.add("degree:" + norm(c.minDegree() == null ? "None" : c.minDegree().wireName())
          + ":" + (c.degreeStatus() == null ? "either" : c.degreeStatus().wireName()));
      case EXPERIENCE_YEARS -> items.add("years:" + c.minYears());
      case PUBLICATION, PRIOR_INTERNSHIP -> items.add(c.kind().wireName());
      default -> {
        for (String a : c.anyOf()) {
          items.add(norm(a));
        }
        if (c.minCount() > 1) {
          items.add("at_least:" + c.minCount());
        }
      }
    }
    return items;
  }

  /** score.py's alias normalisation: lower case, whitespace collapsed, a few aliases mapped. */
  public static String norm(String concept) {
    String c = concept.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return ALIASES.getOrDefault(c, c);
  }

  public Prf roles() {
    return new Prf(rolesTp, rolesFp, rolesFn);
  }

  public Prf items() {
    return items;
  }

  public Prf strictItems() {
    return strict;
  }

  public Map<String, Prf> perKind() {
    return Map.copyOf(perKind);
  }

  public List<Document> documents() {
    return List.copyOf(documents);
  }

  /** A report like score.py's. */
  public String report() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-36s %5s %5s %8s  %7s%n", "document", "gold", "pred", "matched", "item-F1"));
    for (Document d : documents) {
      b.append(String.format(Locale.ROOT, "%-36s %5d %5d %8d  %7.3f%n", d.name(), d.gold(), d.predicted(),
          d.matched(), d.items().f1()));
    }
    b.append(String.format(Locale.ROOT, "%n%-20s %6s %6s %6s   (tp/fp/fn)%n", "kind", "P", "R", "F1"));
    for (Map.Entry<String, Prf> e : new TreeMap<>(perKind).entrySet()) {
      Prf p = e.getValue();
      b.append(String.format(Locale.ROOT, "%-20s %6.3f %6.3f %6.3f   (%d/%d/%d)%n", e.getKey(),
          p.precision(), p.recall(), p.f1(), p.tp(), p.fp(), p.fn()));
    }
    Prf r = roles();
    b.append(String.format(Locale.ROOT, "%nroles: P %.3f R %.3f F1 %.3f%n", r.precision(), r.recall(), r.f1()));
    b.append(String.format(Locale.ROOT, "items with kind (strict): P %.3f R %.3f F1 %.3f%n",
        strict.precision(), strict.recall(), strict.f1()));
    b.append(String.format(Locale.ROOT,
        "requirement items: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d; soft skills excluded)%n",
        items.precision(), items.recall(), items.f1(), items.tp(), items.fp(), items.fn()));
    return b.toString();
  }
}
