package org.rolematch.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.rolematch.index.CandidateBounds.Clause;
import org.rolematch.index.CandidateBounds.Plan;
import org.rolematch.index.CandidateBounds.Posted;
import org.rolematch.model.CandidateProfile;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledCodec;
import org.rolematch.score.CompiledProfile;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.KnockoutMode;
import org.rolematch.score.ScoreSheet;

/**
 * One search of a {@link CandidateIndex} for the best {@code k} profiles of a role, exact: it
 * returns what scoring every profile would.
 *
 * <p>The role's plan says which losses a profile's terms alone prove ({@link
 * CandidateBounds.Loss}: missing every listed concept of a requirement, or every term of a
 * credit level). The search picks the {@link #MAX_LOSSES} that most profiles are expected to
 * lose most of, and counts, for every profile of every segment at once, the sum of those it
 * suffers, in units of {@link #RANGE_POINTS}/{@link #LEVELS} points rounded down: bit-sliced
 * counters (one bit plane per binary digit, 64 profiles a word), so a loss costs a few word
 * operations per 64 profiles plus the postings of the terms few profiles hold. A profile at
 * level v scores at most the best score less v units. Levels are then taken best first: each
 * profile of a level gets a tight bound from every requirement ({@link Clause#credit}, read from
 * the segment's decoded postings and its years, left as soon as it falls below the k-th score)
 * and waits in a heap; at the end of a level the pending profiles that no lower level can beat
 * are scored exactly from their compiled form (in doc id order, so doc values read forward),
 * and the search stops at the first level whose bound is below the k-th score. Before the top k
 * is full the best pending profiles are scored as soon as there are enough, so that a k-th score
 * is known early.
 *
 * <p>Not thread-safe: one instance per search, with working arrays from a {@link Scratch}.
 */
final class CandidateSearch {
  /** Points below the best score the counters resolve; beyond, profiles share one level. */
  static final double RANGE_POINTS = 40;
  /** Searches that took the profiles beyond the counters' range (diagnostics and tests). */
  static final java.util.concurrent.atomic.LongAdder BEYOND_RANGE =
      new java.util.concurrent.atomic.LongAdder();
  /** Bit planes of the counters, and the levels they hold. */
  static final int PLANES = 7;
  static final int LEVELS = 1 << PLANES;
  /** Losses counted at most. */
  static final int MAX_LOSSES = 16;
  /** Profiles bounded between two looks at the top k while it is not full. */
  private static final int CHUNK = 256;

  private final ClauseEvaluator evaluator;
  private final Plan plan;
  private final double scale;
  private final TopK top;
  private final Exact exact;
  private final Scratch sc;
  private final List<LeafReaderContext> leaves;
  private final int[] starts;
  private final Posted[][] views;
  private final double[][] years;
  private final Bits[] lives;
  private final int maxDoc;
  /** The order a tight bound reads the clauses in: most expected loss first. */
  private int[] order;
  /** First counter word of each segment, and (last entry) the number of words. */
  private int[] wordStart;
  /** Weighted credit one counter unit stands for. */
  private double unit;
  /** The losses the counters add, and each in units. */
  private CandidateBounds.Loss[] losses;
  private int[] lossUnits;
  /** Accumulated credit (above the floor) a profile needs to reach the k-th score. */
  private double need;

  /** Profiles bounded tightly and scored exactly so far (diagnostics). */
  long tightBounds;
  long exactScores;
  long reopened;

  CandidateSearch(ClauseEvaluator evaluator, CompiledRole role, Plan plan, double totalWeight,
      List<LeafReaderContext> leaves, Predicate<CandidateProfile> filter, TopK top, Scratch sc) {
    this.evaluator = evaluator;
    this.plan = plan;
    this.scale = totalWeight > 0 ? 100.0 / totalWeight : 0;
    this.top = top;
    this.sc = sc;
    this.leaves = leaves;
    this.exact = new Exact(leaves, role, filter);
    int n = leaves.size();
    starts = new int[n + 1];
    views = new Posted[n][];
    years = new double[n][];
    lives = new Bits[n];
    for (int i = 0; i < n; i++) {
      starts[i] = leaves.get(i).docBase;
      starts[i + 1] = starts[i] + leaves.get(i).reader().maxDoc();
    }
    maxDoc = starts[n];
  }

  /** The bound, on the 0..100 scale, of a profile with credit {@code acc} above the floor. */
  private double bound(double acc) {
    return (plan.floor + acc) * scale * (1 + 2e-5) + 1e-4;
  }

  /** Recomputes the credit a profile needs, after the k-th score changed. */
  private void updateNeed() {
    double t = top.threshold();
    if (t == Double.NEGATIVE_INFINITY || scale == 0) {
      need = Double.NEGATIVE_INFINITY;
      return;
    }
    // the least acc with bound(acc) >= t, less a margin: bound() is checked again before scoring
    need = (t - 1e-4) / (scale * (1 + 2e-5)) - plan.floor - 1e-9;
  }

