package org.rolematch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.rolematch.model.Kind;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledCodec;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.ConceptGraph;

/**
 * The roles-for-candidate search structure of one Lucene segment: per role, its posted clauses as
 * keys (a forward index), and for a few "guard" clauses per role an inverted index from their
 * concepts to the roles.
 *
 * <h2>Design note</h2>
 *
 * <p>The obvious Lucene designs lose to a plain scan in this direction: a profile's popular
 * concepts touch most roles and the per-role normalisation (score = weighted mean) defeats
 * block-max skipping. So each segment gets a hand-built structure, built once from the segment's
 * {@code compiled} doc values by the first search that meets the segment and cached by the
 * segment core, so it follows Lucene's merges and is dropped with the segment.
 *
 * <p>The structure bounds a role's score by what it misses, not by what it holds. At scale the
 * k-th best score is at or near 100 (at 100k synthetic roles the 20th best was 100 for most
 * profiles), so a role is competitive only when every heavy clause of it is met. Each role
 * names up to {@link #GUARDS} guard clauses: concept clauses that are heavy and rare (weight
 * times how seldom the segment's roles name their concepts or narrower ones). A search walks
 * only the guard postings of the concepts the profile holds; a guard it does not touch earns at
 * most its floor, so the role's bound drops by that clause's credit-1 contribution. Roles touched
 * by no guard are taken from a list sorted by that static bound and stop being visited as soon as
 * the bound falls below the k-th exact score. A role whose guard bound can still reach it is
 * bounded again, tightly, from its forward entries (the best credit of each posted clause over the
 * profile's keys) before it is scored exactly. The guard bound also takes what the role's degree
 * clause loses: its key is kept per role, and the profile's credit for it is one array read, so a
 * role asking for a degree the profile lacks drops out without its entries being read (degree is
 * what most separates profiles whose k-th score is below 100).
 *
 * <ul>
 *   <li><b>Keys</b> (a fixed layout for a taxonomy of T concepts): concept clauses post each
 *       listed concept ({@code c}); their partial credit (a sibling or broader concept, through a
 *       parent of a listed one) is bounded statically: a concept clause with a parent in the
 *       taxonomy counts at least {@code max(sibling, broader credit)} (its entries carry the
 *       "partial" run class {@code nClasses + class}). Field clauses post {@code 2T + field};
 *       location clauses {@code 3T + place} and, for a listed city, {@code 4T + its parent}
 *       (nearby-place credit); degree clauses their 11-bit signature ({@code 5T + sig}), whose
 *       exact credit for the profile is computed once per query; experience clauses their
 *       minimum years (capped at 63); then publication, internship and the "related field",
 *       "silent location", "authorisation" pseudo-keys. Concept ids and field texts unknown to
 *       the taxonomy get keys of the index's {@link UnknownKeys} dictionary.
 *   <li><b>Forward entries</b>: one flat {@code int[]}, per role its entries grouped by clause
 *       (an entry {@code key << 12 | runClass << 6 | clauseSlot}): its guard clauses first, in
 *       guard order, then the other clauses by decreasing weight times how seldom they are met.
 *   <li><b>Per role</b>: {@code staticNum} (the weighted credit every profile gets: floors such
 *       as the unknown credit of soft skills, the static partial credit, clauses beyond slot 63
 *       and clauses of kinds this structure does not know at full credit), {@code full} (static
 *       plus every posted clause at credit 1), the guards' credit-1 contributions ({@code loss}),
 *       the key, run class and scaled weight of its first degree clause ({@code degree}) and
 *       {@code scale} ({@code 100 / total weight}).
 *   <li><b>Guard postings</b>: per concept key, the roles whose guard clause {@code g} lists it,
 *       as {@code doc << 2 | g}, doc-ordered; per role the bits of the guards it has ({@code
 *       guardMask}, and the same as a bit set per guard, {@code guardBits}); every role ordered
 *       by its bound when no guard is met ({@code noneOrder}, {@code noneBound}), and every role
 *       with guards by its bound when all but its lightest guard are met ({@code partOrder},
 *       {@code partBound}); per role its guard bound without the degree clause, as a credit-1
 *       bound and three guard losses in 16-bit fixed point ({@code quick}); and per role the rank
 *       of its id among the segment's ids ({@code idRank}), with every 64th id in that order
 *       ({@code idSample}) and per block of 128 roles the least rank ({@code blockMinRank}).
 * </ul>
 *
 * <p>Deleted documents stay in the structure and are skipped via live docs.
 */
final class RoleSegment {
  static final int MAX_SLOTS = 64;
  private static final Kind[] KINDS = Kind.values();
  static final int MAX_YEARS_KEY = 63;
  /** Guard clauses per role (at most 4: two bits of a guard posting). */
  static final int GUARDS = 3;
  /** Keys fit 20 bits of a forward entry. */
  static final int KEY_LIMIT = 1 << 20;
  /** The largest taxonomy whose fixed key layout ({@link Keys}) leaves room for unknown ids. */
  static final int MAX_CONCEPTS =
      (KEY_LIMIT - CompiledRole.DEGREE_SIGNATURES - (MAX_YEARS_KEY + 1) - 64) / 5;

  static {
    // a forward entry keeps the run class (kind, importance, partial flag) in 6 bits
    if (4 * Kind.values().length > 64) {
      throw new IllegalStateException(Kind.values().length + " kinds do not fit the 6-bit run "
          + "class of RoleSegment's forward entries; widen the entry");
    }
  }

