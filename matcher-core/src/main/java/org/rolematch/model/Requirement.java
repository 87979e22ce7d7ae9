package org.rolematch.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One requirement clause of a role: one demand, read from one sentence or bullet.
 *
 * <p>A clause is an any-of group: it is met when the candidate has at least {@code minCount} of
 * the concepts in {@code anyOf} ("Java, C++ or Python" is one clause with three concepts and
 * {@code minCount} 1; "two or more of C, C++, Java, Python" has {@code minCount} 2). Concepts are
 * taxonomy concept ids (their canonical lower-case names). A degree clause lists the accepted
 * levels in {@code anyOf} and carries {@code minDegree} and {@code degreeStatus}; an
 * experience-years clause carries {@code minYears} and names its domain in {@code anyOf}.
 *
 * @param id stable id, unique within its role ({@code "r3"})
 * @param kind what the clause asks for
 * @param importance required or preferred
 * @param anyOf the accepted concepts (may be empty, e.g. for plain "industry experience")
 * @param minCount how many of {@code anyOf} are needed, at least 1
 * @param minDegree lowest accepted degree level, or {@code null} when none applies
 * @param degreeStatus required status of the degree, or {@code null} when none applies
 * @param minYears minimum years asked for, 0 when none
 * @param hard whether the caller marks the clause as a knock-out
 * @param evidence the source sentence with its offsets in the posting
 */
public record Requirement(
    String id,
    Kind kind,
    Importance importance,
    List<String> anyOf,
    int minCount,
    DegreeLevel minDegree,
    DegreeStatus degreeStatus,
    int minYears,
    boolean hard,
    Evidence evidence) {

  public Requirement {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(importance, "importance");
    anyOf = List.copyOf(requireNonNull(anyOf, "anyOf"));
    requireNonNull(evidence, "evidence");
    if (minCount < 1) {
      throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
    }
    if (minYears < 0) {
      throw new IllegalArgumentException("minYears must not be negative, got " + minYears);
    }
  }

  /** A concept clause needing one of {@code anyOf}. */
  public static Requirement anyOf(
      String id, Kind kind, Importance importance, List<String> anyOf, Evidence evidence) {
    return new Requirement(id, kind, importance, anyOf, 1, null, null, 0, false, evidence);
  }

  /** This clause with another id. */
  public Requirement withId(String newId) {
    return new Requirement(
        newId, kind, importance, anyOf, minCount, minDegree, degreeStatus, minYears, hard,
        evidence);
  }

  /** This clause with another importance. */
  public Requirement withImportance(Importance newImportance) {
    return new Requirement(
        id, kind, newImportance, anyOf, minCount, minDegree, degreeStatus, minYears, hard,
        evidence);
  }

  /** This clause marked as a knock-out (or not). */
  public Requirement withHard(boolean newHard) {
    return new Requirement(
        id, kind, importance, anyOf, minCount, minDegree, degreeStatus, minYears, newHard,
        evidence);
  }

  /** The requirement sentence, as read from the posting. */
  public String text() {
    return evidence.text();
  }
}
