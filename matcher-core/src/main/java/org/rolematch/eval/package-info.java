/**
 * Measuring the parsers against annotated gold, as {@code shared/eval/score.py} does, so that
 * users can evaluate on their own annotated postings and resumes.
 *
 * <ol>
 *   <li>{@code PostingEvaluation e = new PostingEvaluation();}
 *   <li>{@code e.add(name, goldRoles, parsedRoles)} for each document;
 *   <li>{@code e.roles()}, {@code e.items()}, {@code e.perKind()}, {@code e.report()}.
 * </ol>
 */
package org.rolematch.eval;
