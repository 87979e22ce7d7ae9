package org.rolematch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rolematch.eval.PostingEvaluation;
import org.rolematch.explain.Renderer;
import org.rolematch.ingest.PostingParser;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.EmploymentType;
import org.rolematch.model.Evidence;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseMatch;
import org.rolematch.score.MatchResult;
import org.rolematch.score.MatchStatus;
import org.rolematch.score.Scorer;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Concept;
import org.rolematch.taxonomy.Taxonomy;
import org.rolematch.text.ConceptExtractor;

/**
 * Every regular expression of the code base against 100,000 characters of adversarial text.
 *
 * <p>{@link #everyRegularExpressionIsListedHere} scans the main sources of every module for
 * {@code Pattern.compile}, {@code .matches(}, {@code .replaceAll(}, {@code .replaceFirst(} and
 * {@code .split(}, and fails when one is not in {@link #USES}, so a new regular expression cannot
 * arrive untested. Each listed expression is then run, the way its code runs it, on the classic
 * backtracking and stack-overflow shapes (long runs of the repeated class, long alternations of
 * matching and non-matching characters, a near-miss at the end), in a thread with a 256 KiB
 * stack: it must finish in under 100 ms (the issue's figure; measured at 1-10 ms here, so the
 * assertion has a wide margin) and never overflow the stack. Each is also reached through the
 * public code path that uses it, under a hang guard, with its time printed.
 */
class RegexHardeningTest {
  static final int N = 100_000;
  static final long LIMIT_MS = 100;
  static final List<String> FIGURES = new ArrayList<>();

  /** How a piece of code applies a regular expression. */
  enum Call { REPLACE_ALL, SPLIT }

  /** One regular expression in the main code: file, call, expression, and why it is safe. */
  record Use(String file, Call call, String regex, String note) {}

  static final List<Use> USES = List.of(
      new Use("matcher-core/src/main/java/org/rolematch/explain/Format.java", Call.REPLACE_ALL,
          "\\s+", "evidence shortened for rendering; one character class, linear"),
      new Use("matcher-core/src/main/java/org/rolematch/eval/PostingEvaluation.java",
          Call.REPLACE_ALL, "\\s+", "concept names in evaluation; one character class, linear"),
      new Use("matcher-core/src/main/java/org/rolematch/ingest/JobPostingJson.java", Call.SPLIT,
          "[,;\n]", "JSON-LD skills tag list; a character class, linear"),
      new Use("matcher-core/src/main/java/org/rolematch/score/CompiledProfile.java", Call.SPLIT,
          "[,/|]", "a profile's location parts; a character class, linear"),
      new Use("matcher-core/src/main/java/org/rolematch/text/ConceptExtractor.java", Call.SPLIT,
          " ", "alias words; one literal character: String.split's fast path, no regex engine"),
      new Use("matcher-core/src/main/java/org/rolematch/ingest/PostingParser.java", Call.SPLIT,
          " ", "title words (3 calls, lines of at most 90 characters); String.split's fast path"));

