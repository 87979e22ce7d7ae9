/**
 * Auditing outcomes for adverse impact: {@link org.rolematch.audit.FairnessAudit} computes
 * selection rates and impact ratios (four-fifths rule) and scoring rates (the NYC Local Law 144
 * method) from scores and caller-supplied group labels.
 *
 * <ol>
 *   <li>score candidates for a role with a {@code Matcher};
 *   <li>pair each score with the group label you hold for that candidate (never inferred);
 *   <li>{@code FairnessAudit.of(scored, threshold).toText()}.
 * </ol>
 */
package org.rolematch.audit;
