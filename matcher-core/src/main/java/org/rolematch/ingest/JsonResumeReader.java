package org.rolematch.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Degree;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Evidence;
import org.rolematch.model.Position;
import org.rolematch.model.Skill;

/**
 * Reads JSON Resume documents (jsonresume.org schema) into profiles.
 *
 * <p>What is read: {@code basics.location} (city and region only), {@code basics.label} and
 * {@code basics.summary} (for concepts), {@code work} and {@code volunteer} (positions), {@code
 * education} ({@code studyType}, {@code area}, {@code startDate}, {@code endDate}, {@code
 * courses}), {@code skills} ({@code name}, {@code keywords}), {@code publications} (count,
 * {@code publisher} as venue), {@code projects}, {@code awards} and {@code certificates} (for
 * concepts). Not read: {@code basics.name} (used only to mask the name elsewhere), {@code email},
 * {@code phone}, {@code url}, {@code image}, {@code profiles}, {@code languages} (spoken
 * languages, not programming languages), {@code interests}, {@code references}. Unknown fields
 * are ignored.
 *
 * <p>Wrong shapes are errors that name the field and what was expected ({@code
 * "work[2].startDate must be a date written YYYY, YYYY-MM or YYYY-MM-DD"}); messages never quote
 * the document's values.
 */
final class JsonResumeReader {
  private JsonResumeReader() {}

  static ResumeParser.Result read(String id, String source, byte[] bytes, ResumeParser parser)
      throws ParseException {
    ParseLimits limits = parser.limits();
    String text = TextGuard.decode(bytes, source, limits);
    if (ResumeDocument.blank(text)) {
      throw new ParseException(source, 0,
          "the JSON Resume document is empty; give a JSON object such as {\"basics\": {...},"
              + " \"work\": [...]}");
    }
    ObjectMapper mapper = JsonLimits.mapper(limits, ParseLimits.Limit.DOCUMENT_BYTES).copy();
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    JsonNode root;
    try {
      root = mapper.readTree(text);
    } catch (StreamConstraintsException e) {
      String what = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
      String hint = what.contains("nesting") ? " (a JSON Resume document needs fewer than 6)" : "";
      throw new ParseException(source, 0,
          JsonLimits.message(e, limits, ParseLimits.Limit.DOCUMENT_BYTES) + hint, e);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : loc.getLineNr();
      int col = loc == null ? 0 : loc.getColumnNr();
      throw new ParseException(source, Math.max(line, 0), "not valid JSON at line " + line
          + ", column " + col + ": " + reason(e.getOriginalMessage())
          + "; fix the JSON (a validator such as 'python3 -m json.tool' shows where)",
          withoutContent(e, line, col));
    }
    if (root == null || root.isMissingNode()) {
      throw new ParseException(source, 0, "the JSON Resume document is empty");
    }
    if (!root.isObject()) {
      throw new ParseException(source, 0, "expected a JSON object at the top level (a JSON Resume"
          + " document with basics, work, education, skills, ...), got " + type(root));
    }
    return new JsonResumeReader.Reading(id, source, root, parser).run();
  }

  /**
   * Jackson's exception with its message replaced: Jackson quotes the offending token ("Unrecognized
   * token 'Jane'"), which in a resume can be a name or an e-mail address, and a logger that prints
   * the cause chain would print it. The type, the position, our safe reason and the stack trace are
   * kept.
   */
  static Exception withoutContent(JsonProcessingException e, int line, int column) {
    Exception safe = new java.io.IOException(e.getClass().getName() + " at line " + line
        + ", column " + column + ": " + reason(e.getOriginalMessage())
        + " (the parser's own message is withheld: it may quote the resume)");
    safe.setStackTrace(e.getStackTrace());
    return safe;
  }