  /** Adversarial texts of N characters: the shapes that make regex engines backtrack or recurse. */
  static Map<String, String> shapes() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("spaces", " ".repeat(N));
    m.put("mixed whitespace", " \t\n\r\f\u000b".repeat(N / 6 + 1).substring(0, N));
    m.put("word-space alternation", "a ".repeat(N / 2));
    m.put("whitespace run, near-miss end", " ".repeat(N - 1) + "!");
    m.put("no separator", "a".repeat(N));
    m.put("separators only", ",;/|\n".repeat(N / 5));
    m.put("separator alternation", "a,b;c/d|e\n".repeat(N / 10));
    m.put("classic (a+)+ shape", "a".repeat(N - 1) + "X");
    m.put("nested brackets", "(".repeat(N / 2) + ")".repeat(N / 2));
    m.put("unicode spaces", "\u00a0\u2003\u2009\u200b".repeat(N / 4));
    return m;
  }

  @AfterAll
  static void printFigures() {
    System.out.println("regular expressions: use, shape, best of 3 in ms");
    FIGURES.forEach(System.out::println);
  }

  // ------------------------------------------------------------------------------ the inventory

  static final java.util.regex.Pattern CALL = java.util.regex.Pattern.compile(
      "(Pattern\\.compile|Pattern\\.matches|\\.matches|\\.replaceAll|\\.replaceFirst|\\.split)"
          + "\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Test
  void everyRegularExpressionIsListedHere() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertTrue(Files.isDirectory(root.resolve("matcher-core/src/main/java")),
        "run from the matcher-core module folder: " + root);
    Map<String, Integer> found = new TreeMap<>();
    List<String> unlisted = new ArrayList<>();
    for (String module : List.of("matcher-core", "matcher-cli", "matcher-bench", "examples")) {
      Path src = root.resolve(module).resolve("src/main/java");
      if (!Files.isDirectory(src)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(src)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String rel = root.relativize(f).toString().replace('\\', '/');
          List<String> lines = Files.readAllLines(f);
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("//") || line.startsWith("*")) {
              continue;
            }
            if (line.contains("Pattern.") || line.contains(".matches(")
                || line.contains(".replaceAll(") || line.contains(".replaceFirst(")
                || line.contains(".split(")) {
              java.util.regex.Matcher m = CALL.matcher(line);
              boolean any = false;
              while (m.find()) {
                any = true;
                String regex = unescape(m.group(2));
                Call call = m.group(1).equals(".split") ? Call.SPLIT : Call.REPLACE_ALL;
                boolean listed = USES.stream().anyMatch(u -> u.file().equals(rel)
                    && u.regex().equals(regex) && (u.call() == call || !m.group(1).equals(".split")));
                found.merge(rel + " " + m.group(1) + "(\"" + m.group(2) + "\")", 1, Integer::sum);
                if (!listed) {
                  unlisted.add(rel + ":" + (i + 1) + ": " + line);
                }
              }
              if (!any && (line.contains("Pattern.compile") || line.contains("Pattern.matches"))) {
                unlisted.add(rel + ":" + (i + 1) + " (a pattern that is not a literal): " + line);
              }
            }
          }
        }
      }
    }
    System.out.println("regular expressions found in main code: " + found);
    assertTrue(unlisted.isEmpty(), "regular expressions not listed (and so not tested) in "
        + "RegexHardeningTest.USES: " + unlisted);
    assertFalse(found.isEmpty(), "the scan found nothing: is the source tree there?");
  }

  static String unescape(String javaLiteral) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < javaLiteral.length(); i++) {
      char c = javaLiteral.charAt(i);
      if (c == '\\' && i + 1 < javaLiteral.length()) {
        char n = javaLiteral.charAt(++i);
        b.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  // ------------------------------------------------------------------------- each expression

  @Test
  void everyRegularExpressionTakesAdversarialTextInUnderAHundredMilliseconds() throws Exception {
    for (Use u : USES) {
      Pattern p = Pattern.compile(u.regex());
      for (Map.Entry<String, String> shape : shapes().entrySet()) {
        String text = shape.getValue();
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 4; run++) { // the first run warms the JIT; best of the other 3
          long t = smallStack(() -> {
            Object r = u.call() == Call.SPLIT ? text.split(u.regex()) : p.matcher(text).replaceAll(" ");
            return r == null ? 0 : 1;
          });
          if (run > 0) {
            best = Math.min(best, t);
          }
        }
        double ms = best / 1e6;
        FIGURES.add(String.format(Locale.ROOT, "%-62s %-10s %-30s %7.2f ms",
            u.file().substring(u.file().lastIndexOf('/') + 1) + " " + u.call() + " \"" + printable(u.regex())
                + "\"", "", shape.getKey(), ms));
        assertTrue(ms < LIMIT_MS, u + " on " + shape.getKey() + " took " + ms + " ms");
      }
    }
  }

  static String printable(String regex) {
    return regex.replace("\n", "\\n");
  }

  /**
   * Runs the work in a thread with a 256 KiB stack (a quarter of the usual default), so that a
   * recursive match would overflow here first; returns the nanoseconds it took.
   */
  static long smallStack(java.util.concurrent.Callable<Integer> work) throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long[] took = new long[1];
    Thread t = new Thread(null, () -> {
      long s = System.nanoTime();
      try {
        work.call();
      } catch (Throwable e) {
        failure.set(e);
      }
      took[0] = System.nanoTime() - s;
    }, "regex-small-stack", 256 * 1024);
    t.start();
    t.join(10_000);
    assertFalse(t.isAlive(), "still running after 10 s");
    if (failure.get() != null) {
      throw new AssertionError("failed (a StackOverflowError?): " + failure.get(), failure.get());
    }
    return took[0];
  }

  // ----------------------------------------------------------------- through the code paths

  static void timed(String what, Runnable r) {
    long s = System.nanoTime();
    assertTimeoutPreemptively(Duration.ofSeconds(10), r::run, what + " did not finish in 10 s");
    FIGURES.add(String.format(Locale.ROOT, "%-103s %7.2f ms", "code path: " + what,
        (System.nanoTime() - s) / 1e6));
  }

  @Test
  void renderingShortensAdversarialEvidence() {
    Requirement q = Requirement.anyOf("r1", Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED,
        List.of("python"), Evidence.of("Python"));
    for (Map.Entry<String, String> shape : shapes().entrySet()) {
      ClauseMatch c = new ClauseMatch(q, MatchStatus.MET, 1, 1, 100, false,
          List.of(new Evidence(shape.getValue(), 0, N)), "knows Python");
      MatchResult m = new MatchResult("role", "Role", "candidate", 100, true, List.of(c));
      timed("Format.shorten via the renderers, " + shape.getKey(), () -> {
        for (Renderer r : List.of(Renderer.text(), Renderer.markdown(), Renderer.json())) {
          assertTrue(r.render(m).length() < 10 * N);
        }
      });
    }
  }

  @Test
  void evaluationNormalisesAdversarialConceptNames() {
    for (Map.Entry<String, String> shape : shapes().entrySet()) {
      timed("PostingEvaluation.norm, " + shape.getKey(),
          () -> assertTrue(PostingEvaluation.norm(shape.getValue()).length() <= N));
    }
  }

  @Test
  void jsonLdSkillListsOfAdversarialText() {
    PostingParser parser = PostingParser.of(Taxonomy.defaults());
    for (String key : List.of("separators only", "no separator", "spaces", "separator alternation")) {
      String text = shapes().get(key);
      String json = "{\"@type\": \"JobPosting\", \"title\": \"Engineer\", \"skills\": \""
          + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
      timed("JobPostingJson skills split, " + key, () -> {
        try {
          assertEquals(1, parser.parseJsonLd(json, "skills.json").roles().size());
        } catch (org.rolematch.ingest.ParseException e) {
          throw new AssertionError(e);
        }
      });
    }
  }

  @Test
  void profileLocationsOfAdversarialText() {
    Scorer scorer = Scorer.of(Taxonomy.defaults(), ScoringPolicy.defaults());
    Role role = new Role("r", "Analyst", "", EmploymentType.FULL_TIME, List.of(), Optional.empty(),
        List.of(Requirement.anyOf("r1", Kind.LOCATION, Importance.REQUIRED,
            List.of("united states"), Evidence.of("US based applicants only"))), "");
    for (Map.Entry<String, String> shape : shapes().entrySet()) {
      CandidateProfile p = new CandidateProfile("c", List.of(), List.of(), 0, 0, 0, List.of(),
          List.of(), Optional.of(shape.getValue()), List.of(shape.getValue()));
      timed("CompiledProfile.resolvePlaces via Scorer.score, " + shape.getKey(),
          () -> assertEquals(1, scorer.score(role, p).clauses().size()));
    }
  }

  @Test
  void taxonomyAliasesOfAdversarialText() {
    for (String key : List.of("spaces", "word-space alternation", "no separator")) {
      String alias = shapes().get(key);
      Taxonomy t = Taxonomy.of(List.of(new Concept("odd", Kind.TOOL, List.of(), List.of(alias),
          List.of(), List.of())));
      timed("ConceptExtractor.variants (alias split), " + key,
          () -> assertTrue(ConceptExtractor.of(t).extract("odd tools").size() <= 1));
    }
  }

  @Test
  void postingTitlesOfAdversarialLines() {
    PostingParser parser = PostingParser.of(Taxonomy.defaults());
    for (Map.Entry<String, String> shape : shapes().entrySet()) {
      String text = "Data Engineer " + shape.getValue() + "\nRequirements:\n- Python\n";
      timed("PostingParser titles (split), " + shape.getKey(), () -> {
        try {
          assertTrue(parser.parse(text, "titles").roles().size() <= 2);
        } catch (org.rolematch.ingest.ParseException e) {
          assertTrue(e.getMessage().startsWith("titles: "), e.getMessage()); // control characters
        }
      });
    }
  }
}