  /** Searches every segment; {@code segs} are the bound data of the leaves, in leaf order. */
  void run(CandidateBounds.Segment[] segs) throws IOException {
    for (int i = 0; i < segs.length; i++) {
      views[i] = segs[i].view(leaves.get(i).reader(), plan);
      years[i] = segs[i].years;
      lives[i] = leaves.get(i).reader().getLiveDocs();
    }
    if (maxDoc == 0) {
      return;
    }
    Clause[] cs = plan.clauses;
    long[] df = new long[cs.length];
    for (int c = 0; c < cs.length; c++) {
      df[c] = df(cs[c].guards);
    }
    order = checkOrder(df);
    unit = Math.min(plan.max, RANGE_POINTS / Math.max(scale, 1e-12)) / LEVELS;
    if (!(unit > 0)) {
      unit = 1; // nothing above the floor: every profile sits at level 0
    }
    chooseLosses();
    updateNeed();
    sc.heapSize = 0;
    count();
    take();
    drain(Double.NEGATIVE_INFINITY);
  }

  /** Documents of the index holding at least one of the terms (at most every document). */
  private long df(int[] terms) {
    long n = 0;
    for (Posted[] v : views) {
      for (int t : terms) {
        n += v[t] == null ? 0 : v[t].df();
      }
    }
    return Math.min(n, maxDoc);
  }

  /**
   * Picks the losses the counters add, most expected loss first (loss times the share of
   * profiles missing its holders), at most {@link #MAX_LOSSES} of them, each in whole units.
   */
  private void chooseLosses() {
    CandidateBounds.Loss[] all = plan.losses;
    double[] expected = new double[all.length];
    Integer[] idx = new Integer[all.length];
    int n = 0;
    for (int i = 0; i < all.length; i++) {
      if (units(all[i].loss()) >= 1) {
        expected[i] = all[i].loss() * (1 - df(all[i].holders()) / (double) maxDoc);
        if (expected[i] > 0) {
          idx[n++] = i;
        }
      }
    }
    Arrays.sort(idx, 0, n, (x, y) -> Double.compare(expected[y], expected[x]));
    n = Math.min(n, MAX_LOSSES);
    losses = new CandidateBounds.Loss[n];
    lossUnits = new int[n];
    for (int i = 0; i < n; i++) {
      losses[i] = all[idx[i]];
      lossUnits[i] = units(losses[i].loss());
    }
  }

  /** A loss in whole units, rounded down (a counter never exceeds the loss it stands for). */
  private int units(double loss) {
    return (int) Math.min(LEVELS - 1, Math.floor(loss / unit * (1 - 1e-9)));
  }

  /**
   * Counts each profile's proven loss in bit-sliced counters: one bit plane per binary digit, a
   * word of 64 profiles at a time, each segment starting at a word of its own ({@code
   * wordStart}).
   */
  private void count() {
    int n = views.length;
    wordStart = new int[n + 1];
    for (int li = 0; li < n; li++) {
      wordStart[li + 1] = wordStart[li] + ((starts[li + 1] - starts[li] + 63) >>> 6);
    }
    int words = wordStart[n];
    sc.ensureWords(words);
    for (long[] plane : sc.planes) {
      Arrays.fill(plane, 0, words, 0L);
    }
    Arrays.fill(sc.over, 0, words, 0L);
    for (int i = 0; i < losses.length; i++) {
      Arrays.fill(sc.mask, 0, words, 0L);
      for (int li = 0; li < n; li++) {
        holders(views[li], losses[i].holders(), sc.mask, wordStart[li]);
      }
      add(sc.mask, lossUnits[i], sc.planes, sc.over, sc.carry, words);
    }
  }

  /**
   * Takes the profiles level by level, least proven loss first, until a level's bound falls
   * below the k-th score; then, if they could still reach it, those beyond the counters' range.
   */
  private void take() throws IOException {
    int words = wordStart[views.length];
    for (int v = 0; v < LEVELS; v++) {
      if (bound(plan.max - v * unit) < top.threshold()) {
        return;
      }
      take(level(v, sc.planes, sc.over, sc.mask, words), words, plan.max - (v + 1) * unit);
    }
    if (bound(plan.max - LEVELS * unit) >= top.threshold()) {
      BEYOND_RANGE.increment();
      take(sc.over, words, Double.NEGATIVE_INFINITY);
    }
  }

