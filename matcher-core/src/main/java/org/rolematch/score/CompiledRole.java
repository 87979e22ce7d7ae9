package org.rolematch.score;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;

/**
 * A role's requirements as flat arrays of ints: what the exact evaluator and the index read on
 * their hot paths. Concepts are taxonomy ordinals; a concept id the taxonomy does not know is kept
 * as a string and compared by equality (stored as {@code -(index + 1)} into {@link #unknown}).
 *
 * <pre>{@code
 * CompiledRole r = CompiledRole.compile(role, ConceptGraph.of(taxonomy));
 * byte[] stored = CompiledCodec.encode(r);     // what the index keeps in doc values
 * }</pre>
 *
 * <p>Internal: public only so that {@code org.rolematch.index} can share it. Mutable and reusable
 * (decoders refill one instance per thread); not thread-safe.
 */
public final class CompiledRole {
  private static final Kind[] KINDS = Kind.values();
  private static final DegreeLevel[] LEVELS = DegreeLevel.values();
  /** The marker a prior-internship clause lists before the fields it names, if any. */
  public static final String INTERNSHIP = "internship";
  /** Clause flag: the caller marked the clause hard. */
  public static final int HARD = 1;
  /** Clause flag: a field clause accepts "related field". */
  public static final int RELATED_FIELD = 2;
  /** Clause flag: a degree clause accepts "equivalent experience". */
  public static final int EQUIVALENT_EXPERIENCE = 4;
  /** Clause flag: a location clause lists "work authorization". */
  public static final int WORK_AUTHORIZATION = 8;

  String id = "";
  int n;
  byte[] kind;
  byte[] importance;
  int[] flags;
  int[] minCount;
  byte[] minDegree;
  byte[] status;
  int[] minYears;
  int[] levelMask;
  int[] cStart;
  int[] concepts;
  String[] unknown = new String[2];
  int nUnknown;

  /** An empty compiled role, to be filled by {@link #reset} and {@link #addClause}. */
  public CompiledRole() {
    this(8, 16);
  }

  /** An empty compiled role with room for this many clauses and concepts. */
  private CompiledRole(int clauses, int concepts) {
    int n = Math.max(1, clauses);
    kind = new byte[n];
    importance = new byte[n];
    flags = new int[n];
    minCount = new int[n];
    minDegree = new byte[n];
    status = new byte[n];
    minYears = new int[n];
    levelMask = new int[n];
    cStart = new int[n + 1];
    this.concepts = new int[Math.max(1, concepts)];
  }

  /** Compiles a role against a concept graph. */
  public static CompiledRole compile(Role role, ConceptGraph graph) {
    return compile(role, graph, null);
  }

  /** The number of strings a role's requirements list, all together. */
  public static int listed(Role role) {
    List<Requirement> reqs = role.requirements();
    int listed = 0;
    for (int i = 0, n = reqs.size(); i < n; i++) {
      listed += reqs.get(i).anyOf().size();
    }
    return listed;
  }

  /**
   * Compiles a role whose listed strings' ordinals are known: {@code ordinals} holds, for every
   * string its requirements list, in order, {@code graph.ordinal} of it ({@link #listed} of
   * them; the index looks them up while encoding the role's record). Null: looked up here.
   */
  public static CompiledRole compile(Role role, ConceptGraph graph, int[] ordinals) {
    List<Requirement> reqs = role.requirements();
    int listed = ordinals != null ? ordinals.length : listed(role);
    CompiledRole c = new CompiledRole(reqs.size(), listed); // no array grows while compiling
    c.reset(role.id());
    int at = 0;
    for (int i = 0, n = reqs.size(); i < n; i++) {
      Requirement r = reqs.get(i);
      c.add(r, graph, ordinals, at);
      at += r.anyOf().size();
    }
    return c;
  }

  /** Compiles one requirement as a one-clause role. */
  public static CompiledRole compile(Requirement r, ConceptGraph graph) {
    CompiledRole c = new CompiledRole();
    c.reset("");
    c.add(r, graph, null, 0);
    return c;
  }

