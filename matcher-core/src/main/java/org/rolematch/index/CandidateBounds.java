package org.rolematch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SparseFixedBitSet;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Kind;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.ConceptGraph;
import org.rolematch.score.ScoringPolicy;

/**
 * Upper bounds of the scores profiles can reach for one role, read from the index's terms
 * (concepts with their ancestors, fields, places, degree states, flags) and each profile's years,
 * never from the profile records. A role becomes a {@link Plan}: the weighted credit every
 * profile gets (the floor) and, per requirement, a {@link Clause} that says how much more a
 * profile can earn given which of the clause's terms it holds; a profile's bound is the floor
 * plus the sum of its clause credits, never below its exact weighted score. The plan also lists
 * the {@link Loss losses} a profile's terms prove on their own (a profile holding none of a
 * concept clause's listed concepts earns at most the sibling/broader credit, and only if it
 * holds a parent of one; one missing every term of a credit level earns at most the next
 * level), which {@link CandidateSearch} counts for every profile at once.
 *
 * <p>{@link Segment} keeps, per segment core, each profile's years and the decoded postings of
 * the terms searches asked for, within a budget: a sorted list and a sparse bit set for a term
 * few profiles hold, a bit set for one many hold.
 */
final class CandidateBounds {
  private CandidateBounds() {}

  /** Years-based credit: computed for every profile from its years. */
  enum YearsKind { RATIO, AT_LEAST, CAREER }

  /**
   * A years-based alternative of weight {@code weight}; for {@link YearsKind#RATIO}, {@code
   * extra} is the factor applied when the profile misses the clause's domain (so the most credit
   * is {@code weight * max(1, extra)}).
   */
  record YearsAlt(YearsKind kind, double param, double weight, double extra) {
    /** The credit for {@code y} years, the domain held. */
    double credit(double y) {
      if (Double.isNaN(y)) {
        return weight; // no years posted: bounded at full credit
      }
      return switch (kind) {
        case RATIO -> weight * Math.min(1, y / param);
        case AT_LEAST -> y >= param ? weight : 0;
        case CAREER -> weight * (y <= param ? 1 : Math.max(0, (2 * param - y) / param));
      };
    }

    double max() {
      return kind == YearsKind.RATIO ? weight * Math.max(1, extra) : weight;
    }
  }

  /**
   * The bound of one requirement: the most credit above the floor it can add for a profile,
   * given the profile's terms (by index into {@link Plan#keys}) and years.
   */
  static final class Clause {
    private static final int[] NONE = new int[0];

    /** The most credit above the floor this clause can add. */
    double max;
    /** Credit a profile holding none of {@link #guards} loses at least (0: not a guard). */
    double guardLoss;
    /** The terms of the top credit. */
    int[] guards = NONE;

    // alternatives (degree, field, place, flag terms), best credit first
    int[] alts = NONE;
    float[] altCredits = new float[0];
    YearsAlt years;
    /** Years credit only: the domain concepts; missing all of them scales it by years.extra. */
    int[] domain = NONE;

    // a concept clause: `need` of the listed concepts; a listed concept not held but with a
    // parent held may earn the partial (sibling or broader) credit
    boolean counted;
    int need;
    double weight;
    double floorCredit;
    double partial;
    int[] listed = NONE;
    int[] parentStart = NONE;
    int[] parents = NONE;

    /**
     * Adds this clause's losses: for a concept clause, missing every listed concept (then at most
     * the partial credit) and missing their parents too (then the floor); for alternatives, one
     * loss per credit level, missing every term of that credit or more. A clause with years
     * credit proves nothing from terms.
     */
    void losses(List<Loss> out) {
      if (counted) {
        if (guardLoss > 0) {
          out.add(new Loss(guards, guardLoss));
        }
        double rest = max - guardLoss;
        if (parents.length > 0 && rest > 0) {
          int[] both = Arrays.copyOf(guards, guards.length + parents.length);
          System.arraycopy(parents, 0, both, guards.length, parents.length);
          out.add(new Loss(dedupe(both), rest));
        }
        return;
      }
      if (years != null) {
        if (alts.length == 0 && domain.length > 0 && years.extra() < 1) {
          out.add(new Loss(dedupe(domain), max * (1 - years.extra())));
        }
        return;
      }
      for (int i = 0; i < alts.length; ) {
        float c = altCredits[i];
        int j = i;
        while (j < alts.length && altCredits[j] == c) {
          j++;
        }
        float lower = j < alts.length ? altCredits[j] : 0;
        out.add(new Loss(Arrays.copyOf(alts, j), c - lower));
        i = j;
      }
    }

