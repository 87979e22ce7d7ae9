package org.rolematch.explain;

import org.rolematch.score.MatchResult;

/**
 * Renders a {@link MatchResult} for people (text, Markdown) or programs (JSON).
 *
 * <pre>{@code
 * MatchResult r = matcher.explain(role, profile);
 * System.out.println(Renderer.text().render(r));
 * Files.writeString(Path.of("match.json"), Renderer.json().render(r));
 * }</pre>
 *
 * <p>All renderers are stateless and thread-safe. Numbers use {@link java.util.Locale#ROOT}.
 */
@FunctionalInterface
public interface Renderer {
  /** The rendering of one result. */
  String render(MatchResult result);

  /**
   * Plain text: a header line with the score, then one line per requirement: status mark (✔ met,
   * ◐ partial, ✘ missing, ? unknown), importance, the requirement, and the evidence or reason.
   */
  static Renderer text() {
    return TextRenderer.INSTANCE;
  }

  /** Markdown: a heading with the score and a table with one row per requirement. */
  static Renderer markdown() {
    return MarkdownRenderer.INSTANCE;
  }

  /** JSON of the stable schema {@value JsonRenderer#SCHEMA}, documented in {@link JsonRenderer}. */
  static Renderer json() {
    return JsonRenderer.INSTANCE;
  }
}
