package org.rolematch.taxonomy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rolematch.ingest.ParseLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rolematch.model.Kind;

/**
 * An immutable set of {@link Concept}s with their aliases and broader/narrower relations.
 *
 * <p>Three steps to use one:
 *
 * <ol>
 *   <li>take the bundled default, {@link #defaults()}, or read your own file with {@link
 *       #load(Path)} (format: see {@code TaxonomyReader}); extend the default with yours through
 *       {@link #extendedWith(Path)} (your file may name the default's concepts as broader ones);
 *   <li>give it to a {@code Matcher} builder or a {@code ConceptExtractor};
 *   <li>ask it about relations: {@link #isA(String, String)}, {@link #siblings(String, String)},
 *       {@link #relatedFields(String, String)}.
 * </ol>
 *
 * <p>Every concept has a dense ordinal (0..size-1) so that hot paths can work on ints. A
 * taxonomy is thread-safe: it never changes after it is built.
 */
public final class Taxonomy {
  private static final String DEFAULT_RESOURCE = "default-taxonomy.json";
  private static volatile Taxonomy defaults;

  private final List<Concept> concepts;
  private final Map<String, Integer> ordinals;
  private final int[][] parents;
  private final int[][] ancestors;
  private final Map<String, List<String>> aliasIndex;

  private Taxonomy(List<Concept> concepts, String source) {
    this.concepts = List.copyOf(concepts);
    Map<String, Integer> ords = new HashMap<>();
    for (int i = 0; i < this.concepts.size(); i++) {
      Concept c = this.concepts.get(i);
      if (ords.put(c.id(), i) != null) {
        throw new TaxonomyException(source, "concept id '" + c.id() + "' appears twice");
      }
    }
    this.ordinals = Map.copyOf(ords);
    int n = this.concepts.size();
    this.parents = new int[n][];
    for (int i = 0; i < n; i++) {
      Concept c = this.concepts.get(i);
      int[] p = new int[c.broader().size()];
      for (int j = 0; j < p.length; j++) {
        Integer o = ords.get(c.broader().get(j));
        if (o == null) {
          throw new TaxonomyException(
              source,
              "concept '" + c.id() + "' has broader '" + c.broader().get(j)
                  + "', which is not a concept of the taxonomy; add it or remove the reference");
        }
        p[j] = o;
      }
      parents[i] = p;
    }
    this.ancestors = new int[n][];
    byte[] state = new byte[n];
    int[] height = new int[n];
    long[] links = new long[1];
    for (int i = 0; i < n; i++) {
      computeAncestors(i, state, height, links, source);
    }
    Map<String, List<String>> aliases = new HashMap<>();
    for (Concept c : this.concepts) {
      addAlias(aliases, c.id(), c.id());
      for (String a : c.aliases()) {
        addAlias(aliases, a, c.id());
      }
    }
    this.aliasIndex = Collections.unmodifiableMap(aliases);
  }

  private static void addAlias(Map<String, List<String>> index, String alias, String id) {
    List<String> ids = index.computeIfAbsent(normaliseAlias(alias), k -> new ArrayList<>(1));
    if (!ids.contains(id)) {
      ids.add(id);
    }
  }

