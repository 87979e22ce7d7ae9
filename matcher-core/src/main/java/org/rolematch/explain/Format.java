package org.rolematch.explain;

import java.util.Locale;
import org.rolematch.model.Evidence;
import org.rolematch.model.Kind;
import org.rolematch.score.ClauseMatch;
import org.rolematch.score.MatchResult;
import org.rolematch.score.MatchStatus;

/** Shared pieces of the human renderings. */
final class Format {
  private Format() {}

  static String score(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String header(MatchResult r) {
    StringBuilder b = new StringBuilder();
    b.append(r.roleTitle().isEmpty() ? r.roleId() : r.roleTitle()).append(" (").append(r.roleId())
        .append(") for ").append(r.candidateId()).append(": ").append(score(r.score()))
        .append(" / 100");
    int[] counts = new int[MatchStatus.values().length];
    for (ClauseMatch c : r.clauses()) {
      counts[c.status().ordinal()]++;
    }
    b.append(" — ").append(counts[MatchStatus.MET.ordinal()]).append(" met, ")
        .append(counts[MatchStatus.PARTIAL.ordinal()]).append(" partial, ")
        .append(counts[MatchStatus.MISSING.ordinal()]).append(" missing, ")
        .append(counts[MatchStatus.UNKNOWN.ordinal()]).append(" unknown");
    if (!r.eligible()) {
      b.append("; NOT ELIGIBLE: ");
      boolean first = true;
      for (ClauseMatch c : r.clauses()) {
        if (c.failedKnockout()) {
          b.append(first ? "" : "; ").append(requirement(c));
          first = false;
        }
      }
    }
    return b.toString();
  }

  static String requirement(ClauseMatch c) {
    String t = c.requirement().text().strip();
    if (c.requirement().kind() == Kind.CAREER_STAGE) {
      return "An early-career role (inferred from \"" + t + "\")";
    }
    if (t.isEmpty()) {
      t = c.requirement().kind().wireName().replace('_', ' ') + ": "
          + String.join(", ", c.requirement().anyOf());
    }
    return t;
  }

  static String finding(ClauseMatch c) {
    StringBuilder b = new StringBuilder(c.reason());
    if (c.status() != MatchStatus.MISSING && !c.evidence().isEmpty()) {
      Evidence e = c.evidence().get(0);
      b.append(" (evidence: \"").append(shorten(e.text(), 80)).append("\")");
    }
    return b.toString();
  }

  static String shorten(String s, int max) {
    String x = s.replaceAll("\\s+", " ").strip();
    return x.length() <= max ? x : x.substring(0, max - 1) + "…";
  }
}
