package org.rolematch.bench.baseline;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Kind;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledProfile;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.ConceptGraph;
import org.rolematch.score.KnockoutMode;
import org.rolematch.score.ScoreSheet;
import org.rolematch.score.ScoringPolicy;

/**
 * Baseline 1, roles for a candidate: the best exhaustive exact scan we could write. Every role is
 * scored, none is skipped; the scores are bit-for-bit those of RoleMatch's {@link
 * ClauseEvaluator}.
 *
 * <h2>Design note</h2>
 *
 * <p>All roles live in a few flat arrays (clause opcode, weight class, concept range, minimum
 * count and years, degree signature, flags; one {@code int[]} of concept ordinals), with no object
 * per role or clause. Per query, the profile becomes dense per-concept tables ({@link
 * ProfileTables}: relation held / sibling / broader / none, stated years, field met / related,
 * place held) and the exact credit of every degree signature, so that the clause loop does array
 * loads only, never a binary search or a taxonomy walk. The arithmetic is the evaluator's, in its
 * order ({@code (weight * credit) * (100 / totalWeight)} summed in clause order), which is what
 * makes the scores identical. The rare role with a concept id the taxonomy does not know is
 * scored by the evaluator itself.
 *
 * <p>Immutable after {@link Builder#build()}; {@link #rank} is thread-confined (one scan per
 * thread: it reuses its working tables).
 */
public final class ExhaustiveRoleScan {
  static final byte OP_CONCEPT = 0;
  static final byte OP_DEGREE = 1;
  static final byte OP_FIELD = 2;
  static final byte OP_YEARS = 3;
  static final byte OP_PUBLICATION = 4;
  static final byte OP_INTERNSHIP = 5;
  static final byte OP_LOCATION = 6;

  static final byte F_KNOCKOUT = 1;
  static final byte F_SILENT = 2;
  static final byte F_RELATED = 4;
  static final byte F_AUTH = 8;

  private final ClauseEvaluator eval;
  private final int n;
  private final String[] ids;
  private final int[] roleStart;
  private final double[] total;
  private final double[] scale;
  private final byte[] op;
  private final byte[] cls;
  private final byte[] flags;
  private final byte[] need;
  private final short[] minYears;
  private final short[] sig;
  private final int[] cStart;
  private final int[] concepts;
  private final Map<Integer, CompiledRole> fallback;
  private final int[] sigs;
  private final int[] fieldsUsed;
  private final double[] weights;
  private final ProfileTables tables;
  private final ScoreSheet sheet = new ScoreSheet();
  private final ScoreSum sum = new ScoreSum();
  private final double[] credits = new double[128];

  private ExhaustiveRoleScan(Builder b) {
    this.eval = b.eval;
    n = b.n;
    ids = Arrays.copyOf(b.ids, n);
    roleStart = Arrays.copyOf(b.roleStart, n + 1);
    total = Arrays.copyOf(b.total, n);
    scale = Arrays.copyOf(b.scale, n);
    int m = b.clauses;
    op = Arrays.copyOf(b.op, m);
    cls = Arrays.copyOf(b.cls, m);
    flags = Arrays.copyOf(b.flags, m);
    need = Arrays.copyOf(b.need, m);
    minYears = Arrays.copyOf(b.minYears, m);
    sig = Arrays.copyOf(b.sig, m);
    cStart = Arrays.copyOf(b.cStart, m + 1);
    concepts = Arrays.copyOf(b.concepts, b.nConcepts);
    fallback = Map.copyOf(b.fallback);
    sigs = b.sigSeen.stream().toArray();
    fieldsUsed = b.fieldSeen.stream().toArray();
    weights = new double[Kind.values().length * 2];
    for (int c = 0; c < weights.length; c++) {
      weights[c] = eval.classWeight(c);
    }
    tables = new ProfileTables(eval);
  }

  /** A builder over an evaluator (taxonomy and policy). */
  public static Builder builder(ClauseEvaluator eval) {
    return new Builder(requireNonNull(eval, "eval"));
  }

  /** Number of roles. */
  public int size() {
    return n;
  }

