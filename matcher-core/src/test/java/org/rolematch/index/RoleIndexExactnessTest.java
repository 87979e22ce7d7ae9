package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.EmploymentType;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.ClauseMatch;
import org.rolematch.score.Fixtures;
import org.rolematch.score.KnockoutMode;
import org.rolematch.score.MatchResult;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/** The fast roles-for-candidate path returns exactly what exhaustive scoring returns. */
class RoleIndexExactnessTest {

  static void assertSame(List<Reference.Hit> expected, List<MatchResult> actual, String what) {
    List<String> e = new ArrayList<>();
    for (Reference.Hit h : expected) {
      e.add(h.id() + "=" + h.score());
    }
    List<String> a = new ArrayList<>();
    for (MatchResult m : actual) {
      a.add(m.roleId() + "=" + m.score());
      double sum = 0;
      for (ClauseMatch c : m.clauses()) {
        sum += c.contribution();
      }
      assertEquals(m.score(), sum, 0.0, "contributions add up to the score of " + m.roleId());
    }
    assertEquals(e, a, what);
  }

  private static void run(Taxonomy t, ScoringPolicy policy, long seed, int nRoles, int nProfiles,
      int bufferedDocs) throws Exception {
    ClauseEvaluator eval = ClauseEvaluator.of(t, policy);
    Fixtures.RandomData data = new Fixtures.RandomData(t, seed);
    Map<String, Role> roles = new LinkedHashMap<>();
    for (int i = 0; i < nRoles; i++) {
      Role r = data.role(String.format(java.util.Locale.ROOT, "role-%05d", i));
      roles.put(r.id(), r);
    }
    try (RoleIndex index = RoleIndex.open(null, eval, bufferedDocs)) {
      List<Role> batch = new ArrayList<>();
      for (Role r : roles.values()) {
        batch.add(r);
        if (batch.size() == 97) {
          index.addAll(batch);
          batch.clear();
        }
      }
      index.addAll(batch);
      for (int q = 0; q < nProfiles; q++) {
        CandidateProfile p = data.profile("p" + q);
        int k = 1 + data.random().nextInt(q % 3 == 0 ? 60 : 20);
        Predicate<Role> filter = q % 5 == 0 ? r -> r.employmentType() == EmploymentType.INTERNSHIP
            : RoleIndex.ALL;
        assertSame(Reference.rankRoles(eval, roles, p, k, filter), index.rankRoles(p, k, filter),
            "seed " + seed + " profile " + q + " k " + k);
        if (q % 10 == 9) {
          // deletes and updates in between
          List<String> ids = new ArrayList<>(roles.keySet());
          for (int j = 0; j < 15; j++) {
            String id = ids.get(data.random().nextInt(ids.size()));
            if (roles.remove(id) != null) {
              assertTrue(index.delete(id));
            }
          }
          for (int j = 0; j < 15; j++) {
            String id = ids.get(data.random().nextInt(ids.size()));
            Role r = data.role(id);
            roles.put(id, r);
            index.add(r);
          }
        }
      }
    }
  }

  @Test
  void topKEqualsExhaustiveOnRandomRolesWithTheBundledTaxonomy() throws Exception {
    run(Fixtures.anyTaxonomy(), ScoringPolicy.defaults(), 42, 3000, 120, 0);
  }

  @Test
  void topKEqualsExhaustiveAcrossManySmallSegments() throws Exception {
    run(Fixtures.anyTaxonomy(), ScoringPolicy.defaults(), 7, 1500, 80, 50);
  }

  @Test
  void topKEqualsExhaustiveOnTheSmallTaxonomyUnderEveryKnockoutMode() throws Exception {
    for (KnockoutMode mode : KnockoutMode.values()) {
      run(Fixtures.smallTaxonomy(), ScoringPolicy.builder().knockoutMode(mode).build(),
          11 + mode.ordinal(), 1500, 60, 100);
    }
  }

  @Test
  void topKEqualsExhaustiveUnderAnUnusualPolicy() throws Exception {
    ScoringPolicy odd = ScoringPolicy.builder().siblingCredit(0.1).broaderCredit(0.9)
        .unknownCredit(0.9).preferredWeight(2).kindWeight(org.rolematch.model.Kind.TOOL, 0)
        .silentKinds(java.util.Set.of(org.rolematch.model.Kind.SOFT_SKILL,
            org.rolematch.model.Kind.TOOL))
        .knockoutMode(KnockoutMode.PENALISE).build();
    run(Fixtures.anyTaxonomy(), odd, 5, 1500, 60, 0);
  }
}
