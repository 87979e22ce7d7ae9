/**
 * Concepts, their aliases and their broader/narrower relations.
 *
 * <ol>
 *   <li>Take the bundled default with {@link org.rolematch.taxonomy.Taxonomy#defaults()} (over a
 *       thousand concepts: languages, frameworks, data technologies, tools, skills, research
 *       areas, fields of study with their families, degrees, soft skills, locations).
 *   <li>Extend it with a file of your own: {@code Taxonomy.defaults().extendedWith(Taxonomy.load(path))},
 *       or replace it with {@code Taxonomy.load(path)}. The file format is JSON:
 *       <pre>{@code
 * {"format": "rolematch-taxonomy", "version": 1, "concepts": [
 *   {"id": "quarkus", "kind": "tool", "aliases": ["Quarkus"], "broader": ["web framework"]},
 *   {"id": "go", "kind": "programming_language", "aliases": ["Golang"], "ambiguousAliases": ["Go"]}]}
 * }</pre>
 *   <li>Ask it about relations: {@code isA}, {@code siblings}, {@code relatedFields}.
 * </ol>
 *
 * <p>Invariants: ids are unique, lower-case and trimmed; every broader id exists; the broader
 * relation has no cycle; a taxonomy never changes after it is built (thread-safe).
 */
package org.rolematch.taxonomy;