  /** A safe description of Jackson's complaint, without the document's content. */
  static String reason(String original) {
    String m = original == null ? "" : original;
    if (m.startsWith("Unexpected end-of-input")) {
      return "the document ends too early (an object, array or string is not closed)";
    }
    if (m.startsWith("Unexpected character")) {
      return "an unexpected character (a missing comma, colon or quote?)";
    }
    if (m.startsWith("Unrecognized token")) {
      return "a word that is not a JSON value (strings need double quotes)";
    }
    if (m.startsWith("Illegal unquoted character")) {
      return "a control character inside a string (escape it, e.g. \\n)";
    }
    if (m.startsWith("Trailing token")) {
      return "more content after the top-level object";
    }
    if (m.startsWith("Duplicate field")) {
      return "a field appears twice in one object";
    }
    return "malformed JSON";
  }

  static String type(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "an array";
    }
    if (n.isTextual()) {
      return "a string";
    }
    if (n.isNumber()) {
      return "a number";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    return n.isNull() ? "null" : "a value";
  }

  /** A piece of text of the document and the field it came from. */
  private record Fragment(String path, String text) {}

  private static final class Reading {
    private final String id;
    private final String source;
    private final JsonNode root;
    private final ResumeParser parser;
    private final List<Fragment> fragments = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> claims = new ArrayList<>();

    Reading(String id, String source, JsonNode root, ResumeParser parser) {
      this.id = id;
      this.source = source;
      this.root = root;
      this.parser = parser;
    }

