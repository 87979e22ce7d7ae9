/**
 * Text analysis shared by postings and resumes: the Lucene analysis chain that finds concept
 * mentions with their offsets ({@link org.rolematch.text.ConceptExtractor}), and line, bullet and
 * sentence splitting ({@link org.rolematch.text.TextLayout}).
 *
 * <ol>
 *   <li>{@code ConceptExtractor x = ConceptExtractor.of(Taxonomy.defaults());}
 *   <li>{@code List<ConceptMention> ms = x.extract("Java, C++ or Python");}
 *   <li>each mention has the concept id, its kind and the span it was read from.
 * </ol>
 *
 * <p>Invariants: one pass per text, no regular expressions over input, whole-word matching only;
 * extractors are thread-safe.
 */
package org.rolematch.text;