  /** Adds a clause; its listed strings' ordinals are {@code ordinals[from...]} when given. */
  private void add(Requirement r, ConceptGraph graph, int[] ordinals, int from) {
    long fm = flagsAndMask(r);
    Kind k = r.kind();
    addClause(k.ordinal(), r.importance().ordinal(), (int) fm, r.minCount(),
        r.minDegree() == null ? -1 : r.minDegree().rank(),
        r.degreeStatus() == null ? -1 : r.degreeStatus().ordinal(), r.minYears(),
        (int) (fm >>> 32));
    if (!listsConcepts(k)) {
      return;
    }
    List<String> listed = r.anyOf();
    for (int i = 0, n = listed.size(); i < n; i++) {
      String a = listed.get(i);
      if (isMarker(k, a)) {
        continue;
      }
      int o = ordinals != null ? ordinals[from + i] : graph.ordinal(a);
      if (o >= 0) {
        addConcept(o);
      } else {
        addUnknown(a);
      }
    }
  }

  /**
   * A requirement's clause flags (low 32 bits) and accepted degree levels, a bit per rank (high
   * 32 bits), from its hardness and the levels and marker entries it lists.
   */
  static long flagsAndMask(Requirement r) {
    int fl = r.hard() ? HARD : 0;
    int mask = 0;
    Kind k = r.kind();
    List<String> listed = r.anyOf();
    boolean marked = k == Kind.DEGREE || k == Kind.FIELD_OF_STUDY || k == Kind.LOCATION;
    for (int i = 0, n = marked ? listed.size() : 0; i < n; i++) { // levels and marker entries
      String a = listed.get(i);
      if (k == Kind.DEGREE) {
        int lv = levelOf(a);
        if (lv >= 0) {
          mask |= 1 << lv;
        } else if (a.toLowerCase(Locale.ROOT).contains("equivalent")) {
          fl |= EQUIVALENT_EXPERIENCE;
        }
      } else if (k == Kind.FIELD_OF_STUDY && isRelatedFieldMarker(a)) {
        fl |= RELATED_FIELD;
      } else if (k == Kind.LOCATION && isWorkAuthorization(a)) {
        fl |= WORK_AUTHORIZATION;
      }
    }
    return ((long) mask << 32) | (fl & 0xFFFFFFFFL);
  }

  /** Whether clauses of this kind keep the concepts they list (degree levels are a mask). */
  static boolean listsConcepts(Kind k) {
    return k != Kind.DEGREE && k != Kind.PUBLICATION && k != Kind.CAREER_STAGE;
  }

  /** Whether a listed entry of a clause of this kind is a marker, not a concept. */
  static boolean isMarker(Kind k, String a) {
    return (k == Kind.PRIOR_INTERNSHIP && a.equals(INTERNSHIP))
        || (k == Kind.FIELD_OF_STUDY && isRelatedFieldMarker(a))
        || (k == Kind.LOCATION && isWorkAuthorization(a));
  }

  static int levelOf(String s) {
    String x = s.trim().toLowerCase(Locale.ROOT);
    for (DegreeLevel l : LEVELS) {
      if (l.wireName().equals(x)) {
        return l.rank();
      }
    }
    return switch (x) {
      case "bachelors", "bachelor's", "bs", "ba", "undergraduate" -> DegreeLevel.BACHELOR.rank();
      case "masters", "master's", "ms", "msc" -> DegreeLevel.MASTER.rank();
      case "doctorate", "ph.d.", "doctoral" -> DegreeLevel.PHD.rank();
      default -> -1;
    };
  }

  /** Whether a field-of-study list entry means "or a related field". */
  public static boolean isRelatedFieldMarker(String s) {
    return s.equals("related field") || s.equals("related fields");
  }

  /** Whether a location list entry means "work authorisation". */
  public static boolean isWorkAuthorization(String s) {
    return s.equals("work authorization") || s.equals("work authorisation");
  }

  /** Empties this role and gives it an id. */
  public void reset(String roleId) {
    this.id = requireNonNull(roleId, "roleId");
    n = 0;
    nUnknown = 0;
    cStart[0] = 0;
  }

  /** Starts a clause; concepts added next belong to it. */
  public void addClause(int kindOrdinal, int importanceOrdinal, int clauseFlags, int count,
      int minDegreeRank, int statusOrdinal, int years, int mask) {
    if (n == kind.length) {
      int cap = n * 2;
      kind = Arrays.copyOf(kind, cap);
      importance = Arrays.copyOf(importance, cap);
      flags = Arrays.copyOf(flags, cap);
      minCount = Arrays.copyOf(minCount, cap);
      minDegree = Arrays.copyOf(minDegree, cap);
      status = Arrays.copyOf(status, cap);
      minYears = Arrays.copyOf(minYears, cap);
      levelMask = Arrays.copyOf(levelMask, cap);
      cStart = Arrays.copyOf(cStart, cap + 1);
    }
    kind[n] = (byte) kindOrdinal;
    importance[n] = (byte) importanceOrdinal;
    flags[n] = clauseFlags;
    minCount[n] = Math.max(1, count);
    minDegree[n] = (byte) minDegreeRank;
    status[n] = (byte) statusOrdinal;
    minYears[n] = years;
    levelMask[n] = mask;
    cStart[n + 1] = cStart[n];
    n++;
  }