  /** Lower-cases and collapses whitespace, the form in which aliases are looked up. */
  static String normaliseAlias(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isWhitespace(ch)) {
        space = b.length() > 0;
        continue;
      }
      if (space) {
        b.append(' ');
        space = false;
      }
      b.append(ch == '\u2019' ? '\'' : Character.toLowerCase(ch));
    }
    return b.toString();
  }

  /**
   * Deepest chain of broader concepts a taxonomy may have. Real taxonomies are a handful of levels
   * deep (the bundled one: under a dozen); the limit keeps a malformed or hostile file from making
   * the ancestor sets quadratic in its size.
   */
  static final int MAX_HEIGHT = 100;
  /** Most ancestor links (summed over concepts, counted with repeats) a taxonomy may have. */
  static final long MAX_ANCESTOR_LINKS = 10_000_000L;

  // Depth-first over the broader relation with an explicit stack (no recursion, so no
  // StackOverflowError on a long chain); cycles, too-deep chains and too many links are reported.
  private void computeAncestors(int root, byte[] state, int[] height, long[] links, String source) {
    if (state[root] == 2) {
      return;
    }
    int[] stack = new int[16];
    int[] next = new int[16];
    int top = 0;
    stack[0] = root;
    next[0] = 0;
    state[root] = 1;
    while (top >= 0) {
      int i = stack[top];
      int[] ps = parents[i];
      if (next[top] < ps.length) {
        int p = ps[next[top]++];
        if (state[p] == 2) {
          continue;
        }
        if (state[p] == 1) {
          throw new TaxonomyException(
              source, "the broader relation has a cycle through concept '" + concepts.get(p).id() + "'");
        }
        state[p] = 1;
        top++;
        if (top == stack.length) {
          stack = Arrays.copyOf(stack, top * 2);
          next = Arrays.copyOf(next, top * 2);
        }
        stack[top] = p;
        next[top] = 0;
        continue;
      }
      LinkedHashSet<Integer> all = new LinkedHashSet<>();
      int h = 0;
      for (int p : ps) {
        all.add(p);
        for (int a : ancestors[p]) {
          all.add(a);
        }
        h = Math.max(h, height[p] + 1);
        links[0] += 1 + ancestors[p].length;
      }
      if (h > MAX_HEIGHT) {
        throw new TaxonomyException(source, "concept '" + concepts.get(i).id() + "' lies more than "
            + MAX_HEIGHT + " levels below its broadest concept; the broader relation is a chain"
            + " too deep for a taxonomy (check the file's 'broader' fields)");
      }
      if (links[0] > MAX_ANCESTOR_LINKS) {
        throw new TaxonomyException(source, "the broader relation has more than "
            + MAX_ANCESTOR_LINKS + " ancestor links (reached at concept '" + concepts.get(i).id()
            + "'); a taxonomy is a shallow hierarchy: check the file's 'broader' fields");
      }
      height[i] = h;
      ancestors[i] = all.stream().mapToInt(Integer::intValue).toArray();
      state[i] = 2;
      top--;
    }
  }

  /** A taxonomy of the given concepts. */
  public static Taxonomy of(List<Concept> concepts) {
    return new Taxonomy(requireNonNull(concepts, "concepts"), "<code>");
  }

  static Taxonomy of(List<Concept> concepts, String source) {
    return new Taxonomy(concepts, source);
  }

  /** The bundled default taxonomy (loaded once, shared). */
  public static Taxonomy defaults() {
    Taxonomy t = defaults;
    if (t == null) {
      synchronized (Taxonomy.class) {
        t = defaults;
        if (t == null) {
          try (InputStream in = Taxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException(
                  "the bundled taxonomy resource " + DEFAULT_RESOURCE + " is missing from the jar");
            }
            t = TaxonomyReader.read(in, "bundled " + DEFAULT_RESOURCE);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled taxonomy", e);
          }
          defaults = t;
        }
      }
    }
    return t;
  }

  /**
   * Reads a taxonomy file (JSON, format {@code rolematch-taxonomy}).
   *
   * @throws TaxonomyException naming the file and what was wrong in it
   * @throws IOException if the file cannot be read
   */
  public static Taxonomy load(Path file) throws IOException {
    return load(file, ParseLimits.defaults());
  }

  /**
   * Reads a taxonomy file with the given limits ({@link ParseLimits#maxCollectionBytes()},
   * {@link ParseLimits#maxJsonDepth()}, {@link ParseLimits#maxNumberChars()}, {@link
   * ParseLimits#maxItems()} concepts).
   *
   * @throws TaxonomyException naming the file and what was wrong in it, or the limit exceeded
   * @throws IOException if the file cannot be read
   */
  public static Taxonomy load(Path file, ParseLimits limits) throws IOException {
    requireNonNull(file, "file");
    requireNonNull(limits, "limits");
    try (InputStream in = Files.newInputStream(file)) {
      return TaxonomyReader.read(in, file.toString(), limits);
    }
  }

  /**
   * This taxonomy extended with another: concepts of {@code extension} with a new id are added;
   * for an id both have, aliases and broader ids are merged and the extension's kind wins.
   */
  public Taxonomy extendedWith(Taxonomy extension) {
    requireNonNull(extension, "extension");
    return extendedWith(extension.concepts, "extended taxonomy");
  }

  /**
   * This taxonomy extended with concepts that may refer to this taxonomy's concepts as broader
   * ones (a company's framework under the default's "web framework").
   *
   * @throws TaxonomyException when a broader id exists in neither, or the union has a cycle
   */
  public Taxonomy extendedWith(List<Concept> extension) {
    return extendedWith(requireNonNull(extension, "extension"), "extended taxonomy");
  }

  /**
   * This taxonomy extended with the concepts of a taxonomy file, which may refer to this
   * taxonomy's concepts as broader ones.
   *
   * @throws TaxonomyException naming the file and what was wrong in it
   */
  public Taxonomy extendedWith(Path file) throws IOException {
    return extendedWith(file, ParseLimits.defaults());
  }

  /**
   * As {@link #extendedWith(Path)}, reading the file with the given limits.
   *
   * @throws TaxonomyException naming the file and what was wrong in it, or the limit exceeded
   */
  public Taxonomy extendedWith(Path file, ParseLimits limits) throws IOException {
    requireNonNull(file, "file");
    requireNonNull(limits, "limits");
    try (InputStream in = Files.newInputStream(file)) {
      return extendedWith(TaxonomyReader.concepts(in, file.toString(), limits), file.toString());
    }
  }

  private Taxonomy extendedWith(List<Concept> extension, String source) {
    Map<String, Concept> merged = new LinkedHashMap<>();
    for (Concept c : concepts) {
      merged.put(c.id(), c);
    }
    for (Concept e : extension) {
      Concept base = merged.get(e.id());
      merged.put(e.id(), base == null ? e : merge(base, e));
    }
    return new Taxonomy(new ArrayList<>(merged.values()), source);
  }

  private static Concept merge(Concept a, Concept b) {
    return new Concept(
        a.id(),
        b.kind(),
        union(a.alsoKinds(), b.alsoKinds()),
        union(a.aliases(), b.aliases()),
        union(a.ambiguousAliases(), b.ambiguousAliases()),
        union(a.broader(), b.broader()));
  }

  private static <T> List<T> union(List<T> a, List<T> b) {
    LinkedHashSet<T> s = new LinkedHashSet<>(a);
    s.addAll(b);
    return List.copyOf(s);
  }

  /** Number of concepts. */
  public int size() {
    return concepts.size();
  }

  /** All concepts, in ordinal order. */
  public List<Concept> concepts() {
    return concepts;
  }

  /** The concept with the id, if any. */
  public Optional<Concept> concept(String id) {
    Integer o = ordinals.get(id);
    return o == null ? Optional.empty() : Optional.of(concepts.get(o));
  }

  /** The concept at an ordinal. */
  public Concept concept(int ordinal) {
    return concepts.get(ordinal);
  }

  /** The ordinal of a concept id, or -1 when the taxonomy has no such concept. */
  public int ordinal(String id) {
    Integer o = ordinals.get(id);
    return o == null ? -1 : o;
  }

  /** Whether the taxonomy has a concept with the id. */
  public boolean contains(String id) {
    return ordinals.containsKey(id);
  }

  /**
   * Concept ids whose id or alias is {@code text} (case-insensitive, whitespace collapsed); ambiguous
   * aliases are not consulted.
   */
  public List<String> lookup(String text) {
    List<String> ids = aliasIndex.get(normaliseAlias(text));
    return ids == null ? List.of() : List.copyOf(ids);
  }

  /** Ordinals of the concepts directly broader than the one at {@code ordinal}. */
  public int[] parents(int ordinal) {
    return parents[ordinal].clone();
  }

  /** Ordinals of every concept broader than the one at {@code ordinal}, transitively. */
  public int[] ancestors(int ordinal) {
    return ancestors[ordinal].clone();
  }

  /** Whether {@code narrower} is {@code broader} or lies below it in the taxonomy. */
  public boolean isA(String narrower, String broader) {
    if (narrower.equals(broader)) {
      return true;
    }
    int n = ordinal(narrower);
    int b = ordinal(broader);
    return n >= 0 && b >= 0 && isAncestor(b, n);
  }

  /** Whether {@code ancestor} lies strictly above {@code ordinal}. */
  public boolean isAncestor(int ancestor, int ordinal) {
    for (int a : ancestors[ordinal]) {
      if (a == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** Whether two distinct concepts share a direct broader concept ("JAX" and "PyTorch"). */
  public boolean siblings(String a, String b) {
    int x = ordinal(a);
    int y = ordinal(b);
    if (x < 0 || y < 0 || x == y) {
      return false;
    }
    for (int p : parents[x]) {
      for (int q : parents[y]) {
        if (p == q) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether two fields of study belong to one family (both below a common broader field, such as
   * "quantitative field"), which is what "or a related field" accepts. A field is related to
   * itself.
   */
  public boolean relatedFields(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    int x = ordinal(a);
    int y = ordinal(b);
    if (x < 0 || y < 0) {
      return false;
    }
    if (isAncestor(x, y) || isAncestor(y, x)) {
      return true;
    }
    for (int p : ancestors[x]) {
      for (int q : ancestors[y]) {
        if (p == q) {
          return true;
        }
      }
    }
    return false;
  }

  /** Ids of all concepts of a kind (primary or other). */
  public Set<String> idsOfKind(Kind kind) {
    Set<String> ids = new LinkedHashSet<>();
    for (Concept c : concepts) {
      if (c.hasKind(kind)) {
        ids.add(c.id());
      }
    }
    return ids;
  }

  @Override
  public String toString() {
    int[] counts = new int[Kind.values().length];
    for (Concept c : concepts) {
      counts[c.kind().ordinal()]++;
    }
    StringBuilder b = new StringBuilder("Taxonomy[").append(concepts.size()).append(" concepts");
    for (Kind k : Kind.values()) {
      if (counts[k.ordinal()] > 0) {
        b.append(", ").append(k.wireName()).append('=').append(counts[k.ordinal()]);
      }
    }
    return b.append(']').toString();
  }

  /** Used in messages: the kinds, comma separated. */
  static String kindNames() {
    return String.join(
        ", ",
        Arrays.stream(Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
  }
}
