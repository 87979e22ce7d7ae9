package org.rolematch.ingest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Degree;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.Evidence;
import org.rolematch.model.Kind;
import org.rolematch.model.Position;
import org.rolematch.model.Skill;

/**
 * Candidate profiles as JSON in the resume gold schema of the evaluation set, and back.
 *
 * <p>The fields of the gold schema come first:
 *
 * <pre>{@code
 * {"degrees": [{"level": "master", "field": "computer science", "status": "in_progress",
 *               "end_year": 2026, "evidence": {...}}],
 *  "years_experience": 5,
 *  "programming_language": ["python"], "ml_framework": [], "data_technology": [],
 *  "tool": [], "skill": [], "research_area": [],
 *  "publications": 3, "internships": 2, "location": "Austin, TX"}
 * }</pre>
 *
 * followed by fields the gold schema does not have: {@code years_experience_exact}
 * (months / 12), {@code publication_venues}, {@code work_authorizations}, {@code positions} (title,
 * organisation, start and end as {@code YYYY-MM}, type) and {@code skills} (each concept with its
 * kind, years and evidence: {@code {"text", "start", "end"}}). {@code years_experience} is the
 * whole number of years, as the gold counts them. Soft skills are listed under {@code skill}, as
 * the gold schema has no soft-skill list.
 *
 * <p>{@link #read} accepts both: a gold file (the six lists become skills without evidence) and a
 * file this class wrote (the {@code skills} list then wins, with kinds, years and evidence).
 * Thread-safe.
 */
public final class ProfileJson {
  private ProfileJson() {}

  /** The six concept lists of the gold schema, in its order. */
  public static final List<Kind> CONCEPT_LISTS =
      List.of(Kind.PROGRAMMING_LANGUAGE, Kind.ML_FRAMEWORK, Kind.DATA_TECHNOLOGY, Kind.TOOL,
          Kind.SKILL, Kind.RESEARCH_AREA);

