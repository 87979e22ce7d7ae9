package org.rolematch.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.EmploymentType;
import org.rolematch.model.Evidence;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.model.SalaryRange;
import org.rolematch.taxonomy.Taxonomy;
import org.rolematch.text.ConceptExtractor;
import org.rolematch.text.ConceptMention;
import org.rolematch.text.Line;
import org.rolematch.text.TextLayout;

/**
 * Reads job postings, plain text or schema.org {@code JobPosting} JSON-LD, into {@link Role}s
 * with their requirement clauses.
 *
 * <pre>{@code
 * PostingParser parser = PostingParser.of(Taxonomy.defaults());
 * ParsedPosting page = parser.parse(text, "careers.txt");
 * for (Role role : page.roles()) {
 *   System.out.println(role.title() + ": " + role.requirements().size() + " requirements");
 * }
 * }</pre>
 *
 * <h2>How a page is read</h2>
 *
 * <ol>
 *   <li><b>Lines and headings.</b> Each line is classified: a section heading (required or
 *       preferred qualifications, responsibilities, boilerplate such as benefits, salary and
 *       equal-opportunity text), a role title ("Staff Data Scientist, Metrics Quality"), a bullet,
 *       or prose.
 *   <li><b>Roles.</b> A page may hold several roles. A new role starts at a title line, at an
 *       introduction naming a new title ("As a Data Science intern, you'll ..."), or at a new
 *       qualifications section that follows prose after another role's qualifications. A block
 *       without a title of its own gets one made from its own words. Roles without requirements
 *       (testimonials, navigation) are dropped.
 *   <li><b>Clauses.</b> Only lines in qualification sections give requirements, one or more per
 *       sentence (see {@code ClauseBuilder}); eligibility statements ("US based applicants only",
 *       "must be in a commutable distance of ...") anywhere in a role's block give location
 *       clauses. Importance comes from the section and from cue words.
 * </ol>
 *
 * <p><b>Limits.</b> The parser's {@link ParseLimits} ({@link #withLimits(ParseLimits)}): a
 * document over {@link ParseLimits#maxDocumentBytes()} (default 2 MiB; UTF-8 bytes of a file,
 * characters of a {@code String}), JSON-LD over the JSON limits, binary input and invalid UTF-8
 * get a {@link ParseException} naming the source, the limit and how to raise it. Every scan is a
 * single pass by hand; no regular expression runs over input. Thread-safe.
 */
public final class PostingParser {
  /** Default limit of characters in one posting document ({@link ParseLimits#maxDocumentBytes()}). */
  public static final int DEFAULT_MAX_CHARS = ParseLimits.DEFAULT_MAX_DOCUMENT_BYTES;

  private static final Set<String> ROLE_NOUNS =
      Set.of(
          "engineer", "engineers", "scientist", "scientists", "intern", "interns", "internship",
          "analyst", "developer", "manager", "designer", "researcher", "architect", "specialist",
          "consultant", "director", "coordinator", "administrator", "technician", "representative",
          "recruiter", "writer", "programmer", "strategist", "officer", "lead", "head", "fellow",
          "associate", "assistant", "advocate", "executive", "partner", "editor", "accountant",
          "economist", "statistician", "instructor", "teacher", "nurse", "operator", "sre",
          "swe", "mle", "grad", "graduate", "apprentice", "trainee", "co-op", "principal");

  /** Location concepts that say how, not where: not eligibility constraints. */
  /** How far before a role's text its title may stand (a heading, blank lines). */
  private static final int TITLE_LOOKBACK = 400;
  private static final Set<String> WORK_MODES = Set.of("remote", "hybrid work", "on-site");

  private final ConceptExtractor extractor;
  private final ClauseBuilder clauses;
  private final ParseLimits limits;

  private PostingParser(ConceptExtractor extractor, ClauseBuilder clauses, ParseLimits limits) {
    this.extractor = extractor;
    this.clauses = clauses != null ? clauses : new ClauseBuilder(extractor);
    this.limits = limits;
  }

  /** A parser over the taxonomy, with the default limits. */
  public static PostingParser of(Taxonomy taxonomy) {
    return new PostingParser(ConceptExtractor.of(taxonomy), null, ParseLimits.defaults());
  }

  /** A parser sharing an extractor, with the default limits. */
  public static PostingParser of(ConceptExtractor extractor) {
    return new PostingParser(requireNonNull(extractor, "extractor"), null, ParseLimits.defaults());
  }

  /** This parser with other limits. */
  public PostingParser withLimits(ParseLimits newLimits) {
    return new PostingParser(extractor, clauses, requireNonNull(newLimits, "limits"));
  }

  /** The limits this parser applies. */
  public ParseLimits limits() {
    return limits;
  }

