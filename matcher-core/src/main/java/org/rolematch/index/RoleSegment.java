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
 * {@code compiled} doc values when the segment first appears (NRT reopen or merge) and cached by
 * the segment core, so it follows Lucene's merges and is dropped with the segment.
 *
 * <ul>
 *   <li><b>Postings</b>: one flat {@code int[]}; an entry is {@code doc << 6 | clauseSlot}. For
 *       each key, postings are grouped in runs of one clause class ({@code kind * 2 +
 *       importance}), doc-ordered within a run, so the weight is looked up once per run.
 *   <li><b>Keys</b> (a fixed layout for a taxonomy of T concepts): concept clauses post each
 *       listed concept ({@code c}) and each parent of one ({@code T + q}, for sibling and
 *       broader credit); field clauses post {@code 2T + field}; location clauses {@code 3T +
 *       place} and, for a listed city, {@code 4T + its parent} (nearby-place credit); degree
 *       clauses their 11-bit signature ({@code 5T + sig}), whose exact credit for
 *       the profile is computed once per query; experience clauses their minimum years (capped
 *       at 63); then publication, internship and the "related field", "silent location",
 *       "authorisation" pseudo-keys; concept ids unknown to the taxonomy get segment-local keys.
 *   <li><b>Per role</b>: {@code staticNum} (the weighted credit every profile gets: floors such
 *       as the unknown credit of soft skills, and clauses beyond slot 63 at full credit) and
 *       {@code scale} ({@code 100 / total weight}).
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

  final int maxDoc;
  final int[] keyRunStart; // per key: first run index; length numKeys + 1
  final byte[] runClass;
  final int[] runStart; // postings offset of each run; length runs + 1
  final int[] postings;
  final float[] staticNum;
  final float[] scale;
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
      int[] postings, float[] staticNum, float[] scale, Map<String, Integer> unknownKeys,
      int[] degreeSigs, Keys keys) {
    this.maxDoc = maxDoc;
    this.keyRunStart = keyRunStart;
    this.runClass = runClass;
    this.runStart = runStart;
    this.postings = postings;
    this.staticNum = staticNum;
    this.scale = scale;
    this.unknownKeys = unknownKeys;
    this.degreeSigs = degreeSigs;
    this.keys = keys;
  }

  /** Bytes of heap this structure holds (approximate). */
  long ramBytes() {
    return 4L * keyRunStart.length + runClass.length + 4L * runStart.length
        + 4L * postings.length + 8L * maxDoc + 64L * unknownKeys.size() + 4L * degreeSigs.length;
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
    // pass 1: count postings per (key, class), and per-role statics
    int[][] counts = new int[1][];
    counts[0] = new int[keys.fixed * nClasses];
    CompiledRole r = new CompiledRole();
    boolean[] sigSeen = new boolean[CompiledRole.DEGREE_SIGNATURES];
    Sink counter = (key, clazz, doc, slot) -> {
      int idx = key * nClasses + clazz;
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
        emit(r, doc, eval, keys, unknownKeys, counter, staticNum, scale, sigSeen);
      }
    }
    int[] cnt = counts[0];
    int numKeys = keys.fixed + unknownKeys.size();
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
      for (int c = 0; c < nClasses; c++) {
        int idx = key * nClasses + c;
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
    // pass 2: place postings (docs arrive in order, so each run is doc-sorted)
    Sink placer = (key, clazz, doc, slot) -> {
      int idx = key * nClasses + clazz;
      postings[cursor[idx]++] = (doc << 6) | slot;
    };
    Map<String, Integer> sameKeys = new HashMap<>(unknownKeys);
    dv = leaf.getBinaryDocValues(IndexFields.COMPILED);
    if (dv != null) {
      for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
        BytesRef b = dv.binaryValue();
        CompiledCodec.decode(b.bytes, b.offset, b.length, r);
        emit(r, doc, eval, keys, sameKeys, placer, null, null, null);
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
    return new RoleSegment(maxDoc, keyRunStart, runClass, runStart, postings, staticNum, scale,
        Map.copyOf(unknownKeys), sigs, keys);
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
      Map<String, Integer> dict, Sink sink, float[] staticNum, float[] scale, boolean[] sigs) {
    int n = r.clauseCount();
    double total = 0;
    double stat = 0;
    for (int i = 0; i < n; i++) {
      double w = eval.weight(r, i);
      total += w;
      if (i >= MAX_SLOTS) {
        stat += w; // not posted: bounded at full credit
        continue;
      }
      stat += w * eval.floorCredit(r, i);
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
          ConceptGraph lg = eval.graph();
          for (int j = s; j < e; j++) {
            int c = r.concept(j);
            if (c >= 0 && eval.isNearbyCandidate(c)) {
              for (int q : lg.parents(c)) {
                if (!nearSeen(r, lg, eval, s, j, q)) {
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
          if (e == s) {
            break; // always unknown: its floor is in staticNum
          }
          ConceptGraph g = eval.graph();
          for (int j = s; j < e; j++) {
            int c = r.concept(j);
            if (c < 0) {
              sink.post(unknownKey(dict, keys, "c\0" + r.unknown(-c - 1)), clazz, doc, i);
              continue;
            }
            sink.post(c, clazz, doc, i);
          }
          // parents, once per clause
          for (int j = s; j < e; j++) {
            int c = r.concept(j);
            if (c < 0) {
              continue;
            }
            for (int p : g.parents(c)) {
              if (!parentSeen(r, g, s, j, p)) {
                sink.post(keys.parent + p, clazz, doc, i);
              }
            }
          }
        }
      }
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

  private static boolean parentSeen(CompiledRole r, ConceptGraph g, int s, int j, int p) {
    for (int x = s; x < j; x++) {
      int c = r.concept(x);
      if (c >= 0 && Arrays.binarySearch(g.parents(c), p) >= 0) {
        return true;
      }
    }
    return false;
  }
}
