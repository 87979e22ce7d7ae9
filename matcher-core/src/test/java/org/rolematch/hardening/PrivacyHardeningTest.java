package org.rolematch.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.Matcher;
import org.rolematch.explain.Renderer;
import org.rolematch.ingest.ParseException;
import org.rolematch.ingest.PostingParser;
import org.rolematch.ingest.ProfileJson;
import org.rolematch.ingest.ResumeParser;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.MatchResult;
import org.rolematch.taxonomy.Taxonomy;

/**
 * Canary values (a name, an e-mail address, a phone number, a birth date, a nationality, a street
 * address, a profile URL) planted in resumes must never come out: not in a profile, not in the
 * index, not in a ranking, an explanation or a rendering, not in an exception's message or its
 * causes, not in any log record at level {@link Level#ALL}, and not on standard output or error.
 * Evidence is the resume's own text, and the parser masks names and contact details before it
 * reads anything, so evidence never carries them either: no exception is made for it.
 *
 * <p>The index is inspected directly: every indexed term of every field of the candidate index,
 * every stored field and every binary doc value, and the raw bytes of every index file. (The
 * command line's paths are in {@code PrivacyHardeningTest} of matcher-cli.)
 */
class PrivacyHardeningTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);

  /**
   * The canaries, as they are searched for (case-insensitively). The name, the e-mail address,
   * the phone number and the profile URL are planted everywhere, in prose too; the birth date,
   * nationality and street address only where a label says what they are ("Date of birth:"),
   * which is what the resume parser promises to mask (an unlabelled "born 1991" in a sentence is
   * not recognised as personal data; see docs/hardening.md).
   */
  static final List<String> CANARIES = List.of("Zephyrine", "Quaxley", "Borrowdale",
      "zq.canary7731", "canary7731@example.org", "555-0199", "5550199", "555 0199", "555.0199",
      "zquaxley7731", "14 March 1991", "1991-03-14", "Ruritanian", "Evergreen Terrace");

  static final String PLAIN = """
      Zephyrine Quaxley-Borrowdale
      Austin, TX | zq.canary7731@example.org | +1 (415) 555-0199 | linkedin.com/in/zquaxley7731
      742 Evergreen Terrace, Austin, TX 78701
      Date of birth: 14 March 1991 | Nationality: Ruritanian | Pronouns: she/her

      SUMMARY
      Zephyrine is a data engineer who builds Spark pipelines.

      EXPERIENCE
      Data Engineer, Northwind Data | Jul 2020 – Present
      - Built Spark and Airflow pipelines in Python; on-call number 415-555-0199
      - Zephyrine Quaxley-Borrowdale led the migration to Kubernetes (zq.canary7731@example.org)
      - Quaxley wrote the Kafka consumers in Java and Scala
      Machine Learning Intern, Acme Labs | May 2019 – Aug 2019
      - Trained PyTorch models; contact Zephyrine at 415.555.0199

      EDUCATION
      B.S. in Computer Science, Lakeside University, 2020

      SKILLS
      Python, SQL, Docker, Kafka, Terraform, TensorFlow

      PUBLICATIONS
      Quaxley-Borrowdale, Z. and Smith, J. Streaming joins at scale. VLDB 2022.

      REFERENCES
      Available on request: Zephyrine Quaxley-Borrowdale, +1 415 555 0199
      """;

  static final String NO_HEADINGS = """
      ZEPHYRINE QUAXLEY-BORROWDALE · zq.canary7731@example.org · 415 555 0199
      Ten years of Python, Go and PostgreSQL at Riverbend (2014 - 2024). Zephyrine built the
      billing platform on AWS; reach her at zq.canary7731@example.org or https://zquaxley7731.dev.
      M.S. in Statistics, 2014. Zephyrine speaks at PyData; Quaxley-Borrowdale maintains a Rust crate.
      Date of birth: 1991-03-14 · Nationality: Ruritanian · Address: 742 Evergreen Terrace
      """;

  static final String JSON_RESUME = """
      {"basics": {"name": "Zephyrine Quaxley-Borrowdale", "label": "Data engineer",
        "email": "zq.canary7731@example.org", "phone": "+1 (415) 555-0199",
        "url": "https://zquaxley7731.dev",
        "summary": "Zephyrine builds Spark pipelines. Reach her at zq.canary7731@example.org.",
        "location": {"address": "742 Evergreen Terrace", "city": "Austin", "region": "TX"},
        "profiles": [{"network": "LinkedIn", "url": "https://linkedin.com/in/zquaxley7731"}]},
       "work": [{"name": "Northwind Data", "position": "Data Engineer", "startDate": "2020-07",
         "summary": "Zephyrine Quaxley-Borrowdale moved the Kafka and Spark jobs to Kubernetes.",
         "highlights": ["Python and SQL pipelines; on call at 415-555-0199"]}],
       "education": [{"institution": "Lakeside University", "area": "Computer Science",
         "studyType": "Bachelor", "endDate": "2020-05"}],
       "skills": [{"name": "Data", "keywords": ["Python", "SQL", "Airflow"]}],
       "references": [{"name": "Zephyrine's manager", "reference": "Call 415 555 0199"}]}
      """;

  @TempDir Path dir;

  final List<String> logged = new ArrayList<>();
  final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  PrintStream savedOut;
  PrintStream savedErr;
  Handler capture;
  Level savedLevel;

  @BeforeEach
  void captureEverything() {
    Logger root = LogManager.getLogManager().getLogger("");
    savedLevel = root.getLevel();
    root.setLevel(Level.ALL);
    capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        StringBuilder b = new StringBuilder(r.getLoggerName() + " " + r.getLevel() + " "
            + r.getMessage());
        if (r.getParameters() != null) {
          for (Object p : r.getParameters()) {
            b.append(' ').append(p);
          }
        }
        if (r.getThrown() != null) {
          b.append(' ').append(stackTrace(r.getThrown()));
        }
        synchronized (logged) {
          logged.add(b.toString());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(Level.ALL);
    root.addHandler(capture);
    // every logger the code base and Lucene use, at the most verbose level
    for (Logger l : VERBOSE) {
      l.setLevel(Level.ALL);
    }
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(new Tee(savedOut, stdout), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(savedErr, stderr), true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
    Logger root = LogManager.getLogManager().getLogger("");
    root.removeHandler(capture);
    root.setLevel(savedLevel);
    for (Logger l : VERBOSE) {
      l.setLevel(null);
    }
  }

  /** Held here so that the level set on them is not lost to garbage collection mid-test. */
  static final List<Logger> VERBOSE =
      List.of(Logger.getLogger("org.rolematch"), Logger.getLogger("org.apache.lucene"));

  /** Copies what is written to the real stream and keeps it. */
  static final class Tee extends java.io.OutputStream {
    final java.io.OutputStream a;
    final java.io.OutputStream b;

    Tee(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int x) throws IOException {
      a.write(x);
      b.write(x);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }

  static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  /** Fails when any canary occurs in the text. */
  static void clean(String where, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String c : CANARIES) {
      int i = lower.indexOf(c.toLowerCase(Locale.ROOT));
      if (i >= 0) {
        int a = Math.max(0, i - 60);
        int b = Math.min(text.length(), i + c.length() + 60);
        fail("personal data '" + c + "' in " + where + ": …" + text.substring(a, b) + "…");
      }
    }
  }

  static void clean(String where, byte[] bytes) {
    clean(where, new String(bytes, StandardCharsets.UTF_8));
    clean(where + " (Latin-1 view)", new String(bytes, StandardCharsets.ISO_8859_1));
  }

  void outputsAndLogsAreClean() {
    synchronized (logged) {
      for (String l : logged) {
        clean("a log record", l);
      }
    }
    clean("standard output", stdout.toString(StandardCharsets.UTF_8));
    clean("standard error", stderr.toString(StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------------------------ paths

  @Test
  void parsedProfilesHoldNoPersonalData() throws Exception {
    ResumeParser parser = ResumeParser.builder().asOf(AS_OF).build();
    List<CandidateProfile> profiles = new ArrayList<>();
    for (String[] r : new String[][] {{"candidate-a", PLAIN}, {"candidate-b", NO_HEADINGS}}) {
      ResumeParser.Result result = parser.readText(r[0], r[1]);
      profiles.add(result.profile());
      clean("the notes of " + r[0], String.join("\n", result.notes()));
    }
    ResumeParser.Result json = parser.readJsonResume("candidate-c",
        JSON_RESUME.getBytes(StandardCharsets.UTF_8));
    profiles.add(json.profile());
    clean("the notes of candidate-c", String.join("\n", json.notes()));
    Path file = Files.writeString(dir.resolve("candidate-d.txt"), PLAIN);
    profiles.add(parser.read(file).profile());
    for (CandidateProfile p : profiles) {
      assertFalse(p.skills().isEmpty(), "the resume was read: " + p);
      clean("the profile " + p.id(), p.toString());
      clean("the profile JSON of " + p.id(), ProfileJson.write(p));
    }
    assertTrue(profiles.get(0).has("python") && profiles.get(0).has("kafka"), profiles.get(0).toString());
    outputsAndLogsAreClean();
  }

  @Test
  void indexRankingsExplanationsAndRenderingsHoldNoPersonalData() throws Exception {
    Path index = dir.resolve("index");
    PostingParser postings = PostingParser.of(Taxonomy.defaults());
    List<Role> roles = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("..", "samples", "postings"))) {
      for (Path f : s.sorted().toList()) {
        roles.addAll(postings.parse(f).roles());
      }
    }
    assertFalse(roles.isEmpty());
    List<String> out = new ArrayList<>();
    try (Matcher m = Matcher.builder().directory(index).resumeClock(AS_OF).build()) {
      m.addRoles(roles);
      List<CandidateProfile> profiles = List.of(
          m.addResume("candidate-a", PLAIN),
          m.addResume("candidate-b", NO_HEADINGS),
          m.parseResume("candidate-x", PLAIN));
      ResumeParser parser = ResumeParser.builder().asOf(AS_OF).build();
      CandidateProfile json = parser.readJsonResume("candidate-c",
          JSON_RESUME.getBytes(StandardCharsets.UTF_8)).profile();
      m.addCandidate(json);
      m.commit();
      for (CandidateProfile p : List.of(profiles.get(0), profiles.get(1), json)) {
        for (MatchResult r : m.rankRoles(p, 50)) {
          out.add(r.toString());
          for (Renderer renderer : List.of(Renderer.text(), Renderer.markdown(), Renderer.json())) {
            out.add(renderer.render(r));
          }
        }
      }
      for (Role role : roles) {
        for (MatchResult r : m.rankCandidates(role.id(), 10)) {
          out.add(r.toString());
          out.add(Renderer.text().render(r));
          out.add(Renderer.json().render(r));
        }
        out.add(Renderer.markdown().render(m.explain(role.id(), "candidate-a")));
        out.add(m.candidate("candidate-c").orElseThrow().toString());
      }
    }
    assertTrue(out.size() > 50, "the paths produced output: " + out.size());
    for (String o : out) {
      clean("a ranking, explanation or rendering", o);
    }
    candidateIndexHoldsNoPersonalData(index.resolve("candidates"));
    outputsAndLogsAreClean();
  }

  /** Every indexed term, stored field and binary doc value, and the raw bytes of every file. */
  static void candidateIndexHoldsNoPersonalData(Path candidates) throws IOException {
    int terms = 0;
    try (Directory d = FSDirectory.open(candidates); DirectoryReader reader = DirectoryReader.open(d)) {
      assertEquals(3, reader.numDocs(), "the three candidates are indexed");
      for (LeafReaderContext ctx : reader.leaves()) {
        LeafReader leaf = ctx.reader();
        for (FieldInfo fi : leaf.getFieldInfos()) {
          Terms t = leaf.terms(fi.name);
          if (t != null) {
            TermsEnum te = t.iterator();
            for (BytesRef term = te.next(); term != null; term = te.next()) {
              terms++;
              clean("the indexed term of field '" + fi.name + "'", term.utf8ToString());
            }
          }
          BinaryDocValues dv = leaf.getBinaryDocValues(fi.name);
          if (dv != null) {
            for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
              clean("the binary doc value '" + fi.name + "'", BytesRef.deepCopyOf(dv.binaryValue()).bytes);
            }
          }
        }
        StoredFields stored = leaf.storedFields();
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
          for (IndexableField f : stored.document(doc)) {
            BytesRef b = f.binaryValue();
            if (b != null) {
              clean("the stored field '" + f.name() + "'", BytesRef.deepCopyOf(b).bytes);
            }
            if (f.stringValue() != null) {
              clean("the stored field '" + f.name() + "'", f.stringValue());
            }
          }
        }
      }
    }
    assertTrue(terms > 20, "the candidate index has searchable terms: " + terms);
    try (Stream<Path> files = Files.list(candidates)) {
      for (Path f : files.toList()) {
        clean("the index file " + f.getFileName(), Files.readAllBytes(f));
      }
    }
  }

  @Test
  void failuresOnMalformedResumesQuoteNoPersonalData() throws Exception {
    ResumeParser parser = ResumeParser.builder().asOf(AS_OF).maxBytes(64 * 1024).build();
    List<Throwable> failures = new ArrayList<>();
    // invalid UTF-8 right after the e-mail address, on the line of the name
    byte[] plain = PLAIN.getBytes(StandardCharsets.UTF_8);
    int at = PLAIN.indexOf("example.org") + "example.org".length();
    byte[] latin = plain.clone();
    latin[at] = (byte) 0xE9;
    failures.add(expectFailure(() -> parser.readText("c1", latin, "c1.txt")));
    // binary: a NUL inside the contact line
    failures.add(expectFailure(() -> parser.readText("c2", PLAIN.replace("555-0199", "555\u00000199"))));
    // too large, the contact line repeated
    failures.add(expectFailure(() -> parser.readText("c3", PLAIN.repeat(200))));
    // JSON Resume: an unquoted name, a name where a date belongs, a phone number as a date, an
    // e-mail where an object belongs, a wrong top-level type, a truncated document
    for (String json : List.of(
        "{\"basics\": {\"name\": Zephyrine Quaxley}}",
        "{\"work\": [{\"name\": \"A\", \"startDate\": \"Zephyrine Quaxley-Borrowdale\"}]}",
        "{\"work\": [{\"name\": \"A\", \"startDate\": \"415-555-0199\"}]}",
        "{\"basics\": \"zq.canary7731@example.org\"}",
        "[\"Zephyrine Quaxley-Borrowdale\", \"zq.canary7731@example.org\"]",
        "{\"basics\": {\"name\": \"Zephyrine Quaxley-Borrowdale\", \"email\": \"zq.canary7731@ex",
        "{\"basics\": {\"name\": \"Zephyrine\"}} \"Quaxley trailing\"",
        "{\"basics\": {\"name\": \"Zephyrine\", \"name\": \"Quaxley\"}}",
        "{\"education\": [{\"studyType\": \"Bachelor\", \"endDate\": \"14 March 1991\"}]}")) {
      failures.add(expectFailure(() -> parser.readJsonResume("c4",
          json.getBytes(StandardCharsets.UTF_8))));
    }
    // a file named neutrally, whose content fails
    Path f = Files.write(dir.resolve("c5.json"), "{\"basics\": {\"name\": Zephyrine}}"
        .getBytes(StandardCharsets.UTF_8));
    failures.add(expectFailure(() -> parser.read(f)));
    for (Throwable t : failures) {
      clean("the exception " + t.getClass().getSimpleName(), String.valueOf(t.getMessage()));
      clean("the exception and its causes", stackTrace(t));
    }
    // the matcher's own failures
    try (Matcher m = Matcher.builder().resumeClock(AS_OF).build()) {
      Throwable t = expectFailure(() -> m.addResume("c6", PLAIN.replace("SKILLS", "\u0000SKILLS")));
      clean("the matcher's exception", stackTrace(t));
      Throwable unknown = expectFailure(() -> m.explain("no-such-role", "c6"));
      clean("the matcher's exception", stackTrace(unknown));
    }
    outputsAndLogsAreClean();
  }

  interface Failing {
    Object run() throws Exception;
  }

  /** Runs a call that should fail; a call that succeeds after all is checked for canaries too. */
  static Throwable expectFailure(Failing f) {
    try {
      Object o = f.run();
      clean("the result of a malformed input", String.valueOf(o));
      return new AssertionError("(no failure; the result was clean)");
    } catch (ParseException | IllegalArgumentException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("an unexpected " + e, e);
    }
  }
}
