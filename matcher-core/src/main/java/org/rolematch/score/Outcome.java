package org.rolematch.score;

/**
 * The verdict of the exact evaluator on one clause, in a reusable mutable form (no allocation on
 * hot paths): status, credit and the witness that explains it.
 *
 * <pre>{@code
 * Outcome o = new Outcome();
 * evaluator.evaluate(compiledRole, 0, compiledProfile, o);
 * if (o.status() == MatchStatus.PARTIAL) { System.out.println(o.credit()); }
 * }</pre>
 *
 * <p>Internal: public only so that {@code org.rolematch.index} can share it. Not thread-safe.
 */
public final class Outcome {
  /** No witness. */
  public static final int NONE = 0;
  /** A listed concept is held, or one below it. */
  public static final int FULL = 1;
  /** A sibling of a listed concept is held. */
  public static final int SIBLING = 2;
  /** A concept directly broader than a listed one is held. */
  public static final int BROADER = 3;
  /** A field related to a listed one. */
  public static final int RELATED = 4;

  MatchStatus status = MatchStatus.MISSING;
  double credit;
  int relation;
  /** Index (into the role's concepts) of the listed concept of the witness, or -1. */
  int listed = -1;
  /** Index of the profile's own concept or degree that is the witness, or -1. */
  int via = -1;
  /** Distinct listed concepts fully matched. */
  int matched;
  /** Distinct listed concepts needed. */
  int needed;
  /** Years factor or level factor, for reasons. */
  double factor = 1;
  /** A second factor (degree status, years domain), for reasons. */
  double factor2 = 1;

  /** A fresh outcome. */
  public Outcome() {}

  void set(MatchStatus s, double c) {
    status = s;
    credit = c;
  }

  void clear() {
    status = MatchStatus.MISSING;
    credit = 0;
    relation = NONE;
    listed = -1;
    via = -1;
    matched = 0;
    needed = 0;
    factor = 1;
    factor2 = 1;
  }

  /** Makes this outcome a copy of {@code o}. */
  void copyFrom(Outcome o) {
    status = o.status;
    credit = o.credit;
    relation = o.relation;
    listed = o.listed;
    via = o.via;
    matched = o.matched;
    needed = o.needed;
    factor = o.factor;
    factor2 = o.factor2;
  }

  /** The status. */
  public MatchStatus status() {
    return status;
  }

  /** The credit, 0..1. */
  public double credit() {
    return credit;
  }
}