  /**
   * This parser with another document size limit ({@link ParseLimits#maxDocumentBytes()}).
   *
   * @throws IllegalArgumentException when {@code newMaxChars} is below 1
   */
  public PostingParser withMaxChars(int newMaxChars) {
    if (newMaxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive, got " + newMaxChars);
    }
    return withLimits(limits.toBuilder().maxDocumentBytes(newMaxChars).build());
  }

  /** The document size limit ({@link ParseLimits#maxDocumentBytes()}). */
  public int maxChars() {
    return limits.maxDocumentBytes();
  }

  /** The concept extractor this parser reads with. */
  public ConceptExtractor extractor() {
    return extractor;
  }

  /**
   * Reads a posting file: {@code .json} as JSON-LD {@code JobPosting}, {@code .html}/{@code .htm}
   * through its {@code application/ld+json} block, anything else as plain UTF-8 text.
   */
  public ParsedPosting parse(Path file) throws IOException, ParseException {
    String name = file.getFileName().toString();
    long size = Files.size(file);
    int max = limits.maxDocumentBytes();
    if (size > max) {
      throw new ParseException(file.toString(), 0,
          limits.overLimit(ParseLimits.Limit.DOCUMENT_BYTES, "the file has " + size + " bytes"));
    }
    String text = TextGuard.decode(Files.readAllBytes(file), file.toString(), limits);
    String lower = name.toLowerCase(Locale.ROOT);
    String id = stem(name);
    if (lower.endsWith(".json") || lower.endsWith(".jsonld")) {
      return JobPostingJson.read(text, file.toString(), id, this);
    }
    if (lower.endsWith(".html") || lower.endsWith(".htm")) {
      return JobPostingJson.readHtml(text, file.toString(), id, this);
    }
    return parse(text, id);
  }

  /**
   * Reads schema.org {@code JobPosting} JSON-LD (an object, an array, or a {@code @graph}).
   *
   * @throws ParseException for malformed JSON, or JSON without a JobPosting
   */
  public ParsedPosting parseJsonLd(String json, String source) throws ParseException {
    requireNonNull(json, "json");
    requireNonNull(source, "source");
    TextGuard.check(json, source, limits);
    return JobPostingJson.read(json, source, source, this);
  }

  /**
   * Reads a plain-text posting page. {@code source} names the document in messages and is the
   * stem of role ids ({@code source#1}, {@code source#2}, ...).
   *
   * @throws ParseException for binary text or text over the limit
   */
  public ParsedPosting parse(String text, String source) throws ParseException {
    requireNonNull(text, "text");
    requireNonNull(source, "source");
    TextGuard.check(text, source, limits);
    List<String> notes = new ArrayList<>();
    if (text.isBlank()) {
      notes.add("the document is empty");
      return new ParsedPosting(source, List.of(), notes);
    }
    List<Line> lines = TextLayout.lines(text);
    String org = organisation(lines);
    List<Block> blocks = segment(text, lines);
    List<Role> roles = new ArrayList<>();
    List<Block> kept = new ArrayList<>();
    for (Block b : blocks) {
      if (!b.requirements.isEmpty()) {
        kept.add(b);
      }
    }
    if (kept.isEmpty()) {
      notes.add(blocks.isEmpty()
          ? "no qualification section (such as 'Requirements' or 'What we're looking for') was found"
          : "qualification sections were found but held no recognisable requirement");
    }
    titles(kept, text, org);
    int n = 0;
    // the page's own words before its first role: up to that role's title when it stands there
    int firstRole = kept.isEmpty() ? 0 : Math.max(kept.get(0).start, titleOffset(text, kept.get(0)));
    Optional<Evidence> pageCue = CareerStage.pageCue(text, firstRole);
    for (Block b : kept) {
      n++;
      CareerStage.detect(text, b.title, titleOffset(text, b), b.start, b.end, pageCue, b.type,
          b.requirements).ifPresent(b.requirements::add);
      roles.add(new Role(
          source + "#" + n, b.title, org, b.type, List.copyOf(b.locations), Optional.ofNullable(b.salary),
          renumber(b.requirements), text.substring(b.start, Math.max(b.start, b.end))));
    }
    return new ParsedPosting(source, roles, notes, ProxyLint.check(text, lines));
  }

  /** Reads free text (a JSON-LD description or qualifications field) into requirements. */
  List<Requirement> requirements(String text, Importance section, EmploymentType type) {
    List<Requirement> out = new ArrayList<>();
    List<Line> lines = TextLayout.lines(text);
    SectionType current = section == Importance.PREFERRED ? SectionType.PREFERRED : SectionType.REQUIRED;
    for (Line l : lines) {
      if (l.blank()) {
        continue;
      }
      SectionType h = Headings.classify(l);
      if (h != null) {
        current = h;
        continue;
      }
      if (current.qualifications()) {
        Importance imp = current == SectionType.PREFERRED ? Importance.PREFERRED : Importance.REQUIRED;
        for (int[] s : TextLayout.sentences(text, l.contentStart(), l.end())) {
          clauses.sentence(text, s[0], s[1], imp, type, out);
        }
      }
    }
    return renumber(out);
  }

