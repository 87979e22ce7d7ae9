package org.rolematch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Kind;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.ConceptGraph;
import org.rolematch.score.ScoringPolicy;

/**
 * Upper bounds of the exact scores of every profile of a segment for one role, computed into a
 * float accumulator per document by walking only the postings of the role's terms (concepts,
 * fields, places, degree states, flags) plus a pass over the per-segment years for years-based
 * clauses. Per clause, a document gets the best credit among the alternatives it matches (the
 * same alternatives the Lucene query of a role had); the role's static floor is kept apart. The
 * bound of a profile is therefore {@code floor + acc[doc]} (weighted, before scaling to 100),
 * never below its exact weighted score.
 */
final class CandidateBounds {
  /** One alternative: documents holding {@code term} in {@code field} earn {@code credit}. */
  record Alt(String field, BytesRef term, float credit, String key) {
    Alt(String field, BytesRef term, float credit) {
      this(field, term, credit, field + '\u0000' + term.utf8ToString());
    }
  }

  /** Years-based alternatives, computed for every document from its years. */
  enum YearsKind { RATIO, AT_LEAST, CAREER }

  record YearsAlt(YearsKind kind, double param, double weight, double extra) {
    double credit(double y) {
      if (Double.isNaN(y)) {
        return weight; // no years posted: bounded at full credit
      }
      return switch (kind) {
        case RATIO -> weight * Math.min(1, y / param) * Math.max(1, extra);
        case AT_LEAST -> y >= param ? weight : 0;
        case CAREER -> weight * (y <= param ? 1 : Math.max(0, (2 * param - y) / param));
      };
    }
  }

  /** The alternatives of one clause. */
  static final class Clause {
    final List<Alt> alts = new ArrayList<>(4);
    YearsAlt years;
    private float[] levels;

    /** The distinct credits of the alternatives, decreasing. */
    float[] levels() {
      if (levels == null) {
        levels = alts.stream().map(Alt::credit).distinct().sorted((a, b) -> Float.compare(b, a))
            .collect(java.util.stream.Collectors.collectingAndThen(
                java.util.stream.Collectors.toList(), l -> {
                  float[] f = new float[l.size()];
                  for (int i = 0; i < f.length; i++) {
                    f[i] = l.get(i);
                  }
                  return f;
                }));
      }
      return levels;
    }
  }

  /** The bounds of a role: static floor (weighted) and per-clause alternatives. */
  static final class Plan {
    double floor;
    final List<Clause> clauses = new ArrayList<>();
  }

  /**
   * A term's documents in one segment (deleted ones included), increasing: those holding it, or
   * when {@code frequent} (more than half the segment), those not holding it.
   */
  record Posted(int df, boolean frequent, int[] docs) {}

  /** The per-segment data the bounds need: each document's years, decoded postings. */
  static final class Segment {
    /** Cache budget: ints of decoded postings per document of the segment (64 bytes a profile). */
    static final int CACHE_INTS_PER_DOC = 16;
    /** Cache budget floor, in ints (4 MB), so that small segments cache what they use. */
    static final long CACHE_MIN_INTS = 1L << 20;
    /** What a cached entry costs beyond its list, in ints (the key, the record, the map node). */
    static final int ENTRY_INTS = 24;

    final double[] years;
    private final java.util.concurrent.ConcurrentHashMap<String, Posted> posted =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong cachedInts =
        new java.util.concurrent.atomic.AtomicLong();
    private final long budget;

    Segment(double[] years) {
      this.years = years;
      this.budget = Math.max(CACHE_MIN_INTS, (long) CACHE_INTS_PER_DOC * years.length);
    }

