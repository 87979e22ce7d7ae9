package org.rolematch.score;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;

/**
 * How clause credits turn into a score: weights, partial-credit factors and knock-outs.
 *
 * <p>A match's score is {@code 100 * sum(w_i * c_i) / sum(w_i)} over the role's requirements,
 * where {@code c_i} (0..1) is the credit the {@link ClauseEvaluator} gives requirement {@code i}
 * and {@code w_i = importanceWeight * kindWeight}. Immutable and thread-safe; build one with
 * {@link #builder()}, which checks every value as it is set:
 *
 * <pre>{@code
 * ScoringPolicy policy = ScoringPolicy.builder()
 *     .preferredWeight(0.5)
 *     .kindWeight(Kind.SOFT_SKILL, 0.1)
 *     .knockoutMode(KnockoutMode.PENALISE)
 *     .build();
 * }</pre>
 *
 * <h2>The defaults ({@link #defaults()})</h2>
 *
 * <table>
 *   <caption>default values</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>required / preferred weight</td><td>1.0 / 0.35</td><td>a preferred clause counts
 *       about a third of a required one</td></tr>
 *   <tr><td>kind weights</td><td>degree 1.5, experience years 1.5, career stage 1.5, field of study 1.0,
 *       programming language, ML framework, research area, data technology, publication, prior
 *       internship, location 1.0; tool, skill 0.75; soft skill 0.25</td><td>soft skills are
 *       rarely shown on a resume and weigh little</td></tr>
 *   <tr><td>sibling credit</td><td>0.5</td><td>knows JAX, a sibling of the listed PyTorch</td></tr>
 *   <tr><td>broader credit</td><td>0.25</td><td>knows "deep learning framework", the role
 *       lists PyTorch below it</td></tr>
 *   <tr><td>related field credit</td><td>0.75</td><td>a field related to a listed one, when
 *       the clause says "or related field"</td></tr>
 *   <tr><td>unlisted related field credit</td><td>0.25</td><td>the same without "or related
 *       field"</td></tr>
 *   <tr><td>level below credit</td><td>0.5</td><td>a degree one level below the minimum</td></tr>
 *   <tr><td>overqualified credit</td><td>0.5</td><td>a degree above every level the role
 *       lists (a PhD for a role for Master's students)</td></tr>
 *   <tr><td>in progress for completed</td><td>0.5</td><td>the degree is still in progress, the
 *       role asks for a completed one (a near miss)</td></tr>
 *   <tr><td>completed for in progress</td><td>0.25</td><td>a graduate, the role is for students
 *       (a poor fit)</td></tr>
 *   <tr><td>unknown credit</td><td>0.5</td><td>credit of a clause the profile is silent on</td></tr>
 *   <tr><td>nearby place credit</td><td>0.5</td><td>a listed city, the candidate lives in another
 *       city of its metro area (San Jose for Palo Alto); partial, so not a failed knock-out</td></tr>
 *   <tr><td>silent kinds</td><td>soft skill</td><td>kinds whose absence reads as unknown, not
 *       missing</td></tr>
 *   <tr><td>domain missing factor</td><td>0.5</td><td>years of experience, none of it shown in
 *       the clause's domain</td></tr>
 *   <tr><td>other-field internship credit</td><td>0.5</td><td>"previous software engineering
 *       internships", the candidate's internships name other fields ("Research Intern"); an
 *       internship whose title names no field counts in full</td></tr>
 *   <tr><td>early-career max years</td><td>3</td><td>an early-career role (internship, new-grad
 *       program, entry level; {@link Kind#CAREER_STAGE}) is met up to 3 years of professional
 *       experience, the credit falls to 0 at 6; judged by experience only, never by age or
 *       graduation year. Kind weight 1.5, as for years of experience; set it to 0 to leave career
 *       stage out</td></tr>
 *   <tr><td>equivalent experience years</td><td>4</td><td>years that stand in for a degree when
 *       the clause allows "equivalent experience"</td></tr>
 *   <tr><td>knock-outs</td><td>FILTER, penalty 0.5, required location is a knock-out</td><td>see
 *       {@link KnockoutMode}</td></tr>
 * </table>
 *
 * @rolematch.experimental the default values may be tuned between releases
 */
public final class ScoringPolicy {
  private static final ScoringPolicy DEFAULTS = builder().build();

