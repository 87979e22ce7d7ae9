/**
 * The domain model: immutable records that check themselves, and nothing but the JDK.
 *
 * <p>A {@link org.rolematch.model.Role} holds {@link org.rolematch.model.Requirement} clauses,
 * each an any-of group of taxonomy concept ids (with {@code minCount}, degree level and status,
 * minimum years, importance, and the {@link org.rolematch.model.Evidence} sentence it was read
 * from). A {@link org.rolematch.model.CandidateProfile} holds degrees, positions, years of
 * experience, internships, publications and {@link org.rolematch.model.Skill}s, each with
 * evidence.
 *
 * <ol>
 *   <li>Read them from text with {@code org.rolematch.ingest}, or build them in code.
 *   <li>Give them to a {@code Matcher}.
 *   <li>Read the {@code MatchResult} it returns.
 * </ol>
 *
 * <p>Invariants: records are immutable and thread-safe; lists are copied on construction; a
 * profile has no field for a name, gender, age, photo, nationality, marital status or contact
 * details, so none can reach a score.
 */
package org.rolematch.model;