    /**
     * The postings of a term in this segment, decoded once and cached (the core never changes)
     * while the cache stays within its budget ({@link #CACHE_INTS_PER_DOC} ints a document): the
     * documents holding it, or, for a term most documents hold, those that do not.
     */
    Posted posted(LeafReader leaf, Alt a) throws IOException {
      String key = a.key();
      Posted p = posted.get(key);
      if (p == null) {
        int maxDoc = leaf.maxDoc();
        PostingsEnum pe = postings(leaf, a);
        int[] out = new int[16];
        int n = 0;
        if (pe != null) {
          for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
            if (n == out.length) {
              out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = d;
          }
        }
        if (n * 2L > maxDoc) {
          int[] comp = new int[maxDoc - n];
          int m = 0;
          int j = 0;
          for (int d = 0; d < maxDoc; d++) {
            if (j < n && out[j] == d) {
              j++;
            } else {
              comp[m++] = d;
            }
          }
          p = new Posted(n, true, Arrays.copyOf(comp, m));
        } else {
          p = new Posted(n, false, Arrays.copyOf(out, n));
        }
        // bounded: role terms are arbitrary strings, so past the budget a list is decoded for the
        // query and dropped instead of kept for the life of the segment
        long cost = p.docs().length + ENTRY_INTS;
        if (cachedInts.addAndGet(cost) <= budget) {
          posted.putIfAbsent(key, p);
        } else {
          cachedInts.addAndGet(-cost);
        }
      }
      return p;
    }

    static Segment build(LeafReader leaf) throws IOException {
      double[] years = new double[leaf.maxDoc()];
      Arrays.fill(years, Double.NaN);
      PointValues pv = leaf.getPointValues(IndexFields.YEARS);
      if (pv != null) {
        pv.intersect(new PointValues.IntersectVisitor() {
          @Override
          public void visit(int docID) {
            throw new IllegalStateException("points must be visited with their values");
          }

          @Override
          public void visit(int docID, byte[] packedValue) {
            double y = DoublePoint.decodeDimension(packedValue, 0);
            double have = years[docID];
            years[docID] = Double.isNaN(have) ? y : Math.max(have, y);
          }

          @Override
          public PointValues.Relation compare(byte[] min, byte[] max) {
            return PointValues.Relation.CELL_CROSSES_QUERY;
          }
        });
      }
      return new Segment(years);
    }
  }

  /** Levels bounded through the complement of a frequent term so far (diagnostics). */
  static final java.util.concurrent.atomic.LongAdder COMPLEMENTS =
      new java.util.concurrent.atomic.LongAdder();

  private CandidateBounds() {}

  private static String degreeTerm(int level, int status) {
    return level + "/" + status;
  }

  private static void terms(Clause c, String field, Set<String> values, double credit) {
    for (String v : values) {
      c.alts.add(new Alt(field, new BytesRef(v), (float) credit));
    }
  }