    ResumeParser.Result run() throws ParseException {
      LocalDate asOf = parser.asOf();
      JsonNode basics = object(root, "basics", "basics");
      List<String> name = new ArrayList<>();
      String location = null;
      if (basics != null) {
        String full = string(basics, "name", "basics.name");
        if (full != null) {
          name.addAll(ResumeDocument.spaceWords(full.length() > 200 ? full.substring(0, 200)
              : full));
        }
        JsonNode loc = object(basics, "location", "basics.location");
        if (loc != null) {
          String city = string(loc, "city", "basics.location.city");
          String region = string(loc, "region", "basics.location.region");
          String country = string(loc, "countryCode", "basics.location.countryCode");
          if (city != null && !city.isBlank()) {
            String r = region != null && !region.isBlank() ? region.strip()
                : country != null && !country.isBlank() ? country.strip() : null;
            location = r == null ? city.strip() : city.strip() + ", " + r;
          }
        }
        // the label and summary are read for statements (work authorisation, a publication
        // count), not for skills: as in plain text, a summary's claims are not skills
        claims.add(string(basics, "label", "basics.label"));
        claims.add(string(basics, "summary", "basics.summary"));
      }

      // education first: periods of study decide how jobs held while studying count
      List<Degree> degrees = new ArrayList<>();
      List<double[]> study = new ArrayList<>();
      JsonNode education = array(root, "education", "education");
      if (education != null) {
        for (int i = 0; i < education.size(); i++) {
          String path = "education[" + i + "]";
          JsonNode e = element(education, i, path);
          String studyType = string(e, "studyType", path + ".studyType");
          String area = string(e, "area", path + ".area");
          YearMonth start = date(e, "startDate", path + ".startDate");
          YearMonth end = date(e, "endDate", path + ".endDate");
          List<String> courses = strings(e, "courses", path + ".courses");
          if (!courses.isEmpty()) {
            add(path + ".courses", String.join(", ", courses));
          }
          if ((studyType == null || studyType.isBlank()) && (area == null || area.isBlank())) {
            continue;
          }
          DegreeLevel level = level(studyType);
          if (level == null) {
            notes.add(path + ": studyType is not a degree this parser knows (high school?);"
                + " skipped");
            continue;
          }
          YearMonth clock = YearMonth.from(asOf);
          DegreeStatus status;
          if (end == null) {
            status = start != null && !start.isAfter(clock) ? DegreeStatus.IN_PROGRESS
                : DegreeStatus.COMPLETED;
          } else {
            status = end.isBefore(clock) ? DegreeStatus.COMPLETED : DegreeStatus.IN_PROGRESS;
          }
          String field = area == null ? "" : ResumeDegrees.normaliseField(
              area, parser.taxonomy(), parser.extractor());
          String shown = ((studyType == null ? "" : studyType) + (area == null ? "" : " " + area))
              .strip();
          degrees.add(new Degree(level, field, status,
              end == null ? OptionalInt.empty() : OptionalInt.of(end.getYear()),
              Evidence.of(shown)));
          YearMonth se = end != null ? end : status == DegreeStatus.IN_PROGRESS ? clock : null;
          YearMonth ss = start != null ? start
              : se == null ? null : se.minusYears(ResumeDegrees.nominalYears(level)).withMonth(1);
          if (ss != null && se != null && !se.isBefore(ss)) {
            study.add(new double[] {ResumeDates.monthIndex(ss), ResumeDates.monthIndex(se) + 1});
          }
        }
      }

      List<Position> positions = new ArrayList<>();
      positions(root, "work", "name", false, study, positions);
      positions(root, "volunteer", "organization", true, study, positions);
      int internships = 0;
      for (Position p : positions) {
        if (p.type() == Position.PositionType.INTERNSHIP) {
          internships++;
        }
      }

      JsonNode skills = array(root, "skills", "skills");
      if (skills != null) {
        for (int i = 0; i < skills.size(); i++) {
          String path = "skills[" + i + "]";
          JsonNode s = element(skills, i, path);
          String n = string(s, "name", path + ".name");
          List<String> kws = strings(s, "keywords", path + ".keywords");
          StringBuilder b = new StringBuilder(n == null ? "" : n);
          if (!kws.isEmpty()) {
            b.append(b.length() > 0 ? ": " : "").append(String.join(", ", kws));
          }
          add(path, b.toString());
        }
      }

      int publications = 0;
      LinkedHashSet<String> venues = new LinkedHashSet<>();
      JsonNode pubs = array(root, "publications", "publications");
      if (pubs != null) {
        for (int i = 0; i < pubs.size(); i++) {
          String path = "publications[" + i + "]";
          JsonNode p = element(pubs, i, path);
          publications++;
          String publisher = string(p, "publisher", path + ".publisher");
          if (publisher != null && !publisher.isBlank()) {
            venues.add(publisher.strip());
          }
          date(p, "releaseDate", path + ".releaseDate");
          add(path + ".name", string(p, "name", path + ".name"));
          add(path + ".summary", string(p, "summary", path + ".summary"));
        }
      }

      JsonNode projects = array(root, "projects", "projects");
      if (projects != null) {
        for (int i = 0; i < projects.size(); i++) {
          String path = "projects[" + i + "]";
          JsonNode p = element(projects, i, path);
          add(path + ".name", string(p, "name", path + ".name"));
          add(path + ".description", string(p, "description", path + ".description"));
          for (String h : strings(p, "highlights", path + ".highlights")) {
            add(path + ".highlights", h);
          }
          List<String> kws = strings(p, "keywords", path + ".keywords");
          if (!kws.isEmpty()) {
            add(path + ".keywords", String.join(", ", kws));
          }
        }
      }
      for (String section : List.of("awards", "certificates")) {
        JsonNode arr = array(root, section, section);
        if (arr == null) {
          continue;
        }
        for (int i = 0; i < arr.size(); i++) {
          String path = section + "[" + i + "]";
          JsonNode a = element(arr, i, path);
          add(path, string(a, section.equals("awards") ? "title" : "name",
              path + (section.equals("awards") ? ".title" : ".name")));
          add(path + ".summary", string(a, "summary", path + ".summary"));
        }
      }
      // "languages" are spoken languages and "references" name other people: neither is read
      JsonNode languages = root.get("languages");
      if (languages != null && !languages.isArray() && !languages.isNull()) {
        throw shape("languages", "an array", languages);
      }

      // one text of all fragments, with personal data masked the same way as plain text
      StringBuilder all = new StringBuilder();
      for (Fragment f : fragments) {
        all.append(f.text().replace('\n', ' ').replace('\r', ' ')).append('\n');
      }
      int skillLines = fragments.size();
      for (String c : claims) {
        if (c != null && !c.isBlank()) {
          all.append(c.replace('\n', ' ').replace('\r', ' ')).append('\n');
        }
      }
      ResumeDocument doc = ResumeDocument.withKnownName(all.toString(),
          ResumeParser.DEFAULT_MAX_LINE_CHARS * 100, name, parser::conceptWord);
      List<Integer> order = new ArrayList<>();
      for (int k = 0; k < doc.lines.size() && k < skillLines; k++) {
        order.add(k);
      }
      List<Skill> found = ResumeConcepts.read(doc, order, new BitSet(), new BitSet(),
          parser.extractor());
      List<Skill> skillList = new ArrayList<>();
      for (Skill s : found) {
        skillList.add(new Skill(s.concept(), s.kind(), s.years(), Evidence.of(s.evidence().text())));
      }
      String home = location == null ? null
          : ResumeLocation.find(location) != null ? ResumeLocation.country(location) : null;
      LinkedHashSet<String> auth = new LinkedHashSet<>();
      int stated = 0;
      for (ResumeDocument.Line l : doc.lines) {
        String t = doc.text(l);
        for (String c : ResumeLocation.workAuthorizations(t, home)) {
          auth.add(ResumeLocation.conceptFor(c, parser.taxonomy()));
        }
        stated = Math.max(stated, ResumePublications.statedCount(t));
      }
      double years = ResumePositions.years(positions, asOf);
      if (degrees.isEmpty() && positions.isEmpty() && skillList.isEmpty()) {
        notes.add("nothing recognisable was found: no education, no dated work and no known"
            + " skill");
      }
      CandidateProfile profile = new CandidateProfile(id, degrees, positions, years, internships,
          Math.max(publications, stated), List.copyOf(venues), skillList,
          Optional.ofNullable(location), List.copyOf(auth));
      return new ResumeParser.Result(profile, notes);
    }

