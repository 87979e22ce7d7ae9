package org.rolematch.text;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.rolematch.model.Kind;
import org.rolematch.taxonomy.Concept;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Finds taxonomy concepts in text, with their offsets, through one Lucene analysis chain:
 * {@link ConceptTokenizer} (keeps "C++", "Node.js", "scikit-learn" whole) → {@link
 * LowerCaseFilter} → {@link SynonymGraphFilter} whose map sends every alias, single- or
 * multi-word, to a token naming the concept.
 *
 * <h2>Ambiguous aliases</h2>
 *
 * Some spellings are ordinary words or single letters: "Go", "R", "C", "Spark", "Excel", "CV".
 * The taxonomy lists them as <em>ambiguous</em> aliases, and a mention through one is kept only
 * when all of these hold:
 *
 * <ol>
 *   <li>the text has exactly the alias's capitalisation ("Go", not "go"; "R", not "r");
 *   <li>aliases of one or two characters ("R", "C", "Go", "CV") stand in a list next to another
 *       accepted concept ("Python or R", "Java, C, Python", "Python, Go, Java"), or are followed
 *       by a cue word ("Go microservice", "R programming");
 *   <li>longer ones ("Spark", "Excel") are in such a list, next to a cue, or at least not the
 *       first word of a sentence or line (where any word is capitalised).
 * </ol>
 *
 * Aliases never match inside other words: matching is on whole tokens, so "Java" does not fire
 * in "JavaScript" and "R" not in "R&amp;D".
 *
 * <p>Thread-safe: one extractor serves any number of threads (Lucene's analyzer keeps a token
 * stream per thread).
 */
public final class ConceptExtractor {
  private static final char PLAIN = '\u0001';
  private static final char AMBIGUOUS = '\u0002';
  /** Largest text one call accepts; parsers enforce their own, lower limits first. */
  public static final int MAX_TEXT = 64 * 1024 * 1024;

  private static final Set<String> CUES =
      Set.of(
          "language", "languages", "programming", "lang", "code", "coding", "developer",
          "developers", "development", "microservice", "microservices", "service", "services",
          "scripts", "scripting", "packages", "package", "library", "libraries", "jobs", "job",
          "cluster", "clusters", "queries", "query", "dashboards", "dashboard", "spreadsheets",
          "streaming", "sql", "tables", "models", "application", "applications", "apps", "based",
          "citizens", "residents", "citizenship", "office", "offices");
  private static final Set<String> LIST_WORDS = Set.of("and", "or", "and/or", "&", "plus", "as", "well");

  private final Taxonomy taxonomy;
  private final Analyzer analyzer;
  private final Kind[] kinds;
  private final Set<String>[] ambiguousSurfaces;