  /** Adds a concept ordinal to the current clause (duplicates are dropped). */
  public void addConcept(int ordinal) {
    int s = cStart[n - 1];
    int e = cStart[n];
    for (int j = s; j < e; j++) {
      if (concepts[j] == ordinal) {
        return;
      }
    }
    push(ordinal);
  }

  /**
   * Adds a concept ordinal the current clause does not hold yet (a decoder's shortcut past the
   * duplicate check of {@link #addConcept}).
   */
  void pushConcept(int ordinal) {
    push(ordinal);
  }

  /** Adds a concept id unknown to the taxonomy to the current clause. */
  public void addUnknown(String conceptId) {
    int s = cStart[n - 1];
    int e = cStart[n];
    for (int j = s; j < e; j++) {
      if (concepts[j] < 0 && unknown[-concepts[j] - 1].equals(conceptId)) {
        return;
      }
    }
    if (nUnknown == unknown.length) {
      unknown = Arrays.copyOf(unknown, nUnknown * 2);
    }
    unknown[nUnknown++] = conceptId;
    push(-nUnknown);
  }

  private void push(int v) {
    int e = cStart[n];
    if (e == concepts.length) {
      concepts = Arrays.copyOf(concepts, e * 2);
    }
    concepts[e] = v;
    cStart[n] = e + 1;
  }

  /** The role id. */
  public String id() {
    return id;
  }

  /** Number of clauses. */
  public int clauseCount() {
    return n;
  }

  /** Kind of clause {@code i}. */
  public Kind kind(int i) {
    return KINDS[kind[i]];
  }

  /** Kind ordinal of clause {@code i}. */
  public int kindOrdinal(int i) {
    return kind[i];
  }

  /** Importance ordinal of clause {@code i}. */
  public int importanceOrdinal(int i) {
    return importance[i];
  }

  /** Flags of clause {@code i}. */
  public int flags(int i) {
    return flags[i];
  }

  /** minCount of clause {@code i}. */
  public int minCount(int i) {
    return minCount[i];
  }

  /** Minimum degree rank of clause {@code i}, or -1. */
  public int minDegreeRank(int i) {
    return minDegree[i];
  }

  /** Degree status ordinal of clause {@code i}, or -1. */
  public int statusOrdinal(int i) {
    return status[i];
  }

  /** Minimum years of clause {@code i}. */
  public int minYears(int i) {
    return minYears[i];
  }

  /** Accepted degree levels of clause {@code i}, a bit per rank. */
  public int levelMask(int i) {
    return levelMask[i];
  }

  /** Index of the first concept of clause {@code i}. */
  public int conceptStart(int i) {
    return cStart[i];
  }

  /** Index after the last concept of clause {@code i}. */
  public int conceptEnd(int i) {
    return cStart[i + 1];
  }

  /** Concept entry {@code j}: an ordinal, or {@code -(u+1)} for unknown string {@code u}. */
  public int concept(int j) {
    return concepts[j];
  }

  /** Unknown concept string {@code u}. */
  public String unknown(int u) {
    return unknown[u];
  }

  /**
   * The degree signature of clause {@code i}: everything its credit depends on, in 11 bits
   * (minimum degree, status, accepted levels, equivalent experience).
   */
  public int degreeSignature(int i) {
    return degreeSignature(minDegree[i], status[i], levelMask[i],
        (flags[i] & EQUIVALENT_EXPERIENCE) != 0);
  }

  /** Packs a degree signature; see {@link #degreeSignature(int)}. */
  public static int degreeSignature(int minDegreeRank, int statusOrdinal, int mask, boolean eq) {
    return (minDegreeRank + 1) | ((statusOrdinal + 1) << 3) | (mask << 5) | (eq ? 1 << 10 : 0);
  }

  /** Number of distinct degree signatures. */
  public static final int DEGREE_SIGNATURES = 1 << 11;
}
