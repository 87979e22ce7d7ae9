package org.rolematch.score;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Degree;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.EmploymentType;
import org.rolematch.model.Evidence;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Position;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.model.Skill;
import org.rolematch.taxonomy.Concept;
import org.rolematch.taxonomy.Taxonomy;

/** Test fixtures: small hand-made taxonomies, role and profile builders, seeded random data. */
public final class Fixtures {
  private Fixtures() {}

  /** A small taxonomy with families of languages, frameworks, fields and places. */
  public static Taxonomy smallTaxonomy() {
    List<Concept> c = new ArrayList<>();
    c.add(Concept.of("programming language", Kind.PROGRAMMING_LANGUAGE));
    for (String l : List.of("python", "java", "c++", "go", "scala")) {
      c.add(new Concept(l, Kind.PROGRAMMING_LANGUAGE, List.of(), List.of(), List.of(),
          List.of("programming language")));
    }
    c.add(Concept.of("deep learning framework", Kind.ML_FRAMEWORK));
    for (String l : List.of("pytorch", "tensorflow", "jax")) {
      c.add(new Concept(l, Kind.ML_FRAMEWORK, List.of(), List.of(), List.of(),
          List.of("deep learning framework")));
    }
    c.add(Concept.of("machine learning", Kind.RESEARCH_AREA));
    c.add(new Concept("recommender systems", Kind.RESEARCH_AREA, List.of(), List.of(), List.of(),
        List.of("machine learning")));
    c.add(new Concept("natural language processing", Kind.RESEARCH_AREA,
        List.of(Kind.FIELD_OF_STUDY), List.of("nlp"), List.of(), List.of("machine learning")));
    c.add(Concept.of("sql", Kind.DATA_TECHNOLOGY));
    c.add(Concept.of("communication", Kind.SOFT_SKILL));
    c.add(Concept.of("teamwork", Kind.SOFT_SKILL));
    c.add(Concept.of("quantitative field", Kind.FIELD_OF_STUDY));
    for (String f : List.of("computer science", "statistics", "mathematics")) {
      c.add(new Concept(f, Kind.FIELD_OF_STUDY, List.of(), List.of(), List.of(),
          List.of("quantitative field")));
    }
    c.add(Concept.of("marketing", Kind.FIELD_OF_STUDY));
    c.add(Concept.of("related field", Kind.FIELD_OF_STUDY));
    c.add(Concept.of("united states", Kind.LOCATION));
    c.add(new Concept("texas", Kind.LOCATION, List.of(), List.of(), List.of("TX"),
        List.of("united states")));
    c.add(new Concept("california", Kind.LOCATION, List.of(), List.of(), List.of("CA"),
        List.of("united states")));
    c.add(new Concept("austin, tx", Kind.LOCATION, List.of(), List.of("Austin"), List.of(),
        List.of("texas")));
    c.add(new Concept("san francisco, ca", Kind.LOCATION, List.of(), List.of("San Francisco"),
        List.of(), List.of("california")));
    c.add(new Concept("bay area", Kind.LOCATION, List.of(), List.of(), List.of(),
        List.of("california")));
    c.add(new Concept("palo alto, ca", Kind.LOCATION, List.of(), List.of("Palo Alto"), List.of(),
        List.of("bay area")));
    c.add(new Concept("san jose, ca", Kind.LOCATION, List.of(), List.of("San Jose"), List.of(),
        List.of("bay area")));
    c.add(Concept.of("canada", Kind.LOCATION));
    c.add(new Concept("toronto, on", Kind.LOCATION, List.of(), List.of("Toronto"), List.of(),
        List.of("canada")));
    c.add(Concept.of("work authorization", Kind.LOCATION));
    return Taxonomy.of(c);
  }

  /** The bundled taxonomy when present, else the small one. */
  public static Taxonomy anyTaxonomy() {
    try {
      return Taxonomy.defaults();
    } catch (RuntimeException e) {
      return smallTaxonomy();
    }
  }