  /** The bound plan of a role (mirrors the clause semantics of {@link ClauseEvaluator}). */
  static Plan plan(ClauseEvaluator evaluator, CompiledRole r) {
    ConceptGraph graph = evaluator.graph();
    ScoringPolicy policy = evaluator.policy();
    Plan plan = new Plan();
    double floor = 0;
    double unk = policy.unknownCredit();
    for (int i = 0; i < r.clauseCount(); i++) {
      double w = evaluator.weight(r, i);
      if (w <= 0) {
        continue;
      }
      double f = evaluator.floorCredit(r, i);
      Clause cl = new Clause();
      int s = r.conceptStart(i);
      int e = r.conceptEnd(i);
      Set<String> listed = new HashSet<>();
      Set<String> unknown = new HashSet<>();
      for (int j = s; j < e; j++) {
        int c = r.concept(j);
        if (c >= 0) {
          listed.add(graph.id(c));
        } else {
          unknown.add(r.unknown(-c - 1));
        }
      }
      Kind kind = r.kind(i);
      switch (kind) {
        case DEGREE -> {
          for (int level = 0; level <= 4; level++) {
            for (DegreeStatus st : List.of(DegreeStatus.COMPLETED, DegreeStatus.IN_PROGRESS)) {
              double c = evaluator.degreeCreditFor(r.minDegreeRank(i), r.statusOrdinal(i),
                  r.levelMask(i), level, st.ordinal());
              if (c > 0) {
                cl.alts.add(new Alt(IndexFields.DEGREE,
                    new BytesRef(degreeTerm(level, st.ordinal())), (float) (w * c)));
              }
            }
          }
          if ((r.flags(i) & CompiledRole.EQUIVALENT_EXPERIENCE) != 0) {
            cl.years = new YearsAlt(YearsKind.AT_LEAST, policy.equivalentExperienceYears(), w, 0);
          }
          floor += w * f;
        }
        case FIELD_OF_STUDY -> {
          Set<String> all = new HashSet<>(listed);
          all.addAll(unknown);
          terms(cl, IndexFields.FIELD, all, w);
          boolean marked = (r.flags(i) & CompiledRole.RELATED_FIELD) != 0;
          double rel = marked ? policy.relatedFieldCredit() : policy.unlistedRelatedFieldCredit();
          if (rel > 0 && (marked || !listed.isEmpty())) {
            terms(cl, IndexFields.FIELD_STATE, Set.of("known"), w * rel);
          }
          if (unk > 0) {
            terms(cl, IndexFields.FIELD_STATE, Set.of("empty"), w * unk);
          }
          floor += w * f;
        }
        case EXPERIENCE_YEARS -> {
          int m = r.minYears(i);
          if (m == 0) {
            floor += w; // every profile may get full credit
            continue;
          }
          cl.years = new YearsAlt(YearsKind.RATIO, m, w, policy.domainMissingFactor());
          floor += w * f;
        }
        case CAREER_STAGE -> cl.years = new YearsAlt(YearsKind.CAREER,
            policy.earlyCareerMaxYears(), w, 0);
        case PUBLICATION -> {
          terms(cl, IndexFields.FLAG, Set.of("publication"), w);
          floor += w * f;
        }
        case PRIOR_INTERNSHIP -> {
          terms(cl, IndexFields.FLAG, Set.of("internship"), w);
          floor += w * f;
        }
        case LOCATION -> {
          boolean auth = (r.flags(i) & CompiledRole.WORK_AUTHORIZATION) != 0;
          if (e == s && !auth) {
            floor += w * f;
            continue;
          }
          terms(cl, IndexFields.PLACE, listed, w);
          Set<String> near = new HashSet<>();
          for (int j = s; j < e; j++) {
            int c = r.concept(j);
            if (c >= 0 && evaluator.isNearbyCandidate(c)) {
              for (int q : graph.parents(c)) {
                near.add(graph.id(q));
              }
            }
          }
          double nearCredit = policy.nearbyPlaceCredit();
          if (nearCredit > 0) {
            terms(cl, IndexFields.PLACE_NEAR, near, w * nearCredit);
          }
          if (auth) {
            terms(cl, IndexFields.FLAG, Set.of("auth"), w);
            if (unk > 0) {
              terms(cl, IndexFields.FLAG, Set.of("auth_silent"), w * unk);
            }
          }
          if (unk > 0) {
            terms(cl, IndexFields.FLAG, Set.of("loc_silent"), w * unk);
          }
        }
        default -> {
          if (!kind.isConceptKind()) {
            floor += w; // a kind the bounds do not know: full credit
            continue;
          }
          if (e == s) {
            floor += w * f;
            continue;
          }
          // partial credit (siblings, broader concepts) is bounded statically
          double partial = Math.max(f, Math.max(policy.siblingCredit(), policy.broaderCredit()));
          floor += w * partial;
          Set<String> full = new HashSet<>(listed);
          full.addAll(unknown);
          if (1 - partial > 0) {
            terms(cl, IndexFields.CONCEPT, full, w * (1 - partial));
          }
        }
      }
      if (!cl.alts.isEmpty() || cl.years != null) {
        plan.clauses.add(cl);
      }
    }
    plan.floor = floor;
    return plan;
  }

