package org.rolematch.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Kind;
import org.rolematch.model.Degree;
import org.rolematch.model.Evidence;
import org.rolematch.model.Position;
import org.rolematch.model.Skill;
import org.rolematch.taxonomy.Taxonomy;
import org.rolematch.text.ConceptExtractor;

/**
 * Reads resumes into {@link CandidateProfile}s: plain text, and JSON Resume documents
 * (jsonresume.org schema).
 *
 * <p>Three steps to use it:
 *
 * <pre>{@code
 * ResumeParser parser = ResumeParser.builder().asOf(LocalDate.of(2025, 7, 1)).build();
 * ResumeParser.Result r = parser.read(Path.of("resumes/jane.txt"));   // .txt or .json
 * CandidateProfile profile = r.profile();  // r.notes() says what could not be read
 * }</pre>
 *
 * <h2>What it reads</h2>
 *
 * <ul>
 *   <li><b>Sections</b> by their headings (Education; Experience, Work History, Employment,
 *       Professional/Research Experience; Skills, Technical Skills; Publications; Projects;
 *       Research; Activities; ...), in capitals, title case or with a colon; a resume without
 *       headings is read as one block.
 *   <li><b>Degrees</b>: level (associate, bachelor, master, PhD, other), field of study (a
 *       taxonomy concept where one names it, else as written), status (in progress when
 *       "expected", "present" or a future date, else completed) and end year.
 *   <li><b>Positions</b> with date ranges ("Jan 2019 – Present", "2016-2020", "06/2021 to
 *       03/2023", "May 2025 to Aug 2025", "Spring 2022"). Years of experience are the union of
 *       professional positions, overlaps counted once, "Present" being the {@linkplain
 *       Builder#asOf(LocalDate) clock the caller gives}; internships and co-ops are counted apart;
 *       teaching and research assistantships, volunteering and jobs held while studying are not
 *       counted. {@link CandidateProfile#yearsExperience()} is exact (months / 12); the gold
 *       schema's {@code years_experience} is its whole part.
 *   <li><b>Concepts</b> through the shared {@link ConceptExtractor}: each with the line it was
 *       read from as evidence and the years the text states ("5 years of Python").
 *   <li><b>Publications</b> (entries of publication sections, or a stated count) and their
 *       venues; <b>location</b> (the "City, ST" near the top); <b>work authorisation</b> when
 *       stated ("Authorized to work in the US").
 * </ul>
 *
 * <h2>Privacy</h2>
 *
 * A profile holds no name, gender, age or birth date, photo, nationality, marital status or
 * contact details, and none can reach it by another way: before anything is read, the name (the
 * first line when it reads as a name, and its recurrences), e-mail addresses, URLs, phone numbers
 * and lines labelled with personal facts ("Date of birth:", "Nationality:", "Phone:", ...) are
 * masked, so that they never become a title, a location, a skill or a skill's evidence. In JSON
 * Resume input the {@code basics} block is dropped except its city and region, and {@code
 * references} are not read. Contact details are kept nowhere, not even in a field no scorer
 * reads. Citizenship is not read; work authorisation only from explicit statements about it.
 *
 * <h2>Untrusted input</h2>
 *
 * Input is checked before it is read against the parser's {@link ParseLimits} ({@link
 * Builder#limits(ParseLimits)}): size (default {@value #DEFAULT_MAX_BYTES} bytes, {@link
 * Builder#maxBytes(int)}), strict UTF-8, binary content, and for JSON the nesting depth (default
 * {@value #DEFAULT_MAX_JSON_DEPTH}, {@link Builder#maxJsonDepth(int)}) and number length. Every scan is a
 * hand-written linear pass; there are no regular expressions that could backtrack, and lines
 * longer than {@value #DEFAULT_MAX_LINE_CHARS} characters ({@link Builder#maxLineChars(int)}) are
 * read in pieces. An empty, binary, oversized or malformed document gives a {@link
 * ParseException} that names the document and says what was wrong; a document that can be read
 * but holds nothing recognisable gives an empty profile and a note saying so.
 *
 * <p>Thread-safe: a parser holds no mutable state; share one.
 */