  /** Marks in {@code mask}, from word {@code off} on, the documents holding one of the terms. */
  private static void holders(Posted[] view, int[] terms, long[] mask, int off) {
    for (int t : terms) {
      Posted p = view[t];
      if (p == null) {
        continue;
      }
      long[] bits = p.bits();
      if (bits != null) {
        for (int w = 0; w < bits.length; w++) {
          mask[off + w] |= bits[w];
        }
      } else {
        for (int d : p.docs()) {
          mask[off + (d >>> 6)] |= 1L << d;
        }
      }
    }
  }

  /**
   * Adds {@code q} to the counter of every document not in {@code held}: a ripple-carry add of
   * {@code q} (masked by the documents) into the planes, one plane at a time over every word
   * (loops the JIT can vectorise), from the lowest digit of {@code q} up; a carry out of the top
   * plane marks the document as beyond the range.
   */
  private static void add(long[] held, int q, long[][] planes, long[] over, long[] carry,
      int words) {
    if (q == 0) {
      return;
    }
    int low = Integer.numberOfTrailingZeros(q);
    for (int i = low; i < planes.length; i++) {
      long[] plane = planes[i];
      if (i == low) {
        // the lowest digit is set and nothing carries into it
        for (int w = 0; w < words; w++) {
          long a = plane[w];
          long m = ~held[w];
          plane[w] = a ^ m;
          carry[w] = a & m;
        }
      } else if ((q >>> i & 1) != 0) {
        for (int w = 0; w < words; w++) {
          long a = plane[w];
          long m = ~held[w];
          long c = carry[w];
          plane[w] = a ^ m ^ c;
          carry[w] = (a & m) | (c & (a ^ m));
        }
      } else {
        for (int w = 0; w < words; w++) {
          long a = plane[w];
          long c = carry[w];
          plane[w] = a ^ c;
          carry[w] = a & c;
        }
      }
    }
    for (int w = 0; w < words; w++) {
      over[w] |= carry[w];
    }
  }

  /** Sets {@code out} to the documents whose counter is exactly {@code v}; returns it. */
  private static long[] level(int v, long[][] planes, long[] over, long[] out, int words) {
    for (int w = 0; w < words; w++) {
      out[w] = ~over[w];
    }
    for (int i = 0; i < planes.length; i++) {
      long[] plane = planes[i];
      if ((v >>> i & 1) != 0) {
        for (int w = 0; w < words; w++) {
          out[w] &= plane[w];
        }
      } else {
        for (int w = 0; w < words; w++) {
          out[w] &= ~plane[w];
        }
      }
    }
    return out;
  }

  /**
   * Bounds the documents of {@code docs} tightly, {@link #CHUNK} at a time (filling the top k
   * from the best pending ones as soon as there are enough), then scores exactly the pending
   * ones that the levels below ({@code nextAcc}) cannot beat.
   */
  private void take(long[] docs, int words, double nextAcc) throws IOException {
    int taken = 0;
    double levelAcc = nextAcc + unit;
    int li = 0;
    for (int w = 0; w < words; w++) {
      long word = docs[w];
      if (word == 0) {
        continue;
      }
      while (w >= wordStart[li + 1]) {
        li++;
      }
      int first = starts[li] + ((w - wordStart[li]) << 6);
      int end = starts[li + 1];
      while (word != 0) {
        int doc = first + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        if (doc >= end) {
          break; // bits past the segment's last document
        }
        consider(li, doc);
        if (++taken % CHUNK == 0 && !top.full()) {
          drain(Double.POSITIVE_INFINITY); // only fills the top k: a first k-th score
          if (bound(levelAcc) < top.threshold()) {
            return;
          }
        }
      }
    }
    drain(nextAcc);
  }

