package org.rolematch.index;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledCodec;
import org.rolematch.score.CompiledProfile;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.ConceptGraph;
import org.rolematch.score.KnockoutMode;
import org.rolematch.score.MatchResult;
import org.rolematch.score.ScoreSheet;
import org.rolematch.score.Scorer;

/**
 * Roles and their requirement clauses in a Lucene index, searched for the roles that best match
 * one candidate.
 *
 * <pre>{@code
 * ClauseEvaluator eval = ClauseEvaluator.of(Taxonomy.defaults(), ScoringPolicy.defaults());
 * try (RoleIndex index = RoleIndex.open(null, eval)) {      // null: in memory
 *   index.addAll(roles);
 *   List<MatchResult> top = index.rankRoles(profile, 10, role -> true);
 * }
 * }</pre>
 *
 * <h2>How a search runs</h2>
 *
 * <ol>
 *   <li>The profile is compiled to sorted ordinals and expanded into a credit per key: its
 *       concepts and their ancestors (credit 1), degree signatures (exact credit), years, counts
 *       and places. Sibling and broader credit is not a key: the structure bounds it
 *       statically.
 *   <li>For every segment ({@link RoleSegment}, built by the first search that meets it), the
 *       postings of the profile's concepts in the guard index mark which guard clauses (up to
 *       three heavy, rarely met clauses per role) the profile touches, as bits in a plane per
 *       guard slot. A role's guard bound is its credit-1 bound less every untouched guard's
 *       weight and what its degree clause loses; roles with every guard touched (found a word
 *       at a time) are counting-sorted by it, the others come from per-segment lists sorted by
 *       their static bounds (no guard touched; all but the lightest touched). When the threshold
 *       falls deep into a segment's list of partly touched roles, the rest of them are taken at
 *       once, in doc order, from the planes, checked first by a quick bound (one read of 8 bytes
 *       a role): in bands, when the threshold is still far below the bucket the search is at.
 *   <li>Roles are taken in decreasing bound order and bounded tightly from their forward
 *       entries (each clause at the best credit of its keys), then scored exactly (the {@link
 *       ClauseEvaluator} over the compiled role in doc values) in the order of that tight bound,
 *       in doc-ordered batches; the search stops when no remaining bound reaches the k-th exact
 *       score. Nothing below that can enter the top k, so the result equals exhaustive scoring:
 *       same ids, scores and order.
 * </ol>
 *
 * <p>Thread-safe: many threads may search while one writes. Writes are serialised; each write
 * refreshes the near-real-time searcher before it returns, so later searches see it. Searches
 * never wait for a commit. An on-disk index keeps every committed role; {@link #close()} commits.
 */
public final class RoleIndex implements Closeable {
  private static final int BUCKETS = 4096;
  /** Docs gathered before the first batch is scored exactly; each next batch is twice as big. */
  private static final int BATCH = 32;
  private static final int MAX_BATCH = 8192;
  /** Roles bounded from their entries after which a pending batch is scored at a bucket's end. */
  private static final int FLUSH_AFTER_BOUNDS = 32;
  /** List entries taken at a time from a segment's lists of untouched or partly touched roles. */
  private static final int WALK = 64;
  /** Roles whose forward entries are read ahead of bounding them, at a time. */
  private static final int TOUCH = 16;
  /** Bits a pass of the radix sort of pending roles by id. */
  private static final int RADIX_BITS = 11;
  private static final int RADIX_MASK = (1 << RADIX_BITS) - 1;
  /**
   * Buckets (about 2 points) under its bucket that the first pass of a bulk take reaches (each
   * next pass twice as far). The benchmark's hard profiles end 0.1 to 2.1 points under the bucket
   * of their take. With the profiles in turn, 80 and 160 measured 0.990 and 0.995 ms a query
   * against 1.032 without bands; 40, 120 and 200 were no better than 80 when each profile was
   * repeated.
   */
  private static final int BULK_DROP = 80;
  private static final double BUCKET_SCALE = BUCKETS / 101.0;

  static {
    if (RoleSegment.GUARDS != 3) { // the guard planes of a search are read three at a time
      throw new IllegalStateException("search reads 3 guard planes, not " + RoleSegment.GUARDS);
    }
  }
  /** Scores are capped at 100. */
  private static final double MAX_SCORE = 100.0;
  /**
   * The bucket of {@link #MAX_SCORE} (as {@code bucket} computes it): the roles that may tie at
   * it are taken in id order.
   */
  private static final int TOP_BUCKET = (int) (MAX_SCORE * BUCKET_SCALE);
  /** Bit planes of a search: one per guard slot, then one of the roles its walks took. */
  private static final int PLANES = RoleSegment.GUARDS + 1;
  /** The plane of the roles a walk of a list of partly touched roles took. */
  private static final int WALKED = RoleSegment.GUARDS;

  /**
   * Batches of at least this many roles are encoded in parallel ({@link EncodedBatch}): encoding a
   * role (its record and compiled form) is about half the cost of adding it, while Lucene takes
   * the documents one at a time.
   */
  static final int PARALLEL_BATCH = 2048;

  private final ClauseEvaluator evaluator;
  private final Scorer scorer;
  private final ConceptGraph graph;
  private final RecordCodec.ConceptIds conceptIds;
  private final LuceneStore store;
  private final ConcurrentHashMap<IndexReader.CacheKey, RoleSegment> segments =
      new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Scratch> scratchPool = new ConcurrentLinkedQueue<>();
  private final RoleSegment.UnknownKeys unknownKeys;

