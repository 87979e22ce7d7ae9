package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.Fixtures;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Reads by id keep their terms enums and doc-values iterators per segment (per thread, in the
 * store): they must find the live document of an id whichever segment holds it, read any
 * document in any order, and follow writes.
 */
class RecordReaderTest {
  private final Taxonomy taxonomy = Fixtures.anyTaxonomy();
  private final ClauseEvaluator eval = ClauseEvaluator.of(taxonomy, ScoringPolicy.defaults());
  private final Fixtures.RandomData data = new Fixtures.RandomData(taxonomy, 5);

  private Role role(String id, String title) {
    Role r = data.role(id);
    return new Role(id, title, r.organisation(), r.employmentType(), r.locationConstraints(),
        r.salary(), r.requirements(), "");
  }

  /**
   * 300 roles over several segments, of which every 23rd is replaced later and every 29th
   * deleted (few enough that no segment is merged away for its deletes).
   */
  private RoleIndex index() throws IOException {
    RoleIndex index = RoleIndex.open(null, eval, 40);
    for (int b = 0; b < 300; b += 60) {
      List<Role> batch = new ArrayList<>();
      for (int i = b; i < b + 60; i++) {
        batch.add(role("r" + i, "first"));
      }
      index.addAll(batch);
    }
    List<Role> again = new ArrayList<>();
    for (int i = 0; i < 300; i += 23) {
      again.add(role("r" + i, "second"));
    }
    index.addAll(again);
    for (int i = 0; i < 300; i += 29) {
      index.delete("r" + i);
    }
    return index;
  }

  private static String title(BytesRef b) {
    return RecordCodec.decodeRole(b.bytes, b.offset, b.length).title();
  }

  @Test
  void findsTheLiveDocumentOfEachIdInWhicheverSegmentHoldsIt() throws IOException {
    try (RoleIndex index = index(); RoleIndex.Snapshot snap = index.snapshot()) {
      RecordReader r = new RecordReader(snap.searcher.getIndexReader(), "role");
      assertTrue(snap.searcher.getIndexReader().leaves().size() > 1, "several segments");
      for (int i = 0; i < 300; i++) {
        int doc = r.locate(new BytesRef("r" + i));
        if (i % 29 == 0) {
          assertEquals(-1, doc, "r" + i + " was deleted");
          continue;
        }
        Role found = RecordCodec.decodeRole(r.record(doc).bytes, r.record(doc).offset,
            r.record(doc).length);
        assertEquals("r" + i, found.id());
        assertEquals(i % 23 == 0 ? "second" : "first", found.title(), "r" + i);
      }
      assertEquals(-1, r.locate(new BytesRef("r300")));
    }
  }

  @Test
  void readsForwardOpenEachIteratorOnceAndReadsBackwardStillAnswer() throws IOException {
    try (RoleIndex index = index(); RoleIndex.Snapshot snap = index.snapshot()) {
      int maxDoc = snap.searcher.getIndexReader().maxDoc();
      int leaves = snap.searcher.getIndexReader().leaves().size();
      RecordReader forward = new RecordReader(snap.searcher.getIndexReader(), "role");
      List<String> titles = new ArrayList<>();
      for (int d = 0; d < maxDoc; d++) {
        titles.add(title(forward.record(d)));
        forward.compiled(d);
      }
      assertEquals(2 * leaves, forward.opened, "one record and one compiled iterator a segment");
      RecordReader backward = new RecordReader(snap.searcher.getIndexReader(), "role");
      for (int d = maxDoc - 1; d >= 0; d--) {
        assertEquals(titles.get(d), title(backward.record(d)), "doc " + d);
      }
      assertTrue(backward.opened > leaves, "a read before the last one reopens its iterator");
    }
  }

  @Test
  void readsInRandomOrderAnswerAndReopenFewerIteratorsThanOneIn2() throws IOException {
    try (RoleIndex index = index(); RoleIndex.Snapshot snap = index.snapshot()) {
      IndexReader reader = snap.searcher.getIndexReader();
      RecordReader inOrder = new RecordReader(reader, "role");
      List<String> titles = new ArrayList<>();
      for (int d = 0; d < reader.maxDoc(); d++) {
        titles.add(title(inOrder.record(d)));
      }
      RecordReader random = new RecordReader(reader, "role");
      java.util.Random rnd = new java.util.Random(7);
      int reads = 3000;
      for (int i = 0; i < reads; i++) {
        int d = rnd.nextInt(reader.maxDoc());
        assertEquals(titles.get(d), title(random.record(d)), "doc " + d);
      }
      // one iterator would reopen about every second read; three, about every fourth
      assertTrue(random.opened < reads / 3, random.opened + " iterators opened for " + reads
          + " reads at random");
    }
  }

  @Test
  void readsByIdOnOneThreadFollowWrites() throws IOException {
    try (RoleIndex index = RoleIndex.open(null, eval)) {
      index.addAll(List.of(role("a", "first"), role("b", "first")));
      assertEquals("first", index.getForScoring("a").orElseThrow().title());
      index.addAll(List.of(role("a", "second")));
      assertEquals("second", index.getForScoring("a").orElseThrow().title());
      assertEquals("second", index.scorable("a").orElseThrow().record().title());
      assertEquals("second", index.get("a").orElseThrow().title());
      assertTrue(index.delete("a"));
      assertTrue(index.getForScoring("a").isEmpty());
      assertTrue(index.scorable("a").isEmpty());
      assertEquals("first", index.getForScoring("b").orElseThrow().title());
    }
  }

  @Test
  void aReadByIdAfterCloseIsRefusedClearly() throws IOException {
    RoleIndex index = RoleIndex.open(null, eval);
    index.addAll(List.of(role("a", "first")));
    assertEquals("first", index.getForScoring("a").orElseThrow().title()); // caches a reader
    index.close();
    assertThrows(AlreadyClosedException.class, () -> index.getForScoring("a"));
    assertThrows(AlreadyClosedException.class, () -> index.scorable("a"));
  }
}
