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
 * <p>The role becomes a bound plan ({@link CandidateBounds#plan}): the credit every profile gets,
 * and per requirement how much more a profile can earn given which of the requirement's terms it
 * holds (concepts closed under ancestors, degree states, fields, places, flags) and its years.
 * A requirement's guard terms are those without which a profile loses at least a known part of
 * its credit (a concept clause's listed concepts). {@link CandidateSearch} walks the guard
 * postings of the role's most selective requirements, enough of them that a profile holding none
 * cannot reach the k-th score, takes the profiles they touch best first, bounds each tightly
 * from every requirement, and scores exactly, from the compiled form in doc values, only those
 * whose bound can still reach the k-th score. The result equals exhaustive scoring. A term's
 * postings are decoded once per segment core and cached (a list, or a bit set for a term many
 * profiles hold), within a budget per profile.
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
    this.store = new LuceneStore(path, "profile", fp, maxBufferedDocs, new SearcherFactory() {
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
    return store.read(requireNonNull(id, "id"), (r, doc) -> {
      BytesRef b = r.record(doc);
      return RecordCodec.decodeProfile(b.bytes, b.offset, b.length);
    });
  }

  /**
   * The profile with this id as ranking scores it: its record, and the compiled form the searches
   * score (read, not compiled again, unless it was written before compiled forms kept which skill
   * each concept came from, which explanations need).
   */
  public Optional<Scorable<CandidateProfile, CompiledProfile>> scorable(String id)
      throws IOException {
    return store.read(requireNonNull(id, "id"), this::scorable);
  }

  /**
   * The record and compiled form of a global doc id. A compiled form written before they kept
   * which skill each concept came from is compiled again from the record (explanations cite the
   * skills).
   */
  private Scorable<CandidateProfile, CompiledProfile> scorable(RecordReader r, int doc)
      throws IOException {
    BytesRef b = r.record(doc);
    CandidateProfile p = RecordCodec.decodeProfile(b.bytes, b.offset, b.length);
    BytesRef c = r.compiled(doc);
    CompiledProfile compiled = new CompiledProfile();
    CompiledCodec.decode(c.bytes, c.offset, c.length, compiled);
    return new Scorable<>(p,
        compiled.linksSkills() ? compiled : CompiledProfile.compile(p, graph));
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

  /** Profiles bounded tightly and scored exactly so far (diagnostics). */
  static final java.util.concurrent.atomic.LongAdder TIGHT =
      new java.util.concurrent.atomic.LongAdder();
  static final java.util.concurrent.atomic.LongAdder EXACT =
      new java.util.concurrent.atomic.LongAdder();
  static final java.util.concurrent.atomic.LongAdder REOPENED =
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

  private final java.util.concurrent.ConcurrentLinkedQueue<CandidateSearch.Scratch> scratchPool =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private List<MatchResult> search(IndexSearcher s, Role role, CompiledRole r, int k,
      Predicate<CandidateProfile> filter) throws IOException {
    double total = 0;
    for (int i = 0; i < r.clauseCount(); i++) {
      total += evaluator.weight(r, i);
    }
    CandidateBounds.Plan plan = CandidateBounds.plan(evaluator, r);
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    TopK top = new TopK(k);
    CandidateSearch.Scratch sc = scratchPool.poll();
    if (sc == null) {
      sc = new CandidateSearch.Scratch();
    }
    try {
      CandidateSearch search = new CandidateSearch(evaluator, r, plan, total, leaves, filter, top,
          sc);
      CandidateBounds.Segment[] segs = new CandidateBounds.Segment[leaves.size()];
      for (int i = 0; i < segs.length; i++) {
        segs[i] = segment(leaves.get(i).reader());
      }
      search.run(segs);
      TIGHT.add(search.tightBounds);
      EXACT.add(search.exactScores);
      REOPENED.add(search.reopened);
    } finally {
      scratchPool.offer(sc);
    }
    int[] rank = top.order();
    // read the records and compiled forms in doc id order (doc values read forward), once
    Integer[] byDoc = new Integer[rank.length];
    for (int i = 0; i < rank.length; i++) {
      byDoc[i] = i;
    }
    java.util.Arrays.sort(byDoc, (x, y) -> Integer.compare(top.docs[rank[x]], top.docs[rank[y]]));
    @SuppressWarnings("unchecked")
    Scorable<CandidateProfile, CompiledProfile>[] found = new Scorable[rank.length];
    RecordReader reader = new RecordReader(s.getIndexReader(), "profile");
    for (int i : byDoc) {
      found[i] = scorable(reader, top.docs[rank[i]]);
    }
    List<MatchResult> out = new ArrayList<>(rank.length);
    ScoreSheet sheet = new ScoreSheet();
    for (int i = 0; i < rank.length; i++) {
      CandidateProfile p = found[i].record();
      // explained from the compiled form the search scored (compiling the record again costs
      // more than scoring it); with assertions on, the record's own compilation must agree
      MatchResult m = scorer.score(role, r, p, found[i].compiled(), sheet);
      assert m.score() == scorer.score(role, r, p, CompiledProfile.compile(p, graph), sheet)
          .score() : "profile '" + p.id() + "' scores differently from its record than from "
          + "its compiled form; reopen the index to recompile it";
      if (m.score() != top.scores[rank[i]]) {
        throw new IllegalStateException("profile '" + p.id() + "' scored " + m.score()
            + " on a second look but " + top.scores[rank[i]] + " in the search");
      }
      out.add(m);
    }
    return out;
  }

  /** The record of a profile document of a segment. */
  static CandidateProfile record(LeafReaderContext ctx, int doc) throws IOException {
    BinaryDocValues dv = ctx.reader().getBinaryDocValues(IndexFields.RECORD_DV);
    if (dv == null || !dv.advanceExact(doc)) {
      throw new IllegalStateException("profile document " + (ctx.docBase + doc)
          + " has no record");
    }
    BytesRef b = dv.binaryValue();
    return RecordCodec.decodeProfile(b.bytes, b.offset, b.length);
  }

  @Override
  public void close() throws IOException {
    store.close();
  }
}