  private final double requiredWeight;
  private final double preferredWeight;
  private final double[] kindWeights;
  private final double siblingCredit;
  private final double broaderCredit;
  private final double relatedFieldCredit;
  private final double unlistedRelatedFieldCredit;
  private final double levelBelowCredit;
  private final double overqualifiedCredit;
  private final double inProgressForCompletedCredit;
  private final double completedForInProgressCredit;
  private final double unknownCredit;
  private final double nearbyPlaceCredit;
  private final double domainMissingFactor;
  private final double equivalentExperienceYears;
  private final double earlyCareerMaxYears;
  private final double otherFieldInternshipCredit;
  private final Set<Kind> silentKinds;
  private final KnockoutMode knockoutMode;
  private final double knockoutPenalty;
  private final boolean requiredLocationIsKnockout;

  private ScoringPolicy(Builder b) {
    this.requiredWeight = b.requiredWeight;
    this.preferredWeight = b.preferredWeight;
    this.kindWeights = b.kindWeights.clone();
    this.siblingCredit = b.siblingCredit;
    this.broaderCredit = b.broaderCredit;
    this.relatedFieldCredit = b.relatedFieldCredit;
    this.unlistedRelatedFieldCredit = b.unlistedRelatedFieldCredit;
    this.levelBelowCredit = b.levelBelowCredit;
    this.overqualifiedCredit = b.overqualifiedCredit;
    this.inProgressForCompletedCredit = b.inProgressForCompletedCredit;
    this.completedForInProgressCredit = b.completedForInProgressCredit;
    this.unknownCredit = b.unknownCredit;
    this.nearbyPlaceCredit = b.nearbyPlaceCredit;
    this.domainMissingFactor = b.domainMissingFactor;
    this.equivalentExperienceYears = b.equivalentExperienceYears;
    this.earlyCareerMaxYears = b.earlyCareerMaxYears;
    this.otherFieldInternshipCredit = b.otherFieldInternshipCredit;
    this.silentKinds = Set.copyOf(b.silentKinds);
    this.knockoutMode = b.knockoutMode;
    this.knockoutPenalty = b.knockoutPenalty;
    this.requiredLocationIsKnockout = b.requiredLocationIsKnockout;
  }

