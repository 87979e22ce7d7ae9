package org.rolematch.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
 * The roles-for-candidate search structure of one Lucene segment: an inverted index from keys
 * (concept ordinals and a few pseudo-concepts) to (role, clause) postings.
 *
 * <h2>Design note</h2>
 *
 * <p>The obvious Lucene designs lose to a plain scan in this direction: a profile's popular
 * concepts touch most roles and the per-role normalisation (score = weighted mean) defeats
 * block-max skipping. So each segment gets a hand-built structure, built once from the segment's
 * {@code compiled} doc values by the first search that meets the segment and cached by the
 * segment core, so it follows Lucene's merges and is dropped with the segment (segments merged
 * away before any search never get one).
 *
 * <ul>
 *   <li><b>Postings</b>: one flat {@code int[]}; an entry is {@code doc << 6 | clauseSlot}. For
 *       each key, postings are grouped in runs of one clause class ({@code kind * 2 +
 *       importance}), doc-ordered within a run, so the weight is looked up once per run.
 *   <li><b>Keys</b> (a fixed layout for a taxonomy of T concepts): concept clauses post each
 *       listed concept ({@code c}); their partial credit (a sibling or broader concept, through a
 *       parent of a listed one) is not posted but bounded statically: a concept clause with a
 *       parent in the taxonomy counts at least {@code max(sibling, broader credit)} in {@code
 *       staticNum} and its postings carry the "partial" run class ({@code nClasses + class}),
 *       whose credit-1 delta is reduced by that much (the range {@code T + q} of the layout stays
 *       unused). Parents are in most roles, so this removed about 60% of the postings a query
 *       walked and about 40% of the postings held. Field clauses post {@code 2T + field};
 *       location clauses {@code 3T + place} and, for a listed city, {@code 4T + its parent}
 *       (nearby-place credit); degree clauses their 11-bit signature ({@code 5T + sig}), whose
 *       exact credit for the profile is computed once per query; experience clauses their minimum years (capped
 *       at 63); then publication, internship and the "related field", "silent location",
 *       "authorisation" pseudo-keys; concept ids unknown to the taxonomy get segment-local keys.
 *   <li><b>Per role</b>: {@code staticNum} (the weighted credit every profile gets: floors such
 *       as the unknown credit of soft skills, the static partial credit, clauses beyond slot 63
 *       and clauses of kinds this structure does not know at full credit) and {@code scale}
 *       ({@code 100 / total weight}).
 *   <li><b>Heavy levels</b>: the 8 concept keys with the most postings (the few concepts in most
 *       roles); for the first 4 and the first 8, per role the static credit plus the credit-1
 *       contribution of the clauses posted under them, and those clauses' bits. A profile that
 *       holds all keys of a level starts from it and skips the level's postings (the longest of
 *       the segment); otherwise it walks them as any other key.
 * </ul>
 *
 * <p>A query visits keys in decreasing credit order; the first touch of a (role, clause) adds
 * {@code weight * (credit - floor)} and sets the clause's bit in a per-role mask, so a clause is
 * counted once, at its best possible credit. The result, times {@code scale}, bounds the exact
 * score from above. Deleted documents stay in the structure and are skipped via live docs.
 */
final class RoleSegment {
  static final int MAX_SLOTS = 64;
  static final int MAX_YEARS_KEY = 63;
  static final int HEAVY = 8;
  static final int LEVELS = 2;
  static final double HEAVY_MIN_SHARE = 0.05;

  final int maxDoc;
  final int[] keyRunStart; // per key: first run index; length numKeys + 1
  final byte[] runClass;
  final int[] runStart; // postings offset of each run; length runs + 1
  final int[] postings;
  /** Classes per P-flag half: a run class {@code >= nClasses} belongs to partial-credit clauses. */
  final int nClasses;
  final float[] staticNum;
  final float[] scale;
  /**
   * Heavy keys: the {@link #HEAVY} concept keys with the most postings (each on at least
   * {@link #HEAVY_MIN_SHARE} of the roles), most postings first. Level {@code L} (1 or 2) covers
   * the first {@code 4 * L} of them: {@code levelStatic[L - 1][doc]} is {@code staticNum[doc]}
   * plus the credit-1 contribution of every clause posted under a key of the level, and {@code
   * levelMask[L - 1][doc]} those clauses' bits. A query that holds every key of a level at credit
   * 1 starts from these and skips the level's postings.
   */
  final int[] heavy;
  final float[][] levelStatic;
  final long[][] levelMask;
  final Map<String, Integer> unknownKeys; // "c\0id" / "f\0text" -> key
  final int[] degreeSigs; // degree signatures present in this segment
  final Keys keys;

