package org.rolematch.eval;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.ProfileJson;
import org.rolematch.ingest.ResumeParser;
import org.rolematch.model.CandidateProfile;

/**
 * Measures resume parsing against gold profiles exactly as {@code shared/eval/score.py resumes}
 * does, so that users can evaluate on their own annotated resumes.
 *
 * <p>Each document becomes a set of items: its degrees as {@code level:status}, its fields of
 * study, and the concepts of all six concept lists, kind-agnostic, after the alias normalisation
 * of score.py ({@link #norm}). Precision, recall and F1 are over these items, summed over the
 * documents; the mean absolute error of {@code years_experience} and the rate of exact {@code
 * publications} counts are over the gold documents. Per concept kind, a true positive or a miss
 * counts under the gold list the concept is in, a false positive under the predicted list.
 *
 * <p>Use: {@link #add} each document (or {@link #run} a folder through a parser), then read
 * {@link #items()}, {@link #yearsMae()}, {@link #report()}. Not thread-safe.
 */
public final class ResumeEvaluation {

  /** The six concept lists of the gold schema. */
  public static final List<String> CONCEPT_KINDS =
      List.of("programming_language", "ml_framework", "data_technology", "tool", "skill",
          "research_area");

  /** score.py's alias table: spellings that count as the same item. */
  public static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("ml", "machine learning"), Map.entry("nlp", "natural language processing"),
          Map.entry("cv", "computer vision"), Map.entry("recsys", "recommender systems"),
          Map.entry("recommendation systems", "recommender systems"),
          Map.entry("recommender system", "recommender systems"),
          Map.entry("recommendation system", "recommender systems"),
          Map.entry("sklearn", "scikit-learn"), Map.entry("scikit learn", "scikit-learn"),
          Map.entry("golang", "go"), Map.entry("js", "javascript"),
          Map.entry("ts", "typescript"), Map.entry("postgres", "postgresql"),
          Map.entry("k8s", "kubernetes"), Map.entry("tf", "tensorflow"),
          Map.entry("torch", "pytorch"), Map.entry("cs", "computer science"),
          Map.entry("ai", "artificial intelligence"), Map.entry("cpp", "c++"),
          Map.entry("c plus plus", "c++"), Map.entry("csharp", "c#"),
          Map.entry("ms", "master"), Map.entry("masters", "master"),
          Map.entry("bachelors", "bachelor"), Map.entry("doctorate", "phd"),
          Map.entry("ph.d.", "phd"));

  /**
   * One document's score.
   *
   * @param name the gold file's name
   * @param items its items
   * @param goldYears gold years of experience (0 when absent)
   * @param predictedYears predicted years of experience (null when absent)
   * @param goldPublications gold publication count
   * @param predictedPublications predicted publication count
   */
  public record DocumentScore(
      String name, Prf items, double goldYears, Double predictedYears, int goldPublications,
      int predictedPublications) {
    public DocumentScore {
      requireNonNull(name, "name");
      requireNonNull(items, "items");
    }
  }

  /** An item: its type ({@code degree}, {@code field}, {@code concept}), value, and list. */
  record Item(String type, String value) {}

  private final List<DocumentScore> documents = new ArrayList<>();
  private final Map<String, int[]> byType = new LinkedHashMap<>();
  private final Map<String, int[]> byKind = new LinkedHashMap<>();
  private final List<String> failures = new ArrayList<>();
  private int tp;
  private int fp;
  private int fn;
  private double yearsError;
  private int publicationsExact;

  /** An empty evaluation. */
  public ResumeEvaluation() {
    for (String t : List.of("degree", "field", "concept")) {
      byType.put(t, new int[3]);
    }
    for (String k : CONCEPT_KINDS) {
      byKind.put(k, new int[3]);
    }
  }

  /**
   * score.py's {@code norm}: trimmed, lower-cased, whitespace collapsed, then aliased; null reads
   * as Python's {@code None}.
   */
  public static String norm(String concept) {
    String s = (concept == null ? "None" : concept).strip().toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = true;
        continue;
      }
      if (space && b.length() > 0) {
        b.append(' ');
      }
      space = false;
      b.append(c);
    }
    String n = b.toString();
    return ALIASES.getOrDefault(n, n);
  }

  /** The items of a document in the resume gold schema (score.py's {@code resume_items}). */
  static Map<Item, String> items(JsonNode doc) {
    Map<Item, String> out = new LinkedHashMap<>();
    if (doc == null || !doc.isObject()) {
      return out;
    }
    JsonNode degrees = doc.get("degrees");
    if (degrees != null && degrees.isArray()) {
      for (JsonNode d : degrees) {
        String level = norm(pyText(d.get("level")));
        JsonNode st = d.get("status");
        String status = truthy(st) ? pyText(st) : "completed";
        out.putIfAbsent(new Item("degree", level + ":" + status), null);
        JsonNode field = d.get("field");
        if (truthy(field)) {
          out.putIfAbsent(new Item("field", norm(pyText(field))), null);
        }
      }
    }
    for (String kind : CONCEPT_KINDS) {
      JsonNode list = doc.get(kind);
      if (list != null && list.isArray()) {
        for (JsonNode c : list) {
          out.putIfAbsent(new Item("concept", norm(pyText(c))), kind);
        }
      }
    }
    return out;
  }

  /** Python's {@code str()} of a JSON value, for the values a gold file holds. */
  private static String pyText(JsonNode n) {
    if (n == null || n.isNull()) {
      return "None";
    }
    if (n.isBoolean()) {
      return n.asBoolean() ? "True" : "False";
    }
    return n.asText();
  }

  /** Python truthiness of a JSON value. */
  private static boolean truthy(JsonNode n) {
    if (n == null || n.isNull()) {
      return false;
    }
    if (n.isTextual()) {
      return !n.asText().isEmpty();
    }
    if (n.isNumber()) {
      return n.asDouble() != 0;
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    return n.size() > 0;
  }

  private static double number(JsonNode n) {
    return n == null || n.isNull() || !n.isNumber() ? 0 : n.asDouble();
  }

  /**
   * Adds one document.
   *
   * @param name the gold file's name ({@code NAME.json})
   * @param gold the gold profile tree
   * @param predicted the predicted profile tree, or null when nothing was predicted
   */
  public void add(String name, JsonNode gold, JsonNode predicted) {
    requireNonNull(name, "name");
    Map<Item, String> g = items(gold);
    Map<Item, String> p = items(predicted);
    int a = 0;
    int b = 0;
    int c = 0;
    for (Map.Entry<Item, String> e : g.entrySet()) {
      String type = e.getKey().type();
      if (p.containsKey(e.getKey())) {
        a++;
        byType.get(type)[0]++;
        if (e.getValue() != null) {
          byKind.get(e.getValue())[0]++;
        }
      } else {
        c++;
        byType.get(type)[2]++;
        if (e.getValue() != null) {
          byKind.get(e.getValue())[2]++;
        }
      }
    }
    for (Map.Entry<Item, String> e : p.entrySet()) {
      if (!g.containsKey(e.getKey())) {
        b++;
        byType.get(e.getKey().type())[1]++;
        if (e.getValue() != null) {
          byKind.get(e.getValue())[1]++;
        }
      }
    }
    tp += a;
    fp += b;
    fn += c;
    double gy = gold == null ? 0 : number(gold.get("years_experience"));
    JsonNode pyNode = predicted == null ? null : predicted.get("years_experience");
    Double py = pyNode == null || pyNode.isNull() ? null : number(pyNode);
    yearsError += Math.abs(gy - (py == null ? 0 : py));
    double gpd = gold == null ? 0 : number(gold.get("publications"));
    double ppd = predicted == null ? 0 : number(predicted.get("publications"));
    int gp = (int) gpd;
    int pp = (int) ppd;
    if (gpd == ppd) {
      publicationsExact++;
    }
    documents.add(new DocumentScore(name, new Prf(a, b, c), gy, py, gp, pp));
  }

  /** Adds one document whose prediction is a profile (written as {@link ProfileJson} does). */
  public void add(String name, JsonNode gold, CandidateProfile predicted) {
    add(name, gold, predicted == null ? null : ProfileJson.toTree(predicted));
  }

  /**
   * Evaluates a parser on a folder: for every gold {@code NAME.json} the resume {@code NAME.txt}
   * (or {@code NAME.json}, read as JSON Resume) is parsed and compared. A missing or unreadable
   * resume counts as predicting nothing and is listed in {@link #failures()}.
   *
   * @throws IOException when a folder cannot be listed
   * @throws ParseException when a gold file is not valid
   */
  public static ResumeEvaluation run(Path resumes, Path gold, ResumeParser parser)
      throws IOException, ParseException {
    requireNonNull(resumes, "resumes");
    requireNonNull(gold, "gold");
    requireNonNull(parser, "parser");
    ResumeEvaluation eval = new ResumeEvaluation();
    List<Path> golds;
    try (Stream<Path> s = Files.list(gold)) {
      golds = s.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
          .sorted().toList();
    }
    for (Path g : golds) {
      String file = g.getFileName().toString();
      String name = file.substring(0, file.length() - ".json".length());
      JsonNode goldTree = ProfileJson.parseTree(g.toString(),
          Files.readString(g, StandardCharsets.UTF_8));
      Path resume = resumes.resolve(name + ".txt");
      if (!Files.isRegularFile(resume)) {
        Path json = resumes.resolve(name + ".json");
        resume = Files.isRegularFile(json) && !json.equals(g) ? json : null;
      }
      CandidateProfile predicted = null;
      if (resume == null) {
        eval.failures.add(name + ": no resume " + name + ".txt or " + name + ".json in "
            + resumes + "; counted as predicting nothing");
      } else {
        try {
          predicted = parser.read(resume).profile();
        } catch (ParseException e) {
          eval.failures.add(e.getMessage() + " (counted as predicting nothing)");
        }
      }
      eval.add(file, goldTree, predicted);
    }
    return eval;
  }

  /** Items over all documents. */
  public Prf items() {
    return new Prf(tp, fp, fn);
  }

  /** Items of one type: {@code degree}, {@code field} or {@code concept}. */
  public Prf itemsOfType(String type) {
    int[] c = byType.get(type);
    if (c == null) {
      throw new IllegalArgumentException(
          "unknown item type '" + type + "'; expected degree, field or concept");
    }
    return new Prf(c[0], c[1], c[2]);
  }

  /** Concept items of one gold list (see the class comment). */
  public Prf itemsOfKind(String kind) {
    int[] c = byKind.get(kind);
    if (c == null) {
      throw new IllegalArgumentException(
          "unknown concept kind '" + kind + "'; expected one of " + CONCEPT_KINDS);
    }
    return new Prf(c[0], c[1], c[2]);
  }

  /** Mean absolute error of years of experience; 0 when no document was added. */
  public double yearsMae() {
    return documents.isEmpty() ? 0 : yearsError / documents.size();
  }

  /** Number of documents whose publication count is exact. */
  public int publicationsExact() {
    return publicationsExact;
  }

  /** Share of documents whose publication count is exact; 1 when no document was added. */
  public double publicationsRate() {
    return documents.isEmpty() ? 1 : publicationsExact / (double) documents.size();
  }

  /** The documents added, in order. */
  public List<DocumentScore> documents() {
    return List.copyOf(documents);
  }

  /** Resumes that could not be found or read by {@link #run}. */
  public List<String> failures() {
    return List.copyOf(failures);
  }

  /** The report as text: per document, per field, per concept kind, overall. */
  public String report() {
    StringBuilder b = new StringBuilder();
    b.append("resume                                        item-F1  years gold/pred  pubs gold/pred\n");
    for (DocumentScore d : documents) {
      b.append(String.format(Locale.ROOT, "%-44s %7.3f  %6s/%-6s  %4d/%d%n", d.name(),
          d.items().f1(), fmt(d.goldYears()), d.predictedYears() == null ? "-"
              : fmt(d.predictedYears()), d.goldPublications(), d.predictedPublications()));
    }
    b.append("\nfield                      P      R      F1   (tp/fp/fn)\n");
    for (String t : byType.keySet()) {
      line(b, t, itemsOfType(t));
    }
    for (String k : CONCEPT_KINDS) {
      line(b, "  " + k, itemsOfKind(k));
    }
    line(b, "overall", items());
    b.append(String.format(Locale.ROOT, "%npublications count exact: %d/%d (%.3f)%n",
        publicationsExact, documents.size(), publicationsRate()));
    Prf all = items();
    b.append(String.format(Locale.ROOT,
        "resume items: P %.3f R %.3f F1 %.3f; years MAE %.2f%n", all.precision(), all.recall(),
        all.f1(), yearsMae()));
    return b.toString();
  }

  private static void line(StringBuilder b, String name, Prf p) {
    b.append(String.format(Locale.ROOT, "%-24s %6.3f %6.3f %6.3f   (%d/%d/%d)%n", name,
        p.precision(), p.recall(), p.f1(), p.tp(), p.fp(), p.fn()));
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /** Distinct values of a set, for tests. */
  static Set<String> values(Map<Item, String> items) {
    Set<String> out = new LinkedHashSet<>();
    for (Item i : items.keySet()) {
      out.add(i.type() + ":" + i.value());
    }
    return out;
  }
}
