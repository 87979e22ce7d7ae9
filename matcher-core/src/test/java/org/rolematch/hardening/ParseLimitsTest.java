package org.rolematch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.Matcher;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.ParseLimits;
import org.rolematch.ingest.ParseLimits.Limit;
import org.rolematch.ingest.PostingJson;
import org.rolematch.ingest.PostingParser;
import org.rolematch.ingest.ProfileJson;
import org.rolematch.ingest.ResumeParser;
import org.rolematch.model.CandidateProfile;
import org.rolematch.taxonomy.Taxonomy;
import org.rolematch.taxonomy.TaxonomyException;

/**
 * Every limit of {@link ParseLimits}, for every parser it applies to, enforced at its default and
 * at a changed value: input just over the limit gets the documented exception naming the source,
 * the limit, its value and how to raise it; input at the limit is not refused for it.
 */
class ParseLimitsTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);
  static PostingParser postings;
  static final ParseLimits DEFAULTS = ParseLimits.defaults();

  @TempDir static Path dir;

  @BeforeAll
  static void parsers() {
    postings = PostingParser.of(Taxonomy.defaults());
  }

  static ResumeParser resumes(ParseLimits limits) {
    return ResumeParser.builder().asOf(AS_OF).limits(limits).build();
  }

  /** A parser call that may be refused. */
  interface Call {
    void run() throws Exception;
  }

  /** The call is refused for {@code limit}, with a message naming source, limit, value, remedy. */
  static void over(Limit limit, ParseLimits limits, String source, Call call) {
    String msg;
    try {
      call.run();
      fail("not refused over " + limit.setter() + " = " + limits.value(limit) + " (" + source + ")");
      return;
    } catch (ParseException e) {
      assertEquals(source, e.source());
      msg = e.getMessage();
    } catch (TaxonomyException e) {
      msg = e.getMessage();
    } catch (Exception e) {
      throw new AssertionError("expected the documented exception, got " + e, e);
    }
    assertTrue(msg.startsWith(source), "names the source first: " + msg);
    assertTrue(msg.contains("ParseLimits." + limit.setter()), "names the limit: " + msg);
    assertTrue(msg.contains(String.valueOf(limits.value(limit))),
        "gives its value " + limits.value(limit) + ": " + msg);
    assertTrue(msg.contains("ParseLimits.builder()." + limit.setter() + "(n)"),
        "says how to raise it: " + msg);
    if (limit == Limit.DOCUMENT_BYTES) {
      assertTrue(msg.contains("--max-input-bytes"), "and on the command line: " + msg);
    }
  }

  /** The call is not refused for {@code limit} (it may succeed, or fail for another reason). */
  static void within(Limit limit, Call call) {
    try {
      call.run();
    } catch (ParseException | TaxonomyException e) {
      assertFalse(e.getMessage().contains("ParseLimits." + limit.setter()),
          "refused for " + limit.setter() + " within the limit: " + e.getMessage());
    } catch (Exception e) {
      throw new AssertionError("unexpected " + e, e);
    }
  }

  static ParseLimits changed(Limit limit, int value) {
    ParseLimits.Builder b = ParseLimits.builder();
    switch (limit) {
      case DOCUMENT_BYTES -> b.maxDocumentBytes(value);
      case COLLECTION_BYTES -> b.maxCollectionBytes(value);
      case LINE_CHARS -> b.maxLineChars(value);
      case JSON_DEPTH -> b.maxJsonDepth(value);
      case NUMBER_CHARS -> b.maxNumberChars(value);
      case ITEMS -> b.maxItems(value);
      default -> fail(limit.toString());
    }
    return b.build();
  }

  static Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------------------ the inputs

  /** A posting text of exactly {@code n} characters. */
  static String postingText(int n) {
    String head = "Data Analyst\nRequirements:\n- SQL and Python\n";
    return head + "x".repeat(n - head.length());
  }

  /** A resume text of exactly {@code n} characters (ASCII: as many bytes). */
  static String resumeText(int n) {
    String head = "EXPERIENCE\nAnalyst | 2019 - Present\nSKILLS\nPython, SQL\n";
    return head + "x".repeat(n - head.length());
  }

  /** JSON of exactly {@code n} characters: an object with the field and a padding string. */
  static String padded(String head, int n) {
    String open = head + ", \"pad\": \"";
    return open + "x".repeat(n - open.length() - 2) + "\"}";
  }

  /** {@code {"a": [[[...]]]}}: nesting of {@code depth} levels. */
  static String nested(String head, int depth) {
    return head + ", \"deep\": " + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
  }

  /** A field holding a number of {@code digits} digits. */
  static String number(String head, int digits) {
    return head + ", \"big\": " + "9".repeat(digits) + "}";
  }

  static final String JSON_LD = "{\"@type\": \"JobPosting\", \"title\": \"Analyst\", \"skills\": \"SQL\"";
  static final String JSON_RESUME = "{\"skills\": [{\"name\": \"Data\", \"keywords\": [\"SQL\"]}]";
  static final String PROFILE = "{\"degrees\": []";
  static final String EXCHANGE = "{\"roles\": []";
  static final String TAXONOMY = "{\"format\": \"rolematch-taxonomy\", \"concepts\": []";

  // ------------------------------------------------------------------------------ defaults

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    assertEquals(2 * 1024 * 1024, DEFAULTS.maxDocumentBytes());
    assertEquals(32 * 1024 * 1024, DEFAULTS.maxCollectionBytes());
    assertEquals(1_000, DEFAULTS.maxLineChars());
    assertEquals(64, DEFAULTS.maxJsonDepth());
    assertEquals(100, DEFAULTS.maxNumberChars());
    assertEquals(200_000, DEFAULTS.maxItems());
    assertEquals(DEFAULTS, ParseLimits.builder().build());
    assertEquals(DEFAULTS, DEFAULTS.toBuilder().build());
    assertNotEquals(DEFAULTS, DEFAULTS.toBuilder().maxItems(5).build());
    assertEquals(DEFAULTS, postings.limits());
    assertEquals(DEFAULTS, ResumeParser.builder().asOf(AS_OF).build().limits());
    assertEquals(PostingParser.DEFAULT_MAX_CHARS, postings.maxChars());
    assertEquals(1000, postings.withMaxChars(1000).limits().maxDocumentBytes());
    assertThrows(IllegalArgumentException.class, () -> ParseLimits.builder().maxDocumentBytes(0));
    assertThrows(IllegalArgumentException.class, () -> ParseLimits.builder().maxJsonDepth(3));
    assertThrows(IllegalArgumentException.class, () -> ParseLimits.builder().maxLineChars(79));
    assertThrows(IllegalArgumentException.class, () -> ParseLimits.builder().maxNumberChars(15));
    assertThrows(IllegalArgumentException.class, () -> ParseLimits.builder().maxItems(0));
    assertThrows(IllegalArgumentException.class, () -> ParseLimits.builder().maxCollectionBytes(0));
  }

  // ------------------------------------------------------------------------------ postings

  @Test
  void postingTextDocumentSize() throws Exception {
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.DOCUMENT_BYTES, 1000)}) {
      PostingParser p = postings.withLimits(l);
      int n = l.maxDocumentBytes();
      over(Limit.DOCUMENT_BYTES, l, "big", () -> p.parse(postingText(n + 1), "big"));
      within(Limit.DOCUMENT_BYTES, () -> p.parse(postingText(n), "fits"));
      Path big = file("big-" + n + ".txt", postingText(n + 1));
      over(Limit.DOCUMENT_BYTES, l, big.toString(), () -> p.parse(big));
      Path fits = file("fits-" + n + ".txt", postingText(n));
      within(Limit.DOCUMENT_BYTES, () -> assertEquals(1, p.parse(fits).roles().size()));
    }
  }

  @Test
  void postingJsonLdLimits() throws Exception {
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.DOCUMENT_BYTES, 1000)}) {
      PostingParser p = postings.withLimits(l);
      int n = l.maxDocumentBytes();
      over(Limit.DOCUMENT_BYTES, l, "ld", () -> p.parseJsonLd(padded(JSON_LD, n + 1), "ld"));
      within(Limit.DOCUMENT_BYTES, () -> p.parseJsonLd(padded(JSON_LD, n), "ld"));
      Path big = file("big-" + n + ".json", padded(JSON_LD, n + 1));
      over(Limit.DOCUMENT_BYTES, l, big.toString(), () -> p.parse(big));
    }
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.JSON_DEPTH, 8)}) {
      PostingParser p = postings.withLimits(l);
      int d = l.maxJsonDepth();
      over(Limit.JSON_DEPTH, l, "ld", () -> p.parseJsonLd(nested(JSON_LD, d + 1), "ld"));
      within(Limit.JSON_DEPTH, () -> p.parseJsonLd(nested(JSON_LD, d), "ld"));
    }
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.NUMBER_CHARS, 20)}) {
      PostingParser p = postings.withLimits(l);
      int k = l.maxNumberChars();
      over(Limit.NUMBER_CHARS, l, "ld", () -> p.parseJsonLd(number(JSON_LD, k + 1), "ld"));
      within(Limit.NUMBER_CHARS, () -> p.parseJsonLd(number(JSON_LD, k), "ld"));
    }
    // postings per page; the document limit raised so that 200,001 postings fit in it
    ParseLimits roomy = DEFAULTS.toBuilder().maxDocumentBytes(16 * 1024 * 1024).build();
    for (ParseLimits l : new ParseLimits[] {roomy, roomy.toBuilder().maxItems(3).build()}) {
      PostingParser p = postings.withLimits(l);
      int k = l.maxItems();
      over(Limit.ITEMS, l, "ld", () -> p.parseJsonLd(postingsPage(k + 1), "ld"));
      if (k < 10) {
        within(Limit.ITEMS, () -> assertEquals(k, p.parseJsonLd(postingsPage(k), "ld").roles().size()));
      }
    }
  }

  static String postingsPage(int n) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("{\"@type\":\"JobPosting\",\"title\":\"T\",\"skills\":\"SQL\"}");
    }
    return b.append(']').toString();
  }

  // ------------------------------------------------------------------------------ resumes

  @Test
  void resumeTextDocumentSize() throws Exception {
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.DOCUMENT_BYTES, 1000)}) {
      ResumeParser r = resumes(l);
      int n = l.maxDocumentBytes();
      byte[] big = resumeText(n + 1).getBytes(StandardCharsets.UTF_8);
      over(Limit.DOCUMENT_BYTES, l, "big", () -> r.readText("big", big, "big"));
      over(Limit.DOCUMENT_BYTES, l, "big", () -> r.readText("big", resumeText(n + 1)));
      within(Limit.DOCUMENT_BYTES,
          () -> r.readText("fits", resumeText(n).getBytes(StandardCharsets.UTF_8), "fits"));
      Path file = Files.write(dir.resolve("resume-" + n + ".txt"), big);
      over(Limit.DOCUMENT_BYTES, l, file.toString(), () -> r.read(file));
    }
  }

  @Test
  void resumeLinesOverTheLineLimitAreReadInPiecesNotLost() throws Exception {
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.LINE_CHARS, 200)}) {
      ResumeParser r = resumes(l);
      String line = "word ".repeat(l.maxLineChars() / 5 * 3) + "Kubernetes and PostgreSQL";
      assertTrue(line.length() > l.maxLineChars());
      CandidateProfile p = r.parse("long", "SKILLS\n" + line + "\n");
      java.util.Set<String> skills = new java.util.HashSet<>();
      p.skills().forEach(s -> skills.add(s.concept()));
      assertTrue(skills.contains("kubernetes") && skills.contains("postgresql"),
          "the end of a " + line.length() + "-character line is read at maxLineChars "
              + l.maxLineChars() + ": " + skills);
    }
  }

  @Test
  void jsonResumeLimits() throws Exception {
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.DOCUMENT_BYTES, 1000)}) {
      ResumeParser r = resumes(l);
      int n = l.maxDocumentBytes();
      over(Limit.DOCUMENT_BYTES, l, "jr", () -> r.readJsonResume("jr", utf8(padded(JSON_RESUME, n + 1))));
      within(Limit.DOCUMENT_BYTES, () -> r.readJsonResume("jr", utf8(padded(JSON_RESUME, n))));
      Path big = file("resume-" + n + ".json", padded(JSON_RESUME, n + 1));
      over(Limit.DOCUMENT_BYTES, l, big.toString(), () -> r.read(big));
    }
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.JSON_DEPTH, 8)}) {
      ResumeParser r = resumes(l);
      int d = l.maxJsonDepth();
      over(Limit.JSON_DEPTH, l, "jr", () -> r.readJsonResume("jr", utf8(nested(JSON_RESUME, d + 1))));
      within(Limit.JSON_DEPTH, () -> r.readJsonResume("jr", utf8(nested(JSON_RESUME, d))));
    }
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.NUMBER_CHARS, 20)}) {
      ResumeParser r = resumes(l);
      int k = l.maxNumberChars();
      over(Limit.NUMBER_CHARS, l, "jr", () -> r.readJsonResume("jr", utf8(number(JSON_RESUME, k + 1))));
      within(Limit.NUMBER_CHARS, () -> r.readJsonResume("jr", utf8(number(JSON_RESUME, k))));
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------------------ profile JSON

  @Test
  void profileJsonLimits() {
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.DOCUMENT_BYTES, 1000)}) {
      int n = l.maxDocumentBytes();
      over(Limit.DOCUMENT_BYTES, l, "p", () -> ProfileJson.read("p", padded(PROFILE, n + 1), l));
      within(Limit.DOCUMENT_BYTES, () -> ProfileJson.read("p", padded(PROFILE, n), l));
    }
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.JSON_DEPTH, 8)}) {
      int d = l.maxJsonDepth();
      over(Limit.JSON_DEPTH, l, "p", () -> ProfileJson.read("p", nested(PROFILE, d + 1), l));
      within(Limit.JSON_DEPTH, () -> ProfileJson.read("p", nested(PROFILE, d), l));
    }
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.NUMBER_CHARS, 20)}) {
      int k = l.maxNumberChars();
      over(Limit.NUMBER_CHARS, l, "p", () -> ProfileJson.read("p", number(PROFILE, k + 1), l));
      within(Limit.NUMBER_CHARS, () -> ProfileJson.read("p", number(PROFILE, k), l));
    }
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.ITEMS, 3)}) {
      int k = l.maxItems();
      over(Limit.ITEMS, l, "p", () -> ProfileJson.read("p", "{\"degrees\": [], \"extra\": ["
          + "0,".repeat(k) + "0]}", l));
      if (k < 10) {
        over(Limit.ITEMS, l, "p", () -> ProfileJson.read("p", degrees(k + 1), l));
      }
      within(Limit.ITEMS, () -> assertEquals(k, ProfileJson.read("p", degrees(k), l).degrees().size()));
    }
    // the two-argument form keeps the defaults
    over(Limit.DOCUMENT_BYTES, DEFAULTS, "p",
        () -> ProfileJson.read("p", padded(PROFILE, DEFAULTS.maxDocumentBytes() + 1)));
  }

  static String degrees(int n) {
    StringBuilder b = new StringBuilder("{\"degrees\": [");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("{\"level\": \"bachelor\", \"status\": \"completed\"}");
    }
    return b.append("]}").toString();
  }

  // ------------------------------------------------------------------------------ exchange JSON

  @Test
  void postingExchangeJsonLimits() {
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.COLLECTION_BYTES, 1000)}) {
      int n = l.maxCollectionBytes();
      over(Limit.COLLECTION_BYTES, l, "x", () -> PostingJson.read(padded(EXCHANGE, n + 1), "x", l));
      within(Limit.COLLECTION_BYTES, () -> PostingJson.read(padded(EXCHANGE, n), "x", l));
    }
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.JSON_DEPTH, 8)}) {
      int d = l.maxJsonDepth();
      over(Limit.JSON_DEPTH, l, "x", () -> PostingJson.read(nested(EXCHANGE, d + 1), "x", l));
      within(Limit.JSON_DEPTH, () -> PostingJson.read(nested(EXCHANGE, d), "x", l));
    }
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.NUMBER_CHARS, 20)}) {
      int k = l.maxNumberChars();
      over(Limit.NUMBER_CHARS, l, "x", () -> PostingJson.read(number(EXCHANGE, k + 1), "x", l));
      within(Limit.NUMBER_CHARS, () -> PostingJson.read(number(EXCHANGE, k), "x", l));
    }
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.ITEMS, 3)}) {
      int k = l.maxItems();
      over(Limit.ITEMS, l, "x", () -> PostingJson.read(exchangeRoles(k + 1, 1), "x", l));
      over(Limit.ITEMS, l, "x", () -> PostingJson.read(exchangeRoles(1, k + 1), "x", l));
      within(Limit.ITEMS, () -> assertEquals(k, PostingJson.read(exchangeRoles(k, 1), "x", l).size()));
    }
    // the two-argument form keeps the defaults
    over(Limit.COLLECTION_BYTES, DEFAULTS, "x",
        () -> PostingJson.read(padded(EXCHANGE, DEFAULTS.maxCollectionBytes() + 1), "x"));
  }

  static String exchangeRoles(int roles, int clauses) {
    StringBuilder b = new StringBuilder("{\"roles\": [");
    for (int i = 0; i < roles; i++) {
      b.append(i == 0 ? "" : ",").append("{\"title\": \"T\", \"clauses\": [");
      for (int j = 0; j < clauses; j++) {
        b.append(j == 0 ? "" : ",").append(
            "{\"kind\": \"programming_language\", \"any_of\": [\"python\"], \"text\": \"Python\"}");
      }
      b.append("]}");
    }
    return b.append("]}").toString();
  }

  // ------------------------------------------------------------------------------ taxonomy files

  @Test
  void taxonomyFileLimits() throws Exception {
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.COLLECTION_BYTES, 1000)}) {
      int n = l.maxCollectionBytes();
      Path big = file("tax-big-" + n + ".json", padded(TAXONOMY, n + 1));
      over(Limit.COLLECTION_BYTES, l, big.toString(), () -> Taxonomy.load(big, l));
      over(Limit.COLLECTION_BYTES, l, big.toString(), () -> Taxonomy.defaults().extendedWith(big, l));
      Path fits = file("tax-fits-" + n + ".json", padded(TAXONOMY, n));
      within(Limit.COLLECTION_BYTES, () -> Taxonomy.load(fits, l));
      Files.delete(big);
      Files.delete(fits);
    }
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.JSON_DEPTH, 8)}) {
      int d = l.maxJsonDepth();
      Path deep = file("tax-deep-" + d + ".json", nested(TAXONOMY, d + 1));
      over(Limit.JSON_DEPTH, l, deep.toString(), () -> Taxonomy.load(deep, l));
      Path fits = file("tax-depth-" + d + ".json", nested(TAXONOMY, d));
      within(Limit.JSON_DEPTH, () -> Taxonomy.load(fits, l));
    }
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.NUMBER_CHARS, 20)}) {
      int k = l.maxNumberChars();
      Path big = file("tax-number-" + k + ".json", number(TAXONOMY, k + 1));
      over(Limit.NUMBER_CHARS, l, big.toString(), () -> Taxonomy.load(big, l));
      Path fits = file("tax-number-fits-" + k + ".json", number(TAXONOMY, k));
      within(Limit.NUMBER_CHARS, () -> Taxonomy.load(fits, l));
    }
    for (ParseLimits l : new ParseLimits[] {DEFAULTS, changed(Limit.ITEMS, 3)}) {
      int k = l.maxItems();
      Path many = file("tax-items-" + k + ".json", concepts(k + 1));
      over(Limit.ITEMS, l, many.toString(), () -> Taxonomy.load(many, l));
      if (k < 10) {
        Path fits = file("tax-items-fits-" + k + ".json", concepts(k));
        within(Limit.ITEMS, () -> assertEquals(k, Taxonomy.load(fits, l).size()));
      }
    }
    // the one-argument form keeps the defaults
    Path deep = file("tax-deep-default.json", nested(TAXONOMY, DEFAULTS.maxJsonDepth() + 1));
    over(Limit.JSON_DEPTH, DEFAULTS, deep.toString(), () -> Taxonomy.load(deep));
  }

  static String concepts(int n) {
    StringBuilder b = new StringBuilder("{\"concepts\": [");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("{\"id\": \"c").append(i).append("\", \"kind\": \"tool\"}");
    }
    return b.append("]}").toString();
  }

  // ------------------------------------------------------------------------------ the matcher

  @Test
  void theMatcherBuilderPassesItsLimitsToItsParsers() throws Exception {
    ParseLimits l = changed(Limit.DOCUMENT_BYTES, 1000);
    try (Matcher m = Matcher.builder().resumeClock(AS_OF).parseLimits(l).build()) {
      over(Limit.DOCUMENT_BYTES, l, "page", () -> m.addPosting(postingText(1001), "page"));
      within(Limit.DOCUMENT_BYTES, () -> m.addPosting(postingText(1000), "page"));
      over(Limit.DOCUMENT_BYTES, l, "cv", () -> m.parseResume("cv", resumeText(1001)));
      within(Limit.DOCUMENT_BYTES, () -> m.parseResume("cv", resumeText(1000)));
    }
  }
}