  /** Heap bytes of the flat arrays (not counting the ids). */
  public long arrayBytes() {
    return 4L * roleStart.length + 16L * n + 5L * op.length + 4L * op.length
        + 4L * cStart.length + 4L * concepts.length;
  }

  /**
   * The best {@code k} roles for a profile: every role scored exactly, ineligible ones dropped
   * under {@link KnockoutMode#FILTER}, ordered by score descending then id.
   */
  public List<Hit> rank(CandidateProfile profile, int k) {
    CompiledProfile p = CompiledProfile.compile(profile, eval.graph());
    tables.fill(profile, p, sigs, fieldsUsed);
    TopHits top = new TopHits(k, ids);
    scanInto(top);
    return top.hits();
  }

  private void scanInto(TopHits top) {
    ScoringPolicy pol = eval.policy();
    final byte[] rel = tables.rel;
    final double[] years = tables.years;
    final double[] degreeCredit = tables.degreeCredit;
    final CompiledProfile p = tables.p;
    final double unknown = pol.unknownCredit();
    final double sib = pol.siblingCredit();
    final double broad = pol.broaderCredit();
    final double hi = Math.max(sib, broad);
    final double lo = Math.min(sib, broad);
    final boolean sibFirst = sib >= broad;
    final double domainMissing = pol.domainMissingFactor();
    final boolean filter = pol.knockoutMode() == KnockoutMode.FILTER;
    final double pYears = p.years();
    final boolean hasPubs = p.publications() > 0;
    final boolean hasInterns = p.internships() > 0;
    for (int r = 0; r < n; r++) {
      CompiledRole fb = fallback.isEmpty() ? null : fallback.get(r);
      if (fb != null) {
        double s = eval.score(fb, p, sheet);
        if (!sheet.eligible() && filter) {
          continue;
        }
        top.offer(s, r);
        continue;
      }
      int c0 = roleStart[r];
      int c1 = roleStart[r + 1];
      boolean eligible = true;
      for (int c = c0; c < c1; c++) {
        int s = cStart[c];
        int e = cStart[c + 1];
        double credit;
        boolean miss;
        switch (op[c]) {
          case OP_CONCEPT -> {
            if (s == e) {
              credit = unknown;
              miss = false;
              break;
            }
            int k = need[c];
            int met = 0;
            int nSib = 0;
            int nBroad = 0;
            double bestYears = -1;
            boolean unstated = false;
            for (int j = s; j < e; j++) {
              int x = concepts[j];
              byte rl = rel[x];
              if (rl == ProfileTables.FULL) {
                met++;
                double y = years[x];
                if (y <= 0) {
                  unstated = true;
                } else if (y > bestYears) {
                  bestYears = y;
                }
              } else if (rl == ProfileTables.SIB) {
                nSib++;
              } else if (rl == ProfileTables.BROAD) {
                nBroad++;
              }
            }
            if (met >= k) {
              double factor = 1;
              int my = minYears[c];
              if (my > 0 && !unstated && bestYears >= 0 && bestYears < my) {
                factor = bestYears / my;
              }
              credit = factor;
              miss = false;
            } else {
              int missingCount = k - met;
              int nHi = sibFirst ? nSib : nBroad;
              int nLo = sibFirst ? nBroad : nSib;
              double sum = met;
              int takeHi = Math.min(missingCount, nHi);
              sum += takeHi * hi;
              missingCount -= takeHi;
              sum += Math.min(missingCount, nLo) * lo;
              credit = sum / k;
              if ((flags[c] & F_SILENT) != 0 && credit <= unknown) {
                credit = unknown;
                miss = false;
              } else {
                miss = credit <= 0;
              }
            }
          }
          case OP_DEGREE -> {
            credit = degreeCredit[sig[c]];
            miss = credit <= 0;
          }
          case OP_FIELD -> {
            credit = field(c, s, e, unknown, pol);
            miss = credit <= 0;
          }
          case OP_YEARS -> {
            int m = minYears[c];
            double yf = m == 0 ? 1 : Math.min(1, pYears / m);
            boolean domain = e == s;
            for (int j = s; j < e && !domain; j++) {
              domain = rel[concepts[j]] == ProfileTables.FULL;
            }
            credit = yf * (domain ? 1 : domainMissing);
            miss = credit <= 0;
          }
          case OP_PUBLICATION -> {
            credit = hasPubs ? 1 : 0;
            miss = !hasPubs;
          }
          case OP_INTERNSHIP -> {
            credit = hasInterns ? 1 : 0;
            miss = !hasInterns;
          }
          default -> {
            double lc = location(c, s, e, p, unknown, pol.nearbyPlaceCredit());
            credit = lc < 0 ? 0 : lc;
            miss = lc < 0;
          }
        }
        credits[c - c0] = credit;
        if (miss && (flags[c] & F_KNOCKOUT) != 0) {
          eligible = false;
        }
      }
      double sc;
      if (eligible) {
        sc = scale[r];
      } else if (filter) {
        continue;
      } else {
        double t = total[r];
        double factor = pol.knockoutMode() == KnockoutMode.PENALISE ? pol.knockoutPenalty() : 1.0;
        sc = t > 0 ? 100.0 * factor / t : 0.0;
      }
      sum.reset();
      for (int c = c0; c < c1; c++) {
        sum.add(weights[cls[c]] * credits[c - c0] * sc);
      }
      double score = sum.value();
      if (score >= top.threshold()) {
        top.offer(score, r);
      }
    }
  }