  private RoleIndex(Path path, ClauseEvaluator evaluator, int maxBufferedDocs)
      throws IOException {
    this.evaluator = evaluator;
    this.scorer = Scorer.of(evaluator);
    this.graph = evaluator.graph();
    this.conceptIds = new RecordCodec.ConceptIds(graph);
    this.unknownKeys = new RoleSegment.UnknownKeys(new RoleSegment.Keys(graph.size()));
    String fp = Long.toHexString(graph.fingerprint());
    // the per-segment structures are built lazily, by the first search that meets a segment
    // (then cached by segment core): a refresh after each write costs no structure building, and
    // segments that a merge replaces before any search never get one
    this.store = new LuceneStore(path, "role", fp, maxBufferedDocs, new SearcherFactory());
    if (store.storedFingerprint != null && !store.storedFingerprint.equals(fp)) {
      try {
        recompileAll();
      } catch (IOException | RuntimeException e) {
        try {
          store.close(); // a failed open leaves no writer (and no write lock) behind
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }
  }

  /**
   * Opens a role index.
   *
   * @param directory where the index lives on disk (created when absent), or {@code null} for an
   *     in-memory index
   * @param evaluator the exact evaluator (taxonomy and policy)
   * @throws IOException if the directory cannot be opened
   */
  public static RoleIndex open(Path directory, ClauseEvaluator evaluator) throws IOException {
    return new RoleIndex(directory, requireNonNull(evaluator, "evaluator"), 0);
  }

  /**
   * Opens a role index that flushes a segment every {@code maxBufferedDocs} documents (for tests
   * that want many segments; 0 keeps the default flushing by RAM use).
   */
  public static RoleIndex open(Path directory, ClauseEvaluator evaluator, int maxBufferedDocs)
      throws IOException {
    if (maxBufferedDocs < 0 || maxBufferedDocs == 1) {
      throw new IllegalArgumentException(
          "maxBufferedDocs must be 0 (default) or at least 2, got " + maxBufferedDocs);
    }
    return new RoleIndex(directory, requireNonNull(evaluator, "evaluator"), maxBufferedDocs);
  }

  /** The evaluator this index scores with. */
  public ClauseEvaluator evaluator() {
    return evaluator;
  }

  // ---------------------------------------------------------------------------------------------
  // Writes

  private Document document(Role role) {
    Document d = new Document();
    d.add(new StringField(IndexFields.ID, role.id(), Field.Store.NO));
    d.add(new StringField(IndexFields.EMPLOYMENT_TYPE, role.employmentType().wireName(),
        Field.Store.NO));
    // the role without its source text in doc values (results read it), the source text apart
    // as a stored field: stored fields are compressed, and compressing a second copy of every
    // record cost a fifth of building the index
    // one lookup of each listed string for both forms: the record copies a taxonomy id's bytes
    // and hands its ordinal on to the compiled form
    int[] ordinals = new int[CompiledRole.listed(role)];
    d.add(new BinaryDocValuesField(IndexFields.RECORD_DV,
        new BytesRef(RecordCodec.encode(role, false, conceptIds, ordinals))));
    if (!role.sourceText().isEmpty()) {
      d.add(new StoredField(IndexFields.SOURCE, role.sourceText()));
    }
    d.add(new BinaryDocValuesField(IndexFields.COMPILED,
        new BytesRef(CompiledCodec.encode(role, graph, ordinals))));
    return d;
  }

  /** Adds a role, replacing any role with the same id; visible to searches on return. */
  public void add(Role role) throws IOException {
    addAll(List.of(requireNonNull(role, "role")));
  }

  /**
   * Adds roles (each replacing any role with its id); visible to searches on return. A batch of
   * at least {@value #PARALLEL_BATCH} roles is encoded on the common fork-join pool as well as
   * on the calling thread, while the calling thread indexes the roles encoded so far.
   */
  public void addAll(Collection<Role> roles) throws IOException {
    requireNonNull(roles, "roles");
    List<Role> list = new ArrayList<>(roles);
    List<String> ids = new ArrayList<>(list.size());
    for (Role r : list) {
      ids.add(requireNonNull(r, "role").id());
    }
    if (list.size() < PARALLEL_BATCH) {
      store.replace(ids, list.stream().map(this::document).toList());
    } else {
      store.replace(ids, new EncodedBatch(list, this::document));
    }
  }

  /**
   * Threads of the common fork-join pool a build may use besides the calling thread: one fewer
   * than the processors this JVM may run on (none on one processor, where a helper would only
   * take turns with the calling thread), at most the pool's parallelism.
   */
  static int helpers() {
    return Math.min(ForkJoinPool.getCommonPoolParallelism(),
        Runtime.getRuntime().availableProcessors() - 1);
  }

  /**
   * The documents of a batch, encoded in chunks by the common fork-join pool and by the thread
   * that reads them in order (the one indexing them): a reader that reaches a chunk not encoded
   * yet encodes the next chunk nobody has started meanwhile, so the pool's threads and the
   * indexing thread all keep busy until the batch is indexed.
   */
  static final class EncodedBatch extends AbstractList<Document> {
    private static final int CHUNK = 256;
    private final List<Role> roles;
    private final Function<Role, Document> encoder;
    private final Document[] docs;
    /** Per chunk, completed once its documents are encoded. */
    private final CompletableFuture<?>[] chunks;
    /** The next chunk nobody has started. */
    private final AtomicInteger next = new AtomicInteger();

    EncodedBatch(List<Role> roles, Function<Role, Document> encoder) {
      this.roles = roles;
      this.encoder = encoder;
      this.docs = new Document[roles.size()];
      this.chunks = new CompletableFuture<?>[(roles.size() + CHUNK - 1) / CHUNK];
      Arrays.setAll(chunks, c -> new CompletableFuture<>());
      for (int h = helpers(); h > 0; h--) {
        ForkJoinPool.commonPool().execute(this::encodeUnstarted);
      }
    }

    private void encodeUnstarted() {
      for (int c = next.getAndIncrement(); c < chunks.length; c = next.getAndIncrement()) {
        encode(c);
      }
    }

    private void encode(int chunk) {
      try {
        for (int i = chunk * CHUNK, end = Math.min(docs.length, i + CHUNK); i < end; i++) {
          docs[i] = encoder.apply(roles.get(i));
        }
        chunks[chunk].complete(null);
      } catch (RuntimeException | Error e) {
        chunks[chunk].completeExceptionally(e);
      }
    }

    @Override
    public Document get(int i) {
      CompletableFuture<?> mine = chunks[Objects.checkIndex(i, docs.length) / CHUNK];
      while (!mine.isDone()) {
        int c = next.getAndIncrement();
        if (c >= chunks.length) {
          break; // every chunk is started: wait for this one
        }
        encode(c);
      }
      try {
        mine.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r; // as encoding on this thread would have thrown it
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
      return docs[i];
    }

    @Override
    public int size() {
      return docs.length;
    }
  }

  /** Removes the role with this id; returns whether there was one. */
  public boolean delete(String id) throws IOException {
    return store.delete(requireNonNull(id, "id"));
  }

  /** Commits all changes to the directory. */
  public void commit() throws IOException {
    store.commit();
  }

  private void recompileAll() throws IOException {
    List<Role> all = roles();
    addAll(all);
    commit();
  }

  // ---------------------------------------------------------------------------------------------
  // Reads

  private Role find(String id) throws IOException {
    return store.read(id, RoleIndex::storedRole).orElse(null);
  }

  /** The whole role of a global doc id (source text included). */
  private static Role storedRole(RecordReader r, int doc) throws IOException {
    Document stored = r.reader().storedFields().document(doc);
    BytesRef whole = stored.getBinaryValue(IndexFields.RECORD);
    if (whole != null) {
      return RecordCodec.decodeRole(whole.bytes, whole.offset, whole.length); // format 1
    }
    return withSource(r.record(doc), stored);
  }

  /**
   * The whole role of a document of format 2 or later: its doc-values record, with the source
   * text of its stored fields when it has one.
   */
  private static Role withSource(BytesRef record, Document stored) {
    return RecordCodec.decodeRole(record.bytes, record.offset, record.length,
        stored.get(IndexFields.SOURCE));
  }

  /** The role with this id, as added (source text included). */
  public Optional<Role> get(String id) throws IOException {
    return Optional.ofNullable(find(requireNonNull(id, "id")));
  }

  /**
   * The role with this id as ranking scores and explains it: without its source text (the
   * stored posting), read from doc values, so cheaper than {@link #get}.
   */
  public Optional<Role> getForScoring(String id) throws IOException {
    return store.read(requireNonNull(id, "id"), (r, doc) -> {
      BytesRef b = r.record(doc);
      return RecordCodec.decodeRole(b.bytes, b.offset, b.length);
    });
  }

  /**
   * The role with this id as ranking scores it: its record as {@link #getForScoring} reads it,
   * and the compiled form the searches score (read, not compiled again).
   */
  public Optional<Scorable<Role, CompiledRole>> scorable(String id) throws IOException {
    return store.read(requireNonNull(id, "id"), (r, doc) -> {
      BytesRef b = r.record(doc);
      Role role = RecordCodec.decodeRole(b.bytes, b.offset, b.length);
      BytesRef c = r.compiled(doc);
      CompiledRole compiled = new CompiledRole();
      CompiledCodec.decode(c.bytes, c.offset, c.length, compiled);
      return new Scorable<>(role, compiled);
    });
  }

  /** Number of roles. */
  public int size() throws IOException {
    IndexSearcher s = store.acquire();
    try {
      return s.getIndexReader().numDocs();
    } finally {
      store.release(s);
    }
  }

  /** Every role, in index order (for exports and tests; reads every stored role). */
  public List<Role> roles() throws IOException {
    try (Snapshot snap = snapshot()) {
      return snap.roles();
    }
  }

  /**
   * The best {@code k} roles for a profile, best first (score descending, then role id), with
   * their explanations. Roles the filter rejects, and ineligible roles under {@link
   * KnockoutMode#FILTER}, are left out. Identical to {@link Scorer#rankRoles} over every role.
   */
  public List<MatchResult> rankRoles(CandidateProfile profile, int k, Predicate<Role> filter)
      throws IOException {
    try (Snapshot snap = snapshot()) {
      return snap.rankRoles(profile, k, filter);
    }
  }

  /** A consistent view of the index as of now; searches on it see no later writes. */
  public Snapshot snapshot() throws IOException {
    return new Snapshot(store.acquire());
  }

  /** Heap held by the per-segment search structures of the current searcher, in bytes. */
  public long structureBytes() throws IOException {
    try (Snapshot snap = snapshot()) {
      long total = 0;
      for (LeafReaderContext ctx : snap.searcher.getIndexReader().leaves()) {
        total += segment(ctx.reader()).ramBytes();
      }
      return total;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      store.close();
    } finally {
      segments.clear();
    }
  }

  /** The last reader's id order, reused while searches see that reader. */
  private volatile IdOrder lastIdOrder;

  /** The id order of a reader's roles, given its segments' structures. */
  IdOrder idOrder(IndexReader reader, RoleSegment[] segs, int nLeaves) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    Object key = helper == null ? null : helper.getKey();
    IdOrder o = lastIdOrder;
    if (key == null || o == null || o.key != key) {
      o = IdOrder.of(key, segs, nLeaves);
      if (key != null) {
        lastIdOrder = o;
      }
    }
    return o;
  }

  RoleSegment segment(LeafReader leaf) throws IOException {
    IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
    if (helper == null) {
      return RoleSegment.build(leaf, evaluator, unknownKeys);
    }
    IndexReader.CacheKey key = helper.getKey();
    RoleSegment s = segments.get(key);
    if (s == null) {
      s = RoleSegment.build(leaf, evaluator, unknownKeys);
      if (segments.putIfAbsent(key, s) == null) {
        helper.addClosedListener(segments::remove);
      }
    }
    return s;
  }

  /**
   * A point-in-time view of the role index. Close it to release the searcher. Not thread-safe:
   * one thread uses one snapshot.
   *
   * <pre>{@code
   * try (RoleIndex.Snapshot snap = index.snapshot()) {
   *   List<MatchResult> a = snap.rankRoles(alice, 10, RoleIndex.ALL);
   *   List<MatchResult> b = snap.rankRoles(bob, 10, RoleIndex.ALL);   // same roles as for alice
   * }
   * }</pre>
   */
  public final class Snapshot implements AutoCloseable {
    final IndexSearcher searcher;
    private boolean closed;
    /** Roles scored exactly by the last search on this snapshot (a diagnostic). */
    int lastExactEvaluations;
    /** Roles bounded from their forward entries by the last search (a diagnostic). */
    int lastForwardBounds;
    /** Segments whose partly touched roles the last search took at once (a diagnostic). */
    int lastBulkSegments;
    /** Passes of those bulk takes (a diagnostic). */
    int lastBulkPasses;
    /** Nanoseconds of the last search's phases: keys, guards, bounds, exact, results. */
    final long[] lastPhaseNanos = new long[5];

    Snapshot(IndexSearcher searcher) {
      this.searcher = searcher;
    }

    /** Every live role of this snapshot. */
    public List<Role> roles() throws IOException {
      List<Role> out = new ArrayList<>();
      StoredFields sf = searcher.storedFields();
      for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
        Bits live = ctx.reader().getLiveDocs();
        BinaryDocValues records = ctx.reader().getBinaryDocValues(IndexFields.RECORD_DV);
        for (int d = 0; d < ctx.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) {
            Document stored = sf.document(ctx.docBase + d);
            BytesRef whole = stored.getBinaryValue(IndexFields.RECORD);
            if (whole != null) { // format 1
              out.add(RecordCodec.decodeRole(whole.bytes, whole.offset, whole.length));
            } else if (records != null && records.advanceExact(d)) {
              out.add(withSource(records.binaryValue(), stored));
            } else {
              throw new IllegalStateException("role document " + (ctx.docBase + d)
                  + " has no record");
            }
          }
        }
      }
      return out;
    }

    /** See {@link RoleIndex#rankRoles}. */
    public List<MatchResult> rankRoles(CandidateProfile profile, int k, Predicate<Role> filter)
        throws IOException {
      requireNonNull(profile, "profile");
      requireNonNull(filter, "filter");
      if (k < 1) {
        throw new IllegalArgumentException("k must be at least 1, got " + k);
      }
      CompiledProfile p = CompiledProfile.compile(profile, graph);
      Scratch sc = scratchPool.poll();
      if (sc == null) {
        sc = new Scratch();
      }
      try {
        TopK top = search(p, k, filter, sc);
        long t = System.nanoTime();
        List<MatchResult> out = results(top, profile, p, sc);
        lastPhaseNanos[4] = System.nanoTime() - t;
        return out;
      } finally {
        scratchPool.offer(sc);
      }
    }

    /**
     * The tight (forward) upper bound of every document (a diagnostic for tests): -1 for deleted
     * ones.
     */
    float[] bounds(CandidateProfile profile) throws IOException {
      CompiledProfile p = CompiledProfile.compile(profile, graph);
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      float[] out = new float[searcher.getIndexReader().maxDoc()];
      if (leaves.isEmpty()) {
        return out;
      }
      Scratch sc = new Scratch();
      RoleSegment[] segs = segments(leaves);
      ProfileKeys keys = ProfileKeys.of(p, evaluator, segs[0].keys, unknownKeys, sc, segs);
      for (int li = 0; li < leaves.size(); li++) {
        Bits live = leaves.get(li).reader().getLiveDocs();
        int base = leaves.get(li).docBase;
        for (int d = 0; d < segs[li].maxDoc; d++) {
          out[base + d] = live != null && !live.get(d) ? -1f
              : segs[li].forwardBound(d, keys.credit, keys.classWeight, keys.classFloor,
                  Double.NEGATIVE_INFINITY, -1);
        }
      }
      return out;
    }

    private RoleSegment[] segments(List<LeafReaderContext> leaves) throws IOException {
      RoleSegment[] segs = new RoleSegment[leaves.size()];
      for (int li = 0; li < segs.length; li++) {
        segs[li] = segment(leaves.get(li).reader());
      }
      return segs;
    }

    private TopK search(CompiledProfile p, int k, Predicate<Role> filter, Scratch sc)
        throws IOException {
      IndexReader reader = searcher.getIndexReader();
      List<LeafReaderContext> leaves = reader.leaves();
      int nLeaves = leaves.size();
      int maxDoc = reader.maxDoc();
      TopK top = new TopK(k);
      lastExactEvaluations = 0;
      lastForwardBounds = 0;
      lastBulkSegments = 0;
      lastBulkPasses = 0;
      if (nLeaves == 0) {
        return top;
      }
      long t0 = System.nanoTime();
      sc.ensure(maxDoc, nLeaves);
      RoleSegment[] segs = segments(leaves);
      ProfileKeys keys = ProfileKeys.of(p, evaluator, segs[0].keys, unknownKeys, sc, segs);
      long t1 = System.nanoTime();
      long[] planes = sc.planes; // all 0 between searches
      int pw = 0; // words of a plane: the segments' words, one after another
      int[] po = sc.planeOff;
      for (int li = 0; li < nLeaves; li++) {
        po[li] = pw;
        pw += segs[li].words;
      }
      sc.planeWords = pw;
      try {
        // 1. the guard clauses the profile touches: per guard slot a bit plane over the roles
        // (a posting sets a bit, with no test); then, a word at a time, the roles whose guards
        // are all touched are listed, in doc order
        int[] full = sc.fullDocs;
        int nFull = 0;
        int[] guardKeys = keys.guardKeys;
        for (int li = 0; li < nLeaves; li++) {
          RoleSegment seg = segs[li];
          int[] ks = seg.guardKeyStart;
          int[] gp = seg.guardPostings;
          int o = po[li];
          for (int i = 0; i < keys.nGuard; i++) {
            int key = guardKeys[i];
            if (key >= seg.keyEnd) {
              continue;
            }
            for (int j = ks[key], end = ks[key + 1]; j < end; j++) {
              int v = gp[j];
              planes[(v & 3) * pw + o + (v >>> 8)] |= 1L << (v >>> 2);
            }
          }
          int base = leaves.get(li).docBase;
          long[] has = seg.guardBits;
          int sw = seg.words;
          int partly = 0;
          for (int w = 0; w < sw; w++) {
            long p0 = planes[o + w];
            long p1 = planes[pw + o + w];
            long p2 = planes[2 * pw + o + w];
            long f = fullWord(p0, p1, p2, has, sw, w);
            partly += Long.bitCount((p0 | p1 | p2) & ~f);
            while (f != 0) {
              full[nFull++] = base + (w << 6 | Long.numberOfTrailingZeros(f));
              f &= f - 1;
            }
          }
          sc.partly[li] = partly;
        }
        long t2 = System.nanoTime();
        // 2. the bound of every live role whose guards are all touched, and a histogram of them
        float[] acc = sc.acc;
        int[] hist = sc.hist;
        Arrays.fill(hist, 0);
        int[] bases = sc.bases;
        Bits[] lives = sc.lives;
        for (int li = 0; li < nLeaves; li++) {
          bases[li] = leaves.get(li).docBase;
          lives[li] = leaves.get(li).reader().getLiveDocs();
        }
        sc.ids = idOrder(reader, segs, nLeaves);
        sc.limitId = null;
        for (int i = 0; i < nFull; i++) {
          int doc = full[i];
          int li = leafOf(doc, bases, nLeaves);
          int d = doc - bases[li];
          Bits live = lives[li];
          if (live != null && !live.get(d)) {
            acc[doc] = -1f;
            continue;
          }
          // every guard of the role is touched (a guard it lacks loses nothing)
          float b = segs[li].quickGuardBound(d, 7, keys.credit, keys.classFloor);
          acc[doc] = b;
          hist[bucket(b)]++;
        }
        // 3. those roles ordered by bound: a counting sort by histogram bucket into sc.order
        // (bucket bk owns order[start[bk], cursor[bk]), highest bucket first; a batch is sorted
        // by doc before it is scored); bucket() is monotone in the bound, so every role of a lower bucket has
        // a smaller bound than every role of a higher one
        int[] start = sc.start;
        int[] cursor = sc.cursor;
        int pos = 0;
        for (int b = BUCKETS - 1; b >= 0; b--) {
          start[b] = pos;
          cursor[b] = pos;
          pos += hist[b];
        }
        int[] order = sc.order;
        for (int i = 0; i < nFull; i++) { // (in walk order: a batch is sorted before scoring)
          float b = acc[full[i]];
          if (b >= 0) {
            order[cursor[bucket(b)]++] = full[i];
          }
        }
        long t3 = System.nanoTime();
        lastPhaseNanos[0] = t1 - t0;
        lastPhaseNanos[1] = t2 - t1;
        lastPhaseNanos[2] = t3 - t2;
        // 4. exact scoring in decreasing bucket order, until no bound can reach the k-th score.
        // A bucket holds the fully touched roles of the counting sort, and roles taken from each
        // segment's lists of untouched and partly touched roles, sorted by their static bounds.
        // A role taken is bounded again from its forward entries: it stays in this bucket or is
        // deferred to the lower bucket of its tighter bound, so roles are scored in the order of
        // their tight bounds. Roles are gathered into a batch that is scored in doc order once it
        // holds BATCH roles: doc values iterate forward only, so each batch re-opens each
        // segment's doc values at most once.
        int[] nonePos = sc.nonePos;
        int[] partPos = sc.partPos;
        for (int li = 0; li < nLeaves; li++) {
          nonePos[li] = 0;
          partPos[li] = 0;
          sc.bulkAbove[li] = Double.POSITIVE_INFINITY;
          sc.bulkPass[li] = 0;
          sc.bulkAgain[li] = -1;
        }
        int[] deferHead = sc.deferHead;
        int[] guardHead = sc.guardHead;
        Arrays.fill(deferHead, -1);
        Arrays.fill(guardHead, -1);
        int[] next = sc.next;
        boolean dropIneligible = evaluator.policy().knockoutMode() == KnockoutMode.FILTER;
        sc.batchSize = BATCH;
        sc.boundedAtFlush = 0;
        sc.nb = 0;
        for (int bk = BUCKETS - 1; bk >= 0; bk--) {
          // every bound of bucket bk and below is under (bk + 1) / BUCKET_SCALE (the 0.0001
          // covers the rounding of bucket()); roles gathered but not yet scored are scored below
          if (top.full() && bk < BUCKETS - 1
              && (bk + 1.0001) / BUCKET_SCALE <= top.threshold()) {
            break; // every remaining bound is below the k-th exact score
          }
          double t = top.threshold();
          for (int doc = deferHead[bk]; doc >= 0; doc = next[doc]) {
            if (acc[doc] >= t) {
              sc.add(doc);
            }
          }
          // the roles this bucket takes, bounded tightly in doc order (their entries are then
          // read front to back, not at random)
          int np = 0;
          for (int doc = guardHead[bk]; doc >= 0; doc = next[doc]) {
            if (acc[doc] >= t) {
              np = sc.pend(np, doc);
            }
          }
          for (int i = start[bk], to = cursor[bk]; i < to; i++) {
            int doc = order[i];
            if (acc[doc] >= t) {
              np = sc.pend(np, doc);
            }
          }
          for (int li = 0; li < nLeaves; li++) {
            if (sc.bulkAgain[li] >= bk) { // the next band of a bulk take
              np = bulk(segs[li], li, bk, t, keys, sc, np);
            }
            // roles no guard of which is touched, and roles some (not all) guards of which are
            np = walk(segs[li], false, li, bk, t, keys, sc, np);
            np = walk(segs[li], true, li, bk, t, keys, sc, np);
          }
          // in the bucket of the greatest score, where ties go to the smaller id, the roles are
          // taken in id order (a block of docs at a time): the top k fills with the least ids,
          // and once its k-th score is 100 every role of a greater id is dropped by rank
          int[] pending;
          if (bk >= TOP_BUCKET) {
            np = sc.sortPendingById(np, segs, nLeaves, maxDoc);
            pending = sc.pending;
          } else {
            pending = sc.sortPending(np, maxDoc);
          }
          for (int from = 0; from < np; from += TOUCH) {
            int to = Math.min(np, from + TOUCH);
            // the entries of the next few roles are read before any is bounded: their cache
            // misses overlap
            int readAhead = 0;
            // once the k-th score is 100, a role of a greater id than the k-th cannot enter, now
            // or later (the k-th id only falls): it is dropped before its entries are read
            int[] limit = top.full() && t >= MAX_SCORE ? sc.rankLimits(top, segs, nLeaves) : null;
            for (int i = from; i < to; i++) {
              int doc = pending[i];
              if (acc[doc] >= t) {
                int li = leafOf(doc, bases, nLeaves);
                int d = doc - bases[li];
                if (limit != null && segs[li].idRank[d] >= limit[li]) {
                  acc[doc] = -1f;
                  continue;
                }
                readAhead ^= segs[li].touch(d);
              }
            }
            sc.readAhead = readAhead;
            for (int i = from; i < to; i++) {
              int doc = pending[i];
              if (acc[doc] >= t
                  && tighten(doc, leafOf(doc, bases, nLeaves), bk, t, segs, keys, sc, top)) {
                flush(p, segs, filter, top, sc, leaves, dropIneligible);
                t = top.threshold();
              }
            }
          }
          if (sc.nb >= sc.batchSize) {
            flush(p, segs, filter, top, sc, leaves, dropIneligible);
          }
        }
        if (sc.nb > 0) {
          flush(p, segs, filter, top, sc, leaves, dropIneligible);
        }
        lastPhaseNanos[3] = System.nanoTime() - t3;
      } finally {
        Arrays.fill(planes, 0, PLANES * pw, 0L);
        keys.reset();
        Arrays.fill(sc.dvs, 0, nLeaves, null); // hold no reader state between searches
        Arrays.fill(sc.lives, 0, nLeaves, null);
        sc.ids = null;
      }
      return top;
    }

    /**
     * Takes, from a segment's list of untouched roles (or of partly touched ones, {@code part}),
     * the roles whose list bound is in bucket {@code bk} or above: each that is in that list and
     * live gets its guard bound, and is pended when that bound is still in this bucket and can
     * reach {@code t}, or waits in the list of its lower bucket. Returns the number pending.
     */
    private int walk(RoleSegment seg, boolean part, int li, int bk, double t, ProfileKeys keys,
        Scratch sc, int np) {
      int[] lo = part ? seg.partOrder : seg.noneOrder;
      float[] lb = part ? seg.partBound : seg.noneBound;
      int[] posOf = part ? sc.partPos : sc.nonePos;
      int q = posOf[li];
      if (q >= lo.length || bucket(lb[q]) < bk) {
        return np;
      }
      int partly = sc.partly[li];
      if (part && q >= partly >>> 2 && atLeast(lb, q, t) - q > partly) {
        // the walk has gone a quarter as far as there are partly touched roles, and at this
        // threshold it may still step over more than all of them (a step costs about what
        // bounding one of them at once does): take them at once
        return bulk(seg, li, bk, t, keys, sc, np);
      }
      Bits live = sc.lives[li];
      int base = sc.bases[li];
      byte[] all = seg.guardMask;
      long[] planes = sc.planes;
      int pw = sc.planeWords;
      int o = sc.planeOff[li];
      float[] acc = sc.acc;
      int[] next = sc.next;
      int[] guardHead = sc.guardHead;
      int[] wd = sc.walkDoc;
      int[] wm = sc.walkMask;
      float[] wb = sc.walkBound;
      boolean more = true;
      while (more) {
        // in chunks: the list's next roles still in this bucket that are in this list and live,
        // then their guard bounds (reads the processor can overlap, with no branch between
        // them), then where each goes
        int nw = 0;
        int qEnd = Math.min(lo.length, q + WALK);
        for (; q < qEnd; q++) {
          if (bucket(lb[q]) < bk) {
            more = false;
            break;
          }
          int d = lo[q];
          if (part) { // the bulk take leaves the roles the walk took
            planes[WALKED * pw + o + (d >>> 6)] |= 1L << d;
          }
          int m = touched(planes, pw, o, d);
          if ((part ? m == 0 || m == all[d] : m != 0) || (live != null && !live.get(d))) {
            continue; // in another list, or deleted
          }
          wd[nw] = d;
          wm[nw++] = m;
        }
        if (q == lo.length) {
          more = false;
        }
        for (int w = 0; w < nw; w++) {
          // at most the list's bound: the touched guards, less the degree clause's loss
          wb[w] = seg.quickGuardBound(wd[w], wm[w], keys.credit, keys.classFloor);
        }
        for (int w = 0; w < nw; w++) {
          float b = wb[w];
          int doc = base + wd[w];
          int gb = bucket(b);
          if (gb < bk) { // its guard bound belongs to a lower bucket: wait there
            acc[doc] = b;
            next[doc] = guardHead[gb];
            guardHead[gb] = doc;
          } else if (b >= t) {
            acc[doc] = b;
            np = sc.pend(np, doc);
          }
        }
      }
      posOf[li] = q;
      return np;
    }

    /**
     * Takes the rest of a segment's list of partly touched roles at once, for a search whose
     * threshold falls deep into that list (a profile that meets few of the heavy clauses of most
     * roles). Walking the list in bound order steps over every role no guard of which is touched
     * (most of the list then) and reads each role's guard bound at random. Here the partly
     * touched roles are found a word at a time from the guard planes, in doc order, and those the
     * walk has not taken yet are bounded front to back. Each goes where the walk would have put
     * it, or is dropped when its bound is already below {@code t} (the threshold only rises).
     *
     * <p>The take often comes while the top k is still poor: {@code t} far below bucket {@code
     * bk}, so that most roles would pass it and wait in bucket lists the search never reaches.
     * So a pass takes only the roles whose quick bound ({@link RoleSegment#quickBound}) is at
     * least a floor {@link #BULK_DROP} buckets under {@code bk}, and the search makes the next
     * pass (twice as deep) only if it comes down to that floor. Returns the number pending.
     */
    private int bulk(RoleSegment seg, int li, int bk, double t, ProfileKeys keys, Scratch sc,
        int np) {
      int pass = sc.bulkPass[li]++;
      if (pass == 0) {
        lastBulkSegments++;
      }
      lastBulkPasses++;
      sc.partPos[li] = seg.partOrder.length;
      // this pass takes the roles whose quick bound is in [below, above): above the last pass's
      // floor, and at least t or a floor BULK_DROP buckets under bk (doubling pass by pass), so
      // that a threshold still far below bk does not let most roles in at once
      double above = sc.bulkAbove[li];
      double floor = (bk - ((long) BULK_DROP << Math.min(pass, 20))) / BUCKET_SCALE;
      double below = Math.max(t, floor) * RoleSegment.QUICK_UNIT;
      if (t >= floor) {
        sc.bulkAgain[li] = -1; // every role that can still reach t is taken
      } else {
        sc.bulkAbove[li] = below;
        // a role left has a guard bound under below / QUICK_UNIT: in this bucket or a lower one
        sc.bulkAgain[li] = (int) (below / RoleSegment.QUICK_UNIT * BUCKET_SCALE) + 1;
      }
      Bits live = sc.lives[li];
      int base = sc.bases[li];
      long[] planes = sc.planes;
      int pw = sc.planeWords;
      int o = sc.planeOff[li];
      long[] has = seg.guardBits;
      int sw = seg.words;
      float[] acc = sc.acc;
      int[] next = sc.next;
      int[] guardHead = sc.guardHead;
      for (int w = 0; w < sw; w++) {
        long p0 = planes[o + w];
        long p1 = planes[pw + o + w];
        long p2 = planes[2 * pw + o + w];
        // partly touched, not taken by the walk yet
        long x = (p0 | p1 | p2) & ~fullWord(p0, p1, p2, has, sw, w) & ~planes[WALKED * pw + o + w];
        while (x != 0) {
          int d = (w << 6) | Long.numberOfTrailingZeros(x);
          x &= x - 1;
          int m = (int) (p0 >>> d) & 1 | ((int) (p1 >>> d) & 1) << 1 | ((int) (p2 >>> d) & 1) << 2;
          int qb = seg.quickBound(d, m);
          if (qb < below || qb >= above || (live != null && !live.get(d))) {
            continue; // for another pass, cannot reach t, or deleted
          }
          float b = (float) (seg.quickGuard(d, qb, keys.credit, keys.classFloor)
              / RoleSegment.QUICK_UNIT);
          if (b < t) {
            continue;
          }
          int doc = base + d;
          acc[doc] = b;
          int gb = bucket(b);
          if (gb < bk) {
            next[doc] = guardHead[gb];
            guardHead[gb] = doc;
          } else {
            np = sc.pend(np, doc);
          }
        }
      }
      return np;
    }

    /**
     * Bounds a role taken in bucket {@code bk} tightly, from its forward entries: one that can
     * still reach {@code t} joins the batch when its tight bound is still in {@code bk} (or the top
     * k is not full yet), else it waits in the list of its lower bucket ({@code acc} holds the
     * tight bound). Returns whether the batch should be scored now: it could fill the top k.
     */
    private boolean tighten(int doc, int li, int bk, double t, RoleSegment[] segs, ProfileKeys keys,
        Scratch sc, TopK top) {
      RoleSegment seg = segs[li];
      int d = doc - sc.bases[li];
      if (top.full() && t >= MAX_SCORE
          && seg.idRank[d] >= sc.rankLimits(top, segs, segs.length)[li]) {
        return false; // at best ties the k-th score, 100, with a greater id: cannot enter
      }
      lastForwardBounds++;
      float fb = seg.forwardBound(d, keys.credit, keys.classWeight, keys.classFloor, t,
          touched(sc.planes, sc.planeWords, sc.planeOff[li], d));
      if (fb < t) {
        return false;
      }
      sc.acc[doc] = fb;
      int b = bucket(fb);
      if (b >= bk) {
        sc.add(doc);
        if (bk >= TOP_BUCKET && !top.full()) {
          // taken in id order here: scored as soon as they could fill the top k, the first
          // roles to score 100 hold its least ids, and every greater id is dropped by rank
          return sc.nb >= top.k - top.size;
        }
      } else if (!top.full()) { // until the top k is full, every role counts
        sc.add(doc);
        return sc.nb >= top.k - top.size;
      } else {
        sc.next[doc] = sc.deferHead[b];
        sc.deferHead[b] = doc;
      }
      // score a pending batch when it is big enough, or when roles keep being bounded while it
      // waits: its scores raise the threshold those bounds are compared with
      return sc.nb >= sc.batchSize
          || (sc.nb > 0 && lastForwardBounds - sc.boundedAtFlush >= FLUSH_AFTER_BOUNDS);
    }

    /** Scores the pending batch. */
    private void flush(CompiledProfile p, RoleSegment[] segs, Predicate<Role> filter, TopK top,
        Scratch sc, List<LeafReaderContext> leaves, boolean dropIneligible) throws IOException {
      sc.boundedAtFlush = lastForwardBounds;
      scoreBatch(sc.batch, sc.nb, p, segs, filter, top, sc, leaves, dropIneligible);
      sc.nb = 0;
      // when many roles need exact scores (large N, loose bounds), larger batches keep the
      // doc-values reopenings (and their garbage) logarithmic in their number
      sc.batchSize = Math.min(MAX_BATCH, 2 * sc.batchSize);
    }

    /**
     * The guards of a segment's doc a search touched (bits), from the guard planes of {@code pw}
     * words each, where the segment's words start at {@code o}.
     */
    private static int touched(long[] planes, int pw, int o, int d) {
      int w = o + (d >>> 6);
      return (int) (planes[w] >>> d) & 1 | ((int) (planes[pw + w] >>> d) & 1) << 1
          | ((int) (planes[2 * pw + w] >>> d) & 1) << 2;
    }

    /**
     * Of word {@code w} of a segment's docs, those whose guards are all touched: its words of the
     * three guard planes, and the segment's {@code guardBits} of {@code sw} words a guard.
     */
    private static long fullWord(long p0, long p1, long p2, long[] has, int sw, int w) {
      return (p0 | p1 | p2) & (p0 | ~has[w]) & (p1 | ~has[sw + w]) & (p2 | ~has[2 * sw + w]);
    }

    /**
     * One past the last entry from {@code q} on of a list's descending bounds that is at least
     * {@code t}: how far the walk could still go at this threshold.
     */
    private static int atLeast(float[] lb, int q, double t) {
      int lo = q;
      int hi = lb.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (lb[mid] >= t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** The index of the segment holding a doc ({@code bases} ascending). */
    private static int leafOf(int doc, int[] bases, int n) {
      int lo = 0;
      int hi = n - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (bases[mid] <= doc) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo;
    }

    /** Scores the docs of a batch exactly, in doc order, into the top k. */
    private void scoreBatch(int[] batch, int nb, CompiledProfile p,
        RoleSegment[] segs, Predicate<Role> filter, TopK top, Scratch sc,
        List<LeafReaderContext> leaves, boolean dropIneligible) throws IOException {
      Arrays.sort(batch, 0, nb);
      float[] acc = sc.acc;
      int[] bases = sc.bases;
      int[] dvLast = sc.dvLast;
      BinaryDocValues[] dvs = sc.dvs;
      int nLeaves = leaves.size();
      CompiledRole role = sc.role;
      ScoreSheet sheet = sc.sheet;
      RecordReader filtered = null; // the whole roles a filter sees, read forward as the batch
      int li = 0;
      for (int i = 0; i < nb; i++) {
        int doc = batch[i];
        if (acc[doc] < top.threshold()) {
          continue; // cannot enter any more
        }
        while (li + 1 < nLeaves && doc >= bases[li + 1]) {
          li++;
        }
        int d = doc - bases[li];
        if (top.full() && top.threshold() >= MAX_SCORE
            && segs[li].idRank[d] >= sc.rankLimits(top, segs, nLeaves)[li]) {
          continue; // at best ties the k-th score, 100, with a greater id: cannot enter
        }
        BinaryDocValues dv = dvs[li];
        if (dv == null || d <= dvLast[li]) { // doc values iterate forward only
          dv = leaves.get(li).reader().getBinaryDocValues(IndexFields.COMPILED);
          dvs[li] = dv;
          if (dv == null) {
            continue;
          }
        }
        dvLast[li] = d;
        if (!dv.advanceExact(d)) {
          continue;
        }
        BytesRef bytes = dv.binaryValue();
        if (top.full() && top.threshold() >= MAX_SCORE && CompiledCodec.compareRoleId(
            bytes.bytes, bytes.offset, bytes.length, top.ids[0]) > 0) {
          continue; // at best ties the k-th score, 100, with a greater id: cannot enter
        }
        lastExactEvaluations++;
        // the id is read only for a role that may enter the top k (most scored roles do not)
        CompiledCodec.decodeWithoutId(bytes.bytes, bytes.offset, bytes.length, role);
        // the exact score of a role that can enter; one that cannot stops being evaluated once
        // its losses show it
        double score = evaluator.scoreAtLeast(role, p, sheet, top.threshold());
        if (dropIneligible && !sheet.eligible()) {
          continue;
        }
        if (!top.competitive(score)) {
          continue;
        }
        if (top.full() && score == top.threshold() && CompiledCodec.compareRoleId(bytes.bytes,
            bytes.offset, bytes.length, top.ids[0]) > 0) {
          continue; // ties the k-th score with a greater id: cannot enter (no id is built)
        }
        String id = CompiledCodec.roleId(bytes.bytes, bytes.offset, bytes.length);
        if (filter != ALL) {
          if (filtered == null) {
            filtered = new RecordReader(searcher.getIndexReader(), "role");
          }
          if (!filter.test(storedRole(filtered, doc))) {
            continue;
          }
        }
        top.offer(score, id, doc);
      }
    }

    private static int bucket(float b) {
      int bucket = (int) (b * BUCKET_SCALE);
      return bucket < 0 ? 0 : bucket >= BUCKETS ? BUCKETS - 1 : bucket;
    }

    private List<MatchResult> results(TopK top, CandidateProfile profile, CompiledProfile p,
        Scratch sc) throws IOException {
      int[] rank = top.order();
      // explained in doc id order, so each segment's doc values are opened once and read forward
      long[] byDoc = new long[rank.length];
      for (int i = 0; i < rank.length; i++) {
        byDoc[i] = ((long) top.docs[rank[i]] << 32) | i;
      }
      java.util.Arrays.sort(byDoc);
      MatchResult[] out = new MatchResult[rank.length];
      RecordReader reader = new RecordReader(searcher.getIndexReader(), "role");
      for (long key : byDoc) {
        int i = (int) key;
        int doc = (int) (key >>> 32);
        BytesRef b = reader.record(doc);
        Role role = RecordCodec.decodeRole(b.bytes, b.offset, b.length);
        // the compiled form the search scored (compiling the role again costs more than reading
        // it); an index built with another taxonomy is recompiled when it is opened
        BytesRef c = reader.compiled(doc);
        CompiledRole compiled = sc.role; // free once the search is over
        CompiledCodec.decode(c.bytes, c.offset, c.length, compiled);
        MatchResult m = scorer.score(role, compiled, profile, p, sc.sheet);
        if (m.score() != top.scores[rank[i]]) {
          throw new IllegalStateException("role '" + role.id() + "' scored " + m.score()
              + " in its explanation but " + top.scores[rank[i]] + " in the search");
        }
        out[i] = m;
      }
      return new ArrayList<>(java.util.Arrays.asList(out));
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        store.release(searcher);
      }
    }
  }

  /** The filter that accepts every role (skips the per-candidate record read). */
  public static final Predicate<Role> ALL = r -> true;

  /** Per-search working arrays, pooled so that a search allocates nothing proportional to N. */
  static final class Scratch {
    float[] acc = new float[0];
    /**
     * Per guard slot, a bit per role: the guard clauses the search touched; all 0 between
     * searches. Plane {@code g} starts at {@code g * planeWords}; in it, segment {@code li}'s
     * words start at {@code planeOff[li]}.
     */
    long[] planes = new long[0];
    int planeWords;
    int[] planeOff = new int[0];
    /** Roles whose guards a search touched all of. */
    int[] fullDocs = new int[0];
    final int[] hist = new int[BUCKETS];
    final CompiledRole role = new CompiledRole();
    final ScoreSheet sheet = new ScoreSheet();
    double[] creditByKey = new double[0];
    float[] creditFloat = new float[0];
    int[] touched = new int[256];
    int[] guardKeys = new int[256];
    double[] classWeight;
    double[] classFloor;
    int[] batch = new int[2 * BATCH];
    int nb;
    int batchSize;
    /** {@code lastForwardBounds} when the last batch was scored. */
    int boundedAtFlush;
    /** Per bucket, the first role deferred to it, and per role the next (-1 ends a list). */
    final int[] deferHead = new int[BUCKETS];
    /** Per bucket, the first partly touched role waiting to be bounded tightly there. */
    final int[] guardHead = new int[BUCKETS];
    int[] next = new int[0];
    /** A chunk of list entries being placed: docs, their guard bits, their guard bounds. */
    final int[] walkDoc = new int[WALK];
    final int[] walkMask = new int[WALK];
    final float[] walkBound = new float[WALK];

    /** Roles a bucket takes, before they are bounded tightly. */
    int[] pending = new int[256];
    /** Bits by doc, to sort many pending roles in linear time (all 0 between uses). */
    long[] pendingBits = new long[0];
    /** What reading ahead found (kept, so that the reads are not left out as unused). */
    int readAhead;

    int pend(int np, int doc) {
      if (np == pending.length) {
        pending = Arrays.copyOf(pending, 2 * np);
      }
      pending[np] = doc;
      return np + 1;
    }

    /**
     * Orders the first {@code np} pending roles (distinct docs) by id, a block of 128 docs at a
     * time: blocks by the {@link IdOrder} key of their least id, docs of a block in doc order.
     * Ids added in runs (numbered ids, in insertion order) lie in a block in id order, so this is
     * their id order, without reading a rank per role. Returns how many stay pending: a doc of a
     * block none of whose docs has a compiled form (no rank) cannot be scored and is dropped.
     */
    int sortPendingById(int np, RoleSegment[] segs, int nLeaves, int maxDoc) {
      if (byId.length < np) {
        byId = new long[Math.max(np, 2 * byId.length)];
      }
      long[] keys = byId;
      int n = 0;
      sortPending(np, maxDoc); // doc order first: the radix sort below keeps it within a block
      for (int i = 0; i < np; i++) {
        int doc = pending[i];
        int li = Snapshot.leafOf(doc, bases, nLeaves);
        int rank = segs[li].blockMinRank[(doc - bases[li]) >> RoleSegment.BLOCK_SHIFT];
        if (rank != Integer.MAX_VALUE) {
          keys[n++] = (long) ids.key(li, rank) << 32 | doc;
        }
      }
      if (n < 256) {
        Arrays.sort(keys, 0, n);
      } else {
        radixSortByHighInt(n, ids.blocks() << RoleSegment.ID_SAMPLE_SHIFT);
      }
      for (int i = 0; i < n; i++) {
        pending[i] = (int) keys[i];
      }
      return n;
    }

    /**
     * Sorts the first {@code n} of {@link #byId} by their upper 32 bits, all below {@code
     * bound}: 11 bits a pass, least significant first.
     */
    private void radixSortByHighInt(int n, int bound) {
      if (byIdSwap.length < byId.length) {
        byIdSwap = new long[byId.length];
      }
      long[] from = byId;
      long[] to = byIdSwap;
      int[] count = radixCount;
      for (int shift = 32; shift < 64 && (bound >>> (shift - 32)) != 0; shift += RADIX_BITS) {
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
          count[(int) (from[i] >>> shift) & RADIX_MASK]++;
        }
        for (int b = 0, sum = 0; b < count.length; b++) {
          int c = count[b];
          count[b] = sum;
          sum += c;
        }
        for (int i = 0; i < n; i++) {
          long v = from[i];
          to[count[(int) (v >>> shift) & RADIX_MASK]++] = v;
        }
        long[] t = from;
        from = to;
        to = t;
      }
      if (from != byId) {
        System.arraycopy(from, 0, byId, 0, n);
      }
    }

    /**
     * Per segment the rank its docs must be below to enter a top k whose k-th score is 100 and
     * whose k-th id is {@code top.ids[0]} (recomputed when that id changed).
     */
    int[] rankLimits(TopK top, RoleSegment[] segs, int nLeaves) {
      String id = top.ids[0];
      if (id != limitId) {
        limitId = id;
        for (int li = 0; li < nLeaves; li++) {
          rankLimit[li] = segs[li].rankLimit(id);
        }
      }
      return rankLimit;
    }

    /** The first {@code np} pending roles in doc order (distinct docs). */
    int[] sortPending(int np, int maxDoc) {
      if (np < 1024 || np < (maxDoc >>> 8)) {
        Arrays.sort(pending, 0, np);
        return pending;
      }
      int words = (maxDoc >>> 6) + 1;
      if (pendingBits.length < words) {
        pendingBits = new long[words];
      }
      long[] bits = pendingBits;
      for (int i = 0; i < np; i++) {
        bits[pending[i] >>> 6] |= 1L << pending[i];
      }
      int n = 0;
      for (int w = 0; w < words && n < np; w++) {
        long x = bits[w];
        bits[w] = 0;
        while (x != 0) {
          pending[n++] = (w << 6) | Long.numberOfTrailingZeros(x);
          x &= x - 1;
        }
      }
      return pending;
    }

    void add(int doc) {
      if (nb == batch.length) {
        batch = Arrays.copyOf(batch, 2 * nb);
      }
      batch[nb++] = doc;
    }

    /** Live doc ids ordered by bound bucket (highest first), and the buckets' offsets. */
    int[] order = new int[0];
    final int[] start = new int[BUCKETS];
    final int[] cursor = new int[BUCKETS];
    /** The id order of the searched reader's roles. */
    IdOrder ids;
    /**
     * Per segment the rank its docs must be below to tie their way into the top k ({@link
     * #rankLimits}, for {@link #limitId}).
     */
    int[] rankLimit = new int[0];
    String limitId;
    long[] byId = new long[0];
    long[] byIdSwap = new long[0];
    final int[] radixCount = new int[1 << RADIX_BITS];
    /** Per segment: doc base, compiled doc values and the last doc they were positioned on. */
    int[] bases = new int[0];
    int[] dvLast = new int[0];
    BinaryDocValues[] dvs = new BinaryDocValues[0];
    Bits[] lives = new Bits[0];
    /** Per segment: the next role of its none and partial lists. */
    int[] nonePos = new int[0];
    int[] partPos = new int[0];
    /** Per segment: how many of its roles the search touches some but not all guards of. */
    int[] partly = new int[0];
    /**
     * Per segment, for a bulk take in passes: the quick bound (in units) the roles of the next
     * pass stay under, the passes made, and the bucket at which the next is due (-1: none).
     */
    double[] bulkAbove = new double[0];
    int[] bulkPass = new int[0];
    int[] bulkAgain = new int[0];

    void ensure(int maxDoc, int leaves) {
      if (acc.length < maxDoc) {
        int cap = Math.max(maxDoc, acc.length + (acc.length >> 2));
        acc = new float[cap];

        fullDocs = new int[cap];
        next = new int[cap];
        order = new int[cap];
      }
      if (bases.length < leaves) {
        int cap = Math.max(leaves, 2 * bases.length);
        bases = new int[cap];
        dvLast = new int[cap];
        dvs = new BinaryDocValues[cap];
        lives = new Bits[cap];
        nonePos = new int[cap];
        partPos = new int[cap];
        planeOff = new int[cap];
        partly = new int[cap];
        bulkAbove = new double[cap];
        bulkPass = new int[cap];
        bulkAgain = new int[cap];
        rankLimit = new int[cap];
      }
      int planeWords = (maxDoc >>> 6) + leaves + 1; // each segment's words start a word
      if (planes.length < PLANES * planeWords) {
        planes = new long[PLANES * Math.max(planeWords, planes.length / 2)];
      }
    }
  }

  static UncheckedIOException unchecked(IOException e) {
    return new UncheckedIOException(e);
  }
}
