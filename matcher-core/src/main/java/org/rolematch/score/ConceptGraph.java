package org.rolematch.score;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.rolematch.model.Kind;
import org.rolematch.taxonomy.Concept;
import org.rolematch.taxonomy.Taxonomy;

/**
 * The taxonomy as flat int arrays for the hot paths of scoring and retrieval: sorted parents,
 * ancestors and children of every concept ordinal, and a fingerprint of the whole graph.
 *
 * <pre>{@code
 * ConceptGraph g = ConceptGraph.of(Taxonomy.defaults());
 * int pytorch = g.ordinal("pytorch");
 * int[] parents = g.parents(pytorch);          // e.g. "deep learning framework"
 * }</pre>
 *
 * <p>Internal: public only so that {@code org.rolematch.index} can share it; not part of the API.
 * Immutable and thread-safe; one instance per {@link Taxonomy} ({@link #of(Taxonomy)} caches it).
 */
public final class ConceptGraph {
  private static final Map<Taxonomy, ConceptGraph> CACHE = new WeakHashMap<>();

  private final Taxonomy taxonomy;
  private final int[][] parents;
  private final int[][] ancestors;
  private final int[][] children;
  private final boolean[] location;
  private final long fingerprint;
  /**
   * Concept ids by ordinal in an open-addressing table (linear probing, at most a quarter full):
   * compiling a role looks up about 50 ids, and the taxonomy's immutable map, with its modulo
   * and boxed ordinals, took 40 ns a lookup, a fifth of indexing a role.
   */
  private final String[] slotId;
  private final int[] slotHash;
  private final int[] slotOrdinal;
  private final int slotMask;

  private ConceptGraph(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    int n = taxonomy.size();
    parents = new int[n][];
    ancestors = new int[n][];
    location = new boolean[n];
    List<List<Integer>> kids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      kids.add(new ArrayList<>(0));
    }
    long h = 1125899906842597L;
    for (int i = 0; i < n; i++) {
      int[] p = taxonomy.parents(i);
      Arrays.sort(p);
      parents[i] = p;
      int[] a = taxonomy.ancestors(i);
      Arrays.sort(a);
      ancestors[i] = a;
      for (int q : p) {
        kids.get(q).add(i);
      }
      Concept c = taxonomy.concept(i);
      location[i] = c.hasKind(Kind.LOCATION);
      h = 31 * h + c.id().hashCode();
      for (int q : p) {
        h = 31 * h + q + 7;
      }
    }
    children = new int[n][];
    for (int i = 0; i < n; i++) {
      children[i] = kids.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    fingerprint = h ^ n;
    int slots = Integer.highestOneBit(Math.max(1, n) * 4 - 1) << 1; // >= 4n, a power of two
    slotId = new String[slots];
    slotHash = new int[slots];
    slotOrdinal = new int[slots];
    slotMask = slots - 1;
    for (int i = 0; i < n; i++) {
      String id = taxonomy.concept(i).id();
      int hash = id.hashCode();
      int s = spread(hash) & slotMask;
      while (slotId[s] != null) {
        s = (s + 1) & slotMask;
      }
      slotId[s] = id;
      slotHash[s] = hash;
      slotOrdinal[s] = i;
    }
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  /** The graph of a taxonomy (built once per taxonomy instance). */
  public static ConceptGraph of(Taxonomy taxonomy) {
    requireNonNull(taxonomy, "taxonomy");
    synchronized (CACHE) {
      return CACHE.computeIfAbsent(taxonomy, ConceptGraph::new);
    }
  }

  /** The taxonomy. */
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /** Number of concepts. */
  public int size() {
    return parents.length;
  }

  /** Ordinal of a concept id, or -1. */
  public int ordinal(String id) {
    int hash = id.hashCode();
    for (int s = spread(hash) & slotMask; ; s = (s + 1) & slotMask) {
      String at = slotId[s];
      if (at == null) {
        return -1;
      }
      if (at == id || (slotHash[s] == hash && at.equals(id))) { // ids are often the taxonomy's own
        return slotOrdinal[s];
      }
    }
  }

  /** Concept id of an ordinal. */
  public String id(int ordinal) {
    return taxonomy.concept(ordinal).id();
  }

  /** Sorted direct parents (shared array: do not modify). */
  public int[] parents(int ordinal) {
    return parents[ordinal];
  }

  /** Sorted ancestors (shared array: do not modify). */
  public int[] ancestors(int ordinal) {
    return ancestors[ordinal];
  }

  /** Sorted direct children (shared array: do not modify). */
  public int[] children(int ordinal) {
    return children[ordinal];
  }

  /** Whether the concept can be a location. */
  public boolean isLocation(int ordinal) {
    return location[ordinal];
  }

  /** Whether {@code anc} lies strictly above {@code ord}. */
  public boolean isAncestor(int anc, int ord) {
    return Arrays.binarySearch(ancestors[ord], anc) >= 0;
  }

  /** Whether two fields are related: equal, one above the other, or sharing an ancestor. */
  public boolean related(int a, int b) {
    if (a == b || isAncestor(a, b) || isAncestor(b, a)) {
      return true;
    }
    int[] x = ancestors[a];
    int[] y = ancestors[b];
    int i = 0;
    int j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        return true;
      }
      if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    return false;
  }

  /** A hash of the concept ids and the broader relation; equal graphs give equal fingerprints. */
  public long fingerprint() {
    return fingerprint;
  }
}