    private void positions(JsonNode root, String section, String orgField, boolean volunteer,
        List<double[]> study, List<Position> out) throws ParseException {
      JsonNode arr = array(root, section, section);
      if (arr == null) {
        return;
      }
      for (int i = 0; i < arr.size(); i++) {
        String path = section + "[" + i + "]";
        JsonNode w = element(arr, i, path);
        String title = string(w, "position", path + ".position");
        String org = string(w, orgField, path + "." + orgField);
        if (org == null && !volunteer) {
          org = string(w, "company", path + ".company");
        }
        YearMonth start = date(w, "startDate", path + ".startDate");
        YearMonth end = date(w, "endDate", path + ".endDate");
        add(path + ".summary", string(w, "summary", path + ".summary"));
        add(path + ".description", string(w, "description", path + ".description"));
        for (String h : strings(w, "highlights", path + ".highlights")) {
          add(path + ".highlights", h);
        }
        if (start == null) {
          notes.add(path + " has no startDate; it is not counted towards experience");
          continue;
        }
        if (end != null && end.isBefore(start)) {
          notes.add(path + " ends before it starts; read as one month long");
          end = start;
        }
        String t = title == null ? "" : title.strip();
        Position.PositionType type = volunteer ? Position.PositionType.OTHER
            : ResumePositions.type(t, t, ResumeSections.Type.EXPERIENCE, start, end, study,
                parser.asOf());
        out.add(new Position(t, org == null ? "" : org.strip(), start, Optional.ofNullable(end),
            type, Evidence.of(t)));
      }
    }

    private void add(String path, String text) {
      if (text != null && !text.isBlank()) {
        fragments.add(new Fragment(path, text));
      }
    }

    private ParseException shape(String path, String expected, JsonNode got) {
      return new ParseException(source, 0, "field '" + path + "' must be " + expected + ", got "
          + type(got) + "; see https://jsonresume.org/schema");
    }