  /** A requirement needing one of the concepts. */
  public static Requirement req(String id, Kind kind, Importance imp, String... anyOf) {
    return Requirement.anyOf(id, kind, imp, List.of(anyOf), Evidence.of(kind.wireName() + " "
        + String.join("/", anyOf)));
  }

  /** A degree requirement. */
  public static Requirement degreeReq(String id, DegreeLevel min, DegreeStatus status,
      String... levels) {
    return new Requirement(id, Kind.DEGREE, Importance.REQUIRED, List.of(levels), 1, min, status,
        0, false, Evidence.of("degree " + (min == null ? "any" : min.wireName())));
  }

  /** A years requirement. */
  public static Requirement yearsReq(String id, int years, String... domain) {
    return new Requirement(id, Kind.EXPERIENCE_YEARS, Importance.REQUIRED, List.of(domain), 1,
        null, null, years, false, Evidence.of(years + "+ years"));
  }

  /** A role with requirements. */
  public static Role role(String id, Requirement... reqs) {
    return Role.of(id, "Role " + id, List.of(reqs));
  }

  /** A profile builder. */
  public static ProfileBuilder profile(String id) {
    return new ProfileBuilder(id);
  }

  /** Builds profiles in tests. */
  public static final class ProfileBuilder {
    private final String id;
    private final List<Degree> degrees = new ArrayList<>();
    private final List<Skill> skills = new ArrayList<>();
    private final List<Position> positions = new ArrayList<>();
    private double years;
    private int internships;
    private int publications;
    private Optional<String> location = Optional.empty();
    private final List<String> auth = new ArrayList<>();

    ProfileBuilder(String id) {
      this.id = id;
    }

    public ProfileBuilder skill(String concept) {
      skills.add(new Skill(concept, Kind.SKILL, 0, Evidence.of("uses " + concept)));
      return this;
    }

    public ProfileBuilder skill(String concept, double yrs) {
      skills.add(new Skill(concept, Kind.SKILL, yrs, Evidence.of("uses " + concept)));
      return this;
    }

    public ProfileBuilder degree(DegreeLevel level, String field, DegreeStatus status) {
      degrees.add(new Degree(level, field, status, OptionalInt.empty(),
          Evidence.of(level.wireName() + " " + field)));
      return this;
    }

    /** An internship with this title; counts as one more internship. */
    public ProfileBuilder internship(String title) {
      positions.add(new Position(title, "Org", YearMonth.of(2023, 6),
          Optional.of(YearMonth.of(2023, 8)), Position.PositionType.INTERNSHIP,
          Evidence.of(title)));
      internships++;
      return this;
    }

    public ProfileBuilder years(double y) {
      years = y;
      return this;
    }

    public ProfileBuilder internships(int n) {
      internships = n;
      return this;
    }

    public ProfileBuilder publications(int n) {
      publications = n;
      return this;
    }

    public ProfileBuilder location(String l) {
      location = Optional.of(l);
      return this;
    }

    public ProfileBuilder authorizedIn(String place) {
      auth.add(place);
      return this;
    }

    public CandidateProfile build() {
      return new CandidateProfile(id, degrees, positions, years, internships, publications,
          List.of(), skills, location, auth);
    }
  }

  /** Seeded random roles and profiles drawn from a taxonomy, skewed towards early concepts. */
  public static final class RandomData {
    private final Random rnd;
    private final Map<Kind, List<String>> byKind = new EnumMap<>(Kind.class);
    private final List<String> all = new ArrayList<>();
    private final List<String> places = new ArrayList<>();

    private int minClauses = 1;
    private int clauseSpread = 20;
    private int minSkills = 0;
    private int skillSpread = 80;

    /** Sizes like the benchmark's: 10-30 clauses a role, 20-80 concepts a profile. */
    public RandomData benchmarkSizes() {
      minClauses = 10;
      clauseSpread = 21;
      minSkills = 20;
      skillSpread = 61;
      return this;
    }