  private ConceptExtractor(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    int n = taxonomy.size();
    this.kinds = new Kind[n];
    @SuppressWarnings("unchecked")
    Set<String>[] amb = new Set[n];
    for (int i = 0; i < n; i++) {
      Concept c = taxonomy.concept(i);
      kinds[i] = c.kind();
      amb[i] = Set.copyOf(c.ambiguousAliases());
    }
    this.ambiguousSurfaces = amb;
    SynonymMap map = buildMap(taxonomy);
    this.analyzer =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new ConceptTokenizer();
            TokenStream sink = new SynonymGraphFilter(new LowerCaseFilter(source), map, false);
            return new TokenStreamComponents(source, sink);
          }
        };
  }

  /** An extractor over the taxonomy (building one costs tens of milliseconds; share it). */
  public static ConceptExtractor of(Taxonomy taxonomy) {
    return new ConceptExtractor(requireNonNull(taxonomy, "taxonomy"));
  }

  /** The taxonomy the extractor reads. */
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /** The words of {@code text} as the extractor sees them: tokenized and lower-cased. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    WordScanner w = WORDS.get();
    try {
      w.tokenizer.setReader(new java.io.StringReader(text));
      w.tokenizer.reset();
      while (w.tokenizer.incrementToken()) {
        if (!ConceptTokenizer.BREAK.contentEquals(w.term)) {
          out.add(w.term.toString().toLowerCase(Locale.ROOT));
        }
      }
      w.tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        w.tokenizer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /**
   * One tokenizer per thread for {@link #words(String)}: building a Lucene tokenizer (its
   * attributes and buffer) cost more than scanning a short line, and titles are tested on every
   * line of a page (a 1 MB page of one-letter lines spent most of its 7 s there).
   */
  private static final class WordScanner {
    final ConceptTokenizer tokenizer = new ConceptTokenizer();
    final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
  }

  private static final ThreadLocal<WordScanner> WORDS = ThreadLocal.withInitial(WordScanner::new);

  private static SynonymMap buildMap(Taxonomy taxonomy) {
    // explicit aliases first, so that generated variants never take another concept's alias
    Map<String, Set<Integer>> explicit = new HashMap<>();
    for (int i = 0; i < taxonomy.size(); i++) {
      Concept c = taxonomy.concept(i);
      explicit.computeIfAbsent(key(c.id()), k -> new HashSet<>()).add(i);
      for (String a : c.aliases()) {
        explicit.computeIfAbsent(key(a), k -> new HashSet<>()).add(i);
      }
    }
    SynonymMap.Builder b = new SynonymMap.Builder(true);
    CharsRefBuilder in = new CharsRefBuilder();
    for (int i = 0; i < taxonomy.size(); i++) {
      Concept c = taxonomy.concept(i);
      CharsRef plain = new CharsRef(PLAIN + Integer.toString(i));
      Set<String> forms = new LinkedHashSet<>();
      forms.add(c.id());
      forms.addAll(c.aliases());
      Set<List<String>> seen = new HashSet<>();
      for (String a : c.ambiguousAliases()) {
        seen.add(lowerWords(a)); // an ambiguous spelling never matches as a plain alias
      }
      for (String form : forms) {
        for (String v : variants(form, c.kind())) {
          Set<Integer> owners = explicit.get(key(v));
          if (owners != null && !owners.contains(i)) {
            continue; // another concept claims this spelling explicitly
          }
          List<String> w = lowerWords(v);
          if (!w.isEmpty() && seen.add(w)) {
            b.add(SynonymMap.Builder.join(w.toArray(new String[0]), in), plain, true);
          }
        }
      }
      CharsRef amb = new CharsRef(AMBIGUOUS + Integer.toString(i));
      for (String a : c.ambiguousAliases()) {
        List<String> w = lowerWords(a);
        if (!w.isEmpty()) {
          b.add(SynonymMap.Builder.join(w.toArray(new String[0]), in), amb, true);
        }
      }
    }
    try {
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the synonym map", e);
    }
  }

  private static String key(String s) {
    return String.join(" ", lowerWords(s));
  }

  /** The tokens of an alias, lower-cased, with inner breaks kept ("a / b testing"). */
  private static List<String> lowerWords(String s) {
    List<String> out = new ArrayList<>();
    // the thread's tokenizer: a new one per spelling (its 8 KB buffer and attributes) made about
    // 2 GB of garbage per extractor built over the default taxonomy
    WordScanner w = WORDS.get();
    try {
      w.tokenizer.setReader(new java.io.StringReader(s));
      w.tokenizer.reset();
      while (w.tokenizer.incrementToken()) {
        out.add(w.term.toString().toLowerCase(Locale.ROOT));
      }
      w.tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        w.tokenizer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    while (!out.isEmpty() && out.get(0).equals(ConceptTokenizer.BREAK)) {
      out.remove(0);
    }
    while (!out.isEmpty() && out.get(out.size() - 1).equals(ConceptTokenizer.BREAK)) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** Spelling variants of an alias: hyphen or space joined, singular and plural forms. */
  static Set<String> variants(String alias, Kind kind) {
    Set<String> out = new LinkedHashSet<>();
    out.add(alias);
    if (alias.indexOf('-') > 0 && alias.indexOf(' ') < 0) {
      out.add(alias.replace('-', ' '));
    }
    String[] parts = alias.split(" ");
    boolean wordy = parts.length > 1;
    for (String p : parts) {
      if (!isLetters(p)) {
        wordy = false;
      }
    }
    if (wordy) {
      out.add(String.join("-", parts));
    }
    if (kind == Kind.LOCATION || kind == Kind.DEGREE) {
      return out;
    }
    Set<String> more = new LinkedHashSet<>();
    for (String v : out) {
      int sp = v.lastIndexOf(' ');
      String last = v.substring(sp + 1);
      if (!isLetters(last) || last.length() < 4) {
        continue;
      }
      String lower = last.toLowerCase(Locale.ROOT);
      if (lower.endsWith("s")) {
        if (sp > 0 && !lower.endsWith("ss") && !lower.endsWith("us") && !lower.endsWith("is")) {
          more.add(v.substring(0, v.length() - 1));
        }
      } else if (lower.endsWith("y") && !lower.endsWith("ay") && !lower.endsWith("ey")) {
        more.add(v.substring(0, v.length() - 1) + "ies");
      } else if (!lower.endsWith("x") && !lower.endsWith("sh") && !lower.endsWith("ch")) {
        more.add(v + "s");
      }
    }
    out.addAll(more);
    return out;
  }

  private static boolean isLetters(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isLetter(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Every concept mention in {@code text}, in order of position. */
  public List<ConceptMention> extract(String text) {
    requireNonNull(text, "text");
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          "text of " + text.length() + " characters exceeds the extractor's limit of " + MAX_TEXT);
    }
    List<int[]> raw = new ArrayList<>(); // ordinal, start, end, ambiguous
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (term.length() > 1 && (term.charAt(0) == PLAIN || term.charAt(0) == AMBIGUOUS)) {
          int ord = Integer.parseInt(term, 1, term.length(), 10);
          raw.add(new int[] {ord, off.startOffset(), off.endOffset(),
              term.charAt(0) == AMBIGUOUS ? 1 : 0});
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string failed", e);
    }
    raw.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]));
    int n = raw.size();
    boolean[] accepted = new boolean[n];
    boolean[] candidate = new boolean[n];
    for (int i = 0; i < n; i++) {
      int[] r = raw.get(i);
      if (r[3] == 0) {
        accepted[i] = true;
      } else if (ambiguousSurfaces[r[0]].contains(text.substring(r[1], r[2]))) {
        candidate[i] = true;
        int len = r[2] - r[1];
        if (followedByCue(text, r[2])) {
          accepted[i] = true;
        } else if (len > 2 && !sentenceInitial(text, r[1])) {
          accepted[i] = true;
        }
      }
    }
    // "Austin, TX": a place and its region, both ambiguous, vouch for each other
    for (int i = 0; i + 1 < n; i++) {
      int[] a = raw.get(i);
      int[] b = raw.get(i + 1);
      if (candidate[i] && candidate[i + 1] && kinds[a[0]] == Kind.LOCATION
          && kinds[b[0]] == Kind.LOCATION && b[1] - a[2] <= 2 && b[1] > a[2]
          && text.charAt(a[2]) == ',' && b[2] - b[1] == 2) {
        accepted[i] = true;
        accepted[i + 1] = true;
      }
    }
    // accept ambiguous mentions that stand in a list with accepted ones: link each mention to
    // the next one that does not overlap it when only list separators stand between them, and
    // accept every candidate of a chain that holds an accepted mention (linear in the mentions)
    int[] chain = new int[n];
    for (int i = 0; i < n; i++) {
      chain[i] = i;
    }
    int[] live = new int[n]; // mentions that count: accepted ones and ambiguous candidates
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (accepted[i] || candidate[i]) {
        live[m++] = i;
      }
    }
    for (int x = 0; x < m; x++) {
      int[] a = raw.get(live[x]);
      int y = x + 1;
      while (y < m && raw.get(live[y])[1] < a[2] && y - x < 8) {
        y++; // skip mentions that overlap this one (a few at most: aliases of one span)
      }
      if (y < m && raw.get(live[y])[1] >= a[2] && listGap(text, a[2], raw.get(live[y])[1])) {
        union(chain, live[x], live[y]);
      }
    }
    boolean[] chainAccepted = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (accepted[i]) {
        chainAccepted[find(chain, i)] = true;
      }
    }
    for (int i = 0; i < n; i++) {
      if (candidate[i] && !accepted[i] && chainAccepted[find(chain, i)]) {
        accepted[i] = true;
      }
    }
    List<ConceptMention> out = new ArrayList<>();
    Set<Long> dedupe = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (!accepted[i]) {
        continue;
      }
      int[] r = raw.get(i);
      long k = ((long) r[0] << 40) ^ ((long) r[1] << 20) ^ r[2];
      if (dedupe.add(k)) {
        out.add(new ConceptMention(
            taxonomy.concept(r[0]).id(), kinds[r[0]], r[1], r[2], text.substring(r[1], r[2])));
      }
    }
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int x = find(parent, a);
    int y = find(parent, b);
    if (x != y) {
      parent[Math.max(x, y)] = Math.min(x, y);
    }
  }

  /** Whether the text between two mentions only separates items of a list. */
  static boolean listGap(String text, int from, int to) {
    if (to - from > 16 || to < from) {
      return false;
    }
    StringBuilder word = new StringBuilder();
    for (int i = from; i <= to; i++) {
      char c = i < to ? text.charAt(i) : ' ';
      if (Character.isLetter(c) || c == '&' || (c == '/' && word.length() > 0)) {
        word.append(Character.toLowerCase(c));
        continue;
      }
      if (word.length() > 0) {
        if (!LIST_WORDS.contains(word.toString())) {
          return false;
        }
        word.setLength(0);
      }
      if (c == '\n' || c == '.' || c == ';' || c == ':' || Character.isDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean followedByCue(String text, int end) {
    int i = end;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-')) {
      i++;
    }
    int j = i;
    while (j < text.length() && Character.isLetter(text.charAt(j)) && j - i < 20) {
      j++;
    }
    return j > i && CUES.contains(text.substring(i, j).toLowerCase(Locale.ROOT));
  }

  /** Whether the offset starts a sentence, line or bullet, where any word is capitalised. */
  static boolean sentenceInitial(String text, int start) {
    int i = start - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t'
        || text.charAt(i) == '\u00a0' || text.charAt(i) == '(' || text.charAt(i) == '"')) {
      i--;
    }
    if (i < 0) {
      return true;
    }
    char c = text.charAt(i);
    return c == '\n' || c == '\r' || c == '.' || c == '!' || c == '?' || c == '\u2022'
        || c == '*' || c == ':' || c == '\u00b7' || c == '-' || c == '\u2013' || c == '\u2014'
        || c == '|';
  }
}