  /**
   * Largest profile document {@link #read(String, String)} accepts, in characters: the default
   * {@link ParseLimits#maxDocumentBytes()}; {@link #read(String, String, ParseLimits)} takes others.
   */
  public static final int MAX_CHARS = ParseLimits.DEFAULT_MAX_DOCUMENT_BYTES;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder()
                  .maxNestingDepth(ParseLimits.DEFAULT_MAX_JSON_DEPTH)
                  .build())
              .build())
          .enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The list a skill is written to, or null when its kind has no list (a field of study). */
  public static Kind listOf(Kind kind) {
    if (kind == Kind.SOFT_SKILL) {
      return Kind.SKILL;
    }
    return CONCEPT_LISTS.contains(kind) ? kind : null;
  }

  /** The profile as a JSON tree (see the class comment for the fields). */
  public static ObjectNode toTree(CandidateProfile p) {
    requireNonNull(p, "profile");
    ObjectNode o = NODES.objectNode();
    ArrayNode degrees = o.putArray("degrees");
    for (Degree d : p.degrees()) {
      ObjectNode x = degrees.addObject();
      x.put("level", d.level().wireName());
      if (d.field().isEmpty()) {
        x.putNull("field");
      } else {
        x.put("field", d.field());
      }
      x.put("status", d.status().wireName());
      if (d.endYear().isPresent()) {
        x.put("end_year", d.endYear().getAsInt());
      } else {
        x.putNull("end_year");
      }
      x.set("evidence", evidence(d.evidence()));
    }
    o.put("years_experience", (int) Math.floor(p.yearsExperience() + 1e-9));
    Map<Kind, ArrayNode> lists = new LinkedHashMap<>();
    for (Kind k : CONCEPT_LISTS) {
      lists.put(k, o.putArray(k.wireName()));
    }
    for (Skill s : p.skills()) {
      Kind list = listOf(s.kind());
      if (list != null) {
        ArrayNode a = lists.get(list);
        boolean seen = false;
        for (JsonNode n : a) {
          if (n.asText().equals(s.concept())) {
            seen = true;
          }
        }
        if (!seen) {
          a.add(s.concept());
        }
      }
    }
    o.put("publications", p.publications());
    o.put("internships", p.internships());
    if (p.location().isPresent()) {
      o.put("location", p.location().get());
    } else {
      o.putNull("location");
    }
    // beyond the gold schema (not the id: callers often name files after people)
    o.put("years_experience_exact", Math.round(p.yearsExperience() * 1000) / 1000.0);
    ArrayNode venues = o.putArray("publication_venues");
    p.publicationVenues().forEach(venues::add);
    ArrayNode auth = o.putArray("work_authorizations");
    p.workAuthorizations().forEach(auth::add);
    ArrayNode positions = o.putArray("positions");
    for (Position pos : p.positions()) {
      ObjectNode x = positions.addObject();
      x.put("title", pos.title());
      x.put("organisation", pos.organisation());
      x.put("start", pos.start().toString());
      if (pos.end().isPresent()) {
        x.put("end", pos.end().get().toString());
      } else {
        x.putNull("end");
      }
      x.put("type", pos.type().name().toLowerCase(java.util.Locale.ROOT));
      x.set("evidence", evidence(pos.evidence()));
    }
    ArrayNode skills = o.putArray("skills");
    for (Skill s : p.skills()) {
      ObjectNode x = skills.addObject();
      x.put("concept", s.concept());
      x.put("kind", s.kind().wireName());
      x.put("years", s.years());
      x.set("evidence", evidence(s.evidence()));
    }
    return o;
  }

  private static ObjectNode evidence(Evidence e) {
    ObjectNode x = NODES.objectNode();
    x.put("text", e.text());
    if (e.hasOffsets()) {
      x.put("start", e.start());
      x.put("end", e.end());
    }
    return x;
  }

  /** The profile as indented JSON. */
  public static String write(CandidateProfile p) {
    try {
      return MAPPER.writeValueAsString(toTree(p)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /**
   * Parses profile JSON text into a tree, with the default limits.
   *
   * @throws ParseException when the text is not JSON or over the limits
   */
  public static JsonNode parseTree(String source, String json) throws ParseException {
    return parseTree(source, json, ParseLimits.defaults());
  }

  /**
   * Parses profile JSON text into a tree: at most {@link ParseLimits#maxDocumentBytes()}
   * characters, the JSON limits, and at most {@link ParseLimits#maxItems()} entries in each list
   * of the top-level object.
   *
   * @throws ParseException when the text is not JSON or over the limits
   */
  public static JsonNode parseTree(String source, String json, ParseLimits limits)
      throws ParseException {
    requireNonNull(json, "json");
    requireNonNull(limits, "limits");
    if (json.length() > limits.maxDocumentBytes()) {
      throw new ParseException(source, 0, limits.overLimit(ParseLimits.Limit.DOCUMENT_BYTES,
          "the profile has " + json.length() + " characters"));
    }
    JsonNode n;
    try {
      n = JsonLimits.mapper(limits, ParseLimits.Limit.DOCUMENT_BYTES).readTree(json);
    } catch (StreamConstraintsException e) {
      throw new ParseException(source, 0,
          JsonLimits.message(e, limits, ParseLimits.Limit.DOCUMENT_BYTES), e);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ParseException(source, Math.max(0, line), "not valid JSON: "
          + JsonResumeReader.reason(e.getOriginalMessage()), e);
    }
    if (n == null || n.isMissingNode()) {
      throw new ParseException(source, 0, "the profile JSON is empty; expected an object");
    }
    for (java.util.Map.Entry<String, JsonNode> f : n.properties()) {
      if (f.getValue().isArray() && f.getValue().size() > limits.maxItems()) {
        throw new ParseException(source, 0, limits.overLimit(ParseLimits.Limit.ITEMS,
            "the list '" + f.getKey() + "' has " + f.getValue().size() + " entries"));
      }
    }
    return n;
  }

  /**
   * Reads a profile from JSON in the gold schema (or as {@link #write} wrote it), with the
   * default limits.
   *
   * @param id the profile's id (the JSON does not carry one)
   * @throws ParseException naming the field that has the wrong shape and what was expected
   */
  public static CandidateProfile read(String id, String json) throws ParseException {
    return fromTree(id, parseTree(id, json));
  }

  /**
   * Reads a profile from JSON with the given limits (see {@link #parseTree(String, String,
   * ParseLimits)}).
   *
   * @throws ParseException naming the field that has the wrong shape, or the limit exceeded
   */
  public static CandidateProfile read(String id, String json, ParseLimits limits)
      throws ParseException {
    return fromTree(id, parseTree(id, json, limits));
  }

  /** Reads a profile from a JSON tree; see {@link #read}. */
  public static CandidateProfile fromTree(String id, JsonNode o) throws ParseException {
    requireNonNull(id, "id");
    if (o == null || !o.isObject()) {
      throw new ParseException(id, 0, "expected a JSON object at the top level, got "
          + JsonResumeReader.type(o));
    }
    String pid = id.isBlank() ? "profile" : id;
    List<Degree> degrees = new ArrayList<>();
    JsonNode ds = array(o, "degrees", id);
    for (int i = 0; ds != null && i < ds.size(); i++) {
      JsonNode d = ds.get(i);
      String path = "degrees[" + i + "]";
      if (!d.isObject()) {
        throw wrong(id, path, "an object", d);
      }
      DegreeLevel level;
      DegreeStatus status;
      try {
        level = DegreeLevel.fromWire(text(d, "level", id, true, path));
        String st = text(d, "status", id, false, path);
        status = st == null ? DegreeStatus.COMPLETED : DegreeStatus.fromWire(st);
      } catch (IllegalArgumentException e) {
        throw new ParseException(id, 0, path + ": " + e.getMessage(), e);
      }
      if (status == DegreeStatus.EITHER) {
        throw new ParseException(id, 0, path + ".status: a profile's degree is completed or"
            + " in_progress, not either");
      }
      String field = text(d, "field", id, false, path);
      JsonNode ey = d.get("end_year");
      OptionalInt endYear = OptionalInt.empty();
      if (ey != null && !ey.isNull()) {
        if (!ey.canConvertToInt()) {
          throw wrong(id, path + ".end_year", "a year (integer) or null", ey);
        }
        endYear = OptionalInt.of(ey.asInt());
      }
      degrees.add(new Degree(level, field == null ? "" : field, status, endYear,
          readEvidence(d.get("evidence"), id, path + ".evidence")));
    }
    double years = 0;
    JsonNode ye = o.get("years_experience_exact");
    if (ye == null || ye.isNull()) {
      ye = o.get("years_experience");
    }
    if (ye != null && !ye.isNull()) {
      if (!ye.isNumber() || ye.asDouble() < 0) {
        throw wrong(id, "years_experience", "a number >= 0", ye);
      }
      years = ye.asDouble();
    }
    int pubs = count(o, "publications", id);
    int interns = count(o, "internships", id);
    List<String> venues = strings(o, "publication_venues", id);
    List<String> auth = strings(o, "work_authorizations", id);
    String location = text(o, "location", id, false);

    List<Position> positions = new ArrayList<>();
    JsonNode ps = array(o, "positions", id);
    for (int i = 0; ps != null && i < ps.size(); i++) {
      JsonNode x = ps.get(i);
      String path = "positions[" + i + "]";
      if (!x.isObject()) {
        throw wrong(id, path, "an object", x);
      }
      YearMonth start = yearMonth(x, "start", id, path, true);
      YearMonth end = yearMonth(x, "end", id, path, false);
      String type = text(x, "type", id, false, path);
      Position.PositionType pt;
      try {
        pt = type == null ? Position.PositionType.PROFESSIONAL
            : Position.PositionType.valueOf(type.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ParseException(id, 0, path + ".type must be professional, internship or"
            + " other", e);
      }
      String title = text(x, "title", id, false, path);
      String org = text(x, "organisation", id, false, path);
      try {
        positions.add(new Position(title == null ? "" : title, org == null ? "" : org, start,
            Optional.ofNullable(end), pt, readEvidence(x.get("evidence"), id, path + ".evidence")));
      } catch (IllegalArgumentException e) {
        throw new ParseException(id, 0, path + ": " + e.getMessage(), e);
      }
    }

    List<Skill> skills = new ArrayList<>();
    JsonNode ss = array(o, "skills", id);
    if (ss != null) {
      for (int i = 0; i < ss.size(); i++) {
        JsonNode x = ss.get(i);
        String path = "skills[" + i + "]";
        if (!x.isObject()) {
          throw wrong(id, path, "an object", x);
        }
        String concept = text(x, "concept", id, true, path);
        Kind kind;
        try {
          kind = Kind.fromWire(text(x, "kind", id, true, path));
        } catch (IllegalArgumentException e) {
          throw new ParseException(id, 0, path + ".kind: " + e.getMessage(), e);
        }
        JsonNode yrs = x.get("years");
        double y = yrs == null || yrs.isNull() ? 0 : yrs.asDouble();
        if (y < 0 || (yrs != null && !yrs.isNull() && !yrs.isNumber())) {
          throw wrong(id, path + ".years", "a number >= 0", yrs);
        }
        skills.add(new Skill(concept, kind, y, readEvidence(x.get("evidence"), id,
            path + ".evidence")));
      }
    } else {
      LinkedHashSet<String> seen = new LinkedHashSet<>();
      for (Kind k : CONCEPT_LISTS) {
        for (String c : strings(o, k.wireName(), id)) {
          if (seen.add(c)) {
            skills.add(Skill.of(c, k));
          }
        }
      }
    }
    try {
      return new CandidateProfile(pid, degrees, positions, years, interns, pubs, venues, skills,
          Optional.ofNullable(location), auth);
    } catch (IllegalArgumentException e) {
      throw new ParseException(id, 0, e.getMessage(), e);
    }
  }

  private static Evidence readEvidence(JsonNode e, String id, String path)
      throws ParseException {
    if (e == null || e.isNull()) {
      return Evidence.NONE;
    }
    if (e.isTextual()) {
      return Evidence.of(e.asText());
    }
    if (!e.isObject()) {
      throw wrong(id, path, "an object {text, start, end}", e);
    }
    String text = e.path("text").asText("");
    int s = e.has("start") ? e.get("start").asInt(-1) : -1;
    int en = e.has("end") ? e.get("end").asInt(-1) : -1;
    try {
      return new Evidence(text, s, en);
    } catch (IllegalArgumentException ex) {
      throw new ParseException(id, 0, path + ": " + ex.getMessage(), ex);
    }
  }

  private static YearMonth yearMonth(JsonNode x, String field, String id, String path,
      boolean required) throws ParseException {
    String s = text(x, field, id, required, path);
    if (s == null) {
      return null;
    }
    try {
      return YearMonth.parse(s);
    } catch (DateTimeParseException e) {
      throw new ParseException(id, 0, path + "." + field + " must be a month written YYYY-MM",
          e);
    }
  }

  private static ParseException wrong(String id, String path, String expected, JsonNode got) {
    return new ParseException(id, 0, "field '" + path + "' must be " + expected + ", got "
        + JsonResumeReader.type(got));
  }

  private static JsonNode array(JsonNode o, String field, String id) throws ParseException {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      throw wrong(id, field, "an array", n);
    }
    return n;
  }

  private static List<String> strings(JsonNode o, String field, String id)
      throws ParseException {
    JsonNode n = array(o, field, id);
    List<String> out = new ArrayList<>();
    for (int i = 0; n != null && i < n.size(); i++) {
      JsonNode x = n.get(i);
      if (!x.isTextual()) {
        throw wrong(id, field + "[" + i + "]", "a string", x);
      }
      out.add(x.asText());
    }
    return out;
  }

  private static int count(JsonNode o, String field, String id) throws ParseException {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return 0;
    }
    if (!n.canConvertToInt() || n.asInt() < 0) {
      throw wrong(id, field, "a whole number >= 0", n);
    }
    return n.asInt();
  }

  private static String text(JsonNode o, String field, String id, boolean required)
      throws ParseException {
    return text(o, field, id, required, "");
  }

  private static String text(JsonNode o, String field, String id, boolean required, String path)
      throws ParseException {
    String full = path.isEmpty() ? field : path + "." + field;
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw new ParseException(id, 0, "field '" + full + "' is missing");
      }
      return null;
    }
    if (!n.isTextual()) {
      throw wrong(id, full, "a string", n);
    }
    return n.asText();
  }
}