  private double field(int c, int s, int e, double unknown, ScoringPolicy pol) {
    for (int j = s; j < e; j++) {
      if (tables.fieldFull[concepts[j]]) {
        return 1;
      }
    }
    boolean relatedOk = (flags[c] & F_RELATED) != 0;
    double relCredit = relatedOk ? pol.relatedFieldCredit() : pol.unlistedRelatedFieldCredit();
    double best = tables.anyFieldNone ? unknown : 0;
    boolean rel = e == s && relatedOk && tables.anyFieldKnown;
    for (int j = s; j < e && !rel; j++) {
      rel = tables.fieldRel[concepts[j]];
    }
    if (rel && relCredit > best) {
      best = relCredit;
    }
    return best;
  }

  /**
   * The evaluator's location rule: 1 met, the nearby-place credit for a city of the candidate's
   * metro area, the unknown credit when the profile is silent, -1 when missing.
   */
  private double location(int c, int s, int e, CompiledProfile p, double unknown, double near) {
    for (int j = s; j < e; j++) {
      if (tables.place[concepts[j]]) {
        return 1;
      }
    }
    boolean auth = (flags[c] & F_AUTH) != 0;
    if (auth && p.hasAuthorization()) {
      return 1;
    }
    if (near > 0 && p.placeParentCount() > 0) {
      ConceptGraph g = eval.graph();
      for (int j = s; j < e; j++) {
        int co = concepts[j];
        if (co >= 0 && g.children(co).length == 0) {
          for (int q : g.parents(co)) {
            for (int i = 0; i < p.placeParentCount(); i++) {
              if (p.placeParent(i) == q) {
                return near;
              }
            }
          }
        }
      }
    }
    if ((e == s && !auth) || (!p.hasLocation() && !p.hasAuthorization())
        || (auth && !p.hasAuthorization())) {
      return unknown;
    }
    return -1;
  }

  /** Appends roles one at a time into growable flat arrays. Not thread-safe. */
  public static final class Builder {
    private final ClauseEvaluator eval;
    private final ConceptGraph graph;
    private int n;
    private String[] ids = new String[1024];
    private int[] roleStart = new int[1025];
    private double[] total = new double[1024];
    private double[] scale = new double[1024];
    private int clauses;
    private byte[] op = new byte[4096];
    private byte[] cls = new byte[4096];
    private byte[] flags = new byte[4096];
    private byte[] need = new byte[4096];
    private short[] minYears = new short[4096];
    private short[] sig = new short[4096];
    private int[] cStart = new int[4097];
    private int nConcepts;
    private int[] concepts = new int[8192];
    private final Map<Integer, CompiledRole> fallback = new HashMap<>();
    private final BitSet sigSeen = new BitSet();
    private final BitSet fieldSeen = new BitSet();

