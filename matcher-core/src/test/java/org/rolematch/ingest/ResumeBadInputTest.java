package org.rolematch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.model.CandidateProfile;

/** Untrusted input: a clear {@link ParseException} or a profile with a note, never a crash. */
class ResumeBadInputTest {
  static final ResumeParser PARSER =
      ResumeParser.builder().asOf(LocalDate.of(2025, 7, 1)).build();

  @TempDir Path dir;

  Path write(String name, byte[] bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  static void mentions(ParseException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
    }
  }

  @Test
  void anEmptyFileIsAClearError() throws Exception {
    Path p = write("empty.txt", new byte[0]);
    ParseException e = assertThrows(ParseException.class, () -> PARSER.read(p));
    mentions(e, "empty.txt", "empty");
    ParseException blank = assertThrows(ParseException.class,
        () -> PARSER.readText("blank", " \n\t\n  "));
    mentions(blank, "blank", "empty");
  }

  @Test
  void aBinaryFileIsAClearError() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H'};
    ParseException e = assertThrows(ParseException.class, () -> PARSER.read(write("photo.txt",
        png)));
    mentions(e, "photo.txt");
    byte[] nul = "Jane\u0000Doe".getBytes(StandardCharsets.UTF_8);
    mentions(assertThrows(ParseException.class, () -> PARSER.read(write("nul.txt", nul))),
        "binary");
  }

  @Test
  void invalidUtf8IsAClearErrorWithTheLine() throws Exception {
    byte[] latin1 = "SKILLS\nPython\nCaf\u00e9 manager\n".getBytes(StandardCharsets.ISO_8859_1);
    ParseException e = assertThrows(ParseException.class,
        () -> PARSER.read(write("latin1.txt", latin1)));
    mentions(e, "latin1.txt", "UTF-8");
    assertEquals(3, e.line());
  }

  @Test
  void aTenMegabyteResumeIsRejectedBeforeItIsRead() throws Exception {
    byte[] big = new byte[10 * 1024 * 1024];
    Arrays.fill(big, (byte) 'a');
    for (int i = 80; i < big.length; i += 81) {
      big[i] = '\n';
    }
    Path p = write("big.txt", big);
    ParseException e = assertThrows(ParseException.class, () -> PARSER.read(p));
    mentions(e, "big.txt", "limit", String.valueOf(ResumeParser.DEFAULT_MAX_BYTES));
    ParseException text = assertThrows(ParseException.class,
        () -> PARSER.readText("big", new String(big, StandardCharsets.US_ASCII)));
    mentions(text, "limit");
  }

  @Test
  void theSizeLimitCanBeRaisedAndABigResumeIsStillRead() throws Exception {
    ResumeParser roomy = ResumeParser.builder().asOf(LocalDate.of(2025, 7, 1))
        .maxBytes(4 * 1024 * 1024).build();
    String block = "SKILLS\nPython, Java, SQL\n\nEXPERIENCE\nEngineer, Acme | 2019 – 2020\n\n";
    String text = block.repeat(5 * 1024 * 1024 / 2 / block.length());
    CandidateProfile p = roomy.parse("big", text);
    // "2019 – 2020" runs from January 2019 to January 2020; the copies overlap and count once
    assertEquals(13 / 12.0, p.yearsExperience(), 1e-9);
    assertTrue(p.has("python"));
  }

  @Test
  void aHundredThousandCharacterLineIsReadInPieces() throws Exception {
    String line = "Python, SQL, Spark, Docker; ".repeat(100_000 / 28 + 1);
    ResumeParser.Result r = PARSER.readText("long", "Jo Example\n\nSKILLS\n" + line + "\n");
    assertTrue(r.profile().has("python") && r.profile().has("docker"),
        r.profile().skills().toString());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("read in pieces")),
        r.notes().toString());
    // one line of a hundred thousand characters without a single space
    ResumeParser.Result solid = PARSER.readText("solid", "x".repeat(100_000));
    assertTrue(solid.profile().skills().isEmpty());
  }

  @Test
  void pathologicalRunsOfAmbiguousAliasesFinish() throws Exception {
    // every "Go", "R" and "C" needs list context; a long run of them must not make extraction
    // super-linear (pieces are bounded)
    CandidateProfile p = PARSER.parse("amb", "SKILLS\n" + "Go, R, C, ".repeat(50_000) + "Java\n");
    assertTrue(p.has("java"));
  }
}