    private JsonNode object(JsonNode parent, String field, String path) throws ParseException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        return null;
      }
      if (!n.isObject()) {
        throw shape(path, "an object", n);
      }
      return n;
    }

    private JsonNode array(JsonNode parent, String field, String path) throws ParseException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        return null;
      }
      if (!n.isArray()) {
        throw shape(path, "an array of objects", n);
      }
      return n;
    }

    private JsonNode element(JsonNode arr, int i, String path) throws ParseException {
      JsonNode n = arr.get(i);
      if (!n.isObject()) {
        throw shape(path, "an object", n);
      }
      return n;
    }

    private String string(JsonNode parent, String field, String path) throws ParseException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        return null;
      }
      if (n.isTextual()) {
        return n.asText();
      }
      if (n.isNumber() || n.isBoolean()) {
        return n.asText();
      }
      throw shape(path, "a string", n);
    }

    private List<String> strings(JsonNode parent, String field, String path)
        throws ParseException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        return List.of();
      }
      if (!n.isArray()) {
        throw shape(path, "an array of strings", n);
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        JsonNode x = n.get(i);
        if (x.isTextual() || x.isNumber()) {
          out.add(x.asText());
        } else if (!x.isNull()) {
          throw shape(path + "[" + i + "]", "a string", x);
        }
      }
      return out;
    }

    /** A date "YYYY", "YYYY-MM" or "YYYY-MM-DD"; null when absent, empty or "present". */
    private YearMonth date(JsonNode parent, String field, String path) throws ParseException {
      String s = string(parent, field, path);
      if (s == null || s.isBlank()) {
        return null;
      }
      String t = s.strip();
      String lower = t.toLowerCase(Locale.ROOT);
      if (lower.equals("present") || lower.equals("current") || lower.equals("now")) {
        return null;
      }
      YearMonth ym = isoDate(t);
      if (ym == null) {
        throw new ParseException(source, 0, "field '" + path + "' must be a date written YYYY,"
            + " YYYY-MM or YYYY-MM-DD (or left out for 'present')");
      }
      return ym;
    }
  }

  /** "2019", "2019-05", "2019-05-01" (ISO 8601 as the schema asks); null otherwise. */
  static YearMonth isoDate(String t) {
    int n = t.length();
    if (n != 4 && n != 7 && n != 10) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      boolean dash = i == 4 || i == 7;
      if (dash ? c != '-' : (c < '0' || c > '9')) {
        return null;
      }
    }
    int y = Integer.parseInt(t.substring(0, 4));
    int m = n >= 7 ? Integer.parseInt(t.substring(5, 7)) : 1;
    if (y < ResumeDates.MIN_YEAR || y > ResumeDates.MAX_YEAR || m < 1 || m > 12) {
      return null;
    }
    if (n == 10) {
      int d = Integer.parseInt(t.substring(8, 10));
      if (d < 1 || d > YearMonth.of(y, m).lengthOfMonth()) {
        return null;
      }
    }
    return YearMonth.of(y, m);
  }

  /** The degree level a JSON Resume studyType names, or null (high school, unknown). */
  static DegreeLevel level(String studyType) {
    if (studyType == null || studyType.isBlank()) {
      return DegreeLevel.OTHER;
    }
    String lower = studyType.strip().toLowerCase(Locale.ROOT);
    if (lower.contains("high school") || lower.contains("secondary")) {
      return null;
    }
    List<ResumeDegrees.Marker> ms = ResumeDegrees.markers(studyType, true);
    if (!ms.isEmpty()) {
      return ms.get(0).level();
    }
    List<String> words = ResumeSections.words(lower);
    for (String w : words) {
      switch (w) {
        case "phd", "doctorate", "doctoral", "doctor" -> {
          return DegreeLevel.PHD;
        }
        case "master", "masters", "graduate" -> {
          return DegreeLevel.MASTER;
        }
        case "bachelor", "bachelors", "undergraduate", "licence", "licenciatura" -> {
          return DegreeLevel.BACHELOR;
        }
        case "associate", "associates" -> {
          return DegreeLevel.ASSOCIATE;
        }
        default -> { }
      }
    }
    return DegreeLevel.OTHER;
  }
}