  final int maxDoc;
  /** One past the greatest key of this segment's entries. */
  final int keyEnd;
  final int[] fwdStart; // length maxDoc + 1
  final int[] fwd;
  /** Classes per P-flag half: a run class {@code >= nClasses} belongs to partial-credit clauses. */
  final int nClasses;
  final float[] staticNum;
  final float[] full;
  final float[] loss; // GUARDS per doc
  final float[] scale;
  /**
   * Per doc: its first degree clause as {@code (signature << 6 | runClass) + 1} in the low {@link
   * #DEGREE_KEY_BITS} (0 for none; its key is {@code keys.degree + signature}), and above them the
   * clause's weight at the doc's scale in {@link #QUICK_UNIT}s, rounded down. A profile's credit
   * for that key bounds the clause, so the guard bound can take its loss without reading the
   * doc's forward entries.
   */
  final int[] degree;
  /** Bits of a {@link #degree} word that hold the clause's signature and class. */
  static final int DEGREE_KEY_BITS = 17;
  static final int DEGREE_KEY_MASK = (1 << DEGREE_KEY_BITS) - 1;
  /** The greatest weight a {@link #degree} word holds, in {@link #QUICK_UNIT}s. */
  static final int DEGREE_UNITS_MAX = (1 << (32 - DEGREE_KEY_BITS)) - 1;
  final int[] guardKeyStart; // per concept or unknown key: first guard posting; length keyEnd + 1
  final int[] guardPostings;
  /** Docs per block of the ranges a build splits a segment into. */
  static final int BLOCK_SHIFT = 7;
  /** Ranks between two entries of {@link #idSample}. */
  static final int ID_SAMPLE_SHIFT = 6;
  /**
   * Per doc: the rank of its role id among the ids of the segment's docs (by {@link
   * String#compareTo}; {@link Integer#MAX_VALUE} for a doc without a compiled form). Once the
   * k-th score is 100, the greatest possible, a role can enter only with an id below the k-th
   * id; {@link #rankLimit} turns that id into a rank every such role is below, so the rest are
   * dropped by rank whatever order the ids were added in or Lucene's merges left them in.
   */
  final int[] idRank;
  /** The id of rank {@code j << ID_SAMPLE_SHIFT}, for each such rank below the doc count. */
  final String[] idSample;
  /**
   * Per block of 128 docs the least {@link #idRank} of its docs: the search orders the roles
   * that may tie at 100 by block, by this rank's id, without reading a rank per role.
   */
  final int[] blockMinRank;
  /** Per doc: the bits of the guards it has. */
  final byte[] guardMask;
  /** Words of a bit set over this segment's docs. */
  final int words;
  /**
   * {@link #guardMask} as bit sets: for guard {@code g}, word {@code g * words + w} has a bit for
   * each doc of word {@code w} that has that guard. A search marks the guards a profile touches
   * in bit sets of the same layout and finds the roles with all of theirs touched a word at a
   * time.
   */
  final long[] guardBits;
  /** Docs ordered by their bound when no guard is touched, and those bounds (descending). */
  final int[] noneOrder;
  final float[] noneBound;
  /**
   * Docs with guards ordered by their best bound when some but not all guards are touched (all
   * but the one of least weight), and those bounds (descending).
   */
  final int[] partOrder;
  final float[] partBound;
  /** Fixed-point units of a {@link #quick} bound per point: a bound of 100 is 64,000. */
  static final double QUICK_UNIT = 640;
  /**
   * Per doc, its guard bound without the degree clause in four 16-bit fields of {@link
   * #QUICK_UNIT} per point: the credit-1 bound rounded up (bits 0-15), then each guard's loss
   * rounded down. With {@link #quickBound} it bounds a role from one read of 8 bytes where the
   * guard bound reads four arrays; a search checks it first, and most roles of a long list of
   * partly touched ones fail it.
   */
  final long[] quick;
  final int[] degreeSigs; // degree signatures present in this segment
  final Keys keys;

  /** The fixed key layout for a concept graph. */
  static final class Keys {
    final int t;
    final int field;
    final int loc;
    final int locParent;
    final int degree;
    final int years;
    final int pub;
    final int intern;
    final int fieldRelMarked;
    final int fieldRelUnmarked;
    final int locSilent;
    final int authSilent;
    final int authAny;
    /** Stands for every unknown id once the dictionary is full: credit 1 for every profile. */
    final int overflow;
    final int fixed;

    Keys(int t) {
      if (t > MAX_CONCEPTS) {
        throw new IllegalArgumentException("a taxonomy of " + t + " concepts is larger than the "
            + "role index supports (" + MAX_CONCEPTS + " concepts: a forward entry keeps a key in "
            + "20 bits); use a smaller taxonomy");
      }
      this.t = t;
      field = 2 * t;
      loc = 3 * t;
      locParent = 4 * t;
      degree = 5 * t;
      years = degree + CompiledRole.DEGREE_SIGNATURES;
      pub = years + MAX_YEARS_KEY + 1;
      intern = pub + 1;
      fieldRelMarked = intern + 1;
      fieldRelUnmarked = fieldRelMarked + 1;
      locSilent = fieldRelUnmarked + 1;
      authSilent = locSilent + 1;
      authAny = authSilent + 1;
      overflow = authAny + 1;
      fixed = overflow + 1;
    }
  }

  /**
   * Keys for concept ids and field texts the taxonomy does not know, shared by the segments of
   * one index (so a search sets their credit once). It only grows; beyond {@link #KEY_LIMIT}
   * keys, new ids share the overflow key, which every profile holds (a looser, still valid
   * bound).
   */
  static final class UnknownKeys {
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> map =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final Keys keys;

    UnknownKeys(Keys keys) {
      this.keys = keys;
    }

    int key(String k) {
      Integer v = map.get(k);
      if (v != null) {
        return v;
      }
      synchronized (this) {
        return map.computeIfAbsent(k, x -> keys.fixed + map.size() < KEY_LIMIT
            ? keys.fixed + map.size() : keys.overflow);
      }
    }

    /** The key of an unknown id, or -1 when no role has it. */
    int find(String k) {
      Integer v = map.get(k);
      return v == null ? -1 : v;
    }

    boolean isEmpty() {
      return map.isEmpty();
    }
  }