  /** Clauses in the order a tight bound reads them: most expected loss first. */
  private int[] checkOrder(long[] df) {
    Clause[] cs = plan.clauses;
    double[] expected = new double[cs.length];
    Integer[] idx = new Integer[cs.length];
    for (int c = 0; c < cs.length; c++) {
      idx[c] = c;
      double held = cs[c].guards.length == 0 ? 0.5 : df[c] / (double) maxDoc;
      expected[c] = cs[c].max * (1 - held);
    }
    Arrays.sort(idx, (x, y) -> Double.compare(expected[y], expected[x]));
    int[] out = new int[cs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  /** Bounds one profile tightly; keeps it pending when it can still reach the k-th score. */
  private void consider(int li, int doc) {
    int d = doc - starts[li];
    Bits live = lives[li];
    if (live != null && !live.get(d)) {
      return;
    }
    tightBounds++;
    Posted[] view = views[li];
    double acc = plan.max;
    double y = years[li][d];
    Clause[] cs = plan.clauses;
    for (int c : order) {
      Clause cl = cs[c];
      acc -= cl.max - cl.credit(view, d, y);
      if (acc < need) {
        return;
      }
    }
    sc.push(doc, acc);
  }

  /**
   * Scores exactly the pending profiles whose bound is at least {@code above}'s, in one batch in
   * doc id order (doc values read forward; reading backwards means opening them again), and
   * before the top k is full the best pending ones regardless: a k-th score early lets the
   * tight bounds stop early.
   */
  private void drain(double above) throws IOException {
    double limit = bound(above);
    int[] batch = sc.batch;
    while (sc.heapSize > 0) {
      int n = 0;
      int room = top.k - top.size;
      if (sc.batch.length < sc.heapSize) {
        sc.batch = new int[sc.heapAcc.length];
        batch = sc.batch;
      }
      while (sc.heapSize > 0) {
        double b = bound(sc.heapAcc[0]);
        if (b < top.threshold()) {
          sc.heapSize = 0; // the rest are lower still
          break;
        }
        if (top.full() ? b < limit : n >= room && b < limit) {
          break;
        }
        batch[n++] = sc.pop();
      }
      if (n == 0) {
        return;
      }
      Arrays.sort(batch, 0, n);
      for (int i = 0; i < n; i++) {
        int doc = batch[i];
        int li = ReaderUtil.subIndex(doc, starts);
        exactScores++;
        exact.score(li, doc - starts[li]);
      }
      updateNeed();
    }
  }

  /** Exact scoring of profile documents from their compiled form. */
  private final class Exact {
    final List<LeafReaderContext> leaves;
    final CompiledRole role;
    final Predicate<CandidateProfile> filter;
    final CompiledProfile profile = new CompiledProfile();
    final ScoreSheet sheet = new ScoreSheet();
    final BinaryDocValues[] dvs;
    final int[] last;
    final boolean dropIneligible = evaluator.policy().knockoutMode() == KnockoutMode.FILTER;

    Exact(List<LeafReaderContext> leaves, CompiledRole role, Predicate<CandidateProfile> filter) {
      this.leaves = leaves;
      this.role = role;
      this.filter = filter;
      dvs = new BinaryDocValues[leaves.size()];
      last = new int[leaves.size()];
    }

    void score(int li, int d) throws IOException {
      LeafReaderContext ctx = leaves.get(li);
      if (dvs[li] == null || d <= last[li]) {
        reopened++;
        dvs[li] = ctx.reader().getBinaryDocValues(IndexFields.COMPILED);
      }
      last[li] = d;
      if (dvs[li] == null || !dvs[li].advanceExact(d)) {
        return;
      }
      BytesRef b = dvs[li].binaryValue();
      CompiledCodec.decode(b.bytes, b.offset, b.length, profile);
      double score = evaluator.scoreAtLeast(role, profile, sheet, top.threshold());
      if (dropIneligible && !sheet.eligible()) {
        return;
      }
      if (!top.competitive(score)) {
        return;
      }
      if (filter != CandidateIndex.ALL && !filter.test(CandidateIndex.record(ctx, d))) {
        return;
      }
      top.offer(score, profile.id(), ctx.docBase + d);
    }
  }

  /** Working arrays of searches, as long as the largest segment; one search at a time. */
  static final class Scratch {
    long[][] planes = new long[PLANES][0];
    long[] over = new long[0];
    long[] mask = new long[0];
    long[] carry = new long[0];
    // pending profiles: a max-heap by bound
    double[] heapAcc = new double[64];
    int[] heapDoc = new int[64];
    int heapSize;
    int[] batch = new int[64];

    void ensureWords(int words) {
      if (over.length < words) {
        for (int i = 0; i < planes.length; i++) {
          planes[i] = new long[words];
        }
        over = new long[words];
        mask = new long[words];
        carry = new long[words];
      }
    }

    void push(int doc, double acc) {
      if (heapSize == heapAcc.length) {
        heapAcc = Arrays.copyOf(heapAcc, heapSize * 2);
        heapDoc = Arrays.copyOf(heapDoc, heapSize * 2);
      }
      int i = heapSize++;
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (heapAcc[p] >= acc) {
          break;
        }
        heapAcc[i] = heapAcc[p];
        heapDoc[i] = heapDoc[p];
        i = p;
      }
      heapAcc[i] = acc;
      heapDoc[i] = doc;
    }

    int pop() {
      int doc = heapDoc[0];
      int n = --heapSize;
      double acc = heapAcc[n];
      int d = heapDoc[n];
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        if (l >= n) {
          break;
        }
        int c = l + 1 < n && heapAcc[l + 1] > heapAcc[l] ? l + 1 : l;
        if (heapAcc[c] <= acc) {
          break;
        }
        heapAcc[i] = heapAcc[c];
        heapDoc[i] = heapDoc[c];
        i = c;
      }
      heapAcc[i] = acc;
      heapDoc[i] = d;
      return doc;
    }
  }
}
