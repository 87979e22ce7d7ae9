package org.rolematch.index;

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
 * The heavy-key levels of {@link RoleSegment} (the credit-1 contribution of the few concepts in
 * most roles, precomputed per role) and the static bound of partial credit keep the top k equal
 * to exhaustive scoring: for profiles that hold every heavy concept (a level is used), some of
 * them (a lower level or none) and none, with deletes, updates and many segments.
 */
class HeavyKeyExactnessTest {

  private static void run(ScoringPolicy policy, long seed, int bufferedDocs) throws Exception {
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
    long levelled = ProfileKeys.LEVELLED.sum();
    long unlevelled = ProfileKeys.UNLEVELLED.sum();
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
        RoleIndexExactnessTest.assertSame(Reference.rankRoles(eval, roles, p, k, RoleIndex.ALL),
            index.rankRoles(p, k, RoleIndex.ALL), "seed " + seed + " profile " + q + " k " + k);
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
    assertTrue(ProfileKeys.LEVELLED.sum() > levelled, "some segments searched from a level");
    assertTrue(ProfileKeys.UNLEVELLED.sum() > unlevelled, "some searched without a level");
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
  void topKEqualsExhaustiveWithHeavyConcepts() throws Exception {
    run(ScoringPolicy.defaults(), 3, 0);
  }

  @Test
  void topKEqualsExhaustiveWithHeavyConceptsInManySegments() throws Exception {
    run(ScoringPolicy.defaults(), 8, 150);
  }

  @Test
  void topKEqualsExhaustiveWithHeavyConceptsUnderAnUnusualPolicy() throws Exception {
    ScoringPolicy odd = ScoringPolicy.builder().siblingCredit(0.1).broaderCredit(0.9)
        .unknownCredit(0.9).preferredWeight(2).kindWeight(Kind.TOOL, 0)
        .silentKinds(Set.of(Kind.SOFT_SKILL, Kind.SKILL))
        .knockoutMode(KnockoutMode.PENALISE).build();
    run(odd, 4, 0);
  }
}