  private RoleSegment(int maxDoc, int keyEnd, int[] fwdStart, int[] fwd, int nClasses,
      float[] staticNum, float[] full, float[] loss, float[] scale, int[] degree,
      int[] guardKeyStart,
      int[] guardPostings, byte[] guardMask, int[][] orders, float[][] orderBounds,
      int[] degreeSigs, int[] idRank, String[] idSample, Keys keys) {
    this.maxDoc = maxDoc;
    this.idRank = idRank;
    this.idSample = idSample;
    this.blockMinRank = new int[(maxDoc >> BLOCK_SHIFT) + 1];
    Arrays.fill(blockMinRank, Integer.MAX_VALUE);
    for (int d = 0; d < maxDoc; d++) {
      blockMinRank[d >> BLOCK_SHIFT] = Math.min(blockMinRank[d >> BLOCK_SHIFT], idRank[d]);
    }
    this.keyEnd = keyEnd;
    this.fwdStart = fwdStart;
    this.fwd = fwd;
    this.nClasses = nClasses;
    this.staticNum = staticNum;
    this.full = full;
    this.loss = loss;
    this.scale = scale;
    this.degree = degree;
    this.guardKeyStart = guardKeyStart;
    this.guardPostings = guardPostings;
    this.guardMask = guardMask;
    this.words = (maxDoc + 63) >>> 6;
    this.guardBits = new long[GUARDS * words];
    for (int d = 0; d < maxDoc; d++) {
      for (int g = 0; g < GUARDS; g++) {
        if ((guardMask[d] & (1 << g)) != 0) {
          guardBits[g * words + (d >>> 6)] |= 1L << d;
        }
      }
    }
    this.noneOrder = orders[0];
    this.noneBound = orderBounds[0];
    this.partOrder = orders[1];
    this.partBound = orderBounds[1];
    this.quick = new long[maxDoc];
    for (int d = 0; d < maxDoc; d++) {
      quick[d] = quick(full[d], loss, GUARDS * d, scale[d]);
    }
    this.degreeSigs = degreeSigs;
    this.keys = keys;
  }

  /** Bytes of heap this structure holds (approximate). */
  long ramBytes() {
    return 4L * fwdStart.length + 4L * fwd.length + 4L * staticNum.length + 4L * full.length
        + 4L * loss.length + 4L * scale.length + 4L * degree.length + 4L * guardKeyStart.length
        + 4L * guardPostings.length + guardMask.length + 8L * guardBits.length
        + 4L * noneOrder.length
        + 4L * noneBound.length + 4L * partOrder.length + 4L * partBound.length
        + 8L * quick.length
        + 4L * idRank.length + 48L * idSample.length + 4L * blockMinRank.length
        + 4L * degreeSigs.length;
  }

  /**
   * The forward entries of a range of a segment's roles, appended in doc order ({@code key << 12
   * | runClass << 6 | clauseSlot}), with the number of entries per concept key, the greatest key
   * and the degree signatures seen.
   */
  private static final class Entries {
    private int[] buf;
    int size;
    final int[] conceptCount;
    int maxKey;
    final boolean[] signatures = new boolean[CompiledRole.DEGREE_SIGNATURES];
    /** The ids of the range's docs, in doc order (dropped once ranked). */
    IdRanks.Part ids = new IdRanks.Part();
    private final int concepts;

    Entries(int docs, Keys keys) {
      buf = new int[Math.max(64, 48 * docs)]; // the benchmark's roles average about 50
      conceptCount = new int[keys.t];
      concepts = keys.t;
      maxKey = keys.fixed - 1;
    }

    void post(int key, int clazz, int slot) {
      if (size == buf.length) {
        buf = Arrays.copyOf(buf, size + (size >> 1));
      }
      buf[size++] = key << 12 | clazz << 6 | slot;
      if (key < concepts) {
        conceptCount[key]++;
      }
      if (key > maxKey) {
        maxKey = key;
      }
    }

    /** The entries of consecutive ranges, in one array of their exact number. */
    static int[] concat(List<Entries> parts) {
      if (parts.size() == 1) {
        Entries e = parts.get(0);
        return e.buf.length == e.size ? e.buf : Arrays.copyOf(e.buf, e.size);
      }
      int[] out = new int[parts.stream().mapToInt(e -> e.size).sum()];
      int at = 0;
      for (Entries e : parts) {
        System.arraycopy(e.buf, 0, out, at, e.size);
        at += e.size;
      }
      return out;
    }

    static int[] conceptCounts(List<Entries> parts, int concepts) {
      int[] out = parts.get(0).conceptCount;
      for (Entries e : parts.subList(1, parts.size())) {
        for (int c = 0; c < concepts; c++) {
          out[c] += e.conceptCount[c];
        }
      }
      return out;
    }

    static boolean[] signatures(List<Entries> parts) {
      boolean[] out = parts.get(0).signatures;
      for (Entries e : parts.subList(1, parts.size())) {
        for (int s = 0; s < out.length; s++) {
          out[s] |= e.signatures[s];
        }
      }
      return out;
    }
  }

  /**
   * The per-role arrays the decoding pass fills, each task its own range of docs: entries per doc
   * (prefix-summed into starts afterwards), statics, which docs have a compiled form, and the
   * least id per block.
   */
  private static final class Roles {
    final ClauseEvaluator eval;
    final UnknownKeys unknown;
    final int nClasses = Kind.values().length * 2;
    final double pmax;
    final int[] fwdStart;
    final float[] staticNum;
    final float[] scale;
    final int[] degree;
    final boolean[] present;
    /** Per doc the length of its id's UTF-8 bytes, -1 for a doc without a compiled form. */
    final int[] idLength;

    Roles(ClauseEvaluator eval, UnknownKeys unknown, int maxDoc) {
      this.eval = eval;
      this.unknown = unknown;
      this.pmax = partialMax(eval);
      fwdStart = new int[maxDoc + 1];
      staticNum = new float[maxDoc];
      scale = new float[maxDoc];
      degree = new int[maxDoc];
      present = new boolean[maxDoc];
      idLength = new int[maxDoc];
      Arrays.fill(idLength, -1);
    }