public final class ResumeParser {
  private static final String RESEARCH = "research";
  /** Default limit on a document's size in bytes (2 MiB; resumes are a few KiB). */
  public static final int DEFAULT_MAX_BYTES = ParseLimits.DEFAULT_MAX_DOCUMENT_BYTES;
  /** Default length beyond which a line is read in pieces. */
  public static final int DEFAULT_MAX_LINE_CHARS = ParseLimits.DEFAULT_MAX_LINE_CHARS;
  /** Default limit on the nesting depth of a JSON Resume document. */
  public static final int DEFAULT_MAX_JSON_DEPTH = ParseLimits.DEFAULT_MAX_JSON_DEPTH;
  /** Most degrees one profile keeps (a resume lists a handful; more is not a resume). */
  static final int MAX_DEGREES = 50;

  private final Taxonomy taxonomy;
  private final ConceptExtractor extractor;
  private final LocalDate asOf;
  private final ParseLimits limits;
  private final int maxBytes;
  private final int maxLineChars;
  private final int maxJsonDepth;

  private ResumeParser(Builder b) {
    this.taxonomy = b.taxonomy != null ? b.taxonomy : Taxonomy.defaults();
    this.extractor = b.extractor != null && b.extractor.taxonomy() == taxonomy ? b.extractor
        : ConceptExtractor.of(taxonomy);
    this.asOf = b.asOf;
    this.limits = b.limits.build();
    this.maxBytes = limits.maxDocumentBytes();
    this.maxLineChars = limits.maxLineChars();
    this.maxJsonDepth = limits.maxJsonDepth();
  }

  /** A builder; {@link Builder#asOf(LocalDate)} must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A profile and what the parser could not read or had to guess.
   *
   * @param profile the profile (possibly empty)
   * @param notes notes for the user ("no section headings found; ...")
   */
  public record Result(CandidateProfile profile, List<String> notes) {
    public Result {
      requireNonNull(profile, "profile");
      notes = List.copyOf(requireNonNull(notes, "notes"));
    }
  }

  /** The clock against which "Present" is read. */
  public LocalDate asOf() {
    return asOf;
  }

