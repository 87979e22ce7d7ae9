package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.Fixtures;
import org.rolematch.score.MatchResult;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

class PersistenceAndConcurrencyTest {
  private final Taxonomy tax = Fixtures.anyTaxonomy();
  private final ClauseEvaluator eval = ClauseEvaluator.of(tax, ScoringPolicy.defaults());

  @Test
  void reopenedIndexRestoresEveryCommittedRoleAndGivesTheSameResults(@TempDir Path dir)
      throws Exception {
    Fixtures.RandomData data = new Fixtures.RandomData(tax, 1);
    List<Role> roles = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      roles.add(data.role("r" + i));
    }
    List<CandidateProfile> profiles = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      profiles.add(data.profile("p" + i));
    }
    List<List<MatchResult>> before = new ArrayList<>();
    List<List<MatchResult>> beforeC = new ArrayList<>();
    try (RoleIndex index = RoleIndex.open(dir.resolve("roles"), eval, 64);
        CandidateIndex cands = CandidateIndex.open(dir.resolve("cands"), eval)) {
      index.addAll(roles);
      index.delete("r3");
      cands.addAll(profiles);
      for (CandidateProfile p : profiles) {
        before.add(index.rankRoles(p, 10, RoleIndex.ALL));
      }
      for (Role r : roles.subList(0, 10)) {
        beforeC.add(cands.rankCandidates(r, 5, CandidateIndex.ALL));
      }
    }
    try (RoleIndex index = RoleIndex.open(dir.resolve("roles"), eval);
        CandidateIndex cands = CandidateIndex.open(dir.resolve("cands"), eval)) {
      assertEquals(499, index.size());
      assertEquals(roles.get(7), index.get("r7").orElseThrow());
      assertTrue(index.get("r3").isEmpty());
      assertEquals(profiles.get(4), cands.get("p4").orElseThrow());
      for (int i = 0; i < profiles.size(); i++) {
        assertEquals(before.get(i), index.rankRoles(profiles.get(i), 10, RoleIndex.ALL));
      }
      for (int i = 0; i < 10; i++) {
        assertEquals(beforeC.get(i), cands.rankCandidates(roles.get(i), 5, CandidateIndex.ALL));
      }
    }
  }

  @Test
  void reopeningWithAnotherTaxonomyRecompilesTheRoles(@TempDir Path dir) throws Exception {
    Taxonomy small = Fixtures.smallTaxonomy();
    Fixtures.RandomData data = new Fixtures.RandomData(small, 2);
    Map<String, Role> roles = new LinkedHashMap<>();
    for (int i = 0; i < 200; i++) {
      Role r = data.role("r" + i);
      roles.put(r.id(), r);
    }
    try (RoleIndex index = RoleIndex.open(dir, ClauseEvaluator.of(small,
        ScoringPolicy.defaults()))) {
      index.addAll(roles.values());
    }
    ClauseEvaluator other = ClauseEvaluator.of(tax, ScoringPolicy.defaults());
    try (RoleIndex index = RoleIndex.open(dir, other)) {
      CandidateProfile p = data.profile("p");
      RoleIndexExactnessTest.assertSame(Reference.rankRoles(other, roles, p, 20, r -> true),
          index.rankRoles(p, 20, RoleIndex.ALL), "after recompiling");
    }
  }

  @Test
  void readersDuringWritesSeeConsistentSnapshots() throws Exception {
    Fixtures.RandomData data = new Fixtures.RandomData(tax, 3);
    List<Role> initial = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      initial.add(data.role("r" + i));
    }
    List<CandidateProfile> profiles = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      profiles.add(data.profile("p" + i));
    }
    List<Role> writes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      writes.add(data.role("r" + data.random().nextInt(1200)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try (RoleIndex index = RoleIndex.open(null, eval, 100)) {
      index.addAll(initial);
      AtomicBoolean done = new AtomicBoolean();
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        final int seed = t;
        readers.add(pool.submit(() -> {
          int checks = 0;
          while (!done.get() || checks < 3) {
            CandidateProfile p = profiles.get((seed + checks) % profiles.size());
            try (RoleIndex.Snapshot snap = index.snapshot()) {
              List<MatchResult> got = snap.rankRoles(p, 10, RoleIndex.ALL);
              Map<String, Role> visible = new LinkedHashMap<>();
              for (Role r : snap.roles()) {
                visible.put(r.id(), r);
              }
              RoleIndexExactnessTest.assertSame(
                  Reference.rankRoles(eval, visible, p, 10, r -> true), got, "snapshot");
            }
            checks++;
          }
          return checks;
        }));
      }
      for (int i = 0; i < writes.size(); i++) {
        if (i % 7 == 0) {
          index.delete("r" + data.random().nextInt(1200));
        }
        index.add(writes.get(i));
      }
      done.set(true);
      for (Future<Integer> f : readers) {
        assertTrue(f.get() >= 3);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
