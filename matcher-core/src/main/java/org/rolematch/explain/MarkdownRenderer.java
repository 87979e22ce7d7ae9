package org.rolematch.explain;

import org.rolematch.score.ClauseMatch;
import org.rolematch.score.MatchResult;

/** Markdown rendering; see {@link Renderer#markdown()}. */
final class MarkdownRenderer implements Renderer {
  static final MarkdownRenderer INSTANCE = new MarkdownRenderer();

  private MarkdownRenderer() {}

  private static String cell(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ");
  }

  @Override
  public String render(MatchResult r) {
    StringBuilder b = new StringBuilder("### ").append(cell(Format.header(r))).append("\n\n");
    b.append("| | Importance | Requirement | Finding | Points |\n");
    b.append("|---|---|---|---|---:|\n");
    for (ClauseMatch c : r.clauses()) {
      b.append("| ").append(c.status().mark()).append(" | ")
          .append(c.requirement().importance().wireName())
          .append(c.failedKnockout() ? " (knock-out)" : "")
          .append(c.weight() == 0 ? " (not scored)" : "")
          .append(" | ").append(cell(Format.requirement(c)))
          .append(" | ").append(cell(Format.finding(c))).append(" | ")
          .append(Format.score(c.contribution())).append(" |\n");
    }
    return b.toString();
  }
}
