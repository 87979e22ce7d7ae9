package org.rolematch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.Fixtures;
import org.rolematch.score.MatchResult;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Explaining a pair by ids reads both records from the indexes' doc values (the role without its
 * source text): the explanation must equal the one built from the records themselves, to the
 * last reason and evidence span; unknown ids are refused by name.
 */
class ExplainByIdTest {

  @Test
  void explainingByIdEqualsExplainingTheRecords() throws Exception {
    Taxonomy t = Fixtures.anyTaxonomy();
    Fixtures.RandomData data = new Fixtures.RandomData(t, 21).benchmarkSizes();
    List<Role> roles = new ArrayList<>();
    List<CandidateProfile> profiles = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      roles.add(data.role("role-" + i));
      profiles.add(data.profile("cand-" + i));
    }
    try (Matcher m = Matcher.builder().taxonomy(t).inMemory().build()) {
      m.addRoles(roles);
      m.addCandidates(profiles);
      int withEvidence = 0;
      for (int i = 0; i < roles.size(); i++) {
        for (int j = i % 5; j < profiles.size(); j += 5) {
          MatchResult byRecords = m.explain(roles.get(i), profiles.get(j));
          MatchResult byId = m.explain(roles.get(i).id(), profiles.get(j).id());
          assertEquals(byRecords, byId, roles.get(i).id() + " / " + profiles.get(j).id());
          withEvidence += byId.clauses().stream().anyMatch(c -> !c.evidence().isEmpty()) ? 1 : 0;
        }
      }
      assertTrue(withEvidence > 0, "some explanations cite the candidate's evidence");
      assertThrows(IllegalArgumentException.class, () -> m.explain("no-such-role", "cand-0"));
      assertThrows(IllegalArgumentException.class, () -> m.explain("role-0", "no-such-cand"));
    }
  }
}
