package org.rolematch.bench.baseline;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Kind;
import org.rolematch.model.Role;
import org.rolematch.model.Skill;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledProfile;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.ConceptGraph;
import org.rolematch.score.KnockoutMode;
import org.rolematch.score.ScoringPolicy;

/**
 * Baseline 1, candidates for a role: the best exhaustive exact scan we could write. Every profile
 * is scored; the scores are bit-for-bit those of RoleMatch's {@link ClauseEvaluator}.
 *
 * <h2>Design note</h2>
 *
 * <p>Each profile is three concept bitsets of {@code ceil(T / 64)} words in one shared {@code
 * long[]} (its concepts closed under ancestors, the parents of its concepts, its own concepts),
 * plus flat arrays of degrees, places, years and flags. Per query, the role is turned into what
 * each clause tests: the bit positions of its concepts and of their parents, a table of degree
 * credit by (level, status), per-field "met" and "related" tables. A profile's clause is then a
 * few bit tests. The arithmetic is the evaluator's, in its order. Concepts outside the taxonomy
 * (compared as text by the evaluator) are not supported: a role listing one is refused.
 *
 * <p>Immutable after {@link Builder#build()}; {@link #rank} is thread-confined.
 */
public final class ExhaustiveCandidateScan {
  private final ClauseEvaluator eval;
  private final ConceptGraph graph;
  private final int n;
  private final int words;
  private final String[] ids;
  private final long[] up;
  private final long[] par;
  private final long[] own;
  private final int[] yStart; // per profile: range into yKey/yVal (held concepts with years > 0)
  private final int[] yKey;
  private final double[] yVal;
  private final int[] dStart;
  private final byte[] dLevel;
  private final byte[] dStatus;
  private final int[] dField;
  private final int[] pStart;
  private final int[] places;
  private final double[] years;
  private final byte[] flags;
  private final double[] weights;

  private static final Kind[] KINDS = Kind.values();
  private static final byte P_PUB = 1;
  private static final byte P_INTERN = 2;
  private static final byte P_LOC = 4;
  private static final byte P_AUTH = 8;
  private static final byte P_NOFIELD = 16;
  private static final byte P_KNOWNFIELD = 32;

  private ExhaustiveCandidateScan(Builder b) {
    eval = b.eval;
    graph = eval.graph();
    n = b.n;
    words = b.words;
    ids = Arrays.copyOf(b.ids, n);
    up = Arrays.copyOf(b.up, n * words);
    par = Arrays.copyOf(b.par, n * words);
    own = Arrays.copyOf(b.own, n * words);
    yStart = Arrays.copyOf(b.yStart, n + 1);
    yKey = Arrays.copyOf(b.yKey, b.nY);
    yVal = Arrays.copyOf(b.yVal, b.nY);
    dStart = Arrays.copyOf(b.dStart, n + 1);
    dLevel = Arrays.copyOf(b.dLevel, b.nD);
    dStatus = Arrays.copyOf(b.dStatus, b.nD);
    dField = Arrays.copyOf(b.dField, b.nD);
    pStart = Arrays.copyOf(b.pStart, n + 1);
    places = Arrays.copyOf(b.places, b.nP);
    years = Arrays.copyOf(b.years, n);
    flags = Arrays.copyOf(b.flags, n);
    weights = new double[Kind.values().length * 2];
    for (int c = 0; c < weights.length; c++) {
      weights[c] = eval.classWeight(c);
    }
  }

  /** A builder over an evaluator. */
  public static Builder builder(ClauseEvaluator eval) {
    return new Builder(requireNonNull(eval, "eval"));
  }

  /** Number of profiles. */
  public int size() {
    return n;
  }

  private boolean bit(long[] set, int p, int c) {
    return (set[p * words + (c >>> 6)] & (1L << c)) != 0;
  }

  /** The best {@code k} profiles for a role, every profile scored exactly. */
  public List<Hit> rank(Role role, int k) {
    CompiledRole r = CompiledRole.compile(role, graph);
    TopHits top = new TopHits(k, ids);
    ScoringPolicy pol = eval.policy();
    boolean filter = pol.knockoutMode() == KnockoutMode.FILTER;
    boolean roleFallback = false;
    for (int i = 0; i < r.clauseCount(); i++) {
      for (int j = r.conceptStart(i); j < r.conceptEnd(i); j++) {
        roleFallback |= r.concept(j) < 0;
      }
    }
    if (roleFallback) {
      throw new IllegalArgumentException("role '" + role.id() + "' lists a concept outside the "
          + "taxonomy; this baseline scans taxonomy concepts only");
    }
    Query q = new Query(r);
    double[] credits = new double[r.clauseCount()];
    ScoreSum sum = new ScoreSum();
    for (int p = 0; p < n; p++) {
      boolean eligible = true;
      for (int i = 0; i < q.n; i++) {
        double credit = q.credit(i, p);
        credits[i] = credit;
        if (q.knockout[i] && q.missing) {
          eligible = false;
        }
      }
      double sc;
      if (eligible) {
        sc = q.scale;
      } else if (filter) {
        continue;
      } else {
        double factor = pol.knockoutMode() == KnockoutMode.PENALISE ? pol.knockoutPenalty() : 1.0;
        sc = q.total > 0 ? 100.0 * factor / q.total : 0.0;
      }
      sum.reset();
      for (int i = 0; i < q.n; i++) {
        sum.add(q.w[i] * credits[i] * sc);
      }
      double score = sum.value();
      if (score >= top.threshold()) {
        top.offer(score, p);
      }
    }
    return top.hits();
  }