  /**
   * Adds, per document of the segment, the best credit of each clause of the plan to {@code acc}
   * and returns a constant every document of the segment gets on top of it. Per clause, with its
   * distinct alternative credits {@code c1 > c2 > ... > cL} (and {@code cL+1 = 0}), a document's
   * best credit is the sum over levels {@code l} of {@code (cl - cl+1)} when it holds one of the
   * terms of credit at least {@code cl}. A level whose terms include one held by most documents
   * adds its delta to the constant and takes it back from the documents lacking that term (a
   * cached complement list) that hold none of the level's other terms; other levels walk their
   * postings, counting a document once. {@code stamp} (as long as the segment) and {@code
   * epoch} (a counter kept across segments) mark documents already counted; {@code scratch}
   * is per-document scratch space,
   * valid where {@code stamp} holds the current epoch.
   */
  static float accumulate(Plan plan, LeafReader leaf, Segment seg, float[] acc, float[] scratch,
      int[] stamp, int[] epoch) throws IOException {
    int maxDoc = leaf.maxDoc();
    float offset = 0;
    double[] years = seg.years;
    for (Clause cl : plan.clauses) {
      if (cl.years != null && cl.alts.isEmpty()) {
        YearsAlt y = cl.years;
        for (int d = 0; d < maxDoc; d++) {
          acc[d] += (float) y.credit(years[d]);
        }
        continue;
      }
      if (cl.years != null) {
        // alternatives and years together (degree with equivalent experience): best of both
        int e = ++epoch[0];
        best(leaf, seg, cl.alts, 0f, e, scratch, stamp, null);
        YearsAlt y = cl.years;
        for (int d = 0; d < maxDoc; d++) {
          float t = stamp[d] == e ? scratch[d] : 0f;
          acc[d] += Math.max(t, (float) y.credit(years[d]));
        }
        continue;
      }
      offset += clause(leaf, seg, cl, acc, scratch, stamp, epoch);
    }
    return offset;
  }

  /**
   * One clause of term alternatives. With {@code cH} the credit of its most frequent term when
   * most documents hold it, a document's best credit is {@code max(0, best - cH)} (a walk of the
   * terms of higher credit) plus the levels at or below {@code cH}, each held through the
   * frequent term (see {@link #union}); with no frequent term, one walk of all terms keeps each
   * document's best credit.
   */
  private static float clause(LeafReader leaf, Segment seg, Clause cl, float[] acc,
      float[] scratch, int[] stamp, int[] epoch) throws IOException {
    int maxDoc = leaf.maxDoc();
    float cH = -1;
    int bestDf = -1;
    for (Alt a : cl.alts) {
      int df = seg.posted(leaf, a).df();
      if (df > bestDf) {
        bestDf = df;
        cH = a.credit();
      }
    }
    if (bestDf * 2L <= maxDoc) {
      cH = 0; // no frequent term: every level is walked
    }
    float offset = 0;
    float[] lv = cl.levels();
    for (int l = 0; l < lv.length; l++) {
      if (lv[l] > cH) {
        continue;
      }
      float delta = lv[l] - (l + 1 < lv.length ? lv[l + 1] : 0f);
      if (delta > 0) {
        offset += union(leaf, seg, cl.alts, lv[l], delta, acc, stamp, epoch);
      }
    }
    if (lv.length > 0 && lv[0] > cH) {
      // best credit above cH: one walk, keeping each document's best
      best(leaf, seg, cl.alts, cH, ++epoch[0], scratch, stamp, acc);
    }
    return offset;
  }