    public RandomData(Taxonomy t, long seed) {
      rnd = new Random(seed);
      for (Concept c : t.concepts()) {
        byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c.id());
        if (c.kind() == Kind.LOCATION) {
          if (!c.id().equals("work authorization")) {
            places.add(c.id());
          }
        } else if (c.kind() != Kind.DEGREE) {
          all.add(c.id());
        }
      }
    }

    private String skewed(List<String> xs) {
      double r = rnd.nextDouble();
      return xs.get((int) (xs.size() * r * r * r));
    }

    private String concept(Kind k) {
      List<String> xs = byKind.get(k);
      if (xs == null || xs.isEmpty() || rnd.nextInt(8) == 0) {
        return rnd.nextInt(40) == 0 ? "unknown-concept-" + rnd.nextInt(3) : skewed(all);
      }
      return skewed(xs);
    }

    private static final Kind[] CONCEPT_KINDS = {Kind.PROGRAMMING_LANGUAGE, Kind.ML_FRAMEWORK,
        Kind.RESEARCH_AREA, Kind.DATA_TECHNOLOGY, Kind.TOOL, Kind.SKILL, Kind.SOFT_SKILL};

    /** {@code n} roles in turn, with ids formatted from {@code idFormat} and 0, 1, ... */
    public List<Role> roles(String idFormat, int n) {
      List<Role> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(role(String.format(java.util.Locale.ROOT, idFormat, i)));
      }
      return out;
    }

    public Role role(String id) {
      int n = minClauses == 1 ? 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 70 : 20)
          : minClauses + rnd.nextInt(clauseSpread);
      List<Requirement> reqs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        reqs.add(requirement("r" + (i + 1)));
      }
      EmploymentType type = EmploymentType.values()[rnd.nextInt(EmploymentType.values().length)];
      return new Role(id, "Role " + id, "", type, List.of(), Optional.empty(), reqs, "");
    }

    private Requirement requirement(String id) {
      Importance imp = rnd.nextInt(3) == 0 ? Importance.PREFERRED : Importance.REQUIRED;
      boolean hard = rnd.nextInt(25) == 0;
      Evidence ev = Evidence.of("text of " + id);
      int dice = rnd.nextInt(100);
      if (dice < 10) {
        DegreeLevel[] lv = {DegreeLevel.BACHELOR, DegreeLevel.MASTER, DegreeLevel.PHD};
        int lo = rnd.nextInt(3);
        List<String> any = new ArrayList<>();
        if (rnd.nextBoolean()) {
          for (int j = lo; j < 3 && (j == lo || rnd.nextBoolean()); j++) {
            any.add(lv[j].wireName());
          }
        }
        if (rnd.nextInt(5) == 0) {
          any.add("equivalent experience");
        }
        DegreeStatus st = rnd.nextInt(4) == 0 ? null
            : DegreeStatus.values()[rnd.nextInt(DegreeStatus.values().length)];
        return new Requirement(id, Kind.DEGREE, imp, any, 1, rnd.nextInt(6) == 0 ? null : lv[lo],
            st, 0, hard, ev);
      }
      if (dice < 18) {
        LinkedHashSet<String> any = new LinkedHashSet<>();
        int m = 1 + rnd.nextInt(4);
        for (int j = 0; j < m; j++) {
          any.add(concept(Kind.FIELD_OF_STUDY));
        }
        if (rnd.nextBoolean()) {
          any.add("related field");
        }
        return new Requirement(id, Kind.FIELD_OF_STUDY, imp, List.copyOf(any), 1, null, null, 0,
            hard, ev);
      }
      if (dice < 26) {
        List<String> dom = rnd.nextBoolean() ? List.of() : List.of(concept(Kind.RESEARCH_AREA));
        return new Requirement(id, Kind.EXPERIENCE_YEARS, imp, dom, 1, null, null,
            rnd.nextInt(rnd.nextInt(20) == 0 ? 90 : 12), hard, ev);
      }
      if (dice < 29) {
        return new Requirement(id, Kind.PUBLICATION, imp, List.of("publications"), 1, null, null,
            0, hard, ev);
      }
      if (dice < 32) {
        int form = rnd.nextInt(3);
        if (form == 2) {
          return new Requirement(id, Kind.CAREER_STAGE, Importance.REQUIRED,
              List.of("early career"), 1, null, null, 0, hard, ev);
        }
        List<String> any = form == 0 ? List.of("internship")
            : List.of("internship", concept(Kind.SKILL));
        return new Requirement(id, Kind.PRIOR_INTERNSHIP, imp, any, 1, null, null, 0, hard, ev);
      }
      if (dice < 37) {
        List<String> any = new ArrayList<>();
        int m = rnd.nextInt(3);
        for (int j = 0; j < m && !places.isEmpty(); j++) {
          any.add(skewed(places));
        }
        if (rnd.nextInt(3) == 0) {
          any.add("work authorization");
        }
        return new Requirement(id, Kind.LOCATION, imp, any, 1, null, null, 0, hard, ev);
      }
      Kind k = CONCEPT_KINDS[rnd.nextInt(CONCEPT_KINDS.length)];
      LinkedHashSet<String> any = new LinkedHashSet<>();
      int m = rnd.nextInt(30) == 0 ? 0 : 1 + rnd.nextInt(6);
      for (int j = 0; j < m; j++) {
        any.add(concept(k));
      }
      int minCount = rnd.nextInt(6) == 0 ? 2 + rnd.nextInt(2) : 1;
      int minYears = rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(6) : 0;
      return new Requirement(id, k, imp, List.copyOf(any), minCount, null, null, minYears, hard,
          ev);
    }

    public CandidateProfile profile(String id) {
      List<Skill> skills = new ArrayList<>();
      int n = minSkills + rnd.nextInt(skillSpread);
      for (int i = 0; i < n; i++) {
        Kind k = CONCEPT_KINDS[rnd.nextInt(CONCEPT_KINDS.length)];
        double y = rnd.nextInt(4) == 0 ? rnd.nextInt(8) + rnd.nextInt(2) * 0.5 : 0;
        skills.add(new Skill(concept(k), k, y, Evidence.of("skill " + i)));
      }
      List<Degree> degrees = new ArrayList<>();
      int nd = rnd.nextInt(3);
      for (int i = 0; i < nd; i++) {
        DegreeLevel level = DegreeLevel.values()[rnd.nextInt(DegreeLevel.values().length)];
        String field = rnd.nextInt(8) == 0 ? "" : rnd.nextInt(15) == 0 ? "basket weaving"
            : concept(Kind.FIELD_OF_STUDY);
        DegreeStatus st = rnd.nextBoolean() ? DegreeStatus.COMPLETED : DegreeStatus.IN_PROGRESS;
        degrees.add(new Degree(level, field, st, OptionalInt.empty(), Evidence.of("degree")));
      }
      Optional<String> loc = rnd.nextInt(3) == 0 || places.isEmpty() ? Optional.empty()
          : Optional.of(skewed(places));
      List<String> auth = rnd.nextInt(4) == 0 && !places.isEmpty() ? List.of(skewed(places))
          : List.of();
      double years = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(15) + rnd.nextInt(4) * 0.25;
      int internships = rnd.nextInt(3);
      List<Position> positions = new ArrayList<>();
      for (int i = 0; i < internships; i++) {
        // titles that name a field, name nothing, or are left out (internships only counted)
        int form = rnd.nextInt(3);
        if (form < 2) {
          String title = form == 0 ? concept(Kind.SKILL) + " Intern" : "Summer Intern";
          positions.add(new Position(title, "Org", YearMonth.of(2020, 6),
              Optional.of(YearMonth.of(2020, 8)), Position.PositionType.INTERNSHIP,
              Evidence.of(title)));
        }
      }
      return new CandidateProfile(id, degrees, positions, years, internships, rnd.nextInt(3),
          List.of(), skills, loc, auth);
    }

    public Random random() {
      return rnd;
    }
  }
}