  /** Where a role's title stands on the page, near the start of its text; -1 if not there. */
  private static int titleOffset(String text, Block b) {
    if (b.title.isEmpty()) {
      return -1;
    }
    int from = Math.max(0, b.start - TITLE_LOOKBACK);
    int to = Math.min(text.length(), Math.max(b.end, b.start + TITLE_LOOKBACK) + b.title.length());
    int at = text.substring(from, to).indexOf(b.title);
    return at < 0 ? -1 : from + at;
  }

  private static List<Requirement> renumber(List<Requirement> rs) {
    List<Requirement> out = new ArrayList<>(rs.size());
    for (Requirement r : rs) {
      out.add(r.withId("r" + (out.size() + 1)));
    }
    return out;
  }

  // ---------------------------------------------------------------- segmentation

  private enum TitleSource { NONE, INTRO, EXPLICIT }

  private static final class Block {
    String title = "";
    TitleSource titleSource = TitleSource.NONE;
    int start;
    int end;
    boolean strong;
    boolean proseSinceQual;
    EmploymentType type = EmploymentType.UNKNOWN;
    final List<Requirement> requirements = new ArrayList<>();
    final Set<String> locations = new LinkedHashSet<>();
    SalaryRange salary;
    final StringBuilder intro = new StringBuilder();
    // typeOf's last answer and what it was computed from (the intro only grows)
    String typeTitle;
    int typeIntroLength = -1;
    EmploymentType typeCached;
  }