    /** Decodes the compiled roles of docs {@code from} to {@code to} (exclusive), once each. */
    Entries decode(LeafReader leaf, int from, int to) throws IOException {
      Entries entries = new Entries(to - from, unknown.keys);
      BinaryDocValues dv = leaf.getBinaryDocValues(IndexFields.COMPILED);
      if (dv == null || from >= to) {
        return entries;
      }
      Emitter emitter = new Emitter(this, entries);
      CompiledCodec.ClauseDecoder decoder = new CompiledCodec.ClauseDecoder();
      for (int doc = dv.advance(from); doc < to; doc = dv.nextDoc()) {
        BytesRef b = dv.binaryValue();
        long id = CompiledCodec.roleIdBytes(b.bytes, b.offset, b.length);
        idLength[doc] = (int) id;
        entries.ids.add(b.bytes, (int) (id >>> 32), (int) id);
        present[doc] = true;
        int before = entries.size;
        emitter.start(doc);
        decoder.decode(b.bytes, b.offset, b.length, emitter);
        emitter.finish();
        fwdStart[doc + 1] = entries.size - before;
      }
      return entries;
    }
  }

  /** Boundaries of {@code parts} ranges of whole blocks of 128 docs covering the docs. */
  private static int[] ranges(int maxDoc, int parts) {
    int blocks = (maxDoc >> BLOCK_SHIFT) + 1;
    int n = Math.max(1, Math.min(parts, blocks));
    int[] cut = new int[n + 1];
    for (int p = 1; p < n; p++) {
      cut[p] = (int) ((long) blocks * p / n) << BLOCK_SHIFT;
    }
    cut[n] = maxDoc;
    return cut;
  }

  /** A task over one range that may fail reading the index. */
  private interface RangeTask<T> {
    T run(int range) throws IOException;
  }

