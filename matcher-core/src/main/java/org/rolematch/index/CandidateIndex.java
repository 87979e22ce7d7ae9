package org.rolematch.index;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
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
 * Candidate profiles in a Lucene index, searched for the candidates that best match one role.
 *
 * <pre>{@code
 * try (CandidateIndex index = CandidateIndex.open(null, eval)) {
 *   index.addAll(profiles);
 *   List<MatchResult> top = index.rankCandidates(role, 10, p -> true);
 * }
 * }</pre>
 *
 * <h2>How a search runs</h2>
 *
 * <p>The role becomes a bound plan ({@link CandidateBounds#plan}): per requirement, alternatives
 * of a term and the weighted credit it can give at most (a listed concept or one below it, via the
 * profile's concepts closed under ancestors; sibling and broader credit bounded statically;
 * degree states, fields, places, flags), plus years-based credit for experience years, career
 * stage and equivalent experience, and the role's static floor. Per segment, the postings of
 * only those terms are walked into one float per document (the best credit per requirement); a
 * term's postings are decoded once per segment core and cached, and a term most documents hold
 * is kept and read as its complement; each document's years come from a per-segment array built
 * on first use. A profile's bound is never below its
 * exact score. Live documents are counted into bound buckets; buckets are then taken from the
 * top in batches (in doc id order, so doc values read forward) and each document whose bound
 * can still reach the k-th exact score is scored exactly; the search stops when the next bucket's
 * largest bound cannot. The result equals exhaustive scoring. {@link #query} keeps the same bounds
 * as a Lucene query (not used by the search).
 *
 * <p>Thread-safe, with the same write and visibility rules as {@link RoleIndex}.
 */
public final class CandidateIndex implements Closeable {
  private final ClauseEvaluator evaluator;
  private final Scorer scorer;
  private final ConceptGraph graph;
  private final LuceneStore store;

  private CandidateIndex(Path path, ClauseEvaluator evaluator, int maxBufferedDocs)
      throws IOException {
    this.evaluator = evaluator;
    this.scorer = Scorer.of(evaluator);
    this.graph = evaluator.graph();
    String fp = Long.toHexString(graph.fingerprint());
    this.store = new LuceneStore(path, fp, maxBufferedDocs, new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
        IndexSearcher s = new IndexSearcher(reader);
        // every role query is different: caching its filters costs more than it saves
        s.setQueryCache(null);
        return s;
      }
    });
    if (store.storedFingerprint != null && !store.storedFingerprint.equals(fp)) {
      addAll(profiles());
      commit();
    }
  }

  /** Opens a candidate index on disk, or in memory when {@code directory} is null. */
  public static CandidateIndex open(Path directory, ClauseEvaluator evaluator) throws IOException {
    return new CandidateIndex(directory, requireNonNull(evaluator, "evaluator"), 0);
  }

  /** Opens a candidate index that flushes every {@code maxBufferedDocs} documents (0: default). */
  public static CandidateIndex open(Path directory, ClauseEvaluator evaluator,
      int maxBufferedDocs) throws IOException {
    if (maxBufferedDocs < 0 || maxBufferedDocs == 1) {
      throw new IllegalArgumentException(
          "maxBufferedDocs must be 0 (default) or at least 2, got " + maxBufferedDocs);
    }
    return new CandidateIndex(directory, requireNonNull(evaluator, "evaluator"), maxBufferedDocs);
  }

  // ---------------------------------------------------------------------------------------------
  // Writes

  private Document document(CandidateProfile profile) {
    CompiledProfile p = CompiledProfile.compile(profile, graph);
    Document d = new Document();
    d.add(new StringField(IndexFields.ID, profile.id(), Field.Store.NO));
    for (int i = 0; i < p.upCount(); i++) {
      d.add(new StringField(IndexFields.CONCEPT, graph.id(p.up(i)), Field.Store.NO));
    }
    for (int i = 0; i < p.unknownCount(); i++) {
      d.add(new StringField(IndexFields.CONCEPT, p.unknown(i), Field.Store.NO));
    }
    Set<String> fields = new HashSet<>();
    boolean known = false;
    boolean empty = false;
    for (int i = 0; i < p.degreeCount(); i++) {
      d.add(new StringField(IndexFields.DEGREE, degreeTerm(p.degreeLevel(i), p.degreeStatus(i)),
          Field.Store.NO));
      int f = p.degreeField(i);
      if (f >= 0) {
        known = true;
        fields.add(graph.id(f));
        for (int a : graph.ancestors(f)) {
          fields.add(graph.id(a));
        }
      } else if (f == -1) {
        fields.add(p.degreeFieldText(i));
      } else {
        empty = true;
      }
    }
    for (String f : fields) {
      d.add(new StringField(IndexFields.FIELD, f, Field.Store.NO));
    }
    if (known) {
      d.add(new StringField(IndexFields.FIELD_STATE, "known", Field.Store.NO));
    }
    if (empty) {
      d.add(new StringField(IndexFields.FIELD_STATE, "empty", Field.Store.NO));
    }
    d.add(new DoublePoint(IndexFields.YEARS, p.years()));
    for (int i = 0; i < p.placeCount(); i++) {
      d.add(new StringField(IndexFields.PLACE, graph.id(p.place(i)), Field.Store.NO));
    }
    for (int i = 0; i < p.placeParentCount(); i++) {
      d.add(new StringField(IndexFields.PLACE_NEAR, graph.id(p.placeParent(i)), Field.Store.NO));
    }
    if (p.publications() > 0) {
      d.add(new StringField(IndexFields.FLAG, "publication", Field.Store.NO));
    }
    if (p.internships() > 0) {
      d.add(new StringField(IndexFields.FLAG, "internship", Field.Store.NO));
    }
    if (p.hasAuthorization()) {
      d.add(new StringField(IndexFields.FLAG, "auth", Field.Store.NO));
    } else {
      d.add(new StringField(IndexFields.FLAG, "auth_silent", Field.Store.NO));
      if (!p.hasLocation()) {
        d.add(new StringField(IndexFields.FLAG, "loc_silent", Field.Store.NO));
      }
    }
    byte[] record = RecordCodec.encode(profile);
    d.add(new StoredField(IndexFields.RECORD, record));
    d.add(new BinaryDocValuesField(IndexFields.RECORD_DV, new BytesRef(record)));
    d.add(new BinaryDocValuesField(IndexFields.COMPILED, new BytesRef(CompiledCodec.encode(p))));
    return d;
  }

  private static String degreeTerm(int level, int status) {
    return level + "/" + status;
  }

  /** Adds a profile, replacing any profile with the same id; visible on return. */
  public void add(CandidateProfile profile) throws IOException {
    addAll(List.of(requireNonNull(profile, "profile")));
  }

  /** Adds profiles (each replacing any profile with its id); visible on return. */
  public void addAll(Collection<CandidateProfile> profiles) throws IOException {
    requireNonNull(profiles, "profiles");
    List<Document> docs = new ArrayList<>(profiles.size());
    List<String> ids = new ArrayList<>(profiles.size());
    for (CandidateProfile p : profiles) {
      docs.add(document(requireNonNull(p, "profile")));
      ids.add(p.id());
    }
    store.replace(ids, docs);
  }

  /** Removes the profile with this id; returns whether there was one. */
  public boolean delete(String id) throws IOException {
    return store.delete(requireNonNull(id, "id"));
  }

  /** Commits all changes to the directory. */
  public void commit() throws IOException {
    store.commit();
  }

  // ---------------------------------------------------------------------------------------------
  // Reads

  /** The profile with this id (read from doc values, which hold the same record as stored). */
  public Optional<CandidateProfile> get(String id) throws IOException {
    return store.record(requireNonNull(id, "id"),
        b -> RecordCodec.decodeProfile(b.bytes, b.offset, b.length));
  }

  /** Number of profiles. */
  public int size() throws IOException {
    IndexSearcher s = store.acquire();
    try {
      return s.getIndexReader().numDocs();
    } finally {
      store.release(s);
    }
  }

  /** Every profile, in index order. */
  public List<CandidateProfile> profiles() throws IOException {
    IndexSearcher s = store.acquire();
    try {
      List<CandidateProfile> out = new ArrayList<>();
      for (LeafReaderContext ctx : s.getIndexReader().leaves()) {
        Bits live = ctx.reader().getLiveDocs();
        for (int d = 0; d < ctx.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) {
            BytesRef b = s.storedFields().document(ctx.docBase + d)
                .getBinaryValue(IndexFields.RECORD);
            out.add(RecordCodec.decodeProfile(b.bytes, b.offset, b.length));
          }
        }
      }
      return out;
    } finally {
      store.release(s);
    }
  }

  /**
   * The best {@code k} candidates for a role, best first (score descending, then candidate id),
   * with explanations. Profiles the filter rejects, and ineligible ones under {@link
   * KnockoutMode#FILTER}, are left out. Identical to {@link Scorer#rankCandidates}.
   */
  public List<MatchResult> rankCandidates(Role role, int k, Predicate<CandidateProfile> filter)
      throws IOException {
    requireNonNull(role, "role");
    requireNonNull(filter, "filter");
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    CompiledRole r = CompiledRole.compile(role, graph);
    IndexSearcher s = store.acquire();
    try {
      return search(s, role, r, k, filter);
    } finally {
      store.release(s);
    }
  }

  /** Searches run and profiles scored exactly so far (diagnostics, not thread-safe). */
  static final java.util.concurrent.atomic.LongAdder PAGES =
      new java.util.concurrent.atomic.LongAdder();
  static final java.util.concurrent.atomic.LongAdder EXACT =
      new java.util.concurrent.atomic.LongAdder();

  /** The filter that accepts every profile. */
  public static final Predicate<CandidateProfile> ALL = p -> true;

  private final java.util.concurrent.ConcurrentHashMap<IndexReader.CacheKey,
      CandidateBounds.Segment> segments = new java.util.concurrent.ConcurrentHashMap<>();

  /** The per-segment bound data of a leaf, built by the first search that meets it. */
  CandidateBounds.Segment segment(LeafReader leaf) throws IOException {
    IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
    if (helper == null) {
      return CandidateBounds.Segment.build(leaf);
    }
    IndexReader.CacheKey key = helper.getKey();
    CandidateBounds.Segment seg = segments.get(key);
    if (seg == null) {
      seg = CandidateBounds.Segment.build(leaf);
      if (segments.putIfAbsent(key, seg) == null) {
        helper.addClosedListener(segments::remove);
      }
    }
    return seg;
  }

  private static final int BUCKETS = 4096;

  private List<MatchResult> search(IndexSearcher s, Role role, CompiledRole r, int k,
      Predicate<CandidateProfile> filter) throws IOException {
    double total = 0;
    for (int i = 0; i < r.clauseCount(); i++) {
      total += evaluator.weight(r, i);
    }
    CandidateBounds.Plan plan = CandidateBounds.plan(evaluator, r);
    double scale = total > 0 ? 100.0 / total : 0;
    double floor = plan.floor;
    IndexReader reader = s.getIndexReader();
    List<LeafReaderContext> leaves = reader.leaves();
    int nLeaves = leaves.size();
    TopK top = new TopK(k);
    Exact exact = new Exact(leaves, r, filter, top);
    // per segment: the weighted bound above the floor of every document
    float[][] accs = new float[nLeaves][];
    float[] offsets = new float[nLeaves];
    Bits[] lives = new Bits[nLeaves];
    float maxAcc = 0;
    int maxDocs = 0;
    for (LeafReaderContext ctx : leaves) {
      maxDocs = Math.max(maxDocs, ctx.reader().maxDoc());
    }
    float[] scratch = new float[maxDocs];
    int[] stamp = new int[maxDocs];
    int[] epoch = new int[1];
    for (int li = 0; li < nLeaves; li++) {
      LeafReader leaf = leaves.get(li).reader();
      int maxDoc = leaf.maxDoc();
      float[] acc = new float[maxDoc];
      float off = CandidateBounds.accumulate(plan, leaf, segment(leaf), acc, scratch, stamp,
          epoch);
      Bits live = leaf.getLiveDocs();
      for (int d = 0; d < maxDoc; d++) {
        float v = Math.max(0f, acc[d] + off); // the bound above the floor, as one number
        acc[d] = v;
        if ((live == null || live.get(d)) && v > maxAcc) {
          maxAcc = v;
        }
      }
      accs[li] = acc;
      lives[li] = live;
    }
    // counting sort by bound bucket: count and the largest bound per bucket
    double inv = maxAcc > 0 ? (BUCKETS - 1) / (double) maxAcc : 0;
    int[] count = new int[BUCKETS];
    float[] bucketMax = new float[BUCKETS];
    for (int li = 0; li < nLeaves; li++) {
      float[] acc = accs[li];
      Bits live = lives[li];
      for (int d = 0; d < acc.length; d++) {
        if (live == null || live.get(d)) {
          int b = (int) (acc[d] * inv);
          count[b]++;
          if (acc[d] > bucketMax[b]) {
            bucketMax[b] = acc[d];
          }
        }
      }
    }
    int hi = BUCKETS - 1;
    int target = Math.max(16 * k, 256);
    int[] batch = new int[0];
    while (hi >= 0) {
      while (hi >= 0 && count[hi] == 0) {
        hi--;
      }
      if (hi < 0 || bound(floor, bucketMax[hi], scale) < top.threshold()) {
        break;
      }
      int lo = hi;
      int n = count[hi];
      while (lo > 0 && n < target) {
        if (count[lo - 1] > 0 && bound(floor, bucketMax[lo - 1], scale) < top.threshold()) {
          break;
        }
        lo--;
        n += count[lo];
      }
      if (batch.length < n) {
        batch = new int[n];
      }
      int m = 0;
      for (int li = 0; li < nLeaves; li++) {
        float[] acc = accs[li];
        Bits live = lives[li];
        int base = leaves.get(li).docBase;
        for (int d = 0; d < acc.length; d++) {
          int b = (int) (acc[d] * inv);
          if (b >= lo && b <= hi && (live == null || live.get(d))) {
            batch[m++] = base + d;
          }
        }
      }
      PAGES.increment();
      // batch holds global doc ids in increasing order: doc values read forward
      for (int i = 0; i < m; i++) {
        int doc = batch[i];
        int li = ReaderUtil.subIndex(doc, leaves);
        float a = accs[li][doc - leaves.get(li).docBase];
        if (bound(floor, a, scale) >= top.threshold()) {
          exact.score(doc);
        }
      }
      hi = lo - 1;
      target = (int) Math.min(1 << 24, target * 4L);
    }
    List<MatchResult> out = new ArrayList<>(top.size);
    ScoreSheet sheet = new ScoreSheet();
    for (int i : top.order()) {
      CandidateProfile p = exact.record(top.docs[i]);
      MatchResult m = scorer.score(role, r, p, CompiledProfile.compile(p, graph), sheet);
      if (m.score() != top.scores[i]) {
        throw new IllegalStateException("profile '" + p.id() + "' scored " + m.score()
            + " from its record but " + top.scores[i] + " from its compiled form; reopen the "
            + "index to recompile it");
      }
      out.add(m);
    }
    return out;
  }

  /** The bound, on the 0..100 scale, of a document with accumulated credit {@code acc}. */
  private static double bound(double floor, float acc, double scale) {
    return (floor + acc) * scale * (1 + 2e-5) + 1e-4;
  }

  /** Exact scoring of profile documents in any order. */
  private final class Exact {
    final List<LeafReaderContext> leaves;
    final CompiledRole role;
    final Predicate<CandidateProfile> filter;
    final TopK top;
    final CompiledProfile profile = new CompiledProfile();
    final ScoreSheet sheet = new ScoreSheet();
    final BinaryDocValues[] dvs;
    final int[] last;
    final boolean dropIneligible = evaluator.policy().knockoutMode() == KnockoutMode.FILTER;

    Exact(List<LeafReaderContext> leaves, CompiledRole role, Predicate<CandidateProfile> filter,
        TopK top) {
      this.leaves = leaves;
      this.role = role;
      this.filter = filter;
      this.top = top;
      dvs = new BinaryDocValues[leaves.size()];
      last = new int[leaves.size()];
    }

    void score(int doc) throws IOException {
      int li = ReaderUtil.subIndex(doc, leaves);
      LeafReaderContext ctx = leaves.get(li);
      int d = doc - ctx.docBase;
      if (dvs[li] == null || d <= last[li]) {
        dvs[li] = ctx.reader().getBinaryDocValues(IndexFields.COMPILED);
      }
      last[li] = d;
      if (dvs[li] == null || !dvs[li].advanceExact(d)) {
        return;
      }
      BytesRef b = dvs[li].binaryValue();
      EXACT.increment();
      CompiledCodec.decode(b.bytes, b.offset, b.length, profile);
      double score = evaluator.score(role, profile, sheet);
      if (dropIneligible && !sheet.eligible()) {
        return;
      }
      if (!top.competitive(score)) {
        return;
      }
      if (filter != ALL && !filter.test(record(doc))) {
        return;
      }
      top.offer(score, profile.id(), doc);
    }

    CandidateProfile record(int doc) throws IOException {
      LeafReaderContext ctx = leaves.get(ReaderUtil.subIndex(doc, leaves));
      BinaryDocValues dv = ctx.reader().getBinaryDocValues(IndexFields.RECORD_DV);
      if (dv == null || !dv.advanceExact(doc - ctx.docBase)) {
        throw new IllegalStateException("profile document " + doc + " has no record");
      }
      BytesRef b = dv.binaryValue();
      return RecordCodec.decodeProfile(b.bytes, b.offset, b.length);
    }
  }

  @Override
  public void close() throws IOException {
    store.close();
  }
}