  /** One role, prepared for testing profiles against it. */
  private final class Query {
    final int n;
    final byte[] kind;
    final double[] w;
    final boolean[] knockout;
    final boolean[] silent;
    final int[] need;
    final int[] minYears;
    final int[][] concepts;
    final int[][][] parents;
    final double[][] degree; // per degree clause: credit by level * 2 + status
    final boolean[] eq;
    final boolean[][] fieldFull;
    final boolean[][] fieldRel;
    final boolean[] relatedOk;
    final boolean[] auth;
    final double total;
    final double scale;
    final double unknown;
    final double sib;
    final double broad;
    final double hi;
    final double lo;
    final boolean sibFirst;
    boolean missing;

    Query(CompiledRole r) {
      ScoringPolicy pol = eval.policy();
      n = r.clauseCount();
      kind = new byte[n];
      w = new double[n];
      knockout = new boolean[n];
      silent = new boolean[n];
      need = new int[n];
      minYears = new int[n];
      concepts = new int[n][];
      parents = new int[n][][];
      degree = new double[n][];
      eq = new boolean[n];
      fieldFull = new boolean[n][];
      fieldRel = new boolean[n][];
      relatedOk = new boolean[n];
      auth = new boolean[n];
      double t = 0;
      for (int i = 0; i < n; i++) {
        kind[i] = (byte) r.kindOrdinal(i);
        w[i] = eval.weight(r, i);
        t += w[i];
        knockout[i] = eval.isKnockout(r, i);
        silent[i] = eval.isSilent(r.kindOrdinal(i));
        BaselineScope.requireCovered(r, i);
        int s = r.conceptStart(i);
        int e = r.conceptEnd(i);
        need[i] = Math.min(r.minCount(i), e - s);
        minYears[i] = r.minYears(i);
        concepts[i] = new int[e - s];
        parents[i] = new int[e - s][];
        for (int j = s; j < e; j++) {
          concepts[i][j - s] = r.concept(j);
          parents[i][j - s] = graph.parents(r.concept(j));
        }
        relatedOk[i] = (r.flags(i) & CompiledRole.RELATED_FIELD) != 0;
        auth[i] = (r.flags(i) & CompiledRole.WORK_AUTHORIZATION) != 0;
        Kind k = r.kind(i);
        if (k == Kind.DEGREE) {
          degree[i] = new double[10];
          for (int lv = 0; lv < 5; lv++) {
            for (int st = 0; st < 2; st++) {
              degree[i][lv * 2 + st] = eval.degreeCreditFor(r.minDegreeRank(i),
                  r.statusOrdinal(i), r.levelMask(i), lv, st);
            }
          }
          eq[i] = (r.flags(i) & CompiledRole.EQUIVALENT_EXPERIENCE) != 0;
        } else if (k == Kind.FIELD_OF_STUDY) {
          int size = graph.size();
          fieldFull[i] = new boolean[size];
          fieldRel[i] = new boolean[size];
          for (int f = 0; f < size; f++) {
            for (int c : concepts[i]) {
              if (f == c || graph.isAncestor(c, f)) {
                fieldFull[i][f] = true;
              }
              if (graph.related(f, c)) {
                fieldRel[i][f] = true;
              }
            }
          }
        }
      }
      total = t;
      scale = t > 0 ? 100.0 * 1.0 / t : 0.0;
      unknown = pol.unknownCredit();
      sib = pol.siblingCredit();
      broad = pol.broaderCredit();
      hi = Math.max(sib, broad);
      lo = Math.min(sib, broad);
      sibFirst = sib >= broad;
    }