  /**
   * One walk of the alternatives' documents keeping, in {@code scratch} (stamped {@code e}), each
   * document's best credit minus {@code minus}; with {@code acc}, also adding each increase of
   * that best to the document's accumulator.
   */
  private static void best(LeafReader leaf, Segment seg, List<Alt> alts, float minus, int e,
      float[] scratch, int[] stamp, float[] acc) throws IOException {
    for (Alt a : alts) {
      float c = a.credit() - minus;
      if (c <= 0) {
        continue;
      }
      Posted p = seg.posted(leaf, a);
      if (p.frequent()) {
        PostingsEnum pe = postings(leaf, a);
        for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
          keep(d, c, e, scratch, stamp, acc);
        }
        continue;
      }
      for (int d : p.docs()) {
        keep(d, c, e, scratch, stamp, acc);
      }
    }
  }

  private static void keep(int d, float c, int e, float[] scratch, int[] stamp, float[] acc) {
    if (stamp[d] != e) {
      stamp[d] = e;
      scratch[d] = c;
      if (acc != null) {
        acc[d] += c;
      }
    } else if (c > scratch[d]) {
      if (acc != null) {
        acc[d] += c - scratch[d];
      }
      scratch[d] = c;
    }
  }

  private static PostingsEnum postings(LeafReader leaf, Alt a) throws IOException {
    Terms t = leaf.terms(a.field());
    if (t == null) {
      return null;
    }
    TermsEnum te = t.iterator();
    if (!te.seekExact(a.term())) {
      return null;
    }
    return te.postings(null, PostingsEnum.NONE);
  }

  /** Adds {@code delta} to every document holding a term of credit at least {@code min}. */
  private static float union(LeafReader leaf, Segment seg, List<Alt> alts, float min, float delta,
      float[] acc, int[] stamp, int[] epoch) throws IOException {
    List<Alt> u = new ArrayList<>(alts.size());
    List<Posted> ps = new ArrayList<>(alts.size());
    int heavy = -1;
    int heavyDf = 0;
    for (Alt a : alts) {
      if (a.credit() < min) {
        continue;
      }
      Posted p = seg.posted(leaf, a);
      if (p.df() == 0) {
        continue;
      }
      if (p.df() > heavyDf) {
        heavyDf = p.df();
        heavy = u.size();
      }
      u.add(a);
      ps.add(p);
    }
    if (u.isEmpty()) {
      return 0;
    }
    if (ps.get(heavy).frequent()) {
      COMPLEMENTS.increment();
      int[] comp = ps.get(heavy).docs();
      int n = u.size();
      PostingsEnum[] pes = new PostingsEnum[n]; // other frequent terms: Lucene's skipping
      int[] at = new int[n]; // other terms: position in their decoded documents
      for (int j = 0; j < n; j++) {
        if (j != heavy && ps.get(j).frequent()) {
          pes[j] = postings(leaf, u.get(j));
        }
      }
      for (int d : comp) {
        boolean any = false;
        for (int j = 0; j < n && !any; j++) {
          if (j == heavy) {
            continue;
          }
          if (pes[j] != null) {
            int pos = pes[j].docID();
            if (pos < d) {
              pos = pes[j].advance(d);
            }
            any = pos == d;
          } else {
            int[] docs = ps.get(j).docs();
            int i = at[j];
            int lim = Math.min(docs.length, i + 8);
            while (i < lim && docs[i] < d) {
              i++; // a merge: both lists increase
            }
            at[j] = i;
            if (i < docs.length && docs[i] < d) {
              // far behind: gallop then binary search (the complement is often sparse)
              int lo = i;
              int step = 1;
              while (lo + step < docs.length && docs[lo + step] < d) {
                lo += step;
                step <<= 1;
              }
              int r = Arrays.binarySearch(docs, lo + 1, Math.min(lo + step + 1, docs.length), d);
              i = r >= 0 ? r : -r - 1;
              at[j] = i;
            }
            any = i < docs.length && docs[i] == d;
          }
        }
        if (!any) {
          acc[d] -= delta;
        }
      }
      return delta;
    }
    int e = ++epoch[0];
    boolean dedupe = u.size() > 1;
    for (Posted p : ps) {
      int[] docs = p.docs();
      if (!dedupe) {
        for (int d : docs) {
          acc[d] += delta;
        }
        continue;
      }
      for (int d : docs) {
        if (stamp[d] != e) {
          stamp[d] = e;
          acc[d] += delta;
        }
      }
    }
    return 0;
  }
}
