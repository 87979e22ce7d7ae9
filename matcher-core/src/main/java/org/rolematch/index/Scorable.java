package org.rolematch.index;

/**
 * A record as an index holds it for scoring: the record itself (a role without its source text,
 * or a profile) and the compiled form a search scores, over the index's taxonomy. {@code
 * Scorer.score(role, compiledRole, profile, compiledProfile, sheet)} explains a pair of them
 * without compiling either.
 *
 * @param record the role or profile
 * @param compiled its compiled form ({@code CompiledRole} or {@code CompiledProfile})
 */
public record Scorable<R, C>(R record, C compiled) {}
