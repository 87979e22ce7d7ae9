/**
 * RoleMatch's public face: the {@link org.rolematch.Matcher}, its {@link
 * org.rolematch.MatcherBuilder}, and the filter hooks {@link org.rolematch.RoleFilter} and {@link
 * org.rolematch.CandidateFilter}. No Lucene type appears here.
 *
 * <h2>Use it in three steps</h2>
 *
 * <ol>
 *   <li>Build a matcher: {@code Matcher.builder()} with a taxonomy, a scoring policy and a
 *       directory (or in memory), checked as each option is set.
 *   <li>Add roles and candidates, from records or from posting and resume text.
 *   <li>Rank roles for a candidate or candidates for a role, and render the explanations with
 *       {@link org.rolematch.explain.Renderer}.
 * </ol>
 *
 * <pre>{@code
 * try (Matcher matcher = Matcher.builder().resumeClock(LocalDate.of(2025, 7, 1)).build()) {
 *   matcher.addPosting(postingText, "careers");
 *   CandidateProfile me = matcher.parseResume("me", resumeText);
 *   for (MatchResult r : matcher.rankRoles(me, 3, RoleFilter.internships())) {
 *     System.out.println(Renderer.text().render(r));
 *   }
 * }
 * }</pre>
 *
 * <p>Invariants: rankings are exact (equal to scoring everything), every result explains itself
 * and adds up to its score, and a matcher is thread-safe; see {@link org.rolematch.Matcher}.
 */
package org.rolematch;
