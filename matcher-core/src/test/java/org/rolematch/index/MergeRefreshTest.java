package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.junit.jupiter.api.Test;

/**
 * A merge Lucene finishes in the background is shown to searches without another write: after
 * many small writes and their merges, the searcher holds the writer's segments, not the small
 * ones the merges replaced.
 */
class MergeRefreshTest {
  private static final int BATCHES = 60;
  private static final int PER_BATCH = 16;

  @Test
  void mergesAreSearchedWithoutAnotherWrite() throws IOException {
    // 8 documents per flushed segment: each write flushes two, and the merge policy merges them
    try (LuceneStore store = new LuceneStore(null, "role", "test", 8, new SearcherFactory())) {
      for (int b = 0; b < BATCHES; b++) {
        List<String> ids = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < PER_BATCH; i++) {
          String id = String.format("r-%03d-%02d", b, i);
          Document d = new Document();
          d.add(new StringField(IndexFields.ID, id, Field.Store.NO));
          ids.add(id);
          docs.add(d);
        }
        store.replace(ids, docs);
      }
      ConcurrentMergeScheduler merges =
          (ConcurrentMergeScheduler) store.writer.getConfig().getMergeScheduler();
      // every merge thread has finished (and refreshed, or left that to the write holding the
      // lock)
      merges.sync();
      int written = writerSegments(store);
      assertTrue(written < BATCHES, "merges ran: " + written + " segments for "
          + 2 * BATCHES + " flushes");
      assertEquals(written, searchedSegments(store), "the searcher holds the merged segments");
      // a merge with no write around it at all: only the merge's own refresh can show it
      store.writer.forceMerge(1);
      merges.sync();
      assertEquals(1, writerSegments(store));
      assertEquals(1, searchedSegments(store), "the searcher holds the segment merged last");
    }
  }

  private static int writerSegments(LuceneStore store) throws IOException {
    try (DirectoryReader r = DirectoryReader.open(store.writer)) {
      return r.leaves().size();
    }
  }

  private static int searchedSegments(LuceneStore store) throws IOException {
    IndexSearcher s = store.acquire();
    try {
      IndexReader searched = s.getIndexReader();
      assertEquals(BATCHES * PER_BATCH, searched.numDocs());
      return searched.leaves().size();
    } finally {
      store.release(s);
    }
  }
}
