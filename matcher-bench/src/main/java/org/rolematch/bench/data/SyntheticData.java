package org.rolematch.bench.data;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Degree;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Evidence;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.model.Skill;
import org.rolematch.taxonomy.Concept;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Seeded synthetic roles and candidate profiles drawn from a taxonomy, with the skew of real
 * postings: a few concepts (Python, SQL, machine learning, then a short head of other popular
 * ones) appear in most roles and profiles, most concepts are rare (Zipf, exponent {@value #ZIPF_S}
 * over every concept of a concept kind, in a seeded popularity order after the head).
 *
 * <h2>Shape</h2>
 *
 * <ul>
 *   <li><b>Role</b>: 10–30 clauses. A degree clause (85%: minimum bachelor/master/PhD, the levels
 *       from it up, completed / in progress / either, sometimes "equivalent experience"), a field
 *       of study clause (70%: 1–4 fields, often "or related field"), an experience-years clause
 *       (60%: 1–8 years, half of them naming a domain), publications (10%), a prior internship
 *       (10%), a location (8%, half of them required, which is a knock-out); the rest are concept
 *       clauses: an any-of group of 1–6 concepts of one kind (sizes 1..6 with probabilities
 *       .40/.20/.15/.12/.08/.05), "2 of" for 10% of groups of three or more, a minimum of years
 *       for 5%. 60% of clauses are required, the rest preferred.
 *   <li><b>Profile</b>: 20–80 distinct concepts (a fifth with stated years), 0–2 degrees with a
 *       field, 0–15 years of experience, internships, publications for 30%, a location for 70%
 *       and a work authorisation for 40%.
 * </ul>
 *
 * <p>Item {@code i} is a pure function of (seed, i): {@link #role(int)} and {@link #profile(int)}
 * can be called in any order, from any thread, and a million roles never need to be held at once.
 * Immutable and thread-safe.
 */
public final class SyntheticData {
  /** The seed the benchmarks use unless told otherwise. */
  public static final long DEFAULT_SEED = 0x5EED_2024L;
  /** Zipf exponent of concept popularity. */
  public static final double ZIPF_S = 1.0;
  /** Popular concepts, in this order, ahead of the seeded order of the rest. */
  public static final List<String> HEAD = List.of(
      "python", "sql", "machine learning", "java", "deep learning", "pytorch", "statistics",
      "tensorflow", "aws", "git", "communication", "spark", "c++", "docker", "excel");

  // shared clause ids keep a million generated roles small in memory
  private static final String[] CLAUSE_IDS = new String[32];

  static {
    for (int j = 0; j < CLAUSE_IDS.length; j++) {
      CLAUSE_IDS[j] = "r" + (j + 1);
    }
  }

  private static final int[] GROUP_SIZE_WEIGHTS = {40, 20, 15, 12, 8, 5};
  private static final String[] ROLE_WORDS = {
    "Machine Learning Engineer", "Data Scientist", "Research Intern", "Software Engineer",
    "Data Engineer", "Applied Scientist", "Analytics Engineer", "Research Scientist"
  };

  private final Taxonomy taxonomy;
  private final long seed;
  private final String[] vocab; // concept-kind concepts, most popular first
  private final Kind[] vocabKind;
  private final Zipf vocabZipf;
  private final Map<Kind, String[]> byKind = new EnumMap<>(Kind.class);
  private final Map<Kind, Zipf> byKindZipf = new EnumMap<>(Kind.class);
  private final String[] fields;
  private final Zipf fieldZipf;
  private final String[] places;
  private final Zipf placeZipf;

  private SyntheticData(Taxonomy taxonomy, long seed) {
    this.taxonomy = taxonomy;
    this.seed = seed;
    List<String> head = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    List<String> fieldList = new ArrayList<>();
    List<String> placeList = new ArrayList<>();
    for (Concept c : taxonomy.concepts()) {
      if (c.kind().isConceptKind()) {
        if (!HEAD.contains(c.id())) {
          rest.add(c.id());
        }
      } else if (c.kind() == Kind.FIELD_OF_STUDY && !c.id().equals("related field")) {
        fieldList.add(c.id());
      } else if (c.kind() == Kind.LOCATION && !c.id().equals("work authorization")) {
        placeList.add(c.id());
      }
    }
    for (String h : HEAD) {
      if (taxonomy.concept(h).map(c -> c.kind().isConceptKind()).orElse(false)) {
        head.add(h);
      }
    }
    SplittableRandom order = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    shuffle(rest, order);
    shuffle(fieldList, order);
    shuffle(placeList, order);
    // a realistic head for fields and places too
    moveToFront(fieldList, "computer science", "statistics", "mathematics", "electrical engineering");
    moveToFront(placeList, "united states", "remote", "california", "new york");
    head.addAll(rest);
    vocab = head.toArray(new String[0]);
    vocabKind = new Kind[vocab.length];
    Map<Kind, List<String>> kinds = new EnumMap<>(Kind.class);
    for (int i = 0; i < vocab.length; i++) {
      vocabKind[i] = taxonomy.concept(vocab[i]).orElseThrow().kind();
      kinds.computeIfAbsent(vocabKind[i], k -> new ArrayList<>()).add(vocab[i]);
    }
    vocabZipf = new Zipf(vocab.length, ZIPF_S);
    kinds.forEach((k, l) -> {
      byKind.put(k, l.toArray(new String[0]));
      byKindZipf.put(k, new Zipf(l.size(), ZIPF_S));
    });
    fields = fieldList.toArray(new String[0]);
    fieldZipf = new Zipf(fields.length, ZIPF_S);
    places = placeList.toArray(new String[0]);
    placeZipf = new Zipf(places.length, ZIPF_S);
  }

  /** A generator over a taxonomy with a seed. */
  public static SyntheticData of(Taxonomy taxonomy, long seed) {
    return new SyntheticData(requireNonNull(taxonomy, "taxonomy"), seed);
  }

  /** A generator over the bundled taxonomy with the default seed. */
  public static SyntheticData defaults() {
    return of(Taxonomy.defaults(), DEFAULT_SEED);
  }

  /** The taxonomy concepts are drawn from. */
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The concept-kind vocabulary, most popular first. */
  public List<String> vocabulary() {
    return List.of(vocab);
  }

  /** The id of role {@code i} ({@code role-0000042}): ids sort as their numbers. */
  public static String roleId(int i) {
    return String.format(Locale.ROOT, "role-%07d", i);
  }

  /** The id of profile {@code i} ({@code cand-0000042}). */
  public static String profileId(int i) {
    return String.format(Locale.ROOT, "cand-%07d", i);
  }

  private SplittableRandom random(int stream, int i) {
    long z = seed + 0x9E3779B97F4A7C15L * (((long) stream << 32) + i + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(z ^ (z >>> 31));
  }

  // ---------------------------------------------------------------------------------------------
  // Roles

  /** Role {@code i}; the same for the same seed and {@code i}, always. */
  public Role role(int i) {
    SplittableRandom rnd = random(1, i);
    int n = 10 + rnd.nextInt(21);
    List<Requirement> reqs = new ArrayList<>(n);
    if (rnd.nextDouble() < 0.85) {
      reqs.add(degreeClause(rnd));
    }
    if (rnd.nextDouble() < 0.70) {
      reqs.add(fieldClause(rnd));
    }
    if (rnd.nextDouble() < 0.60) {
      reqs.add(yearsClause(rnd));
    }
    if (rnd.nextDouble() < 0.10) {
      reqs.add(countClause(Kind.PUBLICATION, rnd));
    }
    if (rnd.nextDouble() < 0.10) {
      reqs.add(countClause(Kind.PRIOR_INTERNSHIP, rnd));
    }
    if (rnd.nextDouble() < 0.08) {
      reqs.add(locationClause(rnd));
    }
    while (reqs.size() < n) {
      reqs.add(conceptClause(rnd));
    }
    List<Requirement> withIds = new ArrayList<>(n);
    for (int j = 0; j < reqs.size(); j++) {
      withIds.add(reqs.get(j).withId(j < CLAUSE_IDS.length ? CLAUSE_IDS[j] : "r" + (j + 1)));
    }
    return Role.of(roleId(i), ROLE_WORDS[rnd.nextInt(ROLE_WORDS.length)] + " " + i, withIds);
  }

  private static Importance importance(SplittableRandom rnd, double required) {
    return rnd.nextDouble() < required ? Importance.REQUIRED : Importance.PREFERRED;
  }

  private Requirement degreeClause(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    DegreeLevel min = u < 0.5 ? DegreeLevel.BACHELOR : u < 0.8 ? DegreeLevel.MASTER
        : DegreeLevel.PHD;
    int top = min.rank() + rnd.nextInt(DegreeLevel.PHD.rank() - min.rank() + 1);
    List<String> levels = new ArrayList<>();
    for (DegreeLevel l : DegreeLevel.values()) {
      if (l.rank() >= min.rank() && l.rank() <= top) {
        levels.add(l.wireName());
      }
    }
    if (rnd.nextDouble() < 0.1) {
      levels.add("equivalent experience");
    }
    double s = rnd.nextDouble();
    DegreeStatus status = s < 0.6 ? DegreeStatus.COMPLETED : s < 0.85 ? DegreeStatus.IN_PROGRESS
        : DegreeStatus.EITHER;
    return new Requirement("r", Kind.DEGREE, importance(rnd, 0.8), levels, 1, min, status, 0,
        false, Evidence.NONE);
  }

  private Requirement fieldClause(SplittableRandom rnd) {
    int k = 1 + rnd.nextInt(4);
    List<String> fs = new ArrayList<>(k + 1);
    drawDistinct(fs, k, fields, fieldZipf, rnd);
    if (rnd.nextDouble() < 0.6) {
      fs.add("related field");
    }
    return Requirement.anyOf("r", Kind.FIELD_OF_STUDY, importance(rnd, 0.7), fs, Evidence.NONE);
  }

  private Requirement yearsClause(SplittableRandom rnd) {
    List<String> domain = rnd.nextDouble() < 0.5 ? List.of(vocab[vocabZipf.sample(rnd)])
        : List.of();
    return new Requirement("r", Kind.EXPERIENCE_YEARS, importance(rnd, 0.7), domain, 1, null,
        null, 1 + rnd.nextInt(8), false, Evidence.NONE);
  }

  private static Requirement countClause(Kind kind, SplittableRandom rnd) {
    return Requirement.anyOf("r", kind, importance(rnd, 0.4), List.of(), Evidence.NONE);
  }

  private Requirement locationClause(SplittableRandom rnd) {
    List<String> ps = new ArrayList<>(2);
    drawDistinct(ps, 1 + rnd.nextInt(2), places, placeZipf, rnd);
    return Requirement.anyOf("r", Kind.LOCATION, importance(rnd, 0.5), ps, Evidence.NONE);
  }

  /** Group size 1..6 with the weights of the class comment. */
  static int groupSize(SplittableRandom rnd) {
    int u = rnd.nextInt(100);
    for (int g = 0; g < GROUP_SIZE_WEIGHTS.length; g++) {
      u -= GROUP_SIZE_WEIGHTS[g];
      if (u < 0) {
        return g + 1;
      }
    }
    return GROUP_SIZE_WEIGHTS.length;
  }

  private Requirement conceptClause(SplittableRandom rnd) {
    int first = vocabZipf.sample(rnd);
    Kind kind = vocabKind[first];
    String[] pool = byKind.get(kind);
    int g = Math.min(groupSize(rnd), pool.length);
    List<String> group = new ArrayList<>(g);
    group.add(vocab[first]);
    drawDistinct(group, g, pool, byKindZipf.get(kind), rnd);
    int minCount = g >= 3 && rnd.nextDouble() < 0.1 ? 2 : 1;
    int minYears = rnd.nextDouble() < 0.05 ? 1 + rnd.nextInt(5) : 0;
    return new Requirement("r", kind, importance(rnd, 0.6), group, minCount, null, null,
        minYears, false, Evidence.NONE);
  }

  /** Adds distinct draws to {@code out} until it holds {@code size} items. */
  private static void drawDistinct(List<String> out, int size, String[] pool, Zipf zipf,
      SplittableRandom rnd) {
    int tries = 0;
    while (out.size() < size && tries++ < 64 * size) {
      String c = pool[zipf.sample(rnd)];
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    for (int j = 0; out.size() < size && j < pool.length; j++) {
      if (!out.contains(pool[j])) {
        out.add(pool[j]); // the tail is so thin that rejection gave up: take in rank order
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Profiles

  /** Profile {@code i}; the same for the same seed and {@code i}, always. */
  public CandidateProfile profile(int i) {
    SplittableRandom rnd = random(2, i);
    int m = 20 + rnd.nextInt(61);
    List<String> concepts = new ArrayList<>(m);
    drawDistinct(concepts, m, vocab, vocabZipf, rnd);
    List<Skill> skills = new ArrayList<>(m);
    for (String c : concepts) {
      Kind k = taxonomy.concept(c).orElseThrow().kind();
      double years = rnd.nextDouble() < 0.2 ? 1 + rnd.nextInt(8) : 0;
      skills.add(new Skill(c, k, years, Evidence.NONE));
    }
    double u = rnd.nextDouble();
    int nDeg = u < 0.1 ? 0 : u < 0.7 ? 1 : 2;
    List<Degree> degrees = new ArrayList<>(nDeg);
    for (int d = 0; d < nDeg; d++) {
      double l = rnd.nextDouble();
      DegreeLevel level = l < 0.45 ? DegreeLevel.BACHELOR : l < 0.8 ? DegreeLevel.MASTER
          : DegreeLevel.PHD;
      String field = rnd.nextDouble() < 0.9 ? fields[fieldZipf.sample(rnd)] : "";
      DegreeStatus st = rnd.nextDouble() < 0.75 ? DegreeStatus.COMPLETED
          : DegreeStatus.IN_PROGRESS;
      degrees.add(new Degree(level, field, st, OptionalInt.empty(), Evidence.NONE));
    }
    degrees.sort((a, b) -> Integer.compare(b.level().rank(), a.level().rank()));
    double yearsExp = rnd.nextInt(31) / 2.0;
    int internships = rnd.nextInt(4);
    int publications = rnd.nextDouble() < 0.3 ? 1 + rnd.nextInt(20) : 0;
    Optional<String> location = rnd.nextDouble() < 0.7
        ? Optional.of(places[placeZipf.sample(rnd)]) : Optional.empty();
    List<String> auth = rnd.nextDouble() < 0.4 ? List.of(places[placeZipf.sample(rnd)])
        : List.of();
    return new CandidateProfile(profileId(i), degrees, List.of(), yearsExp, internships,
        publications, List.of(), skills, location, auth);
  }

  // ---------------------------------------------------------------------------------------------
  // Text, for the keyword baseline

  /** The role as posting text: its title, then one sentence per requirement. */
  public static String postingText(Role role) {
    StringBuilder b = new StringBuilder(512).append(role.title()).append('\n');
    b.append("We are looking for a motivated person to join our team.\nRequirements:\n");
    for (Requirement r : role.requirements()) {
      if (r.importance() == Importance.REQUIRED) {
        sentence(b, r);
      }
    }
    b.append("Nice to have:\n");
    for (Requirement r : role.requirements()) {
      if (r.importance() == Importance.PREFERRED) {
        sentence(b, r);
      }
    }
    return b.toString();
  }

  private static void sentence(StringBuilder b, Requirement r) {
    b.append("- ");
    switch (r.kind()) {
      case DEGREE -> b.append(String.join(" or ", r.anyOf())).append(" degree");
      case FIELD_OF_STUDY -> b.append("degree in ").append(String.join(", ", r.anyOf()));
      case EXPERIENCE_YEARS -> {
        b.append(r.minYears()).append("+ years of experience");
        if (!r.anyOf().isEmpty()) {
          b.append(" in ").append(r.anyOf().get(0));
        }
      }
      case PUBLICATION -> b.append("publications at top venues");
      case PRIOR_INTERNSHIP -> b.append("a prior internship");
      case LOCATION -> b.append("based in ").append(String.join(" or ", r.anyOf()));
      default -> {
        b.append(r.minCount() > 1 ? r.minCount() + " or more of " : "experience with ");
        b.append(String.join(", ", r.anyOf()));
      }
    }
    b.append('\n');
  }

  /** The profile as resume text: skills, education, experience. */
  public static String resumeText(CandidateProfile p) {
    StringBuilder b = new StringBuilder(1024).append("Summary\nEngineer with ")
        .append(p.yearsExperience()).append(" years of experience.\nSkills\n");
    for (Skill s : p.skills()) {
      b.append(s.concept()).append(", ");
    }
    b.append("\nEducation\n");
    for (Degree d : p.degrees()) {
      b.append(d.level().wireName()).append(" in ").append(d.field()).append(", ")
          .append(d.status().wireName()).append('\n');
    }
    if (p.publications() > 0) {
      b.append("Publications: ").append(p.publications()).append('\n');
    }
    if (p.internships() > 0) {
      b.append("Internships: ").append(p.internships()).append('\n');
    }
    p.location().ifPresent(l -> b.append("Location: ").append(l).append('\n'));
    return b.toString();
  }

  private static <T> void shuffle(List<T> l, SplittableRandom rnd) {
    for (int i = l.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      T t = l.get(i);
      l.set(i, l.get(j));
      l.set(j, t);
    }
  }

  private static void moveToFront(List<String> l, String... first) {
    for (int i = first.length - 1; i >= 0; i--) {
      if (l.remove(first[i])) {
        l.add(0, first[i]);
      }
    }
  }
}
