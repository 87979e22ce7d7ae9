package org.rolematch.bench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.model.Skill;
import org.rolematch.taxonomy.Taxonomy;

class SyntheticDataTest {
  private static final int N = 4000;
  private final SyntheticData data = SyntheticData.defaults();

  @Test
  void sameSeedGivesSameItemsInAnyOrder() {
    SyntheticData again = SyntheticData.of(Taxonomy.defaults(), SyntheticData.DEFAULT_SEED);
    for (int i = 999; i >= 0; i -= 7) {
      assertEquals(data.role(i), again.role(i));
      assertEquals(data.profile(i), again.profile(i));
    }
    assertEquals(data.vocabulary(), again.vocabulary());
  }

  @Test
  void anotherSeedGivesOtherItems() {
    SyntheticData other = SyntheticData.of(Taxonomy.defaults(), 42);
    int same = 0;
    for (int i = 0; i < 100; i++) {
      if (data.role(i).requirements().equals(other.role(i).requirements())) {
        same++;
      }
    }
    assertEquals(0, same);
    assertNotEquals(data.vocabulary(), other.vocabulary());
  }

  @Test
  void rolesHaveThePromisedShape() {
    Taxonomy t = data.taxonomy();
    int degree = 0;
    int years = 0;
    int[] groupSizes = new int[7];
    long clauses = 0;
    for (int i = 0; i < N; i++) {
      Role r = data.role(i);
      assertEquals(SyntheticData.roleId(i), r.id());
      int n = r.requirements().size();
      assertTrue(n >= 10 && n <= 30, "clauses " + n);
      clauses += n;
      boolean hasDegree = false;
      boolean hasYears = false;
      for (Requirement q : r.requirements()) {
        if (q.kind() == Kind.DEGREE) {
          hasDegree = true;
          assertTrue(q.minDegree() != null && q.degreeStatus() != null);
        } else if (q.kind() == Kind.EXPERIENCE_YEARS) {
          hasYears = true;
          assertTrue(q.minYears() >= 1 && q.minYears() <= 8);
        } else if (q.kind().isConceptKind()) {
          int g = q.anyOf().size();
          assertTrue(g >= 1 && g <= 6, "group " + g);
          assertEquals(g, new HashSet<>(q.anyOf()).size(), "distinct concepts in a group");
          assertTrue(q.minCount() <= g);
          groupSizes[g]++;
          for (String c : q.anyOf()) {
            assertEquals(q.kind(), t.concept(c).orElseThrow().kind(), "one kind per group");
          }
        }
      }
      degree += hasDegree ? 1 : 0;
      years += hasYears ? 1 : 0;
    }
    double mean = clauses / (double) N;
    assertTrue(mean > 18 && mean < 22, "mean clauses " + mean);
    assertTrue(degree > 0.8 * N && degree < 0.9 * N, "degree clauses " + degree);
    assertTrue(years > 0.55 * N && years < 0.65 * N, "years clauses " + years);
    for (int g = 1; g <= 6; g++) {
      assertTrue(groupSizes[g] > 0, "groups of size " + g);
    }
    assertTrue(groupSizes[1] > groupSizes[2] && groupSizes[2] > groupSizes[6]);
  }

  @Test
  void conceptsAreZipfSkewed() {
    Map<String, Integer> rolesWith = new HashMap<>();
    for (int i = 0; i < N; i++) {
      Set<String> seen = new HashSet<>();
      for (Requirement q : data.role(i).requirements()) {
        if (q.kind().isConceptKind()) {
          seen.addAll(q.anyOf());
        }
      }
      seen.forEach(c -> rolesWith.merge(c, 1, Integer::sum));
    }
    for (String head : List.of("python", "sql", "machine learning")) {
      double share = rolesWith.getOrDefault(head, 0) / (double) N;
      assertTrue(share > 0.5, String.format(Locale.ROOT, "%s in %.2f of roles", head, share));
    }
    // most concepts are rare: over half the vocabulary is in under 2% of roles, and 80% of it
    // in under 5% (with the default seed: 60% and 84%; Python 92%, SQL 79%, ML 66%)
    int under2 = 0;
    int under5 = 0;
    List<String> vocab = data.vocabulary();
    for (String c : vocab) {
      int k = rolesWith.getOrDefault(c, 0);
      under2 += k < 0.02 * N ? 1 : 0;
      under5 += k < 0.05 * N ? 1 : 0;
    }
    assertTrue(under2 > 0.5 * vocab.size(), under2 + " of " + vocab.size() + " under 2%");
    assertTrue(under5 > 0.8 * vocab.size(), under5 + " of " + vocab.size() + " under 5%");
  }

  @Test
  void profilesHaveThePromisedShape() {
    int python = 0;
    for (int i = 0; i < 1000; i++) {
      CandidateProfile p = data.profile(i);
      int m = p.skills().size();
      assertTrue(m >= 20 && m <= 80, "concepts " + m);
      Set<String> distinct = new HashSet<>();
      for (Skill s : p.skills()) {
        distinct.add(s.concept());
      }
      assertEquals(m, distinct.size());
      assertTrue(p.degrees().size() <= 2);
      python += p.has("python") ? 1 : 0;
    }
    assertTrue(python > 700, "python in " + python + " of 1000 profiles");
  }

  @Test
  void textRendersEveryRequirement() {
    Role r = data.role(3);
    String text = SyntheticData.postingText(r);
    long bullets = text.lines().filter(l -> l.startsWith("- ")).count();
    assertEquals(r.requirements().size(), bullets);
    assertTrue(text.contains("Requirements:"));
    boolean anyPreferred = r.requirements().stream()
        .anyMatch(q -> q.importance() == Importance.PREFERRED);
    assertEquals(anyPreferred, text.substring(text.indexOf("Nice to have:")).contains("- "));
    assertTrue(SyntheticData.resumeText(data.profile(3)).contains("Skills"));
  }
}
