package org.rolematch.hardening;

import java.util.ArrayList;
import java.util.Comparator;
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
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.model.Skill;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledProfile;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.KnockoutMode;
import org.rolematch.score.ScoreSheet;
import org.rolematch.taxonomy.Concept;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Seeded roles and profiles drawn from a taxonomy, each a pure function of its id (and version),
 * so that a child process and the test that checks it build the same records; and a brute-force
 * reference ranking.
 */
final class Generated {
  private static final Kind[] CONCEPT_KINDS = {Kind.PROGRAMMING_LANGUAGE, Kind.ML_FRAMEWORK,
      Kind.RESEARCH_AREA, Kind.DATA_TECHNOLOGY, Kind.TOOL, Kind.SKILL};

  private final long seed;
  private final Map<Kind, List<String>> byKind = new EnumMap<>(Kind.class);
  private final List<String> places = new ArrayList<>();

  Generated(Taxonomy t, long seed) {
    this.seed = seed;
    for (Concept c : t.concepts()) {
      byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c.id());
      if (c.kind() == Kind.LOCATION && !c.id().equals("work authorization")) {
        places.add(c.id());
      }
    }
  }

  private Random random(String id, int version) {
    return new Random(seed * 0x9E3779B97F4A7C15L ^ id.hashCode() * 31L ^ version * 1_000_003L);
  }

  private static String skewed(Random rnd, List<String> xs) {
    double r = rnd.nextDouble();
    return xs.get((int) (xs.size() * r * r));
  }

  /** Role {@code id} at {@code version}: 3-20 clauses of every kind. */
  Role role(String id, int version) {
    Random rnd = random(id, version);
    int n = 3 + rnd.nextInt(18);
    List<Requirement> reqs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      reqs.add(requirement(rnd, "r" + (i + 1)));
    }
    EmploymentType type = EmploymentType.values()[rnd.nextInt(EmploymentType.values().length)];
    return new Role(id, "Role " + id + " v" + version, "Org", type, List.of(), Optional.empty(),
        reqs, "source of " + id + " v" + version);
  }

  private Requirement requirement(Random rnd, String id) {
    Importance imp = rnd.nextInt(3) == 0 ? Importance.PREFERRED : Importance.REQUIRED;
    Evidence ev = Evidence.of("text of " + id);
    int dice = rnd.nextInt(100);
    if (dice < 12) {
      DegreeLevel[] lv = {DegreeLevel.BACHELOR, DegreeLevel.MASTER, DegreeLevel.PHD};
      DegreeLevel level = lv[rnd.nextInt(3)];
      return new Requirement(id, Kind.DEGREE, imp, List.of(level.wireName()), 1, level,
          rnd.nextBoolean() ? DegreeStatus.COMPLETED : DegreeStatus.IN_PROGRESS, 0, false, ev);
    }
    if (dice < 20) {
      LinkedHashSet<String> any = new LinkedHashSet<>();
      for (int j = 0; j < 1 + rnd.nextInt(3); j++) {
        any.add(skewed(rnd, byKind.get(Kind.FIELD_OF_STUDY)));
      }
      return new Requirement(id, Kind.FIELD_OF_STUDY, imp, List.copyOf(any), 1, null, null, 0,
          false, ev);
    }
    if (dice < 28) {
      return new Requirement(id, Kind.EXPERIENCE_YEARS, imp, List.of(), 1, null, null,
          1 + rnd.nextInt(10), false, ev);
    }
    if (dice < 32) {
      return new Requirement(id, Kind.LOCATION, imp, List.of(skewed(rnd, places)), 1, null, null,
          0, false, ev);
    }
    Kind k = CONCEPT_KINDS[rnd.nextInt(CONCEPT_KINDS.length)];
    LinkedHashSet<String> any = new LinkedHashSet<>();
    for (int j = 0; j < 1 + rnd.nextInt(5); j++) {
      any.add(skewed(rnd, byKind.get(k)));
    }
    return new Requirement(id, k, imp, List.copyOf(any), 1, null, null,
        rnd.nextInt(8) == 0 ? 1 + rnd.nextInt(5) : 0, false, ev);
  }

  /** Profile {@code id}: 10-60 skills, up to two degrees, some years, maybe a place. */
  CandidateProfile profile(String id) {
    Random rnd = random(id, -1);
    List<Skill> skills = new ArrayList<>();
    int n = 10 + rnd.nextInt(51);
    for (int i = 0; i < n; i++) {
      Kind k = CONCEPT_KINDS[rnd.nextInt(CONCEPT_KINDS.length)];
      skills.add(new Skill(skewed(rnd, byKind.get(k)), k,
          rnd.nextInt(4) == 0 ? rnd.nextInt(8) : 0, Evidence.of("skill " + i)));
    }
    List<Degree> degrees = new ArrayList<>();
    for (int i = rnd.nextInt(3); i > 0; i--) {
      DegreeLevel level = DegreeLevel.values()[rnd.nextInt(DegreeLevel.values().length)];
      degrees.add(new Degree(level, skewed(rnd, byKind.get(Kind.FIELD_OF_STUDY)),
          rnd.nextBoolean() ? DegreeStatus.COMPLETED : DegreeStatus.IN_PROGRESS,
          OptionalInt.empty(), Evidence.of("degree")));
    }
    Optional<String> loc = rnd.nextBoolean() ? Optional.of(skewed(rnd, places)) : Optional.empty();
    return new CandidateProfile(id, degrees, List.of(), rnd.nextInt(15), rnd.nextInt(2),
        rnd.nextInt(3), List.of(), skills, loc, List.of());
  }

  /** A hit of a ranking: the id and the exact score. */
  record Hit(String id, double score) {}

  static final Comparator<Hit> ORDER =
      Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::id);

  /** Roles compiled once, for brute-force reference rankings. */
  static final class Compiled {
    final List<String> ids = new ArrayList<>();
    final List<CompiledRole> roles = new ArrayList<>();

    Compiled(ClauseEvaluator eval, Iterable<Role> rs) {
      for (Role r : rs) {
        ids.add(r.id());
        roles.add(CompiledRole.compile(r, eval.graph()));
      }
    }

    /** The exact top k for a profile: score every role, as the design's rule 1 says. */
    List<Hit> top(ClauseEvaluator eval, CandidateProfile p, int k) {
      CompiledProfile cp = CompiledProfile.compile(p, eval.graph());
      ScoreSheet sheet = new ScoreSheet();
      List<Hit> all = new ArrayList<>(roles.size());
      boolean filter = eval.policy().knockoutMode() == KnockoutMode.FILTER;
      for (int i = 0; i < roles.size(); i++) {
        double s = eval.score(roles.get(i), cp, sheet);
        if (filter && !sheet.eligible()) {
          continue;
        }
        all.add(new Hit(ids.get(i), s));
      }
      all.sort(ORDER);
      return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }
  }

  static List<Hit> hits(List<org.rolematch.score.MatchResult> results) {
    List<Hit> out = new ArrayList<>(results.size());
    for (org.rolematch.score.MatchResult m : results) {
      out.add(new Hit(m.roleId(), m.score()));
    }
    return out;
  }
}