    /** The credit of clause i for profile p; sets {@link #missing}. */
    double credit(int i, int p) {
      missing = false;
      int[] cs = concepts[i];
      switch (KINDS[kind[i]]) {
        case DEGREE -> {
          double best = 0;
          for (int d = dStart[p]; d < dStart[p + 1]; d++) {
            double c = degree[i][dLevel[d] * 2 + dStatus[d]];
            if (c > best) {
              best = c;
            }
          }
          if (eq[i] && years[p] >= eval.policy().equivalentExperienceYears()) {
            best = 1;
          }
          missing = best <= 0;
          return best;
        }
        case FIELD_OF_STUDY -> {
          double best = (flags[p] & P_NOFIELD) != 0 ? unknown : 0;
          boolean rel = cs.length == 0 && relatedOk[i] && (flags[p] & P_KNOWNFIELD) != 0;
          for (int d = dStart[p]; d < dStart[p + 1]; d++) {
            int f = dField[d];
            if (f >= 0) {
              if (fieldFull[i][f]) {
                return 1;
              }
              rel |= fieldRel[i][f];
            }
          }
          double relCredit = relatedOk[i] ? eval.policy().relatedFieldCredit()
              : eval.policy().unlistedRelatedFieldCredit();
          if (rel && relCredit > best) {
            best = relCredit;
          }
          missing = best <= 0;
          return best;
        }
        case EXPERIENCE_YEARS -> {
          int m = minYears[i];
          double yf = m == 0 ? 1 : Math.min(1, years[p] / m);
          boolean domain = cs.length == 0;
          for (int j = 0; j < cs.length && !domain; j++) {
            domain = bit(up, p, cs[j]);
          }
          double c = yf * (domain ? 1 : eval.policy().domainMissingFactor());
          missing = c <= 0;
          return c;
        }
        case PUBLICATION -> {
          missing = (flags[p] & P_PUB) == 0;
          return missing ? 0 : 1;
        }
        case PRIOR_INTERNSHIP -> {
          missing = (flags[p] & P_INTERN) == 0;
          return missing ? 0 : 1;
        }
        case LOCATION -> {
          for (int c : cs) {
            if (Arrays.binarySearch(places, pStart[p], pStart[p + 1], c) >= 0) {
              return 1;
            }
          }
          boolean hasAuth = (flags[p] & P_AUTH) != 0;
          boolean hasLoc = (flags[p] & P_LOC) != 0;
          if (auth[i] && hasAuth) {
            return 1;
          }
          if ((cs.length == 0 && !auth[i]) || (!hasLoc && !hasAuth) || (auth[i] && !hasAuth)) {
            return unknown;
          }
          missing = true;
          return 0;
        }
        default -> {
          if (cs.length == 0) {
            return unknown;
          }
          int k = need[i];
          int met = 0;
          int nSib = 0;
          int nBroad = 0;
          double bestYears = -1;
          boolean unstated = false;
          for (int j = 0; j < cs.length; j++) {
            int c = cs[j];
            if (bit(up, p, c)) {
              met++;
              double y = heldYears(p, c);
              if (y <= 0) {
                unstated = true;
              } else if (y > bestYears) {
                bestYears = y;
              }
              continue;
            }
            boolean isSib = false;
            boolean isBroad = false;
            for (int q : parents[i][j]) {
              isSib |= bit(par, p, q);
              isBroad |= bit(own, p, q);
            }
            if (isSib && (sib >= broad || !isBroad)) {
              nSib++;
            } else if (isBroad) {
              nBroad++;
            }
          }
          if (met >= k) {
            int my = minYears[i];
            if (my > 0 && !unstated && bestYears >= 0 && bestYears < my) {
              return bestYears / my;
            }
            return 1;
          }
          int missingCount = k - met;
          int nHi = sibFirst ? nSib : nBroad;
          int nLo = sibFirst ? nBroad : nSib;
          double sum = met;
          int takeHi = Math.min(missingCount, nHi);
          sum += takeHi * hi;
          missingCount -= takeHi;
          sum += Math.min(missingCount, nLo) * lo;
          double credit = sum / k;
          if (silent[i] && credit <= unknown) {
            return unknown;
          }
          missing = credit <= 0;
          return credit;
        }
      }
    }
  }

  private double heldYears(int p, int c) {
    int i = Arrays.binarySearch(yKey, yStart[p], yStart[p + 1], c);
    return i >= 0 ? yVal[i] : 0;
  }

  /** Appends profiles one at a time. Not thread-safe. */
  public static final class Builder {
    private final ClauseEvaluator eval;
    private final ConceptGraph graph;
    private final int words;
    private int n;
    private String[] ids = new String[1024];
    private long[] up;
    private long[] par;
    private long[] own;
    private int[] yStart = new int[1025];
    private int nY;
    private int[] yKey = new int[1024];
    private double[] yVal = new double[1024];
    private int[] dStart = new int[1025];
    private int nD;
    private byte[] dLevel = new byte[2048];
    private byte[] dStatus = new byte[2048];
    private int[] dField = new int[2048];
    private int[] pStart = new int[1025];
    private int nP;
    private int[] places = new int[2048];
    private double[] years = new double[1024];
    private byte[] flags = new byte[1024];

