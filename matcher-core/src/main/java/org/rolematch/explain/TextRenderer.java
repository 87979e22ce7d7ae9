package org.rolematch.explain;

import org.rolematch.score.ClauseMatch;
import org.rolematch.score.MatchResult;

/** Plain-text rendering; see {@link Renderer#text()}. */
final class TextRenderer implements Renderer {
  static final TextRenderer INSTANCE = new TextRenderer();

  private TextRenderer() {}

  @Override
  public String render(MatchResult r) {
    StringBuilder b = new StringBuilder(Format.header(r)).append('\n');
    for (ClauseMatch c : r.clauses()) {
      b.append(c.status().mark()).append(' ')
          .append(String.format(java.util.Locale.ROOT, "%-9s", c.requirement().importance()
              .wireName()))
          .append(' ').append(Format.requirement(c)).append(" — ").append(Format.finding(c));
      if (c.failedKnockout()) {
        b.append(" [knock-out]");
      }
      if (c.weight() == 0) {
        b.append(" [not scored]");
      }
      b.append('\n');
    }
    return b.toString();
  }
}
