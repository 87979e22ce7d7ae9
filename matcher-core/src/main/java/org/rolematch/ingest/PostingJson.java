package org.rolematch.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Roles to and from JSON in the exchange schema (the schema of the posting gold annotations):
 *
 * <pre>{@code
 * {"source": "careers", "roles": [
 *   {"id": "careers#1", "title": "...", "organisation": "...", "employment_type": "internship",
 *    "location_constraints": ["US based applicants only"],
 *    "salary": {"min": 10000, "max": 11000, "currency": "USD", "period": "month"},
 *    "clauses": [
 *      {"id": "r1", "kind": "degree", "importance": "required", "any_of": ["master", "phd"],
 *       "min_count": 1, "min_degree": "master", "degree_status": "in_progress", "min_years": null,
 *       "hard": false, "text": "...", "start": 120, "end": 190}]}]}
 * }</pre>
 *
 * <p>Clauses the parser inferred rather than read as a qualification (the early-career
 * {@code career_stage} clause, from a title, the role's prose or the page heading) are written to
 * {@code inferred_clauses}, in the same shape, so that {@code clauses} holds what the posting
 * states and nothing else.
 *
 * <p>{@code id}, {@code organisation}, {@code salary}, {@code hard}, {@code start}, {@code end}
 * and {@code inferred_clauses} are extra to the gold schema; readers of the gold schema ignore them, and {@link #read} accepts
 * documents without them.
 */
public final class PostingJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(
                          ParseLimits.DEFAULT_MAX_JSON_DEPTH).build())
                  .build())
          .enable(SerializationFeature.INDENT_OUTPUT);

  private PostingJson() {}

  /** The roles as a JSON document. */
  public static String write(String source, List<Role> roles) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("source", source);
    ArrayNode arr = root.putArray("roles");
    for (Role r : roles) {
      arr.add(role(r));
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static ObjectNode role(Role r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", r.id());
    o.put("title", r.title());
    o.put("organisation", r.organisation());
    o.put("employment_type", r.employmentType().wireName());
    ArrayNode loc = o.putArray("location_constraints");
    r.locationConstraints().forEach(loc::add);
    if (r.salary().isPresent()) {
      SalaryRange s = r.salary().get();
      ObjectNode so = o.putObject("salary");
      so.put("min", s.min());
      so.put("max", s.max());
      so.put("currency", s.currency());
      so.put("period", s.period());
    } else {
      o.putNull("salary");
    }
    ArrayNode cl = o.putArray("clauses");
    ArrayNode inferred = null;
    for (Requirement q : r.requirements()) {
      if (q.kind() == Kind.CAREER_STAGE) {
        if (inferred == null) {
          inferred = o.putArray("inferred_clauses");
        }
        inferred.add(clause(q));
      } else {
        cl.add(clause(q));
      }
    }
    return o;
  }

  /** One clause as a JSON object of the exchange schema. */
  public static ObjectNode clause(Requirement q) {
    ObjectNode c = MAPPER.createObjectNode();
    c.put("id", q.id());
    c.put("kind", q.kind().wireName());
    c.put("importance", q.importance().wireName());
    ArrayNode any = c.putArray("any_of");
    q.anyOf().forEach(any::add);
    c.put("min_count", q.minCount());
    if (q.minDegree() == null) {
      c.putNull("min_degree");
    } else {
      c.put("min_degree", q.minDegree().wireName());
    }
    if (q.degreeStatus() == null) {
      c.putNull("degree_status");
    } else {
      c.put("degree_status", q.degreeStatus().wireName());
    }
    if (q.minYears() > 0) {
      c.put("min_years", q.minYears());
    } else {
      c.putNull("min_years");
    }
    c.put("hard", q.hard());
    c.put("text", q.text());
    if (q.evidence().hasOffsets()) {
      c.put("start", q.evidence().start());
      c.put("end", q.evidence().end());
    }
    return c;
  }

  /**
   * Reads roles from a document of the exchange schema (gold annotations, or what {@link #write}
   * wrote).
   *
   * @throws ParseException naming the field that has the wrong shape
   */
  public static List<Role> read(String json, String source) throws ParseException {
    return read(json, source, ParseLimits.defaults());
  }

  /**
   * Reads roles from a document of the exchange schema with the given limits: the document's
   * size ({@link ParseLimits#maxCollectionBytes()}, counted in characters), nesting, number
   * length, and roles in the document and clauses in a role ({@link ParseLimits#maxItems()}).
   *
   * @throws ParseException naming the field that has the wrong shape, or the limit exceeded
   */
  public static List<Role> read(String json, String source, ParseLimits limits)
      throws ParseException {
    java.util.Objects.requireNonNull(json, "json");
    java.util.Objects.requireNonNull(limits, "limits");
    if (json.length() > limits.maxCollectionBytes()) {
      throw new ParseException(source, 0, limits.overLimit(ParseLimits.Limit.COLLECTION_BYTES,
          "the document has " + json.length() + " characters"));
    }
    JsonNode root;
    try {
      root = JsonLimits.mapper(limits, ParseLimits.Limit.COLLECTION_BYTES).readTree(json);
    } catch (StreamConstraintsException e) {
      throw new ParseException(source, 0,
          JsonLimits.message(e, limits, ParseLimits.Limit.COLLECTION_BYTES), e);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ParseException(source, line, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("roles").isArray()) {
      throw new ParseException(source, 0, "expected an object with an array field \"roles\"");
    }
    if (root.get("roles").size() > limits.maxItems()) {
      throw new ParseException(source, 0, limits.overLimit(ParseLimits.Limit.ITEMS,
          "the document holds " + root.get("roles").size() + " roles"));
    }
    String stem = root.path("source").asText(source);
    List<Role> roles = new ArrayList<>();
    int i = 0;
    for (JsonNode r : root.get("roles")) {
      i++;
      String where = "roles[" + (i - 1) + "]";
      if (!r.isObject()) {
        throw new ParseException(source, 0, where + " is not an object");
      }
      List<Requirement> reqs = new ArrayList<>();
      JsonNode clauses = r.path("clauses");
      if (!clauses.isArray()) {
        throw new ParseException(source, 0, where + ".clauses must be an array");
      }
      if (clauses.size() > limits.maxItems()) {
        throw new ParseException(source, 0, limits.overLimit(ParseLimits.Limit.ITEMS,
            where + " holds " + clauses.size() + " clauses"));
      }
      int j = 0;
      for (JsonNode c : clauses) {
        reqs.add(requirement(c, "r" + (++j), source, where + ".clauses[" + (j - 1) + "]"));
      }
      JsonNode inferred = r.path("inferred_clauses");
      if (!inferred.isMissingNode() && !inferred.isNull()) {
        if (!inferred.isArray()) {
          throw new ParseException(source, 0, where + ".inferred_clauses must be an array");
        }
        int k = 0;
        for (JsonNode c : inferred) {
          reqs.add(requirement(c, "r" + (++j), source,
              where + ".inferred_clauses[" + k++ + "]"));
        }
      }
      List<String> loc = new ArrayList<>();
      r.path("location_constraints").forEach(x -> loc.add(x.asText()));
      Optional<SalaryRange> salary = Optional.empty();
      JsonNode s = r.get("salary");
      try {
        if (s != null && s.isObject()) {
          salary = Optional.of(new SalaryRange(s.path("min").asDouble(), s.path("max").asDouble(),
              s.path("currency").asText("USD"), s.path("period").asText("unknown")));
        }
      } catch (IllegalArgumentException e) {
        throw new ParseException(source, 0, where + ".salary: " + e.getMessage(), e);
      }
      EmploymentType type;
      try {
        type = EmploymentType.fromWire(r.path("employment_type").asText("unknown"));
      } catch (IllegalArgumentException e) {
        throw new ParseException(source, 0, where + ".employment_type: " + e.getMessage(), e);
      }
      try {
        roles.add(new Role(r.path("id").asText(stem + "#" + i), r.path("title").asText(""),
            r.path("organisation").asText(""), type, loc, salary, reqs, ""));
      } catch (IllegalArgumentException e) {
        // the record's own checks (a blank id, ...): name the role and the file
        throw new ParseException(source, 0, where + ": " + e.getMessage(), e);
      }
    }
    return roles;
  }

  private static Requirement requirement(JsonNode c, String id, String source, String where)
      throws ParseException {
    try {
      Kind kind = Kind.fromWire(c.path("kind").asText(null));
      Importance imp = Importance.fromWire(c.path("importance").asText("required"));
      List<String> any = new ArrayList<>();
      c.path("any_of").forEach(x -> any.add(x.asText()));
      int k = c.path("min_count").isNumber() ? c.get("min_count").asInt() : 1;
      DegreeLevel level = c.path("min_degree").isTextual()
          ? DegreeLevel.fromWire(c.get("min_degree").asText()) : null;
      DegreeStatus status = c.path("degree_status").isTextual()
          ? DegreeStatus.fromWire(c.get("degree_status").asText()) : null;
      int years = c.path("min_years").isNumber() ? c.get("min_years").asInt() : 0;
      String text = c.path("text").asText("");
      Evidence ev = c.has("start") && c.has("end")
          ? new Evidence(text, c.get("start").asInt(), c.get("end").asInt()) : Evidence.of(text);
      return new Requirement(c.path("id").asText(id), kind, imp, any, Math.max(1, k), level, status,
          years, c.path("hard").asBoolean(false), ev);
    } catch (IllegalArgumentException e) {
      throw new ParseException(source, 0, where + ": " + e.getMessage(), e);
    }
  }
}
