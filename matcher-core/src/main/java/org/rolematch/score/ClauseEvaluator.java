package org.rolematch.score;

import static java.util.Objects.requireNonNull;

import org.rolematch.model.CandidateProfile;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Judges one requirement against one candidate profile: {@link MatchStatus met, partial, missing
 * or unknown}, the credit earned (0..1), and the witness that explains it.
 *
 * <pre>{@code
 * ClauseEvaluator eval = ClauseEvaluator.of(Taxonomy.defaults(), ScoringPolicy.defaults());
 * ClauseMatch m = eval.evaluate(requirement, profile);
 * System.out.println(m.status() + " " + m.credit() + " " + m.reason());
 * }</pre>
 *
 * <h2>Rules, by kind</h2>
 *
 * <ul>
 *   <li><b>Concept kinds</b> (languages, frameworks, research areas, data technologies, tools,
 *       skills, soft skills): a listed concept is met by a profile concept equal to it or below it
 *       in the taxonomy ({@code isA}). A clause needs {@code minCount} distinct listed concepts.
 *       Short of that, a listed concept of which the profile holds a sibling earns the sibling
 *       credit, one of which the profile holds the direct broader concept the broader credit;
 *       credit = (met + best partials) / minCount. A clause with {@code minYears} whose matching
 *       skill states fewer years earns years / minYears. For a silent kind (soft skills by
 *       default) a clause not met reads as unknown, with the unknown credit, unless its partial
 *       credit is higher.
 *   <li><b>Degree</b>: per degree of the profile, level factor (1 within the accepted levels; the
 *       level-below credit one level under the minimum; the overqualified credit above every
 *       listed level) times status factor (1 when the status fits; in progress for a completed
 *       clause, or completed for an in-progress clause, their factors); the best degree counts.
 *       "Equivalent experience" in the clause meets it with enough years.
 *   <li><b>Field of study</b>: a degree whose field is, or is below, a listed field meets it; a
 *       related field (taxonomy family) earns the related-field credit when the clause says "or
 *       related field", else the smaller unlisted credit; degrees without a field read unknown.
 *   <li><b>Experience years</b>: years / minYears, capped at 1, times the domain factor when the
 *       clause names a domain and the profile shows none of it.
 *   <li><b>Publication, prior internship</b>: met when the profile counts at least one.
 *   <li><b>Location</b>: met when a listed place is the candidate's location or work
 *       authorisation, or lies above it (a state or country of the city); "work authorization"
 *       is met by any stated authorisation. A listed city of which the candidate's city is a
 *       sibling (the same metro area) earns the nearby-place credit. Unknown when the profile is
 *       silent.
 * </ul>
 *
 * <p>Immutable and thread-safe. The record-level {@link #evaluate(Requirement, CandidateProfile)}
 * compiles its inputs; the index calls the compiled forms directly.
 */
public final class ClauseEvaluator {
  private static final int COMPLETED = DegreeStatus.COMPLETED.ordinal();
  private static final int IN_PROGRESS = DegreeStatus.IN_PROGRESS.ordinal();
  private static final int EITHER = DegreeStatus.EITHER.ordinal();
  private static final Kind[] KINDS = Kind.values();

  private final ConceptGraph graph;
  private final ScoringPolicy policy;
  private final double[] weights;
  private final boolean[] knockouts;
  private final boolean[] silent;

  private ClauseEvaluator(ConceptGraph graph, ScoringPolicy policy) {
    this.graph = graph;
    this.policy = policy;
    int nk = KINDS.length;
    weights = new double[nk * 2];
    knockouts = new boolean[nk * 4];
    silent = new boolean[nk];
    for (Kind k : KINDS) {
      for (Importance imp : Importance.values()) {
        weights[k.ordinal() * 2 + imp.ordinal()] = policy.weight(k, imp);
        knockouts[(k.ordinal() * 2 + imp.ordinal()) * 2] = policy.isKnockout(k, imp, false);
        knockouts[(k.ordinal() * 2 + imp.ordinal()) * 2 + 1] = policy.isKnockout(k, imp, true);
      }
      silent[k.ordinal()] = policy.isSilentKind(k);
    }
  }

  /** An evaluator over a taxonomy and a policy. */
  public static ClauseEvaluator of(Taxonomy taxonomy, ScoringPolicy policy) {
    return new ClauseEvaluator(ConceptGraph.of(requireNonNull(taxonomy, "taxonomy")),
        requireNonNull(policy, "policy"));
  }

  /** An evaluator over a concept graph and a policy. */
  public static ClauseEvaluator of(ConceptGraph graph, ScoringPolicy policy) {
    return new ClauseEvaluator(requireNonNull(graph, "graph"), requireNonNull(policy, "policy"));
  }

  /** The concept graph. */
  public ConceptGraph graph() {
    return graph;
  }

  /** The policy. */
  public ScoringPolicy policy() {
    return policy;
  }

  /** The weight of a clause class ({@code kindOrdinal * 2 + importanceOrdinal}). */
  public double classWeight(int clazz) {
    return weights[clazz];
  }

  /** The weight of clause {@code i}. */
  public double weight(CompiledRole r, int i) {
    return weights[r.kind[i] * 2 + r.importance[i]];
  }

  /** Whether clause {@code i} is a knock-out under the policy. */
  public boolean isKnockout(CompiledRole r, int i) {
    return knockouts[(r.kind[i] * 2 + r.importance[i]) * 2
        + ((r.flags[i] & CompiledRole.HARD) != 0 ? 1 : 0)];
  }

  /** Whether a kind reads as unknown when absent. */
  public boolean isSilent(int kindOrdinal) {
    return silent[kindOrdinal];
  }

  /** Whether a listed place earns nearby credit: a leaf (a city), which has a parent. */
  public boolean isNearbyCandidate(int place) {
    return graph.children(place).length == 0 && graph.parents(place).length > 0;
  }

  /**
   * The credit a clause of this kind earns when the profile touches none of its concepts: the
   * unknown credit for silent kinds and for clauses that list nothing to check, else 0. The index
   * uses it as the floor of its upper bounds.
   */
  public double floorCredit(CompiledRole r, int i) {
    return floorCredit(r.kind[i], r.cStart[i + 1] == r.cStart[i], r.flags[i]);
  }

  /**
   * {@link #floorCredit(CompiledRole, int)} of a clause given by its kind ordinal, whether it
   * lists no concepts, and its flags.
   */
  public double floorCredit(int kindOrdinal, boolean empty, int flags) {
    int k = kindOrdinal;
    Kind kind = KINDS[k];
    if (kind.isConceptKind()) {
      return (silent[k] || empty) ? policy.unknownCredit() : 0;
    }
    if (kind == Kind.LOCATION && empty && (flags & CompiledRole.WORK_AUTHORIZATION) == 0) {
      return policy.unknownCredit();
    }
    if (kind == Kind.CAREER_STAGE) {
      return 1; // judged by years alone, which the index does not post: bounded at full credit
    }
    return 0;
  }

  // ---------------------------------------------------------------------------------------------
  // Whole-role scoring

  /**
   * Scores a compiled role against a compiled profile into a sheet; returns the score. The score
   * is the sum, in clause order, of {@code weight * credit * 100 * factor / totalWeight}, where
   * factor is the knock-out penalty for an ineligible match under PENALISE, else 1; never above
   * 100 (see {@link #capAt100}).
   */
  public double score(CompiledRole r, CompiledProfile p, ScoreSheet sheet) {
    return score(r, p, sheet, false);
  }

  /**
   * The score of a pair when it is at least {@code threshold}, else some value below it (-1): the
   * clauses are evaluated in order, and the evaluation stops as soon as the weight they lost puts
   * the score below the threshold even with every later clause met (the sheet then holds only the
   * clauses evaluated). A search that keeps the best k scores only needs the exact score of a pair
   * that can enter; most pairs it scores cannot.
   */
  public double scoreAtLeast(CompiledRole r, CompiledProfile p, ScoreSheet sheet,
      double threshold) {
    return score(r, p, sheet, false, threshold);
  }

  /**
   * {@link #score(CompiledRole, CompiledProfile, ScoreSheet)}, keeping each clause's outcome in
   * the sheet when {@code keepOutcomes} (an explanation reads them instead of evaluating every
   * clause again).
   */
  double score(CompiledRole r, CompiledProfile p, ScoreSheet sheet, boolean keepOutcomes) {
    return score(r, p, sheet, keepOutcomes, Double.NEGATIVE_INFINITY);
  }

  private double score(CompiledRole r, CompiledProfile p, ScoreSheet sheet, boolean keepOutcomes,
      double threshold) {
    int n = r.n;
    sheet.ensure(n);
    if (keepOutcomes) {
      sheet.ensureOutcomes(n);
    }
    Outcome o = sheet.outcome;
    // with a threshold: the score is at most (all - lost) * 100 / all; the margins cover
    // rounding, so a pair scoring exactly the threshold is never cut short
    double all = 0;
    if (threshold > 0) {
      for (int i = 0; i < n; i++) {
        all += weights[r.kind[i] * 2 + r.importance[i]];
      }
    }
    double cut = all > 0 ? all - threshold * all / 100 : Double.NEGATIVE_INFINITY;
    double lost = 0;
    double total = 0;
    boolean eligible = true;
    for (int i = 0; i < n; i++) {
      double w = weights[r.kind[i] * 2 + r.importance[i]];
      sheet.weights[i] = w;
      total += w;
      evaluate(r, i, p, o);
      if (o.credit < 1 && all > 0) {
        lost += w * (1 - o.credit);
        if (lost > cut * (1 + 1e-9) + 1e-9) {
          sheet.score = -1; // below the threshold; the sheet holds clauses 0..i only
          sheet.eligible = false;
          return -1;
        }
      }
      if (keepOutcomes) {
        sheet.outcomes[i].copyFrom(o);
      }
      sheet.credits[i] = o.credit;
      sheet.statuses[i] = o.status;
      boolean ko = isKnockout(r, i);
      sheet.knockout[i] = ko;
      if (ko && o.status == MatchStatus.MISSING) {
        eligible = false;
      }
    }
    double factor = !eligible && policy.knockoutMode() == KnockoutMode.PENALISE
        ? policy.knockoutPenalty() : 1.0;
    double scale = total > 0 ? 100.0 * factor / total : 0.0;
    double score = 0;
    for (int i = 0; i < n; i++) {
      double c = sheet.weights[i] * sheet.credits[i] * scale;
      sheet.contributions[i] = c;
      score += c;
    }
    if (score > 100.0) {
      score = capAt100(sheet.contributions, n);
    }
    sheet.eligible = eligible;
    sheet.score = score;
    return score;
  }

  /**
   * A full match's contributions can add up to a few ulps above 100 (100.00000000000001). Lowers
   * the last positive contribution (see {@link #cappedLast}) so that their sum, taken in clause
   * order as {@link MatchResult#contributionSum()} does, is at most 100, and returns that sum:
   * the score stays equal to the sum of its entries.
   */
  private static double capAt100(double[] contributions, int n) {
    int last = n - 1;
    while (last > 0 && contributions[last] <= 0) {
      last--;
    }
    double before = 0;
    for (int i = 0; i < last; i++) {
      before += contributions[i];
    }
    contributions[last] = cappedLast(before, contributions[last]);
    return before + contributions[last];
  }

  /**
   * The last positive contribution of a score whose sum {@code before + last} exceeds 100,
   * lowered so that {@code before + result <= 100}. Public so that a hand-written scan can
   * reproduce the scores bit for bit: sum the contributions in clause order, remember the sum
   * before the last positive one, and when the total exceeds 100 take {@code before +
   * cappedLast(before, last)}.
   */
  public static double cappedLast(double before, double last) {
    double c = Math.min(last, Math.max(0, 100.0 - before));
    while (before + c > 100.0 && c > 0) {
      c = Math.nextDown(c);
    }
    return c;
  }

  // ---------------------------------------------------------------------------------------------
  // One clause

  /** Evaluates clause {@code i} of a compiled role against a compiled profile into {@code out}. */
  public void evaluate(CompiledRole r, int i, CompiledProfile p, Outcome out) {
    out.clear();
    Kind kind = KINDS[r.kind[i]];
    switch (kind) {
      case DEGREE -> degree(r, i, p, out);
      case FIELD_OF_STUDY -> field(r, i, p, out);
      case EXPERIENCE_YEARS -> years(r, i, p, out);
      case PUBLICATION -> {
        out.matched = p.publications;
        out.set(p.publications > 0 ? MatchStatus.MET : MatchStatus.MISSING,
            p.publications > 0 ? 1 : 0);
      }
      case PRIOR_INTERNSHIP -> internship(r, i, p, out);
      case LOCATION -> location(r, i, p, out);
      case CAREER_STAGE -> careerStage(p, out);
      default -> concepts(r, i, p, out);
    }
  }

  private void concepts(CompiledRole r, int i, CompiledProfile p, Outcome out) {
    int s = r.cStart[i];
    int e = r.cStart[i + 1];
    int listed = e - s;
    double unknownCredit = policy.unknownCredit();
    if (listed == 0) {
      out.set(MatchStatus.UNKNOWN, unknownCredit);
      return;
    }
    int k = Math.min(r.minCount[i], listed);
    out.needed = k;
    double sib = policy.siblingCredit();
    double broad = policy.broaderCredit();
    int met = 0;
    int nSib = 0;
    int nBroad = 0;
    int firstFull = -1;
    int firstPartial = -1;
    int partialRel = Outcome.NONE;
    double bestYears = -1; // -1: no stated years seen; else max stated years among matches
    boolean unstated = false;
    for (int j = s; j < e; j++) {
      int c = r.concepts[j];
      if (c < 0) {
        if (p.hasUnknown(r.unknown[-c - 1])) {
          met++;
          unstated = true;
          if (firstFull < 0) {
            firstFull = j;
          }
        }
        continue;
      }
      int u = p.upIndex(c);
      if (u >= 0) {
        met++;
        int via = p.upVia[u];
        double y = p.ownYears[via];
        if (y <= 0) {
          unstated = true;
        } else if (y > bestYears) {
          bestYears = y;
        }
        if (firstFull < 0) {
          firstFull = j;
          out.via = via;
        }
        continue;
      }
      int[] parents = graph.parents(c);
      boolean isSib = false;
      boolean isBroad = false;
      for (int q : parents) {
        if (p.hasParent(q)) {
          isSib = true;
        }
        if (p.hasOwn(q)) {
          isBroad = true;
        }
      }
      int rel = isSib && (sib >= broad || !isBroad) ? Outcome.SIBLING
          : isBroad ? Outcome.BROADER : Outcome.NONE;
      if (rel == Outcome.SIBLING) {
        nSib++;
      } else if (rel == Outcome.BROADER) {
        nBroad++;
      }
      if (rel != Outcome.NONE) {
        double cr = rel == Outcome.SIBLING ? sib : broad;
        double have = partialRel == Outcome.SIBLING ? sib : broad;
        if (firstPartial < 0 || cr > have) {
          firstPartial = j;
          partialRel = rel;
        }
      }
    }
    out.matched = met;
    if (met >= k) {
      double factor = 1;
      int minYears = r.minYears[i];
      if (minYears > 0 && !unstated && bestYears >= 0 && bestYears < minYears) {
        factor = bestYears / minYears;
      }
      out.factor = factor;
      out.relation = Outcome.FULL;
      out.listed = firstFull;
      out.set(factor >= 1 ? MatchStatus.MET : MatchStatus.PARTIAL, factor);
      return;
    }
    // short of k: met ones count fully, then the best partials
    int missing = k - met;
    double hi = Math.max(sib, broad);
    double lo = Math.min(sib, broad);
    int nHi = sib >= broad ? nSib : nBroad;
    int nLo = sib >= broad ? nBroad : nSib;
    double sum = met;
    int takeHi = Math.min(missing, nHi);
    sum += takeHi * hi;
    missing -= takeHi;
    sum += Math.min(missing, nLo) * lo;
    double credit = sum / k;
    if (met > 0) {
      out.relation = Outcome.FULL;
      out.listed = firstFull;
    } else if (firstPartial >= 0) {
      out.relation = partialRel;
      out.listed = firstPartial;
      out.via = -1;
    }
    if (silent[r.kind[i]] && credit <= unknownCredit) {
      out.set(MatchStatus.UNKNOWN, unknownCredit);
      return;
    }
    out.set(credit > 0 ? MatchStatus.PARTIAL : MatchStatus.MISSING, credit);
  }

  /**
   * The credit of one degree (level rank, status ordinal) for a degree clause's parameters: level
   * factor times status factor.
   */
  public double degreeCreditFor(int minDegreeRank, int statusOrdinal, int mask, int level,
      int degreeStatus) {
    return levelFactor(minDegreeRank, mask, level) * statusFactor(statusOrdinal, degreeStatus);
  }

  private double levelFactor(int minDeg, int mask, int level) {
    int lo = minDeg >= 0 ? minDeg : (mask != 0 ? Integer.numberOfTrailingZeros(mask) : -1);
    int hi = mask != 0 ? 31 - Integer.numberOfLeadingZeros(mask) : -1;
    if ((lo < 0 || level >= lo) && (hi < 0 || level <= hi)) {
      return 1;
    }
    if (hi >= 0 && level > hi) {
      return policy.overqualifiedCredit();
    }
    if (lo >= 0 && level == lo - 1) {
      return policy.levelBelowCredit();
    }
    return 0;
  }

  private double statusFactor(int required, int held) {
    if (required < 0 || required == EITHER || required == held) {
      return 1;
    }
    if (required == COMPLETED && held == IN_PROGRESS) {
      return policy.inProgressForCompletedCredit();
    }
    return policy.completedForInProgressCredit();
  }

  /**
   * The exact credit of a degree clause with this signature for the profile (used by the index to
   * bound all degree clauses of a signature at once).
   */
  public double degreeCredit(int minDegreeRank, int statusOrdinal, int mask, boolean eq,
      CompiledProfile p) {
    double best = 0;
    for (int d = 0; d < p.nDeg; d++) {
      double c = degreeCreditFor(minDegreeRank, statusOrdinal, mask, p.degLevel[d],
          p.degStatus[d]);
      if (c > best) {
        best = c;
      }
    }
    if (eq && p.years >= policy.equivalentExperienceYears()) {
      best = 1;
    }
    return best;
  }

  private void degree(CompiledRole r, int i, CompiledProfile p, Outcome out) {
    int minDeg = r.minDegree[i];
    int st = r.status[i];
    int mask = r.levelMask[i];
    double best = 0;
    int bestD = -1;
    for (int d = 0; d < p.nDeg; d++) {
      double lf = levelFactor(minDeg, mask, p.degLevel[d]);
      double sf = statusFactor(st, p.degStatus[d]);
      double c = lf * sf;
      if (bestD < 0 || c > best) {
        best = c;
        bestD = d;
        out.factor = lf;
        out.factor2 = sf;
      }
    }
    out.via = bestD;
    if ((r.flags[i] & CompiledRole.EQUIVALENT_EXPERIENCE) != 0
        && p.years >= policy.equivalentExperienceYears() && best < 1) {
      best = 1;
      out.via = -1;
      out.relation = Outcome.RELATED; // met through equivalent experience
    } else if (bestD >= 0) {
      out.relation = Outcome.FULL;
    }
    out.set(best >= 1 ? MatchStatus.MET : best > 0 ? MatchStatus.PARTIAL : MatchStatus.MISSING,
        best);
  }

  private void field(CompiledRole r, int i, CompiledProfile p, Outcome out) {
    int s = r.cStart[i];
    int e = r.cStart[i + 1];
    boolean relatedOk = (r.flags[i] & CompiledRole.RELATED_FIELD) != 0;
    double relCredit = relatedOk ? policy.relatedFieldCredit() : policy.unlistedRelatedFieldCredit();
    double best = 0;
    MatchStatus bestStatus = MatchStatus.MISSING;
    for (int d = 0; d < p.nDeg; d++) {
      int f = p.degField[d];
      if (f == -2) {
        if (policy.unknownCredit() > best) {
          best = policy.unknownCredit();
          bestStatus = MatchStatus.UNKNOWN;
          out.via = d;
          out.relation = Outcome.NONE;
        }
        continue;
      }
      for (int j = s; j < e; j++) {
        int c = r.concepts[j];
        // a listed field the taxonomy does not know matches a degree field it does not know
        // either, by its text (as the indexes' bounds read it)
        boolean full = c >= 0 ? (f >= 0 && (f == c || graph.isAncestor(c, f)))
            : f == -1 && p.degFieldText[d].equals(r.unknown[-c - 1]);
        if (full) {
          best = 1;
          bestStatus = MatchStatus.MET;
          out.via = d;
          out.listed = j;
          out.relation = Outcome.FULL;
          out.set(MatchStatus.MET, 1);
          return;
        }
      }
      if (f >= 0 && relCredit > best) {
        boolean rel = e == s && relatedOk;
        int relJ = -1;
        for (int j = s; j < e && !rel; j++) {
          int c = r.concepts[j];
          if (c >= 0 && graph.related(f, c)) {
            rel = true;
            relJ = j;
          }
        }
        if (rel) {
          best = relCredit;
          bestStatus = MatchStatus.PARTIAL;
          out.via = d;
          out.listed = relJ;
          out.relation = Outcome.RELATED;
        }
      }
    }
    if (best == 0 && p.nDeg > 0 && out.via < 0) {
      out.via = 0;
    }
    out.set(bestStatus, best);
  }

  private void years(CompiledRole r, int i, CompiledProfile p, Outcome out) {
    int m = r.minYears[i];
    double yf = m == 0 ? 1 : Math.min(1, p.years / m);
    int s = r.cStart[i];
    int e = r.cStart[i + 1];
    boolean domain = e == s;
    for (int j = s; j < e && !domain; j++) {
      int c = r.concepts[j];
      if (c >= 0 ? p.upIndex(c) >= 0 : p.hasUnknown(r.unknown[-c - 1])) {
        domain = true;
        out.listed = j;
      }
    }
    double df = domain ? 1 : policy.domainMissingFactor();
    out.factor = yf;
    out.factor2 = df;
    double credit = yf * df;
    out.set(credit >= 1 ? MatchStatus.MET : credit > 0 ? MatchStatus.PARTIAL : MatchStatus.MISSING,
        credit);
  }

  /**
   * Prior internships: met by any internship when the clause names no field; else by an
   * internship whose title names a listed field (or one below it) or names none; else partly.
   */
  private void internship(CompiledRole r, int i, CompiledProfile p, Outcome out) {
    out.matched = p.internships;
    if (p.internships == 0) {
      out.set(MatchStatus.MISSING, 0);
      return;
    }
    int s = r.cStart[i];
    int e = r.cStart[i + 1];
    boolean fits = e == s || p.internUntyped > 0;
    for (int j = s; j < e && !fits; j++) {
      int c = r.concepts[j];
      if (c >= 0 && p.internshipIn(c)) {
        fits = true;
        out.listed = j;
      }
    }
    if (fits) {
      out.set(MatchStatus.MET, 1);
    } else {
      double credit = policy.otherFieldInternshipCredit();
      out.relation = Outcome.SIBLING;
      out.set(credit > 0 ? MatchStatus.PARTIAL : MatchStatus.MISSING, credit);
    }
  }

  /** Early career: full credit up to the policy's years, then linearly down to 0 at twice that. */
  private void careerStage(CompiledProfile p, Outcome out) {
    double max = policy.earlyCareerMaxYears();
    double credit = p.years <= max ? 1 : Math.max(0, (2 * max - p.years) / max);
    out.factor = credit;
    out.set(credit >= 1 ? MatchStatus.MET : credit > 0 ? MatchStatus.PARTIAL : MatchStatus.MISSING,
        credit);
  }

  private void location(CompiledRole r, int i, CompiledProfile p, Outcome out) {
    int s = r.cStart[i];
    int e = r.cStart[i + 1];
    boolean auth = (r.flags[i] & CompiledRole.WORK_AUTHORIZATION) != 0;
    for (int j = s; j < e; j++) {
      int c = r.concepts[j];
      if (c >= 0 && p.hasPlace(c)) {
        out.listed = j;
        out.relation = Outcome.FULL;
        out.set(MatchStatus.MET, 1);
        return;
      }
    }
    if (auth && p.hasAuthorization) {
      out.relation = Outcome.RELATED;
      out.set(MatchStatus.MET, 1);
      return;
    }
    double near = policy.nearbyPlaceCredit();
    if (near > 0 && p.nPlaceParents > 0) {
      for (int j = s; j < e; j++) {
        int c = r.concepts[j];
        if (c >= 0 && graph.children(c).length == 0) {
          for (int q : graph.parents(c)) {
            if (p.hasPlaceParent(q)) {
              out.listed = j;
              out.relation = Outcome.SIBLING;
              out.set(MatchStatus.PARTIAL, near);
              return;
            }
          }
        }
      }
    }
    if ((e == s && !auth) || (!p.hasLocation && !p.hasAuthorization)
        || (auth && !p.hasAuthorization)) {
      out.set(MatchStatus.UNKNOWN, policy.unknownCredit());
      return;
    }
    out.set(MatchStatus.MISSING, 0);
  }

  // ---------------------------------------------------------------------------------------------
  // Record-level API

  /**
   * Evaluates one requirement against a profile, with evidence and a reason. The returned
   * clause's weight is the policy's weight of the requirement and its contribution is
   * {@code 100 * credit} (the score of a role with this single requirement).
   */
  public ClauseMatch evaluate(Requirement requirement, CandidateProfile profile) {
    requireNonNull(requirement, "requirement");
    requireNonNull(profile, "profile");
    CompiledRole r = CompiledRole.compile(requirement, graph);
    CompiledProfile p = CompiledProfile.compile(profile, graph);
    Outcome o = new Outcome();
    evaluate(r, 0, p, o);
    return Reasons.clauseMatch(this, requirement, r, 0, profile, p, o,
        weight(r, 0), 100.0 * o.credit, isKnockout(r, 0));
  }
}
