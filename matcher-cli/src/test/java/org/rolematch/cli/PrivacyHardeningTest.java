package org.rolematch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's side of the privacy test (the library's is {@code PrivacyHardeningTest} of
 * matcher-core): resumes carrying canary personal data (a name, an e-mail address, a phone number,
 * a profile URL, a labelled birth date and nationality) go through every command that reads
 * resumes, in every format, and through their failures; no canary may appear in what a command
 * prints, on the process's standard streams, or in any java.util.logging record at level ALL.
 */
class PrivacyHardeningTest {
  static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
  static final List<String> CANARIES = List.of("Zephyrine", "Quaxley", "Borrowdale",
      "zq.canary7731", "555-0199", "5550199", "555 0199", "zquaxley7731", "14 March 1991",
      "Ruritanian");

  static final String PLAIN = """
      Zephyrine Quaxley-Borrowdale
      Seattle, WA | zq.canary7731@example.org | +1 (415) 555-0199 | linkedin.com/in/zquaxley7731
      Date of birth: 14 March 1991 | Nationality: Ruritanian

      EXPERIENCE
      Data Engineer, Pinewood Outfitters | Mar 2021 – Present
      - Zephyrine built Airflow and Spark pipelines into Redshift (call 415-555-0199)
      - Quaxley-Borrowdale owns the dbt models and the PostgreSQL warehouse

      EDUCATION
      B.S. in Computer Science, Lakeside University, 2020

      SKILLS
      Python, SQL, Scala, Airflow, Spark, AWS

      REFERENCES
      Zephyrine Quaxley-Borrowdale, zq.canary7731@example.org
      """;

  static final String JSON = """
      {"basics": {"name": "Zephyrine Quaxley-Borrowdale", "email": "zq.canary7731@example.org",
        "phone": "+1 (415) 555-0199", "url": "https://zquaxley7731.dev",
        "location": {"city": "Seattle", "region": "WA"}},
       "work": [{"name": "Pinewood", "position": "Data Engineer", "startDate": "2021-03",
         "summary": "Zephyrine Quaxley-Borrowdale runs Spark on EMR; pager 415-555-0199"}],
       "skills": [{"keywords": ["Python", "SQL", "Airflow"]}]}
      """;

  @TempDir Path dir;

  static void clean(String where, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String c : CANARIES) {
      int i = lower.indexOf(c.toLowerCase(Locale.ROOT));
      if (i >= 0) {
        fail("personal data '" + c + "' in " + where + ": …"
            + text.substring(Math.max(0, i - 60), Math.min(text.length(), i + 60)) + "…");
      }
    }
  }

  @Test
  void noCommandPrintsOrLogsPersonalData() throws Exception {
    Path resumes = Files.createDirectories(dir.resolve("resumes"));
    Files.writeString(resumes.resolve("candidate-01.txt"), PLAIN, StandardCharsets.UTF_8);
    Files.writeString(resumes.resolve("candidate-02.json"), JSON, StandardCharsets.UTF_8);
    // failures: invalid UTF-8 next to the e-mail address, a NUL in the name line, broken JSON
    byte[] latin = PLAIN.replace("example.org", "exampl\u00e9.org").getBytes(StandardCharsets.ISO_8859_1);
    Files.write(resumes.resolve("candidate-03.txt"), latin);
    Files.writeString(resumes.resolve("candidate-04.txt"), PLAIN.replace("Quaxley-", "Quaxley\u0000"));
    Files.writeString(resumes.resolve("candidate-05.json"),
        "{\"basics\": {\"name\": Zephyrine Quaxley-Borrowdale, \"email\": zq.canary7731@example.org}}");
    Files.writeString(resumes.resolve("candidate-06.json"),
        "{\"work\": [{\"name\": \"A\", \"startDate\": \"Zephyrine 415-555-0199\"}]}");
    Path groups = Files.writeString(dir.resolve("groups.csv"),
        "candidate-01,A\ncandidate-02,B\n", StandardCharsets.UTF_8);
    String postings = SAMPLES.resolve("postings").toString();
    String one = resumes.resolve("candidate-01.txt").toString();

    List<String[]> commands = new ArrayList<>();
    for (String f : List.of("text", "json")) {
      commands.add(new String[] {"parse-resume", resumes.toString(), "--format", f, "--as-of", "2025-07-01"});
    }
    commands.add(new String[] {"parse-resume", resumes.toString(), "--out",
        dir.resolve("profiles").toString(), "--as-of", "2025-07-01"});
    for (String f : List.of("text", "md", "json")) {
      commands.add(new String[] {"match", "--roles", postings, "--resume", one, "--format", f,
          "--top", "10", "--as-of", "2025-07-01"});
      commands.add(new String[] {"match", "--roles", postings, "--resume",
          resumes.resolve("candidate-02.json").toString(), "--format", f, "--as-of", "2025-07-01"});
      commands.add(new String[] {"rank", "--roles", postings, "--resumes", resumes.toString(),
          "--role", "Data Engineer II", "--format", f, "--top", "10", "--as-of", "2025-07-01"});
    }
    for (String bad : List.of("candidate-03.txt", "candidate-04.txt", "candidate-05.json",
        "candidate-06.json")) {
      commands.add(new String[] {"match", "--roles", postings, "--resume",
          resumes.resolve(bad).toString()});
    }
    commands.add(new String[] {"audit", "--roles", postings, "--resumes", resumes.toString(),
        "--role", "Data Engineer II", "--groups", groups.toString(), "--threshold", "40",
        "--as-of", "2025-07-01"});
    commands.add(new String[] {"audit", "--roles", postings, "--resumes", resumes.toString(),
        "--role", "Data Engineer II", "--groups", groups.toString(), "--threshold", "40",
        "--format", "json", "--as-of", "2025-07-01"});
    commands.add(new String[] {"demo"});

    List<String> logged = new ArrayList<>();
    Logger root = LogManager.getLogManager().getLogger("");
    Level saved = root.getLevel();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        synchronized (logged) {
          logged.add(r.getLoggerName() + " " + r.getMessage() + " " + r.getThrown());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(Level.ALL);
    root.setLevel(Level.ALL);
    root.addHandler(capture);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream streams = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(streams, true, StandardCharsets.UTF_8);
    int failures = 0;
    try {
      System.setOut(both);
      System.setErr(both);
      for (String[] c : commands) {
        CliRun r = CliRun.of(c);
        String what = "'rolematch " + String.join(" ", c) + "'";
        clean("the output of " + what, r.out());
        clean("the error output of " + what, r.err());
        if (r.code() != 0) {
          failures++;
        }
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.removeHandler(capture);
      root.setLevel(saved);
    }
    clean("the process's standard streams", streams.toString(StandardCharsets.UTF_8));
    for (String l : logged) {
      clean("a log record", l);
    }
    try (var files = Files.list(dir.resolve("profiles"))) {
      for (Path f : files.toList()) {
        clean("the written profile " + f.getFileName(), Files.readString(f));
      }
    }
    // the four bad resumes fail 'match'; 'parse-resume' of the folder reports them too (exit 1)
    assertEquals(4 + 3, failures, "commands that exit 1 on the bad resumes");
    assertTrue(commands.size() > 15);
  }
}