  /** The fixed key layout for a concept graph. */
  static final class Keys {
    final int t;
    final int parent;
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
    final int fixed;

    Keys(int t) {
      this.t = t;
      parent = t;
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
      fixed = authAny + 1;
    }
  }

  private RoleSegment(int maxDoc, int[] keyRunStart, byte[] runClass, int[] runStart,
      int[] postings, int nClasses, float[] staticNum, float[] scale, int[] heavy,
      float[][] levelStatic, long[][] levelMask, Map<String, Integer> unknownKeys,
      int[] degreeSigs, Keys keys) {
    this.maxDoc = maxDoc;
    this.keyRunStart = keyRunStart;
    this.runClass = runClass;
    this.runStart = runStart;
    this.postings = postings;
    this.nClasses = nClasses;
    this.heavy = heavy;
    this.levelStatic = levelStatic;
    this.levelMask = levelMask;
    this.staticNum = staticNum;
    this.scale = scale;
    this.unknownKeys = unknownKeys;
    this.degreeSigs = degreeSigs;
    this.keys = keys;
  }

  /** Bytes of heap this structure holds (approximate). */
  long ramBytes() {
    return 4L * keyRunStart.length + runClass.length + 4L * runStart.length
        + 4L * postings.length + 8L * maxDoc + 12L * levelStatic.length * maxDoc
        + 64L * unknownKeys.size() + 4L * degreeSigs.length + 4L * heavy.length;
  }

  /** Emits the postings of one role. */
  private interface Sink {
    void post(int key, int clazz, int doc, int slot);
  }

  /** Number of structures built so far (a diagnostic for tests). */
  static final java.util.concurrent.atomic.AtomicLong BUILDS =
      new java.util.concurrent.atomic.AtomicLong();

