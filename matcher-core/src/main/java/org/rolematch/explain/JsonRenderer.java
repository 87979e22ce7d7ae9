package org.rolematch.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rolematch.model.Evidence;
import org.rolematch.model.Requirement;
import org.rolematch.score.ClauseMatch;
import org.rolematch.score.MatchResult;
import org.rolematch.score.MatchStatus;

/**
 * JSON rendering of a {@link MatchResult}, schema {@value #SCHEMA}. The schema is stable: fields
 * are only ever added, never renamed or removed, within a schema version.
 *
 * <pre>{@code
 * {"schema": "rolematch.match/1",
 *  "role": {"id": "careers#3", "title": "Machine Learning Intern"},
 *  "candidate": {"id": "kenji"},
 *  "score": 83.91,               // 0..100, equal to the sum of the clauses' contributions
 *  "eligible": true,             // false when a knock-out requirement is missing
 *  "summary": {"met": 7, "partial": 1, "missing": 0, "unknown": 3},
 *  "clauses": [                  // one per requirement, in the role's order
 *    {"id": "r1", "kind": "degree", "importance": "required", "hard": false,
 *     "text": "Currently pursuing a Master's degree in ...",   // the requirement sentence
 *     "any_of": ["master"], "min_count": 1,
 *     "status": "met",           // met | partial | missing | unknown
 *     "credit": 1.0,             // 0..1
 *     "weight": 1.5,             // the requirement's weight under the policy
 *     "contribution": 14.2,      // points added to the score
 *     "knockout": false,         // whether the requirement is a knock-out under the policy
 *     "reason": "has master's in computer science (in progress, expected 2026)",
 *     "evidence": [{"text": "M.S. in Computer Science", "start": 120, "end": 144}]}]}
 * }</pre>
 *
 * <p>{@code start}/{@code end} are character offsets into the candidate's source document, or -1
 * when unknown. Numbers are JSON numbers with full double precision.
 */
public final class JsonRenderer implements Renderer {
  /** The schema id written in every document. */
  public static final String SCHEMA = "rolematch.match/1";

  static final JsonRenderer INSTANCE = new JsonRenderer();
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonRenderer() {}

  /** The result as a JSON tree of the schema. */
  public static ObjectNode tree(MatchResult r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("schema", SCHEMA);
    ObjectNode role = o.putObject("role");
    role.put("id", r.roleId());
    role.put("title", r.roleTitle());
    o.putObject("candidate").put("id", r.candidateId());
    o.put("score", r.score());
    o.put("eligible", r.eligible());
    ObjectNode summary = o.putObject("summary");
    for (MatchStatus s : MatchStatus.values()) {
      summary.put(s.wireName(), r.withStatus(s).size());
    }
    ArrayNode clauses = o.putArray("clauses");
    for (ClauseMatch c : r.clauses()) {
      Requirement q = c.requirement();
      ObjectNode n = clauses.addObject();
      n.put("id", q.id());
      n.put("kind", q.kind().wireName());
      n.put("importance", q.importance().wireName());
      n.put("hard", q.hard());
      n.put("text", q.text());
      ArrayNode any = n.putArray("any_of");
      q.anyOf().forEach(any::add);
      n.put("min_count", q.minCount());
      n.put("status", c.status().wireName());
      n.put("credit", c.credit());
      n.put("weight", c.weight());
      n.put("contribution", c.contribution());
      n.put("knockout", c.knockout());
      n.put("reason", c.reason());
      ArrayNode ev = n.putArray("evidence");
      for (Evidence e : c.evidence()) {
        ObjectNode x = ev.addObject();
        x.put("text", e.text());
        x.put("start", e.start());
        x.put("end", e.end());
      }
    }
    return o;
  }

  @Override
  public String render(MatchResult r) {
    try {
      return MAPPER.writeValueAsString(tree(r)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a match result as JSON", e);
    }
  }
}
