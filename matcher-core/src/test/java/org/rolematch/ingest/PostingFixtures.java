package org.rolematch.ingest;

import java.util.List;
import java.util.stream.Collectors;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;

/** Domain assertions over parsed roles, to keep the posting tests short. */
final class PostingFixtures {
  private PostingFixtures() {}

  /** "kind importance [concepts]" lines of a role, for readable failures. */
  static String describe(Role r) {
    return r.requirements().stream()
        .map(q -> q.kind().wireName() + " " + q.importance().wireName() + " " + q.anyOf()
            + (q.minCount() > 1 ? " k=" + q.minCount() : "")
            + (q.minDegree() != null ? " min=" + q.minDegree().wireName() : "")
            + (q.degreeStatus() != null ? " " + q.degreeStatus().wireName() : "")
            + (q.minYears() > 0 ? " years=" + q.minYears() : ""))
        .collect(Collectors.joining("\n  ", r.title() + ":\n  ", ""));
  }

  static boolean has(Role r, Kind kind, Importance imp, String... concepts) {
    for (Requirement q : r.requirements()) {
      if (q.kind() == kind && q.importance() == imp && q.anyOf().containsAll(List.of(concepts))) {
        return true;
      }
    }
    return false;
  }

  static boolean mentions(Role r, String concept) {
    return r.requirements().stream().anyMatch(q -> q.anyOf().contains(concept));
  }
}
