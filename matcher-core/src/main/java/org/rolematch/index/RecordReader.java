package org.rolematch.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Finds documents by id and reads their records and compiled forms from one reader, keeping what
 * it opened per segment: a terms enum of the ids and the doc-values iterators. Opening those
 * costs microseconds each, more than a lookup with them. A doc-values iterator only moves forward,
 * so each segment and field keeps {@link #ITERATORS} of them: a read takes the one closest behind
 * its document, and opens one again (in place of the one furthest ahead) only when all are past
 * it. Reading documents in increasing order opens one per segment and field; reading them at
 * random reopens about one read in {@code ITERATORS + 1} instead of one in two.
 *
 * <p>Not thread-safe. The bytes returned are a view, valid until the next read of the same kind.
 */
final class RecordReader {
  private final IndexReader reader;
  private final List<LeafReaderContext> leaves;
  private final String kind;
  /** Iterators per segment and field. */
  static final int ITERATORS = 3;
  private final BinaryDocValues[] records;
  private final BinaryDocValues[] compiled;
  private TermsEnum[] ids;
  private PostingsEnum postings;
  /** Doc-values iterators opened so far (for tests: reads in order open each once). */
  int opened;

  /** A reader of the documents of {@code reader}, which are {@code kind}s ("role", "profile"). */
  RecordReader(IndexReader reader, String kind) {
    this.reader = reader;
    this.leaves = reader.leaves();
    this.kind = kind;
    records = new BinaryDocValues[ITERATORS * leaves.size()];
    compiled = new BinaryDocValues[ITERATORS * leaves.size()];
  }

  /** The reader this one reads. */
  IndexReader reader() {
    return reader;
  }

  /**
   * The global doc id of the live document whose {@link IndexFields#ID} is {@code id}, or -1: a
   * terms-dictionary lookup per segment, newest segment first (no query is built).
   */
  int locate(BytesRef id) throws IOException {
    if (ids == null) {
      ids = new TermsEnum[leaves.size()];
      for (int li = 0; li < ids.length; li++) {
        Terms terms = leaves.get(li).reader().terms(IndexFields.ID);
        ids[li] = terms == null ? TermsEnum.EMPTY : terms.iterator();
      }
    }
    for (int li = leaves.size() - 1; li >= 0; li--) {
      TermsEnum te = ids[li];
      if (!te.seekExact(id)) {
        continue;
      }
      Bits live = leaves.get(li).reader().getLiveDocs();
      postings = te.postings(postings, PostingsEnum.NONE);
      for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS;
          d = postings.nextDoc()) {
        if (live == null || live.get(d)) {
          return leaves.get(li).docBase + d;
        }
      }
    }
    return -1;
  }

  /** The record of a global doc id. */
  BytesRef record(int doc) throws IOException {
    return value(records, doc, IndexFields.RECORD_DV, "record");
  }

  /** The compiled form of a global doc id. */
  BytesRef compiled(int doc) throws IOException {
    return value(compiled, doc, IndexFields.COMPILED, "compiled form");
  }

  private BytesRef value(BinaryDocValues[] dvs, int doc, String field, String what)
      throws IOException {
    int li = ReaderUtil.subIndex(doc, leaves);
    LeafReaderContext ctx = leaves.get(li);
    int d = doc - ctx.docBase;
    // the iterator closest behind d; else a new one in place of an unopened one or the one
    // furthest ahead
    int from = ITERATORS * li;
    int take = -1;
    int replace = from;
    for (int j = from; j < from + ITERATORS; j++) {
      BinaryDocValues it = dvs[j];
      if (it == null) {
        replace = j;
        continue;
      }
      int at = it.docID();
      if (at <= d) {
        if (take < 0 || at > dvs[take].docID()) {
          take = j;
        }
      } else if (dvs[replace] != null && at > dvs[replace].docID()) {
        replace = j;
      }
    }
    BinaryDocValues dv;
    if (take >= 0) {
      dv = dvs[take];
    } else {
      dv = dvs[replace] = ctx.reader().getBinaryDocValues(field);
      opened++;
    }
    if (dv == null || !dv.advanceExact(d)) {
      throw new IllegalStateException(kind + " document " + doc + " has no " + what);
    }
    return dv.binaryValue();
  }
}
