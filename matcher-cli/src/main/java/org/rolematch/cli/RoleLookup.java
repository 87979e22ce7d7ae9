package org.rolematch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rolematch.Matcher;
import org.rolematch.eval.PostingEvaluation;
import org.rolematch.model.Role;

/** Finds the role a user names on the command line: by id, exact title, or the closest title. */
final class RoleLookup {
  private RoleLookup() {}

  /** The role by id, exact title, or best title match; a clear message when none or many fit. */
  static Optional<Role> find(Matcher m, List<Role> roles, String role, String command, PrintWriter err)
      throws IOException {
    Optional<Role> byId = m.role(role);
    if (byId.isPresent()) {
      return byId;
    }
    List<Role> exact = roles.stream().filter(r -> r.title().equalsIgnoreCase(role.strip())).toList();
    if (exact.size() == 1) {
      return Optional.of(exact.get(0));
    }
    String needle = role.toLowerCase(Locale.ROOT).strip();
    List<Role> hits = exact.size() > 1 ? exact
        : roles.stream().filter(r -> r.title().toLowerCase(Locale.ROOT).contains(needle)).toList();
    if (hits.isEmpty()) {
      double best = 0;
      Role bestRole = null;
      for (Role r : roles) {
        double s = PostingEvaluation.titleSimilarity(r.title(), role);
        if (s > best) {
          best = s;
          bestRole = r;
        }
      }
      if (bestRole != null && best >= 0.5) {
        return Optional.of(bestRole);
      }
      err.println("rolematch " + command + ": no role has the id or title '" + role + "'; "
          + roles.size() + " roles are indexed (see them with 'rolematch parse')");
      return Optional.empty();
    }
    if (hits.size() > 1) {
      err.println("rolematch " + command + ": '" + role + "' fits " + hits.size() + " roles; give one id:");
      for (Role r : hits) {
        err.println("  " + r.id() + "  " + r.title());
      }
      return Optional.empty();
    }
    return Optional.of(hits.get(0));
  }
}
