package org.rolematch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.CloseableThreadLocal;

/**
 * The Lucene plumbing both indexes share: a directory (in memory or on disk), one
 * {@link IndexWriter}, a {@link SearcherManager} for near-real-time reads, and the commit user
 * data that records the taxonomy the compiled forms were built with.
 *
 * <p>Writes are serialised by the caller's lock; after each write the writer thread refreshes the
 * searcher, so a search started after a write returns sees it, and readers never wait for a
 * commit: they only acquire the current searcher. A merge that Lucene finishes in the background
 * refreshes the searcher too, between writes (never during one), so searches meet the merged
 * segments rather than the many small ones a batch of writes left.
 */
final class LuceneStore implements Closeable {
  final Directory directory;
  final IndexWriter writer;
  /** One writer at a time (adds, deletes, commits, close); searches never take it. */
  private final java.util.concurrent.locks.ReentrantLock writeLock =
      new java.util.concurrent.locks.ReentrantLock();
  final SearcherManager manager;
  final String storedFingerprint;
  private final String fingerprint;
  /** What the documents are ("role", "profile"), for messages. */
  private final String kind;
  /** Set when a merge finishes; cleared by the refresh that shows it. */
  private final AtomicBoolean mergedUnseen = new AtomicBoolean();
  private volatile boolean closed;
  /** Each thread's reader of ids and records of the searcher it last read by id. */
  private final CloseableThreadLocal<RecordReader> readers = new CloseableThreadLocal<>();