  /** The taxonomy concepts are read with. */
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /**
   * Reads a resume file: {@code .json} as JSON Resume, anything else as plain text. The
   * profile's id is the file name without its extension.
   *
   * @throws ParseException when the file is empty, too large, binary, not UTF-8, or malformed
   * @throws IOException when the file cannot be read
   */
  public Result read(Path file) throws IOException, ParseException {
    requireNonNull(file, "file");
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    String source = file.toString();
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(maxBytes + 1);
    }
    if (bytes.length > maxBytes) {
      long size = Files.size(file);
      throw new ParseException(source, 0, limits.overLimit(ParseLimits.Limit.DOCUMENT_BYTES,
          "the file has " + size + " bytes (a resume is a few KiB)"));
    }
    String id = idOf(name);
    if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
      return JsonResumeReader.read(id, source, bytes, this);
    }
    return readText(id, bytes, source);
  }

  /** The file name without its extension, or "resume" when nothing is left. */
  static String idOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String id = dot > 0 ? fileName.substring(0, dot) : fileName;
    return id.isBlank() ? "resume" : id;
  }

  /**
   * Reads a plain-text resume given as UTF-8 bytes.
   *
   * @param id the profile's id
   * @param utf8 the document
   * @param source name of the document for messages (a file name)
   */
  public Result readText(String id, byte[] utf8, String source) throws ParseException {
    requireNonNull(utf8, "utf8");
    String text = TextGuard.decode(utf8, source, limits);
    return readText(id, text, source);
  }

  /** Reads a plain-text resume; {@code id} names it in messages too. */
  public Result readText(String id, String text) throws ParseException {
    return readText(id, text, id);
  }

  /** Shortcut: the profile of a plain-text resume. */
  public CandidateProfile parse(String id, String text) throws ParseException {
    return readText(id, text).profile();
  }

  /**
   * Reads a JSON Resume document (jsonresume.org schema) given as UTF-8 bytes.
   *
   * @throws ParseException for malformed JSON, a wrong shape (naming the field and what was
   *     expected), or a document over the size or nesting limits
   */
  public Result readJsonResume(String id, byte[] json) throws ParseException {
    requireNonNull(json, "json");
    String name = checkId(id);
    return JsonResumeReader.read(name, name, json, this);
  }

  private static String checkId(String id) {
    requireNonNull(id, "id");
    return id.isBlank() ? "resume" : id;
  }

  // ------------------------------------------------------------------------------------------

  private Result readText(String id, String text, String source) throws ParseException {
    requireNonNull(text, "text");
    String name = checkId(id);
    TextGuard.check(text, source, limits);
    if (ResumeDocument.blank(text)) {
      throw new ParseException(source, 0,
          "the resume is empty (no text); give a plain-text resume in UTF-8");
    }
    List<String> notes = new ArrayList<>();
    ResumeDocument doc = ResumeDocument.of(text, maxLineChars, this::conceptWord);
    int n = doc.lines.size();
    if (doc.longLines > 0) {
      notes.add(String.format(Locale.ROOT,
          "%d line(s) longer than %d characters were read in pieces", doc.longLines,
          maxLineChars));
    }
    if (doc.twoColumns) {
      notes.add("the text is laid out in two columns; it was read column by column");
    }

    // sections
    ResumeSections.Type[] sectionOf = new ResumeSections.Type[n];
    boolean[] isHeading = new boolean[n];
    boolean[] references = new boolean[n];
    boolean[] objective = new boolean[n];
    boolean anyHeading = false;
    for (int k = 0; k < n; k++) {
      if (ResumeSections.heading(doc.text(doc.lines.get(k))) != null) {
        anyHeading = true;
        break;
      }
    }
    ResumeSections.Type current = anyHeading ? ResumeSections.Type.HEADER
        : ResumeSections.Type.NONE;
    boolean inReferences = false;
    boolean inObjective = false;
    for (int k = 0; k < n; k++) {
      String t = doc.text(doc.lines.get(k));
      ResumeSections.Type h = anyHeading ? ResumeSections.heading(t) : null;
      if (h != null) {
        isHeading[k] = true;
        current = h;
        List<String> hw = ResumeSections.words(ResumeSections.strip(t));
        inReferences = hw.contains("references") || hw.contains("referees");
        inObjective = hw.contains("objective") || hw.contains("goal") || hw.contains("goals");
      } else if (anyHeading && !ResumePositions.bullet(t)) {
        int[] inline = ResumeSections.inlineHeading(t);
        if (inline != null) {
          current = ResumeSections.Type.values()[inline[0]];
          inReferences = false;
          List<String> lw = ResumeSections.words(t.substring(0, inline[1]));
          inObjective = lw.contains("objective") || lw.contains("goal");
        }
      }
      sectionOf[k] = current;
      references[k] = inReferences;
      objective[k] = inObjective;
    }
    if (!anyHeading) {
      notes.add("no section headings found; the resume was read as one block");
    }

    // location and work authorisation
    String location = location(doc, sectionOf, anyHeading);
    String home = location == null ? null : ResumeLocation.country(location);
    LinkedHashSet<String> auth = new LinkedHashSet<>();
    for (int k = 0; k < n; k++) {
      if (!references[k]) {
        for (String c : ResumeLocation.workAuthorizations(doc.text(doc.lines.get(k)), home)) {
          auth.add(ResumeLocation.conceptFor(c, taxonomy));
        }
      }
    }

    // degrees
    BitSet hidden = new BitSet(text.length());
    boolean[] isDegreeLine = new boolean[n];
    List<ResumeDegrees.Found> degrees = degrees(doc, sectionOf, isHeading, isDegreeLine, hidden);
    List<double[]> study = new ArrayList<>();
    for (ResumeDegrees.Found f : degrees) {
      if (f.studyStart() != null && f.studyEnd() != null && !f.studyEnd().isBefore(f.studyStart())) {
        study.add(new double[] {ResumeDates.monthIndex(f.studyStart()),
            ResumeDates.monthIndex(f.studyEnd()) + 1});
      }
    }

    // positions
    boolean anyExperience = false;
    for (ResumeSections.Type t : sectionOf) {
      if (t.holdsPositions()) {
        anyExperience = true;
      }
    }
    List<Integer> positionLines = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      ResumeSections.Type t = sectionOf[k];
      if (t.holdsPositions() || (!anyExperience && (t == ResumeSections.Type.OTHER
          || t == ResumeSections.Type.SUMMARY || t == ResumeSections.Type.HEADER))) {
        positionLines.add(k);
      }
    }
    List<ResumePositions.Found> found = ResumePositions.read(
        doc, positionLines, sectionOf, isHeading, isDegreeLine, study, asOf);
    List<Position> positions = new ArrayList<>();
    int internships = 0;
    for (ResumePositions.Found f : found) {
      positions.add(f.position());
      if (f.position().type() == Position.PositionType.INTERNSHIP) {
        internships++;
      }
      int[] h = f.hidden();
      for (int q = 0; q + 1 < h.length; q += 2) {
        hidden.set(h[q], h[q + 1]);
      }
    }
    double years = ResumePositions.years(positions, asOf);
    if (positions.isEmpty()) {
      int stated = 0;
      for (int k = 0; k < n; k++) {
        stated = Math.max(stated, statedExperience(doc.text(doc.lines.get(k))));
      }
      if (stated > 0) {
        years = stated;
        notes.add(String.format(Locale.ROOT,
            "no dated positions found; years of experience (%d) taken from the text's own"
                + " statement", stated));
      }
    }

    // publications
    List<String> pubLines = new ArrayList<>();
    List<String> allLines = new ArrayList<>();
    BitSet surfaceOnly = new BitSet(n);
    for (int k = 0; k < n; k++) {
      String t = doc.text(doc.lines.get(k));
      if (!references[k]) {
        allLines.add(t);
      }
      if (sectionOf[k] == ResumeSections.Type.PUBLICATIONS && !isHeading[k]) {
        pubLines.add(t);
        surfaceOnly.set(k);
      }
    }
    ResumePublications.Result pubs = ResumePublications.read(pubLines, allLines);

    // concepts come from skills lists, experience, projects, education and activities (the
    // evaluation set's annotation rule); not from the header (name, contacts, a job title), a
    // summary or objective (claims and wishes), publication entries (titles and author lists)
    // or references; and not from dates ("Spring 2022"), job titles, employers, schools, degree
    // fields or list labels
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      ResumeSections.Type s = sectionOf[k];
      if (isHeading[k] || references[k] || objective[k] || s == ResumeSections.Type.HEADER
          || s == ResumeSections.Type.SUMMARY || s == ResumeSections.Type.PUBLICATIONS) {
        continue;
      }
      order.add(k);
      ResumeDocument.Line line = doc.lines.get(k);
      String t = doc.text(line);
      for (ResumeDates.Span sp : ResumeDates.find(t)) {
        hidden.set(line.start() + sp.start(), line.start() + sp.end());
      }
      int label = listLabelEnd(t);
      if (label > 0) {
        hidden.set(line.start(), line.start() + label);
      }
    }
    List<Skill> skills = ResumeConcepts.read(doc, order, hidden, surfaceOnly, extractor);
    skills = withResearch(skills, positions);

    List<Degree> degreeList = new ArrayList<>();
    for (ResumeDegrees.Found f : degrees) {
      degreeList.add(f.degree());
    }
    if (degreeList.isEmpty() && positions.isEmpty() && skills.isEmpty()) {
      notes.add("nothing recognisable was found: no degree, no dated position and no known"
          + " skill; check that this is a resume and that the taxonomy covers its field");
    }
    CandidateProfile profile = new CandidateProfile(
        name, degreeList, positions, years, internships, pubs.count(), pubs.venues(), skills,
        Optional.ofNullable(location), List.copyOf(auth));
    return new Result(profile, notes);
  }

  /**
   * Adds the concept {@code research} when a position's title says research ("Graduate Research
   * Assistant", "Research Intern", "Research Scientist"): a recruiter reads research experience
   * there, though the annotation rule keeps concepts out of job titles. The title is the
   * evidence. Nothing is added when the profile already has it or the taxonomy lacks it.
   */
  private List<Skill> withResearch(List<Skill> skills, List<Position> positions) {
    if (extractor.taxonomy().concept(RESEARCH).isEmpty()) {
      return skills;
    }
    for (Skill s : skills) {
      if (s.concept().equals(RESEARCH)) {
        return skills;
      }
    }
    for (Position p : positions) {
      String t = " " + CareerStage.words(p.title()) + " ";
      if (t.contains(" research ") || t.contains(" researcher ")) {
        List<Skill> out = new ArrayList<>(skills);
        out.add(new Skill(RESEARCH, Kind.SKILL, 0, p.evidence()));
        return List.copyOf(out);
      }
    }
    return skills;
  }

  /** The first "City, ST" in the header lines (or the first lines when there are no headings). */
  private static String location(
      ResumeDocument doc, ResumeSections.Type[] sectionOf, boolean anyHeading) {
    int seen = 0;
    for (int k = 0; k < doc.lines.size() && seen < 8; k++) {
      if (anyHeading && sectionOf[k] != ResumeSections.Type.HEADER) {
        break;
      }
      String t = doc.text(doc.lines.get(k));
      if (ResumeDocument.blank(t)) {
        continue;
      }
      seen++;
      int i = 0;
      while (i <= t.length()) {
        int j = i;
        while (j < t.length() && !headerBreak(t, j)) {
          j++;
        }
        String loc = ResumeLocation.find(t.substring(i, j));
        if (loc != null) {
          return loc;
        }
        i = j + 1;
      }
    }
    return null;
  }

  private static boolean headerBreak(String s, int k) {
    char c = s.charAt(k);
    if (c == '|' || c == '\u00b7' || c == '\u2022' || c == '\t' || c == ';' || c == '\u2014') {
      return true;
    }
    if ((c == '\u2013' || c == '-') && k > 0 && s.charAt(k - 1) == ' ' && k + 1 < s.length()
        && s.charAt(k + 1) == ' ') {
      return true;
    }
    return c == ' ' && k + 2 < s.length() && s.charAt(k + 1) == ' ' && s.charAt(k + 2) == ' ';
  }

  private List<ResumeDegrees.Found> degrees(
      ResumeDocument doc, ResumeSections.Type[] sectionOf, boolean[] isHeading,
      boolean[] isDegreeLine, BitSet hidden) {
    int n = doc.lines.size();
    boolean hasEducation = false;
    for (ResumeSections.Type t : sectionOf) {
      if (t == ResumeSections.Type.EDUCATION) {
        hasEducation = true;
      }
    }
    List<ResumeDegrees.Found> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int k = 0; k < n; k++) {
      if (isHeading[k]) {
        continue;
      }
      ResumeSections.Type s = sectionOf[k];
      boolean education = s == ResumeSections.Type.EDUCATION;
      boolean eligible = education || s == ResumeSections.Type.NONE
          || (!hasEducation && (s == ResumeSections.Type.HEADER || s == ResumeSections.Type.SUMMARY
              || s == ResumeSections.Type.OTHER));
      if (!eligible) {
        continue;
      }
      ResumeDocument.Line line = doc.lines.get(k);
      String t = doc.text(line);
      if (ResumeDocument.blank(t) || (!education && ResumePositions.bullet(t))) {
        continue;
      }
      if (education) {
        int[] school = ResumeDegrees.schoolSpan(t, new ResumeDegrees.Marker(
            org.rolematch.model.DegreeLevel.OTHER, -1, -1, null, false));
        if (school != null) {
          hidden.set(line.start() + school[0], line.start() + school[1]);
        }
      }
      List<ResumeDegrees.Marker> markers = new ArrayList<>();
      for (ResumeDegrees.Marker m : ResumeDegrees.markers(t, education)) {
        if (education || m.strong()) {
          markers.add(m);
        }
      }
      if (markers.isEmpty()) {
        continue;
      }
      isDegreeLine[k] = true;
      String neighbour = null;
      if (ResumeDates.find(t).isEmpty()) {
        neighbour = neighbourText(doc, k, -1, sectionOf, isHeading, education);
        if (neighbour == null || ResumeDates.find(neighbour).isEmpty()) {
          String next = neighbourText(doc, k, 1, sectionOf, isHeading, education);
          if (next != null && !ResumeDates.find(next).isEmpty()) {
            neighbour = next;
          }
        }
      }
      Evidence ev = lineEvidence(doc, line, t);
      // markers joined by "/" or "and" share one field ("B.S./M.S. in Computer Science")
      int g = 0;
      while (g < markers.size()) {
        int last = g;
        while (last + 1 < markers.size()
            && joined(t, markers.get(last).end(), markers.get(last + 1).start())) {
          last++;
        }
        ResumeDegrees.Found fieldSource = ResumeDegrees.read(
            t, markers.get(last), neighbour, asOf, taxonomy, extractor, ev);
        for (int q = g; q <= last; q++) {
          ResumeDegrees.Found f = q == last ? fieldSource : ResumeDegrees.read(
              t, markers.get(q), neighbour, asOf, taxonomy, extractor, ev);
          Degree d = new Degree(f.degree().level(), fieldSource.degree().field(),
              f.degree().status(), f.degree().endYear(), ev);
          String key = d.level() + "|" + d.field() + "|" + d.endYear();
          if (seen.add(key) && out.size() < MAX_DEGREES) {
            out.add(new ResumeDegrees.Found(d, f.studyStart(), f.studyEnd(), f.fieldStart(),
                f.fieldEnd(), f.schoolStart(), f.schoolEnd()));
          }
        }
        if (fieldSource.fieldStart() >= 0) {
          hidden.set(line.start() + fieldSource.fieldStart(),
              line.start() + fieldSource.fieldEnd());
        }
        if (fieldSource.schoolStart() >= 0) {
          hidden.set(line.start() + fieldSource.schoolStart(),
              line.start() + fieldSource.schoolEnd());
        }
        g = last + 1;
      }
    }
    return out;
  }

  private static boolean joined(String t, int from, int to) {
    if (to < from) {
      return false;
    }
    String between = t.substring(from, to).strip().toLowerCase(Locale.ROOT);
    return between.equals("/") || between.equals("&") || between.equals("and")
        || between.equals(",") || between.equals("+") || between.isEmpty();
  }

  private static String neighbourText(
      ResumeDocument doc, int k, int dir, ResumeSections.Type[] sectionOf, boolean[] isHeading,
      boolean education) {
    int j = k + dir;
    if (j < 0 || j >= doc.lines.size() || isHeading[j] || sectionOf[j] != sectionOf[k]) {
      return null;
    }
    String t = doc.text(doc.lines.get(j));
    if (ResumeDocument.blank(t) || !ResumeDegrees.markers(t, education).isEmpty()) {
      return null;
    }
    return t;
  }

  private static Evidence lineEvidence(ResumeDocument doc, ResumeDocument.Line line, String t) {
    int a = 0;
    int b = t.length();
    while (a < b && Character.isWhitespace(t.charAt(a))) {
      a++;
    }
    while (b > a && Character.isWhitespace(t.charAt(b - 1))) {
      b--;
    }
    String shown = ResumeConcepts.collapse(t.substring(a, b));
    if (doc.hasPersonal(line.start() + a, line.start() + b)) {
      return Evidence.of(shown); // masked text differs from the source: no offsets
    }
    return new Evidence(shown, line.start() + a, line.start() + b);
  }

  /**
   * Where a list's label ends ("Machine learning: PyTorch, scikit-learn" → after the colon), or
   * -1. A label is one to four words before a colon at the start of a line, followed by a list.
   * It names a category, not a skill of the candidate.
   */
  static int listLabelEnd(String t) {
    int colon = t.indexOf(':');
    if (colon <= 0 || colon > 48) {
      return -1;
    }
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < colon; i++) {
      char c = t.charAt(i);
      if (Character.isLetter(c)) {
        if (!inWord) {
          words++;
        }
        inWord = true;
      } else if (c == ' ' || c == '&' || c == '/' || c == '-' || c == '\t' || isBulletChar(c)) {
        inWord = false;
      } else {
        return -1;
      }
    }
    if (words == 0 || words > 4) {
      return -1;
    }
    String rest = t.substring(colon + 1);
    if (rest.indexOf(',') < 0 && rest.indexOf('\u00b7') < 0 && rest.indexOf(';') < 0
        && rest.indexOf('|') < 0) {
      return -1;
    }
    return colon + 1;
  }

  private static boolean isBulletChar(char c) {
    return c == '\u2022' || c == '*' || c == '\u00b7' || c == '\u25e6' || c == '\u25aa';
  }

  /** "10+ years of experience", "five years of professional experience": the years, or 0. */
  static int statedExperience(String line) {
    List<ResumeDates.Tok> t = ResumeDates.tokens(line);
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).type() == ResumeDates.T.PUNCT) {
        continue;
      }
      int v = ResumePublications.number(t.get(i).text());
      if (v <= 0 || v > 60 || t.get(i).text().equalsIgnoreCase("a")
          || t.get(i).text().equalsIgnoreCase("an")) {
        continue;
      }
      int j = i + 1;
      if (j < t.size() && (t.get(j).is("+") || t.get(j).word("plus"))) {
        j++;
      }
      if (!(j < t.size() && (t.get(j).word("years") || t.get(j).word("yrs")))) {
        continue;
      }
      j++;
      if (j < t.size() && (t.get(j).is("'") || t.get(j).is("\u2019"))) {
        j++;
      }
      if (j < t.size() && t.get(j).word("of")) {
        j++;
      }
      while (j < t.size() && (t.get(j).word("professional") || t.get(j).word("industry")
          || t.get(j).word("work") || t.get(j).word("relevant") || t.get(j).word("full")
          || t.get(j).word("time") || t.get(j).is("-") || t.get(j).word("hands")
          || t.get(j).word("on"))) {
        j++;
      }
      if (j < t.size() && t.get(j).word("experience")) {
        return v;
      }
    }
    return 0;
  }

  ConceptExtractor extractor() {
    return extractor;
  }

  /** Whether a word names a concept of the taxonomy (a given name such as "Julia" or "Ruby"). */
  boolean conceptWord(String word) {
    return !taxonomy.lookup(word).isEmpty();
  }

  int maxBytes() {
    return maxBytes;
  }

  /** The limits this parser applies. */
  public ParseLimits limits() {
    return limits;
  }

  int maxJsonDepth() {
    return maxJsonDepth;
  }

  /**
   * Builds a {@link ResumeParser}. Each option is checked when it is set.
   *
   * <p>Not thread-safe; build once and share the parser.
   */
  public static final class Builder {
    private Taxonomy taxonomy;
    private ConceptExtractor extractor;
    private LocalDate asOf;
    private ParseLimits.Builder limits = ParseLimits.builder();

    private Builder() {}

    /** The taxonomy to read concepts with (default: {@link Taxonomy#defaults()}). */
    public Builder taxonomy(Taxonomy taxonomy) {
      this.taxonomy = requireNonNull(taxonomy, "taxonomy");
      return this;
    }

    /**
     * A concept extractor to share (it must be over the same taxonomy; building one costs tens of
     * milliseconds). Sets the taxonomy to the extractor's.
     */
    public Builder extractor(ConceptExtractor extractor) {
      this.extractor = requireNonNull(extractor, "extractor");
      this.taxonomy = extractor.taxonomy();
      return this;
    }

    /**
     * The date that "Present" means (required). Pass {@code LocalDate.now()} for today; tests and
     * evaluations pass a fixed date so that results do not change with the calendar.
     */
    public Builder asOf(LocalDate asOf) {
      this.asOf = requireNonNull(asOf, "asOf");
      return this;
    }

    /**
     * All the limits at once (default {@link ParseLimits#defaults()}); the setters below change
     * one of them.
     */
    public Builder limits(ParseLimits limits) {
      this.limits = requireNonNull(limits, "limits").toBuilder();
      return this;
    }

    /** Largest document accepted, in bytes (default {@value #DEFAULT_MAX_BYTES}); at least 1. */
    public Builder maxBytes(int maxBytes) {
      if (maxBytes < 1) {
        throw new IllegalArgumentException(
            "maxBytes must be at least 1, got " + maxBytes + "; the default is "
                + DEFAULT_MAX_BYTES);
      }
      limits.maxDocumentBytes(maxBytes);
      return this;
    }

    /**
     * Length beyond which a line is read in pieces (default {@value #DEFAULT_MAX_LINE_CHARS});
     * between 80 and 100,000.
     */
    public Builder maxLineChars(int maxLineChars) {
      if (maxLineChars < 80 || maxLineChars > 100_000) {
        throw new IllegalArgumentException(
            "maxLineChars must be between 80 and 100000, got " + maxLineChars);
      }
      limits.maxLineChars(maxLineChars);
      return this;
    }

    /** Deepest JSON nesting accepted (default {@value #DEFAULT_MAX_JSON_DEPTH}); 4 to 1000. */
    public Builder maxJsonDepth(int maxJsonDepth) {
      if (maxJsonDepth < 4 || maxJsonDepth > 1000) {
        throw new IllegalArgumentException(
            "maxJsonDepth must be between 4 and 1000, got " + maxJsonDepth);
      }
      limits.maxJsonDepth(maxJsonDepth);
      return this;
    }

    /**
     * The parser.
     *
     * @throws IllegalStateException when {@link #asOf(LocalDate)} was not set
     */
    public ResumeParser build() {
      if (asOf == null) {
        throw new IllegalStateException(
            "asOf is not set: call asOf(LocalDate) with the date that 'Present' means"
                + " (LocalDate.now() for today)");
      }
      return new ResumeParser(this);
    }
  }
}
