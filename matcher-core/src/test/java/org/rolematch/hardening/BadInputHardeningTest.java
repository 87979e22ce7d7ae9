package org.rolematch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.ParsedPosting;
import org.rolematch.ingest.PostingJson;
import org.rolematch.ingest.PostingParser;
import org.rolematch.ingest.ProfileJson;
import org.rolematch.ingest.ResumeParser;
import org.rolematch.taxonomy.Taxonomy;
import org.rolematch.taxonomy.TaxonomyException;

/**
 * Every parser against every kind of bad input the hardening issue lists: empty, whitespace only,
 * binary, invalid UTF-8, 10 MB of text, a 100,000-character line, 5,000-deep JSON, huge numbers,
 * unknown fields and wrong types. Each gets a result or the documented exception ({@link
 * ParseException} naming the source, and the line where there is one; {@link TaxonomyException}
 * naming the file), within 2 s (a hang guard), allocating a bounded number of bytes, and never
 * another exception or a {@code StackOverflowError}.
 *
 * <p>The figures (time and bytes allocated per case) go to the test's standard output, under
 * {@code target/surefire-reports/}.
 */
class BadInputHardeningTest {
  static final Duration HANG_GUARD = Duration.ofSeconds(2);
  static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);
  static final int TEN_MB = 10 * 1024 * 1024;

  static PostingParser postings;
  static ResumeParser resumes;
  static final List<String> FIGURES = new ArrayList<>();

  @TempDir static Path dir;

  @BeforeAll
  static void warmUp() throws Exception {
    postings = PostingParser.of(Taxonomy.defaults());
    resumes = ResumeParser.builder().asOf(AS_OF).build();
    // first use builds the taxonomy, the analysis chain and JIT-compiles the hot loops; the
    // guard is about hangs, not about class loading
    for (int i = 0; i < 3; i++) {
      postings.parse("Data Engineer\nRequirements:\n- 3+ years of Python and SQL\n" + "Java, ".repeat(2000), "warm");
      resumes.parse("warm", "EXPERIENCE\nEngineer | 2019 - Present\nSKILLS\n" + "Python, SQL, ".repeat(2000));
      resumes.readJsonResume("warm", "{\"skills\":[{\"keywords\":[\"Python\"]}]}".getBytes(StandardCharsets.UTF_8));
      postings.parseJsonLd("{\"@type\":\"JobPosting\",\"title\":\"T\",\"skills\":\"Python\"}", "warm");
    }
  }

  @AfterAll
  static void printFigures() {
    System.out.println("bad input: parser, case, outcome, milliseconds, MB allocated");
    FIGURES.forEach(System.out::println);
  }

  // ------------------------------------------------------------------------------- the inputs

  /** The kinds of bad input, as the bytes of a file. */
  enum Case {
    EMPTY,
    WHITESPACE,
    BINARY,
    INVALID_UTF8,
    TEN_MEGABYTES,
    LONG_LINE,
    DEEP_JSON,
    HUGE_NUMBERS,
    UNKNOWN_FIELDS,
    WRONG_TYPES;

    /** The line of the first invalid byte in {@link #INVALID_UTF8}. */
    static final int INVALID_LINE = 3;

    byte[] bytes(Format f) {
      boolean json = f != Format.TEXT;
      return switch (this) {
        case EMPTY -> new byte[0];
        case WHITESPACE -> " \n\t\r\n   \u00a0\u2003\n\n".getBytes(StandardCharsets.UTF_8);
        case BINARY -> binary();
        case INVALID_UTF8 -> invalidUtf8(json);
        case TEN_MEGABYTES -> tenMegabytes(json);
        case LONG_LINE -> longLine(json);
        case DEEP_JSON -> deepJson();
        case HUGE_NUMBERS -> utf8(f.hugeNumbers);
        case UNKNOWN_FIELDS -> utf8(f.unknownFields);
        case WRONG_TYPES -> utf8(f.wrongTypes);
      };
    }
  }

  /**
   * The formats, each with its own documents for the cases that depend on the format: huge
   * numbers, unknown fields and wrong types.
   */
  enum Format {
    TEXT(
        "Data Analyst\nRequirements:\n- " + "9".repeat(1000) + "+ years of SQL\n- 1e400 years of"
            + " Python\n- Salary: $" + "9".repeat(400) + " - $" + "9".repeat(400) + " per year\n"
            + "EXPERIENCE\nAnalyst | 1 - 99999999999\nEngineer | 2019 - 9999999999999999999999\n",
        "Data Analyst\nUnknownHeading:\nfield: value\nRequirements:\n- SQL\nfoo: bar\n",
        "Data Analyst\nRequirements:\n- {\"title\": [1, 2]}\n- true\n- null\n"),
    JSON_LD(
        "{\"@type\": \"JobPosting\", \"title\": \"Analyst\", \"experienceRequirements\":"
            + " {\"monthsOfExperience\": 1e400}, \"baseSalary\": {\"value\": {\"minValue\": -1e308,"
            + " \"maxValue\": 99999999999999999999999999}}}",
        "{\"@context\": \"https://schema.org\", \"@type\": \"JobPosting\", \"title\": \"Data"
            + " Analyst\", \"skills\": \"SQL, Python\", \"x-unknown\": {\"deep\": [1, {\"y\": null}]},"
            + " \"hiringOrganization\": {\"name\": \"Acme\", \"foo\": 1}}",
        "{\"@type\": \"JobPosting\", \"title\": [\"Analyst\"], \"skills\": {\"a\": 1},"
            + " \"experienceRequirements\": {\"monthsOfExperience\": [12]}}"),
    JSON_RESUME(
        "{\"work\": [{\"name\": \"A\", \"position\": \"Engineer\", \"startDate\": \"2019-01\","
            + " \"endDate\": \"99999999999999999999-01\"}], \"publications\": [{\"name\": \"p\","
            + " \"releaseDate\": 1e400}], \"x\": 123456789012345678901234567890}",
        "{\"basics\": {\"futureField\": true, \"location\": {\"city\": \"Austin\", \"region\":"
            + " \"TX\", \"moon\": 1}}, \"work\": [{\"name\": \"A\", \"position\": \"Analyst\","
            + " \"startDate\": \"2020-01\", \"shoeSize\": 44}], \"skills\": [{\"name\": \"Data\","
            + " \"keywords\": [\"SQL\"], \"level2\": \"x\"}], \"x-unknown\": {\"a\": [1]}}",
        "{\"basics\": \"Jane\", \"work\": {\"name\": 3}}"),
    TAXONOMY(
        "{\"format\": \"rolematch-taxonomy\", \"version\": 1e400, \"concepts\": []}",
        "{\"format\": \"rolematch-taxonomy\", \"version\": 1, \"concepts\": [{\"id\":"
            + " \"quarkus\", \"kind\": \"tool\", \"colour\": \"red\"}]}",
        "{\"concepts\": [{\"id\": \"a\", \"kind\": 7}]}"),
    POSTING_EXCHANGE(
        "{\"roles\": [{\"title\": \"T\", \"clauses\": [{\"kind\": \"experience_years\","
            + " \"min_years\": 1e400, \"text\": \"x\"}], \"salary\": {\"min\": 1e400, \"max\": -1}}]}",
        "{\"source\": \"x\", \"future\": 1, \"roles\": [{\"id\": \"x#1\", \"title\": \"T\","
            + " \"extra\": true, \"clauses\": [{\"kind\": \"programming_language\", \"importance\":"
            + " \"required\", \"any_of\": [\"python\"], \"text\": \"Python\", \"z\": 1}]}]}",
        "{\"roles\": [{\"title\": \"T\", \"clauses\": {\"a\": 1}}]}"),
    PROFILE(
        "{\"years_experience\": 1e400, \"publications\": 99999999999999999999, \"degrees\": []}",
        "{\"degrees\": [], \"future\": true, \"skills\": [{\"concept\": \"python\", \"kind\":"
            + " \"programming_language\", \"x\": 1}]}",
        "{\"degrees\": 5}");

    final String hugeNumbers;
    final String unknownFields;
    final String wrongTypes;

    Format(String hugeNumbers, String unknownFields, String wrongTypes) {
      this.hugeNumbers = hugeNumbers;
      this.unknownFields = unknownFields;
      this.wrongTypes = wrongTypes;
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] binary() {
    byte[] b = new byte[4096];
    new Random(7).nextBytes(b);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    System.arraycopy(png, 0, b, 0, png.length);
    return b;
  }

  static byte[] invalidUtf8(boolean json) {
    // Latin-1 'é' (0xE9) on line 3: not valid UTF-8
    String head = json ? "{\n\"title\": \"Data Analyst\",\n\"note\": \"Caf" : "Data Analyst\nRequirements:\nCaf";
    String tail = json ? " manager\"\n}\n" : " manager, 3+ years of SQL\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[h.length + 1 + t.length];
    System.arraycopy(h, 0, out, 0, h.length);
    out[h.length] = (byte) 0xE9;
    System.arraycopy(t, 0, out, h.length + 1, t.length);
    return out;
  }

  static byte[] tenMegabytes(boolean json) {
    String line = "- Experience with Python, SQL and distributed systems; a degree in computer science.\n";
    StringBuilder b = new StringBuilder(TEN_MB + 200);
    b.append(json ? "{\"description\": \"" : "Requirements:\n");
    while (b.length() < TEN_MB) {
      b.append(json ? line.replace("\n", "\\n") : line);
    }
    b.append(json ? "\"}" : "");
    return utf8(b.toString());
  }

  static String longLineText() {
    StringBuilder b = new StringBuilder(100_100);
    String[] words = {"experience", "with", "Python", "and", "large", "scale", "data", "SQL,", "Go",
        "or", "Rust;", "5+", "years", "of", "Kubernetes", "a", "PhD", "in", "statistics", "x"};
    int i = 0;
    while (b.length() < 100_000) {
      b.append(words[i++ % words.length]).append(' ');
    }
    return b.substring(0, 100_000);
  }

  static byte[] longLine(boolean json) {
    String line = longLineText();
    return utf8(json ? "{\"@type\": \"JobPosting\", \"title\": \"Engineer\", \"qualifications\": \""
        + line + "\", \"skills\": [{\"keywords\": [\"" + line.substring(0, 50_000) + "\"]}],"
        + " \"basics\": {\"summary\": \"" + line + "\"}}"
        : "Data Engineer\nRequirements:\n- " + line + "\n");
  }

  static byte[] deepJson() {
    return utf8("{\"a\": " + "[".repeat(2500) + "{\"b\": ".repeat(2500) + "1" + "}".repeat(2500)
        + "]".repeat(2500) + "}");
  }

  // ------------------------------------------------------------------------------- the parsers

  /** What a parser did with an input. */
  record Outcome(String what, ParseException parse, TaxonomyException taxonomy) {
    static Outcome result(String what) {
      return new Outcome(what, null, null);
    }

    boolean refused() {
      return parse != null || taxonomy != null;
    }

    String message() {
      return parse != null ? parse.getMessage() : taxonomy != null ? taxonomy.getMessage() : "";
    }

    @Override
    public String toString() {
      return refused() ? "refused: " + message() : "result: " + what;
    }
  }

  interface Call {
    Outcome run(Path file, byte[] bytes) throws Exception;
  }

  /** A parser: its name, the file name it reads, whether it reads JSON, and how to call it. */
  record Parser(String name, String fileName, Format format, Call call) {
    boolean json() {
      return format != Format.TEXT;
    }
  }

  static final List<Parser> PARSERS = List.of(
      new Parser("posting text file", "posting.txt", Format.TEXT, (f, b) -> {
        ParsedPosting p = postings.parse(f);
        return Outcome.result(p.roles().size() + " roles, notes " + p.notes());
      }),
      new Parser("posting text string", "posting-string", Format.TEXT, (f, b) -> {
        ParsedPosting p = postings.parse(new String(b, StandardCharsets.UTF_8), f.toString());
        return Outcome.result(p.roles().size() + " roles");
      }),
      new Parser("posting JSON-LD file", "posting.json", Format.JSON_LD, (f, b) -> {
        ParsedPosting p = postings.parse(f);
        return Outcome.result(p.roles().size() + " roles");
      }),
      new Parser("posting JSON-LD string", "posting-jsonld", Format.JSON_LD, (f, b) -> {
        ParsedPosting p = postings.parseJsonLd(new String(b, StandardCharsets.UTF_8), f.toString());
        return Outcome.result(p.roles().size() + " roles");
      }),
      new Parser("posting HTML file", "posting.html", Format.TEXT, (f, b) -> {
        ParsedPosting p = postings.parse(f);
        return Outcome.result(p.roles().size() + " roles");
      }),
      new Parser("resume text file", "resume.txt", Format.TEXT, (f, b) -> {
        ResumeParser.Result r = resumes.read(f);
        return Outcome.result(r.profile().skills().size() + " skills");
      }),
      new Parser("resume text bytes", "resume-bytes", Format.TEXT, (f, b) -> {
        ResumeParser.Result r = resumes.readText("resume", b, f.toString());
        return Outcome.result(r.profile().skills().size() + " skills");
      }),
      new Parser("JSON Resume file", "resume.json", Format.JSON_RESUME, (f, b) -> {
        ResumeParser.Result r = resumes.read(f);
        return Outcome.result(r.profile().skills().size() + " skills");
      }),
      new Parser("taxonomy file", "taxonomy.json", Format.TAXONOMY, (f, b) -> {
        Taxonomy t = Taxonomy.load(f);
        return Outcome.result(t.size() + " concepts");
      }),
      new Parser("posting exchange JSON", "postings-exchange", Format.POSTING_EXCHANGE, (f, b) -> {
        return Outcome.result(PostingJson.read(new String(b, StandardCharsets.UTF_8), f.toString())
            .size() + " roles");
      }),
      new Parser("profile JSON", "profile-json", Format.PROFILE, (f, b) -> {
        return Outcome.result(ProfileJson.read(f.toString(), new String(b, StandardCharsets.UTF_8))
            .skills().size() + " skills");
      }));

  // ------------------------------------------------------------------------------- the matrix

  @TestFactory
  Stream<DynamicTest> everyParserTakesEveryBadInputWithinTheGuard() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Parser p : PARSERS) {
      for (Case c : Case.values()) {
        tests.add(DynamicTest.dynamicTest(p.name() + ": " + c, () -> check(p, c)));
      }
    }
    return tests.stream();
  }

  static void check(Parser parser, Case c) throws Exception {
    byte[] bytes = c.bytes(parser.format());
    Path file = dir.resolve(c.name().toLowerCase(Locale.ROOT) + "-" + parser.fileName());
    Files.write(file, bytes);
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] allocated = new long[1];
    long start = System.nanoTime();
    Outcome o = assertTimeoutPreemptively(HANG_GUARD, () -> {
      long before = mx.getCurrentThreadAllocatedBytes();
      try {
        return parser.call().run(file, bytes);
      } catch (ParseException e) {
        return new Outcome(null, e, null);
      } catch (TaxonomyException e) {
        return new Outcome(null, null, e);
      } catch (IOException | RuntimeException | StackOverflowError e) {
        throw new AssertionError(parser.name() + " on " + c + " threw " + e, e);
      } finally {
        allocated[0] = mx.getCurrentThreadAllocatedBytes() - before;
      }
    }, () -> parser.name() + " on " + c + " did not finish within " + HANG_GUARD);
    double ms = (System.nanoTime() - start) / 1e6;
    synchronized (FIGURES) {
      FIGURES.add(String.format(Locale.ROOT, "%-24s %-15s %-9s %8.1f ms %8.1f MB  %s",
          parser.name(), c, o.refused() ? "refused" : "result", ms, allocated[0] / 1048576.0,
          shorten(o.toString())));
    }
    // bounded memory: allocation is linear in the input (measured: the resume parser allocates
    // about 1 KB of short-lived garbage per input character, the posting parser about 200 bytes),
    // plus the fixed cost of one analysis pass; 10 MB inputs are refused before they are read whole
    long bound = 64L * 1024 * 1024 + 1536L * bytes.length;
    assertTrue(allocated[0] < bound, parser.name() + " on " + c + " allocated " + allocated[0]
        + " bytes, over " + bound);
    if (o.refused()) {
      String source = file.toString();
      assertTrue(o.message().startsWith(source), "the message names the source first: " + o.message());
      if (o.parse != null) {
        assertEquals(source, o.parse.source());
      }
    }
    expect(parser, c, o, file);
  }

  /** What each case must give, beyond "a result or the documented exception". */
  static void expect(Parser p, Case c, Outcome o, Path file) {
    boolean postingText = p.name().startsWith("posting text") || p.name().startsWith("posting HTML");
    boolean resumeText = p.name().startsWith("resume text");
    switch (c) {
      case EMPTY, WHITESPACE -> {
        if (postingText) {
          assertTrue(!o.refused() && o.what().startsWith("0 roles"), o.toString());
        } else {
          assertTrue(o.refused(), o.toString());
          assertTrue(o.message().contains("empty") || o.message().contains("JSON")
              || o.message().contains("expected"), o.toString());
        }
      }
      case BINARY -> {
        if (!p.name().startsWith("posting JSON-LD string") && !p.name().endsWith("exchange JSON")
            && !p.name().equals("profile JSON")) {
          assertTrue(o.refused(), o.toString());
        }
        if (postingText || resumeText) {
          assertTrue(o.message().contains("binary") || o.message().contains("UTF-8"), o.toString());
        }
      }
      case INVALID_UTF8 -> {
        if (p.name().endsWith(" file") || p.name().endsWith(" bytes")) {
          assertTrue(o.refused(), o.toString());
          assertTrue(o.message().contains("UTF-8"), o.toString());
          if (o.parse != null) {
            assertEquals(Case.INVALID_LINE, o.parse.line(), "the line of the invalid byte: " + o);
          } else {
            assertTrue(o.message().contains("line " + Case.INVALID_LINE), o.toString());
          }
        }
      }
      case TEN_MEGABYTES -> {
        assertTrue(o.refused(), o.toString());
        if (!p.name().equals("taxonomy file") && !p.name().endsWith("exchange JSON")) {
          // the exchange format of postings holds many roles: its limit is the collection size
          // (32 MiB by default), so this 10 MB document is refused for its shape (no "roles")
          assertTrue(o.message().contains("limit"), o.toString());
        }
      }
      case LONG_LINE -> {
        if (postingText) {
          assertTrue(!o.refused() && o.what().startsWith("1 roles"), o.toString());
        }
        if (resumeText) {
          assertTrue(!o.refused(), o.toString());
        }
      }
      case DEEP_JSON -> {
        if (p.json()) {
          assertTrue(o.refused(), o.toString());
          assertTrue(o.message().contains("nest") || o.message().contains("deep")
              || o.message().contains("depth"), o.toString());
        }
      }
      case HUGE_NUMBERS -> {
        // a result with figures in range, or a refusal naming what was wrong
        if (o.refused() && p.json()) {
          assertTrue(o.message().length() > file.toString().length() + 10, o.toString());
        }
      }
      case UNKNOWN_FIELDS -> {
        // unknown fields are ignored, except in a taxonomy's concepts, where a misspelt field is
        // an error that names it (documented in TaxonomyReader)
        if (p.format() == Format.TAXONOMY) {
          assertTrue(o.refused() && o.message().contains("unknown field 'colour'"), o.toString());
        } else {
          assertTrue(!o.refused(), o.toString());
        }
      }
      case WRONG_TYPES -> {
        if (p.json()) {
          assertTrue(o.refused(), o.toString());
          String field = switch (p.format()) {
            case JSON_LD -> "monthsOfExperience";
            case JSON_RESUME -> "'basics'";
            case TAXONOMY -> "'kind'";
            case POSTING_EXCHANGE -> "clauses";
            case PROFILE -> "'degrees'";
            default -> "";
          };
          assertTrue(o.message().contains(field), "names the field " + field + ": " + o);
        }
      }
      default -> fail("case " + c);
    }
  }

  // ------------------------------------------------------------- shapes that were quadratic

  @org.junit.jupiter.api.Test
  void aLongListWithoutBulletsParsesInLinearTime() {
    // the posting parser once scanned to the end of the paragraph from every line of a
    // bullet-less qualification section: 16 KB of such lines took 19 s, 64 KB several minutes
    for (String unit : List.of("A\n", "Abc def\n", "Must be located in the US.\n",
        "Salary $1 - $2 per year\n")) {
      String text = "Requirements:\n" + unit.repeat(65_536 / unit.length());
      ParsedPosting p = assertTimeoutPreemptively(HANG_GUARD,
          () -> postings.parse(text, "list"), () -> "a 64 KB list of '" + unit.strip() + "' lines");
      assertTrue(p.roles().size() <= 1, p.roles().toString());
    }
  }

  @org.junit.jupiter.api.Test
  void aOneMegabytePostingOfOneLetterRequirementLinesParsesWithinTheGuard() throws ParseException {
    // 1 MB of one-letter requirement lines took about 7.5 s: every line was tested as a title
    // with a new Lucene tokenizer (its attributes built by reflection each time) and against
    // every heading phrase; now about 0.2 s of CPU
    for (String unit : List.of("- A\n", "A\n")) {
      String text = "Requirements:\n" + unit.repeat(1024 * 1024 / unit.length());
      postings.parse("Requirements:\n" + unit.repeat(1000), "warm"); // JIT, not hangs
      long start = System.nanoTime();
      ParsedPosting p = assertTimeoutPreemptively(HANG_GUARD,
          () -> postings.parse(text, "one-letter"), () -> "a 1 MB posting of '" + unit.strip() + "' lines");
      synchronized (FIGURES) {
        FIGURES.add(String.format(Locale.ROOT, "%-24s %-15s %-9s %8.1f ms", "posting text string",
            "1 MB '" + unit.strip() + "'", "result", (System.nanoTime() - start) / 1e6));
      }
      assertTrue(p.roles().size() <= 1, p.roles().toString());
    }
  }

  @org.junit.jupiter.api.Test
  void aDeepOrSelfReferentialBroaderRelationIsRefusedNamingTheFile() throws IOException {
    // ancestors were built recursively and without bound: a 20,000-concept chain took 11 s and
    // 800 MB (quadratic), and a deeper one could overflow the stack
    StringBuilder b = new StringBuilder("{\"concepts\": [");
    for (int i = 0; i < 20_000; i++) {
      b.append(i == 0 ? "" : ", ").append("{\"id\": \"c").append(i).append("\", \"kind\": \"tool\"")
          .append(i == 0 ? "" : ", \"broader\": [\"c" + (i - 1) + "\"]").append('}');
    }
    Path chain = Files.writeString(dir.resolve("chain-taxonomy.json"), b.append("]}"));
    TaxonomyException e = org.junit.jupiter.api.Assertions.assertThrows(TaxonomyException.class,
        () -> assertTimeoutPreemptively(HANG_GUARD, () -> Taxonomy.load(chain)));
    assertTrue(e.getMessage().startsWith(chain.toString()) && e.getMessage().contains("levels"),
        e.getMessage());
    Path self = Files.writeString(dir.resolve("self-taxonomy.json"),
        "{\"concepts\": [{\"id\": \"a\", \"kind\": \"tool\", \"broader\": [\"a\"]}]}");
    TaxonomyException s = org.junit.jupiter.api.Assertions.assertThrows(TaxonomyException.class,
        () -> Taxonomy.load(self));
    assertTrue(s.getMessage().startsWith(self.toString()) && s.getMessage().contains("concepts[0]"),
        s.getMessage());
  }

  static String shorten(String s) {
    String one = s.replace('\n', ' ');
    return one.length() <= 140 ? one : one.substring(0, 139) + "…";
  }
}