  /** The documented default policy (see the class comment). */
  public static ScoringPolicy defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.requiredWeight = requiredWeight;
    b.preferredWeight = preferredWeight;
    b.kindWeights = kindWeights.clone();
    b.siblingCredit = siblingCredit;
    b.broaderCredit = broaderCredit;
    b.relatedFieldCredit = relatedFieldCredit;
    b.unlistedRelatedFieldCredit = unlistedRelatedFieldCredit;
    b.levelBelowCredit = levelBelowCredit;
    b.overqualifiedCredit = overqualifiedCredit;
    b.inProgressForCompletedCredit = inProgressForCompletedCredit;
    b.completedForInProgressCredit = completedForInProgressCredit;
    b.unknownCredit = unknownCredit;
    b.nearbyPlaceCredit = nearbyPlaceCredit;
    b.domainMissingFactor = domainMissingFactor;
    b.equivalentExperienceYears = equivalentExperienceYears;
    b.earlyCareerMaxYears = earlyCareerMaxYears;
    b.otherFieldInternshipCredit = otherFieldInternshipCredit;
    b.silentKinds = silentKinds.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(silentKinds);
    b.knockoutMode = knockoutMode;
    b.knockoutPenalty = knockoutPenalty;
    b.requiredLocationIsKnockout = requiredLocationIsKnockout;
    return b;
  }

  /** The weight of a requirement of this kind and importance: importance weight times kind weight. */
  public double weight(Kind kind, Importance importance) {
    double iw = importance == Importance.REQUIRED ? requiredWeight : preferredWeight;
    return iw * kindWeights[kind.ordinal()];
  }

  /** Weight of required clauses. */
  public double requiredWeight() {
    return requiredWeight;
  }

  /** Weight of preferred clauses. */
  public double preferredWeight() {
    return preferredWeight;
  }

  /** The weight of a kind. */
  public double kindWeight(Kind kind) {
    return kindWeights[kind.ordinal()];
  }

  /** Credit for a sibling of a listed concept (same direct broader concept). */
  public double siblingCredit() {
    return siblingCredit;
  }

  /** Credit for a concept directly broader than a listed one. */
  public double broaderCredit() {
    return broaderCredit;
  }

  /** Credit for a field related to a listed one, when the clause accepts "related field". */
  public double relatedFieldCredit() {
    return relatedFieldCredit;
  }

  /** Credit for a field related to a listed one, when the clause does not say "related field". */
  public double unlistedRelatedFieldCredit() {
    return unlistedRelatedFieldCredit;
  }

  /** Level factor of a degree one level below the minimum. */
  public double levelBelowCredit() {
    return levelBelowCredit;
  }

  /** Level factor of a degree above every level the clause lists. */
  public double overqualifiedCredit() {
    return overqualifiedCredit;
  }

  /** Status factor of a degree in progress when the clause asks for a completed one. */
  public double inProgressForCompletedCredit() {
    return inProgressForCompletedCredit;
  }

  /** Status factor of a completed degree when the clause asks for one in progress. */
  public double completedForInProgressCredit() {
    return completedForInProgressCredit;
  }

  /** Credit of a clause the profile is silent on ({@link MatchStatus#UNKNOWN}). */
  public double unknownCredit() {
    return unknownCredit;
  }

  /**
   * Credit of a location clause listing a city when the candidate lives in another city of the
   * same metro area or region (their direct broader place), e.g. San Jose for Palo Alto.
   */
  public double nearbyPlaceCredit() {
    return nearbyPlaceCredit;
  }

  /** Factor on years credit when the profile shows none of the clause's domain. */
  public double domainMissingFactor() {
    return domainMissingFactor;
  }

  /** Years of experience that stand in for a degree that allows "equivalent experience". */
  public double equivalentExperienceYears() {
    return equivalentExperienceYears;
  }

  /**
   * Years of professional experience up to which an early-career clause is met in full; the
   * credit then falls linearly to 0 at twice as many years.
   */
  public double earlyCareerMaxYears() {
    return earlyCareerMaxYears;
  }

  /**
   * Credit of prior internships that are all in other fields than the clause names ("Research
   * Intern" for "previous software engineering internships").
   */
  public double otherFieldInternshipCredit() {
    return otherFieldInternshipCredit;
  }

  /** Concept kinds whose absence from a profile reads as unknown rather than missing. */
  public Set<Kind> silentKinds() {
    return silentKinds;
  }

  /** Whether absence of a concept of this kind reads as unknown. */
  public boolean isSilentKind(Kind kind) {
    return silentKinds.contains(kind);
  }

  /** What a failed knock-out does. */
  public KnockoutMode knockoutMode() {
    return knockoutMode;
  }

  /** Score factor of an ineligible match under {@link KnockoutMode#PENALISE}. */
  public double knockoutPenalty() {
    return knockoutPenalty;
  }

  /** Whether a required location clause is a knock-out even when not marked hard. */
  public boolean requiredLocationIsKnockout() {
    return requiredLocationIsKnockout;
  }

  /** Whether the requirement of this kind, importance and hardness is a knock-out. */
  public boolean isKnockout(Kind kind, Importance importance, boolean hard) {
    if (knockoutMode == KnockoutMode.IGNORE) {
      return false;
    }
    return hard || (requiredLocationIsKnockout && kind == Kind.LOCATION
        && importance == Importance.REQUIRED);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ScoringPolicy p)) {
      return false;
    }
    return requiredWeight == p.requiredWeight && preferredWeight == p.preferredWeight
        && Arrays.equals(kindWeights, p.kindWeights) && siblingCredit == p.siblingCredit
        && broaderCredit == p.broaderCredit && relatedFieldCredit == p.relatedFieldCredit
        && unlistedRelatedFieldCredit == p.unlistedRelatedFieldCredit
        && levelBelowCredit == p.levelBelowCredit && overqualifiedCredit == p.overqualifiedCredit
        && inProgressForCompletedCredit == p.inProgressForCompletedCredit
        && completedForInProgressCredit == p.completedForInProgressCredit
        && unknownCredit == p.unknownCredit && nearbyPlaceCredit == p.nearbyPlaceCredit
        && domainMissingFactor == p.domainMissingFactor
        && equivalentExperienceYears == p.equivalentExperienceYears
        && earlyCareerMaxYears == p.earlyCareerMaxYears
        && otherFieldInternshipCredit == p.otherFieldInternshipCredit
        && silentKinds.equals(p.silentKinds) && knockoutMode == p.knockoutMode
        && knockoutPenalty == p.knockoutPenalty
        && requiredLocationIsKnockout == p.requiredLocationIsKnockout;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(kindWeights) * 31 + Double.hashCode(preferredWeight)
        + knockoutMode.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("ScoringPolicy[required=").append(requiredWeight)
        .append(", preferred=").append(preferredWeight).append(", kinds={");
    for (Kind k : Kind.values()) {
      s.append(k.wireName()).append('=').append(kindWeights[k.ordinal()])
          .append(k.ordinal() + 1 < Kind.values().length ? ", " : "}");
    }
    return s.append(", sibling=").append(siblingCredit).append(", broader=").append(broaderCredit)
        .append(", relatedField=").append(relatedFieldCredit).append(", unknown=")
        .append(unknownCredit).append(", knockout=")
        .append(knockoutMode.name().toLowerCase(Locale.ROOT)).append(']').toString();
  }

  /**
   * Builds a {@link ScoringPolicy}. Each setter checks its value at once and names the option and
   * the bad value in its {@link IllegalArgumentException}. Not thread-safe; {@link #build()} may
   * be called more than once.
   */
  public static final class Builder {
    private double requiredWeight = 1.0;
    private double preferredWeight = 0.35;
    private double[] kindWeights = defaultKindWeights();
    private double siblingCredit = 0.5;
    private double broaderCredit = 0.25;
    private double relatedFieldCredit = 0.75;
    private double unlistedRelatedFieldCredit = 0.25;
    private double levelBelowCredit = 0.5;
    private double overqualifiedCredit = 0.5;
    private double inProgressForCompletedCredit = 0.5;
    private double completedForInProgressCredit = 0.25;
    private double unknownCredit = 0.5;
    private double nearbyPlaceCredit = 0.5;
    private double domainMissingFactor = 0.5;
    private double equivalentExperienceYears = 4;
    private double earlyCareerMaxYears = 3;
    private double otherFieldInternshipCredit = 0.5;
    private Set<Kind> silentKinds = EnumSet.of(Kind.SOFT_SKILL);
    private KnockoutMode knockoutMode = KnockoutMode.FILTER;
    private double knockoutPenalty = 0.5;
    private boolean requiredLocationIsKnockout = true;

    private Builder() {}

    private static double[] defaultKindWeights() {
      Map<Kind, Double> m = new EnumMap<>(Kind.class);
      for (Kind k : Kind.values()) {
        m.put(k, 1.0);
      }
      m.put(Kind.DEGREE, 1.5);
      m.put(Kind.EXPERIENCE_YEARS, 1.5);
      m.put(Kind.CAREER_STAGE, 1.5);
      m.put(Kind.TOOL, 0.75);
      m.put(Kind.SKILL, 0.75);
      m.put(Kind.SOFT_SKILL, 0.25);
      double[] w = new double[Kind.values().length];
      m.forEach((k, v) -> w[k.ordinal()] = v);
      return w;
    }

    private static double weightValue(String option, double v) {
      if (!(v >= 0) || Double.isInfinite(v) || v > 1000) {
        throw new IllegalArgumentException(
            option + " must be a finite weight in [0, 1000], got " + v);
      }
      return v;
    }

    private static double fraction(String option, double v) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(option + " must lie in [0, 1], got " + v);
      }
      return v;
    }

    /** Weight of required clauses (default 1.0). */
    public Builder requiredWeight(double w) {
      requiredWeight = weightValue("requiredWeight", w);
      return this;
    }

    /** Weight of preferred clauses (default 0.35). */
    public Builder preferredWeight(double w) {
      preferredWeight = weightValue("preferredWeight", w);
      return this;
    }

    /** Weight of a kind (defaults in the class comment of {@link ScoringPolicy}). */
    public Builder kindWeight(Kind kind, double w) {
      requireNonNull(kind, "kind");
      kindWeights[kind.ordinal()] = weightValue("kindWeight(" + kind.wireName() + ")", w);
      return this;
    }

    /** Credit for a sibling concept (default 0.5). */
    public Builder siblingCredit(double c) {
      siblingCredit = fraction("siblingCredit", c);
      return this;
    }

    /** Credit for a directly broader concept (default 0.25). */
    public Builder broaderCredit(double c) {
      broaderCredit = fraction("broaderCredit", c);
      return this;
    }

    /** Credit for a related field where the clause accepts "related field" (default 0.75). */
    public Builder relatedFieldCredit(double c) {
      relatedFieldCredit = fraction("relatedFieldCredit", c);
      return this;
    }

    /** Credit for a related field where the clause does not say so (default 0.25). */
    public Builder unlistedRelatedFieldCredit(double c) {
      unlistedRelatedFieldCredit = fraction("unlistedRelatedFieldCredit", c);
      return this;
    }

    /** Level factor of a degree one level below the minimum (default 0.5). */
    public Builder levelBelowCredit(double c) {
      levelBelowCredit = fraction("levelBelowCredit", c);
      return this;
    }

    /** Level factor of a degree above every listed level (default 0.5). */
    public Builder overqualifiedCredit(double c) {
      overqualifiedCredit = fraction("overqualifiedCredit", c);
      return this;
    }

    /** Status factor of an in-progress degree for a completed-degree clause (default 0.5). */
    public Builder inProgressForCompletedCredit(double c) {
      inProgressForCompletedCredit = fraction("inProgressForCompletedCredit", c);
      return this;
    }

    /** Status factor of a completed degree for an in-progress clause (default 0.25). */
    public Builder completedForInProgressCredit(double c) {
      completedForInProgressCredit = fraction("completedForInProgressCredit", c);
      return this;
    }

    /** Credit of an unknown clause (default 0.5). */
    public Builder unknownCredit(double c) {
      unknownCredit = fraction("unknownCredit", c);
      return this;
    }

    /** Credit of a nearby city for a listed city (default 0.5). */
    public Builder nearbyPlaceCredit(double c) {
      nearbyPlaceCredit = fraction("nearbyPlaceCredit", c);
      return this;
    }

    /** Factor on years credit when the clause's domain is not shown (default 0.5). */
    public Builder domainMissingFactor(double c) {
      domainMissingFactor = fraction("domainMissingFactor", c);
      return this;
    }

    /** Years that stand in for a degree allowing equivalent experience (default 4). */
    public Builder equivalentExperienceYears(double years) {
      if (!(years >= 0 && years <= 100)) {
        throw new IllegalArgumentException(
            "equivalentExperienceYears must lie in [0, 100], got " + years);
      }
      equivalentExperienceYears = years;
      return this;
    }

    /**
     * Years of experience up to which an early-career clause is met (default 3); the credit falls
     * linearly to 0 at twice as many. To leave career stage out of scores, set
     * {@code kindWeight(Kind.CAREER_STAGE, 0)}.
     */
    public Builder earlyCareerMaxYears(double years) {
      if (!(years > 0 && years <= 50)) {
        throw new IllegalArgumentException(
            "earlyCareerMaxYears must lie in (0, 50], got " + years);
      }
      earlyCareerMaxYears = years;
      return this;
    }

    /** Credit of internships in other fields than the clause names (default 0.5). */
    public Builder otherFieldInternshipCredit(double c) {
      otherFieldInternshipCredit = fraction("otherFieldInternshipCredit", c);
      return this;
    }

    /** Concept kinds whose absence reads as unknown (default: soft skill). */
    public Builder silentKinds(Set<Kind> kinds) {
      requireNonNull(kinds, "silentKinds");
      for (Kind k : kinds) {
        if (!requireNonNull(k, "silentKinds element").isConceptKind()) {
          throw new IllegalArgumentException(
              "silentKinds may hold only concept kinds, got " + k.wireName());
        }
      }
      silentKinds = kinds.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(kinds);
      return this;
    }

    /** What a failed knock-out does (default {@link KnockoutMode#FILTER}). */
    public Builder knockoutMode(KnockoutMode mode) {
      knockoutMode = requireNonNull(mode, "knockoutMode");
      return this;
    }

    /** Score factor of an ineligible match under PENALISE (default 0.5). */
    public Builder knockoutPenalty(double factor) {
      knockoutPenalty = fraction("knockoutPenalty", factor);
      return this;
    }

    /** Whether a required location clause is a knock-out (default true). */
    public Builder requiredLocationIsKnockout(boolean b) {
      requiredLocationIsKnockout = b;
      return this;
    }

    /** The policy. */
    public ScoringPolicy build() {
      return new ScoringPolicy(this);
    }
  }
}
