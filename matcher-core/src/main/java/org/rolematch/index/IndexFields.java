package org.rolematch.index;

/**
 * Every Lucene field name and commit key RoleMatch uses, in one place. The meaning of each field
 * is documented in {@code package-info.java} (the index contract).
 */
final class IndexFields {
  private IndexFields() {}

  /** Role or profile id: {@code StringField}, one per document; the update/delete key. */
  static final String ID = "id";
  /**
   * The whole record, binary, {@code StoredField}: profiles, and roles written in format 1 (since
   * format 2 a role is its {@link #RECORD_DV} and {@link #SOURCE}).
   */
  static final String RECORD = "record";
  /** The record without bulky text, binary doc values: read to build results. */
  static final String RECORD_DV = "record_dv";
  /**
   * A role's source text, {@code StoredField} (a string), only when it has one: the part of the
   * role its {@link #RECORD_DV} leaves out.
   */
  static final String SOURCE = "source";
  /** The compiled form (flat ints), binary doc values: read by exact scoring and by the
   *  per-segment structures. */
  static final String COMPILED = "compiled";
  /** A role's employment type wire name: {@code StringField}, for filters. */
  static final String EMPLOYMENT_TYPE = "employment_type";
  /** A profile's concept ids closed under ancestors: {@code StringField}, docs only. */
  static final String CONCEPT = "concept";
  /** A profile's degree fields closed under ancestors, or field texts: {@code StringField}. */
  static final String FIELD = "field";
  /** A profile's field state: {@code known} and/or {@code empty}: {@code StringField}. */
  static final String FIELD_STATE = "field_state";
  /** A profile's degrees as {@code level/status} (rank/ordinal): {@code StringField}. */
  static final String DEGREE = "degree";
  /** A profile's years of experience: {@code DoublePoint}. */
  static final String YEARS = "years";
  /** A profile's places (location and authorisations, closed under ancestors): {@code StringField}. */
  static final String PLACE = "place";
  /** The direct parents of a profile's own city (its metro area): {@code StringField}. */
  static final String PLACE_NEAR = "place_near";
  /** Profile flags: {@code publication}, {@code internship}, {@code auth}, {@code loc_silent},
   *  {@code auth_silent}: {@code StringField}. */
  static final String FLAG = "flag";

  /** Commit user data: fingerprint of the taxonomy the compiled forms were built with. */
  static final String COMMIT_TAXONOMY = "rolematch.taxonomy";
  /** Commit user data: version of the stored formats. */
  static final String COMMIT_FORMAT = "rolematch.format";
  /** Current stored format version (2: roles keep only their source text as a stored field). */
  static final String FORMAT = "2";
  /** The format versions this version reads: every role document says which layout it has. */
  static final java.util.Set<String> READABLE_FORMATS = java.util.Set.of("1", FORMAT);
}
