package org.rolematch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rolematch.explain.Renderer;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseMatch;
import org.rolematch.score.MatchResult;
import org.rolematch.score.MatchStatus;

/**
 * The acceptance test of the matching issue on the real dev set: every dev resume ranks a role it
 * was written for (or also qualifies for) first among all roles of the five dev postings, and
 * every explanation names the requirements the resume misses. Prints nDCG@5 and nDCG@15 against
 * the relevance judgements.
 */
class DevSetAcceptanceTest {
  private static final Set<String> STOP = Set.of("the", "a", "an", "of", "and", "at");

  static Path devDir() {
    String shared = System.getProperty("rolematch.shared");
    assumeTrue(shared != null, "system property rolematch.shared is not set; skipping the dev set");
    Path dev = Path.of(shared, "eval", "dev");
    assumeTrue(Files.isDirectory(dev), "no dev set at " + dev + "; skipping the dev set");
    return dev;
  }

  static Set<String> words(String title) {
    Set<String> w = new HashSet<>();
    for (String t : title.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!t.isEmpty() && !STOP.contains(t)) {
        w.add(t);
      }
    }
    return w;
  }

  static double jaccard(String a, String b) {
    Set<String> x = words(a);
    Set<String> y = words(b);
    Set<String> inter = new HashSet<>(x);
    inter.retainAll(y);
    Set<String> union = new HashSet<>(x);
    union.addAll(y);
    return union.isEmpty() ? 0 : (double) inter.size() / union.size();
  }

  /** Pairs parsed roles with gold titles of the same posting, best first, Jaccard >= 0.5. */
  static Map<String, String> pair(List<Role> parsed, List<String> goldTitles, String posting) {
    record Cand(double sim, String roleId, String gold) {}
    List<Cand> cands = new ArrayList<>();
    for (Role r : parsed) {
      for (String g : goldTitles) {
        double s = jaccard(r.title(), g);
        if (s >= 0.5) {
          cands.add(new Cand(s, r.id(), g));
        }
      }
    }
    cands.sort((p, q) -> Double.compare(q.sim(), p.sim()));
    Map<String, String> out = new HashMap<>();
    Set<String> usedGold = new HashSet<>();
    for (Cand c : cands) {
      if (!out.containsKey(c.roleId()) && usedGold.add(c.gold())) {
        out.put(c.roleId(), posting + "\t" + c.gold());
      }
    }
    return out;
  }

  static double dcg(List<Integer> grades, int k) {
    double s = 0;
    for (int i = 0; i < Math.min(k, grades.size()); i++) {
      s += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
    }
    return s;
  }

  @Test
  void everyDevResumeRanksARoleItWasWrittenForFirstAndExplanationsNameWhatIsMissing()
      throws Exception {
    Path dev = devDir();
    ObjectMapper json = new ObjectMapper();
    JsonNode targets = json.readTree(dev.resolve("targets.json").toFile());
    LocalDate clock = LocalDate.parse(targets.path("clock").asText("2025-07-01"));
    Map<String, Map<String, Integer>> grades = new HashMap<>();
    for (String line : Files.readAllLines(dev.resolve("judgements.tsv")).subList(1,
        Files.readAllLines(dev.resolve("judgements.tsv")).size())) {
      String[] f = line.split("\t");
      grades.computeIfAbsent(f[0], x -> new HashMap<>()).put(f[1] + "\t" + f[2],
          Integer.parseInt(f[3]));
    }
    try (Matcher matcher = Matcher.builder().resumeClock(clock).build()) {
      Map<String, String> goldOf = new HashMap<>();
      List<Path> postings;
      try (Stream<Path> s = Files.list(dev.resolve("postings"))) {
        postings = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
      }
      for (Path p : postings) {
        String name = p.getFileName().toString().replace(".txt", "");
        List<Role> roles = matcher.addPosting(Files.readString(p), name);
        List<String> goldTitles = new ArrayList<>();
        for (JsonNode r : json.readTree(dev.resolve("gold").resolve(name + ".json").toFile())
            .path("roles")) {
          goldTitles.add(r.path("title").asText());
        }
        Map<String, String> pairs = pair(roles, goldTitles, name);
        goldOf.putAll(pairs);
        System.out.println("posting " + name + ": " + roles.size() + " roles parsed, "
            + pairs.size() + " paired with gold");
        for (Role r : roles) {
          System.out.println("  " + r.id() + "  " + r.title() + "  -> "
              + pairs.getOrDefault(r.id(), "(unpaired)").replace('\t', ' '));
        }
      }
      int total = matcher.roleCount();
      double sum5 = 0;
      double sum15 = 0;
      int n = 0;
      List<String> failures = new ArrayList<>();
      for (JsonNode t : targets.path("targets")) {
        String resume = t.path("resume").asText();
        Set<String> good = new HashSet<>();
        for (String field : List.of("written_for", "also_qualifies")) {
          for (JsonNode r : t.path(field)) {
            good.add(r.path("posting").asText() + "\t" + r.path("role_title").asText());
          }
        }
        CandidateProfile profile = matcher.parseResume(resume,
            Files.readString(dev.resolve("resumes").resolve(resume + ".txt")));
        List<MatchResult> ranking = matcher.rankRoles(profile, total);
        Map<String, Integer> g = grades.getOrDefault(resume, Map.of());
        List<Integer> got = new ArrayList<>();
        System.out.println("\nresume " + resume);
        for (int i = 0; i < ranking.size(); i++) {
          MatchResult m = ranking.get(i);
          String gold = goldOf.get(m.roleId());
          int grade = gold == null ? 0 : g.getOrDefault(gold, 0);
          got.add(grade);
          System.out.printf(Locale.ROOT, "  %2d. %6.2f  grade %d  %s%s%n", i + 1, m.score(),
              grade, m.roleTitle(), gold == null ? "  (unpaired)" : "");
        }
        List<Integer> ideal = new ArrayList<>(g.values());
        ideal.sort((a, b) -> b - a);
        double n5 = dcg(got, 5) / dcg(ideal, 5);
        double n15 = dcg(got, 15) / dcg(ideal, 15);
        System.out.printf(Locale.ROOT, "  nDCG@5 %.3f  nDCG@15 %.3f%n", n5, n15);
        sum5 += n5;
        sum15 += n15;
        n++;
        assertFalse(ranking.isEmpty(), resume + ": no roles ranked");
        String top = goldOf.get(ranking.get(0).roleId());
        if (top == null || !good.contains(top)) {
          failures.add(resume + " ranks first '" + ranking.get(0).roleTitle() + "' ("
              + (top == null ? "unpaired" : top.replace('\t', ' ')) + ")");
          for (Map.Entry<String, String> e : goldOf.entrySet()) {
            if (good.contains(e.getValue())) {
              System.out.println("target: " + Renderer.text().render(matcher.explain(
                  matcher.role(e.getKey()).orElseThrow(), profile)));
            }
          }
        }
        for (MatchResult m : ranking) {
          assertEquals(m.score(), m.contributionSum(), 0.0);
          String text = Renderer.text().render(m);
          for (ClauseMatch c : m.clauses()) {
            if (c.status() == MatchStatus.MISSING) {
              assertFalse(c.reason().isBlank(), "a missing requirement has a reason");
              assertTrue(text.contains(c.requirement().text().strip()),
                  "the explanation names the missing requirement " + c.requirement().text());
            }
          }
        }
      }
      System.out.printf(Locale.ROOT, "%nmean nDCG@5 %.3f  mean nDCG@15 %.3f over %d resumes%n",
          sum5 / n, sum15 / n, n);
      System.out.println("top-1 not a target role: " + failures);
      // Every dev resume ranks a target role first (measured: 6 of 6, mean nDCG@5 0.919,
      // nDCG@15 0.955); the nDCG floors sit a little below the measured means so that a small
      // reordering among the lower ranks does not fail the build, a real regression does.
      assertTrue(failures.isEmpty(), (n - failures.size()) + " of " + n
          + " resumes rank a target role first: " + failures);
      assertTrue(sum5 / n >= 0.85, "mean nDCG@5 fell to " + sum5 / n);
      assertTrue(sum15 / n >= 0.9, "mean nDCG@15 fell to " + sum15 / n);
    }
  }
}
