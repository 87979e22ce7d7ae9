/**
 * Renderings of a {@link org.rolematch.score.MatchResult}: plain text, Markdown and JSON.
 *
 * <h2>Use it in three steps</h2>
 *
 * <ol>
 *   <li>Get a result from {@code Matcher.rankRoles}, {@code rankCandidates} or {@code explain}.
 *   <li>Pick a renderer: {@link org.rolematch.explain.Renderer#text()}, {@link
 *       org.rolematch.explain.Renderer#markdown()} or {@link org.rolematch.explain.Renderer#json()}.
 *   <li>Call {@code render(result)}.
 * </ol>
 *
 * <pre>{@code
 * System.out.println(Renderer.text().render(result));
 * // Machine Learning Intern (careers#7) for kenji: 94.6 / 100 — 6 met, 0 partial, 0 missing, 3 unknown
 * // ✔ required  Currently pursuing a Master's degree ... — has master's in computer science (...)
 * // ? required  Strong communicator and team player. — not shown on the profile: communication
 * }</pre>
 *
 * <p>Invariants: one line (or row, or JSON clause) per requirement, in the role's order; the JSON
 * schema {@value org.rolematch.explain.JsonRenderer#SCHEMA} only grows within its version (see
 * {@link org.rolematch.explain.JsonRenderer}). Renderers are stateless and thread-safe.
 */
package org.rolematch.explain;
