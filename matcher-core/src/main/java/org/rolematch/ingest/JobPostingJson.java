package org.rolematch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.StringEscapeUtils;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.EmploymentType;
import org.rolematch.model.Evidence;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.model.SalaryRange;

/**
 * Reads schema.org {@code JobPosting} JSON-LD: a {@code .json} file, or the {@code
 * application/ld+json} block of a saved HTML page. Structured fields map directly ({@code title},
 * {@code employmentType}, {@code jobLocation}, {@code jobLocationType}, {@code
 * applicantLocationRequirements}, {@code baseSalary}, {@code educationRequirements} credential
 * category, {@code experienceRequirements} months); free-text fields ({@code qualifications},
 * {@code skills}, {@code description}) go through the same clause extraction as plain-text pages.
 *
 * <p>Limits: those of the parser's {@link ParseLimits} (nesting depth, number length, document
 * and string size, postings per page); a page with several postings (an array, or an {@code
 * @graph}) gives one role per posting.
 */
final class JobPostingJson {
  private JobPostingJson() {}

  static ParsedPosting read(String json, String source, String idStem, PostingParser parser)
      throws ParseException {
    ParseLimits limits = parser.limits();
    JsonNode root;
    try {
      root = JsonLimits.mapper(limits, ParseLimits.Limit.DOCUMENT_BYTES).readTree(json);
    } catch (StreamConstraintsException e) {
      throw new ParseException(source, 0, JsonLimits.message(e, limits,
          ParseLimits.Limit.DOCUMENT_BYTES), e);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ParseException(source, line, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new ParseException(source, 0, "the file holds no JSON value; expected a JobPosting object");
    }
    List<JsonNode> postings = new ArrayList<>();
    collect(root, postings, 0, limits.maxJsonDepth());
    if (postings.size() > limits.maxItems()) {
      throw new ParseException(source, 0, limits.overLimit(ParseLimits.Limit.ITEMS,
          "the page holds " + postings.size() + " JobPosting objects"));
    }
    if (postings.isEmpty()) {
      throw new ParseException(
          source, 0, "no object with \"@type\": \"JobPosting\" was found; give schema.org JobPosting JSON-LD");
    }
    List<Role> roles = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (JsonNode p : postings) {
      roles.add(role(p, idStem + "#" + (roles.size() + 1), parser, source, notes));
    }
    List<ProxyLint.Warning> warnings = new ArrayList<>();
    for (Role r : roles) {
      warnings.addAll(ProxyLint.check(r.sourceText()));
      for (org.rolematch.model.Requirement q : r.requirements()) {
        if (!r.sourceText().contains(q.text())) {
          warnings.addAll(ProxyLint.check(q.text()));
        }
      }
    }
    return new ParsedPosting(idStem, roles, notes, warnings);
  }

  static ParsedPosting readHtml(String html, String source, String idStem, PostingParser parser)
      throws ParseException {
    List<String> blocks = new ArrayList<>();
    String lower = html.toLowerCase(Locale.ROOT);
    int i = 0;
    while (true) {
      int s = lower.indexOf("application/ld+json", i);
      if (s < 0) {
        break;
      }
      int open = lower.indexOf('>', s);
      int close = open < 0 ? -1 : lower.indexOf("</script", open);
      if (open < 0 || close < 0) {
        break;
      }
      blocks.add(html.substring(open + 1, close));
      i = close;
    }
    for (String b : blocks) {
      try {
        ParsedPosting p = read(b, source, idStem, parser);
        if (!p.roles().isEmpty()) {
          return p;
        }
      } catch (ParseException e) {
        // try the next block; a page may carry other JSON-LD (breadcrumbs, organisation)
      }
    }
    // no usable JSON-LD: read the page's text
    ParsedPosting p = parser.parse(htmlToText(html), idStem);
    List<String> notes = new ArrayList<>(p.notes());
    notes.add(blocks.isEmpty()
        ? "the HTML page has no JSON-LD block; its visible text was read instead"
        : "no JSON-LD block of the page holds a JobPosting; its visible text was read instead");
    return new ParsedPosting(p.source(), p.roles(), notes, p.warnings());
  }

  private static void collect(JsonNode n, List<JsonNode> out, int depth, int maxDepth) {
    if (n == null || depth > maxDepth) {
      return;
    }
    if (n.isArray()) {
      for (JsonNode e : n) {
        collect(e, out, depth + 1, maxDepth);
      }
      return;
    }
    if (!n.isObject()) {
      return;
    }
    if (isJobPosting(n.get("@type"))) {
      out.add(n);
      return;
    }
    collect(n.get("@graph"), out, depth + 1, maxDepth);
  }

  private static boolean isJobPosting(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if ("JobPosting".equals(t.asText())) {
          return true;
        }
      }
      return false;
    }
    return "JobPosting".equals(type.asText());
  }

  private static Role role(
      JsonNode p, String id, PostingParser parser, String source, List<String> notes)
      throws ParseException {
    String title = htmlToText(text(p.get("title"))).strip();
    if (title.isEmpty()) {
      title = "Untitled role";
      notes.add("a JobPosting has no title");
    }
    String org = "";
    JsonNode h = p.get("hiringOrganization");
    if (h != null) {
      org = h.isObject() ? text(h.get("name")) : text(h);
    }
    EmploymentType type = employmentType(p.get("employmentType"), title);
    Set<String> locations = new LinkedHashSet<>();
    if ("TELECOMMUTE".equalsIgnoreCase(text(p.get("jobLocationType")))) {
      locations.add("remote");
    }
    for (JsonNode loc : list(p.get("jobLocation"))) {
      String place = place(loc);
      if (!place.isEmpty()) {
        locations.add(place);
      }
    }
    List<Requirement> reqs = new ArrayList<>();
    List<String> applicantPlaces = new ArrayList<>();
    for (JsonNode a : list(p.get("applicantLocationRequirements"))) {
      String place = a.isObject() ? text(a.get("name")) : text(a);
      if (!place.isEmpty()) {
        applicantPlaces.add(place);
        locations.add("applicants in " + place);
      }
    }
    if (!applicantPlaces.isEmpty()) {
      List<String> ids = new ArrayList<>();
      for (String place : applicantPlaces) {
        List<String> found = parser.extractor().taxonomy().lookup(place);
        ids.add(found.isEmpty() ? place.toLowerCase(Locale.ROOT) : found.get(0));
      }
      reqs.add(Requirement.anyOf("r", Kind.LOCATION, Importance.REQUIRED, ids,
          Evidence.of("applicantLocationRequirements: " + String.join(", ", applicantPlaces))));
    }
    for (JsonNode e : list(p.get("educationRequirements"))) {
      String cat = e.isObject() ? text(e.get("credentialCategory")) : "";
      String free = e.isObject() ? "" : htmlToText(text(e));
      DegreeLevel level = credential(cat);
      if (level != null) {
        reqs.add(new Requirement("r", Kind.DEGREE, Importance.REQUIRED, List.of(level.wireName()), 1,
            level, type == EmploymentType.INTERNSHIP ? DegreeStatus.IN_PROGRESS : DegreeStatus.COMPLETED,
            0, false, Evidence.of("educationRequirements: " + cat)));
      } else if (!free.isBlank()) {
        reqs.addAll(parser.requirements(free, Importance.REQUIRED, type));
      }
    }
    for (JsonNode e : list(p.get("experienceRequirements"))) {
      if (e.isObject() && e.has("monthsOfExperience")) {
        JsonNode m = e.get("monthsOfExperience");
        if (!m.isNumber() && !m.isTextual()) {
          throw new ParseException(source, 0, "experienceRequirements.monthsOfExperience is "
              + m.getNodeType() + ", expected a number of months");
        }
        double months = m.asDouble(-1);
        if (!(months >= 0) || months > 1200) {
          throw new ParseException(source, 0, "experienceRequirements.monthsOfExperience is "
              + m.asText() + ", expected a number of months between 0 and 1200");
        }
        int years = (int) Math.round(months / 12.0);
        if (years > 0) {
          reqs.add(new Requirement("r", Kind.EXPERIENCE_YEARS, Importance.REQUIRED, List.of(), 1, null,
              null, years, false, Evidence.of("experienceRequirements: " + (int) months + " months")));
        }
      } else {
        String free = htmlToText(e.isObject() ? text(e.get("description")) : text(e));
        if (!free.isBlank()) {
          reqs.addAll(parser.requirements(free, Importance.REQUIRED, type));
        }
      }
    }
    StringBuilder skills = new StringBuilder();
    for (JsonNode s : list(p.get("skills"))) {
      String t = s.isObject() ? text(s.get("name")) : htmlToText(text(s));
      for (String part : t.split("[,;\n]")) { // a tag list: one skill per item
        if (!part.isBlank()) {
          skills.append(part.strip()).append('\n');
        }
      }
    }
    if (skills.length() > 0) {
      reqs.addAll(parser.requirements(skills.toString(), Importance.REQUIRED, type));
    }
    String quals = htmlToText(text(p.get("qualifications")));
    if (!quals.isBlank()) {
      reqs.addAll(parser.requirements(quals, Importance.REQUIRED, type));
    }
    String description = htmlToText(text(p.get("description")));
    Optional<SalaryRange> salary = salary(p.get("baseSalary"));
    if (!description.isBlank()) {
      ParsedPosting d;
      try {
        d = parser.parse(description, id);
      } catch (ParseException e) {
        // name the document, as every ParseException of this reader does, and the posting in it
        String m = e.getMessage();
        String why = m.startsWith(e.source()) ? m.substring(m.indexOf(": ", e.source().length()) + 2) : m;
        throw new ParseException(source, 0, "the description of posting " + id + " cannot be read: "
            + why, e);
      }
      for (Role r : d.roles()) {
        reqs.addAll(r.requirements());
        locations.addAll(r.locationConstraints());
        if (salary.isEmpty()) {
          salary = r.salary();
        }
      }
    }
    List<Requirement> numbered = new ArrayList<>();
    for (Requirement r : reqs) {
      numbered.add(r.withId("r" + (numbered.size() + 1)));
    }
    return new Role(id, title, org, type, List.copyOf(locations), salary, numbered, description);
  }

  private static DegreeLevel credential(String cat) {
    String c = cat.toLowerCase(Locale.ROOT);
    if (c.isEmpty()) {
      return null;
    }
    if (c.contains("doctor") || c.contains("phd") || c.contains("postgraduate")) {
      return c.contains("postgraduate") ? DegreeLevel.MASTER : DegreeLevel.PHD;
    }
    if (c.contains("master")) {
      return DegreeLevel.MASTER;
    }
    if (c.contains("bachelor")) {
      return DegreeLevel.BACHELOR;
    }
    if (c.contains("associate")) {
      return DegreeLevel.ASSOCIATE;
    }
    return null;
  }

  private static EmploymentType employmentType(JsonNode n, String title) {
    for (JsonNode t : list(n)) {
      switch (text(t).toUpperCase(Locale.ROOT).replace('-', '_')) {
        case "INTERN", "INTERNSHIP" -> {
          return EmploymentType.INTERNSHIP;
        }
        case "FULL_TIME" -> {
          return title.toLowerCase(Locale.ROOT).contains("intern")
              ? EmploymentType.INTERNSHIP : EmploymentType.FULL_TIME;
        }
        case "PART_TIME" -> {
          return EmploymentType.PART_TIME;
        }
        case "CONTRACTOR", "CONTRACT", "TEMPORARY" -> {
          return EmploymentType.CONTRACT;
        }
        default -> { }
      }
    }
    return PostingParser.employmentType(title);
  }

  private static Optional<SalaryRange> salary(JsonNode n) {
    if (n == null || !n.isObject()) {
      return Optional.empty();
    }
    String currency = text(n.get("currency"));
    JsonNode v = n.get("value");
    double min;
    double max;
    String unit = "";
    if (v != null && v.isObject()) {
      min = v.has("minValue") ? v.get("minValue").asDouble(-1) : v.path("value").asDouble(-1);
      max = v.has("maxValue") ? v.get("maxValue").asDouble(-1) : min;
      unit = text(v.get("unitText"));
    } else if (v != null && v.isNumber()) {
      min = v.asDouble();
      max = min;
    } else {
      return Optional.empty();
    }
    if (!(min >= 0) || !(max >= min) || Double.isInfinite(max)) {
      return Optional.empty();
    }
    String period = switch (unit.toUpperCase(Locale.ROOT)) {
      case "HOUR" -> "hour";
      case "MONTH" -> "month";
      case "YEAR" -> "year";
      case "WEEK" -> "week";
      case "DAY" -> "day";
      default -> "unknown";
    };
    return Optional.of(new SalaryRange(min, max, currency.isEmpty() ? "USD" : currency, period));
  }

  private static String place(JsonNode loc) {
    if (loc == null) {
      return "";
    }
    if (!loc.isObject()) {
      return text(loc);
    }
    JsonNode a = loc.get("address");
    if (a == null) {
      return text(loc.get("name"));
    }
    if (!a.isObject()) {
      return text(a);
    }
    List<String> parts = new ArrayList<>();
    for (String f : new String[] {"addressLocality", "addressRegion", "addressCountry"}) {
      JsonNode x = a.get(f);
      String t = x != null && x.isObject() ? text(x.get("name")) : text(x);
      if (!t.isBlank()) {
        parts.add(t);
      }
    }
    return String.join(", ", parts);
  }

  private static List<JsonNode> list(JsonNode n) {
    List<JsonNode> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isArray()) {
      n.forEach(out::add);
    } else {
      out.add(n);
    }
    return out;
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() || n.isContainerNode() ? "" : n.asText();
  }

  /** Visible text of an HTML fragment: list items as bullets, blocks as lines, entities decoded. */
  static String htmlToText(String html) {
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return html;
    }
    StringBuilder b = new StringBuilder(html.length());
    int i = 0;
    int n = html.length();
    boolean skip = false;
    while (i < n) {
      char c = html.charAt(i);
      if (c == '<') {
        int close = html.indexOf('>', i);
        if (close < 0) {
          break;
        }
        String tag = html.substring(i + 1, Math.min(close, i + 12)).toLowerCase(Locale.ROOT);
        if (tag.startsWith("script") || tag.startsWith("style")) {
          skip = true;
        } else if (tag.startsWith("/script") || tag.startsWith("/style")) {
          skip = false;
        } else if (tag.startsWith("li")) {
          b.append("\n\u2022 ");
        } else if (tag.startsWith("br") || tag.startsWith("/p") || tag.startsWith("p")
            || tag.startsWith("/li") || tag.startsWith("div") || tag.startsWith("/div")
            || tag.startsWith("/ul") || tag.startsWith("ul") || tag.startsWith("h")
            || tag.startsWith("/h") || tag.startsWith("tr")) {
          b.append('\n');
        }
        i = close + 1;
        continue;
      }
      if (!skip) {
        b.append(c);
      }
      i++;
    }
    String visible = b.toString();
    try {
      return StringEscapeUtils.unescapeHtml4(visible);
    } catch (IllegalArgumentException e) {
      // a numeric entity beyond U+10FFFF ("&#x1F6A00;") makes commons-text throw; keep numeric
      // entities as written then, and decode the named ones
      return StringEscapeUtils.unescapeHtml4(visible.replace("&#", "&amp;#"));
    }
  }
}
