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
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.Fixtures;
import org.rolematch.score.KnockoutMode;
import org.rolematch.score.MatchResult;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/** The Lucene candidates-for-role path returns exactly what exhaustive scoring returns. */
class CandidateIndexExactnessTest {

  static void assertSame(List<Reference.Hit> expected, List<MatchResult> actual, String what) {
    List<String> e = new ArrayList<>();
    for (Reference.Hit h : expected) {
      e.add(h.id() + "=" + h.score());
    }
    List<String> a = new ArrayList<>();
    for (MatchResult m : actual) {
      a.add(m.candidateId() + "=" + m.score());
      assertEquals(m.score(), m.contributionSum(), 0.0, "contributions add up");
    }
    assertEquals(e, a, what);
  }

  private static void run(Taxonomy t, ScoringPolicy policy, long seed, int nProfiles, int nRoles,
      int bufferedDocs) throws Exception {
    ClauseEvaluator eval = ClauseEvaluator.of(t, policy);
    Fixtures.RandomData data = new Fixtures.RandomData(t, seed);
    Map<String, CandidateProfile> profiles = new LinkedHashMap<>();
    for (int i = 0; i < nProfiles; i++) {
      CandidateProfile p = data.profile(String.format(java.util.Locale.ROOT, "cand-%05d", i));
      profiles.put(p.id(), p);
    }
    try (CandidateIndex index = CandidateIndex.open(null, eval, bufferedDocs)) {
      index.addAll(profiles.values());
      for (int q = 0; q < nRoles; q++) {
        Role r = data.role("role" + q);
        int k = 1 + data.random().nextInt(q % 3 == 0 ? 60 : 20);
        Predicate<CandidateProfile> filter = q % 5 == 0 ? p -> p.internships() > 0
            : CandidateIndex.ALL;
        List<MatchResult> got = index.rankCandidates(r, k, filter);
        assertSame(Reference.rankCandidates(eval, r, profiles, k, filter), got,
            "seed " + seed + " role " + q + " k " + k);
        // the explanations too: evidence and reasons as scoring the records gives them
        org.rolematch.score.Scorer scorer = org.rolematch.score.Scorer.of(eval);
        for (MatchResult m : got) {
          assertEquals(scorer.score(r, profiles.get(m.candidateId())), m,
              "explanation of " + m.candidateId());
        }
        if (q % 10 == 9) {
          List<String> ids = new ArrayList<>(profiles.keySet());
          for (int j = 0; j < 10; j++) {
            String id = ids.get(data.random().nextInt(ids.size()));
            if (profiles.remove(id) != null) {
              assertTrue(index.delete(id));
            }
          }
          for (int j = 0; j < 10; j++) {
            String id = ids.get(data.random().nextInt(ids.size()));
            CandidateProfile p = data.profile(id);
            profiles.put(id, p);
            index.add(p);
          }
        }
      }
    }
  }

  @Test
  void topKEqualsExhaustiveOnRandomProfiles() throws Exception {
    run(Fixtures.anyTaxonomy(), ScoringPolicy.defaults(), 3, 3000, 120, 0);
  }

  @Test
  void topKEqualsExhaustiveAcrossManySmallSegments() throws Exception {
    run(Fixtures.anyTaxonomy(), ScoringPolicy.defaults(), 8, 1500, 60, 40);
  }

  @Test
  void topKEqualsExhaustiveOnTheSmallTaxonomyUnderEveryKnockoutMode() throws Exception {
    for (KnockoutMode mode : KnockoutMode.values()) {
      run(Fixtures.smallTaxonomy(), ScoringPolicy.builder().knockoutMode(mode).build(),
          21 + mode.ordinal(), 1000, 50, 100);
    }
  }

  @Test
  void topKEqualsExhaustiveUnderAnUnusualPolicy() throws Exception {
    ScoringPolicy odd = ScoringPolicy.builder().siblingCredit(0.1).broaderCredit(0.9)
        .unknownCredit(1.0).preferredWeight(2).kindWeight(org.rolematch.model.Kind.TOOL, 0)
        .knockoutMode(KnockoutMode.PENALISE).build();
    run(Fixtures.anyTaxonomy(), odd, 6, 1500, 60, 0);
  }

  @Test
  void everyProfileRanksWhenKCoversTheIndex() throws Exception {
    // k as large as the index: every level of the loss counters is taken, and the profiles
    // beyond the counters' range too (their bound is far below the best score)
    Taxonomy t = Fixtures.anyTaxonomy();
    ClauseEvaluator eval = ClauseEvaluator.of(t, ScoringPolicy.defaults());
    Fixtures.RandomData data = new Fixtures.RandomData(t, 77);
    Map<String, CandidateProfile> profiles = new LinkedHashMap<>();
    for (int i = 0; i < 400; i++) {
      CandidateProfile p = data.profile(String.format(java.util.Locale.ROOT, "cand-%04d", i));
      profiles.put(p.id(), p);
    }
    long before = CandidateSearch.BEYOND_RANGE.sum();
    try (CandidateIndex index = CandidateIndex.open(null, eval, 50)) {
      index.addAll(profiles.values());
      for (int q = 0; q < 15; q++) {
        Role r = data.role("role" + q);
        List<MatchResult> all = index.rankCandidates(r, 1000, CandidateIndex.ALL);
        assertSame(Reference.rankCandidates(eval, r, profiles, 1000, CandidateIndex.ALL), all,
            "role " + q);
      }
    }
    assertTrue(CandidateSearch.BEYOND_RANGE.sum() > before, "profiles beyond the range taken");
  }

  @Test
  void yearsWithADomainStayExactWhateverTheDomainFactor() throws Exception {
    // the bound of an experience clause scales by the domain factor unless the profile holds
    // the domain; 0 makes that clause's domain a loss as large as its weight
    for (double f : new double[] {0, 0.3, 1}) {
      run(Fixtures.anyTaxonomy(), ScoringPolicy.builder().domainMissingFactor(f).build(),
          90 + (long) (f * 10), 1500, 40, 0);
    }
  }

  @Test
  void frequentTermsReadAsBitSetsStayExact() throws Exception {
    // the small taxonomy makes concepts (with their ancestors), field states and flags held by
    // most profiles: their postings are decoded as bit sets, over many segments with deletes
    long before = CandidateBounds.DENSE.sum();
    run(Fixtures.smallTaxonomy(), ScoringPolicy.defaults(), 41, 2500, 80, 300);
    run(Fixtures.smallTaxonomy(), ScoringPolicy.builder().unknownCredit(0.9).siblingCredit(0.7)
        .knockoutMode(KnockoutMode.FILTER).build(), 42, 1500, 60, 0);
    assertTrue(CandidateBounds.DENSE.sum() > before, "bit set path taken");
  }
}