    private Builder(ClauseEvaluator eval) {
      this.eval = eval;
      this.graph = eval.graph();
      words = (graph.size() + 63) >>> 6;
      up = new long[1024 * words];
      par = new long[1024 * words];
      own = new long[1024 * words];
    }

    /** Appends a profile. */
    public Builder add(CandidateProfile profile) {
      CompiledProfile p = CompiledProfile.compile(profile, graph);
      if (n == ids.length) {
        int cap = n * 2;
        ids = Arrays.copyOf(ids, cap);
        up = Arrays.copyOf(up, cap * words);
        par = Arrays.copyOf(par, cap * words);
        own = Arrays.copyOf(own, cap * words);
        yStart = Arrays.copyOf(yStart, cap + 1);
        dStart = Arrays.copyOf(dStart, cap + 1);
        pStart = Arrays.copyOf(pStart, cap + 1);
        years = Arrays.copyOf(years, cap);
        flags = Arrays.copyOf(flags, cap);
      }
      ids[n] = profile.id();
      int base = n * words;
      for (int i = 0; i < p.upCount(); i++) {
        up[base + (p.up(i) >>> 6)] |= 1L << p.up(i);
      }
      for (int i = 0; i < p.parentCount(); i++) {
        par[base + (p.parent(i) >>> 6)] |= 1L << p.parent(i);
      }
      for (int i = 0; i < p.ownCount(); i++) {
        own[base + (p.own(i) >>> 6)] |= 1L << p.own(i);
      }
      // years of held concepts: those of the first own concept (by ordinal) whose closure holds it
      double[] ownYears = new double[p.ownCount()];
      int[] ownOrd = new int[p.ownCount()];
      for (int i = 0; i < ownOrd.length; i++) {
        ownOrd[i] = p.own(i);
      }
      for (Skill s : profile.skills()) {
        int o = graph.ordinal(s.concept());
        int i = o < 0 ? -1 : Arrays.binarySearch(ownOrd, o);
        if (i >= 0) {
          ownYears[i] = Math.max(ownYears[i], s.years());
        }
      }
      Map<Integer, Double> held = new HashMap<>();
      for (int i = 0; i < ownOrd.length; i++) {
        held.putIfAbsent(ownOrd[i], ownYears[i]);
        for (int a : graph.ancestors(ownOrd[i])) {
          held.putIfAbsent(a, ownYears[i]);
        }
      }
      List<Integer> keys = new ArrayList<>();
      held.forEach((c, y) -> {
        if (y > 0) {
          keys.add(c);
        }
      });
      keys.sort(null);
      for (int c : keys) {
        if (nY == yKey.length) {
          yKey = Arrays.copyOf(yKey, nY * 2);
          yVal = Arrays.copyOf(yVal, nY * 2);
        }
        yKey[nY] = c;
        yVal[nY] = held.get(c);
        nY++;
      }
      yStart[n + 1] = nY;
      int f = 0;
      for (int d = 0; d < p.degreeCount(); d++) {
        if (nD == dLevel.length) {
          dLevel = Arrays.copyOf(dLevel, nD * 2);
          dStatus = Arrays.copyOf(dStatus, nD * 2);
          dField = Arrays.copyOf(dField, nD * 2);
        }
        dLevel[nD] = (byte) p.degreeLevel(d);
        dStatus[nD] = (byte) p.degreeStatus(d);
        dField[nD] = p.degreeField(d);
        if (p.degreeField(d) == -2) {
          f |= P_NOFIELD;
        } else if (p.degreeField(d) >= 0) {
          f |= P_KNOWNFIELD;
        }
        nD++;
      }
      dStart[n + 1] = nD;
      for (int i = 0; i < p.placeCount(); i++) {
        if (nP == places.length) {
          places = Arrays.copyOf(places, nP * 2);
        }
        places[nP++] = p.place(i);
      }
      pStart[n + 1] = nP;
      years[n] = p.years();
      if (p.publications() > 0) {
        f |= P_PUB;
      }
      if (p.internships() > 0) {
        f |= P_INTERN;
      }
      if (p.hasLocation()) {
        f |= P_LOC;
      }
      if (p.hasAuthorization()) {
        f |= P_AUTH;
      }
      flags[n] = (byte) f;
      n++;
      return this;
    }

    /** The scan. */
    public ExhaustiveCandidateScan build() {
      return new ExhaustiveCandidateScan(this);
    }
  }
}