    private Builder(ClauseEvaluator eval) {
      this.eval = eval;
      this.graph = eval.graph();
    }

    /** Appends a role. */
    public Builder add(Role role) {
      CompiledRole r = CompiledRole.compile(role, graph);
      if (n == ids.length) {
        int cap = n * 2;
        ids = Arrays.copyOf(ids, cap);
        roleStart = Arrays.copyOf(roleStart, cap + 1);
        total = Arrays.copyOf(total, cap);
        scale = Arrays.copyOf(scale, cap);
      }
      ids[n] = role.id();
      double t = 0;
      for (int i = 0; i < r.clauseCount(); i++) {
        t += eval.weight(r, i);
      }
      total[n] = t;
      scale[n] = t > 0 ? 100.0 * 1.0 / t : 0.0;
      boolean needsFallback = r.clauseCount() > 127;
      for (int i = 0; i < r.clauseCount() && !needsFallback; i++) {
        for (int j = r.conceptStart(i); j < r.conceptEnd(i); j++) {
          needsFallback |= r.concept(j) < 0;
        }
      }
      if (needsFallback) {
        fallback.put(n, r);
      } else {
        for (int i = 0; i < r.clauseCount(); i++) {
          addClause(r, i);
        }
      }
      n++;
      roleStart[n] = clauses;
      return this;
    }

    private void addClause(CompiledRole r, int i) {
      if (clauses == op.length) {
        int cap = clauses * 2;
        op = Arrays.copyOf(op, cap);
        cls = Arrays.copyOf(cls, cap);
        flags = Arrays.copyOf(flags, cap);
        need = Arrays.copyOf(need, cap);
        minYears = Arrays.copyOf(minYears, cap);
        sig = Arrays.copyOf(sig, cap);
        cStart = Arrays.copyOf(cStart, cap + 1);
      }
      BaselineScope.requireCovered(r, i);
      int c = clauses;
      Kind kind = r.kind(i);
      op[c] = switch (kind) {
        case DEGREE -> OP_DEGREE;
        case FIELD_OF_STUDY -> OP_FIELD;
        case EXPERIENCE_YEARS -> OP_YEARS;
        case PUBLICATION -> OP_PUBLICATION;
        case PRIOR_INTERNSHIP -> OP_INTERNSHIP;
        case LOCATION -> OP_LOCATION;
        default -> OP_CONCEPT;
      };
      cls[c] = (byte) (r.kindOrdinal(i) * 2 + r.importanceOrdinal(i));
      int f = 0;
      if (eval.isKnockout(r, i)) {
        f |= F_KNOCKOUT;
      }
      if (eval.isSilent(r.kindOrdinal(i))) {
        f |= F_SILENT;
      }
      if ((r.flags(i) & CompiledRole.RELATED_FIELD) != 0) {
        f |= F_RELATED;
      }
      if ((r.flags(i) & CompiledRole.WORK_AUTHORIZATION) != 0) {
        f |= F_AUTH;
      }
      flags[c] = (byte) f;
      int listed = r.conceptEnd(i) - r.conceptStart(i);
      need[c] = (byte) Math.min(Math.min(r.minCount(i), listed), 127);
      minYears[c] = (short) Math.min(r.minYears(i), Short.MAX_VALUE);
      if (kind == Kind.DEGREE) {
        int s = r.degreeSignature(i);
        sig[c] = (short) s;
        sigSeen.set(s);
      }
      for (int j = r.conceptStart(i); j < r.conceptEnd(i); j++) {
        if (nConcepts == concepts.length) {
          concepts = Arrays.copyOf(concepts, nConcepts * 2);
        }
        int x = r.concept(j);
        concepts[nConcepts++] = x;
        if (kind == Kind.FIELD_OF_STUDY) {
          fieldSeen.set(x);
        }
      }
      clauses++;
      cStart[clauses] = nConcepts;
    }

    /** The scan. */
    public ExhaustiveRoleScan build() {
      return new ExhaustiveRoleScan(this);
    }
  }
}