    /** This clause's credit above the floor for a document (its terms in {@code view}). */
    double credit(CandidateBounds.Posted[] view, int doc, double years) {
      if (counted) {
        return counted(view, doc);
      }
      double c = 0;
      for (int i = 0; i < alts.length; i++) {
        if (has(view[alts[i]], doc)) {
          c = altCredits[i];
          break;
        }
      }
      if (this.years != null) {
        double y = this.years.credit(years);
        if (domain.length > 0 || this.years.extra() > 1) {
          boolean held = false;
          for (int t : domain) {
            if (has(view[t], doc)) {
              held = true;
              break;
            }
          }
          y *= held ? 1 : this.years.extra();
        }
        c = Math.max(c, y);
      }
      return c;
    }

    private double counted(CandidateBounds.Posted[] view, int doc) {
      int met = 0;
      int near = 0;
      for (int j = 0; j < listed.length; j++) {
        if (has(view[listed[j]], doc)) {
          if (++met >= need) {
            return max;
          }
        } else if (near < need) {
          for (int q = parentStart[j]; q < parentStart[j + 1]; q++) {
            if (has(view[parents[q]], doc)) {
              near++;
              break;
            }
          }
        }
      }
      double raw = (met + Math.min(need - met, near) * partial) / need;
      return Math.max(0, weight * (Math.min(1, Math.max(floorCredit, raw)) - floorCredit));
    }
  }

  /**
   * A loss a profile's terms prove: a profile holding none of {@code holders} earns at least
   * {@code loss} less than its clause's {@link Clause#max}. The losses of one clause add up: a
   * profile that misses the holders of several of them loses their sum.
   */
  record Loss(int[] holders, double loss) {}

  /** The bound of a role: its floor, clauses, and the terms they read. */
  static final class Plan {
    /** Weighted credit every profile gets. */
    final double floor;
    final Clause[] clauses;
    /** Sum of the clauses' {@link Clause#max}. */
    final double max;
    /** The terms, by index: field and value, and the cache key. */
    final String[] fields;
    final BytesRef[] values;
    final String[] keys;

    /** The losses a profile's terms alone prove, for {@link CandidateSearch}'s counters. */
    final Loss[] losses;

