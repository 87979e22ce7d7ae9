package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Evidence;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.model.Skill;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.Fixtures;
import org.rolematch.score.KnockoutMode;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/**
 * The guard clauses of {@link RoleSegment} (a role whose heavy rare clauses the profile does not
 * touch is bounded without being visited) and the static bound of partial credit keep the top k
 * equal to exhaustive scoring: for profiles that hold every popular concept, some of them and
 * none, with deletes, updates and many segments; and the guards do prune.
 */
class GuardExactnessTest {

  /**
   * Runs the check; returns how many segments searches took partly touched roles of at once, and
   * in how many passes.
   */
  private static int[] run(ScoringPolicy policy, long seed, int bufferedDocs) throws Exception {
    Taxonomy t = Fixtures.anyTaxonomy();
    ClauseEvaluator eval = ClauseEvaluator.of(t, policy);
    Fixtures.RandomData data = new Fixtures.RandomData(t, seed).benchmarkSizes();
    Random rnd = new Random(seed);
    // eight popular concepts, taken from generated roles
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; seen.size() < 8; i++) {
      for (Requirement q : data.role("probe" + i).requirements()) {
        if (q.kind().isConceptKind() && !q.anyOf().isEmpty()) {
          seen.add(q.anyOf().get(0));
        }
      }
    }
    List<String> popular = new ArrayList<>(seen).subList(0, 8);
    Map<String, Role> roles = new LinkedHashMap<>();
    for (int i = 0; i < 1200; i++) {
      Role r = withPopular(data.role(String.format(java.util.Locale.ROOT, "role-%05d", i)),
          popular, rnd);
      roles.put(r.id(), r);
    }
    long visited = 0;
    long live = 0;
    int bulk = 0;
    int passes = 0;
    try (RoleIndex index = RoleIndex.open(null, eval, bufferedDocs)) {
      List<Role> batch = new ArrayList<>();
      for (Role r : roles.values()) {
        batch.add(r);
        if (batch.size() == 211) {
          index.addAll(batch);
          batch.clear();
        }
      }
      index.addAll(batch);
      for (int q = 0; q < 60; q++) {
        CandidateProfile base = data.profile("p" + q);
        // q % 3: every popular concept, the first five, none added
        int add = q % 3 == 0 ? 8 : q % 3 == 1 ? 5 : 0;
        List<Skill> skills = new ArrayList<>(base.skills());
        for (int j = 0; j < add; j++) {
          skills.add(new Skill(popular.get(j), Kind.SKILL, rnd.nextInt(6),
              Evidence.of("uses " + popular.get(j))));
        }
        CandidateProfile p = new CandidateProfile(base.id(), base.degrees(), base.positions(),
            base.yearsExperience(), base.internships(), base.publications(),
            base.publicationVenues(), skills, base.location(), base.workAuthorizations());
        int k = 1 + rnd.nextInt(q % 2 == 0 ? 40 : 10);
        try (RoleIndex.Snapshot snap = index.snapshot()) {
          RoleIndexExactnessTest.assertSame(Reference.rankRoles(eval, roles, p, k, RoleIndex.ALL),
              snap.rankRoles(p, k, RoleIndex.ALL), "seed " + seed + " profile " + q + " k " + k);
          visited += snap.lastForwardBounds;
          bulk += snap.lastBulkSegments;
          passes += snap.lastBulkPasses;
          live += roles.size();
        }
        if (q % 10 == 9) {
          List<String> ids = new ArrayList<>(roles.keySet());
          for (int j = 0; j < 20; j++) {
            String id = ids.get(rnd.nextInt(ids.size()));
            if (roles.remove(id) != null) {
              assertTrue(index.delete(id));
            }
          }
          for (int j = 0; j < 20; j++) {
            String id = ids.get(rnd.nextInt(ids.size()));
            Role r = withPopular(data.role(id), popular, rnd);
            roles.put(id, r);
            index.add(r);
          }
        }
      }
    }
    assertTrue(visited <= live, "bounded at most every live role once: " + visited + " of "
        + live);
    return new int[] {bulk, passes};
  }

  /** The role with, most of the time, requirements naming popular concepts. */
  private static Role withPopular(Role r, List<String> popular, Random rnd) {
    List<Requirement> reqs = new ArrayList<>(r.requirements());
    for (int j = 0; j < popular.size(); j++) {
      if (rnd.nextDouble() < 0.7) {
        List<String> anyOf = rnd.nextBoolean() ? List.of(popular.get(j))
            : List.of(popular.get(j), popular.get((j + 3) % popular.size()));
        Importance imp = rnd.nextBoolean() ? Importance.REQUIRED : Importance.PREFERRED;
        reqs.add(Requirement.anyOf("pop" + j, Kind.SKILL, imp, anyOf,
            Evidence.of("skill " + String.join("/", anyOf))));
      }
    }
    return r.withRequirements(reqs);
  }

  @Test
  void topKEqualsExhaustiveWithPopularConcepts() throws Exception {
    // profiles without the popular concepts score low: their searches take the partly touched
    // roles of segments at once (RoleIndex's bulk path), in bands of their quick bounds when
    // the threshold is still far below, and still rank exactly
    assertBulkInPasses(run(ScoringPolicy.defaults(), 3, 0));
  }

  @Test
  void topKEqualsExhaustiveWithPopularConceptsInManySegments() throws Exception {
    assertBulkInPasses(run(ScoringPolicy.defaults(), 8, 150));
  }

  private static void assertBulkInPasses(int[] bulk) {
    assertTrue(bulk[0] > 0, "some roles were taken at once");
    assertTrue(bulk[1] > bulk[0], "some bulk takes needed a second band: " + bulk[1]
        + " passes over " + bulk[0] + " segments");
  }

  @Test
  void topKEqualsExhaustiveWithPopularConceptsUnderAnUnusualPolicy() throws Exception {
    ScoringPolicy odd = ScoringPolicy.builder().siblingCredit(0.1).broaderCredit(0.9)
        .unknownCredit(0.9).preferredWeight(2).kindWeight(Kind.TOOL, 0)
        .silentKinds(Set.of(Kind.SOFT_SKILL, Kind.SKILL))
        .knockoutMode(KnockoutMode.PENALISE).build();
    run(odd, 4, 0);
  }

  @Test
  void rolesMissingTheirRareRequirementAreNotVisited() throws Exception {
    Taxonomy t = Taxonomy.defaults();
    ClauseEvaluator eval = ClauseEvaluator.of(t, ScoringPolicy.defaults());
    List<String> tools = new ArrayList<>(new java.util.TreeSet<>(t.idsOfKind(Kind.TOOL)))
        .subList(0, 40);
    Map<String, Role> roles = new LinkedHashMap<>();
    for (int i = 0; i < 2000; i++) {
      String id = String.format(java.util.Locale.ROOT, "role-%05d", i);
      roles.put(id, Fixtures.role(id,
          Fixtures.req("tool", Kind.TOOL, Importance.REQUIRED, tools.get(i % tools.size())),
          Fixtures.req("lang", Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED, "python")));
    }
    CandidateProfile p = Fixtures.profile("cand").skill(tools.get(0)).skill("python").build();
    // 50 roles name that tool and score 100; the other 1,950 miss their rarest clause, so their
    // bound stays below 100 and no entry of theirs is read
    assertExactAndFewBounded(eval, roles, p, 200, "roles for a holder of one rare tool");
  }

  /**
   * The top 10 of {@code roles} for {@code p} equals exhaustive scoring, and at most {@code
   * limit} roles were bounded from their forward entries.
   */
  private static void assertExactAndFewBounded(ClauseEvaluator eval, Map<String, Role> roles,
      CandidateProfile p, int limit, String what) throws Exception {
    try (RoleIndex index = RoleIndex.open(null, eval, 300)) {
      index.addAll(roles.values());
      try (RoleIndex.Snapshot snap = index.snapshot()) {
        RoleIndexExactnessTest.assertSame(Reference.rankRoles(eval, roles, p, 10, RoleIndex.ALL),
            snap.rankRoles(p, 10, RoleIndex.ALL), what);
        assertTrue(snap.lastForwardBounds <= limit, what + ": roles bounded from their entries: "
            + snap.lastForwardBounds + " of " + roles.size());
      }
    }
  }

  @Test
  void aProfileNamingAnUnknownConceptNoLiveRoleHasStillRanks() throws Exception {
    Taxonomy t = Fixtures.anyTaxonomy();
    ClauseEvaluator eval = ClauseEvaluator.of(t, ScoringPolicy.defaults());
    Role gone = Fixtures.role("gone",
        Fixtures.req("own", Kind.SKILL, Importance.REQUIRED, "in-house-framework-x"));
    Role kept = Fixtures.role("kept",
        Fixtures.req("lang", Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED, "python"));
    CandidateProfile p = Fixtures.profile("cand").skill("in-house-framework-x").skill("python")
        .build();
    try (RoleIndex index = RoleIndex.open(null, eval)) {
      index.add(gone);
      index.rankRoles(p, 5, RoleIndex.ALL); // the unknown id gets a key
      assertTrue(index.delete("gone"));
      index.add(kept); // the segment of "gone" is dropped: no live segment has that key
      Map<String, Role> roles = Map.of("kept", kept);
      RoleIndexExactnessTest.assertSame(Reference.rankRoles(eval, roles, p, 5, RoleIndex.ALL),
          index.rankRoles(p, 5, RoleIndex.ALL), "after the only role naming it is gone");
      try (RoleIndex.Snapshot snap = index.snapshot()) { // fresh working arrays, sized anew
        assertEquals(1, snap.bounds(p).length);
      }
    }
  }

  @Test
  void aTaxonomyTooLargeForTheKeyLayoutIsRefusedByName() {
    List<org.rolematch.taxonomy.Concept> concepts = new ArrayList<>();
    for (int i = 0; i <= RoleSegment.MAX_CONCEPTS; i++) {
      concepts.add(org.rolematch.taxonomy.Concept.of("c" + i, Kind.SKILL));
    }
    ClauseEvaluator eval = ClauseEvaluator.of(Taxonomy.of(concepts), ScoringPolicy.defaults());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> RoleIndex.open(null, eval));
    assertTrue(e.getMessage().contains((RoleSegment.MAX_CONCEPTS + 1) + " concepts"),
        e.getMessage());
  }

  @Test
  void everyRoleIsReturnedWhenKExceedsTheIndex() throws Exception {
    Taxonomy t = Fixtures.anyTaxonomy();
    ClauseEvaluator eval = ClauseEvaluator.of(t, ScoringPolicy.defaults());
    Fixtures.RandomData data = new Fixtures.RandomData(t, 11).benchmarkSizes();
    Map<String, Role> roles = new LinkedHashMap<>();
    for (int i = 0; i < 300; i++) {
      Role r = data.role(String.format(java.util.Locale.ROOT, "role-%04d", i));
      roles.put(r.id(), r);
    }
    try (RoleIndex index = RoleIndex.open(null, eval, 64)) {
      index.addAll(roles.values());
      for (int i = 0; i < 300; i += 7) {
        assertTrue(index.delete(String.format(java.util.Locale.ROOT, "role-%04d", i)));
        roles.remove(String.format(java.util.Locale.ROOT, "role-%04d", i));
      }
      for (int q = 0; q < 5; q++) {
        CandidateProfile p = data.profile("p" + q);
        RoleIndexExactnessTest.assertSame(Reference.rankRoles(eval, roles, p, 400, RoleIndex.ALL),
            index.rankRoles(p, 400, RoleIndex.ALL), "k above the index size, profile " + q);
      }
    }
  }
  @Test
  void rolesAskingForAHigherDegreeAreNotVisited() throws Exception {
    Taxonomy t = Taxonomy.defaults();
    ClauseEvaluator eval = ClauseEvaluator.of(t, ScoringPolicy.defaults());
    Map<String, Role> roles = new LinkedHashMap<>();
    for (int i = 0; i < 2000; i++) {
      String id = String.format(java.util.Locale.ROOT, "role-%05d", i);
      Requirement lang = Fixtures.req("lang", Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED,
          "python");
      // 1,950 roles ask for a PhD; 50 ask for a bachelor's
      DegreeLevel min = i % 40 == 0 ? DegreeLevel.BACHELOR : DegreeLevel.PHD;
      roles.put(id, Fixtures.role(id, lang,
          Fixtures.degreeReq("deg", min, DegreeStatus.COMPLETED)));
    }
    CandidateProfile p = Fixtures.profile("cand").skill("python")
        .degree(DegreeLevel.BACHELOR, "statistics", DegreeStatus.COMPLETED).build();
    // the 50 bachelor's roles score 100; the guard bound of a PhD role counts its degree clause
    // at the bachelor's credit, below 100, so none of its entries is read
    assertExactAndFewBounded(eval, roles, p, 100, "roles for a bachelor");
  }

  @Test
  void theGuardBoundIsAtLeastTheTightBoundAndTheScore() throws Exception {
    Taxonomy t = Fixtures.anyTaxonomy();
    ClauseEvaluator eval = ClauseEvaluator.of(t, ScoringPolicy.defaults());
    Fixtures.RandomData data = new Fixtures.RandomData(t, 5).benchmarkSizes();
    List<Role> rs = data.roles("role-%04d", 600);
    org.rolematch.score.ScoreSheet sheet = new org.rolematch.score.ScoreSheet();
    int belowFull = 0;
    try (RoleIndex index = RoleIndex.open(null, eval)) {
      index.addAll(rs);
      try (RoleIndex.Snapshot snap = index.snapshot()) {
        var leaves = snap.searcher.getIndexReader().leaves();
        assertEquals(1, leaves.size());
        RoleSegment.UnknownKeys unknown =
            new RoleSegment.UnknownKeys(new RoleSegment.Keys(eval.graph().size()));
        RoleSegment seg = RoleSegment.build(leaves.get(0).reader(), eval, unknown);
        for (int q = 0; q < 20; q++) {
          CandidateProfile p = data.profile("p" + q);
          org.rolematch.score.CompiledProfile cp =
              org.rolematch.score.CompiledProfile.compile(p, eval.graph());
          float[] tight = snap.bounds(p);
          ProfileKeys keys = ProfileKeys.of(cp, eval, seg.keys, unknown,
              new RoleIndex.Scratch(), new RoleSegment[] {seg});
          for (int d = 0; d < rs.size(); d++) {
            // every guard taken as touched: the bound then rests on the degree clause alone
            float g = seg.guardBound(d, seg.guardMask[d], keys.credit, keys.classWeight,
                keys.classFloor);
            double exact = eval.score(
                org.rolematch.score.CompiledRole.compile(rs.get(d), eval.graph()), cp, sheet);
            assertTrue(g >= tight[d] && tight[d] >= exact, "role " + d + " profile " + q
                + ": guard bound " + g + ", tight " + tight[d] + ", score " + exact);
            if (g < RoleSegment.margin(seg.full[d], seg.scale[d])) {
              belowFull++;
            }
          }
          keys.reset();
        }
      }
    }
    assertTrue(belowFull > 0, "some degree clause lowered a guard bound");
  }
}