  static RoleSegment build(LeafReader leaf, ClauseEvaluator eval) throws IOException {
    BUILDS.incrementAndGet();
    ConceptGraph g = eval.graph();
    Keys keys = new Keys(g.size());
    int maxDoc = leaf.maxDoc();
    if (maxDoc >= (1 << 25)) {
      throw new IllegalStateException("a segment of " + maxDoc + " roles exceeds the limit of "
          + (1 << 25) + " roles per segment of the role structure");
    }
    float[] staticNum = new float[maxDoc];
    float[] scale = new float[maxDoc];
    Map<String, Integer> unknownKeys = new HashMap<>();
    int nClasses = Kind.values().length * 2;
    int width = 2 * nClasses; // run classes: clazz, or nClasses + clazz for partial-credit clauses
    double pmax = partialMax(eval);
    // pass 1: count postings per (key, run class), and per-role statics
    int[][] counts = new int[1][];
    counts[0] = new int[keys.fixed * width];
    CompiledRole r = new CompiledRole();
    boolean[] sigSeen = new boolean[CompiledRole.DEGREE_SIGNATURES];
    Sink counter = (key, clazz, doc, slot) -> {
      int idx = key * width + clazz;
      if (idx >= counts[0].length) {
        counts[0] = Arrays.copyOf(counts[0], Math.max(idx + 1, counts[0].length * 2));
      }
      counts[0][idx]++;
    };
    BinaryDocValues dv = leaf.getBinaryDocValues(IndexFields.COMPILED);
    if (dv != null) {
      for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
        BytesRef b = dv.binaryValue();
        CompiledCodec.decode(b.bytes, b.offset, b.length, r);
        emit(r, doc, eval, keys, unknownKeys, counter, staticNum, scale, sigSeen, nClasses, pmax);
      }
    }
    int[] cnt = counts[0];
    int numKeys = keys.fixed + unknownKeys.size();
    // heavy keys: the concept keys with the most postings
    int[] heavy = heavyKeys(cnt, keys.t, width, maxDoc);
    int[] heavyRank = new int[keys.t];
    Arrays.fill(heavyRank, -1);
    for (int i = 0; i < heavy.length; i++) {
      heavyRank[heavy[i]] = i;
    }
    int levels = Math.min(LEVELS, heavy.length / 4);
    float[][] levelStatic = new float[levels][];
    long[][] levelMask = new long[levels][];
    double[][] levelAdd = new double[levels][];
    for (int l = 0; l < levels; l++) {
      levelMask[l] = new long[maxDoc];
      levelAdd[l] = new double[maxDoc];
    }
    // runs
    int runs = 0;
    for (int c : cnt) {
      if (c > 0) {
        runs++;
      }
    }
    int[] keyRunStart = new int[numKeys + 1];
    byte[] runClass = new byte[runs];
    int[] runStart = new int[runs + 1];
    int[] cursor = new int[cnt.length];
    int run = 0;
    int total = 0;
    for (int key = 0; key < numKeys; key++) {
      keyRunStart[key] = run;
      for (int c = 0; c < width; c++) {
        int idx = key * width + c;
        if (idx < cnt.length && cnt[idx] > 0) {
          runClass[run] = (byte) c;
          runStart[run] = total;
          cursor[idx] = total;
          total += cnt[idx];
          run++;
        }
      }
    }
    keyRunStart[numKeys] = run;
    runStart[runs] = total;
    int[] postings = new int[total];
    // pass 2: place postings (docs arrive in order, so each run is doc-sorted), and the
    // credit-1 contributions of the heavy levels
    double[] delta1 = new double[width];
    for (int c = 0; c < width; c++) {
      delta1[c] = credit1Delta(eval, c, nClasses, pmax);
    }
    Sink placer = (key, clazz, doc, slot) -> {
      int idx = key * width + clazz;
      postings[cursor[idx]++] = (doc << 6) | slot;
      if (key < keys.t && heavyRank[key] >= 0) {
        long bit = 1L << slot;
        for (int l = heavyRank[key] / 4; l < levels; l++) {
          if ((levelMask[l][doc] & bit) == 0 && delta1[clazz] > 0) {
            levelMask[l][doc] |= bit;
            levelAdd[l][doc] += (float) delta1[clazz];
          }
        }
      }
    };
    Map<String, Integer> sameKeys = new HashMap<>(unknownKeys);
    dv = leaf.getBinaryDocValues(IndexFields.COMPILED);
    if (dv != null) {
      for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
        BytesRef b = dv.binaryValue();
        CompiledCodec.decode(b.bytes, b.offset, b.length, r);
        emit(r, doc, eval, keys, sameKeys, placer, null, null, null, nClasses, pmax);
      }
    }
    for (int l = 0; l < levels; l++) {
      float[] st = new float[maxDoc];
      for (int d = 0; d < maxDoc; d++) {
        // rounded up: the walk this replaces adds the same float deltas in another order
        st[d] = Math.nextUp((float) (staticNum[d] + levelAdd[l][d]));
      }
      levelStatic[l] = st;
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
    return new RoleSegment(maxDoc, keyRunStart, runClass, runStart, postings, nClasses,
        staticNum, scale, heavy, levelStatic, levelMask, Map.copyOf(unknownKeys), sigs, keys);
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

  private static int[] heavyKeys(int[] cnt, int t, int width, int maxDoc) {
    long[] codes = new long[t];
    int n = 0;
    for (int key = 0; key < t; key++) {
      long c = 0;
      for (int k = 0; k < width; k++) {
        int idx = key * width + k;
        if (idx < cnt.length) {
          c += cnt[idx];
        }
      }
      if (c > 0 && c >= HEAVY_MIN_SHARE * maxDoc) {
        codes[n++] = (-c << 32) | key; // most postings first, then key
      }
    }
    Arrays.sort(codes, 0, n);
    int[] heavy = new int[Math.min(HEAVY, n)];
    for (int i = 0; i < heavy.length; i++) {
      heavy[i] = (int) codes[i];
    }
    return heavy;
  }

  private static int unknownKey(Map<String, Integer> dict, Keys keys, String k) {
    Integer v = dict.get(k);
    if (v == null) {
      v = keys.fixed + dict.size();
      dict.put(k, v);
    }
    return v;
  }

  private static void emit(CompiledRole r, int doc, ClauseEvaluator eval, Keys keys,
      Map<String, Integer> dict, Sink sink, float[] staticNum, float[] scale, boolean[] sigs,
      int nClasses, double pmax) {
    int n = r.clauseCount();
    double total = 0;
    double stat = 0;
    ConceptGraph g = eval.graph();
    for (int i = 0; i < n; i++) {
      double w = eval.weight(r, i);
      total += w;
      if (i >= MAX_SLOTS) {
        stat += w; // not posted: bounded at full credit
        continue;
      }
      double floor = eval.floorCredit(r, i);
      int clazz = r.kindOrdinal(i) * 2 + r.importanceOrdinal(i);
      Kind kind = r.kind(i);
      int s = r.conceptStart(i);
      int e = r.conceptEnd(i);
      switch (kind) {
        case DEGREE -> {
          int sig = r.degreeSignature(i);
          if (sigs != null) {
            sigs[sig] = true;
          }
          sink.post(keys.degree + sig, clazz, doc, i);
        }
        case EXPERIENCE_YEARS -> sink.post(keys.years + Math.min(MAX_YEARS_KEY, r.minYears(i)),
            clazz, doc, i);
        case PUBLICATION -> sink.post(keys.pub, clazz, doc, i);
        case PRIOR_INTERNSHIP -> sink.post(keys.intern, clazz, doc, i);
        case FIELD_OF_STUDY -> {
          for (int j = s; j < e; j++) {
            int c = r.concept(j);
            sink.post(c >= 0 ? keys.field + c
                : unknownKey(dict, keys, "f\0" + r.unknown(-c - 1)), clazz, doc, i);
          }
          boolean marked = (r.flags(i) & CompiledRole.RELATED_FIELD) != 0;
          sink.post(marked ? keys.fieldRelMarked : keys.fieldRelUnmarked, clazz, doc, i);
        }
        case LOCATION -> {
          boolean auth = (r.flags(i) & CompiledRole.WORK_AUTHORIZATION) != 0;
          if (e == s && !auth) {
            break; // always unknown: its floor is in staticNum
          }
          for (int j = s; j < e; j++) {
            int c = r.concept(j);
            if (c >= 0) {
              sink.post(keys.loc + c, clazz, doc, i);
            }
          }
          for (int j = s; j < e; j++) {
            int c = r.concept(j);
            if (c >= 0 && eval.isNearbyCandidate(c)) {
              for (int q : g.parents(c)) {
                if (!nearSeen(r, g, eval, s, j, q)) {
                  sink.post(keys.locParent + q, clazz, doc, i);
                }
              }
            }
          }
          sink.post(keys.locSilent, clazz, doc, i);
          if (auth) {
            sink.post(keys.authSilent, clazz, doc, i);
            sink.post(keys.authAny, clazz, doc, i);
          }
        }
        default -> {
          if (!kind.isConceptKind()) {
            floor = 1; // a kind this structure does not know: bounded at full credit
            break;
          }
          if (e == s) {
            break; // always unknown: its floor is in staticNum
          }
          // partial credit (a sibling or a broader concept: a parent of a listed concept) is
          // bounded statically by pmax; the clause's postings carry the partial run class
          boolean partial = false;
          for (int j = s; j < e && !partial; j++) {
            int c = r.concept(j);
            partial = c >= 0 && g.parents(c).length > 0;
          }
          if (partial && pmax > floor) {
            floor = pmax;
          }
          int rc = partial ? nClasses + clazz : clazz;
          for (int j = s; j < e; j++) {
            int c = r.concept(j);
            sink.post(c >= 0 ? c : unknownKey(dict, keys, "c\0" + r.unknown(-c - 1)), rc, doc,
                i);
          }
        }
      }
      stat += w * floor;
    }
    if (staticNum != null) {
      staticNum[doc] = (float) stat;
      scale[doc] = total > 0 ? (float) (100.0 / total) : 0f;
    }
  }

  private static boolean nearSeen(CompiledRole r, ConceptGraph g, ClauseEvaluator eval, int s,
      int j, int q) {
    for (int x = s; x < j; x++) {
      int c = r.concept(x);
      if (c >= 0 && eval.isNearbyCandidate(c) && Arrays.binarySearch(g.parents(c), q) >= 0) {
        return true;
      }
    }
    return false;
  }


}