  /**
   * The results of a task over ranges {@code 0 .. n-1}, in range order; more than one range runs
   * on the common fork-join pool as well as on the calling thread.
   */
  private static <T> List<T> inParallel(int n, RangeTask<T> task) throws IOException {
    if (n == 1) {
      return List.of(task.run(0));
    }
    try {
      return IntStream.range(0, n).parallel().mapToObj(p -> {
        try {
          return task.run(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Number of structures built so far (a diagnostic for tests). */
  static final java.util.concurrent.atomic.AtomicLong BUILDS =
      new java.util.concurrent.atomic.AtomicLong();

  /** Segments of fewer docs are built on one thread. */
  static final int PARALLEL_DOCS = 8192;

  /**
   * Builds the structure of a segment; a segment of {@link #PARALLEL_DOCS} docs or more is split
   * into doc ranges decoded and guarded on the common fork-join pool as well.
   */
  static RoleSegment build(LeafReader leaf, ClauseEvaluator eval, UnknownKeys unknown)
      throws IOException {
    int maxDoc = leaf.maxDoc();
    int parts = maxDoc < PARALLEL_DOCS ? 1 : Math.min(
        RoleIndex.helpers() + 1, maxDoc / (PARALLEL_DOCS / 2));
    return build(leaf, eval, unknown, parts);
  }

  /**
   * Builds the structure of a segment whose docs are split into {@code parts} ranges (whole
   * blocks of 128 docs), each decoded and guarded by one task. The structure is the
   * same for any number of parts, but for the numbers new unknown ids get (first come, first
   * numbered).
   */
  static RoleSegment build(LeafReader leaf, ClauseEvaluator eval, UnknownKeys unknown,
      int parts) throws IOException {
    BUILDS.incrementAndGet();
    ConceptGraph g = eval.graph();
    Keys keys = unknown.keys;
    int maxDoc = leaf.maxDoc();
    if (maxDoc >= (1 << 29)) {
      throw new IllegalStateException("a segment of " + maxDoc + " roles exceeds the limit of "
          + (1 << 29) + " roles per segment of the role structure");
    }
    Roles roles = new Roles(eval, unknown, maxDoc);
    int[] cut = ranges(maxDoc, parts);
    // each role decoded once: its forward entries (appended in doc order, so a prefix sum of the
    // counts gives each doc's start), statics, concept counts and the ids' bytes
    List<Entries> decoded = inParallel(cut.length - 1,
        p -> roles.decode(leaf, cut[p], cut[p + 1]));
    // the docs' ranks by id, before the entries are joined: the id bytes are dropped first
    int[] idRank = new int[maxDoc];
    String[] idSample = IdRanks.rank(decoded.stream().map(e -> e.ids).toList(), roles.idLength,
        idRank, ID_SAMPLE_SHIFT);
    decoded.forEach(e -> e.ids = null);
    int[] fwd = Entries.concat(decoded);
    int[] conceptCount = Entries.conceptCounts(decoded, keys.t);
    int keyEnd = 1 + decoded.stream().mapToInt(e -> e.maxKey).max().orElse(keys.fixed - 1);
    boolean[] sigSeen = Entries.signatures(decoded);
    int[] fwdStart = roles.fwdStart;
    float[] staticNum = roles.staticNum;
    float[] scale = roles.scale;
    for (int d = 0; d < maxDoc; d++) {
      fwdStart[d + 1] += fwdStart[d];
    }
    // how seldom a concept is met: roles naming it or a narrower concept (a profile that holds a
    // narrower concept holds its ancestors too)
    int[] reach = conceptCount.clone();
    for (int c = 0; c < keys.t; c++) {
      if (conceptCount[c] > 0) {
        for (int a : g.ancestors(c)) {
          reach[a] += conceptCount[c];
        }
      }
    }
    // the guards of each role, chosen from its entries (which they reorder)
    float[] full = new float[maxDoc];
    float[] loss = new float[GUARDS * maxDoc];
    double[] delta1 = new double[2 * roles.nClasses];
    for (int c = 0; c < delta1.length; c++) {
      delta1[c] = credit1Delta(eval, c, roles.nClasses, roles.pmax);
    }
    List<Guards> guards = inParallel(cut.length - 1, p -> {
      Guards gs = new Guards();
      for (int doc = cut[p]; doc < cut[p + 1]; doc++) {
        if (roles.present[doc]) {
          gs.choose(doc, fwd, fwdStart[doc], fwdStart[doc + 1], delta1, reach, maxDoc,
              keys, staticNum[doc], full, loss);
        }
      }
      return gs;
    });
    int nClasses = roles.nClasses;
    // docs without compiled values (none in practice) keep zero statics: bounded by 0 + margin
    int[][] gp = Guards.invert(keyEnd, guards);
    // the bound of every doc when no guard is touched, and when all guards but the lightest
    // are, each sorted descending
    byte[] guardMask = new byte[maxDoc];
    float[] none = new float[maxDoc];
    float[] part = new float[maxDoc];
    int nPart = 0;
    for (int d = 0; d < maxDoc; d++) {
      double u = full[d];
      double least = Double.POSITIVE_INFINITY;
      int mask = 0;
      for (int j = 0; j < GUARDS; j++) {
        float l = loss[GUARDS * d + j];
        if (l > 0) {
          mask |= 1 << j;
          u -= l;
          least = Math.min(least, l);
        }
      }
      guardMask[d] = (byte) mask;
      none[d] = margin(u, scale[d]);
      if (mask != 0) {
        part[d] = margin(full[d] - least, scale[d]);
        nPart++;
      } else {
        part[d] = -1f;
      }
    }
    int[][] orders = {sortedDescending(none, maxDoc), sortedDescending(part, nPart)};
    float[][] orderBounds = new float[2][];
    for (int o = 0; o < 2; o++) {
      float[] src = o == 0 ? none : part;
      orderBounds[o] = new float[orders[o].length];
      for (int i = 0; i < orders[o].length; i++) {
        orderBounds[o][i] = src[orders[o][i]];
      }
    }
    int nSigs = 0;
    for (boolean s : sigSeen) {
      if (s) {
        nSigs++;
      }
    }
    int[] sigs = new int[nSigs];
    int q = 0;
    for (int s = 0; s < sigSeen.length; s++) {
      if (sigSeen[s]) {
        sigs[q++] = s;
      }
    }
    return new RoleSegment(maxDoc, keyEnd, fwdStart, fwd, nClasses, staticNum, full, loss,
        scale, roles.degree, gp[0], gp[1], guardMask, orders, orderBounds, sigs, idRank, idSample,
        keys);
  }

  /**
   * The scaled upper bound for an unscaled credit sum: float rounding of the parts it was summed
   * from is covered by a relative and an absolute margin.
   */
  static float margin(double unscaled, float scale) {
    return (float) (unscaled * (double) scale * (1 + 2e-5) + 1e-4);
  }

  /**
   * A rank no doc of an id at most {@code id} reaches: every doc whose {@link #idRank} is at
   * least this has a greater id ({@link Integer#MAX_VALUE} when the sample cannot tell).
   */
  int rankLimit(String id) {
    // the first sampled id greater than id: every doc of its rank or above has a greater id
    int lo = 0;
    int hi = idSample.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (idSample[mid].compareTo(id) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo == idSample.length ? Integer.MAX_VALUE : lo << ID_SAMPLE_SHIFT;
  }

  /**
   * The docs with a bound of at least 0, the {@code n} such, ordered by bound descending (equal
   * bounds by doc): a stable radix sort of the bounds' bits in three passes of 11 bits, which
   * took a sixth of the time of sorting them as longs with Arrays.sort.
   */
  static int[] sortedDescending(float[] bound, int n) {
    int[] doc = new int[n];
    int[] key = new int[n];
    int q = 0;
    for (int d = 0; d < bound.length; d++) {
      if (bound[d] >= 0) { // non-negative floats order as their bits do
        doc[q] = d;
        key[q++] = Integer.MAX_VALUE - Float.floatToIntBits(bound[d]); // ascending
      }
    }
    int[] doc2 = new int[n];
    int[] key2 = new int[n];
    int[] count = new int[RADIX + 1];
    for (int shift = 0; shift < 31; shift += RADIX_BITS) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[((key[i] >>> shift) & (RADIX - 1)) + 1]++;
      }
      for (int b = 0; b < RADIX; b++) {
        count[b + 1] += count[b];
      }
      for (int i = 0; i < n; i++) { // in order: docs of equal digits keep theirs
        int at = count[(key[i] >>> shift) & (RADIX - 1)]++;
        doc2[at] = doc[i];
        key2[at] = key[i];
      }
      int[] t = doc;
      doc = doc2;
      doc2 = t;
      t = key;
      key = key2;
      key2 = t;
    }
    return doc;
  }

  private static final int RADIX_BITS = 11;
  private static final int RADIX = 1 << RADIX_BITS;

  /**
   * The guard bound of a doc when the guards in {@code touched} (bits) are met, less what its
   * degree clause loses at the profile's {@code credit} for it (the tight bound counts the same
   * loss, so this stays above it). The search bounds with {@link #quickGuard}, a few units above
   * this from two reads instead of four arrays; this exact form is what the tests hold it to.
   */
  float guardBound(int doc, int touched, float[] credit, double[] classWeight,
      double[] classFloor) {
    int o = GUARDS * doc;
    int un = ~touched; // each untouched guard's loss, with no branch (the bits are unpredictable)
    double u = (double) full[doc] - loss[o] * (un & 1) - loss[o + 1] * ((un >>> 1) & 1)
        - loss[o + 2] * ((un >>> 2) & 1);
    int e = (degree[doc] & DEGREE_KEY_MASK) - 1;
    if (e >= 0) {
      float c = credit[keys.degree + (e >>> 6)];
      if (c < 1f) {
        int rc = e & 63;
        u -= classWeight[rc] * (1 - Math.max(c, classFloor[rc]));
      }
    }
    return margin(u, scale[doc]);
  }

  /**
   * A doc's guard bound from its quick bound {@code qb} ({@link #quickBound}) less what its degree
   * clause loses at the profile's {@code credit} for it, in units of {@link #QUICK_UNIT}: at least
   * {@link #guardBound} times the unit, from one more read (its {@link #degree} word) where the
   * guard bound reads four arrays.
   */
  int quickGuard(int doc, int qb, float[] credit, double[] classFloor) {
    int dg = degree[doc];
    int e = (dg & DEGREE_KEY_MASK) - 1;
    if (e >= 0) {
      float c = credit[keys.degree + (e >>> 6)];
      if (c < 1f) {
        // the clause's weight at the doc's scale, rounded down: this loses at most what it does
        qb -= (int) ((dg >>> DEGREE_KEY_BITS) * (1 - Math.max(c, classFloor[e & 63])));
      }
    }
    return qb;
  }

  /** {@link #quickGuard} as a bound in points (at least the guard bound). */
  float quickGuardBound(int doc, int touched, float[] credit, double[] classFloor) {
    return (float) (quickGuard(doc, quickBound(doc, touched), credit, classFloor) / QUICK_UNIT);
  }

  /**
   * A doc's {@link #quick} fields: its credit-1 bound {@code full} at {@code scale} with the
   * margin of {@link #margin}, rounded up by one unit more, and the losses of its guards at
   * {@code loss[o..o+2]}, rounded down by one unit more, so that the quick bound stays above the
   * guard bound whatever the float rounding. A bound over 16 bits (none in practice: scaled
   * bounds are at most about 100) is stored as the greatest, with no losses: it passes every
   * check.
   */
  static long quick(float full, float[] loss, int o, float scale) {
    double s = (double) scale * (1 + 2e-5) * QUICK_UNIT;
    long f = (long) Math.ceil(full * s + 1e-4 * QUICK_UNIT) + 1;
    if (f > 0xFFFF) {
      return 0xFFFF;
    }
    long q = Math.max(f, 0);
    for (int j = 0; j < GUARDS; j++) {
      long l = Math.min(Math.max((long) Math.floor(loss[o + j] * s) - 1, 0), 0xFFFF);
      q |= l << (16 * (j + 1));
    }
    return q;
  }

  /**
   * A doc's quick bound when the guards in {@code touched} (bits) are met, in units of {@link
   * #QUICK_UNIT}: at least its guard bound, computed with no branch.
   */
  int quickBound(int doc, int touched) {
    long g = quick[doc];
    int un = ~touched;
    return (int) (g & 0xFFFF) - ((int) (g >>> 16) & 0xFFFF & -(un & 1))
        - ((int) (g >>> 32) & 0xFFFF & -((un >>> 1) & 1)) - ((int) (g >>> 48) & -((un >>> 2) & 1));
  }

  /**
   * Reads one forward entry of a doc per 64 bytes, and its last, and returns them combined, so
   * that bounding it next finds its entries in cache: a search touches the docs it is about to
   * bound a few at a time, and their cache misses (the entries of 100k roles do not fit a cache)
   * then overlap instead of being waited for one after another.
   */
  int touch(int doc) {
    int i = fwdStart[doc];
    int end = fwdStart[doc + 1];
    if (i >= end) {
      return 0;
    }
    int x = fwd[end - 1];
    for (; i < end; i += 16) { // 16 entries: a cache line, or two parts of two
      x ^= fwd[i];
    }
    return x;
  }

  /**
   * The tight bound of a doc: each posted clause at the best credit of its keys ({@code credit}
   * by key), at least its floor; computed as the credit-1 sum less what each clause misses, it
   * stops as soon as it is below {@code t} (any value below {@code t} is then returned). With
   * {@code touched} the guard bits a search found (not -1), the guard clauses, which lead the
   * doc's entries, are not read: a touched guard is met (its concept is held at credit 1), an
   * untouched one earns at most its floor.
   */
  float forwardBound(int doc, float[] credit, double[] classWeight, double[] classFloor,
      double t, int touched) {
    double sc = scale[doc];
    // u below stop gives a bound below t
    double stop = sc > 0 ? (t - 1e-4) / ((1 + 2e-5) * sc) : Double.NEGATIVE_INFINITY;
    double u = full[doc];
    int i = fwdStart[doc];
    int end = fwdStart[doc + 1];
    int[] f = fwd;
    if (touched >= 0) {
      int o = GUARDS * doc;
      for (int j = 0; j < GUARDS; j++) {
        if (loss[o + j] > 0) {
          if ((touched & (1 << j)) == 0) {
            u -= loss[o + j];
          }
          int slot = f[i] & 63; // skip the guard's entries
          while (i < end && (f[i] & 63) == slot) {
            i++;
          }
        }
      }
      if (u < stop) {
        return margin(u, scale[doc]);
      }
    }
    while (i < end) {
      int e = f[i++];
      int slot = e & 63;
      float best = credit[e >>> 12];
      while (i < end && (f[i] & 63) == slot) {
        if (best >= 1f) { // met: the rest of the clause's keys need no look
          i++;
          continue;
        }
        float c = credit[f[i++] >>> 12];
        if (c > best) {
          best = c;
        }
      }
      if (best < 1f) {
        int rc = (e >>> 6) & 63;
        u -= classWeight[rc] * (1 - Math.max(best, classFloor[rc]));
        if (u < stop) {
          break;
        }
      }
    }
    return margin(u, scale[doc]);
  }

  /** Picks and records the guard clauses of each role, then inverts them by concept key. */
  private static final class Guards {
    private int[] keyOf = new int[1024];
    private int[] post = new int[1024];
    private int n;
    private final int[] slotStart = new int[MAX_SLOTS + 1];
    private final double[] goodness = new double[MAX_SLOTS];
    /** Per clause group: {@link #OTHER}, {@link #MAY_GUARD} or {@link #GUARD}. */
    private final byte[] state = new byte[MAX_SLOTS];
    private static final byte OTHER = 0;
    private static final byte MAY_GUARD = 1;
    private static final byte GUARD = 2;

    private final int[] groupEnd = new int[MAX_SLOTS];
    private final long[] rank = new long[MAX_SLOTS];
    private final int[] top = new int[GUARDS];
    private int[] buffer = new int[256];

    /**
     * Picks the guards of a doc, records their postings and losses, and reorders the doc's
     * forward entries: its guard clauses first (in guard order), then the other clauses by
     * decreasing weight times how seldom they are met, so that a tight bound below a threshold
     * shows early.
     */
    void choose(int doc, int[] fwd, int from, int to, double[] delta1, int[] reach, int maxDoc,
        Keys keys, float stat, float[] full, float[] loss) {
      double u = stat;
      int ns = 0;
      int ng = 0;
      int i = from;
      while (i < to) {
        int e = fwd[i];
        int slot = e & 63;
        int rc = (e >>> 6) & 63;
        int s = i;
        boolean conceptOnly = true;
        long met = 0;
        while (i < to && (fwd[i] & 63) == slot) {
          int key = fwd[i] >>> 12;
          if (key < keys.t) {
            met += reach[key];
          } else if (key < keys.fixed) {
            conceptOnly = false; // a field, place, degree ... clause: not a guard
          } else {
            met += 1; // an unknown concept: rare
          }
          i++;
        }
        double d1 = delta1[rc];
        u += d1;
        double seldom = conceptOnly
            ? 1 - Math.min(1.0, (double) met / Math.max(1, maxDoc)) : 0.5;
        slotStart[ns] = s;
        groupEnd[ns] = i;
        double good = d1 * Math.max(0.02, seldom);
        goodness[ns] = good;
        state[ns] = conceptOnly && d1 > 1e-6 ? MAY_GUARD : OTHER;
        if (state[ns] == MAY_GUARD) {
          // the best GUARDS so far by goodness, the earlier of equal ones first
          int p = ng;
          while (p > 0 && good > goodness[top[p - 1]]) {
            p--;
          }
          if (p < GUARDS) {
            for (int q = Math.min(ng, GUARDS - 1); q > p; q--) {
              top[q] = top[q - 1];
            }
            top[p] = ns;
            ng = Math.min(ng + 1, GUARDS);
          }
        }
        ns++;
      }
      full[doc] = Math.nextUp((float) u);
      for (int gi = 0; gi < ng; gi++) {
        int best = top[gi];
        state[best] = GUARD;
        rank[gi] = best;
        int s = slotStart[best];
        int rc = (fwd[s] >>> 6) & 63;
        loss[GUARDS * doc + gi] = Math.nextDown((float) delta1[rc]);
        for (int j = s; j < groupEnd[best]; j++) {
          add(fwd[j] >>> 12, doc << 2 | gi);
        }
      }
      // the other clauses by goodness, decreasing (ranks sort as longs: goodness bits, index)
      int nr = ng;
      for (int j = 0; j < ns; j++) {
        if (state[j] != GUARD) {
          rank[nr++] = ((long) ~Float.floatToIntBits((float) goodness[j]) << 32) | j;
        }
      }
      // an insertion sort: a role has some 20 clauses, too few for Arrays.sort's dispatch to pay
      for (int r = ng + 1; r < nr; r++) {
        long x = rank[r];
        int q = r - 1;
        while (q >= ng && rank[q] > x) {
          rank[q + 1] = rank[q];
          q--;
        }
        rank[q + 1] = x;
      }
      if (buffer.length < to - from) {
        buffer = new int[Math.max(to - from, 2 * buffer.length)];
      }
      int w = 0;
      for (int r = 0; r < nr; r++) {
        int j = (int) rank[r];
        for (int x = slotStart[j]; x < groupEnd[j]; x++) {
          buffer[w++] = fwd[x];
        }
      }
      System.arraycopy(buffer, 0, fwd, from, w);
    }

    private void add(int key, int value) {
      if (n == post.length) {
        keyOf = Arrays.copyOf(keyOf, 2 * n);
        post = Arrays.copyOf(post, 2 * n);
      }
      keyOf[n] = key;
      post[n++] = value;
    }

    /**
     * Key starts and postings of the guards of consecutive doc ranges, by a counting sort on the
     * key (doc order kept per key).
     */
    static int[][] invert(int keyEnd, List<Guards> parts) {
      int[] start = new int[keyEnd + 1];
      int total = 0;
      for (Guards gs : parts) {
        for (int i = 0; i < gs.n; i++) {
          start[gs.keyOf[i] + 1]++;
        }
        total += gs.n;
      }
      for (int k = 0; k < keyEnd; k++) {
        start[k + 1] += start[k];
      }
      int[] cursor = Arrays.copyOf(start, keyEnd);
      int[] out = new int[total];
      for (Guards gs : parts) {
        for (int i = 0; i < gs.n; i++) {
          out[cursor[gs.keyOf[i]]++] = gs.post[i];
        }
        gs.keyOf = null;
        gs.post = null;
      }
      return new int[][] {start, out};
    }
  }

  /**
   * The best partial credit (sibling or broader) any profile can give a concept clause with a
   * parent in the taxonomy: such clauses are bounded by it statically instead of through
   * postings of the parents (which are in most roles and would be walked for every query).
   */
  static double partialMax(ClauseEvaluator eval) {
    return Math.max(0, Math.max(eval.policy().siblingCredit(), eval.policy().broaderCredit()));
  }

  /** The floor a run class assumes: unknown credit for silent kinds, pmax for partial ones. */
  static double runFloor(ClauseEvaluator eval, int runClass, int nClasses, double pmax) {
    int clazz = runClass >= nClasses ? runClass - nClasses : runClass;
    double floor = eval.isSilent(clazz >> 1) ? eval.policy().unknownCredit() : 0;
    return runClass >= nClasses ? Math.max(floor, pmax) : floor;
  }

  private static double credit1Delta(ClauseEvaluator eval, int runClass, int nClasses,
      double pmax) {
    int clazz = runClass >= nClasses ? runClass - nClasses : runClass;
    return eval.classWeight(clazz) * (1 - runFloor(eval, runClass, nClasses, pmax));
  }

  /**
   * Emits a role's forward entries and statics clause by clause, as the decoder reads them: per
   * clause its weight, the floor credit every profile gets, and its keys with its run class.
   */
  private static final class Emitter implements CompiledCodec.ClauseVisitor {
    private final ClauseEvaluator eval;
    private final ConceptGraph g;
    private final Keys keys;
    private final UnknownKeys dict;
    private final Entries sink;
    private final float[] staticNum;
    private final float[] scale;
    private final int[] degree;
    private final boolean[] sigs;
    private final int nClasses;
    private final double pmax;
    private int doc;
    private double total;
    private double stat;

    Emitter(Roles roles, Entries sink) {
      this.eval = roles.eval;
      this.g = eval.graph();
      this.keys = roles.unknown.keys;
      this.dict = roles.unknown;
      this.sink = sink;
      this.staticNum = roles.staticNum;
      this.scale = roles.scale;
      this.degree = roles.degree;
      this.sigs = sink.signatures;
      this.nClasses = roles.nClasses;
      this.pmax = roles.pmax;
    }

    void start(int doc) {
      this.doc = doc;
      total = 0;
      stat = 0;
    }

    void finish() {
      staticNum[doc] = (float) stat;
      scale[doc] = total > 0 ? (float) (100.0 / total) : 0f;
      if (degree[doc] != 0) {
        double w = eval.classWeight((degree[doc] - 1) & 63) * scale[doc] * QUICK_UNIT;
        degree[doc] |= (int) Math.min(DEGREE_UNITS_MAX, Math.max(0, Math.floor(w) - 1))
            << DEGREE_KEY_BITS;
      }
    }

    @Override
    public void clause(int i, int kindOrdinal, int importance, int flags, int minCount,
        int minDegreeRank, int status, int minYears, int levelMask, int[] concepts, int nc,
        String[] unknown) {
      int clazz = kindOrdinal * 2 + importance;
      double w = eval.classWeight(clazz);
      total += w;
      if (i >= MAX_SLOTS) {
        stat += w; // not posted: bounded at full credit
        return;
      }
      double floor = eval.floorCredit(kindOrdinal, nc == 0, flags);
      Kind kind = KINDS[kindOrdinal];
      switch (kind) {
        case DEGREE -> {
          int sig = CompiledRole.degreeSignature(minDegreeRank, status, levelMask,
              (flags & CompiledRole.EQUIVALENT_EXPERIENCE) != 0);
          sigs[sig] = true;
          sink.post(keys.degree + sig, clazz, i);
          if (degree[doc] == 0) { // 11 bits of signature and 6 of class: DEGREE_KEY_BITS
            degree[doc] = (sig << 6 | clazz) + 1;
          }
        }
        case EXPERIENCE_YEARS -> sink.post(keys.years + Math.min(MAX_YEARS_KEY, minYears),
            clazz, i);
        case PUBLICATION -> sink.post(keys.pub, clazz, i);
        case PRIOR_INTERNSHIP -> sink.post(keys.intern, clazz, i);
        case FIELD_OF_STUDY -> {
          for (int j = 0; j < nc; j++) {
            int c = concepts[j];
            sink.post(c >= 0 ? keys.field + c : dict.key("f\0" + unknown[-c - 1]), clazz, i);
          }
          boolean marked = (flags & CompiledRole.RELATED_FIELD) != 0;
          sink.post(marked ? keys.fieldRelMarked : keys.fieldRelUnmarked, clazz, i);
        }
        case LOCATION -> {
          boolean auth = (flags & CompiledRole.WORK_AUTHORIZATION) != 0;
          if (nc == 0 && !auth) {
            break; // always unknown: its floor is in staticNum
          }
          for (int j = 0; j < nc; j++) {
            int c = concepts[j];
            if (c >= 0) {
              sink.post(keys.loc + c, clazz, i);
            }
          }
          for (int j = 0; j < nc; j++) {
            int c = concepts[j];
            if (c >= 0 && eval.isNearbyCandidate(c)) {
              for (int q : g.parents(c)) {
                if (!nearSeen(concepts, j, q)) {
                  sink.post(keys.locParent + q, clazz, i);
                }
              }
            }
          }
          sink.post(keys.locSilent, clazz, i);
          if (auth) {
            sink.post(keys.authSilent, clazz, i);
            sink.post(keys.authAny, clazz, i);
          }
        }
        default -> {
          if (!kind.isConceptKind()) {
            floor = 1; // a kind this structure does not know: bounded at full credit
            break;
          }
          if (nc == 0) {
            break; // always unknown: its floor is in staticNum
          }
          // partial credit (a sibling or a broader concept: a parent of a listed concept) is
          // bounded statically by pmax; the clause's postings carry the partial run class
          boolean partial = false;
          for (int j = 0; j < nc && !partial; j++) {
            int c = concepts[j];
            partial = c >= 0 && g.parents(c).length > 0;
          }
          if (partial && pmax > floor) {
            floor = pmax;
          }
          int rc = partial ? nClasses + clazz : clazz;
          for (int j = 0; j < nc; j++) {
            int c = concepts[j];
            sink.post(c >= 0 ? c : dict.key("c\0" + unknown[-c - 1]), rc, i);
          }
        }
      }
      stat += w * floor;
    }

    /** Whether a nearby place before {@code j} in the clause has parent {@code q} too. */
    private boolean nearSeen(int[] concepts, int j, int q) {
      for (int x = 0; x < j; x++) {
        int c = concepts[x];
        if (c >= 0 && eval.isNearbyCandidate(c) && Arrays.binarySearch(g.parents(c), q) >= 0) {
          return true;
        }
      }
      return false;
    }
  }


}
