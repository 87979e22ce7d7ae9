package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.Fixtures;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

class RoleSegmentCacheTest {
  @Test
  void structuresAreBuiltOncePerSegmentNotPerSearch() throws Exception {
    Taxonomy t = Fixtures.anyTaxonomy();
    ClauseEvaluator eval = ClauseEvaluator.of(t, ScoringPolicy.defaults());
    Fixtures.RandomData data = new Fixtures.RandomData(t, 4);
    List<Role> roles = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      roles.add(data.role("r" + i));
    }
    try (RoleIndex index = RoleIndex.open(null, eval)) {
      index.addAll(roles);
      CandidateProfile p = data.profile("p");
      index.rankRoles(p, 5, RoleIndex.ALL);
      long before = RoleSegment.BUILDS.get();
      for (int i = 0; i < 10; i++) {
        index.rankRoles(p, 5, RoleIndex.ALL);
      }
      assertEquals(before, RoleSegment.BUILDS.get(), "no structure rebuilt by searches");
    }
  }
}