    Plan(double floor, List<Clause> clauses, List<String> fields, List<BytesRef> values) {
      this.floor = floor;
      this.clauses = clauses.toArray(new Clause[0]);
      double m = 0;
      List<Loss> ls = new ArrayList<>();
      for (Clause c : this.clauses) {
        m += c.max;
        c.losses(ls);
      }
      this.max = m;
      this.losses = ls.toArray(new Loss[0]);
      this.fields = fields.toArray(new String[0]);
      this.values = values.toArray(new BytesRef[0]);
      this.keys = new String[this.fields.length];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = this.fields[i] + '\u0000' + this.values[i].utf8ToString();
      }
    }
  }

  /**
   * A term's documents in one segment (deleted ones included): when few hold it, their
   * increasing ids (walked) and a sparse bit set (looked up); else a bit set of every document.
   */
  record Posted(int df, int[] docs, SparseFixedBitSet sparse, long[] bits) {
    /** The documents of a term, {@code docs[0, n)} increasing. */
    static Posted of(int[] docs, int n, int maxDoc) {
      if (n > maxDoc >>> 5) {
        long[] bits = new long[(maxDoc + 63) >>> 6];
        for (int i = 0; i < n; i++) {
          bits[docs[i] >>> 6] |= 1L << docs[i];
        }
        DENSE.increment();
        return new Posted(n, null, null, bits);
      }
      SparseFixedBitSet sparse = new SparseFixedBitSet(maxDoc);
      for (int i = 0; i < n; i++) {
        sparse.set(docs[i]);
      }
      return new Posted(n, Arrays.copyOf(docs, n), sparse, null);
    }

    /** Ints this entry holds, about. */
    long ints() {
      if (bits != null) {
        return 2L * bits.length;
      }
      return docs.length + (sparse == null ? 0 : sparse.ramBytesUsed() / 4);
    }
  }

  /** Terms decoded from Lucene's postings so far (diagnostics). */
  static final LongAdder DECODED = new LongAdder();

  /** Terms decoded as bit sets so far (diagnostics and tests). */
  static final LongAdder DENSE = new LongAdder();

  /** Whether the document holds the term ({@code p} null: no document does). */
  static boolean has(Posted p, int doc) {
    if (p == null) {
      return false;
    }
    long[] b = p.bits;
    if (b != null) {
      return (b[doc >>> 6] & (1L << doc)) != 0;
    }
    return p.sparse.get(doc);
  }

  /** The per-segment data the bounds need: each document's years, decoded postings. */
  static final class Segment {
    /** Cache budget: ints of decoded postings per document of the segment (64 bytes a profile). */
    static final int CACHE_INTS_PER_DOC = 16;
    /** Cache budget floor, in ints (4 MB), so that small segments cache what they use. */
    static final long CACHE_MIN_INTS = 1L << 20;
    /** What a cached entry costs beyond its list, in ints (the key, the record, the map node). */
    static final int ENTRY_INTS = 24;
    private static final Posted ABSENT = new Posted(0, new int[0], null, null);

    final double[] years;
    final int maxDoc;
    private final ConcurrentHashMap<String, Posted> posted = new ConcurrentHashMap<>();
    private final AtomicLong cachedInts = new AtomicLong();
    private final long budget;

    Segment(double[] years) {
      this.years = years;
      this.maxDoc = years.length;
      this.budget = Math.max(CACHE_MIN_INTS, (long) CACHE_INTS_PER_DOC * years.length);
    }

    /** The postings of every term of a plan, by term index (null: no document holds it). */
    Posted[] view(LeafReader leaf, Plan plan) throws IOException {
      Posted[] out = new Posted[plan.keys.length];
      int[] buffer = null;
      for (int t = 0; t < out.length; t++) {
        Posted p = posted.get(plan.keys[t]);
        if (p == null) {
          if (buffer == null) {
            buffer = new int[64];
          }
          p = decode(leaf, plan.fields[t], plan.values[t], buffer);
          remember(plan.keys[t], p);
        }
        out[t] = p.df() == 0 ? null : p;
      }
      return out;
    }

    private Posted decode(LeafReader leaf, String field, BytesRef value, int[] buffer)
        throws IOException {
      Terms terms = leaf.terms(field);
      if (terms == null) {
        return ABSENT;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(value)) {
        return ABSENT;
      }
      PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
      DECODED.increment();
      int[] out = new int[Math.max(buffer.length, te.docFreq())];
      int n = 0;
      for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = d;
      }
      return n == 0 ? ABSENT : Posted.of(out, n, maxDoc);
    }

    /**
     * Keeps a decoded term while the cache stays within its budget ({@link #CACHE_INTS_PER_DOC}
     * ints a document): role terms are arbitrary strings, so past the budget a term is decoded
     * for the query and dropped instead of kept for the life of the segment.
     */
    private void remember(String key, Posted p) {
      long cost = p.ints() + ENTRY_INTS;
      if (cachedInts.addAndGet(cost) <= budget) {
        if (posted.putIfAbsent(key, p) != null) {
          cachedInts.addAndGet(-cost);
        }
      } else {
        cachedInts.addAndGet(-cost);
      }
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

  // ---------------------------------------------------------------------------------------------
  // Plans

  /** Collects a plan's terms, each once. */
  private static final class TermTable {
    final List<String> fields = new ArrayList<>();
    final List<BytesRef> values = new ArrayList<>();
    final Map<String, Integer> index = new HashMap<>();

    int of(String field, String value) {
      return index.computeIfAbsent(field + '\u0000' + value, k -> {
        fields.add(field);
        values.add(new BytesRef(value));
        return fields.size() - 1;
      });
    }
  }

  /** Alternatives of one clause while a plan is built: term and credit, best kept per term. */
  private static final class Alts {
    final Map<Integer, Double> credit = new HashMap<>();
    YearsAlt years;
    int[] domain = Clause.NONE;

    void add(TermTable t, String field, Set<String> values, double c) {
      for (String v : values) {
        add(t, field, v, c);
      }
    }

    void add(TermTable t, String field, String value, double c) {
      if (c > 0) {
        credit.merge(t.of(field, value), c, Math::max);
      }
    }

    /** The clause, or null when it adds nothing above the floor. */
    Clause build() {
      if (credit.isEmpty() && years == null) {
        return null;
      }
      Clause cl = new Clause();
      List<Map.Entry<Integer, Double>> es = new ArrayList<>(credit.entrySet());
      es.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
      cl.alts = new int[es.size()];
      cl.altCredits = new float[es.size()];
      for (int i = 0; i < es.size(); i++) {
        cl.alts[i] = es.get(i).getKey();
        // rounded up: a float credit never below the double credit it stands for
        cl.altCredits[i] = Math.nextUp((float) (double) es.get(i).getValue());
      }
      cl.years = years;
      cl.domain = domain;
      float top = es.isEmpty() ? 0 : cl.altCredits[0];
      cl.max = Math.max(top, years == null ? 0 : years.max());
      if (years == null && top > 0) {
        int n = 0;
        float next = 0;
        while (n < es.size() && cl.altCredits[n] == top) {
          n++;
        }
        if (n < es.size()) {
          next = cl.altCredits[n];
        }
        cl.guards = Arrays.copyOf(cl.alts, n);
        cl.guardLoss = top - next;
      }
      return cl;
    }
  }

  private static String degreeTerm(int level, int status) {
    return level + "/" + status;
  }

  /** The bound plan of a role (mirrors the clause semantics of {@link ClauseEvaluator}). */
  static Plan plan(ClauseEvaluator evaluator, CompiledRole r) {
    ConceptGraph graph = evaluator.graph();
    ScoringPolicy policy = evaluator.policy();
    TermTable t = new TermTable();
    List<Clause> clauses = new ArrayList<>();
    double floor = 0;
    double unk = policy.unknownCredit();
    for (int i = 0; i < r.clauseCount(); i++) {
      double w = evaluator.weight(r, i);
      if (w <= 0) {
        continue;
      }
      double f = evaluator.floorCredit(r, i);
      int s = r.conceptStart(i);
      int e = r.conceptEnd(i);
      Set<String> listed = new LinkedHashSet<>();
      for (int j = s; j < e; j++) {
        int c = r.concept(j);
        listed.add(c >= 0 ? graph.id(c) : r.unknown(-c - 1));
      }
      Kind kind = r.kind(i);
      Alts a = new Alts();
      switch (kind) {
        case DEGREE -> {
          for (int level = 0; level <= 4; level++) {
            for (DegreeStatus st : List.of(DegreeStatus.COMPLETED, DegreeStatus.IN_PROGRESS)) {
              double c = evaluator.degreeCreditFor(r.minDegreeRank(i), r.statusOrdinal(i),
                  r.levelMask(i), level, st.ordinal());
              a.add(t, IndexFields.DEGREE, degreeTerm(level, st.ordinal()), w * c);
            }
          }
          if ((r.flags(i) & CompiledRole.EQUIVALENT_EXPERIENCE) != 0) {
            a.years = new YearsAlt(YearsKind.AT_LEAST, policy.equivalentExperienceYears(), w, 0);
          }
          floor += w * f;
        }
        case FIELD_OF_STUDY -> {
          a.add(t, IndexFields.FIELD, listed, w);
          boolean marked = (r.flags(i) & CompiledRole.RELATED_FIELD) != 0;
          boolean known = false;
          for (int j = s; j < e; j++) {
            known |= r.concept(j) >= 0;
          }
          double rel = marked ? policy.relatedFieldCredit() : policy.unlistedRelatedFieldCredit();
          if (marked || known) {
            a.add(t, IndexFields.FIELD_STATE, "known", w * rel);
          }
          a.add(t, IndexFields.FIELD_STATE, "empty", w * unk);
          floor += w * f;
        }
        case EXPERIENCE_YEARS -> {
          // credit: min(1, years / minYears), times the domain factor unless the profile holds
          // one of the listed concepts (the domain)
          int m = r.minYears(i);
          double dmf = policy.domainMissingFactor();
          boolean domain = !listed.isEmpty() && dmf < 1;
          if (m == 0) {
            floor += domain ? w * dmf : w * (listed.isEmpty() ? 1 : Math.max(1, dmf));
            a.add(t, IndexFields.CONCEPT, domain ? listed : Set.of(), w * (1 - dmf));
          } else {
            a.years = new YearsAlt(YearsKind.RATIO, m, w, listed.isEmpty() ? 1 : dmf);
            if (domain) {
              a.domain = listed.stream().mapToInt(v -> t.of(IndexFields.CONCEPT, v)).toArray();
            }
            floor += w * f;
          }
        }
        case CAREER_STAGE -> a.years = new YearsAlt(YearsKind.CAREER,
            policy.earlyCareerMaxYears(), w, 0);
        case PUBLICATION -> {
          a.add(t, IndexFields.FLAG, "publication", w);
          floor += w * f;
        }
        case PRIOR_INTERNSHIP -> {
          a.add(t, IndexFields.FLAG, "internship", w);
          floor += w * f;
        }
        case LOCATION -> {
          boolean auth = (r.flags(i) & CompiledRole.WORK_AUTHORIZATION) != 0;
          if (e == s && !auth) {
            floor += w * f;
            continue;
          }
          for (int j = s; j < e; j++) {
            int c = r.concept(j);
            if (c >= 0) {
              a.add(t, IndexFields.PLACE, graph.id(c), w);
            }
          }
          double nearCredit = policy.nearbyPlaceCredit();
          for (int j = s; j < e; j++) {
            int c = r.concept(j);
            if (c >= 0 && evaluator.isNearbyCandidate(c)) {
              for (int q : graph.parents(c)) {
                a.add(t, IndexFields.PLACE_NEAR, graph.id(q), w * nearCredit);
              }
            }
          }
          if (auth) {
            a.add(t, IndexFields.FLAG, "auth", w);
            a.add(t, IndexFields.FLAG, "auth_silent", w * unk);
          }
          a.add(t, IndexFields.FLAG, "loc_silent", w * unk);
        }
        default -> {
          if (!kind.isConceptKind()) {
            floor += w; // a kind the bounds do not know: full credit
            continue;
          }
          floor += w * f;
          if (e > s && f < 1) {
            clauses.add(concepts(graph, policy, r, i, w, f, t));
          }
          continue;
        }
      }
      Clause cl = a.build();
      if (cl != null) {
        clauses.add(cl);
      }
    }
    return new Plan(floor, clauses, t.fields, t.values);
  }

  /**
   * A concept clause: {@code minCount} of its listed concepts (held when the profile's concepts,
   * closed under ancestors, contain one); short of that, a listed concept of which the profile
   * holds a parent in that closure may earn the partial credit (sibling and broader credit both
   * need one).
   */
  private static Clause concepts(ConceptGraph graph, ScoringPolicy policy, CompiledRole r, int i,
      double w, double f, TermTable t) {
    Clause cl = new Clause();
    cl.counted = true;
    int s = r.conceptStart(i);
    int e = r.conceptEnd(i);
    cl.need = Math.max(1, Math.min(r.minCount(i), e - s));
    cl.weight = w;
    cl.floorCredit = f;
    cl.partial = Math.max(policy.siblingCredit(), policy.broaderCredit());
    cl.listed = new int[e - s];
    cl.parentStart = new int[e - s + 1];
    List<Integer> parents = new ArrayList<>();
    for (int j = s; j < e; j++) {
      int c = r.concept(j);
      cl.listed[j - s] = t.of(IndexFields.CONCEPT, c >= 0 ? graph.id(c) : r.unknown(-c - 1));
      if (c >= 0 && cl.partial > 0) {
        for (int q : graph.parents(c)) {
          parents.add(t.of(IndexFields.CONCEPT, graph.id(q)));
        }
      }
      cl.parentStart[j - s + 1] = parents.size();
    }
    cl.parents = parents.stream().mapToInt(Integer::intValue).toArray();
    cl.max = w * (1 - f);
    cl.guards = dedupe(cl.listed);
    double missed = parents.isEmpty() ? f : Math.min(1, Math.max(f, cl.partial));
    cl.guardLoss = w * (1 - missed);
    return cl;
  }

  private static int[] dedupe(int[] terms) {
    return Arrays.stream(terms).distinct().toArray();
  }
}