  LuceneStore(Path path, String kind, String fingerprint, int maxBufferedDocs,
      SearcherFactory factory) throws IOException {
    this.kind = kind;
    this.fingerprint = fingerprint;
    if (path == null) {
      directory = inMemory();
    } else {
      Files.createDirectories(path);
      directory = FSDirectory.open(path);
      if (!DirectoryReader.indexExists(directory) && directory.listAll().length > 0) {
        String[] files = directory.listAll();
        directory.close();
        String lucene = null;
        for (String f : files) {
          if (f.startsWith("segments") || f.startsWith("_") || f.equals("write.lock")) {
            lucene = f;
            break;
          }
        }
        throw lucene != null ? IndexFolderException.noCommit(path, lucene)
            : IndexFolderException.notAnIndex(path, files[0]);
      }
    }
    String stored = null;
    try {
      if (DirectoryReader.indexExists(directory)) {
        Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
        stored = data.get(IndexFields.COMMIT_TAXONOMY);
        String format = data.get(IndexFields.COMMIT_FORMAT);
        if (format != null && !IndexFields.READABLE_FORMATS.contains(format)) {
          throw IndexFolderException.otherFormat(path, format,
              String.join(" or ", new java.util.TreeSet<>(IndexFields.READABLE_FORMATS)));
        }
      }
      IndexWriterConfig cfg = new IndexWriterConfig(new KeywordAnalyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setCommitOnClose(false);
      if (maxBufferedDocs > 0) {
        cfg.setMaxBufferedDocs(maxBufferedDocs);
        cfg.setRAMBufferSizeMB(IndexWriterConfig.DISABLE_AUTO_FLUSH);
      } else {
        cfg.setRAMBufferSizeMB(64);
      }
      if (path == null) {
        withoutCompoundFiles(cfg);
      }
      cfg.setMergeScheduler(new RefreshingMerges());
      writer = new IndexWriter(directory, cfg);
      manager = new SearcherManager(writer, true, true, factory);
    } catch (IOException | RuntimeException e) {
      directory.close();
      if (path == null) {
        throw e;
      }
      throw IndexFolderException.explain(path, e); // plain words; Lucene's message is the cause
    }
    storedFingerprint = stored;
  }

  /** Bits of the first block of an in-memory file: 64 KB. */
  static final int MEMORY_BLOCK_BITS = 16;

  /**
   * An in-memory directory whose files are written in blocks of at least 64 KB (Lucene's default
   * starts at 1 KB and doubles after 100 blocks). Opening a doc-values iterator slices its file,
   * duplicating every block the slice spans: in 1 KB blocks that took about 3 µs for a segment of
   * 1,000 roles, and reads by id open several.
   */
  private static Directory inMemory() {
    return new ByteBuffersDirectory(new SingleInstanceLockFactory(),
        () -> new ByteBuffersDataOutput(MEMORY_BLOCK_BITS,
            ByteBuffersDataOutput.DEFAULT_MAX_BITS_PER_BLOCK,
            ByteBuffersDataOutput.ALLOCATE_BB_ON_HEAP, ByteBuffersDataOutput.NO_REUSE),
        ByteBuffersDirectory.OUTPUT_AS_MANY_BUFFERS);
  }

  /**
   * A compound file packs a segment's files into one to save file handles on disk; in memory it
   * only copies every flushed (and merged) segment once more.
   */
  private static void withoutCompoundFiles(IndexWriterConfig cfg) {
    cfg.setUseCompoundFile(false);
    cfg.getMergePolicy().setNoCFSRatio(0.0);
  }

  /** Makes the last writes visible to searches (called by the writer thread). */
  void refresh() throws IOException {
    mergedUnseen.set(false); // the reader opened below holds every merge finished so far
    manager.maybeRefreshBlocking();
  }

  /**
   * Lucene's concurrent merges, each followed by a refresh. Without it a merge that finished
   * after the last write stayed unseen until the next write: searches kept meeting the small
   * segments it had replaced (ten instead of three after 100k roles added in batches of 10k,
   * about a fifth slower to rank), and those segments stayed in memory beside the merged one.
   */
  private final class RefreshingMerges extends ConcurrentMergeScheduler {
    @Override
    protected void doMerge(MergeSource source, MergePolicy.OneMerge merge) throws IOException {
      super.doMerge(source, merge);
      mergedUnseen.set(true);
      refreshMerged();
    }
  }

  /**
   * Refreshes for the merges no searcher sees yet, unless a write holds the lock: that write
   * refreshes before it returns, or, if the merge finished after its refresh, calls this again
   * once it has let the lock go. A merge thread never waits for the lock, since the write that
   * holds it may be waiting for merges (Lucene stalls a writer when merges fall behind). A
   * refresh that fails here is left to the next write's.
   */
  private void refreshMerged() {
    while (mergedUnseen.get() && writeLock.tryLock()) {
      try {
        if (!closed && mergedUnseen.get()) {
          refresh();
        } else {
          mergedUnseen.set(false);
        }
      } catch (IOException | RuntimeException e) {
        // not the failure of the write or merge that called this (both are done): the next
        // write's refresh meets the same cause and reports it
        mergedUnseen.set(false);
      } finally {
        writeLock.unlock();
      }
    }
  }

  /** Lets the write lock go, then shows any merge that finished while it was held. */
  private void unlockWrites() {
    writeLock.unlock();
    refreshMerged();
  }

  IndexSearcher acquire() throws IOException {
    return manager.acquire();
  }

  void release(IndexSearcher s) throws IOException {
    manager.release(s);
  }

  /** Commits everything written so far, with the taxonomy fingerprint and format version. */
  void commit() throws IOException {
    writeLock.lock();
    try {
      commitLocked();
    } finally {
      unlockWrites();
    }
  }

  private void commitLocked() throws IOException {
    Map<String, String> data = new HashMap<>();
    data.put(IndexFields.COMMIT_TAXONOMY, fingerprint);
    data.put(IndexFields.COMMIT_FORMAT, IndexFields.FORMAT);
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  @Override
  public void close() throws IOException {
    writeLock.lock();
    try {
      closeLocked();
    } finally {
      writeLock.unlock();
    }
  }

  private void closeLocked() throws IOException {
    closed = true;
    readers.close();
    try {
      commitLocked();
    } finally {
      try {
        manager.close();
      } finally {
        try {
          writer.close();
        } finally {
          directory.close();
        }
      }
    }
  }

  /**
   * Adds each document, replacing any with the same id, and makes them visible to searches. One
   * writer at a time: readers never wait for it.
   */
  void replace(List<String> ids, List<org.apache.lucene.document.Document> docs)
      throws IOException {
    writeLock.lock();
    try {
      boolean[] replaces = mayReplace(ids);
      boolean replacesAny = false;
      for (boolean r : replaces) {
        replacesAny |= r;
      }
      if (replacesAny) {
        // documents still being encoded (a large batch) are all encoded before the first write:
        // a replaced document could not be put back if encoding failed part-way
        docs = List.copyOf(docs);
      }
      int written = 0;
      try {
        for (; written < docs.size(); written++) {
          org.apache.lucene.document.Document d = docs.get(written);
          if (replaces[written]) {
            writer.updateDocument(
                new org.apache.lucene.index.Term(IndexFields.ID, ids.get(written)), d);
          } else {
            writer.addDocument(d); // no delete term for Lucene to apply at the refresh
          }
        }
      } catch (RuntimeException | Error | IOException e) {
        if (!replacesAny) {
          forget(ids.subList(0, written), e); // only new ids: the batch leaves nothing behind
        }
        throw e;
      }
      refresh();
    } finally {
      unlockWrites();
    }
  }

  /**
   * Deletes the documents of a failed batch that added only new ids, before any searcher sees
   * them; a failure to do so is added to the batch's.
   */
  private void forget(List<String> added, Throwable failure) {
    if (added.isEmpty()) {
      return;
    }
    org.apache.lucene.index.Term[] terms = new org.apache.lucene.index.Term[added.size()];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = new org.apache.lucene.index.Term(IndexFields.ID, added.get(i));
    }
    try {
      writer.deleteDocuments(terms);
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * Per id of a batch, whether adding it may replace a document: the id is in the index (live or
   * not) or occurs earlier in the batch. The others are added without a delete term, which
   * Lucene would otherwise look up in every segment at the next refresh. A segment is searched
   * only for the ids between its least and greatest id, so ids given in increasing order (like
   * database keys) cost no lookup at all. Called under the write lock.
   */
  private boolean[] mayReplace(List<String> ids) throws IOException {
    boolean[] out = new boolean[ids.size()];
    if (ids.isEmpty()) {
      return out;
    }
    BytesRef[] terms = new BytesRef[ids.size()];
    BytesRef least = null;
    BytesRef greatest = null;
    boolean increasing = true;
    for (int i = 0; i < terms.length; i++) {
      terms[i] = new BytesRef(ids.get(i));
      increasing &= i == 0 || terms[i].compareTo(terms[i - 1]) > 0;
      if (least == null || terms[i].compareTo(least) < 0) {
        least = terms[i];
      }
      if (greatest == null || terms[i].compareTo(greatest) > 0) {
        greatest = terms[i];
      }
    }
    if (!increasing) { // ids in increasing order cannot repeat
      markRepeats(ids, out);
    }
    IndexSearcher s = currentSearcher();
    try {
      for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
        markHeld(ctx, terms, least, greatest, out);
      }
    } finally {
      release(s);
    }
    return out;
  }

  /** Marks every occurrence of an id after its first. */
  private static void markRepeats(List<String> ids, boolean[] out) {
    Set<String> seen = new HashSet<>(2 * ids.size());
    for (int i = 0; i < out.length; i++) {
      out[i] = !seen.add(ids.get(i));
    }
  }

  /**
   * A searcher that sees every write so far: the one after the last refresh, unless a write
   * failed before its refresh (then the writer holds documents no searcher sees yet).
   */
  private IndexSearcher currentSearcher() throws IOException {
    IndexSearcher s = acquire();
    if (((DirectoryReader) s.getIndexReader()).isCurrent()) {
      return s;
    }
    release(s);
    refresh();
    return acquire();
  }

  /** Marks the terms this segment holds (deleted documents included). */
  private static void markHeld(LeafReaderContext ctx, BytesRef[] terms, BytesRef least,
      BytesRef greatest, boolean[] out) throws IOException {
    Terms segmentIds = ctx.reader().terms(IndexFields.ID);
    if (segmentIds == null) {
      return;
    }
    BytesRef min = segmentIds.getMin();
    BytesRef max = segmentIds.getMax();
    if (min == null || max == null || greatest.compareTo(min) < 0 || least.compareTo(max) > 0) {
      return; // no id of the batch falls in this segment's range
    }
    TermsEnum te = segmentIds.iterator();
    for (int i = 0; i < terms.length; i++) {
      BytesRef t = terms[i];
      if (!out[i] && t.compareTo(min) >= 0 && t.compareTo(max) <= 0 && te.seekExact(t)) {
        out[i] = true;
      }
    }
  }

  /** Deletes the live document with this id, visible to searches on return; whether it was there. */
  boolean delete(String id) throws IOException {
    writeLock.lock();
    try {
      boolean existed = read(id, (r, doc) -> doc).isPresent();
      if (existed) {
        writer.deleteDocuments(new org.apache.lucene.index.Term(IndexFields.ID, id));
        refresh();
      }
      return existed;
    } finally {
      unlockWrites();
    }
  }

  /** What a read by id does with the document found: reads it with the reader given. */
  @FunctionalInterface
  interface Read<T> {
    T apply(RecordReader reader, int doc) throws IOException;
  }

  /**
   * Reads the live document with this id under a searcher held for the read, with this thread's
   * {@link RecordReader} of that searcher; empty when there is none. The reader is kept per
   * thread until the searcher changes (a write) or the store closes: finding an id with it and
   * reading the document costs a few microseconds, opening one costs several more. A thread keeps
   * the reader of the last searcher it read until its next read.
   */
  <T> Optional<T> read(String id, Read<T> read) throws IOException {
    IndexSearcher s = acquire();
    try {
      IndexReader reader = s.getIndexReader();
      RecordReader r;
      try {
        r = readers.get();
        if (r == null || r.reader() != reader) {
          r = new RecordReader(reader, kind);
          readers.set(r);
        }
      } catch (NullPointerException closed) { // what a closed CloseableThreadLocal throws
        throw new AlreadyClosedException("the " + kind + " index was closed during a read", closed);
      }
      int doc = r.locate(new BytesRef(id));
      return doc < 0 ? Optional.empty() : Optional.of(read.apply(r, doc));
    } finally {
      release(s);
    }
  }
}
