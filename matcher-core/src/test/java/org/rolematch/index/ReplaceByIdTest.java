package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.Fixtures;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Adding a role replaces any role with its id, whichever way the ids of a batch relate to those
 * already indexed: the store adds ids it knows to be new without a delete term, so every other
 * case must still replace.
 */
class ReplaceByIdTest {
  private final Taxonomy taxonomy = Fixtures.anyTaxonomy();
  private final ClauseEvaluator eval = ClauseEvaluator.of(taxonomy, ScoringPolicy.defaults());
  private final Fixtures.RandomData data = new Fixtures.RandomData(taxonomy, 11);

  @TempDir Path dir;

  /** A new role of random requirements with this id, its title and text naming the version. */
  private Role role(String id, int version) {
    Role r = data.role(id);
    return new Role(id, "Role " + id + " v" + version, r.organisation(), r.employmentType(),
        r.locationConstraints(), r.salary(), r.requirements(),
        version % 2 == 0 ? "" : "The posting of " + id + ", version " + version + ".");
  }

  @Test
  void anIdTwiceInOneBatchKeepsTheLast() throws IOException {
    try (RoleIndex index = RoleIndex.open(null, eval)) {
      Role first = role("a", 1);
      Role last = role("a", 2);
      index.addAll(List.of(first, role("b", 1), last));
      assertEquals(2, index.size());
      assertEquals(last, index.get("a").orElseThrow());
    }
  }

  @Test
  void aBatchEncodedInParallelKeepsItsOrderAndItsLastDuplicate() throws IOException {
    try (RoleIndex index = RoleIndex.open(null, eval)) {
      List<Role> batch = new ArrayList<>();
      for (int i = 0; i < RoleIndex.PARALLEL_BATCH + 100; i++) {
        batch.add(role(String.format("big-%05d", i), 0));
      }
      Role last = role("big-00000", 1); // the first id again, at the end
      batch.add(last);
      index.addAll(batch);
      List<Role> expected = new ArrayList<>(batch.subList(1, batch.size()));
      assertEquals(expected, index.roles(), "index order is batch order");
      assertEquals(last, index.get("big-00000").orElseThrow());
    }
  }

  @Test
  void idsBeforeBetweenAndAfterEarlierBatchesAreReplaced() throws IOException {
    try (RoleIndex index = RoleIndex.open(null, eval, 4)) { // several segments per batch
      Map<String, Role> expected = new TreeMap<>();
      List<Role> batch = new ArrayList<>();
      for (int i = 10; i < 30; i++) {
        batch.add(role("id-" + i, 0));
      }
      add(index, batch, expected);
      // below every indexed id, inside the range (new and existing), above every indexed id
      add(index, List.of(role("id-05", 1), role("id-15", 1), role("id-155", 1),
          role("id-29", 1), role("id-99", 1)), expected);
      add(index, List.of(role("id-20", 2), role("id-20", 3)), expected);
      assertContains(index, expected);
    }
  }

  @Test
  void aDeletedIdAddedAgainIsOneRole() throws IOException {
    try (RoleIndex index = RoleIndex.open(null, eval)) {
      index.addAll(List.of(role("x", 1), role("y", 1)));
      index.delete("x");
      Role again = role("x", 2);
      index.addAll(List.of(again));
      Role y = role("y", 2);
      index.addAll(List.of(y));
      assertEquals(2, index.size());
      assertEquals(again, index.get("x").orElseThrow());
      assertEquals(y, index.get("y").orElseThrow());
    }
  }

  @Test
  void idsOfAReopenedIndexAreReplaced() throws IOException {
    Map<String, Role> expected = new TreeMap<>();
    try (RoleIndex index = RoleIndex.open(dir, eval)) {
      add(index, List.of(role("p", 1), role("q", 1), role("r", 1)), expected);
    }
    try (RoleIndex index = RoleIndex.open(dir, eval)) {
      add(index, List.of(role("q", 2), role("s", 1)), expected);
      assertContains(index, expected);
    }
    try (RoleIndex index = RoleIndex.open(dir, eval)) {
      assertContains(index, expected);
    }
  }

  @Test
  void aWriteNoSearcherSawYetIsReplacedToo() throws IOException {
    try (LuceneStore store = new LuceneStore(null, "role", "fp", 0, new SearcherFactory())) {
      store.writer.addDocument(idDocument("a")); // as if a write failed before its refresh
      store.replace(List.of("a", "b"), List.of(idDocument("a"), idDocument("b")));
      IndexSearcher s = store.acquire();
      try {
        assertEquals(2, s.getIndexReader().numDocs());
      } finally {
        store.release(s);
      }
    }
  }

  @Test
  void aBatchThatFailsWhileEncodedLeavesTheIndexAsItWas() throws IOException {
    try (LuceneStore store = new LuceneStore(null, "role", "fp", 0, new SearcherFactory())) {
      store.replace(List.of("a", "b"), List.of(versioned("a", 1), versioned("b", 1)));
      IllegalStateException failure = new IllegalStateException("cannot encode n-1500");
      // only new ids: the documents before the failure are written, then taken back
      List<String> fresh = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        fresh.add("n-" + i);
      }
      assertSame(failure, assertThrows(IllegalStateException.class,
          () -> store.replace(fresh, failingBatch(fresh, "n-1500", failure))));
      // replacing an id: the batch is encoded whole before anything is written
      List<String> withA = new ArrayList<>(fresh);
      withA.set(10, "a");
      assertSame(failure, assertThrows(IllegalStateException.class,
          () -> store.replace(withA, failingBatch(withA, "n-1500", failure))));
      store.replace(List.of("c"), List.of(versioned("c", 1))); // refreshes
      IndexSearcher s = store.acquire();
      try {
        assertEquals(3, s.getIndexReader().numDocs(), "a, b and c only");
        assertEquals("1", s.storedFields().document(
            store.read("a", (r, doc) -> doc).orElseThrow()).get("v"), "a as it was");
        assertTrue(store.read("n-0", (r, doc) -> doc).isEmpty());
      } finally {
        store.release(s);
      }
    }
  }

  /** A batch of id documents encoded on the pool, whose encoding of {@code failAt} throws. */
  private static List<Document> failingBatch(List<String> ids, String failAt,
      RuntimeException failure) {
    List<Role> roles = new ArrayList<>();
    for (String id : ids) {
      roles.add(Role.of(id, id, List.of()));
    }
    return new RoleIndex.EncodedBatch(roles, r -> {
      if (r.id().equals(failAt)) {
        throw failure;
      }
      return versioned(r.id(), 2);
    });
  }

  private static Document versioned(String id, int version) {
    Document d = idDocument(id);
    d.add(new org.apache.lucene.document.StoredField("v", String.valueOf(version)));
    return d;
  }

  private static Document idDocument(String id) {
    Document d = new Document();
    d.add(new StringField(IndexFields.ID, id, Field.Store.NO));
    return d;
  }

  private static void add(RoleIndex index, List<Role> roles, Map<String, Role> expected)
      throws IOException {
    index.addAll(roles);
    for (Role r : roles) {
      expected.put(r.id(), r);
    }
  }

  private static void assertContains(RoleIndex index, Map<String, Role> expected)
      throws IOException {
    assertEquals(expected.size(), index.size(), "one live role per id");
    Map<String, Role> actual = new TreeMap<>();
    for (Role r : index.roles()) {
      actual.put(r.id(), r);
    }
    assertEquals(expected, actual);
  }
}