  private List<Block> segment(String text, List<Line> lines) {
    List<Block> blocks = new ArrayList<>();
    Block cur = null;
    SectionType section = null;
    boolean bulletSection = false;
    boolean otherSectionBullets = false;
    int itemsInSection = 0;
    int i = 0;
    List<String> pageLocations = new ArrayList<>();
    SalaryRange pageSalary = null;
    // Each line's heading, and for each line the end of its paragraph (the next blank, bullet or
    // heading line) and whether any line of the paragraph after it wraps: computed once, backwards,
    // so that reading a paragraph of n lines costs O(n), not O(n^2) (a list of many short lines
    // without bullets once took seconds per few kilobytes).
    int lineCount = lines.size();
    SectionType[] headings = new SectionType[lineCount];
    for (int k = 0; k < lineCount; k++) {
      headings[k] = lines.get(k).blank() ? null : Headings.classify(lines.get(k));
    }
    int[] paragraphEnd = new int[lineCount];
    boolean[] wrapsAfter = new boolean[lineCount];
    for (int k = lineCount - 1; k >= 0; k--) {
      int next = k + 1;
      if (next < lineCount && !lines.get(next).blank() && !lines.get(next).bullet()
          && headings[next] == null) {
        paragraphEnd[k] = paragraphEnd[next];
        wrapsAfter[k] = wrap(lines.get(k), lines.get(next)) || wrapsAfter[next];
      } else {
        paragraphEnd[k] = next;
      }
    }
    while (i < lines.size()) {
      Line line = lines.get(i);
      if (line.blank()) {
        if (section != null && section.qualifications() && !bulletSection && itemsInSection > 0) {
          section = null;
        }
        i++;
        continue;
      }
      SectionType heading = headings[i];
      if (heading != null) {
        if (heading.qualifications()) {
          if (cur == null || (heading == SectionType.REQUIRED && cur.strong && cur.proseSinceQual)) {
            cur = newBlock(blocks, cur, line.start());
          }
        }
        section = heading;
        otherSectionBullets = false;
        bulletSection = false;
        itemsInSection = 0;
        i++;
        continue;
      }
      String titleText = titleText(line.content());
      if (!line.bullet() && titleText != null) {
        cur = newBlock(blocks, cur, line.start());
        cur.title = tidyTitle(titleText);
        cur.titleSource = TitleSource.EXPLICIT;
        section = null;
        i++;
        continue;
      }
      // a location statement or salary counts wherever it stands
      String content = line.content();
      // (a line shorter than the shortest location cue holds no location statement)
      for (int[] s : line.end() - line.contentStart() < 9 ? List.<int[]>of()
          : TextLayout.sentences(text, line.contentStart(), line.end())) {
        String sentence = TextLayout.collapse(text.substring(s[0], s[1]));
        String place = locationStatement(sentence);
        if (place != null) {
          if (cur == null) {
            pageLocations.add(sentence);
          } else {
            cur.locations.add(sentence);
            location(text, s[0], s[1], cur.requirements);
          }
        }
      }
      Object[] sal = salaryOf(content);
      if (sal != null) {
        SalaryRange r = new SalaryRange((double) sal[0], (double) sal[1], (String) sal[2], (String) sal[3]);
        if (cur == null) {
          pageSalary = r;
        } else if (cur.salary == null) {
          cur.salary = r;
        }
      }
      if (cur != null && (startsIgnoringCase(content, "#LI-REMOTE")
          || startsIgnoringCase(content, "LI-REMOTE"))) {
        cur.locations.add("remote");
      } else if (cur != null && (startsIgnoringCase(content, "#LI-HYBRID")
          || startsIgnoringCase(content, "LI-HYBRID"))) {
        cur.locations.add("hybrid");
      }

      if (section != null && section.qualifications()) {
        boolean item = line.bullet() || !bulletSection || line.indent() > 0;
        if (itemsInSection > 0 && bulletSection && !line.bullet() && line.indent() == 0) {
          item = false;
        }
        if (item) {
          // join continuation lines (indented, no bullet) to this item
          int end = line.end();
          int j = i + 1;
          if (!line.bullet()) {
            // lines of a paragraph that wraps are one item; a list without bullets is one item a line
            int k = paragraphEnd[i];
            if (wrapsAfter[i]) {
              end = lines.get(k - 1).end();
              j = k;
            }
          }
          while (line.bullet() && j < lines.size()) {
            Line next = lines.get(j);
            if (next.blank() || next.bullet() || next.indent() <= line.indent()
                || headings[j] != null) {
              break;
            }
            end = next.end();
            j++;
          }
          if (itemsInSection == 0) {
            bulletSection = line.bullet();
          }
          itemsInSection++;
          if (cur == null) {
            cur = newBlock(blocks, null, line.start());
          }
          Importance imp = section == SectionType.PREFERRED ? Importance.PREFERRED : Importance.REQUIRED;
          int before = cur.requirements.size();
          for (int[] s : TextLayout.sentences(text, line.contentStart(), end)) {
            if (s[1] - s[0] >= 9
                && locationStatement(TextLayout.collapse(text.substring(s[0], s[1]))) != null) {
              continue; // already read as a location clause
            }
            clauses.sentence(text, s[0], s[1], imp, typeOf(cur), cur.requirements);
          }
          if (line.words() >= 6 && cur.requirements.size() > before) {
            cur.strong = true;
          }
          cur.proseSinceQual = false;
          cur.end = end;
          i = j;
          continue;
        }
        section = null;
      }
      // prose, responsibilities or boilerplate
      if (section != null && !section.qualifications()) {
        if (line.bullet()) {
          otherSectionBullets = true;
        } else if (otherSectionBullets && line.indent() == 0) {
          section = null; // a plain line after the bullets of a section ends it
        }
      }
      String title = introTitle(content);
      if (title != null) {
        if (cur == null) {
          cur = newBlock(blocks, null, line.start());
          cur.title = title;
          cur.titleSource = TitleSource.INTRO;
        } else if (!cur.requirements.isEmpty()) {
          boolean same = similar(title, cur.title) && cur.titleSource == TitleSource.EXPLICIT;
          if (!same) {
            cur = newBlock(blocks, cur, line.start());
            cur.title = title;
            cur.titleSource = TitleSource.INTRO;
          }
        } else if (cur.titleSource == TitleSource.NONE) {
          cur.title = title;
          cur.titleSource = TitleSource.INTRO;
        }
      }
      if (cur == null && section != SectionType.BOILERPLATE && !line.bullet() && line.words() >= 12) {
        // prose before any role: the introduction of the first block
        cur = newBlock(blocks, null, line.start());
      }
      if (cur != null) {
        if (section != SectionType.BOILERPLATE && section != SectionType.RESPONSIBILITIES
            && cur.intro.length() < 4000) {
          cur.intro.append(content).append('\n');
        }
        if (!line.bullet() && line.words() >= 12 && !cur.requirements.isEmpty()
            && (section == null || section == SectionType.OTHER)) {
          cur.proseSinceQual = true;
        }
        cur.end = line.end();
      }
      i++;
    }
    for (Block b : blocks) {
      if (b.salary == null) {
        b.salary = pageSalary;
      }
      for (String l : pageLocations) {
        b.locations.add(l);
      }
    }
    return blocks;
  }

  private static boolean startsIgnoringCase(String s, String prefix) {
    return s.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  /** Whether {@code next} continues {@code line} (a wrapped sentence, not a new item). */
  private static boolean wrap(Line line, Line next) {
    String a = line.content();
    String b = next.content();
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    char last = a.charAt(a.length() - 1);
    return ".!?;:".indexOf(last) < 0 && Character.isLowerCase(b.charAt(0));
  }

  private Block newBlock(List<Block> blocks, Block previous, int start) {
    if (previous != null && previous.requirements.isEmpty() && previous.titleSource == TitleSource.NONE) {
      blocks.remove(previous);
    }
    Block b = new Block();
    b.start = start;
    b.end = start;
    blocks.add(b);
    return b;
  }

  /**
   * The employment type of a block so far; remembered until its title or introduction changes
   * (each item of a section asked again, copying and lower-casing up to 4 KB of introduction).
   */
  private EmploymentType typeOf(Block b) {
    if (b.typeCached == null || !b.title.equals(b.typeTitle) || b.intro.length() != b.typeIntroLength) {
      b.typeCached = employmentType(b.title + " " + b.intro);
      b.typeTitle = b.title;
      b.typeIntroLength = b.intro.length();
    }
    return b.typeCached;
  }

  private void location(String text, int start, int end, List<Requirement> out) {
    String raw = text.substring(start, end);
    Set<String> places = new LinkedHashSet<>();
    for (ConceptMention m : extractor.extract(raw)) {
      if (m.kind() == Kind.LOCATION && !WORK_MODES.contains(m.concept())) {
        places.add(m.concept());
      }
    }
    String lower = raw.toLowerCase(Locale.ROOT);
    if (places.isEmpty() || ClauseBuilder.containsAny(lower, "authoriz", "authoris", "eligible to work",
        "right to work", "sponsorship", "work permit")) {
      if (ClauseBuilder.containsAny(lower, "authoriz", "authoris", "eligible to work", "right to work",
          "sponsorship", "work permit")) {
        places.add("work authorization");
      }
    }
    if (places.isEmpty()) {
      return;
    }
    Evidence ev = new Evidence(TextLayout.collapse(raw), start, end);
    for (Requirement r : out) {
      if (r.kind() == Kind.LOCATION && r.anyOf().equals(List.copyOf(places))) {
        return;
      }
    }
    out.add(Requirement.anyOf("r" + (out.size() + 1), Kind.LOCATION, Importance.REQUIRED,
        List.copyOf(places), ev));
  }

  /** The sentence if it states where the role may be done or who may apply, else null. */
  static String locationStatement(String sentence) {
    if (sentence.length() < 9 || sentence.length() > 398) {
      // shorter than the shortest cue ("must live"), or longer than a statement (lower-casing
      // never shortens a string, so the test below would refuse it after copying it)
      return null;
    }
    String lower = " " + sentence.toLowerCase(Locale.ROOT) + " ";
    if (lower.contains(" may ") || lower.contains(" might ") || lower.length() > 400) {
      return null;
    }
    if (ClauseBuilder.containsAny(lower, "applicants only", "candidates only", "residents only",
        "must be located", "must be based", "must reside", "must live", "need to be located",
        "needs to be located", "needs to be in a commutable", "need to be in a commutable",
        "must be in a commutable", "commutable distance", "commuting distance",
        "authorized to work", "authorised to work", "work authorization", "work authorisation",
        "eligible to work", "legally authorized", "right to work", "must be able to work in",
        "only open to candidates", "visa sponsorship", "will not sponsor", "unable to sponsor",
        "must obtain work")) {
      return sentence;
    }
    return null;
  }

  private static Object[] salaryOf(String line) {
    if (line.length() < 4 || line.length() > 400) {
      return null; // shorter than the shortest cue ("$/hr"), or too long to be a salary line
    }
    String lower = line.toLowerCase(Locale.ROOT);
    boolean keyword = lower.contains("salary") || lower.contains("pay range")
        || lower.contains("compensation") || lower.contains("base pay");
    boolean period = lower.contains("per hour") || lower.contains("per year") || lower.contains("/hr")
        || lower.contains("/yr") || lower.contains("/year") || lower.contains("/hour")
        || lower.contains("per annum") || lower.contains("annually") || lower.contains("hourly")
        || lower.contains("monthly") || lower.contains("per month") || lower.contains("/month");
    boolean money = lower.indexOf('$') >= 0 || lower.indexOf('\u20ac') >= 0 || lower.indexOf('\u00a3') >= 0;
    if (line.length() > 400 || !(keyword || (period && money))) {
      return null;
    }
    return Numbers.salary(line);
  }

  // ---------------------------------------------------------------- titles

  /**
   * The title a line gives, or null: a line that reads as a title ("Staff Data Scientist,
   * Metrics Quality", "## Backend Engineer", "**Data Analyst**"), or a labelled one ("Job Title:
   * Data Analyst", "Position: ...").
   */
  static String titleText(String content) {
    if (content.length() < 3) {
      return null; // no label with a title, and shorter than the shortest role noun
    }
    String c = content;
    int a = 0;
    while (a < c.length() && (c.charAt(a) == '#' || c.charAt(a) == '*' || c.charAt(a) == '_'
        || c.charAt(a) == ' ')) {
      a++;
    }
    int b = c.length();
    while (b > a && (c.charAt(b - 1) == '*' || c.charAt(b - 1) == '_' || c.charAt(b - 1) == ' '
        || c.charAt(b - 1) == '#')) {
      b--;
    }
    c = c.substring(a, b);
    String lower = c.toLowerCase(Locale.ROOT);
    for (String label : new String[] {"job title:", "title:", "position:", "role:", "position title:"}) {
      if (lower.startsWith(label)) {
        String rest = c.substring(label.length()).strip();
        return !rest.isEmpty() && rest.length() < 90 ? rest : null;
      }
    }
    return titleLike(c) ? c : null;
  }

  /** Whether a line reads as a role title: short, no sentence punctuation, a role noun. */
  static boolean titleLike(String content) {
    if (content.length() < 3 || content.length() > 90) { // the shortest role noun: "sre"
      return false;
    }
    char first = content.charAt(0);
    if (!Character.isUpperCase(first) && !Character.isDigit(first)) {
      return false;
    }
    char last = content.charAt(content.length() - 1);
    if (last == '.' || last == ':' || last == '!' || last == '?' || last == ';' || last == ',') {
      return false;
    }
    List<String> words = ConceptExtractor.words(content);
    if (words.isEmpty() || words.size() > 9) {
      return false;
    }
    boolean noun = false;
    for (String w : words) {
      String lw = w.toLowerCase(Locale.ROOT);
      if (lw.equals("you") || lw.equals("your") || lw.equals("we") || lw.equals("our")
          || lw.equals("is") || lw.equals("are") || lw.equals("will") || lw.equals("the")) {
        return false;
      }
      if (ROLE_NOUNS.contains(lw)) {
        noun = true;
      }
    }
    // the title's words start with capitals (or digits); allow small connecting words
    int caps = 0;
    for (String w : content.split(" ")) {
      if (!w.isEmpty() && (Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0))
          || w.charAt(0) == '(' || w.charAt(0) == '-' || w.charAt(0) == '&' || w.charAt(0) == '/')) {
        caps++;
      }
    }
    return noun && caps * 2 >= words.size();
  }

  /** "As a Data Scientist you will ..." → "Data Scientist"; null when no title is introduced. */
  static String introTitle(String line) {
    String[] openers = {"As a ", "As an ", "as a ", "as an ", "hiring a ", "hiring an ",
        "seeking a ", "seeking an ", "looking for a ", "looking for an "};
    for (String o : openers) {
      int i = line.indexOf(o);
      while (i >= 0) {
        boolean sentenceStart = i == 0 || line.charAt(i - 1) == ' ' && (i < 2
            || ".!?".indexOf(line.charAt(i - 2)) >= 0 || Character.isLowerCase(o.charAt(0)));
        if (sentenceStart) {
          String t = titleAfter(line, i + o.length());
          if (t != null) {
            return t;
          }
        }
        i = line.indexOf(o, i + 1);
      }
    }
    return null;
  }

  private static String titleAfter(String line, int from) {
    List<String> words = new ArrayList<>();
    int i = from;
    int n = line.length();
    while (i < n && words.size() < 12) {
      int j = i;
      while (j < n && line.charAt(j) != ' ' && line.charAt(j) != ',' && line.charAt(j) != ';'
          && line.charAt(j) != '.' && line.charAt(j) != '(') {
        j++;
      }
      String w = line.substring(i, j);
      String lw = w.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
      if (w.isEmpty() || lw.startsWith("you") || lw.equals("we") || lw.equals("to") || lw.equals("who")
          || lw.equals("that") || lw.equals("will") || lw.equals("specifically")) {
        break;
      }
      words.add(w);
      if (j >= n || line.charAt(j) != ' ') {
        break;
      }
      i = j + 1;
    }
    // the title proper ends before "at"/"within"/"in"/"on"; keep a short unit after it
    int cut = -1;
    for (int k = 0; k < words.size(); k++) {
      String lw = words.get(k).toLowerCase(Locale.ROOT);
      if (lw.equals("at") || lw.equals("within") || lw.equals("in") || lw.equals("on")
          || lw.equals("for") || lw.equals("with") || lw.equals("joining")) {
        cut = k;
        break;
      }
    }
    List<String> core = cut < 0 ? words : words.subList(0, cut);
    boolean noun = false;
    for (String w : core) {
      if (ROLE_NOUNS.contains(w.toLowerCase(Locale.ROOT))) {
        noun = true;
      }
    }
    if (!noun || core.isEmpty() || core.size() > 8) {
      return null;
    }
    StringBuilder b = new StringBuilder(String.join(" ", core));
    if (cut >= 0 && cut + 1 < words.size()) {
      List<String> unit = new ArrayList<>();
      for (int k = cut + 1; k < words.size() && unit.size() < 4; k++) {
        String w = words.get(k);
        if (w.equalsIgnoreCase("our") || w.equalsIgnoreCase("the")) {
          continue;
        }
        if (!Character.isUpperCase(w.charAt(0))) {
          break;
        }
        unit.add(w);
      }
      if (!unit.isEmpty()) {
        b.append(" @").append(String.join(" ", unit));
      }
    }
    return b.toString();
  }

  private static String tidyTitle(String t) {
    String c = TextLayout.collapse(t);
    boolean upper = c.chars().anyMatch(Character::isLetter) && c.chars().noneMatch(Character::isLowerCase);
    if (!upper || c.length() < 6) {
      return c;
    }
    // "CLINICAL DATA SCIENTIST" reads as "Clinical Data Scientist"; short words like "II", "ML" stay
    StringBuilder b = new StringBuilder();
    for (String w : c.split(" ")) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(w.length() <= 2 || w.equals("III") ? w
          : w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT));
    }
    return b.toString();
  }

  /** Final titles: organisation units, made-up titles for blocks without one, duplicates told apart. */
  private void titles(List<Block> blocks, String text, String org) {
    for (Block b : blocks) {
      String t = b.title;
      int at = t.indexOf(" @");
      if (at >= 0) {
        String unit = t.substring(at + 2);
        String core = t.substring(0, at);
        t = unit.equalsIgnoreCase(org) || org.isEmpty() && unit.split(" ").length == 1
            ? core : core + ", " + unit;
      }
      if (t.isBlank()) {
        t = madeUpTitle(b);
      }
      b.title = capitalise(t);
      b.type = employmentType(b.title + " " + b.intro);
    }
    Map<String, List<Block>> byTitle = new HashMap<>();
    for (Block b : blocks) {
      byTitle.computeIfAbsent(b.title.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(b);
    }
    for (List<Block> same : byTitle.values()) {
      if (same.size() < 2) {
        continue;
      }
      for (Block b : same) {
        String d = distinguishingDegree(b);
        if (d != null) {
          b.title = b.title + ", " + d;
        }
      }
    }
  }

  private static String distinguishingDegree(Block b) {
    for (Requirement r : b.requirements) {
      if (r.kind() == Kind.DEGREE && r.importance() == Importance.REQUIRED && r.minDegree() != null) {
        return switch (r.minDegree()) {
          case PHD -> "PhD";
          case MASTER -> "Master's";
          case BACHELOR -> "Bachelor's";
          default -> null;
        };
      }
    }
    return null;
  }

  private static final String[][] DOMAINS = {
    {"software engineering", "Software Engineer"}, {"software engineer", "Software Engineer"},
    {"machine learning", "Machine Learning"}, {"data science", "Data Science"},
    {"research", "Research"}, {"sales", "Sales"}, {"marketing", "Marketing"},
    {"engineering", "Engineering"}, {"design", "Design"}, {"product management", "Product"},
    {"finance", "Finance"}, {"data analy", "Data Analyst"}
  };

  /** A title made from a block's own words: its domain and whether it is an internship. */
  private static String madeUpTitle(Block b) {
    String intro = b.intro.toString().toLowerCase(Locale.ROOT);
    boolean intern = intro.contains("intern") || intro.contains("pintern");
    String domain = null;
    int best = Integer.MAX_VALUE;
    for (String[] d : DOMAINS) {
      int i = intro.indexOf(d[0]);
      if (i >= 0 && i < best) {
        best = i;
        domain = d[1];
      }
    }
    String reqText = requirementText(b).toLowerCase(Locale.ROOT);
    if (reqText.contains("software engineering") && !intern) {
      domain = "Software Engineer";
    }
    if (domain == null) {
      return intern ? "Intern" : "Untitled role";
    }
    if (domain.endsWith("Engineer") || domain.endsWith("Analyst")) {
      return intern ? domain + "ing Intern" : domain;
    }
    if (intern) {
      return domain + " Intern";
    }
    return switch (domain) {
      case "Engineering" -> "Engineer";
      case "Data Science" -> "Data Scientist";
      case "Research" -> "Researcher";
      case "Machine Learning" -> "Machine Learning Engineer";
      default -> domain + " Associate";
    };
  }

  private static String requirementText(Block b) {
    StringBuilder s = new StringBuilder();
    for (Requirement r : b.requirements) {
      s.append(r.text()).append(' ');
    }
    return s.toString();
  }

  static EmploymentType employmentType(String titleAndIntro) {
    String t = titleAndIntro.toLowerCase(Locale.ROOT);
    int nl = t.indexOf('\n');
    String title = nl < 0 ? t : t.substring(0, nl);
    if ((title.contains("intern") && (title.contains("university grad") || title.contains("new grad")))
        || t.contains("intern or university grad") || t.contains("intern or new grad")) {
      return EmploymentType.UNKNOWN;
    }
    if (title.contains("intern") || title.contains("co-op") || title.contains("apprentice")) {
      return EmploymentType.INTERNSHIP;
    }
    if (title.contains("contract") || t.contains("contract role") || t.contains("contract position")) {
      return EmploymentType.CONTRACT;
    }
    if (title.contains("part-time") || title.contains("part time")) {
      return EmploymentType.PART_TIME;
    }
    if (t.contains("internship program") || t.contains("throughout your internship")
        || t.contains("summer internship")) {
      return EmploymentType.INTERNSHIP;
    }
    return EmploymentType.FULL_TIME;
  }

  static boolean similar(String a, String b) {
    Set<String> x = titleWords(a);
    Set<String> y = titleWords(b);
    if (x.isEmpty() || y.isEmpty()) {
      return false;
    }
    Set<String> both = new LinkedHashSet<>(x);
    both.retainAll(y);
    Set<String> any = new LinkedHashSet<>(x);
    any.addAll(y);
    return both.size() * 2 >= any.size() || y.containsAll(x) || x.containsAll(y);
  }

  private static Set<String> titleWords(String t) {
    Set<String> s = new LinkedHashSet<>();
    int at = t.indexOf(" @");
    String core = at >= 0 ? t.substring(0, at) : t;
    for (String w : ConceptExtractor.words(core)) {
      String lw = w.toLowerCase(Locale.ROOT);
      if (!lw.equals("the") && !lw.equals("a") && !lw.equals("an") && !lw.equals("of")
          && !lw.equals("and") && !lw.equals("at")) {
        s.add(lw);
      }
    }
    return s;
  }

  private static String capitalise(String t) {
    StringBuilder b = new StringBuilder(t.length());
    boolean start = true;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (start && Character.isLowerCase(c)) {
        String rest = t.substring(i);
        boolean small = rest.startsWith("or ") || rest.startsWith("and ") || rest.startsWith("of ")
            || rest.startsWith("at ") || rest.startsWith("in ") || rest.startsWith("for ");
        b.append(small ? c : Character.toUpperCase(c));
      } else {
        b.append(c);
      }
      start = c == ' ' || c == '/' || c == '-';
    }
    return b.toString();
  }

  /** The organisation the page is about, from "About X", "X is an equal opportunity employer", ... */
  static String organisation(List<Line> lines) {
    Map<String, Integer> votes = new HashMap<>();
    for (Line l : lines) {
      String c = l.content();
      if (c.length() > 2000) {
        continue;
      }
      vote(votes, after(c, "About ", true), 3);
      vote(votes, before(c, " is an equal opportunity employer"), 3);
      vote(votes, before(c, " is an Equal Opportunity Employer"), 3);
      vote(votes, after(c, "Logo of ", true), 2);
      vote(votes, after(c, "At ", false), 1);
      vote(votes, after(c, "Join ", false), 1);
      vote(votes, after(c, "What is ", false), 1);
    }
    String best = "";
    int bestVotes = 0;
    for (Map.Entry<String, Integer> e : votes.entrySet()) {
      if (e.getValue() > bestVotes || (e.getValue() == bestVotes && e.getKey().compareTo(best) < 0)) {
        best = e.getKey();
        bestVotes = e.getValue();
      }
    }
    return bestVotes >= 2 ? best : "";
  }

  private static void vote(Map<String, Integer> votes, String name, int weight) {
    if (name != null && !name.isEmpty()) {
      votes.merge(name, weight, Integer::sum);
    }
  }

  private static String after(String line, String prefix, boolean wholeLine) {
    if (!line.startsWith(prefix)) {
      return null;
    }
    String rest = line.substring(prefix.length());
    int end = 0;
    while (end < rest.length() && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '&'
        || rest.charAt(end) == '-')) {
      end++;
    }
    if (end == 0 || !Character.isUpperCase(rest.charAt(0))) {
      return null;
    }
    String name = rest.substring(0, end);
    String tail = rest.substring(end).strip();
    if (wholeLine && !(tail.isEmpty() || tail.equals(":") || tail.equals("?"))) {
      return null;
    }
    if (Set.of("Us", "The", "This", "Our", "You", "Your", "Least", "Now", "A", "An").contains(name)) {
      return null;
    }
    return name;
  }

  private static String before(String line, String suffix) {
    int i = line.indexOf(suffix);
    if (i <= 0) {
      return null;
    }
    // walk back over up to four capitalised words: "Riverbend Commerce", "Harbor & Pine"
    int s = i;
    int words = 0;
    while (s > 0 && words < 4) {
      int e = s;
      int b = e;
      while (b > 0 && (Character.isLetterOrDigit(line.charAt(b - 1)) || line.charAt(b - 1) == '&'
          || line.charAt(b - 1) == '-')) {
        b--;
      }
      if (b == e || !(Character.isUpperCase(line.charAt(b)) || line.charAt(b) == '&')) {
        break;
      }
      s = b;
      words++;
      if (s > 0 && line.charAt(s - 1) == ' ') {
        s--;
      } else {
        break;
      }
    }
    String name = line.substring(s, i).strip();
    return name.isEmpty() || !Character.isUpperCase(name.charAt(0)) ? null : name;
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  /** The lowest degree level a role requires, if any (used in titles and summaries). */
  static Optional<DegreeLevel> minDegree(Role role) {
    for (Requirement r : role.requirements()) {
      if (r.kind() == Kind.DEGREE && r.minDegree() != null) {
        return Optional.of(r.minDegree());
      }
    }
    return Optional.empty();
  }
}
